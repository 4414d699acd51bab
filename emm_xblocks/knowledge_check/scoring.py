"""Scoring a knowledge check (pure): each question's mark, the test's score, and the grade the LMS
gets as the author chose (none, participation, or the score)."""

import math

from ..common.questions import choice_fraction, status_of
from .content import PARTICIPATION, SCORE


def marks(check, answers):
    """``(earned, status)`` of each question, in order."""
    out = []
    for q in check.questions:
        fraction = choice_fraction(q, answers.get(q.id))
        out.append((q.points * fraction, status_of(fraction)))
    return tuple(out)


def score(check, answers):
    """``(earned, possible)`` raw points of ``answers``."""
    return math.fsum(earned for earned, _status in marks(check, answers)), check.max_points


def grade(check, state):
    """The ``(earned, possible)`` the LMS gets, or None when the check is not graded."""
    if check.grading == PARTICIPATION:
        return (1.0 if state.submitted else 0.0), 1.0
    if check.grading == SCORE:
        return score(check, state.answers) if state.submitted else (0.0, check.max_points)
    return None
