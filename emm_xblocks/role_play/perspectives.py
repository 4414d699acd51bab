"""The role-play's perspectives (pure): how the participants of each role chose at a decision, and
what kind of ending each role reached ("60% of police officers and 85% of social workers reached
a good-practice ending").

What a finished attempt stores (``recorded``, with ``show_others``): one row per decision of the
path, ``{node id: choice index}``, and one for its ending, ``{ENDING: ending node id}``, all
carrying the role the learner played (``Record.role``); a learner's rows are those of their
latest finished attempt. The counts come split by role from the summary
(``common.summary.role_tallies``: ``{role: {group: {value: n}}}``), and each question is split
by ``common.perspectives.split`` under the block's minimum group size. The split does not know
it is by role: the participant profile (issue 12, ``common.profile``) hands its own ``{profile
option id: {group: {value: n}}}`` (``common.profile.with_not_said``: who did not say as one more
group) to the same functions with its own ``columns`` (``profile_columns``), the profile
question's options instead of the roles, and an option removed since with participants in a group
of its own, as every figure by profile keeps it (``common.profile.group_keys``).

Nothing here reads a database or formats a number: the views do (``common.numbers``).
"""

from dataclasses import dataclass

from ..common.perspectives import split
from ..common.profile import group_keys, group_name, group_names, rest
from . import content

# the group of the ending a participant reached: not a node id (ids never hold "@")
ENDING = "@ending"
OTHER = ""  # the category of an ending the author gave none, or removed since


def recorded(path, taken):
    """The answers a finished attempt stores: ``{node id: choice index as text}`` per decision
    (a node passed twice keeps its last choice) and ``{ENDING: the ending's node id}``."""
    answers = {nid: str(index) for nid, index in zip(path, taken, strict=False)}
    answers[ENDING] = path[-1]
    return answers


def recorded_here(path, taken):
    """Per decision of the path: is it the one ``recorded`` keeps of its node (the node's last
    visit)? Only there may a figure of how others chose sit beside the learner's choice: an earlier
    visit's choice is not what the store counts of this learner (bug hunt hunt7)."""
    last = {nid: step for step, nid in enumerate(path[:len(taken)])}
    return [last[nid] == step for step, nid in enumerate(path[:len(taken)])]


@dataclass(frozen=True)
class Column:
    """One group of participants: ``key`` (a role's id, or a profile option's: ``profile_columns``),
    ``label`` (its name), ``group`` (its split)."""

    key: str
    label: str
    group: object  # common.perspectives.Group


@dataclass(frozen=True)
class Decision:
    """How each role chose at one decision: ``choices`` ``((value, label), ...)`` (value: the
    choice index as stored), ``columns`` the roles with participants there, in the scenario's order."""

    node: str
    choices: tuple
    columns: tuple


@dataclass(frozen=True)
class Endings:
    """What kind of ending each role reached: ``categories`` ``(key, ...)`` in the order of
    ``content.CATEGORIES`` then the author's own words (``OTHER`` last), ``columns`` one per role."""

    categories: tuple
    columns: tuple


# the participants counted overall but in no role (paths ended before migration 0008 carry none):
# a group no role id can name (ids are letters, digits, "-" and "_"), never a column
NO_ROLE = "\x00no-role"


def with_no_role(by_role, tallies):
    """``by_role`` (``summary.role_tallies``') with the participants ``tallies`` (all rows,
    ``{group: {value: n}}``) counts but no role does, as one more group (``NO_ROLE``): the split
    counts it as every recorded group (``_columns``), so one too small is withheld and takes
    another with it, and it is never the overall share less the roles shown (decision 5; bug hunt
    s43: one participant with no role was the overall count less the two columns). ``by_role``
    itself when there is no role to split by."""
    if not by_role:
        return by_role
    parts = list(by_role.values())
    return {**by_role, NO_ROLE: {group: rest(values, [part[group] for part in parts if group in part])
                                 for group, values in tallies.items()}}


