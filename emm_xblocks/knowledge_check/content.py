"""What an author writes in a knowledge check: its questions, its phase and pair key, its settings
(pure data: no XBlock, no Django).

A knowledge check is asked twice with the same questions: before the training (``phase="pre"``)
and after it (``phase="post"``). The two blocks of one course that carry the same ``pair`` key are
one pair: a learner's two results are linked by a pseudonym (``common.platform.pair_token``).
Both blocks carry the same question set: the author writes the pre-test, then duplicates it
(Studio's "Duplicate", or the OLX element copied) and sets the copy's phase to ``post`` -- nothing
is typed twice. The results remember the questions' fingerprint (``common.questions.
questions_fingerprint``), so a pair whose two question sets later differ in what scoring depends on
is reported as such rather than compared (decision 23).

``SETTINGS`` is the one description of the settings (fields, OLX attributes, the editor's form,
``common.settings``); the questions and the introduction are kept in the block's one ``content``
field, as the plain data of ``to_fields``.
"""

from dataclasses import dataclass, fields

from ..common import content_language, retired, settings
from ..common.i18n import N_
from ..common.questions import CHOICE_KINDS, Question, ScoredQuestions, plain_data, question_from_data  # noqa: F401
from ..common.settings import SELECT, TEXT, Setting, with_settings

PRE, POST = "pre", "post"
PHASES = {PRE: N_("Before the training (pre-test)"), POST: N_("After the training (post-test)")}
UNGRADED, PARTICIPATION, SCORE = "none", "participation", "score"
GRADING = {
    UNGRADED: N_("Not graded"),
    PARTICIPATION: N_("Participation: full marks for answering"),
    SCORE: N_("Score: the points of the correct answers (post-test only)"),
}
KINDS = CHOICE_KINDS  # single and multiple choice
MAX_QUESTIONS = 50

# a test's name until its author gives it one: stored in English, shown in the reader's language
DEFAULT_NAME = N_("Knowledge check")
# ``group``: where the editor draws it (templates/knowledge_check/studio.html): the name, phase and
# pair head the form, the others are its "Settings"
SETTINGS = (
    Setting("display_name", TEXT, DEFAULT_NAME, N_("Display name"), group="check"),
    content_language.setting(group="check"),
    Setting("phase", SELECT, PRE, N_("When learners take it"), choices=PHASES, group="check"),
    Setting("pair", TEXT, "", N_("Pair key (the same in the pre-test and its post-test)"), group="check",
            help=N_("Letters, digits, hyphens or underscores, e.g. day1-trafficking."), key=True),
    # not ``graded``: Open edX's InheritanceMixin gives every block one (common.settings.PLATFORM_NAMES)
    Setting("grading", SELECT, UNGRADED, N_("Grading"), choices=GRADING),
    settings.weight(),
    settings.min_group_size(N_("Minimum number of linked learners before the pair's figures show")),
)


@dataclass(frozen=True)
class _CheckContent(ScoredQuestions):
    intro: str = ""  # HTML
    questions: tuple = ()
    # the ids of questions and options removed (or renamed) while results were filed under them
    # (``common.retired.Retired``): a save that gives one to another item is held, and "Save anyway"
    # gives that item another id (``changes``); never in the editor's form
    retired_ids: tuple = ()

    def author_html(self):
        """``[(field path, html)]`` of every field holding author HTML (what the editor names)."""
        html = [("intro", self.intro)]
        for i, q in enumerate(self.questions):
            html += [(f"questions.{i}.prompt", q.prompt), (f"questions.{i}.explanation", q.explanation)]
        return html


KnowledgeCheck = with_settings(_CheckContent, SETTINGS, "KnowledgeCheck")
KnowledgeCheck.__doc__ = "A knowledge check: its questions, phase, pair key and settings (frozen, hashable)."

CONTENT_FIELDS = ("content",)
BODY = tuple(f.name for f in fields(_CheckContent))


def from_fields(values):
    """The ``KnowledgeCheck`` held by the block's fields (``{field name: value}``, as stored); a
    ``None`` setting (inherited or explicit) keeps its default."""
    body = settings.stored_body(values)
    data = settings.stored_settings(values, SETTINGS)
    if isinstance(body.get("intro"), str):
        data["intro"] = body["intro"]
    questions = body.get("questions") if isinstance(body.get("questions"), list) else []
    data["questions"] = tuple(question_from_data(q) for q in questions if isinstance(q, dict))
    data["retired_ids"] = retired.from_data(body.get("retired_ids"))
    return KnowledgeCheck(**data)


def to_plain(check):
    """The whole check, its settings included, as JSON-able data (the editor's payload has this
    shape too; ``to_fields`` splits it between the settings' fields and the body's). The Likert's
    and the role-play's ``to_data`` is their body alone, their editors adding the settings."""
    return plain_data(check)


def to_fields(check):
    """``{field name: value}`` to store ``check`` in the block's fields (JSON types)."""
    return settings.to_stored(to_plain(check), SETTINGS, BODY)
