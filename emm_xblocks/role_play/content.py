"""What an author writes in a role-play: roles, nodes, choices, endings, grade bands, settings (pure data).

No XBlock and no Django here. ``SETTINGS`` is the one description of the role-play's settings:
the XBlock fields, the OLX attributes and the editor's form are derived from it
(``common.settings``). The scenario itself lives in one ``content`` field (a dict:
``roles``, ``nodes``, ``bands``, ``intro``, ``profile_prompt``, ``profile_options``).
"""

from dataclasses import dataclass
from functools import cached_property

from ..common import content_language, profile, retired, settings
from ..common.i18n import N_
from ..common.settings import CHECKBOX, TEXT, Setting, with_settings
from ..common.validation import whole

MAX_NODES = 5000
MAX_CHOICES = 20
MAX_POINTS = 1000  # |points| and |min_points| of a choice
MAX_ATTEMPTS = 100

CATEGORIES = {
    "good": N_("Good practice"),
    "acceptable": N_("Acceptable practice"),
    "harmful": N_("Harmful practice"),
}

# ``group``: where the editor draws it (templates/role_play/studio.html): the name; attempts and
# grading (one row); the play itself
SETTINGS = (
    Setting("display_name", TEXT, N_("Role-play"), N_("Display name"), group="name"),
    content_language.setting(group="name"),
    settings.attempts_allowed(MAX_ATTEMPTS, group="grading"),
    settings.grade_policy(group="grading"),
    settings.estimated_minutes(group="play"),
    Setting("allow_back", CHECKBOX, False, N_("Learners may go back one step"), group="play"),
    Setting("show_others", CHECKBOX, False, N_("At the ending, show how other participants chose (anonymous)"),
            group="play"),
    settings.min_group_size(N_("Minimum number of participants before their choices are shown"), group="play"),
    settings.weight(group="grading"),
)


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
    """Shown at the ending when the score (in %) is at least ``min``; ``final``, if written,
    instead of ``message`` once the learner has no attempt left (a message that says "start
    again" would then be wrong)."""

    min: int
    message: str
    final: str = ""


@dataclass(frozen=True)
class _ScenarioContent:
    roles: tuple = ()
    nodes: tuple = ()
    intro: str = ""  # HTML
    bands: tuple = ()
    # the optional participant profile question (``common.profile``): asked with the choice of a
    # role when others' choices are shown, which the debrief then also splits by profile (issue 12)
    profile_prompt: str = ""
    profile_options: tuple = ()  # common.profile.Option
    # the ids of nodes and profile options removed (or renamed) while learners' answers were stored
    # under them (``common.retired.Retired``): a save that gives one to another item is held, and
    # "Save anyway" gives that item another id (``changes``); never in the editor's form
    retired_ids: tuple = ()

    @property
    def keeps_answers(self):
        """The store keeps the learners' choices (``perspectives.recorded``): only where the
        role-play shows how others chose (``show_others``)."""
        return self.show_others

    @property
    def asks_profile(self):
        """The choice of a role asks the profile question: it has options and the choices are kept."""
        return bool(self.profile_options) and self.keeps_answers

    def author_html(self):
        """``[(field path, html)]`` of every field holding author HTML (what the editor names)."""
        fields = [("intro", self.intro)] + [(f"roles.{i}.brief", r.brief) for i, r in enumerate(self.roles)]
        for i, node in enumerate(self.nodes):
            fields += [(f"nodes.{i}.narrative", node.narrative), (f"nodes.{i}.debrief", node.debrief)]
            fields += [(f"nodes.{i}.choices.{j}.consequence", c.consequence) for j, c in enumerate(node.choices)]
        return fields

    @cached_property
    def _nodes_by_id(self):
        return {n.id: n for n in self.nodes}

    def node(self, nid):
        return self._nodes_by_id.get(nid)

    def role(self, rid):
        return next((r for r in self.roles if r.id == rid), None)

    def graph(self):
        """``{node id: [(target id, points), ...]}``; an ending has no way out: the choices it kept
        from before the author ticked "ending" are never offered (``paths.available``), so they lead
        nowhere, count in no best score and close no loop."""
        return {n.id: [] if n.ending else [(c.goto, c.points) for c in n.choices] for n in self.nodes}

    def endings(self):
        return {n.id for n in self.nodes if n.ending}


