"""Scoring a role-play's ended attempts, and the grade the LMS gets (pure).

An attempt's score is a fraction of its role's best (``paths.score``: 0 to 1, exact), recomputed
with the current points while its path still exists in the scenario and each choice it made is
found, where the author may have moved it (``marks``, decision 89), so a rescore after the author
fixes the points applies to the choices learners made; an attempt whose path or one of whose
choices the author removed or changed keeps the score it earned then, stored with it
(``{role, path, taken, marks, score}``). Which attempt counts is
``common.attempts.counted_attempt``; the LMS applies ``weight``.
"""

import math

from ..common.attempts import counted_attempt
from . import marks, paths

MAX_SCORE = 1.0


def stored_score(attempt):
    """The score an ended attempt earned when it ended, 0 to 1 (0 for a damaged one: not a number,
    or not finite)."""
    try:
        value = float(attempt.get("score", 0.0))
    except (AttributeError, TypeError, ValueError):
        return 0.0
    return value if math.isfinite(value) else 0.0


def _walkable(attempt):
    """``attempt``'s path and choices are stored as a path is (node ids, choice numbers), whatever
    the scenario says of them: a damaged attempt keeps the score stored with it."""
    path, taken = attempt.get("path"), attempt.get("taken")
    return (isinstance(path, list) and all(isinstance(node, str) for node in path) and isinstance(taken, list)
            and all(isinstance(index, int) for index in taken))


def attempt_score(scenario, attempt):
    """An ended attempt's score with the current scenario, its choices followed where the author
    moved them (``marks.followed``; an attempt stored without marks by their places); the score it
    earned then if the author removed its path, made its ending an ordinary node (bug hunt s42: it
    was rescored 0), or removed or changed (label, target) a choice it made since (bug hunt: a
    choice moved was rescored with the points of the one moved into its place), or if its stored
    path is damaged."""
    role = scenario.role(attempt.get("role", "")) if isinstance(attempt, dict) else None
    if role is None or not _walkable(attempt):
        return stored_score(attempt)
    path = attempt["path"]
    taken = marks.followed(scenario, path, attempt["taken"], attempt.get("marks"))
    if taken is not None and paths.path_is_valid(scenario, path, taken) and paths.ends(scenario, path):
        return paths.score(scenario, role, path, taken)
    return stored_score(attempt)


def attempt_scores(scenario, finished):
    """``(earned, possible)`` of each ended attempt (``finished``), oldest first, with the current points."""
    return [(attempt_score(scenario, a), MAX_SCORE) for a in finished]


def counted_score(scenario, finished):
    """The ``(earned, possible)`` the LMS gets: the ended attempt that counts (``grade_policy``),
    ``(0, 1)`` with none."""
    return counted_attempt(scenario.grade_policy, attempt_scores(scenario, finished)) or (0.0, MAX_SCORE)
