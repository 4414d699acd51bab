"""What editing a role-play does to stored answers (pure; see ``common.changes``).

``answer_changes(old, new, _)`` (of the nodes a role's start led to: a draft no learner met holds
no answer, decision 78): a node removed or its id renamed (learners' paths in progress and
"how others chose" name nodes by id; ``learner.repaired`` restarts a path in progress the edit
broke and keeps a finished one finished), a node's choices removed or moved (stored by their
place: "how others chose" counts them there, while each learner's own path follows the choices
they made, ``marks``, decision 89; with a grade sentence where a rescore would grade a finished
path otherwise, ``_points_moved``), an option of the participant profile question removed or its
id renamed (``common.profile.option_changes``: its participants stay under the old id, a group
of their own in "how others chose" by profile and the staff CSV, as the Likert's and the case
study's figures keep them: ``perspectives.profile_columns``).
``grading_changes(old, new, _)``: "Attempt that counts" (``grade_policy``) changed, part of
``answer_changes``, so held only once learners played (``has_stored_answers``): the LMS keeps the
grade it recorded for each learner (``StoredScoreMixin``, decision 10) until staff rescore or the
learner ends another attempt, either of which counts their ended attempts the new way. A choice's
points changed warn the same way (``common.changes.grades_kept``; the learner's page names the
grade kept, ``StoredScoreMixin.held_grade_among``).
A node made an ending or an ending made an ordinary node warns too (``learner.repaired``,
``scoring.attempt_score``: a finished learner keeps their result, one part-way on a node made an
ending starts again). A role removed or its id renamed: learners part-way in it choose a role
again (``learner.repaired``), learners who finished keep their result, and their attempts and
"how others chose" stay under its old id (``report.removed_role_rows``). A node, a role or a
profile option that takes the id of one removed while answered, with other words
(``retired_changes``, ``common.retired``): learners' paths, roles and "how others chose" still name
the removed one by that id, and would be read as passing through it or playing it.
``carry_over``: the retired ids (the editor sends the rest of the scenario): those of the nodes
learners could meet, the roles and the profile options the save removes, when answers are stored;
a node, a role or an option that takes one with other words is given a fresh id (a node's with
the choices and roles that lead to it), so those answers stay apart.
"""

from dataclasses import replace

from ..common import numbers, profile, retired
from ..common.changes import grade_policy_changes, grades_kept, id_change_problems, kept_pairs
from ..common.sanitize import plain_text
from ..common.text import one_line
from ..common.validation import Problem
from . import paths
from .validation import playable


def grading_changes(old, new, _):
    """``[Problem(..., error=False)]``: "Attempt that counts" changed in ``new``; each learner who ended an
    attempt keeps the grade recorded the old way until staff rescore or they end another."""
    return grade_policy_changes(old.grade_policy, new.grade_policy, lambda was: _(
        "“Attempt that counts” was “{old}”: learners who already reached an ending keep the grade the course recorded "
        "that way until staff rescore this role-play or they reach another ending, which counts their ended "
        "attempts the new way. Until then, they and the learners who play next are not graded alike.")
        .format(old=was), _)


def _narrative(node):
    return plain_text(node.narrative)


def _label(role):
    return role.label


def retired_changes(old, new, _):
    """``[Problem(..., error=False)]`` at the id of each node, role and profile option of ``new``
    that takes an id ``old`` retired (``common.retired.renames``) with other words (a node's: its
    narrative; a role's: its name), naming the id "Save anyway" gives it (``carry_over``)."""
    return retired.held(
        retired.renames(old.retired_ids, retired.NODES, old.nodes, new.nodes, _narrative), "nodes",
        lambda was, words, fresh: _(
            "The id “{id}” was that of a node removed since learners passed through it (“{words}”): their paths and "
            "choices there are still stored under it. “Save anyway” gives this node the id “{new}”, and the "
            "choices and roles that lead to it too, so that they stay apart. To bring the removed node back, give "
            "it its old narrative.").format(id=was, words=words, new=fresh)) + retired.held(
        retired.renames(old.retired_ids, retired.ROLES, old.roles, new.roles, _label), "roles",
        lambda was, words, fresh: _(
            "The id “{id}” was that of a role removed since learners played it (“{words}”): their attempts and "
            "choices are still stored under it. “Save anyway” gives this role the id “{new}”, so that they stay "
            "apart. To bring the removed role back, give it its old name.").format(id=was, words=words, new=fresh)
    ) + retired.profile_held(old, new, _)


