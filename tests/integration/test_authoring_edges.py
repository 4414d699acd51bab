"""Authoring and OLX edge cases, through the platform-faithful runtime (tests/openedx): bugs a
hunt found (s43), each test failing without its fix."""

import pytest
from django.utils import translation

from emm_xblocks.xblocks import KnowledgeCheckBlock
from tests.openedx.runtime import Platform

CHECK = """
<emm_knowledge_check display_name="Pre" phase="pre" pair="day1" min_group_size="{size}">
  <question id="q1" type="single">
    <prompt><![CDATA[<p>Who?</p>]]></prompt>
    <option id="a" correct="true">A</option>
    <option id="b">B</option>
  </question>
</emm_knowledge_check>
"""


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_knowledge_check": KnowledgeCheckBlock})


@pytest.mark.parametrize("size", ["0", "-3"])
def test_a_knowledge_check_imported_with_a_minimum_group_size_below_one_still_shows_staff_its_page(platform, size):
    """OLX with ``min_group_size="0"`` imports (Studio says it is out of range); the course page of
    staff must not answer 500 (``statistics.pair_figures`` divides by the 0 linked learners)."""
    key = platform.add(CHECK.format(size=size), platform.subsection())
    staff = platform.user("staff", role="staff")
    html = platform.lms(staff).html(key)  # ZeroDivisionError: float division by zero
    assert "Pre" in html


PARTIAL_CASE = """
<emm_case_study display_name="Case" show_answers="submitted">
  <narrative><![CDATA[<p>Public narrative.</p>]]></narrative>
  <question id="q1" type="multiple" points="2" partial_credit="true">
    <prompt><![CDATA[<p>Pick.</p>]]></prompt>
    <option id="a" correct="true">Alpha</option>
    <option id="b" correct="true">Beta</option>
    <option id="c">Gamma</option>
    <explanation><![CDATA[<p>E</p>]]></explanation>
  </question>
  <expert_analysis><![CDATA[<p>X</p>]]></expert_analysis>
</emm_case_study>
"""


def test_a_case_study_partial_credit_switched_off_is_held_once_learners_answered(platform):
    """The case study holds a changed answer key or points for "Save anyway" (409 ``answers_touched``),
    saying learners keep their grade until staff rescore; partial credit switched off changes the
    grade a rescore gives just as much (1 of 2 points becomes 0), yet saves at once without a word.
    The knowledge check holds the same edit (its fingerprint has partial credit)."""
    key = platform.add(PARTIAL_CASE, platform.subsection())
    staff, ann = platform.user("staff", role="staff"), platform.user("ann")
    assert platform.lms(ann).handle(key, "submit", {"answers": {"q1": ["a"]}}).status == 200
    assert platform.gradebook(ann, key)["raw_earned"] == 1.0
    block = platform.studio_editor(staff).block(key)
    data = block.editor_module.to_editor(block.load_content())
    data["questions"][0]["partial_credit"] = False
    result = platform.studio_editor(staff).handle(key, "studio_submit", data)
    assert (result.status, result.json.get("error")) == (409, "answers_touched"), result.json
    said = [p["message"] for p in result.json["problems"] if p["field"] == "questions.0.partial_credit"]
    assert said and said[0].startswith("Question 1: partial credit was turned off.")


def test_an_imported_id_that_differs_from_another_only_by_a_line_break_is_an_error_in_studio(platform):
    """``id="pace&#10;"`` ("pace" and a line break) beside ``id="pace"``: Studio said nothing, learners
    answered both as two statements, and the author's first save of the unchanged editor was
    refused ("the id “pace” is used twice"). ``common/ids.py``'s ``ID_RE`` ends in ``$``, which
    also matches before a final line break, so "pace\\n" passes as 1 to 50 letters and digits."""
    key = platform.add('<emm_likert display_name="E"><item id="pace">One</item>'
                       '<item id="pace&#10;">Two</item></emm_likert>', platform.subsection())
    staff = platform.user("staff", role="staff")
    messages = platform.studio_editor(staff).block(key).validate().to_json()["messages"]
    assert any(m["type"] == "error" for m in messages), messages


def test_a_likert_s_custom_labels_kept_by_the_editor_survive_an_export_and_import(platform):
    """The editor sends and the save keeps the custom labels whatever the scale (the form's labels
    box, hidden while a preset scale is chosen); the export writes ``<label>`` only for
    ``scale="custom"`` (``likert/olx.py`` ``to_xml``), so after an export and import the block is
    not the same: choosing "Custom" again shows an empty box where the author's labels were."""
    from tests.integration.platform_blocks import LIKERT
    from tests.integration.test_platform_export_import import authored

    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    staff = platform.user("staff", role="staff")
    block = platform.studio_editor(staff).block(key)
    data = block.editor_module.to_editor(block.load_content())
    data["custom_labels"] = ["Jamais", "Parfois", "Souvent", "Toujours"]
    assert platform.studio_editor(staff).handle(key, "studio_submit", data).status == 200
    again = platform.add(platform.export(key), platform.subsection())
    assert authored(platform, again) == authored(platform, key)


def test_a_phone_link_in_author_html_is_kept_or_its_removal_is_said(platform):
    """A helpline as ``<a href="tel:…">`` (harmless, common in a protection course) loses its address
    at the save (``sanitize.URL_SCHEMES`` is http, https, mailto): the learner gets a link that goes
    nowhere, and the save says nothing (``sanitize.dropped`` names a ``javascript:`` address only;
    ``dropped_names`` sees ``href`` as allowed)."""
    from tests.integration.platform_blocks import LIKERT

    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    staff = platform.user("staff", role="staff")
    block = platform.studio_editor(staff).block(key)
    data = block.editor_module.to_editor(block.load_content())
    data["intro"] = '<p>Child helpline: <a href="tel:+22780001111">80 00 11 11</a></p>'
    result = platform.studio_editor(staff).handle(key, "studio_submit", data)
    assert result.status == 200
    assert 'href="tel:+22780001111"' in platform.export(key)
    learner = platform.lms(platform.user("ana")).html(key)
    assert 'href="tel:+22780001111"' in learner  # the learner taps it to call
