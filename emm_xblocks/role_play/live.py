"""The role-play in the live room (pure): one decision (a node with choices) per screen, its
choices as the options. A decision counts when it is taken (not only once the learner reaches an
ending); going back and choosing again replaces the learner's answer there. "Reveal" marks the
choices that earn the most points at that decision, where the choices' points differ."""

from ..common import live
from .events import CHOSE


def items(scenario, _):
    """``live.Item`` per decision with at least two choices, in the author's order."""
    result = []
    for node in scenario.nodes:
        if node.ending or len(node.choices) < 2:
            continue
        best = max(c.points for c in node.choices)
        differ = any(c.points != best for c in node.choices)
        result.append(live.Item(node.id, live.DECISION, node.narrative,
                                tuple(live.Option(str(i), c.label, differ and c.points == best)
                                      for i, c in enumerate(node.choices)),
                                prompt_html=True, title=node.speaker))
    return result


def answers(scenario, outcome):
    """``({node id: choice index}, named)`` of the choice the outcome took."""
    taken = {data["node"]: str(data["choice"]) for name, data in outcome.events if name == CHOSE}
    return taken, True
