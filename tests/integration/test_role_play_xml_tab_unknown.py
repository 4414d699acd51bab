"""The role-play's "Edit as XML" tab says what the block does not know (a misspelt attribute or
element), with the closest known name and its line, and its save keeps it as an import does:
exported again, shown again in the tab (decision 107, bug hunt hunt7)."""

import pytest
from django.utils import translation

from emm_xblocks.role_play import editor
from emm_xblocks.role_play.block import RolePlayBlock
from tests.openedx.runtime import Platform


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_role_play": RolePlayBlock})


PLAIN = """<emm_role_play display_name="Desk">
  <role id="r1" start="a">Officer</role>
  <node id="a"><narrative>A family arrives.</narrative>
    <choice goto="end" points="2">Listen first</choice>
  </node>
  <node id="end" ending="true"><narrative>The end</narrative></node>
</emm_role_play>"""

TYPED = """<emm_role_play display_name="Desk">
  <role id="r1" start="a">Officer</role>
  <node id="a"><narrative>A family arrives.</narrative>
    <choice goto="end" point="2">Listen first</choice>
    <choise goto="end">Call the supervisor</choise>
  </node>
  <node id="end" ending="true"><narrative>The end</narrative><debreif>What went well</debreif></node>
</emm_role_play>"""


def test_the_xml_tab_says_each_unknown_name_with_the_closest_and_its_line_in_the_author_s_language(platform):
    key = platform.add(PLAIN, platform.subsection())
    studio = platform.studio_editor(platform.user("author", role="staff"))
    problems = studio.handle(key, "studio_validate", {"xml": TYPED}).json["problems"]
    said = {p["message"]: p for p in problems if p.get("code", "").startswith("unknown_")}
    assert [(p["line"], p["error"]) for p in said.values()] == [(4, False), (5, False), (7, False)]
    messages = list(said)
    assert messages[0].startswith("Line 4, <choice> point=“2”: this activity has no such attribute. Did you mean "
                                  "points?")
    assert messages[1].startswith("Line 5, <choise>: this activity has no such element. Did you mean <choice>?")
    assert "Did you mean <debrief>?" in messages[2]
    assert all("a save keeps it as written" in m for m in messages)
    # switching to the form says it too (the form has no place for them)
    convert = studio.handle(key, "studio_convert", {"xml": TYPED}).json
    assert convert["scenario"] is not None and len([p for p in convert["problems"] if "point=" in p["message"]]) == 1
    with translation.override("fr"):
        fr = studio.handle(key, "studio_validate", {"xml": TYPED}).json["problems"]
    assert any(p["message"].startswith("Ligne 4") and "Vouliez-vous dire points" in p["message"]
               and "un enregistrement le conserve tel quel" in p["message"] for p in fr), fr


def test_a_save_from_the_xml_tab_keeps_what_it_does_not_know_exports_it_and_shows_it_again(platform):
    key = platform.add(PLAIN, platform.subsection())
    studio = platform.studio_editor(platform.user("author", role="staff"))
    saved = studio.handle(key, "studio_submit", {"xml": TYPED}).json
    assert saved["saved"] is True and any("point=" in w["message"] for w in saved["warnings"])
    exported = platform.export(key)
    assert 'point="2"' in exported and "<choise goto=\"end\">Call the supervisor</choise>" in exported
    assert "<debreif>What went well</debreif>" in exported
    # the tab, opened again or reached from the form, shows what an export holds: nothing hidden from a save
    block = studio.block(key)
    xml = editor.to_editor(block.load_content(), block.unknown_olx)["xml"]
    assert 'point="2"' in xml and "<choise" in xml and "<debreif>" in xml
    form = {k: v for k, v in editor.to_editor(block.load_content()).items() if k != "xml"}
    assert 'point="2"' in studio.handle(key, "studio_convert", form).json["scenario"]["xml"]
    # a save from the form keeps them; a save of the XML without them (the author corrected it) drops them
    assert studio.handle(key, "studio_submit", form).json["saved"] is True
    assert 'point="2"' in platform.export(key)
    fixed = TYPED.replace('point="2"', 'points="2"').replace("choise", "choice").replace("debreif", "debrief")
    assert studio.handle(key, "studio_submit", {"xml": fixed}).json["saved"] is True
    exported = platform.export(key)
    assert 'point="2"' not in exported and "choise" not in exported and "debreif" not in exported
    assert 'points="2"' in exported and "What went well]]></debrief>" in exported
