"""The role-play's tracking events (pure): names and fields, documented in docs/role_play.md.

* ``emm.role_play.started``: ``role``, ``attempt`` (its number);
* ``emm.role_play.chose``: ``role``, ``node``, ``choice`` (its index), ``points``, ``step``, ``attempt``;
* ``emm.role_play.went_back``: ``role``, ``step`` (the step the learner is back at), ``attempt``;
* ``emm.role_play.ended``: ``role``, ``node`` (the ending), ``category``, ``attempt``, ``earned``
  (points, may be negative), ``best`` (the role's best score), ``score`` (in [0, 1], exact).
"""

STARTED, CHOSE, WENT_BACK, ENDED = ("emm.role_play.started", "emm.role_play.chose", "emm.role_play.went_back",
                                    "emm.role_play.ended")


def started(role, attempt):
    return STARTED, {"role": role, "attempt": attempt}


def chose(role, node, index, points, step, attempt):
    return CHOSE, {"role": role, "node": node, "choice": index, "points": points, "step": step, "attempt": attempt}


def went_back(role, step, attempt):
    return WENT_BACK, {"role": role, "step": step, "attempt": attempt}


def ended(role, node, attempt, earned, best, score):
    return ENDED, {"role": role, "node": node.id, "category": node.category, "attempt": attempt,
                   "earned": earned, "best": best, "score": score}
