"""How the other participants chose, as a finished attempt's panel shows it: the share of each
step of the learner's path, and the tables by role (``by_role``) and by participant profile
(``profile_perspectives``) of each decision and ending on it, withheld below the minimum group
size. It reads the summary's counts (``common.summary``) and formats numbers in the learner's
language; the pure splitting is ``perspectives``. Rendering data only: nothing here writes.
"""

from ..common import profile, summary
from . import content, perspectives


def shares(block, scenario, path, taken):
    """Per decision of the path: the share of participants who chose the same, in words, if the
    group is big enough (else None)."""
    if not scenario.show_others:
        return [None] * len(taken)
    tallies = summary.tallies(block.block_key())
    nums = block.numbers()
    shares = []
    for nid, idx in zip(path, taken, strict=False):
        counts = tallies.get(nid, {})
        total = sum(counts.values())
        if total < scenario.min_group_size:
            shares.append(None)
        else:
            share = nums.percent(100 * counts.get(str(idx), 0) / total, 0)
            shares.append(block.ungettext("({percent} of {n} participant chose this)",
                                          "({percent} of {n} participants chose this)", total).format(
                percent=share, n=nums.number(total, 0)))
    return shares


def _group_note(block, group, min_size):
    """What a role's heading says of its group: its size, or why its choices are not shown."""
    nums = block.numbers()
    if group.shown:
        return block.ungettext("{n} participant", "{n} participants", group.total).format(
            n=nums.number(group.total, 0))
    if group.small:
        return block.ugettext("fewer than {n} participants: not shown").format(n=nums.number(min_size, 0))
    return block.ugettext("not shown, to protect a smaller group")


def _cell(block, group, value):
    """A role's share of one answer: the whole percentage (rounded half up; the bar's width) and
    its text in the learner's locale (``common.numbers``: "60%", "60 %")."""
    if not group.shown:
        return {"shown": False, "text": block.ugettext("not shown")}
    percent = group.percent(value)
    return {"shown": True, "percent": percent, "text": block.numbers().percent(percent, 0)}


def _decision_table(block, scenario, decision, step, mine, role, by_profile=False):
    """A decision's split as a table: a row per choice (the learner's marked), a column per role
    (``by_profile``: per participant profile, ``role`` then the learner's profile)."""
    _ = block.ugettext
    # ``own``: the label is the author's (a role, a profile option, a choice), not the reader's words
    # ("Did not say"): it carries the author's language (common.content_language)
    columns = [{"label": c.label, "note": _group_note(block, c.group, scenario.min_group_size),
                "mine": c.key == role, "own": c.key != profile.NOT_SAID} for c in decision.columns]
    rows = [{"label": label, "note": "", "mine": value == mine, "own": True,
             "cells": [_cell(block, c.group, value) for c in decision.columns]} for value, label in decision.choices]
    n = block.numbers().number(step, 0)
    if by_profile:
        return {"caption": _("Step {n}: how the participants of each profile chose").format(n=n),
                "corner": _("Choice"), "columns": columns, "rows": rows, "mine_note": _("your choice"),
                "role_note": _("your profile")}
    return {"caption": _("Step {n}: how the participants of each role chose").format(n=n),
            "corner": _("Choice"), "columns": columns, "rows": rows, "mine_note": _("your choice"),
            "role_note": _("your role")}


def _endings_table(block, scenario, endings, role, by_profile=False):
    """The endings' split as a table: a row per role (``by_profile``: per participant profile, ``role``
    then the learner's profile), a column per kind of ending."""
    _ = block.ugettext
    columns = [{"label": content.category_label(c, _) if c else _("Other ending"), "note": "", "mine": False,
                "own": bool(c) and c not in content.CATEGORIES} for c in endings.categories]
    rows = [{"label": c.label, "note": _group_note(block, c.group, scenario.min_group_size), "mine": c.key == role,
             "own": c.key != profile.NOT_SAID,
             "cells": [_cell(block, c.group, category) for category in endings.categories]}
            for c in endings.columns]
    if by_profile:
        return {"caption": _("How the scenario ended for the participants of each profile"),
                "corner": scenario.profile_prompt, "corner_own": True, "columns": columns, "rows": rows,
                "mine_note": _("your profile"), "role_note": ""}
    return {"caption": _("How the scenario ended for the participants of each role"), "corner": _("Role"),
            "columns": columns, "rows": rows, "mine_note": _("your role"), "role_note": ""}


