"""A learner's path through a scenario and its points (pure): the best score a role can earn,
which choices are offered, what a finished path scores (the best route: ``routes``).

A learner's attempt is ``path`` (node ids visited, the start first) and ``taken`` (the index of
the choice taken at each node but the last). Everything — available choices, points, the
grade — is recomputed from those two lists and the current scenario.
"""

from functools import lru_cache

from . import graph as g


def structure(scenario):
    """What the best score and routes depend on, as nested tuples (hashable, without any text or
    HTML): ``((node id, ending, ((goto, points, if_visited, min_points), ...)), ...)``; an ending's
    choices are left out (never offered: ``Scenario.graph``)."""
    return tuple((n.id, n.ending, () if n.ending else tuple((c.goto, c.points, c.if_visited, c.min_points)
                                                             for c in n.choices))
                 for n in scenario.nodes)


def best_score(scenario, start):
    """Most points any path from ``start`` to an ending can earn (the grade's denominator).

    A longest path on the graph with each loop collapsed into one step, in linear time;
    conditions count as satisfiable. 0 when no ending can be reached.
    """
    value = _best_values(structure(scenario)).get(start, g.NEG)
    return 0 if value == g.NEG else value


@lru_cache(maxsize=64)
def _best_values(struct):
    """``{node id: best points from it}`` of a scenario's structure (cached: each attempt's grade
    and each ending's debrief need it, and the scenario rarely changes)."""
    graph = {nid: [(c[0], c[1]) for c in choices] for nid, _ending, choices in struct}
    values, _comp, _components = g.best_values(graph, {nid for nid, ending, _c in struct if ending})
    return values


def reached(scenario, starts=None):
    """The ids of the nodes a learner can arrive at from ``starts`` (default: every role's start),
    cached per structure: a node outside them is a draft no learner meets (decision 78)."""
    starts = tuple(r.start for r in scenario.roles) if starts is None else tuple(starts)
    return _reached(structure(scenario), starts)


@lru_cache(maxsize=64)
def _reached(struct, starts):
    return frozenset(g.reachable({nid: [(c[0], c[1]) for c in choices] for nid, _ending, choices in struct}, starts))


def path_is_valid(scenario, path, taken):
    """True when each step of the stored path still exists in the (maybe edited) scenario."""
    if not path or len(taken) != len(path) - 1:
        return False
    for i, nid in enumerate(path):
        node = scenario.node(nid)
        if node is None:
            return False
        if i < len(taken):
            idx = taken[i]
            if not isinstance(idx, int) or not 0 <= idx < len(node.choices) or node.choices[idx].goto != path[i + 1]:
                return False
    return True


def route_labels(scenario, route):
    """The labels of a route's choices (``routes.playable_best_route``'s ``[(node id, choice index or
    None)]``), the ending's step (None) left out: the debrief's "best path"."""
    return [scenario.node(nid).choices[idx].label for nid, idx in route if idx is not None]


def kept_steps(scenario, path, taken):
    """The labels of a stored path's choices as far as the (maybe edited) scenario still has them:
    up to the first node removed, choice gone, or choice that now leads elsewhere (included)."""
    labels = []
    for i, (nid, idx) in enumerate(zip(path, taken, strict=False)):
        node = scenario.node(nid)
        if node is None or not isinstance(idx, int) or not 0 <= idx < len(node.choices):
            break
        labels.append(node.choices[idx].label)
        if i + 1 >= len(path) or node.choices[idx].goto != path[i + 1]:
            break
    return labels


def earned(scenario, path, taken):
    """Points earned along the path (may be negative)."""
    total = 0
    for nid, idx in zip(path, taken, strict=False):
        total += scenario.node(nid).choices[idx].points
    return total


def available(scenario, path, taken):
    """``[(index, choice)]`` offered at the path's last node: conditions met."""
    node = scenario.node(path[-1])
    if node is None or node.ending:
        return []
    visited = set(path)
    points = earned(scenario, path, taken)
    return [(i, c) for i, c in enumerate(node.choices) if condition_met(c, visited, points)]


