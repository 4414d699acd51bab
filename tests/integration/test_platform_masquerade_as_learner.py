"""Staff's "View this course as: Learner" (the role, no specific learner), as the LMS does it
(``lms/djangoapps/courseware/masquerade.py`` and ``block_render.py``; ``tests/openedx/masquerade.py``):
``setup_masquerade`` keeps ``request.user``, the staff member's own (no ``real_user``: not
``platform.is_masquerading``), and sets on it ``masquerade_settings``, where this course's
``CourseMasquerade`` has the role "student"; ``prepare_runtime_for_user`` builds the user service
with ``user_is_staff`` False and ``user_role`` "student" (``access.py``: ``has_access`` and
``get_user_role`` answer for the masqueraded role). The staff handlers told them "Only course
staff can do this." (decision 115 said the learner's view for a specific learner only): they are
staff, the learner's view stops them, and the way back is the same switch. Nothing in the user
service's ``opt_attrs`` says so; the Django user behind it does (``platform.is_viewing_as_learner``)."""

import pytest
from webob import Request

from emm_xblocks.common import platform as emm_platform
from tests.integration.platform_blocks import CASE, LIKERT, REFLECTION, ROLE_PLAY
from tests.integration.test_pack_handlers import BLOCKS, get_pack, refusal_page
from tests.openedx.fixtures import platform  # noqa: F401

SWITCH_BACK = "You are viewing the course as a learner: switch back to Staff to do this."


@pytest.fixture
def people(platform):  # noqa: F811
    return platform.user("ana"), platform.user("sam", role="staff")


def test_the_runtime_gives_the_block_the_staff_member_as_a_learner(platform, people):  # noqa: F811
    """What the block is given (``prepare_runtime_for_user``): the staff member's own user, with the
    learner's role, no flag of it among ``opt_attrs``; ``platform.is_viewing_as_learner`` reads it."""
    ana, sam = people
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    block = platform.lms(sam, as_learner=True).block(key)
    attrs = block.runtime.service(block, "user").get_current_user().opt_attrs
    assert attrs["edx-platform.username"] == "sam" and attrs["edx-platform.user_id"] == sam.id
    assert attrs["edx-platform.user_is_staff"] is False and attrs["edx-platform.user_role"] == "student"
    assert not any("masquerad" in name for name in attrs)
    assert not emm_platform.is_masquerading(block) and not emm_platform.is_staff(block)
    assert emm_platform.is_viewing_as_learner(block)
    for ctx in (platform.lms(sam), platform.lms(ana)):  # as themselves: neither
        assert not emm_platform.is_viewing_as_learner(ctx.block(key))
    assert emm_platform.is_viewing_as_learner(platform.lms(sam, masquerade_as=ana).block(key))


@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_the_facilitator_pack_tells_staff_viewing_as_learner_to_switch_back(platform, people, kind):  # noqa: F811
    ana, sam = people
    key = platform.add(BLOCKS[kind], platform.subsection())
    text = refusal_page(get_pack(platform.lms(sam, as_learner=True), key), 403, "viewing_as_learner")
    assert SWITCH_BACK in text and "Only course staff" not in text
    assert "Only course staff can do this." in refusal_page(get_pack(platform.lms(ana), key), 403, "staff_only")
    assert get_pack(platform.lms(sam), key).status_code == 200


@pytest.mark.parametrize("olx", [LIKERT.format(extra=""), CASE.format(extra="", more=REFLECTION),
                                 ROLE_PLAY.format(extra="")], ids=["likert", "case", "role_play"])
def test_answers_by_day_and_its_leave_out_tell_staff_viewing_as_learner_to_switch_back(platform, people, olx):  # noqa: F811
    ana, sam = people
    key = platform.add(olx, platform.subsection())
    for handler, data in (("answers_by_day", {}), ("leave_out_day", {"day": "2026-12-03"})):
        refused = platform.lms(sam, as_learner=True).handle(key, handler, data)
        assert refused.status == 403 and refused.json == {"error": "viewing_as_learner", "message": SWITCH_BACK}
        assert platform.lms(ana).handle(key, handler, data).json["error"] == "staff_only"


def test_a_download_tells_staff_viewing_as_learner_to_switch_back(platform, people):  # noqa: F811
    ana, sam = people
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    refused = platform.lms(sam, as_learner=True).handle(key, "export_codebook", method="GET")
    assert refused.status == 403 and refused.json == {"error": "viewing_as_learner", "message": SWITCH_BACK}
    assert platform.lms(sam).handle(key, "export_codebook", method="GET").status == 200


@pytest.mark.parametrize("olx", [LIKERT.format(extra=""), ROLE_PLAY.format(extra="")], ids=["likert", "role_play"])
def test_the_live_room_tells_staff_viewing_as_learner_to_switch_back(platform, people, olx):  # noqa: F811
    """The projection's next poll in the facilitator's other tab, and Start (decision 115)."""
    ana, sam = people
    key = platform.add(olx, platform.subsection())
    said = "You are viewing the course as a learner: switch back to Staff to present this activity."
    refused = platform.lms(sam, as_learner=True).handle(key, "live_session", {"action": "start"})
    assert refused.status == 403 and refused.json == {"error": "viewing_as_learner", "message": said}
    block = platform.lms(sam, as_learner=True).block(key)
    polled = block.runtime.handle(block, "live_poll", Request.blank("/", method="GET"))
    assert polled.status_code == 403 and said in polled.text
    assert platform.lms(ana).handle(key, "live_session", {"action": "start"}).json["error"] == "staff_only"
