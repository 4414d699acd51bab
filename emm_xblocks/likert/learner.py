"""What a learner does in a Likert evaluation (pure): ``submit(survey, state, data, _) -> Outcome``.

A named learner may submit again (their answers replace the earlier ones); an anonymous
evaluation is submitted once, and the learner's state keeps only that it was.
"""

from dataclasses import dataclass, field
from functools import partial
from typing import ClassVar

from ..common import profile
from ..common.actions import ActionError, Live, Outcome, Record, described_once, refuse_unless_ready
from ..common.i18n import N_, ngettext_of
from ..common.numbers import count
from . import events
from .content import MAX_COMMENT, NA, to_fields
from .epochs import group_of
from .scoring import counted_score
from .validation import playable

ONCE_SLOT = "likert-anonymous"  # the one-time slot an anonymous submission takes
# the refusal of a submission while the author must fix the evaluation, and its page's notice
NOT_READY = N_("This evaluation is not ready yet: please come back later.")
SCALE_FIELD = "scale_id"  # what a submission says of the scale it was answered on (``check_scale``)
# its refusal when the scale changed since; the page says the same of answers it kept on the device
SCALE_CHANGED = N_("The answer scale of this evaluation has changed: your answers were not recorded. "
                   "Please answer again on the new scale.")


@dataclass(frozen=True)
class State:
    """The learner's fields: named answers (``{statement id: value or "na"}``), comment, submitted,
    the epoch of the scale the answers were given on (``epochs.py``: a scale changed since
    leaves them out of the form rather than relabelled)."""

    # only ``submit`` makes a new state, always submitted: a learner who has not submitted has
    # nothing else stored, so the block reads the other fields only once ``submitted`` is set
    # (``EditableContentMixin.learner_state``, decision 50)
    DEFAULTS_UNLESS: ClassVar[str] = "submitted"

    answers: dict = field(default_factory=dict)
    learner_comment: str = ""
    submitted: bool = False
    answers_epoch: int = 0
    learner_profile: str = ""  # the profile option a named learner chose ("" when none or anonymous)


def check_scale(survey, sent, _):
    """Refuse answers given on another scale than the survey's. ``sent``: the submission's
    ``scale_id``, the ``Survey.scale_id`` the page (its ``init_args``) or the app (its
    ``student_view_data``) was given with the form, kept with answers waiting on the device.

    Raises ``ActionError`` 409 ``scale_changed`` (``SCALE_CHANGED``, translated) when it is not the
    current scale's: a "3" given on five points ("Neither") is not kept as a "3" on four ("Agree"),
    whether the scale changed after learners answered (a new epoch) or before (the same epoch), and
    400 ``invalid_request`` when it is not text. A submission without it (``None`` or absent: a page
    loaded before this check was deployed, a script, an app that does not send it) is accepted as
    before: its answers are stored under the current scale, as they always were."""
    if sent is None:
        return
    if not isinstance(sent, str):
        raise ActionError("invalid_request", _("The request could not be read."))
    if sent != survey.scale_id:
        raise ActionError("scale_changed", _(SCALE_CHANGED))


def check_submission(survey, answers, comment, _):
    """Return ``({statement id: value or None for N/A}, comment)`` or raise ``ActionError``."""
    if not isinstance(answers, dict):
        raise ActionError("invalid_answers", _("The answers must be a mapping of statement ids to values."))
    cleaned = {}
    for sid, value in answers.items():
        statement = survey.statement(sid) if isinstance(sid, str) else None
        if statement is None:
            raise ActionError("unknown_statement", _("There is no statement with this id."),
                                  statement=str(sid)[:60])
        if value is None:
            continue
        if value == NA:
            if not survey.allow_na:
                raise ActionError("na_not_allowed",
                                      _("“Not applicable” is not an answer in this evaluation."),
                                      statement=sid)
            cleaned[sid] = None
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= survey.points:
            raise ActionError("invalid_value", _("This answer is not a point of the scale."), statement=sid)
        cleaned[sid] = value
    missing = [s.id for s in survey.statements if s.required and s.id not in cleaned]
    if missing:
        raise ActionError("missing_required",
                              _("Please answer every required statement ({n} left).").format(n=len(missing)),
                              statements=missing)
    if comment is None:
        comment = ""
    if not isinstance(comment, str):
        raise ActionError("invalid_comment", _("The comment must be text."))
    comment = comment.strip()
    if comment and not survey.comment_box:
        raise ActionError("comment_not_allowed", _("This evaluation does not take comments."))
    if len(comment) > MAX_COMMENT:
        # the noun in the form the language gives the number ("2 000 حرف" in Arabic, bug hunt s43)
        raise ActionError("comment_too_long", ngettext_of(
            _, "The comment is longer than {max} character.", "The comment is longer than {max} characters.",
            MAX_COMMENT).format(max=count(MAX_COMMENT, _)))
    return cleaned, comment


def sent_named(state):
    """The learner's answers were stored with their identity: their state keeps answers, a comment
    or a profile, which an anonymous submission never keeps (``submit``). A named submission that
    kept none of them stored no answer either."""
    return bool(state.answers or state.learner_comment or state.learner_profile)


