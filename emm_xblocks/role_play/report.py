"""The role-play's reports (pure): the rows of the LMS's problem-responses report, and the rows of
the staff's CSV of the perspectives (how each role chose, how each role's scenario ended; the
download itself: ``export.perspectives_response``).

``report_data`` yields ``(username, row)`` per learner who chose a role
(``lms/djangoapps/instructor_task/tasks_helper/grades.py`` calls ``generate_report_data``):
``role``, ``path`` (node ids joined by `` > ``) and ``ended`` of the attempt that counts,
``attempts``, ``score`` (the stored grade), the role's name and the choices' labels.
"""

from collections import OrderedDict

from ..common.attempts import counted_index, recorded
from ..common.perspectives import PROFILE_GROUP, split, withheld_cells
from ..common.sanitize import plain_text
from ..common.spreadsheet import report_rows, safe_cell
from ..common.text import one_line
from . import content, marks, perspectives
from .scoring import MAX_SCORE, attempt_scores


def choice_words(scenario, path, taken, stored_marks=None):
    """The choices a learner made, readable: their labels in order, `` > ``-joined, each choice
    followed where the author moved it (``marks.places``; ``stored_marks``: the attempt's, None for
    one stored without them). A step whose node or choice the author has since removed, or whose
    choice's label changed, stays as stored (``<node id> #<choice number>``): a report never hides
    an answer, nor names a choice the learner did not make."""
    nodes = {node.id: node for node in scenario.nodes}
    words = []
    for node_id, stored, index in zip(path, taken, marks.places(scenario, path, taken, stored_marks), strict=False):
        node = nodes.get(node_id)
        ok = node is not None and isinstance(index, int) and 0 <= index < len(node.choices)
        words.append(one_line(node.choices[index].label) if ok else f"{node_id} #{stored}")
    return " > ".join(words)


def reported_attempt(scenario, state):
    """The attempt a report row describes, ``{role, path, taken, marks, ended}``: the ended attempt that
    counts for the grade with the current points (``grade_policy`` over ``scoring.attempt_scores``
    of every stored attempt, as ``scoring.counted_score`` picks it for the grade; the case study's
    report does the same), so that a row's path is the graded one; with no ended attempt, the one
    in play. ``state``: the learner's stored fields (a dict, as the report reads them: values of
    any type); a role, a path or choices stored damaged read as none, so that a row is always
    written."""
    finished = state.get("finished")
    if isinstance(finished, list) and finished:
        attempt = finished[counted_index(scenario.grade_policy, attempt_scores(scenario, finished))]
        attempt, ended = attempt if isinstance(attempt, dict) else {}, True
    else:
        attempt, ended = state, bool(state.get("ended"))
    role, path, taken = attempt.get("role"), attempt.get("path"), attempt.get("taken")
    readable = isinstance(path, list) and all(isinstance(node, str) for node in path)
    return {"role": role if isinstance(role, str) else "", "path": path if readable else [],
            "taken": taken if isinstance(taken, list) else [], "marks": attempt.get("marks"), "ended": ended}


def _score(scenario, state):
    """The grade the LMS holds, out of 1, as the learner's page and apps say it
    (``attempts.recorded``), or None."""
    held = recorded(state.get("raw_earned"), state.get("raw_possible"), MAX_SCORE)
    return None if held is None else held[0]


def report_data(scenario, user_state_iterator, _, limit_responses=None):
    """``(username, row)`` per learner who chose a role, of the attempt that counts
    (``reported_attempt``): ``role`` (its id), ``path`` (node ids), ``ended``, then ``attempts`` (how
    many the learner started), ``score`` (the grade the LMS holds: until staff rescore after an
    author changed the points, it may be another attempt's, decision 64), then the same answers readable, as the
    Likert's and the case study's rows give theirs: ``Role name`` (the role's name; "<id> (removed role)"
    if the role was removed since) and ``Choices`` (``choice_words``). An ``OrderedDict`` (the platform sorts a
    plain dict's keys); cells formula-safe."""
    roles = {role.id: role.label for role in scenario.roles}

    def rows_of(state):
        if not state.get("role") and not state.get("finished"):
            return []
        attempt = reported_attempt(scenario, state)
        role, path, taken = attempt["role"], attempt["path"], attempt["taken"]
        return [OrderedDict([
            ("role", safe_cell(role)),
            ("path", safe_cell(" > ".join(path))),
            ("ended", attempt["ended"]),
            ("attempts", state.get("attempts", 0)),
            ("score", _score(scenario, state)),
            (_("Role name"), safe_cell(roles.get(role) or (_("{id} (removed role)").format(id=role) if role else ""))),
            (_("Choices"), safe_cell(choice_words(scenario, path, taken, attempt["marks"]))),
        ])]

    yield from report_rows(user_state_iterator, rows_of, limit_responses)


# ------------------------------------------------------------------ perspectives (staff CSV)
def narrative(scenario, node_id):
    """What a facilitator reads of node ``node_id`` in the CSV: its narrative as plain text
    (``common.sanitize.plain_text``: author HTML to one line), "" if the node is gone."""
    node = scenario.node(node_id)
    return plain_text(node.narrative) if node is not None else ""


