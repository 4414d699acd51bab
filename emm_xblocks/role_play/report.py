"""The role-play's rows of the LMS's problem-responses report (pure).

``report_data`` yields ``(username, row)`` per learner who chose a role
(``lms/djangoapps/instructor_task/tasks_helper/grades.py`` calls ``generate_report_data``):
``role``, ``path`` (node ids joined by `` > ``), ``ended``, ``attempts``, ``score`` (the stored grade).
"""

from collections import OrderedDict

from ..common.export import safe_cell


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
