"""The role-play's reports: the rows of the LMS's problem-responses report, and the staff CSV of
the perspectives (how each role chose, how each role's scenario ended).

``report_data`` yields ``(username, row)`` per learner who chose a role
(``lms/djangoapps/instructor_task/tasks_helper/grades.py`` calls ``generate_report_data``):
``role``, ``path`` (node ids joined by `` > ``), ``ended``, ``attempts``, ``score`` (the stored grade).
"""

from collections import OrderedDict

from webob import Response

from ..common import summary
from ..common.errors import staff_only
from ..common.export import content_disposition, csv_lines, safe_cell
from . import content, perspectives


def report_data(user_state_iterator, limit_responses=None):
    count = 0
    for user_state in user_state_iterator:
        if limit_responses is not None and count >= limit_responses:
            return
        state = user_state.state or {}
        if not state.get("role") and not state.get("finished"):
            continue
        count += 1
        yield user_state.username, OrderedDict([  # the platform sorts a plain dict's keys
            ("role", safe_cell(state.get("role", ""))),
            ("path", safe_cell(" > ".join(state.get("path", [])))),
            ("ended", bool(state.get("ended"))),
            ("attempts", state.get("attempts", 0)),
            ("score", state.get("raw_earned")),
        ])


# ------------------------------------------------------------------ perspectives (staff CSV)
def perspective_rows(scenario, by_role, _):
    """The header, then one row per (decision, choice, role) and per (role, kind of ending), as
    the debrief splits them (``perspectives``): ``Question`` (the node id, or "Ending"),
    ``Answer`` (the choice's label or the ending's category), ``Role``, ``Participants`` (the
    role's group there), ``Count`` and ``Percent`` (a whole number); a withheld group's row says
    why in ``Participants`` and leaves ``Count`` and ``Percent`` empty. Every decision some role
    reached is listed, even one only one role meets (the debrief shows those as the overall share)."""
    min_size = scenario.min_group_size
    yield [_("Question"), _("Answer"), _("Role"), _("Participants"), _("Count"), _("Percent")]

    def cells(group, value):
        if group.shown:
            return [group.total, group.count(value), group.percent(value)]
        if group.small:
            return [_("fewer than {n}").format(n=min_size), "", ""]
        return [_("not shown"), "", ""]

    for decision in perspectives.decisions(scenario, by_role, min_size, min_roles=1):
        for value, label in decision.choices:
            for column in decision.columns:
                yield [decision.node, label, column.label, *cells(column.group, value)]
    endings = perspectives.endings(scenario, by_role, min_size, min_roles=1)
    if endings is not None:
        for column in endings.columns:
            for category in endings.categories:
                name = _(content.CATEGORIES[category]) if category in content.CATEGORIES else category
                yield [_("Ending"), name or _("Other ending"), column.label, *cells(column.group, category)]


def perspectives_csv(block):
    """Staff only: ``perspective_rows`` as a CSV download named for the role-play (RFC 6266)."""
    _ = block.ugettext
    if not block.is_staff():
        return staff_only(_).response()
    scenario = block.load_content()
    rows = list(perspective_rows(scenario, summary.role_tallies(block.block_key()), _))  # a few hundred at most
    if scenario.asks_profile:  # the same split by participant profile (issue 12), after the roles'
        key = block.block_key()
        rows += profile_rows(scenario, perspectives.by_profile(summary.profile_tallies(key), summary.tallies(key)), _)
    title = _("{title} - choices by role").format(title=scenario.display_name)
    return Response(app_iter=csv_lines(rows), content_type="text/csv", charset="utf-8",
                    content_disposition=content_disposition(title, "csv", fallback="role-play"))


def profile_rows(scenario, by, _):
    """``perspective_rows``' rows (no header) split by participant profile instead of role: the
    ``Role`` cell reads "<profile prompt>: <option>" (or "...: Did not say"); ``by``:
    ``perspectives.by_profile``. Every decision two groups met, every ending reached."""
    min_size = scenario.min_group_size
    columns = perspectives.profile_columns(scenario, _("Did not say"))

    def cells(group, value):
        if group.shown:
            return [group.total, group.count(value), group.percent(value)]
        if group.small:
            return [_("fewer than {n}").format(n=min_size), "", ""]
        return [_("not shown"), "", ""]

    def name(column):
        return _("{question}: {answer}").format(question=scenario.profile_prompt, answer=column.label)

    rows = []
    for decision in perspectives.decisions(scenario, by, min_size, min_roles=1, columns=columns):
        for value, label in decision.choices:
            rows += [[decision.node, label, name(c), *cells(c.group, value)] for c in decision.columns]
    endings = perspectives.endings(scenario, by, min_size, min_roles=1, columns=columns)
    if endings is not None:
        for column in endings.columns:
            for category in endings.categories:
                label = _(content.CATEGORIES[category]) if category in content.CATEGORIES else category
                rows.append([_("Ending"), label or _("Other ending"), name(column), *cells(column.group, category)])
    return rows
