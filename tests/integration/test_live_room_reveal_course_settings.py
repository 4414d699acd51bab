"""The live room's Reveal follows what the room's learners may be shown of the answers, as the
course team set it on the subsection (``showanswer``: *Show answer: Never*; ``show_correctness``:
*Never*, or *Past due* while the due date is ahead), not what the staff member projecting it may
see: course staff see correctness whatever ``past_due`` says (``ShowCorrectness``,
``xblock/scorable.py``), and the wall is read by learners still answering for a grade. Hunt 5."""

import json
import re

import pytest

from tests.integration.platform_blocks import future, past

from .test_case_study_handlers import CASE
from .test_live_room import get, poll, session


def revealable(handlers, case):
    html = json.loads(get(handlers, case, "live_screen").body)["html"]
    return re.findall(r'data-item="([^"]+)"[^>]*data-revealable', html)


@pytest.mark.parametrize("settings", [{"showanswer": "never"}, {"show_correctness": "never"},
                                      {"show_correctness": "past_due", "due": future()}])
def test_reveal_is_not_offered_where_the_course_hides_the_answers_from_its_learners(handlers, scenario, settings):
    case = scenario(CASE.format(attempts=3, policy="best", show="submitted", extra='min_group_size="1"'))
    handlers.subsection_settings(case, **settings)
    session(handlers, case, "start")
    assert handlers.post(case, "submit", {"answers": {"q1": "b", "q2": ["x", "z"], "q3": "Text"}}).status_code == 200
    figures = poll(handlers, case, "q1", reveal=True).json
    assert revealable(handlers, case) == [] and "r" not in figures, (
        f"the right options {figures.get('r')} projected though the course hides them from its learners")


def test_reveal_is_offered_once_the_answers_are_the_learners_to_see(handlers, scenario):
    case = scenario(CASE.format(attempts=3, policy="best", show="submitted", extra='min_group_size="1"'))
    handlers.subsection_settings(case, show_correctness="past_due", due=past())
    assert revealable(handlers, case) == ["q1", "q2"]
    assert poll(handlers, case, "q2", reveal=True).json["r"] == [0, 1]
