"""Review of decision 114: the role-play's "Edit as XML" tab keeps, as unknown, the platform's own
attributes (``visible_to_staff_only``, ``due``...) that an exported role-play's OLX holds, tells the
author "this activity has no such attribute", and the next export writes them back although Studio
shows the block visible: a course re-imported from that export hides the role-play from learners."""

import pytest
from django.utils import translation

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

# the OLX of another course's export, pasted into the tab: it carries a platform field of that block
PASTED = PLAIN.replace('display_name="Desk"', 'display_name="Desk" visible_to_staff_only="true"')


def test_a_platform_attribute_pasted_in_the_xml_tab_is_not_said_unknown_nor_exported_behind_studio_s_back(platform):
    key = platform.add(PLAIN, platform.subsection())
    studio = platform.studio_editor(platform.user("author", role="staff"))
    saved = studio.handle(key, "studio_submit", {"xml": PASTED}).json
    assert saved["saved"] is True
    block = studio.block(key)
    assert block.visible_to_staff_only is False  # Studio shows the role-play to learners
    # and the export (what a course re-import reads) hides it from learners
    assert 'visible_to_staff_only="true"' not in platform.export(key)
    # the tab also told the author the platform's own field is not one this activity has
    assert not any("visible_to_staff_only" in w["message"] for w in saved["warnings"]), saved["warnings"]