def answer_changes(old, new, _):
    """``[Problem(..., error=False)]``: each change of ``new`` over ``old`` that touches answers:
    a node removed or renamed, a node's choices removed or moved (a choice has no id: learners'
    choices are stored by their place in the node's list, so a choice moved into another's place
    would take its answers; choices added at the end touch none), a role or a profile option
    removed or renamed, a node, a role or a profile option that takes a retired id
    (``retired_changes``); and the
    attempt that counts changed (``grading_changes``), a choice's points (``points_changes``), or a
    learner's path broken otherwise (``path_changes``)."""
    moved = retired_changes(old, new, _) + grading_changes(old, new, _) + points_changes(old, new, _)
    moved += [Problem(f"nodes.{i}.choices", _(
        "Node “{id}”: a choice was removed or moved. Learners' choices are stored by their place in the list: "
        "“how others chose” would count them under the choice now in that place. Add new choices at the end "
        "to keep them.").format(id=now.id) + " " + _(
        "Each learner's own path keeps the choices they made: a learner who finished with a choice removed or "
        "relabelled since keeps the score they earned.") + (
        " " + grades_kept(_) if _points_moved(was.choices, now.choices) else ""), False)
        for i, was, now in _met_pairs(old, new) if _choices_moved(was.choices, now.choices)]
    moved += [Problem(f"nodes.{i}.ending", _(
        "Node “{id}” is no longer an ending: learners who finished there keep their result (their path "
        "shown as far as it still exists), and learners who go on are graded at the new ending.").format(id=now.id)
        if was.ending else _(
        "Node “{id}” is now an ending: learners part-way who stand on it start again at the beginning of "
        "their role.").format(id=now.id), False)
        for i, was, now in _met_pairs(old, new) if was.ending != now.ending]
    moved += path_changes(old, new, _)
    met = paths.reached(old)
    return moved + id_change_problems(
        [n for n in old.nodes if n.id in met], new.nodes, lambda node: node.narrative, "nodes",
        lambda old_id: _("This node's id was “{old}”: learners part-way through a path that passes it start again at "
                         "the beginning of their role, learners who finished keep their result (their path shown as "
                         "far as it still exists), and “how others chose” counts stay under the old id. Keep the old "
                         "id to keep them.").format(old=old_id),
        lambda old_id: _("Node “{id}” was removed: learners part-way through a path that passes it start again at "
                         "the beginning of their role, learners who finished keep their result (their path shown as "
                         "far as it still exists), and its “how others chose” counts no longer show.")
        .format(id=old_id)) + id_change_problems(
        old.roles, new.roles, _label, "roles",
        lambda old_id: _("This role's id was “{old}”: learners part-way in it choose a role again, learners who "
                         "finished keep their result, and their attempts stay under the old id, a role of their own "
                         "in the staff reports. Keep the old id to keep them.").format(old=old_id),
        lambda old_id: _("Role “{id}” was removed: learners part-way in it choose a role again, learners who finished "
                         "keep their result, and their attempts stay under its id, a role of their own in the staff "
                         "reports.").format(id=old_id)) + profile.option_changes(
        old.profile_options, new.profile_options,
        lambda old_id: _("This profile option's id was “{old}”: the participants who chose it stay under that id "
                         "and are shown in a group of their own in “how others chose” by profile. Keep the old id "
                         "to keep them together.").format(old=old_id),
        lambda old_id: _("Profile option “{id}” was removed: the participants who chose it are still counted "
                         "under that id, in a group of their own in “how others chose” by profile.")
        .format(id=old_id), _)


def path_changes(old, new, _):
    """``[Problem(..., error=False)]`` of the edits that break learners' paths without removing a
    node (bug hunt s43): a choice in its place that now leads to another node while its old target
    is still there (``paths.path_is_valid``: a path through it no longer goes on), and a role's
    start moved where the old one is no longer reached from it (``learner._still_played``, decision
    78). Learners part-way on such a path start again at the beginning of their role; learners who
    finished keep their result."""
    problems = [
        Problem(f"nodes.{i}.choices.{j}.goto", _(
            "Node “{id}”, choice {n}: it now leads to “{new}” (it led to “{old}”). Learners part-way whose path "
            "takes it start again at the beginning of their role; learners who finished keep their result (their "
            "path shown as far as it still exists).").format(id=now.id, n=j + 1, new=after.goto, old=before.goto),
            False)
        for i, was, now in _met_pairs(old, new) if not _choices_moved(was.choices, now.choices)
        for j, (before, after) in enumerate(zip(was.choices, now.choices, strict=False))
        # a target removed or renamed is warned as such (its node's id)
        if before.goto != after.goto and new.node(before.goto) is not None]
    for i, was, now in kept_pairs(old.roles, new.roles):
        if was.start != now.start and was.start not in paths.reached(new, (now.start,)):
            problems.append(Problem(f"roles.{i}.start", _(
                "Role “{role}” now starts at “{new}” (it started at “{old}”). Learners part-way in this role start "
                "again at its new start; learners who finished keep their result.").format(
                role=now.id, new=now.start, old=was.start), False))
    return problems


