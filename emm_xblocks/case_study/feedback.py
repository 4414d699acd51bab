"""What a learner is shown of their submitted attempt (pure): the score, each question's verdict,
the chosen options' feedback, the key points to self-assess against and -- as the author's
``show_answers`` allows -- the correct answers, explanations, model answers and expert analysis.

``feedback`` decides from the attempt's ``marks`` (scored once, by the action or the view);
``correctness_hidden`` is the same answer where the platform's ``show_correctness`` hides correctness
(``xmodule/graders.py``): no score, no verdict, no feedback and no answers, as the platform's
problems then show no answer either (``xmodule/capa_block.py``, ``answer_available``).
"""

from ..common.attempts import attempts_left, score_tone, score_words
from ..common.i18n import N_
from ..common.question_scoring import total
from ..common.questions import VERDICTS as CHOICE_VERDICTS
from ..common.questions import question_result
from ..common.sanitize import clean_html
from .content import PENDING, REFLECTION
from .scoring import answers_revealed

VERDICTS = {**CHOICE_VERDICTS, PENDING: N_("Waiting for your self-assessment")}
# past the due date no self-assessment is taken (``self_assess`` answers 403 ``past_due``): none is waited for
CLOSED_VERDICTS = {**VERDICTS, PENDING: N_("Not self-assessed")}


def verdicts(closed):
    """The words of each status (untranslated): past the due date (``closed``) a written answer
    left without its self-assessment is "Not self-assessed", no longer "Waiting for" one."""
    return CLOSED_VERDICTS if closed else VERDICTS
UNMARKED = "submitted"  # a question's status where correctness is hidden (the platform's show_correctness)


def feedback(case, state, question_marks, counted, closed=False):
    """The learner's feedback on their submitted attempt as JSON-able data (``{"submitted": False,
    ...}`` before any submit). ``question_marks``: the attempt's ``common.question_scoring.marks``; ``counted``: the
    ``(earned, possible)`` that counts (``scoring.counted_score``), or None. Figures only: ``worded`` adds the words
    (``message``, ``announcement``) in the learner's language, where the numbers' locale is known.
    ``closed``: past the due date (``platform.is_past_due``): no attempt left (``attempts_left`` 0,
    no retry, ``closed`` True: the panel shows no count) and the answers revealed as after the last
    attempt (``scoring.answers_revealed``)."""
    if not state.submitted:
        return {"submitted": False, "revealed": False}
    earned, possible = total(case, question_marks)
    revealed = answers_revealed(case, state.submitted, state.attempts, possible > 0 and earned >= possible, closed)
    questions = [question_result(q, state.answers.get(q.id), state.ticks.get(q.id), mark, revealed)
                 for q, mark in zip(case.questions, question_marks, strict=True)]
    left = attempts_left(case.attempts_allowed, state.attempts, closed)
    return {
        "submitted": True,
        "attempt": state.attempts,
        "attempts_left": left,
        "closed": closed,
        "can_retry": left is None or left > 0,
        "score": earned,
        "max_score": possible,
        "grade": counted[0] if counted else None,
        "grade_policy": case.grade_policy,
        "assessed": state.assessed,
        "needs_assessment": not state.assessed and any(q["kind"] == REFLECTION and q.get("key_points")
                                                       for q in questions),
        "revealed": revealed,
        "correctness": True,
        "questions": questions,
        "expert_analysis": clean_html(case.expert_analysis) if revealed else "",
    }


def worded(data, numbers, _, ngettext, held=None):
    """``data`` with its words in the learner's language: ``message`` (the score),
    ``announcement`` (what the live region says: the score, then each question's verdict) and
    ``tone``, how the page shows it (``common.attempts.score_tone``: only full marks look like a
    success).
    ``numbers``: ``common.numbers.Numbers`` of the language; ``ngettext`` picks CLDR's form;
    ``held``: the grade the LMS holds when the current key would count another (``StoredScoreMixin.held_grade_among``):
    the message names it, not the attempt as the current key scores it."""
    if not data.get("submitted") or not data.get("correctness", True):
        return data
    if held is not None:
        message = score_words(held[0], held[1], numbers, ngettext, _("Your grade: {score}."))
    else:
        message = score_words(data["score"], data["max_score"], numbers, ngettext, _("Submitted: {score}."))
    tone = score_tone(held or (data["score"], data["max_score"]), data.get("needs_assessment"))
    frame, said = _("Question {n}: {verdict}."), {}  # each string translated once, not once per question
    names = verdicts(data.get("closed", False))
    return {**data, "message": message, "tone": tone, "announcement": " ".join([message, *(
        frame.format(n=i, verdict=said.get(q["status"]) or said.setdefault(q["status"], _(names[q["status"]])))
        for i, q in enumerate(data["questions"], start=1))])}


REVEALED_KEYS = ("correct_options", "all_feedback", "model_answer")


def answers_hidden(data):
    """``data`` without the answers (correct options, every feedback, explanations, model answers,
    the expert analysis); the verdicts and the score stay."""
    if not data.get("submitted"):
        return data
    questions = [{**{k: v for k, v in q.items() if k not in REVEALED_KEYS}, "explanation": ""}
                 for q in data["questions"]]
    return {**data, "revealed": False, "questions": questions, "expert_analysis": ""}


def correctness_hidden(data, _):
    """``data`` without anything that tells the learner whether they were right (the platform's
    ``show_correctness`` says not yet; beside ``answers_hidden``, its ``showanswer="never"``)."""
    if not data.get("submitted"):
        return data
    data = answers_hidden(data)
    message = _("Your answers were submitted.")
    questions = [{**q, "status": UNMARKED, "earned": None, "chosen": [dict(c, feedback="") for c in q["chosen"]]}
                 for q in data["questions"]]
    return {**data, "score": None, "grade": None, "correctness": False, "questions": questions,
            "message": message, "announcement": message}
