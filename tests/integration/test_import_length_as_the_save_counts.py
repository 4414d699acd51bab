"""Studio's check of an imported text's length (decision 107, amended) counts as the editor's save
counts (``limits.over_saved``): the text as the editor loads and counts it, then as its save
would store it. An import keeps its HTML as written; one with a bare "&" (valid in CDATA, and what
a hand-edited or another tool's OLX holds) was measured as stored, one character, and said
nothing, while the editor's save writes it "&amp;" and refused the author's first save, a new
name only, as "longer than 50,000 characters as it is saved"."""

import pytest
from django.utils import translation

from emm_xblocks.common.editor_json import typed_html
from emm_xblocks.common.questions import HTML_LIMIT
from emm_xblocks.knowledge_check import editor as check_editor
from emm_xblocks.knowledge_check.block import KnowledgeCheckBlock
from tests.openedx.runtime import Platform


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_knowledge_check": KnowledgeCheckBlock})


def intro_of(length, amp):
    """An intro of ``length`` characters as stored, each "R&D " written with ``amp``."""
    unit = f"R{amp}D "
    n = (length - 7) // len(unit)
    return "<p>" + unit * n + "x" * (length - 7 - len(unit) * n) + "</p>"


def imported(platform, intro):
    xml = f"""<emm_knowledge_check display_name="Test initial" pair="j1" phase="pre" grading="participation">
  <intro><![CDATA[{intro}]]></intro>
  <question id="q1" type="single"><prompt>Laquelle ?</prompt>
    <option id="a" correct="true">A</option><option id="b">B</option>
    <explanation>Parce que.</explanation></question>
</emm_knowledge_check>"""
    return platform.add(xml, platform.subsection())


def studio(platform, key):
    """(what Studio's unit page says, the answer to the author's first save: a new name only)."""
    editor = platform.studio_editor(platform.user("author", role="staff"))
    said = [m["text"] for m in editor.block(key).validate().to_json()["messages"]]
    data = {**typed_html(check_editor.to_editor(editor.block(key).load_content())), "display_name": "Jour 1"}
    return said, editor.handle(key, "studio_submit", data)


def too_long(said):
    return [m for m in said if "longer than the editor allows" in m]


def test_a_bare_ampersand_the_save_writes_out_is_counted_as_the_save_counts(platform):
    """Exactly the limit as imported, over it once the save writes each "&" as "&amp;": Studio says
    so before the author meets the refusal."""
    key = imported(platform, intro_of(HTML_LIMIT, "&"))
    said, save = studio(platform, key)
    assert save.status == 400 and save.json["error"] == "text_too_long"
    assert too_long(said) == ["This text is longer than the editor allows (50,000 characters at most): shorten it, "
                              "or the editor will refuse to save. Nothing was cut. Where: Introduction."], said


def test_a_text_at_its_limit_with_entities_is_not_said_and_saves(platform):
    """Exactly the limit with its "&amp;" as the save stores them: no warning, and the save passes
    (the editor's counter shows fewer characters, as the save counts what it stores)."""
    key = imported(platform, intro_of(HTML_LIMIT, "&amp;"))
    said, save = studio(platform, key)
    assert not too_long(said), said
    assert save.status == 200, save.json


def test_a_text_over_its_limit_is_still_said(platform):
    key = imported(platform, intro_of(HTML_LIMIT + 1, "&amp;"))
    said, save = studio(platform, key)
    assert too_long(said), said
    assert save.json["error"] == "text_too_long"

