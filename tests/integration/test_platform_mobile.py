"""Issue 8 §2: the mobile apps (``lms/djangoapps/course_api/blocks/transformers/student_view.py``).

The Blocks API reads ``multi_device`` on the class's ``student_view`` and calls
``student_view_data()`` once per course, with no learner bound, caching the result for every
learner and language: it must hold content only. A learner's state comes from the
``student_view_user_state`` handler.
"""

import pytest
from django.utils import translation

from tests.integration.platform_blocks import CASE, LIKERT, LIKERT_ANSWERS, REFLECTION, ROLE_PLAY, play
from tests.openedx import mobile_collect
from tests.openedx.fixtures import platform  # noqa: F401

OLX = {"emm_likert": LIKERT.format(extra=""), "emm_case_study": CASE.format(extra="", more=REFLECTION),
       "emm_role_play": ROLE_PLAY.format(extra="")}
LEARNER_KEYS = {"submitted", "attempts", "attempts_left", "ended", "can_change", "answers", "path", "role_chosen",
                "draft", "score", "grade"}


def keys_of(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from keys_of(v)
    elif isinstance(value, list):
        for v in value:
            yield from keys_of(v)


def act(platform, block_type, key, user):  # noqa: F811
    lms = platform.lms(user)
    if block_type == "emm_likert":
        assert lms.handle(key, "submit", LIKERT_ANSWERS).status == 200
    elif block_type == "emm_case_study":
        assert lms.handle(key, "submit", {"answers": {"q1": "a", "q3": "Text."}}).status == 200
    else:
        assert play(lms, key, ["Refer at once"]).status == 200


@pytest.mark.parametrize("block_type", sorted(OLX))
def test_the_view_supports_multi_device(platform, block_type):  # noqa: F811
    key = platform.add(OLX[block_type], platform.subsection())
    assert mobile_collect(platform, key)["student_view_multi_device"] is True


@pytest.mark.parametrize("block_type", sorted(OLX))
def test_student_view_data_is_content_only(platform, block_type):  # noqa: F811
    key = platform.add(OLX[block_type], platform.subsection())
    data = mobile_collect(platform, key)["student_view_data"]
    assert not LEARNER_KEYS & set(keys_of(data))
    ana = platform.user("ana")
    act(platform, block_type, key, ana)
    assert mobile_collect(platform, key)["student_view_data"] == data  # no learner in it, ever
    # the collect may run in a learner's request: the modulestore's user service then names them
    assert mobile_collect(platform, key, current_user=ana)["student_view_data"] == data


@pytest.mark.parametrize("block_type", sorted(OLX))
def test_student_view_data_is_the_same_in_every_language(platform, block_type):  # noqa: F811
    key = platform.add(OLX[block_type], platform.subsection())
    with translation.override("en"):
        english = mobile_collect(platform, key)["student_view_data"]
    with translation.override("fr"):
        french = mobile_collect(platform, key)["student_view_data"]
    assert english == french


@pytest.mark.parametrize("block_type", sorted(OLX))
def test_student_view_user_state_gives_the_learner_their_state(platform, block_type):  # noqa: F811
    key = platform.add(OLX[block_type], platform.subsection())
    ana = platform.user("ana")
    fresh = platform.lms(ana).handle(key, "student_view_user_state", method="GET")
    assert fresh.status == 200 and isinstance(fresh.json, dict)
    act(platform, block_type, key, ana)
    after = platform.lms(ana).handle(key, "student_view_user_state", method="GET")
    assert after.status == 200 and after.json != fresh.json
    assert platform.lms(platform.user("bea")).handle(key, "student_view_user_state", method="GET").json == fresh.json