def profile_perspectives(block, scenario, path, taken, mine):
    """``{tables, withheld, heading}``: the debrief's split by participant profile (issue 12), as
    ``by_role`` by role, when the scenario asks the profile question (else None): a table per
    decision of the path where two profile groups or more met (who did not say is one), then the
    endings' table. ``mine``: the learner's profile ("" for none)."""
    if not scenario.asks_profile:
        return None
    key, wanted = block.block_key(), [*path, perspectives.ENDING]
    overall = summary.tallies(key)
    by = profile.with_not_said(summary.profile_tallies(key, groups=wanted),
                               {g: overall[g] for g in wanted if g in overall})
    columns = perspectives.profile_columns(scenario, block.ugettext)
    size = scenario.min_group_size
    tables, withheld = [], False
    for step, (nid, index) in enumerate(zip(path, taken, strict=False), start=1):
        found = perspectives.decision(scenario, nid, by, size, columns=columns)
        if found is not None and _any_shown(found.columns):
            tables.append(_decision_table(block, scenario, found, step, str(index), mine, by_profile=True))
        withheld = withheld or (found is not None and not _any_shown(found.columns))
    found = perspectives.endings(scenario, by, size, min_roles=1, columns=columns)
    if found is not None and _any_shown(found.columns):
        tables.append(_endings_table(block, scenario, found, mine, by_profile=True))
    withheld = withheld or (found is not None and not _any_shown(found.columns))
    note = block.ungettext("How each profile chose is shown once each has at least {n} participant.",
                           "How each profile chose is shown once each has at least {n} participants.",
                           size).format(n=block.numbers().number(size, 0)) if withheld else ""
    for i, table in enumerate(tables):
        table["id"] = f"{block.dom_id()}-profile-split-{i}"
    # the frame and the author's question apart: the page marks the question with its language
    heading = block.ugettext("By participant profile: {question}")
    return {"tables": tables, "withheld": note, "heading": heading, "question": scenario.profile_prompt} \
        if tables or note else None


def _any_shown(columns):
    return any(c.group.shown for c in columns)


def by_role(block, scenario, path, taken, role):
    """``{tables, withheld}`` when the author shows others' choices and the scenario has several
    roles (else None): a table per decision of the path where two roles or more met, then the
    endings' table, each only if some role's group there is shown; ``withheld``: the note that
    says a split exists but no group of it is big enough yet ("" if none)."""
    if not scenario.show_others or len(scenario.roles) < 2:
        return None
    by_role = summary.role_tallies(block.block_key(), groups=[*path, perspectives.ENDING])
    size = scenario.min_group_size
    tables, withheld = [], False
    for step, (nid, index) in enumerate(zip(path, taken, strict=False), start=1):
        found = perspectives.decision(scenario, nid, by_role, size)
        if found is not None and _any_shown(found.columns):
            tables.append(_decision_table(block, scenario, found, step, str(index), role))
        withheld = withheld or (found is not None and not _any_shown(found.columns))
    found = perspectives.endings(scenario, by_role, size)
    if found is not None and _any_shown(found.columns):
        tables.append(_endings_table(block, scenario, found, role))
    withheld = withheld or (found is not None and not _any_shown(found.columns))
    note = block.ungettext("How each role chose is shown once each role has at least {n} participant.",
                           "How each role chose is shown once each role has at least {n} participants.",
                           size).format(n=block.numbers().number(size, 0)) if withheld else ""
    for i, table in enumerate(tables):
        table["id"] = f"{block.dom_id()}-split-{i}"  # the caption's id: the scrollable region's name
    return {"tables": tables, "withheld": note} if tables or note else None
