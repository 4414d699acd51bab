"""The scenario role-play, pure: scenario dataclasses, validation, best score, learner paths, OLX.

No XBlock and no Django here. Translatable texts are passed in as ``_`` (a gettext function),
so the same validators run in the Studio editor, in ``validate()`` and in tests.

A learner's attempt is stored as ``path`` (node ids visited, the start first) and ``taken``
(the index of the choice taken at each node but the last). Everything — available choices,
points, the grade — is recomputed from those two lists and the current scenario.
"""

import hashlib
import hmac
from dataclasses import dataclass, field

from lxml import etree

from ..common import olx
from ..common.i18n import N_
from ..common.validation import errors  # noqa: F401 (part of the model's API)
from . import graph as g
from .checks import ID_RE, MAX_CHOICES, MAX_NODES, POLICY_BEST, POLICY_LAST, Problem, validate  # noqa: F401

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


# ------------------------------------------------------------------ best score and route
def best_score(scenario, start):
    """Most points any path from ``start`` to an ending can earn (the grade's denominator).

    A longest path on the graph with each loop collapsed into one step, in linear time;
    conditions count as satisfiable. 0 when no ending can be reached.
    """
    values, _comp, _components = g.best_values(scenario.graph(), scenario.endings())
    value = values.get(start, g.NEG)
    return 0 if value == g.NEG else value


def best_route(scenario, start):
    """A best path as ``[(node id, choice index or None at the ending)]``."""
    return g.best_route(scenario.graph(), scenario.endings(), start)


def playable_best_route(scenario, start, budget=20_000):
    """The best path a learner can really take, conditions included, for the debrief.

    ``best_route`` counts every condition as met (the grade's denominator must stay linear
    time), so it may show a conditional choice that its own path never unlocks. This bounded
    search (each node at most twice on a path, ``budget`` steps) follows the conditions and
    stops as soon as it reaches the best score; with nothing found, ``best_route`` is shown.
    """
    target, found, steps = best_score(scenario, start), None, 0
    stack = [([start], [], 0)]
    while stack and steps < budget:
        steps += 1
        path, taken, points = stack.pop()
        node = scenario.node(path[-1])
        if node is None:
            continue
        if node.ending:
            if found is None or points > found[0]:
                found = (points, [*zip(path, taken, strict=False), (node.id, None)])
                if points >= target:
                    break
            continue
        for index, choice in reversed(available(scenario, path, taken)):
            if path.count(choice.goto) < 2:
                stack.append(([*path, choice.goto], [*taken, index], points + choice.points))
    return found[1] if found else best_route(scenario, start)


# ------------------------------------------------------------------ learner paths
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
    if choice.if_visited and choice.if_visited not in visited:
        return False
    return not (choice.min_points is not None and points < choice.min_points)


def score(scenario, role, path, taken):
    """The grade of a finished path in [0, 1]: ``max(0, earned) / best``.

    With nothing to earn (best 0), reaching an ending is full marks.
    """
    node = scenario.node(path[-1]) if path else None
    if node is None or not node.ending:
        return 0.0
    best = best_score(scenario, role.start)
    if best <= 0:
        return 1.0
    return min(1.0, max(0, earned(scenario, path, taken)) / best)


def band_message(scenario, percent):
    fitting = [b for b in scenario.bands if percent >= b.min]
    return max(fitting, key=lambda b: b.min).message if fitting else ""


def choice_token(secret, attempt, step, node_id, index):
    """The opaque id of a choice sent to the browser: an HMAC, so it tells nothing of the
    target and cannot be forged for a choice that is not offered at this step."""
    msg = f"{attempt}\x00{step}\x00{node_id}\x00{index}".encode()
    return hmac.new(secret, msg, hashlib.sha256).hexdigest()[:16]