def perspective_rows(scenario, by_role, _):
    """The header, then one row per (decision, choice, role) and per (role, kind of ending), as
    the debrief splits them (``perspectives``): ``Node ID`` (the node's id, or "Ending"; the key
    of a spreadsheet built on the download), ``Narrative`` (the node's narrative as plain text,
    ``narrative``: what a facilitator reads; empty on an ending's row, which counts every ending
    of its kind), ``Answer`` (the choice's label or the ending's category), ``Role`` (``Role or profile`` where
    the role-play asks the participants' profile: ``profile_rows`` follow in that column),
    ``Participants`` (the role's group there), ``Count`` and ``Percent`` (a whole number); a
    withheld group's row says why in ``Participants`` and leaves ``Count`` and ``Percent`` empty.
    Every decision some role reached is listed, even one only one role meets (the debrief shows
    those as the overall share)."""
    # the rows split by participant profile (``profile_rows``) follow in the same column: named for both
    group = _("Role or profile") if scenario.asks_profile else _("Role")
    yield [_("Node ID"), _("Narrative"), _("Answer"), group, _("Participants"), _("Count"), _("Percent")]
    yield from _split_rows(scenario, by_role, _)
    yield from apart_rows(scenario, by_role, _)


def _split_rows(scenario, by, _, columns=None, name=None):
    """The rows of every decision some group reached (a row per choice and group), then of every
    ending's kind (a row per group and kind): ``[node id, narrative, answer, group's name,
    Participants, Count, Percent]``. ``by``: ``{group key: {node id: {value: n}}}``; ``columns``:
    the groups (``perspectives.decision``'s; the roles when None); ``name(column)``: the group's
    name in the row (its label when None)."""
    min_size = scenario.min_group_size
    name = name or (lambda column: column.label)
    for decision in perspectives.decisions(scenario, by, min_size, min_groups=1, columns=columns):
        text = narrative(scenario, decision.node)
        for value, label in decision.choices:
            for column in decision.columns:
                yield [decision.node, text, label, name(column), *_cells(column.group, value, min_size, _)]
    endings = perspectives.endings(scenario, by, min_size, min_groups=1, columns=columns)
    if endings is not None:
        for column in endings.columns:
            for category in endings.categories:
                label = content.category_label(category, _) or _("Other ending")
                yield [_("Ending"), "", label, name(column), *_cells(column.group, category, min_size, _)]


def _cells(group, value, min_size, _):
    """``[Participants, Count, Percent]`` of one group's answer ``value`` (a withheld group says why)."""
    if group.shown:
        return [group.total, group.count(value), group.percent(value)]
    return withheld_cells(group.small, min_size, _)


def apart_rows(scenario, by_role, _):
    """Rows (as ``perspective_rows``'s) of the stored choices no figure counts, shown apart, never
    dropped (issue 10, as ``common.apart`` does for the Likert and the case study): choices made
    at a node the author removed (or renamed) since (its id, "Removed node", ``Choice <n>``) and
    choices a node no longer offers (its id, its narrative, ``Choice <n> (no longer offered)``).
    Each node's answers are split by role as the others (the minimum group size kept,
    ``common.perspectives.split``); a role removed since is named "<id> (removed role)".

    First the choices and endings of participants whose role the author removed (or renamed) since,
    at the scenario's current decisions and endings (``removed_role_rows``), then the rest."""
    min_size = scenario.min_group_size
    roles = {role.id: role.label for role in scenario.roles}
    yield from removed_role_rows(scenario, by_role, _)

    # every group but the endings' and the participant profile's (one more row of each submission,
    # counted by ``profile_rows``): no node's choices
    nodes = sorted({group for per in by_role.values() for group in per
                    if group not in (perspectives.ENDING, PROFILE_GROUP)})
    for node_id in nodes:
        node = scenario.node(node_id)
        offered = {str(i) for i in range(len(node.choices))} if node is not None and not node.ending else set()
        counts = {role: dict(per.get(node_id, {})) for role, per in by_role.items()}
        gone = sorted({v for per in counts.values() for v, n in per.items() if n and v not in offered},
                      key=lambda v: (not v.isdigit(), int(v) if v.isdigit() else 0, v))
        if not gone:
            continue
        text = narrative(scenario, node_id) if node is not None else _("Removed node")
        groups = split(counts, min_size)
        for value in gone:
            number = int(value) + 1 if value.isdigit() else value
            answer = (_("Choice {n} (no longer offered)") if node is not None else _("Choice {n}")).format(n=number)
            for role_id in sorted(groups, key=lambda r: (r not in roles, list(roles).index(r) if r in roles else 0, r)):
                label = roles.get(role_id) or _("{id} (removed role)").format(id=role_id)
                yield [node_id, text, answer, label, *_cells(groups[role_id], value, min_size, _)]


def removed_role_rows(scenario, by_role, _):
    """Rows (as ``perspective_rows``'s) of the participants of each role the author removed (or
    renamed) since, ``<id> (removed role)`` in the ``Role`` cell: how they chose at each current
    decision (the choices' labels) and how their scenario ended. Their answers count in each split
    as before (a group withheld, or withholding another, by the same rules as the figures'
    columns, ``perspectives.decision``); here they are listed under the role's old id, never dropped."""
    names = {role.id for role in scenario.roles}
    removed = tuple((rid, _("{id} (removed role)").format(id=rid)) for rid in sorted(by_role) if rid not in names)
    if removed:
        yield from _split_rows(scenario, by_role, _, columns=removed)


def profile_rows(scenario, by, _):
    """``perspective_rows``' rows (no header) split by participant profile instead of role: the
    ``Role`` cell reads "<profile prompt>: <option>" (or "...: Did not say"; "...: <old id>" for
    the participants of an option removed since, a group of their own, as the debrief and the
    Likert's and the case study's figures keep them: ``perspectives.profile_columns``); ``by``:
    ``common.profile.with_not_said``. Every decision some group reached (even one only one group
    meets, as ``perspective_rows``), every ending reached."""
    columns = perspectives.profile_columns(scenario, _, by)

    def name(column):
        return _("{question}: {answer}").format(question=scenario.profile_prompt, answer=column.label)

    return list(_split_rows(scenario, by, _, columns=columns, name=name))
