"""A learner's answers (pure): checking what the browser sent, scoring, the grade policy, and
when the answers may be revealed. See ``model`` for the scoring rules."""

from ..common.validation import SubmissionError
from .case import (
    CORRECT,
    INCORRECT,
    MAX_ANSWER_CHARS,
    MAX_WORDS,
    MULTIPLE,
    PARTIAL,
    PENDING,
    POLICY_LAST,
    REFLECTION,
    SHOW_NEVER,
    SHOW_SUBMITTED,
    SINGLE,
    words,
)


def check_answers(case, raw, _, final=True):
    """Clean a learner's ``{question id: answer}``; raise ``SubmissionError`` on any bad answer.

    Single choice: an option id. Multiple choice: a list of option ids. Reflection: text.
    ``final`` (a submit, not a draft) also requires every question and the word limits.
    """
    if not isinstance(raw, dict):
        raise SubmissionError("invalid_answers", _("The answers could not be read."))
    cleaned = {}
    for qid, value in raw.items():
        q = case.question(qid)
        if q is None:
            raise SubmissionError("unknown_question", _("This question is not part of the case."), question=qid)
        if q.kind == SINGLE:
            if isinstance(value, list):
                if len(value) > 1:
                    raise SubmissionError("too_many_answers", _("Choose only one answer to this question."),
                                          question=qid)
                value = value[0] if value else None
            if value is None or value == "":
                continue
            if not isinstance(value, str) or q.option(value) is None:
                raise SubmissionError("unknown_option", _("This answer is not one of the options."), question=qid)
            cleaned[qid] = value
        elif q.kind == MULTIPLE:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SubmissionError("invalid_answer", _("This answer could not be read."), question=qid)
            if any(q.option(v) is None for v in value):
                raise SubmissionError("unknown_option", _("This answer is not one of the options."), question=qid)
            if value:
                cleaned[qid] = sorted(set(value), key=[o.id for o in q.options].index)
        else:
            if not isinstance(value, str):
                raise SubmissionError("invalid_answer", _("This answer could not be read."), question=qid)
            value = value.strip()
            if len(value) > MAX_ANSWER_CHARS or (final and q.max_words and words(value) > q.max_words):
                raise SubmissionError("answer_too_long", _("This answer is too long ({max} words at most).")
                                      .format(max=q.max_words or MAX_WORDS), question=qid)
            if value:
                cleaned[qid] = value
    if final:
        missing = [q.id for q in case.questions if q.id not in cleaned]
        if missing:
            raise SubmissionError("missing_answers", _("Please answer every question ({n} left).")
                                  .format(n=len(missing)), questions=missing)
        for q in case.questions:
            if q.kind == REFLECTION and words(cleaned[q.id]) < q.min_words:
                raise SubmissionError("answer_too_short", _("This answer is too short ({min} words at least).")
                                      .format(min=q.min_words), question=q.id)
    return cleaned


def check_ticks(case, raw, _):
    """Clean a self-assessment ``{reflection question id: [key point ids]}``."""
    if not isinstance(raw, dict):
        raise SubmissionError("invalid_ticks", _("The self-assessment could not be read."))
    cleaned = {}
    for qid, value in raw.items():
        q = case.question(qid)
        if q is None or q.kind != REFLECTION:
            raise SubmissionError("unknown_question", _("This question is not a written reflection of the case."),
                                  question=qid)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SubmissionError("invalid_ticks", _("The self-assessment could not be read."), question=qid)
        known = [kp.id for kp in q.key_points]
        if any(v not in known for v in value):
            raise SubmissionError("unknown_key_point", _("This key point is not part of the model answer."),
                                  question=qid)
        cleaned[qid] = sorted(set(value), key=known.index)
    return cleaned


# ------------------------------------------------------------------ scoring
def score_question(q, answer, ticks=None):
    """``(earned, status)`` for one question; ``ticks`` is None before self-assessment."""
    if q.kind == REFLECTION:
        if not answer:
            return 0.0, INCORRECT
        if not q.key_points:
            return float(q.points), CORRECT
        if ticks is None:
            return 0.0, PENDING
        ticked = set(ticks) if isinstance(ticks, (list, tuple, set)) else set()
        fraction = len(ticked & {kp.id for kp in q.key_points}) / len(q.key_points)
    else:
        chosen = set([answer] if isinstance(answer, str) else answer if isinstance(answer, (list, tuple)) else [])
        correct = set(q.correct_ids)
        if q.kind == SINGLE or not q.partial_credit or not correct:
            fraction = 1.0 if chosen and chosen == correct else 0.0
        else:
            fraction = max(0.0, (len(chosen & correct) - len(chosen - correct)) / len(correct))
    status = CORRECT if fraction >= 1 else PARTIAL if fraction > 0 else INCORRECT
    return q.points * fraction, status  # not rounded: only an attempt's total is (three 1/3 make 1)


def score_attempt(case, answers, ticks=None):
    """``(earned, possible)`` of one attempt, from its answers and its self-assessment ticks; the
    total is rounded once, to 4 decimals (the questions' scores are summed unrounded)."""
    ticks = ticks or {}
    earned = sum(score_question(q, answers.get(q.id), ticks.get(q.id))[0] for q in case.questions)
    return round(earned, 4), case.max_points


def grade(policy, scores):
    """The attempt that counts: ``scores`` is ``[(earned, possible), ...]`` oldest first."""
    if not scores:
        return None
    if policy == POLICY_LAST:
        return scores[-1]
    return max(scores, key=lambda s: (s[0] / s[1]) if s[1] else 0.0)


def answers_revealed(case, submitted, attempts, full_marks):
    """May the learner see correct options, model answers and the expert analysis?"""
    if not submitted or case.show_answers == SHOW_NEVER:
        return False
    if case.show_answers == SHOW_SUBMITTED:
        return True
    out_of_attempts = case.max_attempts and attempts >= case.max_attempts
    return bool(out_of_attempts or full_marks)