# ------------------------------------------------------------------ OLX
def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def from_xml(el):
    """Read ``<emm_role_play>`` into a ``Scenario`` (unknown attributes and tags are ignored)."""
    roles = tuple(
        Role(id=r.get("id", ""), label=olx.text_of(r), start=r.get("start", ""),
             brief=olx.inner_html(r.find("brief")) if r.find("brief") is not None else "")
        for r in el.iterchildren("role")
    )
    nodes = []
    for n in el.iterchildren("node"):
        choices = []
        for c in n.iterchildren("choice"):
            consequence = c.find("consequence")
            min_points = c.get("min_points")
            choices.append(Choice(
                label=olx.text_of(c),
                goto=c.get("goto", ""),
                points=_int(c.get("points"), 0),
                consequence=olx.inner_html(consequence) if consequence is not None else "",
                if_visited=c.get("if_visited", ""),
                min_points=None if min_points is None else _int(min_points, None),
            ))
        narrative, debrief, image = n.find("narrative"), n.find("debrief"), n.find("image")
        nodes.append(Node(
            id=n.get("id", ""),
            narrative=olx.inner_html(narrative) if narrative is not None else "",
            speaker=n.get("speaker", ""),
            image=image.get("src", "") if image is not None else "",
            alt=image.get("alt", "") if image is not None else "",
            ending=olx.get_bool(n, "ending"),
            debrief=olx.inner_html(debrief) if debrief is not None else "",
            category=n.get("category", ""),
            choices=tuple(choices),
        ))
    intro = el.find("intro")
    d = Scenario()
    return Scenario(
        roles=roles,
        nodes=tuple(nodes),
        display_name=el.get("display_name", d.display_name),
        intro=olx.inner_html(intro) if intro is not None else "",
        max_attempts=olx.get_int(el, "max_attempts", d.max_attempts),
        grade_policy=el.get("grade_policy", d.grade_policy),
        allow_back=olx.get_bool(el, "allow_back"),
        show_others=olx.get_bool(el, "show_others"),
        min_group_size=olx.get_int(el, "min_group_size", d.min_group_size),
        weight=olx.get_float(el, "weight", d.weight),
        bands=tuple(Band(_int(b.get("min"), 0), olx.text_of(b)) for b in el.iterchildren("band")),
    )


def to_xml(scenario, el=None):
    """Write ``scenario`` into ``el`` (a new ``<emm_role_play>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_role_play")
    d = Scenario()
    el.set("display_name", scenario.display_name)
    for name in ("max_attempts", "grade_policy", "allow_back", "show_others", "min_group_size", "weight"):
        olx.set_attr(el, name, getattr(scenario, name), getattr(d, name))
    olx.add_html(el, "intro", scenario.intro)
    for band in scenario.bands:
        olx.add_text(el, "band", band.message, min=str(band.min))
    for role in scenario.roles:
        r = etree.SubElement(el, "role", id=role.id, start=role.start)
        r.text = role.label
        olx.add_html(r, "brief", role.brief)
    for node in scenario.nodes:
        n = etree.SubElement(el, "node", id=node.id)
        if node.ending:
            n.set("ending", "true")
        for name in ("speaker", "category"):
            if getattr(node, name):
                n.set(name, getattr(node, name))
        if node.image or node.alt:
            etree.SubElement(n, "image", src=node.image, alt=node.alt)
        olx.add_html(n, "narrative", node.narrative)
        for choice in node.choices:
            c = etree.SubElement(n, "choice", goto=choice.goto)
            if choice.points:
                c.set("points", str(choice.points))
            if choice.if_visited:
                c.set("if_visited", choice.if_visited)
            if choice.min_points is not None:
                c.set("min_points", str(choice.min_points))
            c.text = choice.label
            olx.add_html(c, "consequence", choice.consequence)
        olx.add_html(n, "debrief", node.debrief)
    return el


# ------------------------------------------------------------------ plain data (fields, editor)
def to_dict(scenario):
    """The JSON-able content kept in the block's fields and sent to the editor."""
    return {
        "roles": [{"id": r.id, "label": r.label, "start": r.start, "brief": r.brief} for r in scenario.roles],
        "nodes": [{
            "id": n.id, "narrative": n.narrative, "speaker": n.speaker, "image": n.image, "alt": n.alt,
            "ending": n.ending, "debrief": n.debrief, "category": n.category,
            "choices": [{"label": c.label, "goto": c.goto, "points": c.points, "consequence": c.consequence,
                         "if_visited": c.if_visited, "min_points": c.min_points} for c in n.choices],
        } for n in scenario.nodes],
        "bands": [{"min": b.min, "message": b.message} for b in scenario.bands],
    }


def from_dict(data, **settings):
    """Inverse of ``to_dict`` for already checked data (``forms.from_editor`` checks types)."""
    def s(d, key):
        value = d.get(key, "")
        return value if isinstance(value, str) else ""

    def choice(c):
        mp = c.get("min_points")
        return Choice(s(c, "label"), s(c, "goto"), _int(c.get("points"), 0), s(c, "consequence"),
                      s(c, "if_visited"), None if mp in (None, "") else _int(mp, None))

    return Scenario(
        roles=tuple(Role(s(r, "id"), s(r, "label"), s(r, "start"), s(r, "brief"))
                    for r in data.get("roles", []) if isinstance(r, dict)),
        nodes=tuple(Node(s(n, "id"), s(n, "narrative"), s(n, "speaker"), s(n, "image"), s(n, "alt"),
                         n.get("ending") is True, s(n, "debrief"), s(n, "category"),
                         tuple(choice(c) for c in n.get("choices", []) if isinstance(c, dict)))
                    for n in data.get("nodes", []) if isinstance(n, dict)),
        bands=tuple(Band(_int(b.get("min"), 0), s(b, "message"))
                    for b in data.get("bands", []) if isinstance(b, dict)),
        **settings,
    )
