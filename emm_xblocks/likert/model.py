"""The Likert evaluation, pure: scales, statements, validation, submission checks, statistics.

No XBlock and no Django here. Translatable texts are passed in as ``_`` (a gettext function),
so the same validators run in the Studio editor, in ``validate()`` and in tests.
"""

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from ..common import olx
from ..common.i18n import N_
from ..common.validation import Problem, SubmissionError, errors  # noqa: F401 (part of the model's API)

NA = "na"
ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,50}$")
MAX_STATEMENTS = 100
MAX_TEXT = 1000
MAX_COMMENT = 2000
RESULTS_STAFF, RESULTS_LEARNERS = "staff", "learners"

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
    "custom": N_("Custom labels"),
}


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    reverse: bool = False
    required: bool = True


@dataclass(frozen=True)
class Survey:
    statements: tuple = ()
    display_name: str = "Evaluation"
    scale: str = "agree5"
    custom_labels: tuple = ()
    allow_na: bool = False
    comment: bool = False
    comment_prompt: str = ""
    anonymous: bool = False
    min_group_size: int = 5
    results: str = RESULTS_STAFF
    graded: bool = False
    weight: float = 1.0
    intro: str = ""

    def labels(self, _=lambda s: s):
        """The scale's labels, lowest first, translated when they are a preset's."""
        if self.scale == "custom":
            return tuple(self.custom_labels)
        return tuple(_(label) for label in SCALES.get(self.scale, SCALES["agree5"]))

    @property
    def points(self):
        return len(self.labels()) or 5

    def statement(self, sid):
        return next((s for s in self.statements if s.id == sid), None)


# ------------------------------------------------------------------ validation (author)
def validate(survey, _):
    """Every problem with the survey's content, as ``Problem`` objects (never raises)."""
    problems = []
    add = problems.append
    if not survey.statements:
        add(Problem("statements", _("Add at least one statement: learners have nothing to rate."), False))
    if len(survey.statements) > MAX_STATEMENTS:
        add(Problem("statements", _("A survey can have at most {n} statements.").format(n=MAX_STATEMENTS)))
    seen = set()
    for i, st in enumerate(survey.statements):
        where = f"statements.{i}"
        if not ID_RE.match(st.id or ""):
            add(Problem(f"{where}.id", _("Statement {n}: the id must be 1 to 50 letters, digits, "
                                         "hyphens or underscores.").format(n=i + 1)))
        elif st.id in seen:
            add(Problem(f"{where}.id", _("Statement {n}: the id “{id}” is used twice.")
                        .format(n=i + 1, id=st.id)))
        seen.add(st.id)
        if not st.text.strip():
            add(Problem(f"{where}.text", _("Statement {n} has no text.").format(n=i + 1)))
        elif len(st.text) > MAX_TEXT:
            add(Problem(f"{where}.text", _("Statement {n} is longer than {max} characters.")
                        .format(n=i + 1, max=MAX_TEXT)))
    if survey.scale not in SCALES and survey.scale != "custom":
        add(Problem("scale", _("Choose one of the scales offered.")))
    if survey.scale == "custom":
        labels = survey.custom_labels
        if not 2 <= len(labels) <= 11:
            add(Problem("custom_labels", _("A custom scale needs between 2 and 11 labels.")))
        if any(not label.strip() for label in labels):
            add(Problem("custom_labels", _("Every label of the custom scale needs a text.")))
        if len({label.strip().lower() for label in labels}) != len(labels):
            add(Problem("custom_labels", _("Two labels of the custom scale are the same.")))
    if not 1 <= survey.min_group_size <= 1000:
        add(Problem("min_group_size", _("The minimum group size must be between 1 and 1000.")))
    if survey.results not in (RESULTS_STAFF, RESULTS_LEARNERS):
        add(Problem("results", _("Choose who sees the results.")))
    if not 0 <= survey.weight <= 1000:
        add(Problem("weight", _("The weight must be between 0 and 1000.")))
    if len(survey.comment_prompt) > MAX_TEXT:
        add(Problem("comment_prompt", _("The comment prompt is longer than {max} characters.")
                    .format(max=MAX_TEXT)))
    if survey.results == RESULTS_LEARNERS and survey.min_group_size < 5:
        add(Problem("min_group_size", _("Learners will see results of groups smaller than 5: "
                                        "a person's answers may be guessed."), False))
    return problems


# ------------------------------------------------------------------ submissions (learner)
def check_submission(survey, answers, comment, _):
    """Return ``({statement id: value or None for N/A}, comment)`` or raise ``SubmissionError``."""
    if not isinstance(answers, dict):
        raise SubmissionError("invalid_answers", _("The answers must be a mapping of statement ids to values."))
    cleaned = {}
    for sid, value in answers.items():
        statement = survey.statement(sid) if isinstance(sid, str) else None
        if statement is None:
            raise SubmissionError("unknown_statement", _("There is no statement with this id."),
                                  statement=str(sid)[:60])
        if value is None:
            continue
        if value == NA:
            if not survey.allow_na:
                raise SubmissionError("na_not_allowed",
                                      _("“Not applicable” is not an answer in this survey."),
                                      statement=sid)
            cleaned[sid] = None
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= survey.points:
            raise SubmissionError("invalid_value", _("This answer is not a point of the scale."), statement=sid)
        cleaned[sid] = value
    missing = [s.id for s in survey.statements if s.required and s.id not in cleaned]
    if missing:
        raise SubmissionError("missing_required",
                              _("Please answer every required statement ({n} left).").format(n=len(missing)),
                              statements=missing)
    if comment is None:
        comment = ""
    if not isinstance(comment, str):
        raise SubmissionError("invalid_comment", _("The comment must be text."))
    comment = comment.strip()
    if comment and not survey.comment:
        raise SubmissionError("comment_not_allowed", _("This survey does not take comments."))
    if len(comment) > MAX_COMMENT:
        raise SubmissionError("comment_too_long",
                              _("The comment is longer than {max} characters.").format(max=MAX_COMMENT))
    return cleaned, comment