Scenario = with_settings(_ScenarioContent, SETTINGS, "Scenario")
Scenario.__doc__ = "A role-play: its roles, nodes, grade bands and settings (frozen, hashable)."

CONTENT_FIELDS = ("content",)


def category_label(category, _):
    """An ending's category as people read it: a preset one translated ("Good practice"), the
    author's own word as written ("" if none)."""
    return _(CATEGORIES[category]) if category in CATEGORIES else category


def to_data(scenario):
    """The scenario's body as JSON-able data, its settings aside (the ``content`` field; the
    editor's form has this shape too): introduction, roles, nodes, bands, profile question, and
    the retired ids (``common.retired``) when there are some, which the editor does not get."""
    data = {
        "intro": scenario.intro,
        "roles": [{"id": r.id, "label": r.label, "start": r.start, "brief": r.brief} for r in scenario.roles],
        "nodes": [{
            "id": n.id, "narrative": n.narrative, "speaker": n.speaker, "image": n.image, "alt": n.alt,
            "ending": n.ending, "debrief": n.debrief, "category": n.category,
            "choices": [{"label": c.label, "goto": c.goto, "points": c.points, "consequence": c.consequence,
                         "if_visited": c.if_visited, "min_points": c.min_points} for c in n.choices],
        } for n in scenario.nodes],
        "bands": [{"min": b.min, "message": b.message, "final": b.final} for b in scenario.bands],
        "profile_prompt": scenario.profile_prompt,
        "profile_options": [{"id": o.id, "text": o.text} for o in scenario.profile_options],
    }
    if scenario.retired_ids:
        data["retired_ids"] = retired.to_data(scenario.retired_ids)
    return data


def from_data(data, **settings):
    """Inverse of ``to_data``, with the ``settings`` given as keywords (wrong types read as empty;
    ``editor`` reports them)."""
    def s(d, key):
        value = d.get(key, "")
        return value if isinstance(value, str) else ""

    def choice(c):
        mp = c.get("min_points")
        return Choice(s(c, "label"), s(c, "goto"), whole(c.get("points"), 0), s(c, "consequence"),
                      s(c, "if_visited"), None if mp in (None, "") else whole(mp, None))

    def items(key):
        value = data.get(key)
        return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []

    return Scenario(
        intro=s(data, "intro"),
        roles=tuple(Role(s(r, "id"), s(r, "label"), s(r, "start"), s(r, "brief")) for r in items("roles")),
        nodes=tuple(Node(s(n, "id"), s(n, "narrative"), s(n, "speaker"), s(n, "image"), s(n, "alt"),
                         n.get("ending") is True, s(n, "debrief"), s(n, "category"),
                         tuple(choice(c) for c in n.get("choices", []) if isinstance(c, dict))
                         if isinstance(n.get("choices", []), list) else ())
                    for n in items("nodes")),
        bands=tuple(Band(whole(b.get("min"), 0), s(b, "message"), s(b, "final")) for b in items("bands")),
        profile_prompt=profile.prompt_from(data.get("profile_prompt")),
        profile_options=profile.options_from(items("profile_options")),
        retired_ids=retired.from_data(data.get("retired_ids")),
        **settings,
    )


def from_fields(values):
    """The ``Scenario`` held by the block's fields (``{field name: value}``, as stored); a None
    setting (inherited or explicit) keeps its default."""
    return from_data(settings.stored_body(values), **settings.stored_settings(values, SETTINGS))


def to_fields(scenario):
    """``{field name: value}`` to store ``scenario`` in the block's fields (JSON types)."""
    values = settings.values(scenario, SETTINGS)
    values["content"] = to_data(scenario)
    return values
