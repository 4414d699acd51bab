"""How the other participants chose, as a finished attempt's panel shows it (pure: no store, no
XBlock, no Django): the share of each step of the learner's path, and the tables by role
(``by_role``) and by participant profile (``profile_perspectives``) of each decision and ending
on it, withheld below the minimum group size, in the learner's language. ``views`` reads the
summary's counts (``common.summary``: what ``reads`` says the panel needs) and hands them here, as
the case study's view hands its panel's to ``distribution.panel_figures``; the splitting itself
is ``perspectives``'. ``words``: ``block.translators()``, ``(gettext, ngettext, numbers)``.
"""

from ..common import profile
from ..common.perspectives import share
from . import content, perspectives


def reads(scenario):
    """What the panel of ``scenario`` needs read from the summary: ``(overall, by_role,
    by_profile)``, each True or False (the block's tallies, split by role, split by profile)."""
    by_role = scenario.show_others and len(scenario.roles) >= 2
    return scenario.show_others or scenario.asks_profile, by_role, scenario.asks_profile


def shares(scenario, tallies, path, taken, words):
    """Per decision of the path: the share of participants who chose the same, in words, if the
    group is big enough (else None), at a node's last visit only (``perspectives.recorded_here``:
    the store keeps one answer a node, the last; an earlier visit has no figure of its own).
    ``tallies``: ``summary.tallies``'s."""
    if not scenario.show_others:
        return [None] * len(taken)
    _, ungettext, nums = words
    shares = []
    for nid, idx, last in zip(path, taken, perspectives.recorded_here(path, taken), strict=False):
        counts = tallies.get(nid, {})
        total = sum(counts.values())
        if not last or total < scenario.min_group_size:
            shares.append(None)
        else:
            chose = nums.percent(share(counts.get(str(idx), 0), total), 0)
            shares.append(ungettext("({percent} of {n} participant chose this)",
                                    "({percent} of {n} participants chose this)", total).format(
                percent=chose, n=nums.number(total, 0)))
    return shares


def _group_note(words, group, min_size):
    """What a role's heading says of its group: its size, or why its choices are not shown."""
    _, ungettext, nums = words
    if group.shown:
        return ungettext("{n} participant", "{n} participants", group.total).format(n=nums.number(group.total, 0))
    if group.small:
        return _("fewer than {n} participants: not shown").format(n=nums.number(min_size, 0))
    return _("not shown, to protect a smaller group")


def _cell(words, group, value):
    """A role's share of one answer: the whole percentage (rounded half up; the bar's width) and
    its text in the learner's locale (``common.numbers``: "60%", "60 %")."""
    _ = words[0]
    if not group.shown:
        return {"shown": False, "text": _("not shown")}
    percent = group.percent(value)
    return {"shown": True, "percent": percent, "text": words[2].percent(percent, 0)}


def _decision_table(words, scenario, decision, step, mine, own_group, by_profile=False):
    """A decision's split as a table: a row per choice (the learner's marked), a column per role
    (``by_profile``: per participant profile); ``own_group``: the learner's (their role, or their
    profile), its column marked."""
    _ = words[0]
    # ``own``: the label is the author's (a role, a profile option, a choice), not the reader's words
    # ("Did not say"): it carries the author's language (common.content_language)
    columns = [{"label": c.label, "note": _group_note(words, c.group, scenario.min_group_size),
                "mine": c.key == own_group, "own": c.key != profile.NOT_SAID} for c in decision.columns]
    rows = [{"label": label, "note": "", "mine": value == mine, "own": True,
             "cells": [_cell(words, c.group, value) for c in decision.columns]} for value, label in decision.choices]
    n = words[2].number(step, 0)
    if by_profile:
        return {"caption": _("Step {n}: how the participants of each profile who reached it chose").format(n=n),
                "corner": _("Choice"), "columns": columns, "rows": rows, "mine_note": _("your choice"),
                "role_note": _("your profile")}
    return {"caption": _("Step {n}: how the participants of each role who reached it chose").format(n=n),
            "corner": _("Choice"), "columns": columns, "rows": rows, "mine_note": _("your choice"),
            "role_note": _("your role")}


def _endings_table(words, scenario, endings, own_group, by_profile=False):
    """The endings' split as a table: a row per role (``by_profile``: per participant profile), a
    column per kind of ending; ``own_group``: the learner's (their role, or their profile), its row
    marked."""
    _ = words[0]
    columns = [{"label": content.category_label(c, _) if c else _("Other ending"), "note": "", "mine": False,
                "own": bool(c) and c not in content.CATEGORIES} for c in endings.categories]
    rows = [{"label": c.label, "note": _group_note(words, c.group, scenario.min_group_size), "mine": c.key == own_group,
             "own": c.key != profile.NOT_SAID,
             "cells": [_cell(words, c.group, category) for category in endings.categories]}
            for c in endings.columns]
    if by_profile:
        return {"caption": _("How the scenario ended for the participants of each profile"),
                "corner": scenario.profile_prompt, "corner_own": True, "columns": columns, "rows": rows,
                "mine_note": _("your profile"), "role_note": ""}
    return {"caption": _("How the scenario ended for the participants of each role"), "corner": _("Role"),
            "columns": columns, "rows": rows, "mine_note": _("your role"), "role_note": ""}


