"""OLX in the forms Studio really sends (issue 9 §4): pointer tags, clipboard paste on the unmixed
class, text that XML cannot hold."""

from pathlib import Path

import pytest
from lxml import etree

from emm_xblocks.likert.block import LikertBlock
from tests.editor_settings import BLOCKS, demo_xml

POINTED = ('<emm_likert display_name="From a file" visible_to_staff_only="true" scale="agree4">'
           '<item id="a">Statement A</item></emm_likert>')


class CourseFiles:
    """The import runtime's ``resources_fs``: pyfilesystem's ``OSFS`` over the course folder
    (``xmodule/modulestore/xml.py``, ``ImportSystem``); only ``open(path, mode)`` is used."""

    def __init__(self, root):
        self.root = Path(root)

    def open(self, path, mode="rb"):
        return (self.root / path).open(mode)


@pytest.fixture
def likert(scenario, handlers):
    uid = scenario('<emm_likert display_name="Host"><item id="x">X</item></emm_likert>')
    return handlers.block(uid)


def test_a_pointer_tag_imports_the_file_it_points_to(likert, tmp_path):
    (tmp_path / "emm_likert").mkdir()
    (tmp_path / "emm_likert" / "eval_day1.xml").write_text(POINTED, encoding="utf-8")
    likert.runtime.resources_fs = CourseFiles(tmp_path)
    block = LikertBlock.parse_xml(etree.fromstring('<emm_likert url_name="eval_day1"/>'), likert.runtime,
                                  likert.scope_ids)
    assert block.display_name == "From a file" and block.scale == "agree4"
    assert block.content["statements"] == [{"id": "a", "text": "Statement A", "reverse": False, "required": True}]
    assert block.visible_to_staff_only is True


def test_a_pointer_to_a_missing_file_imports_as_before(likert, tmp_path):
    likert.runtime.resources_fs = CourseFiles(tmp_path)
    block = LikertBlock.parse_xml(etree.fromstring('<emm_likert url_name="gone"/>'), likert.runtime,
                                  likert.scope_ids)
    assert block.load_content().statements == ()


def test_clipboard_paste_on_the_unmixed_class_keeps_platform_settings(likert):
    """cms/djangoapps/contentstore/helpers.py calls ``parse_xml`` on the class without mixins;
    the runtime's ``construct_xblock_from_class`` mixes the platform's fields in
    (``visible_to_staff_only``, ``InheritanceMixin``), which must be read from the OLX."""
    assert "visible_to_staff_only" not in LikertBlock.fields
    block = LikertBlock.parse_xml(etree.fromstring(POINTED), likert.runtime, likert.scope_ids)
    assert block.visible_to_staff_only is True


def test_text_xml_cannot_hold_never_stops_an_export(likert):
    """Stored content can hold characters XML 1.0 refuses (imported, or older data): export drops them."""
    likert.display_name = "Day\x0b one"
    likert.content = {"statements": [{"id": "a", "text": "Line\x0b one", "reverse": False, "required": True}],
                      "custom_labels": ["No\x01", "Yes"], "comment_prompt": "Why\x0c?", "intro": "<p>Intro\x0b</p>"}
    likert.scale = "custom"
    node = etree.Element("emm_likert")
    likert.add_xml_to_node(node)
    text = etree.tostring(node, encoding="unicode")
    assert "Day one" in text and "Line one" in text and "Why?" in text and "\x0b" not in text


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_the_editor_brings_its_own_buttons_to_studios_modal(block_type, scenario, handlers):
    """cms/static/js/views/xblock_editor.js (``hasCustomButtons``) adds a Save/Cancel pair unless
    the editor's root has class ``editor-with-buttons``: exactly one pair must show."""
    frag = handlers.view(scenario(demo_xml(block_type)), view="studio_view", student="staff_1")
    html = etree.fromstring(f"<root>{frag.content}</root>", etree.HTMLParser())
    roots = html.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' editor-with-buttons ')]")
    assert len(roots) == 1
    assert len(roots[0].xpath(".//button[@data-save]")) == 1 and len(roots[0].xpath(".//button[@data-cancel]")) == 1
    assert len(html.xpath("//button[@data-save]")) == 1 and len(html.xpath("//*[@data-status]")) == 1


def test_an_atlas_catalogue_from_the_platform_replaces_the_bundled_one(likert, monkeypatch):
    """xmodule/modulestore/django.py: ``get_javascript_i18n_catalog_url`` returns a URL only for a
    catalogue an operator compiled with atlas; then the block must use it, not its own."""
    from django.utils import translation

    service = likert.runtime.service(likert, "i18n")
    with translation.override("fr"):
        bundled = [r.data for r in likert.render("student_view", {}).resources if r.kind == "url"]
        assert any("/i18n/fr-likert.js" in url for url in bundled)
        monkeypatch.setattr(type(service), "get_javascript_i18n_catalog_url",
                            lambda self, block: "/static/atlas/emm_xblocks/fr.js")
        atlas = [r.data for r in likert.render("student_view", {}).resources if r.kind == "url"]
    assert "/static/atlas/emm_xblocks/fr.js" in atlas and not any("/i18n/fr-likert.js" in url for url in atlas)
