"""The settings the case study and the role-play share (``attempts_allowed``, ``grade_policy``) are
declared once, by ``common.settings``' builders: the same label, help, kind, choices, OLX aliases and
problem in both blocks. What a block may choose is documented on the builder: its default, its limit
(``high``) and where its editor draws it (``group``)."""

from dataclasses import fields, replace
from types import SimpleNamespace

import pytest

from emm_xblocks.case_study import content as case_content
from emm_xblocks.common import settings
from emm_xblocks.common.attempts import COUNT_BEST, COUNTED_ATTEMPT
from emm_xblocks.common.i18n import Gettext
from emm_xblocks.common.numbers import count
from emm_xblocks.role_play import content as role_play_content

SHARED = ("attempts_allowed", "grade_policy")
PER_BLOCK = {"default", "high", "group"}  # the builders' arguments


def by_name(block_settings):
    return {s.name: s for s in block_settings}


@pytest.mark.parametrize("name", SHARED)
def test_both_blocks_declare_the_setting_identically_but_for_the_documented_per_block_values(name):
    case = by_name(case_content.SETTINGS)[name]
    role_play = by_name(role_play_content.SETTINGS)[name]
    for f in fields(settings.Setting):
        if f.name not in PER_BLOCK:
            assert getattr(case, f.name) == getattr(role_play, f.name), f.name
    assert (case.label, case.help, case.kind) == (role_play.label, role_play.help, role_play.kind)
    # today only the editor's place differs: both blocks allow 0 to 100 attempts, the best counting
    assert replace(case, group=role_play.group) == role_play


def test_the_blocks_settings_are_the_shared_builders():
    case, role_play = by_name(case_content.SETTINGS), by_name(role_play_content.SETTINGS)
    assert case["attempts_allowed"] == settings.attempts_allowed(case_content.MAX_ATTEMPTS)
    assert role_play["attempts_allowed"] == settings.attempts_allowed(role_play_content.MAX_ATTEMPTS, group="grading")
    assert case["grade_policy"] == settings.grade_policy()
    assert role_play["grade_policy"] == settings.grade_policy(group="grading")


def test_the_builders_keep_the_stored_names_olx_and_values():
    attempts = settings.attempts_allowed(100)
    assert (attempts.name, attempts.kind, attempts.default, attempts.low, attempts.high, attempts.olx_aliases) == (
        "attempts_allowed", settings.WHOLE, 0, 0, 100, ("max_attempts",))
    assert attempts.label == "Maximum attempts (0: no limit)"
    assert settings.attempts_allowed(7, default=3).default == 3
    policy = settings.grade_policy()
    assert (policy.name, policy.kind, policy.default, policy.choices) == (
        "grade_policy", settings.SELECT, COUNT_BEST, COUNTED_ATTEMPT)
    assert policy.label == "Attempt that counts"
    assert settings.grade_policy(default="last").default == "last"


@pytest.mark.parametrize("block_settings", [case_content.SETTINGS, role_play_content.SETTINGS])
def test_the_problems_name_each_block_s_own_limit_in_the_author_s_language(block_settings):
    shared = [s for s in block_settings if s.name in SHARED]
    wrong = SimpleNamespace(attempts_allowed=101, grade_policy="worst")
    assert [p.message for p in settings.problems(wrong, shared, str)] == [
        "The number of attempts must be between 0 (no limit) and 100.", "Choose which attempt counts."]


def test_the_limit_is_the_block_s_own_written_as_the_author_s_language_writes_numbers():
    french = Gettext(lambda text: text, "fr")
    [problem] = settings.problems(SimpleNamespace(attempts_allowed=1001), [settings.attempts_allowed(1000)], french)
    assert problem.message == f"The number of attempts must be between 0 (no limit) and {count(1000, french)}."
    assert count(1000, french) != "1000"  # French groups the thousands: the limit is filled in, not written


def test_the_editors_show_the_same_labels():
    def labels(block_settings):
        return {spec["key"]: (spec["label"], spec["help"], spec["type"], spec["min"], spec["max"], spec["choices"])
                for spec in settings.editor_spec(block_settings, str) if spec["key"] in SHARED}

    assert labels(case_content.SETTINGS) == labels(role_play_content.SETTINGS)


@pytest.mark.parametrize("raw", ["nan", "inf", "-inf", "1" * 40, "abc", "1,5"])
def test_a_number_setting_every_block_reads_from_olx_is_finite_and_bounded_or_its_default(raw):
    """One reading of numbers for every block (``common.settings.read_olx``, ``common.olx``): an
    unreadable one ("nan" read as a number before, and a 40-digit int) takes its default, and
    where it is collected (an import, the role-play's "Edit as XML" tab: ``olx.unreadable_values``)
    it is named there, with its line and value."""
    from lxml import etree

    from emm_xblocks.common import olx
    from emm_xblocks.likert import content as likert_content

    el = etree.fromstring(f'<x weight="{raw}" min_group_size="{raw}" attempts_allowed="{raw}"/>')
    for block_settings in (likert_content.SETTINGS, case_content.SETTINGS, role_play_content.SETTINGS):
        with olx.unreadable_values() as invalid:
            found = settings.read_olx(el, block_settings)
        numbers = {s.name: s for s in block_settings if s.kind in (settings.WHOLE, settings.NUMBER)}
        for name, value in found.items():
            if name in numbers:
                assert value == numbers[name].default, (name, value)
        assert sorted((u.where, u.kind) for u in invalid) == sorted(
            (name, numbers[name].kind) for name in found if name in numbers)
        assert {(u.line, u.tag, u.value) for u in invalid} == {(1, "x", raw)}
        assert invalid  # each block reads at least one of these three
    el = etree.fromstring('<x weight="2.5" min_group_size="7"/>')
    assert settings.read_olx(el, likert_content.SETTINGS).get("min_group_size") == 7
