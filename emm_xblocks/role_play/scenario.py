"""The role-play's scenario as plain, frozen data: roles, nodes, choices, endings, grade bands."""

from dataclasses import dataclass, field

from ..common.i18n import N_
from .checks import POLICY_BEST

CATEGORIES = {
    "good": N_("Good practice"),
    "acceptable": N_("Acceptable practice"),
    "harmful": N_("Harmful practice"),
}


@dataclass(frozen=True)
class Choice:
    label: str
    goto: str
    points: int = 0
    consequence: str = ""  # HTML, shown right after the choice is taken
    if_visited: str = ""  # condition: offered only once this node was passed through
    min_points: int | None = None  # condition: offered only with at least this many points


@dataclass(frozen=True)
class Node:
    id: str
    narrative: str = ""  # HTML
    speaker: str = ""
    image: str = ""
    alt: str = ""
    ending: bool = False
    debrief: str = ""  # HTML, endings only
    category: str = ""  # endings only: good / acceptable / harmful (or the author's own word)
    choices: tuple = ()


@dataclass(frozen=True)
class Role:
    id: str
    label: str
    start: str = ""
    brief: str = ""  # HTML


@dataclass(frozen=True)
class Band:
    """Shown at the ending when the score (in %) is at least ``min``."""

    min: int
    message: str


@dataclass(frozen=True)
class Scenario:
    roles: tuple = ()
    nodes: tuple = ()
    display_name: str = "Role-play"
    intro: str = ""
    max_attempts: int = 0  # 0: no limit
    grade_policy: str = POLICY_BEST
    allow_back: bool = False
    show_others: bool = False
    min_group_size: int = 5
    weight: float = 1.0
    bands: tuple = ()
    _index: dict = field(default=None, compare=False, repr=False)

    def node(self, nid):
        index = self._index
        if index is None:
            index = {n.id: n for n in self.nodes}
            object.__setattr__(self, "_index", index)
        return index.get(nid)

    def role(self, rid):
        return next((r for r in self.roles if r.id == rid), None)

    def graph(self):
        return {n.id: [(c.goto, c.points) for c in n.choices] for n in self.nodes}

    def endings(self):
        return {n.id for n in self.nodes if n.ending}