def rescore(survey, statement, value):
    """Reverse-coded statements count ``points + 1 - value`` (6 - x on five points)."""
    return survey.points + 1 - value if statement.reverse else value


# ------------------------------------------------------------------ statistics
@dataclass
class StatementStats:
    id: str
    text: str
    reverse: bool
    n: int = 0
    na: int = 0
    counts: list = field(default_factory=list)  # per scale point, raw answers, lowest first
    percents: list = field(default_factory=list)
    top_box: float = 0.0  # % choosing the most favourable point (after rescoring)
    top_two_box: float = 0.0
    mean: float | None = None  # rescored
    suppressed: bool = False


def pct(part, whole):
    return round(100.0 * part / whole, 1) if whole else 0.0


def statement_stats(survey, tallies, respondents):
    """Per-statement figures from ``tallies[statement][value] = count`` (values as stored strings).

    N/A is counted apart and left out of every denominator. A statement answered by fewer
    than ``min_group_size`` people (or a survey with fewer respondents) is ``suppressed``.
    """
    points = survey.points
    rows = []
    for st in survey.statements:
        tally = tallies.get(st.id, {})
        counts = [int(tally.get(str(v), 0)) for v in range(1, points + 1)]
        n = sum(counts)
        row = StatementStats(st.id, st.text, st.reverse, n=n, na=int(tally.get(NA, 0)))
        row.suppressed = respondents < survey.min_group_size or n < survey.min_group_size
        if row.suppressed:
            rows.append(row)
            continue
        rescored = [0] * points
        for v, c in enumerate(counts, start=1):
            rescored[rescore(survey, st, v) - 1] += c
        row.counts = counts
        row.percents = [pct(c, n) for c in counts]
        row.top_box = pct(rescored[-1], n)
        row.top_two_box = pct(sum(rescored[-2:]), n)
        row.mean = round(sum(v * c for v, c in enumerate(rescored, start=1)) / n, 2) if n else None
        rows.append(row)
    return rows


def headline(survey, rows):
    """% of all (non-N/A) answers in the two most favourable points, over shown statements."""
    shown = [r for r in rows if not r.suppressed and r.n]
    total = sum(r.n for r in shown)
    if not total:
        return None
    favourable = sum(r.top_two_box * r.n / 100.0 for r in shown)
    return round(100.0 * favourable / total, 1)


def diverging_segments(survey, row):
    """Bar segments centred on neutral: ``(point, start %, width %)`` on a 0-100 track.

    The track's middle is neutral; the disagreeing side extends left of it and the agreeing
    side right, each at half scale so that 100 % on one side fills half the track.
    """
    points = survey.points
    if row.suppressed or not row.n:
        return []
    mid = (points + 1) / 2.0
    below = sum(p for v, p in enumerate(row.percents, start=1) if v < mid)
    neutral = sum(p for v, p in enumerate(row.percents, start=1) if v == mid)
    start = 50.0 - (below + neutral / 2.0) / 2.0
    segments = []
    for v, p in enumerate(row.percents, start=1):
        width = p / 2.0
        if width:
            segments.append((v, round(start, 2), round(width, 2)))
        start += width
    return segments


# ------------------------------------------------------------------ OLX
def from_xml(el):
    """Read ``<emm_likert>`` into a ``Survey`` (unknown attributes are ignored)."""
    statements = tuple(
        Statement(
            id=item.get("id", ""),
            text=olx.text_of(item),
            reverse=olx.get_bool(item, "reverse"),
            required=olx.get_bool(item, "required", True),
        )
        for item in el.iterchildren("item")
    )
    labels = tuple(olx.text_of(lab) for lab in el.iterchildren("label"))
    intro = el.find("intro")
    prompt = el.find("comment_prompt")
    return Survey(
        statements=statements,
        display_name=el.get("display_name", Survey.display_name),
        scale=el.get("scale", Survey.scale),
        custom_labels=labels,
        allow_na=olx.get_bool(el, "allow_na"),
        comment=olx.get_bool(el, "comment"),
        comment_prompt=olx.text_of(prompt),
        anonymous=olx.get_bool(el, "anonymous"),
        min_group_size=olx.get_int(el, "min_group_size", Survey.min_group_size),
        results=el.get("results", Survey.results),
        graded=olx.get_bool(el, "graded"),
        weight=olx.get_float(el, "weight", Survey.weight),
        intro=olx.inner_html(intro) if intro is not None else "",
    )


def to_xml(survey, el=None):
    """Write ``survey`` into ``el`` (a new ``<emm_likert>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_likert")
    d = Survey()
    el.set("display_name", survey.display_name)
    for name in ("scale", "allow_na", "comment", "anonymous", "min_group_size", "results", "graded",
                 "weight"):
        olx.set_attr(el, name, getattr(survey, name), getattr(d, name))
    olx.add_html(el, "intro", survey.intro)
    if survey.scale == "custom":
        for label in survey.custom_labels:
            olx.add_text(el, "label", label)
    for st in survey.statements:
        olx.add_text(el, "item", st.text, id=st.id,
                     reverse="true" if st.reverse else None,
                     required=None if st.required else "false")
    if survey.comment_prompt:
        olx.add_text(el, "comment_prompt", survey.comment_prompt)
    return el


def with_changes(survey, **changes):
    return replace(survey, **changes)
