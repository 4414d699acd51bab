"""What the role-play's printable facilitator pack holds (pure: no XBlock, no Django).

A facilitator whose room has no network plays the scenario on paper: each participant (or
team) gets a role card, the facilitator keeps the numbered decision cards and reads each aloud
(its situation and options, then the consequence of the option chosen), and a debrief sheet
says which endings are good practice and which path earns the most points.

``build(scenario, _, html, numbers)`` returns a ``Pack``:

* ``roles``: one ``RoleCard`` per role (label, brief, the number of the card it starts at);
* ``cards``: every node a role can meet exactly once, as a ``Card`` numbered from 1 -- breadth
  first from each role's start in the roles' order; a node no role reaches is a draft, left out
  (decision 78). Each choice of a card appears on it exactly once, with its consequence, the
  number of the card it leads to (``None`` when its target is not a node of the scenario) and
  the points it is worth (to keep each role's score as it goes: a choice may need a score);
* the debrief sheet, for the facilitator only: ``endings`` (category, debrief), ``routes``
  (the best path of each role, as card and choice numbers), ``points`` (per card, the choices
  worth points) and ``bands`` (the score bands' messages, each with the points it takes in each
  role: a role's score is a share of its best).

The decision cards and the debrief sheet are the facilitator's (left out of the participants'
copies: ``emm-pack-facilitator``); categories, debriefs and best paths are on the debrief sheet
only, and nothing of them on a role card (facilitator trial s38: the participants' copies
printed every card, consequences included). ``html`` turns author HTML into what the
page may show (``common.sanitize.clean_html``, or its ``sanitized`` for a template); ``_``
translates the few texts built here, ``numbers`` (``common.numbers.Numbers``) writes the points
and percentages in the reader's locale (card and choice numbers are small whole numbers, the same
in every language we ship).
"""

import math
from collections import deque
from dataclasses import dataclass

from ..common.numbers import ENGLISH, per_cent, rounded
from ..common.sanitize import safe_url
from . import content, paths
from .routes import playable_best_route


@dataclass(frozen=True)
class Step:
    """A choice on a decision card: ``number`` (1, 2...), ``target`` the card it leads to."""

    number: int
    label: str
    consequence: str  # HTML, as ``html`` made it
    target: int | None
    ending: bool  # the target is an ending card
    condition: str  # "" or a translated sentence ("Only if card 4 was visited.")
    points: str = ""  # the points it is worth as the locale writes them, "" for none
    points_n: int = 0  # the whole number whose plural form ``points`` takes

@dataclass(frozen=True)
class Card:
    number: int
    node_id: str
    speaker: str
    narrative: str  # HTML
    image: str  # a safe URL or ""
    alt: str
    ending: bool
    choices: tuple = ()  # Steps


@dataclass(frozen=True)
class RoleCard:
    id: str
    label: str
    brief: str  # HTML
    start: int | None  # the card the role starts at


@dataclass(frozen=True)
class Ending:
    card: int
    node_id: str
    category: str  # translated ("Good practice") or the author's own word
    debrief: str  # HTML


@dataclass(frozen=True)
class Route:
    """A role's best path: ``steps`` are ``(card, choice number)``, then the ``ending`` card."""

    role: str
    steps: tuple
    ending: int | None
    best: int  # the most points the role can earn


@dataclass(frozen=True)
class Points:
    """The choices of one card that are worth points: ``choices`` are ``(choice number, points as
    the locale writes them)``."""

    card: int
    choices: tuple


@dataclass(frozen=True)
class Pack:
    title: str
    intro: str  # HTML
    roles: tuple
    cards: tuple
    endings: tuple
    routes: tuple
    points: tuple
    bands: tuple  # Band, highest first
    minutes: int = 0  # the author's estimated time, 0: not said


@dataclass(frozen=True)
class Band:
    """A score band's message, from ``min`` (a percentage the locale writes); ``roles`` what it
    takes in points in each role that can earn any: ``(role label, points, best, best_n)``, the
    points as the locale writes them (``points_for``), its best too, ``best_n`` the whole number
    whose plural form ``best`` takes; none from 0 % (every score)."""

    min: str
    message: str
    roles: tuple = ()


