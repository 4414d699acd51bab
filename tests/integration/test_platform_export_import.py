"""A course export and re-import keeps every field of every demo (issue 9 §4), and text that XML
1.0 cannot hold never stops an export, in every block. Export and import go through the runtime's
course import (``parse_xml`` on the mixed class) and export (``add_xml_to_node``), as
``xmodule/modulestore/xml_importer.py`` and ``xml_exporter.py`` call them."""

from pathlib import Path

import pytest
from lxml import etree
from xblock.fields import Scope

from tests.openedx.fixtures import platform  # noqa: F401 (fixture)

FOLDER = Path(__file__).resolve().parents[2] / "emm_xblocks" / "workbench" / "scenarios"
# the demos, and the blocks only the demo courses use (course/*.xml; course-*.xml are the courses' outlines)
SCENARIOS = [*sorted(FOLDER.glob("*.xml")),
             *sorted(p for p in FOLDER.glob("course/*.xml") if not p.name.startswith("course-"))]


def authored(platform, key):  # noqa: F811
    """Every content and settings field as the modulestore holds it."""
    block = platform.unbound(key)
    return {name: field.read_json(block) for name, field in block.fields.items()
            if field.scope in (Scope.content, Scope.settings) and field.is_set_on(block)}


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_an_export_and_reimport_keeps_every_field(platform, path):  # noqa: F811
    key = platform.add(path.read_text(encoding="utf-8"), platform.subsection())
    before = authored(platform, key)
    exported = platform.export(key)
    again = platform.add(exported, platform.subsection())
    assert authored(platform, again) == before
    assert platform.export(again) == exported  # and the export itself is stable


@pytest.mark.parametrize("path", SCENARIOS[:1] + [p for p in SCENARIOS if "likert" in p.name][:1]
                         + [p for p in SCENARIOS if "role_play" in p.name][:1], ids=lambda p: p.stem)
def test_xml_illegal_characters_in_stored_content_never_stop_an_export(platform, path):  # noqa: F811
    """Older data, or text pasted around the editor, may hold characters XML 1.0 refuses."""
    key = platform.add(path.read_text(encoding="utf-8"), platform.subsection())
    block = platform.unbound(key)
    tainted = 0

    def taint(value):
        nonlocal tainted
        if isinstance(value, str) and value and not value.startswith(("http", "/")):
            tainted += 1
            return value + "\x0b\x01"
        if isinstance(value, list):
            return [taint(v) for v in value]
        if isinstance(value, dict):
            return {k: taint(v) for k, v in value.items()}
        return value

    for name, field in block.fields.items():
        if field.scope in (Scope.content, Scope.settings) and field.is_set_on(block) and name != "display_name":
            setattr(block, name, taint(getattr(block, name)))
    block.display_name = "Name\x0b"
    block.save()
    assert tainted > 5
    exported = platform.export(key)
    assert "\x0b" not in exported and "\x01" not in exported
    etree.fromstring(exported.encode())  # well-formed
