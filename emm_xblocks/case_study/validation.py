"""Author checks of a case study (pure): ``validate(case, _) -> [Problem]``, each problem tied to a
field path (``questions.2.options.1.text``); it never raises. The same function runs in Studio's
editor (live and on save), in ``validate()`` (Studio's warnings) and in tests. ``playable`` says
whether learners may submit (no error that blocks them, ``common.validation.blocking``),
computed once per content.
"""

from functools import lru_cache

from ..common import profile, settings
from ..common.ids import MAX_GROUP
from ..common.numbers import count
from ..common.questions import KEY_POINT_IDS, validate_question
from ..common.sanitize import is_safe_url
from ..common.validation import Problem, address_problem, blocking, check_id, image_alt_problems
from .content import (
    KINDS,
    MAX_QUESTIONS,
    MAX_WORDS,
    MULTIPLE,
    REFLECTION,
    SETTINGS,
    SHOW_ANSWERS,
    SHOW_FINISHED,
    SHOW_SUBMITTED,
    size_unreadable,
)


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
        add(Problem("questions", _("A case can have at most {n} questions.").format(n=count(MAX_QUESTIONS, _))))
    for i, doc in enumerate(case.documents):
        if not doc.title.strip():
            add(Problem(f"documents.{i}.title", _("Document {n} has no title.").format(n=i + 1)))
        if doc.url and not is_safe_url(doc.url):
            add(address_problem(f"documents.{i}.url", _("Document {n}").format(n=i + 1), doc.url, _))
        elif not doc.url and not doc.excerpt.strip():
            add(Problem(f"documents.{i}.url", _("Document {n}: give a web address or a course file, or an "
                                                "excerpt to read in the page.").format(n=i + 1)))
        if size_unreadable(doc.size):
            add(Problem(f"documents.{i}.size", _("Document {n}: the size “{size}” cannot be read: write it like "
                                                 "“1.2 MB”.").format(n=i + 1, size=doc.size[:40]), False))
    for i, img in enumerate(case.images):
        if not is_safe_url(img.src):
            add(address_problem(f"images.{i}.src", _("Image {n}").format(n=i + 1), img.src or "", _))
        if not img.alt.strip():
            add(Problem(f"images.{i}.alt", _("Image {n} has no alternative text: describe it for learners "
                                             "who cannot see it.").format(n=i + 1)))
    for i, sec in enumerate(case.sections):
        if not sec.title.strip():
            add(Problem(f"sections.{i}.title", _("Section {n} has no title.").format(n=i + 1)))
    seen = set()
    for i, q in enumerate(case.questions):
        _validate_question(add, f"questions.{i}", i + 1, q, seen, _)
    problems += profile.problems(case.profile_prompt, case.profile_options, _)
    if case.profile_options and not case.show_distribution:
        add(Problem("profile_prompt", _("The profile question is asked only when learners are shown how "
                                        "other participants answered: turn that setting on, or remove it."), False))
    problems += settings.problems(case, SETTINGS, _)
    problems += _answers_then_again(case, _)
    problems += image_alt_problems(case.author_html(), _)
    return problems


def _answers_then_again(case, _):
    """A warning at "Show answers" when a graded case shows the answers after each submission with
    no limit on attempts (a new case study's defaults): whichever attempt counts, the best or the
    last, every learner can reach full marks by giving the answers they were shown (bug hunt s44).
    The defaults stay (blocks rely on them); the author is told what happens and what to change.
    A limit the author set (the course's "Two teenagers at Assamaka": three tries, the last counts)
    is a choice of how much practice the grade allows, not a default nobody chose: not warned."""
    if not (case.weight > 0 and case.show_answers == SHOW_SUBMITTED and case.attempts_allowed == 0
            and any(q.points > 0 for q in case.questions)):
        return []
    return [Problem("show_answers", _(
        "Learners see the answers after each submission and may submit again: each of them can reach full marks by "
        "giving the answers they were shown. To grade what they know, set “{show}” to “{last}”, or “{attempts}” "
        "to 1.").format(show=_("Show answers"), last=_(SHOW_ANSWERS[SHOW_FINISHED]),
                        attempts=_("Maximum attempts (0: no limit)")), False)]


def _validate_question(add, where, n, q, seen, _):
    if not validate_question(add, where, n, q, seen, KINDS, _):
        return
    if q.kind == MULTIPLE:
        # each option's answers are counted under "<question id>.<option id>" (perspectives.recorded)
        for j, option in enumerate(q.options):
            if len(q.id) + 1 + len(option.id) > MAX_GROUP:
                add(Problem(f"{where}.options.{j}.id", _(
                    "Question {n}, option {m}: this id and the question's are too long together to count "
                    "its answers (at most {max} characters in all): shorten one of them.").format(
                        n=n, m=j + 1, max=count(MAX_GROUP - 1, _))))
    if q.kind != REFLECTION:
        return
    if q.min_words < 0 or q.max_words < 0 or q.max_words > MAX_WORDS or q.min_words > MAX_WORDS:
        add(Problem(f"{where}.max_words", _("Question {n}: word limits must be between 0 and {max}.")
                    .format(n=n, max=count(MAX_WORDS, _))))
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
        check_id(add, f"{where}.key_points.{j}", kp.id, kp_seen, KEY_POINT_IDS, _, n=n, m=j + 1)
        if not kp.text.strip():
            add(Problem(f"{where}.key_points.{j}.text",
                        _("Question {n}, key point {m} has no text.").format(n=n, m=j + 1)))


@lru_cache(maxsize=256)
def playable(case):
    """Learners may submit: at least one question and no error but those that keep no learner
    out (``blocking``: a missing name, an unlisted language of the content; checked once per content)."""
    return bool(case.questions) and not blocking(validate(case, str))