def card_order(scenario):
    """Node ids in card order: breadth first from each role's start (roles in order), choices in
    order; each node once. A node no role reaches is left out: a draft (decision 78); so is one
    only an ending's leftover choices lead to (never offered)."""
    order, seen = [], set()
    for role in scenario.roles:
        queue = deque([role.start] if scenario.node(role.start) is not None else [])
        while queue:
            nid = queue.popleft()
            if nid in seen:
                continue
            seen.add(nid)
            order.append(nid)
            node = scenario.node(nid)
            queue.extend(c.goto for c in (() if node.ending else node.choices)
                         if scenario.node(c.goto) is not None and c.goto not in seen)
    return order


def _condition(choice, number_of, _, numbers):
    parts = []
    if choice.if_visited:
        card = number_of.get(choice.if_visited)
        parts.append(_("Only if card {card} was visited.").format(card=card) if card is not None
                     else _("Only if “{node}” was visited.").format(node=choice.if_visited))
    if choice.min_points is not None:
        parts.append(_("Only with a score of at least {points}.").format(
            points=numbers.number(choice.min_points)))
    return " ".join(parts)


def build(scenario, _, html, numbers=ENGLISH):
    """The ``Pack`` of ``scenario`` (see the module's docstring)."""
    order = card_order(scenario)
    number_of = {nid: i for i, nid in enumerate(order, start=1)}
    cards = []
    for nid in order:
        node = scenario.node(nid)
        steps = tuple(
            Step(j, c.label, html(c.consequence), number_of.get(c.goto),
                 bool(scenario.node(c.goto) and scenario.node(c.goto).ending), _condition(c, number_of, _, numbers),
                 numbers.number(c.points) if c.points else "", numbers.plural_n(c.points))
            for j, c in enumerate(node.choices, start=1))
        cards.append(Card(number_of[nid], nid, node.speaker, html(node.narrative), safe_url(node.image), node.alt,
                          node.ending, () if node.ending else steps))
    roles = tuple(RoleCard(r.id, r.label, html(r.brief), number_of.get(r.start)) for r in scenario.roles)
    endings = tuple(Ending(number_of[n.id], n.id, content.category_label(n.category, _), html(n.debrief))
                    for n in (scenario.node(nid) for nid in order) if n.ending)
    routes = []
    for role in scenario.roles:
        if scenario.node(role.start) is None:
            routes.append(Route(role.label, (), None, 0))
            continue
        route = playable_best_route(scenario, role.start)
        steps = tuple((number_of[nid], idx + 1) for nid, idx in route if idx is not None)
        end = route[-1][0] if route and route[-1][1] is None else None
        routes.append(Route(role.label, steps, number_of.get(end), max(0, paths.best_score(scenario, role.start))))
    points = []
    for nid in order:
        node = scenario.node(nid)
        worth = tuple((j, numbers.number(c.points)) for j, c in enumerate(node.choices, start=1) if c.points)
        if worth and not node.ending:
            points.append(Points(number_of[nid], worth))
    bests = [(r.role, r.best) for r in routes if r.best > 0]
    bands = []
    for b in sorted(scenario.bands, key=lambda b: -b.min):
        takes = ((role, points_for(b.min, best), best) for role, best in bests if b.min > 0)
        bands.append(Band(numbers.percent(b.min, digits=0), b.message,
                          tuple((role, numbers.number(points), numbers.number(best), numbers.plural_n(best))
                                for role, points, best in takes if points is not None)))
    return Pack(scenario.display_name, html(scenario.intro), roles, tuple(cards), endings, tuple(routes),
                tuple(points), tuple(bands), scenario.estimated_minutes)


def points_for(percent, best):
    """The fewest whole points (0 to ``best``) whose score reaches the band from ``percent``, as
    the block decides it: the score, a share of ``best``, rounded half up to a whole percent
    (``views``, ``paths.band_message``: 10 of 15 is 67 %); None if no score reaches it."""
    points = max(0, math.ceil((percent - 0.5) * best / 100) - 1)
    while points <= best:
        if rounded(per_cent(points / best)) >= percent:
            return points
        points += 1
    return None
