"""Scoring a knowledge check (pure): each question's mark, the test's score (in raw points, and in
percent as the learner's page and the pair's figures show it), and the grade the LMS gets as the
author chose (none, participation, or the score)."""

import math

from ..common.attempts import participation_score
from ..common.questions import choice_fraction, status_of
from .content import PARTICIPATION, SCORE


def marks(check, answers):
    """``(earned, status)`` of each question, in order."""
    out = []
    for q in check.questions:
        fraction = choice_fraction(q, answers.get(q.id))
        out.append((q.points * fraction, status_of(fraction)))
    return tuple(out)


def total(check, question_marks):
    """``(earned, possible)`` raw points of a test from its ``marks``."""
    return math.fsum(earned for earned, _status in question_marks), check.max_points


def score(check, answers):
    """``(earned, possible)`` raw points of ``answers``."""
    return total(check, marks(check, answers))


def percent(earned, possible):
    """``earned`` of ``possible`` in percent (0-100), 0 when nothing was possible: the score the
    learner's page and the figures show. Not ``100 * common.attempts.fraction``: multiplied after
    the division, 5.75 of 10 is 57.49999999999999 and is shown rounded half up as 57% instead
    of 58% (``common.numbers.rounded`` reads the float's shortest repr); divided last, a
    percentage that is exact in binary stays exact."""
    return 100.0 * earned / possible if possible else 0.0


def counted_score(check, state):
    """The ``(earned, possible)`` the LMS gets, or None when the check is not graded (its submit's
    ``Outcome.score``: no grade published; ``calculate_score`` then gives 0 of ``max_score``, as
    the LMS asks a score of a block whose ``has_score`` is False only by mistake)."""
    if check.grading == PARTICIPATION:
        return participation_score(state.submitted)
    if check.grading == SCORE:
        return score(check, state.answers) if state.submitted else (0.0, check.max_points)
    return None
