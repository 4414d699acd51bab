"""The role-play in the live room (pure): one decision (a node with choices) per screen, its
choices as the options. A decision counts when it is taken (not only once the learner reaches an
ending); going back and choosing again replaces the learner's answer there. "Reveal" marks the
choices that earn the most points at that decision, where the choices' points differ.

With several roles, each screen names whose decision it is (the roles whose path reaches it), so
the facilitator can tell which group answers now; where every decision belongs to one role only,
the decisions are numbered within their role ("Border police officer · Decision 1 of 6").

Below the minimum group size the room reads how many took a decision only at a role's first
decision: at any later one, that number would tell how the earlier, withheld decision split (three
took the first, two the one only "Good move" leads to: two chose it, bug hunt s45). It then reads
"fewer than" the minimum (``live.Item.exact_count``)."""

from collections import Counter

from ..common import live
from . import graph, paths


def _roles_of(scenario):
    """``{node id: (role labels)}``: the roles from whose start each node can be reached."""
    edges = scenario.graph()
    reached = [(role.label, graph.reachable(edges, [role.start])) for role in scenario.roles]
    return {node.id: tuple(label for label, nodes in reached if node.id in nodes) for node in scenario.nodes}


def _first_decisions(scenario, is_decision):
    """``{role id: node id}``: the decision each role's learners all take first (its start, or
    where the start's single choices lead), None where there is none."""
    nodes = {node.id: node for node in scenario.nodes}
    firsts = {}
    for role in scenario.roles:
        node, passed = nodes.get(role.start), set()
        while node is not None and not is_decision(node) and len(node.choices) == 1 and node.id not in passed:
            passed.add(node.id)
            node = nodes.get(node.choices[0].goto)
        firsts[role.id] = node.id if node is not None and is_decision(node) else None
    return firsts


def _exact(scenario, firsts, node_id):
    """Does the count of learners who took ``node_id`` tell nothing of another decision? Only where
    it is the first decision of every role that can reach it."""
    return node_id in firsts.values() and all(
        firsts[role.id] == node_id for role in scenario.roles if node_id in paths.reached(scenario, (role.start,)))


def items(scenario, _):
    """``live.Item`` per decision with at least two choices that a role's start leads to, in the
    author's order (a node no role reaches is a draft: decision 78)."""
    met = paths.reached(scenario)

    def is_decision(node):
        return not node.ending and len(node.choices) >= 2 and node.id in met

    decisions = [node for node in scenario.nodes if is_decision(node)]
    firsts = _first_decisions(scenario, is_decision)
    roles = _roles_of(scenario) if len(scenario.roles) > 1 else {}
    one_role_each = bool(roles) and all(len(roles[node.id]) == 1 for node in decisions)
    per_role = Counter(roles.get(node.id, ()) for node in decisions)
    result, seen = [], Counter()
    for node in decisions:
        best = max(c.points for c in node.choices)
        differ = any(c.points != best for c in node.choices)
        mine = roles.get(node.id, ())
        seen[mine] += 1
        result.append(live.Item(node.id, live.DECISION, node.narrative,
                                tuple(live.Option(str(i), c.label, differ and c.points == best)
                                      for i, c in enumerate(node.choices)),
                                prompt_html=True, title=node.speaker,
                                # a step every role reaches names none: it is everyone's
                                group=", ".join(mine) if len(mine) < len(scenario.roles) else "",
                                place=(seen[mine], per_role[mine]) if one_role_each else (),
                                exact_count=_exact(scenario, firsts, node.id)))
    return result
