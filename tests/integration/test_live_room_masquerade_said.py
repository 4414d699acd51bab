"""A facilitator presents in one tab and, in another, uses the LMS's "View this course as: specific
learner" to check a participant's screen. The platform keeps the masquerade in the Django session
(``lms/djangoapps/courseware/masquerade.py``, ``setup_masquerade`` reads
``request.session[MASQUERADE_SETTINGS_KEY]``), and every handler call of the course goes through it
(``lms/djangoapps/courseware/block_render.py``, ``get_block_by_usage_id``): the projection's next
poll is refused and stops. The room's line then tells the course's own facilitator "Only course
staff can present this activity." -- they are course staff; what stops them is the learner's view,
which the block knows (``platform.is_masquerading``) and says elsewhere ("You are viewing this as a
learner…", ``pipeline.write_refusal``). Hunt 5."""

import json

import pytest
from webob import Request

from .test_live_room import STAFF
from .test_role_play_handlers import SMALL


@pytest.fixture
def role_play(scenario):
    return scenario(SMALL.format(extra='min_group_size="5"'))


@pytest.mark.parametrize("handler", ["live_poll", "live_screen"])
def test_a_facilitator_viewing_as_a_learner_is_told_so_not_that_they_are_not_staff(handlers, role_play, handler):
    platform = handlers.platform
    ctx = platform.lms(handlers.user(STAFF), masquerade_as=handlers.user("student_1"))
    block = ctx.block(handlers.key(role_play))
    response = block.runtime.handle(block, handler, Request.blank("/?item=n-start", method="GET"))
    assert response.status_code == 403
    message = json.loads(response.body)["message"]
    assert message != "Only course staff can present this activity.", (
        "course staff viewing the course as a learner are told only course staff may present")
    assert "learner" in message


def test_a_session_started_while_viewing_as_a_learner_is_refused_in_those_words(handlers, role_play):
    """The Start and End buttons' request too: the code a script compares, and the way back."""
    platform = handlers.platform
    ctx = platform.lms(handlers.user(STAFF), masquerade_as=handlers.user("student_1"))
    refused = ctx.handle(handlers.key(role_play), "live_session", {"action": "start"})
    assert refused.status == 403 and refused.json == {
        "error": "viewing_as_learner",
        "message": "You are viewing the course as a learner: switch back to Staff to present this activity."}
    learner = handlers.platform.lms(handlers.user("student_1")).handle(handlers.key(role_play), "live_session",
                                                                       {"action": "start"})
    assert learner.status == 403 and learner.json["message"] == "Only course staff can present this activity."
