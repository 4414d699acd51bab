"""Scoring a case-study attempt, and when its answers may be revealed (pure).

Points per question, summed; the LMS applies ``weight``:

* single and multiple choice: as ``common.questions.choice_fraction`` scores them;
* written reflection: ``points * ticked key points / key points`` -- the learner's own
  self-assessment against the expert's checklist, made after the submit (0 until then).
  A reflection without key points earns its points for a submitted answer.

An attempt's score is recomputed from its stored answers and ticks (so a rescore after the
author fixes a key applies); which attempt counts is ``common.attempts.counted_attempt``.
Scores are exact floats (``math.fsum``: three thirds make 1); only the page rounds them.
"""

import math

from ..common.attempts import counted_attempt
from ..common.questions import choice_fraction, status_of
from .content import CORRECT, INCORRECT, PENDING, REFLECTION, SHOW_NEVER, SHOW_SUBMITTED


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
        fraction = choice_fraction(q, answer)
    return q.points * fraction, status_of(fraction)


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


def attempt_scores(case, history):
    """``(earned, possible)`` of every stored attempt (``history``), oldest first, with the current key."""
    return [score_attempt(case, *attempt_parts(h)) for h in history]


def counted_score(case, history):
    """The ``(earned, possible)`` the LMS gets: the attempt that counts (``grade_policy``), ``(0, max)``
    before any attempt."""
    return counted_attempt(case.grade_policy, attempt_scores(case, history)) or (0.0, case.max_points)


def answers_revealed(case, submitted, attempts, full_marks):
    """May the learner see correct options, model answers and the expert analysis?"""
    if not submitted or case.show_answers == SHOW_NEVER:
        return False
    if case.show_answers == SHOW_SUBMITTED:
        return True
    out_of_attempts = case.attempts_allowed and attempts >= case.attempts_allowed
    return bool(out_of_attempts or full_marks)