def _columns(scenario, counts, min_size, columns=None):
    """The columns shown, in ``columns``' order (``((key, label), ...)``; the roles if None): those
    with participants. Every recorded group counts in the split, even one ``columns`` leaves out
    (a role removed since: ``report.removed_role_rows`` lists it apart)."""
    groups = split(counts, min_size)
    order = columns if columns is not None else tuple((r.id, r.label) for r in scenario.roles)
    return tuple(Column(key, label, groups[key]) for key, label in order if key in groups)


def profile_columns(scenario, _, present=()):
    """The columns of the profile split, in the order of every figure by profile
    (``common.profile.group_keys``, as the Likert's and the case study's): ``((option id, text),
    ...)`` in the author's order, then ``(old id, old id)`` of each option removed since that
    ``present`` (the groups with answers: ``common.profile.with_not_said``'s keys) still has, its
    participants kept in a group of their own named by its id as everywhere
    (``common.profile.group_names``), then ``(common.profile.NOT_SAID, "Did not say")``. Each is
    shown or withheld by the same rules (``decision``, ``endings``: ``common.perspectives.split``,
    which decides as ``common.profile.groups_plan`` does for the same sizes)."""
    names = group_names(scenario.profile_options, _)
    return tuple((key, group_name(names, key, _)) for key in group_keys(scenario.profile_options, present))


def decision(scenario, node_id, by_group, min_size, min_groups=2, columns=None):
    """The split at decision ``node_id``; None unless participants of ``min_groups`` groups (roles) or more
    reached it (the debrief asks two: with one, the overall share beside the learner's path says
    it all, and roles that walk separate paths meet at their endings, ``endings``).
    ``by_group``: ``{group key: {node id: {value: n}}}``, a group of participants per role (its
    key the role's id); with ``columns`` (``profile_columns``) the groups are those instead of the
    roles (keyed by profile option id: ``common.profile.with_not_said``'s); ``min_groups``: as
    many groups (roles, or profiles) or more must have reached it."""
    node = scenario.node(node_id)
    if len(scenario.roles if columns is None else columns) < min_groups or node is None or node.ending:
        return None
    counts = {key: dict(groups.get(node_id, {})) for key, groups in by_group.items()}
    columns = _columns(scenario, counts, min_size, columns)
    if len(columns) < max(1, min_groups):
        return None
    return Decision(node_id, tuple((str(i), c.label) for i, c in enumerate(node.choices)), columns)


def category_of(scenario, ending_id):
    """The category of an ending as the scenario says now (``OTHER`` if it has none or is gone)."""
    node = scenario.node(ending_id)
    return node.category if node is not None and node.ending and node.category else OTHER


def endings(scenario, by_group, min_size, min_groups=2, columns=None):
    """The endings' categories per role (or per ``columns``, as ``decision``); None when the
    scenario has fewer than ``min_groups`` groups (roles, or ``columns``) or no ending was recorded."""
    if len(scenario.roles if columns is None else columns) < min_groups:
        return None
    counts = {}
    for key, groups in by_group.items():
        per = counts[key] = {}
        for ending_id, n in groups.get(ENDING, {}).items():
            category = category_of(scenario, ending_id)
            per[category] = per.get(category, 0) + n
    columns = _columns(scenario, counts, min_size, columns)
    if not columns:
        return None
    seen = {c for per in counts.values() for c, n in per.items() if n}
    order = [c for c in content.CATEGORIES if c in seen]
    order += sorted(seen - set(content.CATEGORIES) - {OTHER})
    order += [OTHER] if OTHER in seen else []
    return Endings(tuple(order), columns)


def decisions(scenario, by_group, min_size, min_groups=2, columns=None):
    """``decision`` at every node with choices, in the scenario's order, those with data only."""
    found = (decision(scenario, n.id, by_group, min_size, min_groups, columns)
             for n in scenario.nodes if n.choices and not n.ending)
    return [d for d in found if d is not None]
