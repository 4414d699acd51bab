"""Graph algorithms of a scenario (pure), linear in nodes + choices (no recursion, so a
scenario of thousands of nodes cannot hit Python's recursion limit).

The scenario is seen as a directed graph ``{node id: [(target id, points), ...]}``; targets
that are not nodes are ignored here (``model.validate`` reports them).
"""

NEG = float("-inf")


def strongly_connected(graph):
    """Tarjan's algorithm, iterative. Returns ``(component of each node, components)``;
    components come out in reverse topological order (sinks first)."""
    index, low, comp = {}, {}, {}
    stack, on_stack, components = [], set(), []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            advanced = False
            for target, _points in edges:
                if target not in graph:
                    continue
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph[target])))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp[member] = len(components)
                    members.append(member)
                    if member == node:
                        break
                components.append(members)
    return comp, components


def reachable(graph, starts):
    """Nodes reachable from any of ``starts`` (breadth first)."""
    seen = {s for s in starts if s in graph}
    todo = list(seen)
    while todo:
        node = todo.pop()
        for target, _points in graph[node]:
            if target in graph and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def can_reach(graph, goals):
    """Nodes from which one of ``goals`` can be reached (search on the reversed graph)."""
    reverse = {node: [] for node in graph}
    for node, edges in graph.items():
        for target, _points in edges:
            if target in reverse:
                reverse[target].append(node)
    seen = {g for g in goals if g in graph}
    todo = list(seen)
    while todo:
        node = todo.pop()
        for source in reverse[node]:
            if source not in seen:
                seen.add(source)
                todo.append(source)
    return seen


def in_loop(comp, components, graph, source, target):
    """True when the edge ``source -> target`` lies in a loop (the target leads back)."""
    if target not in comp or source not in comp:
        return False
    if source == target:
        return True
    return comp[source] == comp[target] and len(components[comp[source]]) > 1


def best_values(graph, endings):
    """Longest path to an ending from each node, on the graph with every loop collapsed.

    Edges inside a loop count 0 points (the validators forbid points there). Returns
    ``({node: best points or -inf when no ending is reachable}, comp, components)``.
    Linear time: components arrive sinks first, so each is computed after its successors.
    """
    comp, components = strongly_connected(graph)
    best_comp = [NEG] * len(components)
    for c, members in enumerate(components):
        value = NEG
        for node in members:
            if node in endings:
                value = max(value, 0)
            for target, points in graph[node]:
                d = comp.get(target)
                if d is None or d == c:
                    continue
                if best_comp[d] != NEG:
                    value = max(value, points + best_comp[d])
        best_comp[c] = value
    return {node: best_comp[comp[node]] for node in graph}, comp, components


def best_route(graph, endings, start):
    """One route of best value from ``start`` to an ending: ``[(node, edge index), ..., (ending, None)]``.

    Inside a loop the route takes the shortest way (0 points) to the member whose exit is best.
    Returns ``[]`` when no ending is reachable.
    """
    values, comp, components = best_values(graph, endings)
    if start not in graph or values[start] == NEG:
        return []
    route, node = [], start
    for _guard in range(len(graph) + 1):
        c = comp[node]
        target_value = values[node]
        members = set(components[c])
        # which exit (or ending) inside this component realises the component's value?
        exit_at, exit_edge = None, None
        for member in components[c]:
            if member in endings and target_value == 0:
                exit_at, exit_edge = member, None
                break
            for i, (target, points) in enumerate(graph[member]):
                d = comp.get(target)
                if d is not None and d != c and values[target] != NEG and points + values[target] == target_value:
                    exit_at, exit_edge = member, i
                    break
            if exit_at is not None:
                break
        route.extend(_inside(graph, members, node, exit_at))
        if exit_edge is None:
            route.append((exit_at, None))
            return route
        route.append((exit_at, exit_edge))
        node = graph[exit_at][exit_edge][0]
    return route  # pragma: no cover - the condensed graph is acyclic


def _inside(graph, members, start, goal):
    """Shortest steps ``[(node, edge index)]`` from ``start`` to ``goal`` within one component."""
    if start == goal:
        return []
    parent = {start: None}
    todo, head = [start], 0
    while head < len(todo):
        node = todo[head]
        head += 1
        for i, (target, _points) in enumerate(graph[node]):
            if target in members and target not in parent:
                parent[target] = (node, i)
                if target == goal:
                    steps, cur = [], goal
                    while parent[cur] is not None:
                        steps.append(parent[cur])
                        cur = parent[cur][0]
                    return steps[::-1]
                todo.append(target)
    return []  # pragma: no cover - members are strongly connected
