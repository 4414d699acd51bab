"""The grade the LMS gets of a knowledge check, as the author chose (none, participation, or the
score: ``common.question_scoring.score``, in raw points) (pure)."""

from ..common.attempts import participation_score
from ..common.question_scoring import score
from .content import PARTICIPATION, SCORE


def counted_score(check, state):
    """The ``(earned, possible)`` the LMS gets, or None when the check is not graded (its submit's
    ``Outcome.score``: no grade published; ``calculate_score`` then gives 0 of ``max_score``, as
    the LMS asks a score of a block whose ``has_score`` is False only by mistake)."""
    if check.grading == PARTICIPATION:
        return participation_score(state.submitted)
    if check.grading == SCORE:
        return score(check, state.answers) if state.submitted else (0.0, check.max_points)
    return None
