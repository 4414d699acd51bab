"""Attempts and which one counts (pure: no XBlock, no Django).

Graded blocks let the author choose ``attempts_allowed`` (0: no limit) and the attempt that
counts for the grade: the best (by percentage) or the last. Attempt numbers themselves are
claimed in the aggregate store by the pipeline (``common.actions.Claim``), so two requests sent
at the same moment cannot both spend one.
"""

from .i18n import N_

COUNT_BEST, COUNT_LAST = "best", "last"
COUNTED_ATTEMPT = {COUNT_BEST: N_("Best attempt"), COUNT_LAST: N_("Last attempt")}


def percent(score):
    """``earned / possible`` of ``(earned, possible)``; 0 when nothing was possible."""
    earned, possible = score
    return earned / possible if possible else 0.0


def counted_attempt(policy, scores):
    """The ``(earned, possible)`` that counts among ``scores`` (oldest first), or None if there
    is none: the last one, or the best by percentage (the earliest of equal ones)."""
    if not scores:
        return None
    if policy == COUNT_LAST:
        return scores[-1]
    return max(scores, key=percent)


def attempts_left(allowed, used):
    """How many more attempts may start (None: no limit)."""
    if not allowed:
        return None
    return max(0, allowed - used)
