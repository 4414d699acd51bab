"""The three blocks' demo OLX with every setting away from its default, shared by the editor
tests (tests/integration/test_editor_settings.py, tests/browser/test_editors_settings_browser.py):
a setting the editor failed to load or read back would then show as a changed value."""

from importlib import resources

from lxml import etree

from emm_xblocks.case_study import content as case_study
from emm_xblocks.common.settings import CHECKBOX, NUMBER, SELECT, TEXT, WHOLE
from emm_xblocks.likert import content as likert
from emm_xblocks.role_play import content as role_play

BLOCKS = {"emm_likert": likert.SETTINGS, "emm_case_study": case_study.SETTINGS, "emm_role_play": role_play.SETTINGS}
ROOTS = {"emm_likert": ".emm-likert-editor", "emm_case_study": ".emm-case-editor", "emm_role_play": ".emm-rp-studio"}


def away_from_default(setting):
    """A value of ``setting`` other than its default, as OLX writes it."""
    if setting.kind == CHECKBOX:
        return "false" if setting.default else "true"
    if setting.kind == WHOLE:
        return str(setting.default + 1 if setting.default + 1 <= setting.high else setting.default - 1)
    if setting.kind == NUMBER:
        return "2.5"
    if setting.kind == SELECT:
        return next(value for value in setting.choices if value != setting.default)
    assert setting.kind == TEXT
    return f"Changed {setting.name}"


def demo_xml(block_type):
    """The block's first demo scenario, every setting set to a value that is not its default."""
    path = resources.files("emm_xblocks").joinpath("workbench", "scenarios", f"{block_type}-1-en.xml")
    root = etree.fromstring(path.read_bytes())
    for setting in BLOCKS[block_type]:
        for alias in setting.olx_aliases:
            root.attrib.pop(alias, None)
        root.set(setting.name, away_from_default(setting))
    return etree.tostring(root, encoding="unicode")
