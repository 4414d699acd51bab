"""Issue 8 §2: the platform's inherited settings never change ours, and a ``None`` never crashes.

Runs through ``tests.openedx`` (``xmodule/modulestore/inheritance.py``: unset fields take the
nearest ancestor's value of the same name). A component just added in Studio has none of its
settings set, so it is the one that inherits.
"""

import pytest

from tests.integration.platform_blocks import CASE, LIKERT, ROLE_PLAY, future, try_again
from tests.openedx.fixtures import platform  # noqa: F401

BLOCK_TYPES = ["emm_likert", "emm_case_study", "emm_role_play"]


@pytest.fixture
def strict_subsection(platform):  # noqa: F811
    """A graded subsection in a course whose every inheritable setting an author may set is set."""
    platform.set_settings(platform.course, max_attempts=1, showanswer="never", show_correctness="never")
    return platform.subsection(graded=True, due=future(), max_attempts=1, show_correctness="never",
                               showanswer="never")


@pytest.fixture
def null_subsection(platform):  # noqa: F811
    """A course that sets ``max_attempts`` and a subsection that sets it back to ``null``."""
    platform.set_settings(platform.course, max_attempts=3)
    return platform.subsection(max_attempts=None, graded=None, due=None, show_correctness=None, showanswer=None)


def test_a_likert_added_to_a_graded_subsection_is_not_a_graded_problem(platform, strict_subsection):  # noqa: F811
    key = platform.create("emm_likert", strict_subsection)
    # the grades app reads has_score on the block with no learner bound (GradesTransformer)
    assert platform.unbound(key).has_score is False


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
@pytest.mark.parametrize("view", ["student_view", "author_view", "studio_view"])
def test_an_inherited_null_never_crashes_a_view(platform, null_subsection, block_type, view):  # noqa: F811
    key = platform.create(block_type, null_subsection)
    ctx = {"student_view": platform.lms(platform.user("ana")),
           "author_view": platform.studio_preview(platform.user("author", role="staff")),
           "studio_view": platform.studio_editor(platform.user("editor", role="staff"))}[view]
    html = ctx.html(key, view)
    assert html.strip() and "xblock-render-error" not in html  # Studio shows a crashed editor as an error


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_an_inherited_null_never_crashes_the_mobile_data(platform, null_subsection, block_type):  # noqa: F811
    from tests.openedx import mobile_collect

    key = platform.create(block_type, null_subsection)
    assert isinstance(mobile_collect(platform, key).get("student_view_data"), dict)


def test_the_course_wide_max_attempts_does_not_cap_a_case_study(platform, strict_subsection):  # noqa: F811
    key = platform.add(CASE.format(extra='max_attempts="0"', more=""), strict_subsection)
    lms = platform.lms(platform.user("ana"))
    for _ in range(3):
        assert lms.handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
        assert try_again(lms, key).status == 200


def test_the_course_wide_max_attempts_does_not_cap_a_role_play(platform, strict_subsection):  # noqa: F811
    from tests.integration.platform_blocks import play

    key = platform.add(ROLE_PLAY.format(extra='max_attempts="0"'), strict_subsection)
    lms = platform.lms(platform.user("ana"))
    play(lms, key, ["Refer at once"])
    for _ in range(2):
        result = lms.handle(key, "restart", {})
        assert result.status == 200, result.json


def test_olx_written_by_the_current_version_still_imports_its_settings(platform):  # noqa: F811
    likert = platform.add(LIKERT.format(extra='graded="true"'), platform.subsection())
    assert platform.unbound(likert).has_score is True
    case = platform.add(CASE.format(extra='max_attempts="1"', more=""), platform.subsection(graded=True))
    lms = platform.lms(platform.user("ana"))
    assert lms.handle(case, "submit", {"answers": {"q1": "b"}}).status == 200
    assert try_again(lms, case).status == 409  # the one attempt the OLX allows is spent
    # and an export then import keeps them
    again = platform.add(platform.export(likert), platform.subsection())
    assert platform.unbound(again).has_score is True


@pytest.mark.parametrize("olx,ours,old", [
    ('<emm_likert display_name="E" graded="true"><item id="a">A</item></emm_likert>', "participation_graded", "graded"),
    (CASE.format(extra='max_attempts="2"', more=""), "attempts_allowed", "max_attempts"),
    (ROLE_PLAY.format(extra='max_attempts="2"'), "attempts_allowed", "max_attempts"),
])
def test_an_older_olx_name_sets_our_setting_not_the_platforms_field(platform, olx, ours, old):  # noqa: F811
    """OLX written before 0.2 used the platform's names for our settings: on import they are ours
    (and exported under our name), never the platform's inherited field of that name, which would
    make a survey a graded problem or be exported again."""
    key = platform.add(olx, platform.subsection())
    block = platform.unbound(key)
    assert getattr(block, ours) in (True, 2)
    assert not type(block).fields[old].is_set_on(block)
    exported = platform.export(key)
    assert f' {ours}="' in exported and f' {old}="' not in exported


def test_no_attribute_of_our_blocks_hides_a_field_the_platform_mixes_in(platform):  # noqa: F811
    """Bug hunt s42: the role-play's learner handler ``start`` hid ``start``, the release date every
    block gets from ``InheritanceMixin``: ``block.start`` was a method to the platform (its access
    checks read it), and ``repr(block)`` recursed (a handler the block lacks answered 500). No
    handler, method or attribute of ours may take the name of a field the platform mixes in
    (``XBLOCK_MIXINS``: ``tests/openedx/lms_mixin.py``, ``inheritance.py``) unless it is that field."""
    from datetime import UTC, datetime

    from xblock.runtime import Mixologist

    from emm_xblocks import xblocks
    from tests.openedx.runtime import MIXINS

    mixed_in = {name for mixin in MIXINS for name in mixin.fields}
    for cls in (xblocks.LikertBlock, xblocks.CaseStudyBlock, xblocks.RolePlayBlock, xblocks.KnowledgeCheckBlock,
                xblocks.EvaluationReportBlock):
        mixed = Mixologist(MIXINS).mix(cls)
        hiding = [name for name in sorted(mixed_in) if getattr(mixed, name) is not mixed.fields[name]]
        assert hiding == [], (cls.__name__, hiding)
    section = platform.subsection(start=datetime(2026, 5, 1, tzinfo=UTC))
    key = platform.add(ROLE_PLAY.format(extra=""), section)
    assert platform.lms(platform.user("ana")).block(key).start == datetime(2026, 5, 1, tzinfo=UTC)
    assert platform.lms(platform.user("ana")).handle(key, "nope", {}).status == 404
