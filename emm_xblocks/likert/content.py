"""What an author writes in a Likert evaluation: scales, statements, settings (pure data).

No XBlock and no Django here. ``SETTINGS`` is the one description of the evaluation's settings:
the XBlock fields, the OLX attributes and the editor's form are derived from it
(``common.settings``). The rest of the evaluation (statements, introduction, custom labels,
comment prompt, the scale's history, the profile question) is kept in the block's one ``content``
field, as in the other blocks (``to_fields``); a block saved by 0.1 kept each in a field of its
own (``LEGACY_FIELDS``), still read while ``content`` is empty (decision 49).
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property

from ..common import content_language, profile, retired, settings
from ..common.i18n import N_
from ..common.settings import CHECKBOX, SELECT, TEXT, Setting, with_settings
from ..common.validation import whole

NA = "na"
MAX_STATEMENTS = 100
MAX_TEXT = 1000
MAX_COMMENT = 2000
MIN_LABELS, MAX_LABELS = 2, 11  # a custom scale's labels
RESULTS_STAFF, RESULTS_LEARNERS = "staff", "learners"
CUSTOM = "custom"

SCALES = {
    "agree4": (N_("Strongly disagree"), N_("Disagree"), N_("Agree"), N_("Strongly agree")),
    "agree5": (N_("Strongly disagree"), N_("Disagree"), N_("Neither agree nor disagree"),
               N_("Agree"), N_("Strongly agree")),
    "agree7": (N_("Strongly disagree"), N_("Disagree"), N_("Somewhat disagree"),
               N_("Neither agree nor disagree"), N_("Somewhat agree"), N_("Agree"), N_("Strongly agree")),
    "satisfaction5": (N_("Very dissatisfied"), N_("Dissatisfied"),
                      N_("Neither satisfied nor dissatisfied"), N_("Satisfied"), N_("Very satisfied")),
    "frequency5": (N_("Never"), N_("Rarely"), N_("Sometimes"), N_("Often"), N_("Always")),
}
SCALE_NAMES = {
    "agree4": N_("Agreement, 4 points (no neutral)"),
    "agree5": N_("Agreement, 5 points"),
    "agree7": N_("Agreement, 7 points"),
    "satisfaction5": N_("Satisfaction, 5 points"),
    "frequency5": N_("Frequency, 5 points"),
    CUSTOM: N_("Custom labels"),
}
RESULTS = {RESULTS_STAFF: N_("Staff only"), RESULTS_LEARNERS: N_("Staff, and learners after they answer")}

# ``group``: where the editor draws it (templates/likert/studio.html): the name; the scale (its
# custom labels follow); what learners may add; privacy, results and grading
SETTINGS = (
    Setting("display_name", TEXT, N_("End-of-training evaluation"), N_("Display name"), group="name"),
    content_language.setting(group="name"),
    Setting("scale", SELECT, "agree5", N_("Scale"), choices=SCALE_NAMES, group="scale"),
    Setting("allow_na", CHECKBOX, False, N_("Offer “Not applicable”"), group="answers"),
    # ``comment`` in OLX written before 0.2
    Setting("comment_box", CHECKBOX, False, N_("Add a comment box"), olx_aliases=("comment",), group="answers"),
    Setting("anonymous", CHECKBOX, False, N_("Anonymous (answers are stored without the learner's identity and "
                                                "cannot be changed)"), group="privacy"),
    Setting("results", SELECT, RESULTS_STAFF, N_("Who sees the results"), choices=RESULTS, group="privacy",
            problem=N_("Choose who sees the results.")),
    settings.min_group_size(N_("Minimum number of respondents before results show"), group="privacy"),
    # not ``graded``: Open edX's InheritanceMixin gives every block a ``graded`` that a graded
    # subsection sets; ``graded`` in OLX written before 0.2 is still read
    Setting("participation_graded", CHECKBOX, False, N_("Give participation credit (graded)"),
            olx_aliases=("graded",), group="privacy"),
    settings.weight(group="privacy"),
)


@dataclass(frozen=True)
class Statement:
    """One statement learners rate; ``reverse``: worded negatively, so its scale is reversed."""

    id: str
    text: str
    reverse: bool = False
    required: bool = True


@dataclass(frozen=True)
class PastScale:
    """A scale learners answered on before the author changed it: answers given on it are stored
    under ``<statement id>@<epoch>`` (epoch 0: the bare statement id) and reported with its labels."""

    epoch: int
    scale: str
    custom_labels: tuple = ()

    def labels(self, _=lambda s: s):
        return scale_labels(self.scale, self.custom_labels, _)


def scale_labels(scale, custom_labels, _=lambda s: s):
    """A scale's labels, lowest first: a custom scale's as the author wrote them, a preset's
    translated by ``_`` (an unknown preset: ``agree5``'s)."""
    if scale == CUSTOM:
        return tuple(custom_labels)
    return tuple(_(label) for label in SCALES.get(scale, SCALES["agree5"]))


@dataclass(frozen=True)
class _SurveyContent:
    statements: tuple = ()
    custom_labels: tuple = ()
    intro: str = ""  # HTML
    comment_prompt: str = ""
    # the scale's epoch: bumped when an author changes the scale of an evaluation with answers
    # (``changes.carry_over``); the earlier scales, with their epochs, in ``past_scales``
    scale_epoch: int = 0
    past_scales: tuple = ()
    # the statements removed (or whose id was renamed) while answers were stored, as ``Statement``s
    # (id and text only): their answers are shown apart, labelled with their words (``changes.carry_over``)
    removed_statements: tuple = ()
    # the optional participant profile question (issue 11, ``common.profile``): its prompt and
    # ``profile.Option``s; answered (or not: "prefer not to say") with the rest, the reports break
    # figures down by it
    profile_prompt: str = ""
    profile_options: tuple = ()
    # the ids of profile options removed (or renamed) while answers were stored under them
    # (``common.retired.Retired``): a save that gives one to another option is held, and "Save
    # anyway" gives that option another id (``changes``); never in the editor's form
    retired_ids: tuple = ()

    def labels(self, _=lambda s: s):
        """The scale's labels, lowest first, translated when they are a preset's (``scale_labels``)."""
        return scale_labels(self.scale, self.custom_labels, _)

    @cached_property
    def points(self):
        """The scale's number of points, worked out once per content (a submission checks each
        answer against it; the content is frozen, parsed once and kept: ``common.content_cache``)."""
        return len(self.labels()) or 5

    @property
    def scale_identity(self):
        """What gives the scale's points their meaning: the preset's name, or the custom labels."""
        return (self.scale, tuple(self.custom_labels) if self.scale == CUSTOM else ())

    @cached_property
    def scale_id(self):
        """The scale's identity as the page and the apps are given it: 12 hexadecimal digits, a
        SHA-256 digest of the preset's key, the number of points and a custom scale's labels
        (``scale_identity``), the same in every process and language. A submission sends it back
        and is refused if the scale changed since (``learner.check_scale``). Not ``scale_epoch``:
        the epoch moves on only when the scale changes after learners answered, so a scale
        changed before anyone answered keeps its epoch and changes its meaning all the same."""
        kind, labels = self.scale_identity
        text = json.dumps([kind, self.points, list(labels)], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    def past_scale(self, epoch):
        return next((p for p in self.past_scales if p.epoch == epoch), None)

    @property
    def asks_profile(self):
        """The learner's form asks the profile question, as the case study's and the role-play's
        ``asks_profile`` say: here whenever it has options (an evaluation's reports always break
        their figures down by it), there only with "show how others answered" on as well (the
        only figures their answer is used for)."""
        return bool(self.profile_options)

    def statement(self, sid):
        return self._statements_by_id.get(sid)

    @cached_property
    def _statements_by_id(self):
        """``{id: Statement}``, the first of an id (as a search in order finds it), made once per content."""
        by_id = {}
        for statement in self.statements:
            by_id.setdefault(statement.id, statement)
        return by_id

    def removed_text(self, sid):
        """The words of statement ``sid``, removed while answered ("" if not kept)."""
        return next((s.text for s in self.removed_statements if s.id == sid), "")


Survey = with_settings(_SurveyContent, SETTINGS, "Survey")
Survey.__doc__ = "A Likert evaluation: its statements, scale and settings (frozen, hashable)."

CONTENT_FIELDS = ("content",)  # one Dict field holds the evaluation's body (see ``to_fields``)
BODY = ("statements", "custom_labels", "intro", "comment_prompt", "scale_epoch", "past_scales",
        "profile_prompt", "profile_options")  # (``removed_statements``, ``retired_ids``: only ever in ``content``)
# 0.1 kept each part of the body in a field of its own, named as in ``BODY``: a block saved then
# (and an evaluation's description stored then, ``learner.description_fields``) is read from them while its
# ``content`` is empty; the next save writes ``content`` and sets them back to their defaults
# (decision 49)
LEGACY_FIELDS = BODY


def from_fields(values):
    """The ``Survey`` held by the block's fields (``{field name: value}``, as stored): the body in
    ``content``, else (a block saved by 0.1) in the ``LEGACY_FIELDS`` of ``values``."""
    body = settings.stored_body(values) or values
    statements = tuple(
        Statement(str(s.get("id", "")), str(s.get("text", "")), bool(s.get("reverse")),
                  s.get("required", True) is not False)
        for s in body.get("statements") or () if isinstance(s, dict))
    return Survey(
        statements=statements,
        custom_labels=tuple(str(x) for x in body.get("custom_labels") or ()),
        intro=body.get("intro") or "",
        comment_prompt=body.get("comment_prompt") or "",
        scale_epoch=whole(body.get("scale_epoch"), low=0),
        past_scales=tuple(
            PastScale(whole(p.get("epoch"), low=0), str(p.get("scale", "")),
                      tuple(str(x) for x in p.get("custom_labels") or ()))
            for p in body.get("past_scales") or () if isinstance(p, dict)),
        removed_statements=tuple(Statement(str(s.get("id", "")), str(s.get("text", "")))
                                 for s in body.get("removed_statements") or () if isinstance(s, dict)),
        profile_prompt=str(body.get("profile_prompt") or ""),
        profile_options=profile.options_from(list(body.get("profile_options") or ())),
        retired_ids=retired.from_data(body.get("retired_ids")),
        **settings.stored_settings(values, SETTINGS),
    )


def to_data(survey):
    """The survey's body as JSON-able data, its settings aside (the ``content`` field; the
    editor's form holds its statements, labels, texts and profile question): statements, custom
    labels, introduction, comment prompt, the scale's epoch and past scales, profile question, and
    the removed statements kept for their answers and the retired ids (``common.retired``), each
    only when there are some."""
    data = {
        "statements": [{"id": s.id, "text": s.text, "reverse": s.reverse, "required": s.required}
                       for s in survey.statements],
        "custom_labels": list(survey.custom_labels),
        "intro": survey.intro,
        "comment_prompt": survey.comment_prompt,
        "scale_epoch": survey.scale_epoch,
        "past_scales": [{"epoch": p.epoch, "scale": p.scale, "custom_labels": list(p.custom_labels)}
                        for p in survey.past_scales],
        "profile_prompt": survey.profile_prompt,
        "profile_options": [{"id": o.id, "text": o.text} for o in survey.profile_options],
    }
    if survey.removed_statements:
        data["removed_statements"] = [{"id": s.id, "text": s.text} for s in survey.removed_statements]
    if survey.retired_ids:
        data["retired_ids"] = retired.to_data(survey.retired_ids)
    return data


def to_fields(survey):
    """``{field name: value}`` to store ``survey`` in the block's fields (JSON types): each setting
    in its own field, the body (``to_data``) in ``content``."""
    values = settings.values(survey, SETTINGS)
    values["content"] = to_data(survey)
    return values
