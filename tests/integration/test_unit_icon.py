"""The icon of a unit in the LMS's unit bar (decision 109): "problem" (an exercise) where it holds
an activity with a score, "other" (a reading page) otherwise -- read, as the platform reads it, with
``get_icon_class()`` on each child (``XModuleMixin``, mixed in after the block's class: the
test runtime's ``lms_mixin.XModuleMixin``) and the unit's rule of ``xmodule/vertical_block.py``
(``unit_icon``, ``test_lms_staff_tools_hunt3.py``'s, which reads ``icon_class`` as the mixin does)."""

import pytest

from emm_xblocks.xblocks import KnowledgeCheckBlock
from tests.integration.platform_blocks import CASE, LIKERT, ROLE_PLAY
from tests.integration.test_knowledge_check import CHECK
from tests.integration.test_lms_staff_tools_hunt3 import unit_icon
from tests.openedx.fixtures import platform  # noqa: F401


@pytest.fixture
def course(platform):  # noqa: F811
    platform.block_classes["emm_knowledge_check"] = KnowledgeCheckBlock
    return platform


def _unit_with(platform, *olx):  # noqa: F811
    unit = platform.container("vertical", platform.subsection(graded=True))
    for one in olx:
        platform.add(one, unit)
    return unit


@pytest.mark.parametrize(("olx", "icon"), [
    (CASE.format(extra="", more=""), "problem"),
    (CASE.format(extra='weight="0"', more=""), "problem"),  # not graded by weight, still an exercise with a score
    (ROLE_PLAY.format(extra=""), "problem"),
    (LIKERT.format(extra=""), "other"),  # an evaluation of the training, not graded: not an exercise
    (LIKERT.format(extra='participation_graded="true"'), "problem"),  # counted in the grade: looked for as one
    (CHECK.format(phase="pre", pair="day1", extra=""), "other"),  # not graded (the default)
    (CHECK.format(phase="pre", pair="day1", extra='grading="participation"'), "problem"),
    (CHECK.format(phase="post", pair="day1", extra='grading="score"'), "problem"),
], ids=["case_study", "case_study_weight_0", "role_play", "likert", "likert_graded", "check_ungraded",
        "check_participation", "check_score"])
def test_each_block_s_icon_says_whether_it_counts_in_the_grade(course, olx, icon):
    unit = _unit_with(course, olx)
    ana = course.user("ana")
    (child,) = course.lms(ana).block(unit).children
    assert course.lms(ana).block(child).get_icon_class() == icon  # the platform's call, on the mixed class
    assert unit_icon(course, ana, unit) == icon


def test_an_author_who_grades_a_likert_evaluation_changes_its_unit_s_icon(course):
    """Read on the instance: the setting changed in Studio changes the icon, no class attribute."""
    unit = _unit_with(course, LIKERT.format(extra=""))
    ana = course.user("ana")
    assert unit_icon(course, ana, unit) == "other"
    (child,) = course.lms(ana).block(unit).children
    course.set_settings(child, participation_graded=True)
    assert unit_icon(course, ana, unit) == "problem"


def test_a_unit_with_an_ungraded_evaluation_beside_a_role_play_shows_the_exercise_icon(course):
    unit = _unit_with(course, LIKERT.format(extra=""), ROLE_PLAY.format(extra=""))
    assert unit_icon(course, course.user("ana"), unit) == "problem"
