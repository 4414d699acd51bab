"""The best route of a role (pure): the one the debrief and the printable pack show, and whether
Studio may say full marks are out of reach (``route_checked``).

``best_route`` counts every condition as met, as the grade's denominator does (``paths.best_score``,
linear time); ``playable_best_route`` is the best route a learner can really take. Both depend on
the scenario's structure only (``paths.structure``) and are cached per structure and start, so a
learner's request costs a dictionary look-up once the content has been seen.
"""

from functools import lru_cache

from . import graph as g
from .paths import _best_values, structure

ROUTE_BUDGET = 5_000


def best_route(scenario, start):
    """A best path as ``[(node id, choice index or None at the ending)]``, every condition counted
    as met (linear time, cached per structure and start)."""
    return list(_best_route(structure(scenario), start))


@lru_cache(maxsize=64)
def _best_route(struct, start):
    graph = {nid: [(c[0], c[1]) for c in choices] for nid, _ending, choices in struct}
    return tuple(g.best_route(graph, {nid for nid, ending, _c in struct if ending}, start))


def playable_best_route(scenario, start, budget=ROUTE_BUDGET):
    """The best path a learner can really take, conditions included, for the debrief.

    ``best_route`` counts every condition as met (the grade's denominator must stay linear
    time), so it may show a conditional choice that its own path never unlocks. Where it takes
    no such choice, or follows the conditions it takes, it is playable and exact, and shown
    (eight plain decisions of three choices are 6,561 paths: bug hunt hunt7). Otherwise a bounded
    search (each node at most twice on a path, ``budget`` steps) follows the conditions and
    stops as soon as it reaches the best score; past its budget the best it found is shown, and
    with nothing found, ``best_route``. The result depends on the scenario's structure only and
    is cached per structure and start (``route_checked`` says whether the search finished).
    """
    return route_checked(scenario, start, budget)[0]


def route_checked(scenario, start, budget=ROUTE_BUDGET):
    """``(route, complete)``: ``playable_best_route``'s route, and whether it is known to be the best a
    learner can play (False only when the search stopped at ``budget`` before reaching the best score,
    and ``best_route`` is not playable: full marks may then be out of reach, or not)."""
    route, complete = _playable_route(structure(scenario), start, budget)
    return (list(route) if route is not None else best_route(scenario, start)), complete


def _playable(struct, route):
    """Does a learner who follows ``route`` (``[(node id, choice index or None)]``) find each of its
    choices open (its conditions met on the way)?"""
    nodes = {nid: choices for nid, _ending, choices in struct}
    visited, points = set(), 0
    for nid, index in route:
        visited.add(nid)
        if index is None:
            return True
        goto, gain, if_visited, min_points = nodes[nid][index]
        if (if_visited and if_visited not in visited) or (min_points is not None and points < min_points):
            return False
        points += gain
    return False


@lru_cache(maxsize=64)
def _playable_route(struct, start, budget):
    """``(route or None, complete)``: the linear best route where it is playable, else the bounded
    search's (``_search_route``), else (past the budget) the best it found."""
    if start not in {nid for nid, _ending, _choices in struct}:
        return None, True
    exact = _best_route(struct, start)
    if not exact or _playable(struct, exact):
        return (exact or None), True
    found, complete = _search_route(struct, start, budget)
    return (found[1] if found else None), complete


def _search_route(struct, start, budget):
    """Depth-first with one mutable path (O(choices) per step, no copies): ``((points, route) or None,
    complete)``; ``complete`` is False when ``budget`` stopped it. The choices most worth taking
    first (their points and the best their target leads to, conditions counted as met: an upper
    bound), those that cannot beat the best path found left out: the first paths tried are the
    likeliest best, and a search stopped at its budget shows the best it could find."""
    nodes = {nid: (ending, choices) for nid, ending, choices in struct}
    values = _best_values(struct)
    target = values.get(start, g.NEG)
    target = 0 if target == g.NEG else target
    found, steps = None, 0
    path, taken, counts = [start], [], {start: 1}
    points = [0]  # points on arrival at each node of the path
    work = [None]  # per node of the path: an iterator over its choices still to try (None: not expanded)
    while path:
        nid = path[-1]
        ending, choices = nodes[nid]
        if work[-1] is None:
            if steps >= budget:
                return found, False
            steps += 1
            if ending:
                if found is None or points[-1] > found[0]:
                    found = (points[-1], tuple(zip(path, taken, strict=False)) + ((nid, None),))
                    if points[-1] >= target:
                        break
                work[-1] = iter(())
            else:
                work[-1] = iter(sorted(enumerate(choices), key=lambda c: -(c[1][1] + values.get(c[1][0], g.NEG))))
        advanced = False
        for index, (goto, gain, if_visited, min_points) in work[-1]:
            if goto not in nodes or counts.get(goto, 0) >= 2:
                continue
            if found is not None and points[-1] + gain + values.get(goto, g.NEG) <= found[0]:
                continue  # cannot earn more than the path found
            if (if_visited and if_visited not in counts) or (min_points is not None and points[-1] < min_points):
                continue
            path.append(goto)
            taken.append(index)
            counts[goto] = counts.get(goto, 0) + 1
            points.append(points[-1] + gain)
            work.append(None)
            advanced = True
            break
        if not advanced:
            done = path.pop()
            points.pop()
            work.pop()
            if taken:
                taken.pop()
            counts[done] -= 1
            if not counts[done]:
                del counts[done]
    return found, True
