"""Author checks of a knowledge check (pure): ``validate(check, _) -> [Problem]``, each tied to a
field path (``questions.2.options.1.text``); it never raises. The same function runs in Studio's
editor (live and on save), in ``validate()`` (Studio's warnings) and in tests. ``playable`` says
whether learners may submit (no error that blocks them, ``common.validation.blocking``),
computed once per content.
"""

from functools import lru_cache

from ..common import settings
from ..common.ids import is_valid_id
from ..common.numbers import count
from ..common.questions import validate_question
from ..common.validation import Problem, blocking, image_alt_problems
from .content import GRADING, KINDS, MAX_QUESTIONS, PHASES, POST, PRE, SCORE, SETTINGS


def validate(check, _):
    """Every problem with the check's content, as ``Problem`` objects (never raises)."""
    problems = []
    add = problems.append
    if not check.display_name.strip():
        add(Problem("display_name", _("Give the knowledge check a name.")))
    if check.phase not in PHASES:
        add(Problem("phase", _("Choose when learners take it: before or after the training.")))
    if not is_valid_id(check.pair):
        add(Problem("pair", _("Give a pair key of 1 to 50 letters, digits, hyphens or underscores: the same "
                              "in the pre-test and its post-test.")))
    if check.grading not in GRADING:
        add(Problem("grading", _("Choose how it is graded.")))
    elif check.grading == SCORE and check.phase == PRE:
        add(Problem("grading", _("A pre-test cannot be graded by its score: the grade would tell learners which "
                                 "answers were right. Grade it by participation, or not at all.")))
    if not check.questions:
        add(Problem("questions", _("Add at least one question."), False))
    if len(check.questions) > MAX_QUESTIONS:
        add(Problem("questions", _("A knowledge check can have at most {n} questions.")
                    .format(n=count(MAX_QUESTIONS, _))))
    seen = set()
    for i, q in enumerate(check.questions):
        validate_question(add, f"questions.{i}", i + 1, q, seen, KINDS, _)
    problems += settings.problems(check, SETTINGS, _)
    problems += image_alt_problems(check.author_html(), _)
    return problems


def shared_slot(check, others, _):
    """``[Problem(..., error=False)]`` at ``phase``, one for each other test of the course with the
    check's pair key and phase (``others``: their names, ``KnowledgeCheckBlock.same_slot``). Results
    are filed by pair key and phase (``common.pairs``): a learner answers one of those tests and is
    refused the others. Studio's "Duplicate" of a test, the way to make its post-test, makes one
    until the copy's phase is set (decision 106)."""
    if check.phase not in PHASES:
        return []
    other = _(PHASES[POST if check.phase == PRE else PRE])
    return [Problem("phase", _(
        "“{name}”, another knowledge check of this course, also has the pair key “{pair}” and “When learners "
        "take it”: “{phase}”. A learner answers only one of the two and is refused the other as already "
        "answered. If this test is the other test of the pair, set “When learners take it” to “{other}”; if it "
        "is a test of its own, give it another pair key.").format(name=name, pair=check.pair,
                                                                   phase=_(PHASES[check.phase]), other=other),
        False) for name in others]


@lru_cache(maxsize=256)
def playable(check):
    """Learners may submit: at least one question and no error but those that keep no learner
    out (``blocking``: a missing name, an unlisted language of the content; checked once per content)."""
    return bool(check.questions) and not blocking(validate(check, str))