def condition_met(choice, visited, points):
    """Is ``choice`` open to a learner who has seen the node ids ``visited`` (a set) and earned
    ``points`` so far: its ``if_visited`` node seen, and at least its ``min_points``?"""
    if choice.if_visited and choice.if_visited not in visited:
        return False
    return not (choice.min_points is not None and points < choice.min_points)


def ends(scenario, path):
    """Does ``path`` stop at a node that is an ending now (an author may have made an ending an
    ordinary node since, or a node an ending)?"""
    node = scenario.node(path[-1]) if path else None
    return node is not None and node.ending


def score(scenario, role, path, taken):
    """The grade of a finished path in [0, 1]: ``max(0, earned) / best``, exact (never rounded).

    With nothing to earn (best 0), reaching an ending is full marks.
    """
    node = scenario.node(path[-1]) if path else None
    if node is None or not node.ending:
        return 0.0
    best = best_score(scenario, role.start)
    if best <= 0:
        return 1.0
    return min(1.0, max(0, earned(scenario, path, taken)) / best)


def band_message(scenario, percent, final=False):
    """The message of the highest band ``percent`` reaches ("" for none); with ``final`` (no
    attempt left) its ``final`` message, if the author wrote one."""
    fitting = [b for b in scenario.bands if percent >= b.min]
    if not fitting:
        return ""
    band = max(fitting, key=lambda b: b.min)
    return (band.final or band.message) if final else band.message


STRAND_BUDGET = 20_000


def stranded(scenario, path, taken):
    """The learner is stuck at the path's last node (not an ending, with choices): no choice is open
    to them (each has a condition, ``if_visited`` or ``min_points``, this path does not meet), or
    none of the open ones can lead to an ending (they go round a loop whose way out stays closed:
    bug hunt hunt3). Exact, by the state search ``strandings`` uses, from the learner's state
    (cached per structure and state; a search past ``STRAND_BUDGET`` states counts as a way on),
    where conditions may strand (``_may_strand``)."""
    node = scenario.node(path[-1]) if path else None
    if node is None or node.ending or not node.choices:
        return False
    if not available(scenario, path, taken):
        return True
    if not any(c.if_visited or c.min_points is not None for n in scenario.nodes for c in n.choices):
        return False  # no condition: nothing is closed anywhere (the quick answer for most scenarios)
    struct = structure(scenario)
    if not _may_strand(struct):
        return False
    named, track = _decides(struct)
    state = (node.id, earned(scenario, path, taken) if track else 0, frozenset(set(path) & named))
    return _goes_round(struct, state, STRAND_BUDGET)


def strandings(scenario, budget=None):
    """Where a playable path leaves a learner with no way on: ``(found, complete)``.

    ``found``: ``{node id: a shortest path (node ids, a role's start first) that arrives there with
    every choice closed, or with none of the open ones leading to an ending}``
    (``going_round`` tells the second kind); ``complete``: False when the search stopped at
    ``budget`` states (then ``found`` holds the nodes seen with every choice closed so far;
    ``budget`` None: ``STRAND_BUDGET``). The search is exact: the choices open at a node depend
    only on the points earned on the path and on which nodes named by an ``if_visited`` it went
    through, so it explores those states once each (going back returns to a state already seen),
    then marks those from which a state at an ending can be reached. It assumes loops carry no
    points (``validate`` refuses them), and runs only where conditions may strand
    (``_may_strand``). Breadth first, so each path named is a shortest one."""
    found, _round, complete = _search(scenario, budget)
    return dict(found), complete


def going_round(scenario, budget=None):
    """The node ids of ``strandings`` where the path named arrives with a choice open, none of the
    open ones leading to an ending: the learner would go round a loop for ever."""
    return _search(scenario, budget)[1]


def _search(scenario, budget):
    struct = structure(scenario)
    if not _may_strand(struct):
        return (), frozenset(), True
    starts = tuple(sorted({r.start for r in scenario.roles}))
    return _strandings(struct, starts, STRAND_BUDGET if budget is None else budget)