def profile_perspectives(scenario, overall, by_profile, path, taken, mine, words, dom):
    """``{tables, withheld, heading}``: the debrief's split by participant profile (issue 12), as
    ``by_role`` by role, when the scenario asks the profile question (else None): a table per
    decision of the path where two profile groups or more met (who did not say is one; the
    participants of an option removed since are one more, named by its id:
    ``perspectives.profile_columns``), then the endings' table. ``overall``: ``summary.tallies``'s;
    ``by_profile``: ``summary.profile_tallies``' of the path's nodes and the endings; ``mine``: the
    learner's profile ("" for none); ``dom``: the block's DOM id (the tables' ids)."""
    if not scenario.asks_profile:
        return None
    _, ungettext, nums = words
    wanted = [*path, perspectives.ENDING]
    by = profile.with_not_said(by_profile, {g: overall[g] for g in wanted if g in overall})
    columns = perspectives.profile_columns(scenario, _, by)  # an option removed since keeps its group
    size = scenario.min_group_size
    tables, withheld = _tables(
        words, scenario, path, taken, mine,
        lambda nid: perspectives.decision(scenario, nid, by, size, columns=columns),
        lambda: perspectives.endings(scenario, by, size, min_groups=1, columns=columns), by_profile=True)
    note = ungettext("How each profile chose is shown once each has at least {n} participant.",
                     "How each profile chose is shown once each has at least {n} participants.",
                     size).format(n=nums.number(size, 0)) if withheld else ""
    for i, table in enumerate(tables):
        table["id"] = f"{dom}-profile-split-{i}"
    # the frame and the author's question apart: the page marks the question with its language
    heading = _("By participant profile: {question}")
    return {"tables": tables, "withheld": note, "heading": heading, "question": scenario.profile_prompt} \
        if tables or note else None


def _any_shown(columns):
    return any(c.group.shown for c in columns)


def _tables(words, scenario, path, taken, mine, decision, endings, by_profile=False):
    """``(tables, withheld)`` of a split along the learner's path: each decision's table where some
    group of it is shown, then the endings'; ``withheld``: a split exists with no group big enough
    yet. ``decision(node id)``, ``endings()``: ``perspectives``' split there, or None; ``mine``: the
    learner's group (their role, their profile). A node passed twice has its table at its last
    visit only (``perspectives.recorded_here``), the choice the store counts marked."""
    tables, withheld = [], False
    steps = zip(path, taken, perspectives.recorded_here(path, taken), strict=False)
    for step, (nid, index, last) in enumerate(steps, start=1):
        found = decision(nid) if last else None
        if found is not None and _any_shown(found.columns):
            tables.append(_decision_table(words, scenario, found, step, str(index), mine, by_profile=by_profile))
        withheld = withheld or (found is not None and not _any_shown(found.columns))
    found = endings()
    if found is not None and _any_shown(found.columns):
        tables.append(_endings_table(words, scenario, found, mine, by_profile=by_profile))
    withheld = withheld or (found is not None and not _any_shown(found.columns))
    return tables, withheld


def by_role(scenario, role_tallies, path, taken, role, words, dom):
    """``{tables, withheld}`` when the author shows others' choices and the scenario has several
    roles (else None): a table per decision of the path where two roles or more met, then the
    endings' table, each only if some role's group there is shown; ``withheld``: the note that
    says a split exists but no group of it is big enough yet ("" if none). ``role_tallies``:
    ``summary.role_tallies``' of the path's nodes and the endings; ``dom``: the block's DOM id."""
    if not reads(scenario)[1]:
        return None
    _, ungettext, nums = words
    size = scenario.min_group_size
    tables, withheld = _tables(words, scenario, path, taken, role,
                               lambda nid: perspectives.decision(scenario, nid, role_tallies, size),
                               lambda: perspectives.endings(scenario, role_tallies, size))
    note = ungettext("How each role chose is shown once each role has at least {n} participant.",
                     "How each role chose is shown once each role has at least {n} participants.",
                     size).format(n=nums.number(size, 0)) if withheld else ""
    for i, table in enumerate(tables):
        table["id"] = f"{dom}-split-{i}"  # the caption's id: the scrollable region's name
    return {"tables": tables, "withheld": note} if tables or note else None
