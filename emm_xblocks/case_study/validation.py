"""Author checks of a case study (pure): ``validate(case, _) -> [Problem]``, each problem tied to a
field path (``questions.2.options.1.text``); it never raises. The same function runs in Studio's
editor (live and on save), in ``validate()`` (Studio's warnings) and in tests. ``playable`` says
whether learners may submit (no error), computed once per content.
"""

from functools import lru_cache

from ..common.attempts import COUNTED_ATTEMPT
from ..common.ids import id_key, is_valid_id
from ..common.sanitize import SAFE_URL_RE
from ..common.validation import Problem, errors, image_alt_problems
from .content import (
    KINDS,
    MAX_ATTEMPTS,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    MAX_WORDS,
    MULTIPLE,
    REFLECTION,
    SHOW_ANSWERS,
    SINGLE,
    size_unreadable,
)


def _check_id(add, where, value, seen, label, _):
    if not is_valid_id(value):
        add(Problem(f"{where}.id", label + " " + _("the id must be 1 to 50 letters, digits, hyphens or "
                                                   "underscores.")))
    elif id_key(value) in seen:
        add(Problem(f"{where}.id", label + " " + _("the id “{id}” is used twice.").format(id=value)))
    seen.add(id_key(value))


def validate(case, _):
    """Every problem with the case's content, as ``Problem`` objects (never raises)."""
    problems = []
    add = problems.append
    if not case.display_name.strip():
        add(Problem("display_name", _("Give the case a name.")))
    if not case.narrative.strip():
        add(Problem("narrative", _("The case has no narrative: learners have nothing to read."), False))
    if not case.questions:
        add(Problem("questions", _("Add at least one question."), False))
    if len(case.questions) > MAX_QUESTIONS:
        add(Problem("questions", _("A case can have at most {n} questions.").format(n=MAX_QUESTIONS)))
    for i, doc in enumerate(case.documents):
        if not doc.title.strip():
            add(Problem(f"documents.{i}.title", _("Document {n} has no title.").format(n=i + 1)))
        if doc.url and not SAFE_URL_RE.match(doc.url):
            add(Problem(f"documents.{i}.url", _("Document {n}: give a web address (https://...) or a "
                                                "course file (/static/...).").format(n=i + 1)))
        elif not doc.url and not doc.excerpt.strip():
            add(Problem(f"documents.{i}.url", _("Document {n}: give a web address or a course file, or an "
                                                "excerpt to read in the page.").format(n=i + 1)))
        if size_unreadable(doc.size):
            add(Problem(f"documents.{i}.size", _("Document {n}: the size “{size}” cannot be read: write it like "
                                                 "“1.2 MB”.").format(n=i + 1, size=doc.size[:40]), False))
    for i, img in enumerate(case.images):
        if not SAFE_URL_RE.match(img.src or ""):
            add(Problem(f"images.{i}.src", _("Image {n}: give a web address or a course file.").format(n=i + 1)))
        if not img.alt.strip():
            add(Problem(f"images.{i}.alt", _("Image {n} has no alternative text: describe it for learners "
                                             "who cannot see it.").format(n=i + 1)))
    for i, sec in enumerate(case.sections):
        if not sec.title.strip():
            add(Problem(f"sections.{i}.title", _("Section {n} has no title.").format(n=i + 1)))
    seen = set()
    for i, q in enumerate(case.questions):
        _validate_question(add, f"questions.{i}", i + 1, q, seen, _)
    if not 0 <= case.attempts_allowed <= MAX_ATTEMPTS:
        add(Problem("attempts_allowed", _("The number of attempts must be between 0 (unlimited) and {n}.")
                    .format(n=MAX_ATTEMPTS)))
    if case.grade_policy not in COUNTED_ATTEMPT:
        add(Problem("grade_policy", _("Choose which attempt counts.")))
    if case.show_answers not in SHOW_ANSWERS:
        add(Problem("show_answers", _("Choose when the answers are shown.")))
    if not 0 <= case.weight <= 1000:
        add(Problem("weight", _("The weight must be between 0 and 1000.")))
    if not 0 <= case.estimated_minutes <= 600:
        add(Problem("estimated_minutes", _("The estimated time must be between 0 and 600 minutes.")))
    if not 1 <= case.min_group_size <= 1000:
        add(Problem("min_group_size", _("The minimum group size must be between 1 and 1000.")))
    problems += image_alt_problems(case.author_html(), _)
    return problems


def _validate_question(add, where, n, q, seen, _):
    label = _("Question {n}:").format(n=n)
    _check_id(add, where, q.id, seen, label, _)
    if q.kind not in KINDS:
        add(Problem(f"{where}.kind", _("Question {n}: choose a question type.").format(n=n)))
        return
    if not q.prompt.strip():
        add(Problem(f"{where}.prompt", _("Question {n} has no text.").format(n=n)))
    if not 0 < q.points <= 100:
        add(Problem(f"{where}.points", _("Question {n}: points must be more than 0 and at most 100.").format(n=n)))
    if q.kind == REFLECTION:
        if q.min_words < 0 or q.max_words < 0 or q.max_words > MAX_WORDS:
            add(Problem(f"{where}.max_words", _("Question {n}: word limits must be between 0 and {max}.")
                        .format(n=n, max=MAX_WORDS)))
        elif q.max_words and q.min_words > q.max_words:
            add(Problem(f"{where}.min_words", _("Question {n}: the minimum number of words is above the "
                                                "maximum.").format(n=n)))
        if not q.key_points:
            add(Problem(f"{where}.key_points", _("Question {n}: add key points, so learners can assess their "
                                                 "answer against the model answer.").format(n=n), False))
        if not q.model_answer.strip():
            add(Problem(f"{where}.model_answer", _("Question {n} has no model answer.").format(n=n), False))
        kp_seen = set()
        for j, kp in enumerate(q.key_points):
            _check_id(add, f"{where}.key_points.{j}", kp.id, kp_seen,
                      _("Question {n}, key point {m}:").format(n=n, m=j + 1), _)
            if not kp.text.strip():
                add(Problem(f"{where}.key_points.{j}.text",
                            _("Question {n}, key point {m} has no text.").format(n=n, m=j + 1)))
        return
    if not 2 <= len(q.options) <= MAX_OPTIONS:
        add(Problem(f"{where}.options", _("Question {n} needs between 2 and {max} options.")
                    .format(n=n, max=MAX_OPTIONS)))
    opt_seen = set()
    for j, opt in enumerate(q.options):
        _check_id(add, f"{where}.options.{j}", opt.id, opt_seen,
                  _("Question {n}, option {m}:").format(n=n, m=j + 1), _)
        if not opt.text.strip():
            add(Problem(f"{where}.options.{j}.text", _("Question {n}, option {m} has no text.").format(n=n, m=j + 1)))
    correct = len(q.correct_ids)
    if q.kind == SINGLE and correct != 1:
        add(Problem(f"{where}.options", _("Question {n} is single choice: mark exactly one option as correct "
                                          "({count} marked).").format(n=n, count=correct)))
    if q.kind == MULTIPLE and correct == 0:
        add(Problem(f"{where}.options", _("Question {n}: mark at least one option as correct.").format(n=n)))
    if not q.explanation.strip():
        add(Problem(f"{where}.explanation", _("Question {n} has no explanation.").format(n=n), False))


@lru_cache(maxsize=256)
def playable(case):
    """Learners may submit: at least one question and no error (checked once per content)."""
    return bool(case.questions) and not errors(validate(case, str))