@lru_cache(maxsize=64)
def _may_strand(struct):
    """Can conditions leave a learner with no way on? Only at a node whose choices all have one (it
    may close entirely), or where a node on a loop has one (the loop's way out may stay closed).
    Elsewhere a learner always has an open choice, and in a scenario whose every node has choices
    and can reach an ending (``validate``'s structural errors, which keep learners out), following
    the open ones never goes round for ever: a loop of states that never leaves must close some
    choice of its nodes. Otherwise the search is skipped (a scenario with conditions outside loops
    only, the common case, costs nothing more to check)."""
    if not any(c[2] or c[3] is not None for _nid, _ending, choices in struct for c in choices):
        return False
    comp, components = g.strongly_connected({nid: [(c[0], c[1]) for c in choices] for nid, _e, choices in struct})
    for nid, ending, choices in struct:
        conditional = [c for c in choices if c[2] or c[3] is not None]
        looped = len(components[comp[nid]]) > 1 or any(c[0] == nid for c in choices)
        if not ending and conditional and (len(conditional) == len(choices) or looped):
            return True
    return False


@lru_cache(maxsize=64)
def _decides(struct):
    """What decides the choices open at a node: the node ids named by an ``if_visited``, and
    whether any choice asks for points (if none does, the points on arrival decide nothing and
    the search leaves them out, exploring each node once per set of those nodes passed)."""
    named = frozenset(c[2] for _nid, _ending, choices in struct for c in choices if c[2])
    return named, any(c[3] is not None for _nid, _ending, choices in struct for c in choices)


def _open(choices, points, seen):
    return [c for c in choices if (not c[2] or c[2] in seen) and (c[3] is None or points >= c[3])]


def _next(nodes, state, track, named):
    """The states the open choices of ``state`` lead to (targets that are not nodes left out)."""
    nid, points, seen = state
    return [(goto, points + gain if track else 0, seen | {goto} if goto in named else seen)
            for goto, gain, if_visited, min_points in nodes[nid][1]
            if goto in nodes and (not if_visited or if_visited in seen)
            and (min_points is None or points >= min_points)]


@lru_cache(maxsize=256)
def _goes_round(struct, state, budget):
    """From ``state`` no state at an ending can be reached (False once the search passes ``budget``)."""
    nodes = {nid: (ending, choices) for nid, ending, choices in struct}
    named, track = _decides(struct)
    seen, todo = {state}, [state]
    while todo:
        if len(seen) > budget:
            return False
        here = todo.pop()
        if nodes[here[0]][0]:
            return False
        for nxt in _next(nodes, here, track, named):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return True


@lru_cache(maxsize=64)
def _strandings(struct, starts, budget):
    nodes = {nid: (ending, choices) for nid, ending, choices in struct}
    named, track = _decides(struct)
    parent, before = {}, {}  # each state's first parent (the witness), and all its parents
    queue = []
    for start in starts:
        if start in nodes:
            state = (start, 0, frozenset({start} & named))
            if state not in parent:
                parent[state] = None
                queue.append(state)
    found = {}
    head = 0
    while head < len(queue):
        if len(parent) > budget:
            return tuple(found.items()), frozenset(), False
        state = queue[head]
        head += 1
        nid, points, seen = state
        ending, choices = nodes[nid]
        if ending:
            continue
        if choices and not _open(choices, points, seen) and nid not in found:
            found[nid] = _witness(parent, state)
        for nxt in _next(nodes, state, track, named):
            before.setdefault(nxt, []).append(state)
            if nxt not in parent:
                parent[nxt] = state
                queue.append(nxt)
    # the states from which an ending can be reached: back from the endings' states
    way_on = [state for state in queue if nodes[state[0]][0]]
    ends = set(way_on)
    while way_on:
        for earlier in before.get(way_on.pop(), ()):
            if earlier not in ends:
                ends.add(earlier)
                way_on.append(earlier)
    round_here = set()
    for state in queue:  # breadth first: the first state of a node has a shortest path
        nid = state[0]
        if state not in ends and nodes[nid][1] and nid not in found:
            found[nid] = _witness(parent, state)
            round_here.add(nid)
    return tuple(found.items()), frozenset(round_here), True


def _witness(parent, state):
    path = []
    while state is not None:
        path.append(state[0])
        state = parent[state]
    return tuple(reversed(path))
