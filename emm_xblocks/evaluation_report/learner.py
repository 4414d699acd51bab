"""Learners do nothing in the evaluation report (pure): it is for course staff (``views.student_view``
shows learners nothing). No learner action, no learner field."""

from dataclasses import dataclass


@dataclass(frozen=True)
class State:
    """No learner state."""
