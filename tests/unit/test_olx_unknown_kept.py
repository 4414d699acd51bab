"""An attribute or element a block's OLX does not know (a misspelling) is found, with the closest
known name, kept as written and written back where its element still is (``common.olx_shapes``);
what our own export writes is never one (decision 107). Where an editor's text is in the author's
words (``common.places``), and Studio's checks of stored content worked out once per content
(``common.studio_checks``)."""

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.case_study import olx as case_olx
from emm_xblocks.common import olx, olx_shapes, studio_checks
from emm_xblocks.common.places import place
from emm_xblocks.knowledge_check import olx as check_olx
from emm_xblocks.likert import olx as likert_olx
from emm_xblocks.role_play import olx as role_play_olx
from tests.unit.test_case_study_model import cases
from tests.unit.test_likert_model import surveys
from tests.unit.test_role_play_model import scenarios

CHECK = """<emm_knowledge_check display_name="Test" pair="p" phse="post">
  <question id="q1" type="single"><prompt>Laquelle ?</prompt>
    <option id="a" corect="true">Orienter<feedback>Oui</feedback></option><option id="b">Refouler</option>
    <!-- a comment is no element --><explantion><![CDATA[<p>La Convention de 1951.</p>]]></explantion></question>
  <question id="q2" type="single"><prompt>Et ?</prompt><option id="a" correct="true">A</option>
    <option id="b">B</option><zzz/></question>
</emm_knowledge_check>"""
KNOWN = {"display_name", "pair", "phase", "grading"}


def found_in(xml, module=check_olx, known=KNOWN):
    root = etree.fromstring(xml)
    with olx.unreadable_values() as found:
        kept = olx_shapes.unknown(root, module.SHAPE, known)
    return root, found, kept


def test_each_unknown_attribute_and_element_is_found_where_it_is_with_the_closest_known_name():
    _root, found, _kept = found_in(CHECK)
    said = {(f.element, f.attribute, f.closest) for f in found}
    assert said == {("<emm_knowledge_check>", "phse", "phase"),
                    ('<question id="q1"> <option id="a">', "corect", "correct"),
                    ('<question id="q1"> <explantion>', "", "explanation"),
                    ('<question id="q2"> <zzz>', "", "")}
    assert all(f.outcome == olx.KEPT for f in found)


def test_what_is_kept_is_written_back_where_its_element_still_is_and_nowhere_else():
    _root, _found, kept = found_in(CHECK)
    check = check_olx.from_xml(etree.fromstring(CHECK))
    out = check_olx.to_xml(check)
    olx_shapes.write_kept(out, kept)
    assert out.get("phse") == "post"
    assert out.find("question/option[@id='a']").get("corect") == "true"
    assert "La Convention de 1951." in etree.tostring(out.find("question/explantion"), encoding="unicode")
    assert out.find("question[@id='q2']/zzz") is not None
    # the author removed question 2 since: what was kept in it is not written at the block's root
    gone = check_olx.to_xml(check.__class__(**{**check.__dict__, "questions": check.questions[:1]}))
    olx_shapes.write_kept(gone, kept)
    assert gone.find(".//zzz") is None and gone.find("question/explantion") is not None
    # an attribute the export writes itself is never overwritten by a kept one
    olx_shapes.write_kept(out, [{"path": [], "attribute": "pair", "value": "other"}])
    assert out.get("pair") == "p"
    # entries that are not (a stored field edited by hand) are skipped
    olx_shapes.write_kept(out, [1, {"path": "x"}, {"path": [], "xml": "<oops"}, {"path": [{"tag": "question", "n": 9}],
                                                                                  "attribute": "a", "value": "b"}])


def test_the_closest_name_is_offered_only_when_it_is_close():
    assert olx_shapes.closest("anonymus", {"anonymous", "scale", "allow_na"}) == "anonymous"
    assert olx_shapes.closest("colour", {"anonymous", "scale"}) == ""


def _none_unknown(module, element, known=()):
    with olx.unreadable_values() as found:
        kept = olx_shapes.unknown(element, module.SHAPE, known)
    return not found and not kept


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases)
def test_a_case_study_s_own_export_holds_nothing_it_does_not_know(case):
    from emm_xblocks.case_study.content import SETTINGS
    assert _none_unknown(case_olx, case_olx.to_xml(case), {s.name for s in SETTINGS})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_a_role_play_s_own_export_holds_nothing_it_does_not_know(scenario):
    from emm_xblocks.role_play.content import SETTINGS
    assert _none_unknown(role_play_olx, role_play_olx.to_xml(scenario), {s.name for s in SETTINGS})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surveys)
def test_a_likert_s_own_export_holds_nothing_it_does_not_know(survey):
    from emm_xblocks.likert.content import SETTINGS
    assert _none_unknown(likert_olx, likert_olx.to_xml(survey), {s.name for s in SETTINGS})


@pytest.mark.parametrize(("path", "words"), [
    ("questions.0.options.2.feedback", "Question 1 › Option 3 › Feedback"),
    ("questions.3.options.0.text", "Question 4 › Option 1"),
    ("narrative", "Narrative"),
    ("nodes.1.choices.0.consequence", "Node 2 › Choice 1 › Consequence"),
    ("key_facts", "Key facts"),
    ("something.0.new", "something 1 › new"),
])
def test_a_field_s_place_is_said_in_the_author_s_words(path, words):
    assert place(path, str) == words


def test_studio_s_checks_of_stored_content_are_worked_out_once_per_content():
    case = case_olx.from_xml(etree.fromstring(
        '<emm_case_study><narrative><![CDATA[<iframe src="https://e.org/v"></iframe>]]></narrative>'
        f'<section title="{"t" * 201}">x</section></emm_case_study>'))
    studio_checks.found.cache_clear()
    first = studio_checks.warnings(case_editor, case, str)
    assert studio_checks.warnings(case_editor, case, str) == first
    assert studio_checks.found.cache_info().misses == 1
    assert first == ["This text is longer than the editor allows (200 characters at most): shorten it, or the editor "
                     "will refuse to save. Nothing was cut. Where: Section 1 › Title.",
                     "Removed when learners see it: embedded frames, videos or objects. Only text formatting, links, "
                     "images and tables are kept. Where: Narrative."]
