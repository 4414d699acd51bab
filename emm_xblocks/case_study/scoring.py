"""Which case-study attempt counts, and when its answers may be revealed (pure).

An attempt's points are ``common.question_scoring``'s (``marks``, ``total``, ``score``: choice questions
as ``choice_fraction`` scores them, a written reflection by the learner's self-assessment against
its key points), recomputed from the stored answers and ticks (so a rescore after the author fixes
a key applies); which attempt counts is ``common.attempts.counted_attempt``.
"""

import math

from ..common.attempts import counted_attempt, fraction
from ..common.question_scoring import score
from .content import SHOW_NEVER, SHOW_SUBMITTED


def attempt_parts(attempt):
    """``(answers, ticks)`` of a stored attempt (``{"answers": {...}, "ticks": {...} or None}``),
    whatever an older or damaged state holds."""
    attempt = attempt if isinstance(attempt, dict) else {}
    answers = attempt.get("answers") if isinstance(attempt.get("answers"), dict) else {}
    ticks = attempt.get("ticks") if isinstance(attempt.get("ticks"), dict) else None
    return answers, ticks


def attempt_scores(case, history):
    """``(earned, possible)`` of every stored attempt (``history``), oldest first, with the current key."""
    return [score(case, *attempt_parts(h)) for h in history]


def counted_score(case, history):
    """The ``(earned, possible)`` the LMS gets: the attempt that counts (``grade_policy``), ``(0, max)``
    before any attempt."""
    return counted_attempt(case.grade_policy, attempt_scores(case, history)) or (0.0, case.max_points)


def self_assessment_can_raise(policy, scores, pending_points):
    """Would saving the self-assessment of the last attempt's written questions raise the grade
    that counts among ``scores`` (``attempt_scores``, oldest first), were every key point ticked?
    ``pending_points``: the points of each question whose self-assessment is still to save. False
    with none, or before any attempt."""
    if not pending_points or not scores:
        return False
    earned, possible = scores[-1]
    best = counted_attempt(policy, [*scores[:-1], (earned + math.fsum(pending_points), possible)])
    return fraction(best) > fraction(counted_attempt(policy, scores))


def answers_revealed(case, submitted, attempts, full_marks, closed=False):
    """May the learner see correct options, model answers and the expert analysis? "After the
    last attempt (or full marks)" is the platform's ``showanswer`` ``finished``: ``closed() or
    is_correct()``, where ``closed()`` is "no attempt left **or** past due" (``xmodule/capa_block.py``,
    ``answer_available``, ``closed``): ``closed``, the due date passed (``platform.is_past_due``),
    ends the attempts as the last one allowed does, with or without a limit."""
    if not submitted or case.show_answers == SHOW_NEVER:
        return False
    if case.show_answers == SHOW_SUBMITTED:
        return True
    out_of_attempts = closed or (case.attempts_allowed and attempts >= case.attempts_allowed)
    return bool(out_of_attempts or full_marks)