def points_changes(old, new, _):
    """``[Problem(..., error=False)]`` of what changes an ended attempt's grade (``earned / best``,
    ``paths``): a choice whose points changed in its place, in a node ``old`` and ``new`` both
    have (not in a node whose choices were removed or moved: that one is warned as such), and a
    role whose best score changed (a choice added or removed, or points changed anywhere on its
    paths). Learners who already reached an ending keep the grade the course recorded until staff
    rescore (decision 10). The best scores are compared only between two playable scenarios with
    the same nodes (a node removed or renamed is warned as such, learners' results with it)."""
    language = getattr(_, "language", None)
    problems = [
        Problem(f"nodes.{i}.choices.{j}.points", _("Node “{id}”, choice {n}: its points were {old}.").format(
            id=now.id, n=j + 1, old=numbers.number(before.points, language)) + " " + grades_kept(_), False)
        for i, was, now in _met_pairs(old, new) if not _choices_moved(was.choices, now.choices)
        for j, (before, after) in enumerate(zip(was.choices, now.choices, strict=False))
        if before.points != after.points]
    if {n.id for n in old.nodes} - {n.id for n in new.nodes} or not (playable(old) and playable(new)):
        return problems
    for i, was, now in kept_pairs(old.roles, new.roles):
        before, after = paths.best_score(old, was.start), paths.best_score(new, now.start)
        if before != after:
            problems.append(Problem(f"roles.{i}.start", _(
                "Role “{role}”: the best score a path can earn was {old} points, now {new}: each ended attempt "
                "is graded against it.").format(role=now.id, old=numbers.number(before, language),
                                                 new=numbers.number(after, language)) + " " + grades_kept(_), False))
    return problems


def _met_pairs(old, new):
    """``kept_pairs`` of the nodes, less those no role's start led to in ``old``: a draft no learner
    met holds no answer, and its edits warn of nothing (decision 78)."""
    met = paths.reached(old)
    return [(i, was, now) for i, was, now in kept_pairs(old.nodes, new.nodes) if was.id in met]


def _choices_moved(was, now):
    """Fewer choices than before, or a choice (by its label) now at another place; a choice only
    reworded in its place, or added at the end, is neither."""
    def label(choice):
        return one_line(choice.label)

    places = {label(c): i for i, c in enumerate(now)}
    return len(now) < len(was) or any(places.get(label(c), i) != i for i, c in enumerate(was))


def _points_moved(was, now):
    """A rescore grades a finished path through this node otherwise (decision 89): a choice found by
    its label has other points now, or, for an attempt stored by places only (before its choices
    had marks), the choice now at a place has other points than the one there before."""
    points = {one_line(c.label): c.points for c in now}
    return (any(before.points != after.points for before, after in zip(was, now, strict=False))
            or any(points.get(one_line(c.label), c.points) != c.points for c in was))


def carry_over(old, new, answered):
    """The scenario as the editor sent it with ``old``'s retired ids (``common.retired``) kept, less
    those ``new`` holds again, and when ``answered`` (answers are stored) those of the nodes a role's
    start led to (a draft holds no answer), the roles and the profile options ``new`` no longer has
    added; then a node, a role or a profile option that takes a retired id with other words is
    given a fresh one (``retired_changes`` named it), a node's with every choice (``goto``,
    ``if_visited``) and role (``start``) that names it, so the answers stored under it stay apart."""
    found = retired.renames(old.retired_ids, retired.NODES, old.nodes, new.nodes, _narrative) if answered else {}
    fresh = {new.nodes[i].id: given for i, (_entry, given) in found.items()}

    def named(nid):
        return fresh.get(nid, nid)

    nodes = tuple(replace(n, id=named(n.id), choices=tuple(
        replace(c, goto=named(c.goto), if_visited=named(c.if_visited)) for c in n.choices)) for n in new.nodes)
    roles = tuple(replace(r, start=named(r.start)) for r in new.roles)
    met = paths.reached(old)
    retiring = []
    if answered:
        roles = retired.renamed(roles, retired.renames(old.retired_ids, retired.ROLES, old.roles, roles, _label))
        retiring = (retired.gone(retired.NODES, [n for n in old.nodes if n.id in met], nodes, _narrative)
                    + retired.gone(retired.ROLES, old.roles, roles, _label))
    options, gone_options, taken = retired.profile_carried(old, new, answered)
    return replace(new, roles=roles, nodes=nodes, profile_options=options, retired_ids=retired.updated(
        old.retired_ids, retiring + gone_options,
        taken | retired.used(retired.NODES, nodes) | retired.used(retired.ROLES, roles)))
