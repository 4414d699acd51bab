"""Scoring a case-study attempt, and when its answers may be revealed (pure).

Points per question, summed; the LMS applies ``weight``:

* single choice: full points for the correct option, else 0;
* multiple choice, all-or-nothing: full points when the chosen set is exactly the correct set;
* multiple choice, partial credit: ``points * max(0, right picks - wrong picks) / correct options``;
* written reflection: ``points * ticked key points / key points`` -- the learner's own
  self-assessment against the expert's checklist, made after the submit (0 until then).
  A reflection without key points earns its points for a submitted answer.

An attempt's score is recomputed from its stored answers and ticks (so a rescore after the
author fixes a key applies); which attempt counts is ``common.attempts.counted_attempt``.
Scores are exact floats (``math.fsum``: three thirds make 1); only the page rounds them.
"""

import math

from .content import CORRECT, INCORRECT, PARTIAL, PENDING, REFLECTION, SHOW_NEVER, SHOW_SUBMITTED, SINGLE


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
    return q.points * fraction, status


def marks(case, answers, ticks=None):
    """``(earned, status)`` of each question of the case, in order; ``ticks`` (``{question id:
    [key point ids]}``) is None before the self-assessment."""
    return tuple(score_question(q, answers.get(q.id), None if ticks is None else ticks.get(q.id, []))
                 for q in case.questions)


def total(case, question_marks):
    """``(earned, possible)`` of an attempt from its ``marks``."""
    return math.fsum(earned for earned, _status in question_marks), case.max_points


def score_attempt(case, answers, ticks=None):
    """``(earned, possible)`` of one attempt, from its answers and its self-assessment ticks."""
    return total(case, marks(case, answers, ticks))


def attempt_parts(attempt):
    """``(answers, ticks)`` of a stored attempt (``{"answers": {...}, "ticks": {...} or None}``),
    whatever an older or damaged state holds."""
    attempt = attempt if isinstance(attempt, dict) else {}
    answers = attempt.get("answers") if isinstance(attempt.get("answers"), dict) else {}
    ticks = attempt.get("ticks") if isinstance(attempt.get("ticks"), dict) else None
    return answers, ticks


def answers_revealed(case, submitted, attempts, full_marks):
    """May the learner see correct options, model answers and the expert analysis?"""
    if not submitted or case.show_answers == SHOW_NEVER:
        return False
    if case.show_answers == SHOW_SUBMITTED:
        return True
    out_of_attempts = case.attempts_allowed and attempts >= case.attempts_allowed
    return bool(out_of_attempts or full_marks)
