"""The grade a Likert evaluation gives the LMS (pure): participation credit, where the author
gives it; the answers themselves are never marked."""

from ..common.attempts import participation_score


def counted_score(survey, state):
    """The ``(earned, possible)`` the LMS gets for the learner's ``state`` (``learner.State``):
    full marks once submitted, none before (``attempts.participation_score``), or None where the
    evaluation gives no credit (``participation_graded`` off: no grade is published)."""
    return participation_score(state.submitted) if survey.participation_graded else None