def maybe_sent_anonymously(survey, state):
    """The learner may have sent this evaluation while it was anonymous: it is named now, their
    state says they submitted but keeps nothing. A named learner who sent every statement blank
    looks the same; the store tells them apart (the anonymous submission's claim, ``ONCE_SLOT``),
    asked only in this rare case."""
    return state.submitted and not survey.anonymous and not sent_named(state)


def sent_anonymously_message(_):
    """Why a learner who answered while the evaluation was anonymous cannot change their answers."""
    return _("You answered while this evaluation was anonymous: your answers are not linked to you, "
             "so they cannot be changed.")


def already_submitted(_, sent_anonymously=False):
    """The refusal of a submission the learner may not make: the anonymous evaluation they already
    sent, or one they sent while it was anonymous (now named, ``sent_anonymously``)."""
    return ActionError("already_submitted", sent_anonymously_message(_) if sent_anonymously else
                       _("This anonymous evaluation was already submitted; it cannot be changed."))


def _saved(survey):
    """The answer of a submission that was kept: ``{"submitted": true, "can_change"}``, no text
    (decision 59). The page says its own thank-you (``emm-likert.js``, in its language): a kept
    submission asks the translator nothing, and the runtime's i18n service is not built for it."""
    return {"submitted": True, "can_change": not survey.anonymous}


def current(survey, state, data, _):
    """Read-only: what the page shows of the learner's state (after a lost reply or an error).

    ``{"submitted", "can_change", "locked", "answers", "comment", "profile"}``: a named learner's
    answers, comment and profile as kept; none for an anonymous evaluation (its state keeps only that it was sent)."""
    named = not survey.anonymous
    return Outcome(result={
        "submitted": state.submitted,
        "can_change": named,
        "locked": state.submitted and not named,
        "answers": dict(state.answers) if named and state.submitted else {},
        "comment": state.learner_comment if named and state.submitted else "",
        "profile": state.learner_profile if named and state.submitted else "",
    })


def submit_replayed(survey, state, data, _):
    """Read-only replay of ``submit`` (the page sent the same action again): its answer."""
    return Outcome(result=_saved(survey))


def description_fields(survey):
    """What the course's evaluation report needs to label this evaluation's figures: its fields
    without the introduction and the comment prompt (``content.to_fields``), and without
    ``content_language`` when it is not specified (a description written before it stays the same)."""
    fields = to_fields(survey)
    if not fields.get("content_language"):
        del fields["content_language"]
    fields["content"] = {name: value for name, value in fields["content"].items()
                         if name not in ("intro", "comment_prompt")}
    return fields


description = described_once(description_fields)  # the store's write of them, made once per content


def submit(survey, state, data, _):
    """Check and keep one submission; participation credit and completion come with it.

    ``data``: ``{"answers": {statement id: 1..points or "na"}, "comment": str, "profile": str,
    "scale_id": str}``; ``scale_id`` optional (``check_scale``: refused with 409 ``scale_changed``
    when the scale changed since the form was given, checked before the answers, whose points
    are the old scale's)."""
    refuse_unless_ready(playable(survey), NOT_READY, _)
    if state.submitted and survey.anonymous:
        raise already_submitted(_)
    check_scale(survey, data.get(SCALE_FIELD), _)
    # sent while anonymous (now named)? The store's claim says; the write is refused if so (``Record.unless``)
    unless = ONCE_SLOT if maybe_sent_anonymously(survey, state) else ""
    answers, comment = check_submission(survey, data.get("answers"), data.get("comment"), _)
    # a profile sent when no question is asked (a page loaded before the author removed it) is
    # left out, as the case study's and the role-play's do: the answers count, no profile with them
    who = profile.check(survey.profile_options, data.get("profile"), _) if survey.asks_profile else ""
    stored = {sid: (NA if v is None else v) for sid, v in answers.items()}
    new = State(answers={} if survey.anonymous else stored,
                learner_comment="" if survey.anonymous else comment, submitted=True,
                answers_epoch=survey.scale_epoch, learner_profile="" if survey.anonymous else who)
    # the profile as one more row: the store counts the others under it too
    rows = profile.with_profile({group_of(survey, sid): value for sid, value in stored.items()}, who)
    return Outcome(
        state=new,
        result=_saved(survey),
        score=counted_score(survey, new),
        completion=1.0,
        events=(events.submitted(survey, stored, first=not state.submitted),),
        # stored under the scale's epoch: answers keep the scale they were given on (epochs.py)
        writes=(Record(rows, named=not survey.anonymous, comment=comment, comments=True,
                       once=ONCE_SLOT if survey.anonymous else "",
                       # made only if the store refuses the write: a kept submission translates nothing
                       refused=partial(already_submitted, _, bool(unless)), unless=unless),
                description(survey)),
        live=Live({sid: str(value) for sid, value in stored.items()}, named=not survey.anonymous,
                  covers=tuple(st.id for st in survey.statements)),
    )
