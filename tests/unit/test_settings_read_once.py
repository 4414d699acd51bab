"""Every block reads and writes its settings one way (``common.settings``): its OLX through
``read_olx`` / ``write_olx``, its editor's answer through ``read_editor``, none reading a setting
again by hand. A ``text`` or ``select`` setting (``settings.ONE_LINE``) is one line on import, on
export and from the editor, in all five blocks alike."""

from dataclasses import replace
from importlib import resources

import pytest
from lxml import etree

from emm_xblocks.case_study import content as case_study_content
from emm_xblocks.case_study import editor as case_study_editor
from emm_xblocks.case_study import olx as case_study_olx
from emm_xblocks.common import settings
from emm_xblocks.evaluation_report import content as evaluation_report_content
from emm_xblocks.evaluation_report import editor as evaluation_report_editor
from emm_xblocks.evaluation_report import olx as evaluation_report_olx
from emm_xblocks.knowledge_check import content as knowledge_check_content
from emm_xblocks.knowledge_check import editor as knowledge_check_editor
from emm_xblocks.knowledge_check import olx as knowledge_check_olx
from emm_xblocks.likert import content as likert_content
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.likert import olx as likert_olx
from emm_xblocks.role_play import content as role_play_content
from emm_xblocks.role_play import editor as role_play_editor
from emm_xblocks.role_play import olx as role_play_olx
from tests.editor_settings import away_from_default

# the block's demo scenario, its OLX, editor and settings
BLOCKS = {
    "emm_likert": ("emm_likert-1-en.xml", likert_olx, likert_editor, likert_content.SETTINGS),
    "emm_case_study": ("emm_case_study-1-en.xml", case_study_olx, case_study_editor, case_study_content.SETTINGS),
    "emm_role_play": ("emm_role_play-1-en.xml", role_play_olx, role_play_editor, role_play_content.SETTINGS),
    "emm_knowledge_check": ("emm_knowledge_check-1-en-pre.xml", knowledge_check_olx, knowledge_check_editor,
                            knowledge_check_content.SETTINGS),
    "emm_evaluation_report": ("emm_evaluation_report-1-en.xml", evaluation_report_olx, evaluation_report_editor,
                              evaluation_report_content.SETTINGS),
}
NB = "\u00a0"


def demo(block_type):
    """The block's demo scenario as an export writes it: its body then round-trips (HTML written as
    elements, not CDATA, comes back with ``&#8220;`` for a typed quotation mark the first time),
    so that only the settings are tried."""
    path = resources.files("emm_xblocks").joinpath("workbench", "scenarios", BLOCKS[block_type][0])
    module = BLOCKS[block_type][1]
    return etree.fromstring(etree.tostring(module.to_xml(module.from_xml(etree.fromstring(path.read_bytes())))))


def round_trip(module, content):
    return module.from_xml(etree.fromstring(etree.tostring(module.to_xml(content))))


def _(text):
    return text


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_a_display_name_with_a_line_break_imports_as_one_line_and_round_trips(block_type):
    module = BLOCKS[block_type][1]
    root = demo(block_type)
    root.set("display_name", f"  Day 1\n   – what do you know{NB}?\t\n")
    content = module.from_xml(root)
    assert content.display_name == f"Day 1 – what do you know{NB}?"
    again = round_trip(module, content)
    assert again == content
    assert etree.tostring(module.to_xml(again)) == etree.tostring(module.to_xml(content))


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_every_text_and_select_setting_is_one_line_on_import_and_export(block_type):
    _file, module, _editor, block_settings = BLOCKS[block_type]
    root = demo(block_type)
    spread = {}
    for s in block_settings:
        if s.kind in settings.ONE_LINE:
            value = away_from_default(s) if s.kind == settings.SELECT else "Changed  \n the setting"
            spread[s.name] = settings.olx.one_line(value)
            root.set(s.name, f"\n {value.replace(' ', chr(10) + '  ')} \n")
    content = module.from_xml(root)
    assert {name: getattr(content, name) for name in spread} == spread
    # a value held with a line break (content built in code) is written on one line
    assert module.to_xml(replace(content, display_name="Two\nlines")).get("display_name") == "Two lines"
    assert round_trip(module, content) == content


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_the_editor_reads_every_setting_through_read_editor_alike(block_type):
    _file, module, editor, block_settings = BLOCKS[block_type]
    content = module.from_xml(demo(block_type))
    start = editor.to_editor(content)
    start.pop("xml", None)  # the role-play's "Edit as XML" tab: another payload
    saved, problems = editor.from_editor(dict(start, display_name=" Day 1\n  – before "), _)
    assert saved.display_name == "Day 1 – before"
    assert not [p for p in problems if p.field == "display_name"]
    # a name that is missing or not text is never the default in silence: the block asks for a
    # name (so an empty payload is refused, never saved as the defaults)
    _saved, problems = editor.from_editor({}, _)
    assert "display_name" in {p.field for p in problems if p.error}
    for wrong in (5, None, ["x"]):
        saved, problems = editor.from_editor(dict(start, display_name=wrong), _)
        assert saved.display_name == ""
        assert [p.field for p in problems if p.error and p.field == "display_name"] == ["display_name"]
    # a choice not offered, whatever its length, is refused at its field; so is one that is not text
    # (read as "": the content's language may be left unspecified, "" among its choices)
    for s in block_settings:
        if s.kind == settings.SELECT:
            for wrong in ("not offered", "x" * (settings.TEXT_MAX + 1), *([] if "" in s.choices else [7])):
                saved, problems = editor.from_editor(dict(start, **{s.name: wrong}), _)
                assert s.name in {p.field for p in problems if p.error}, (s.name, wrong)
            # left out of the save (a stale editor, a crafted request): refused, never the default
            saved, problems = editor.from_editor({k: v for k, v in start.items() if k != s.name}, _)
            if "" in s.choices:
                assert getattr(saved, s.name) == "", s.name
            else:
                assert s.name in {p.field for p in problems if p.error}, s.name


@pytest.mark.parametrize("module", [case_study_content, role_play_content], ids=["case_study", "role_play"])
def test_an_estimated_time_left_empty_is_not_said_and_a_bad_one_is_still_refused(module):
    """Author trial s38: emptying "Estimated time (minutes)" answered "Enter a whole number.": empty
    is 0, the time not said; what is not a whole number is still a problem at its field."""
    for empty in ("  ", None):  # the form's empty field; null from "Edit as JSON"
        found, problems = settings.read_editor({"estimated_minutes": empty}, module.SETTINGS, str)
        assert found["estimated_minutes"] == 0 and problems == [], empty
    tag = "emm_case_study" if module is case_study_content else "emm_role_play"
    assert settings.read_olx(etree.fromstring(f'<{tag} estimated_minutes=""/>'), module.SETTINGS) == {}  # XML tab
    _found, problems = settings.read_editor({"estimated_minutes": "vingt"}, module.SETTINGS, str)
    assert [p.field for p in problems] == ["estimated_minutes"]
    _found, problems = settings.read_editor({"attempts_allowed": ""}, module.SETTINGS, str)
    assert [p.field for p in problems] == ["attempts_allowed"]  # only where empty has a meaning
