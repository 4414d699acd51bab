"""Shared behaviour every block relies on: what a crafted request, a pasted control character,
an LMS mixin field, a rescore or a curious learner gets."""

import json

import pytest
from lxml import etree
from xblock.scorable import Score

from emm_xblocks.common.sanitize import clean_html
from emm_xblocks.likert.block import LikertBlock

LIKERT = ('<emm_likert display_name="Eval" graded="true"><item id="a">A</item>'
          '<item id="b" required="false">B</item></emm_likert>')


@pytest.fixture
def likert(scenario):
    return scenario(LIKERT)


def test_pasted_control_characters_are_dropped_and_export_still_works(likert, handlers):
    data = {"display_name": "Eval\x0b 2", "scale": "agree5", "results": "staff",
            "statements": [{"id": "a", "text": "Line one\x0bline two\x01"}]}
    r = handlers.post(likert, "studio_submit", data, student="staff_1")
    assert r.status_code == 200, r.content
    block = handlers.block(likert)
    assert block.content["statements"][0]["text"] == "Line oneline two"
    node = etree.Element("x")
    block.add_xml_to_node(node)
    assert b"Line oneline two" in etree.tostring(node)


@pytest.mark.parametrize("body", [
    '{"answers": {"a": 1}, "comment": "\\ud800"}',
    '{"display_name": "\\udfff", "statements": []}',
])
def test_lone_surrogates_are_a_clear_400(likert, handlers, body):
    for handler, student in (("submit", "student_1"), ("studio_submit", "staff_1")):
        r = handlers.post(likert, handler, raw=body, student=student)
        assert r.status_code == 400 and r.json_body["error"] == "invalid_json"
    assert handlers.block(likert).display_name == "Eval"


def test_lms_mixin_fields_survive_export_and_import(handlers, likert):
    """The platform mixes its own fields into every block (``InheritanceMixin`` in
    ``XBLOCK_MIXINS``, ``xmodule/modulestore/inheritance.py``): one set in the OLX is kept on import
    and written on export; one never set is not written."""
    block = handlers.block(likert)
    assert {"visible_to_staff_only", "group_access"} <= set(type(block).platform_fields())
    xml = ('<emm_likert display_name="Staff only" visible_to_staff_only="true">'
           '<item id="a">A</item></emm_likert>')
    block = LikertBlock.parse_xml(etree.fromstring(xml), block.runtime, block.scope_ids)
    assert block.visible_to_staff_only is True and block.display_name == "Staff only"
    node = etree.Element("emm_likert")
    block.add_xml_to_node(node)
    assert node.get("visible_to_staff_only") == "true"
    assert node.get("group_access") is None  # never set: not written
    assert LikertBlock.platform_fields() == []  # the unmixed class: nothing mixed in


def test_rescore_keeps_the_new_score_unless_only_if_higher(likert, handlers, events):
    handlers.post(likert, "submit", {"answers": {"a": 3}})
    block = handlers.block(likert)
    block.set_score(Score(0.25, 1.0))  # e.g. an earlier staff override
    block.rescore(only_if_higher=True)
    assert block.raw_earned == 1.0  # higher: kept
    block.set_score(Score(0.25, 1.0))
    block.rescore(only_if_higher=False)
    assert block.get_score() == Score(1.0, 1.0) and events.grades[-1]["raw_earned"] == 1.0


def test_learners_never_get_the_author_or_studio_view(handlers, scenario):
    uid = scenario('<emm_case_study display_name="x"><narrative><![CDATA[<p>Case</p>]]></narrative>'
                   '<question id="q1" kind="single"><prompt>Q?</prompt>'
                   '<option id="a" correct="true">A<feedback>SECRET-FEEDBACK</feedback></option>'
                   '<option id="b">B</option></question>'
                   '<expert_analysis><![CDATA[<p>SECRET-ANALYSIS</p>]]></expert_analysis></emm_case_study>')
    for view in ("author_view", "studio_view"):
        learner = handlers.view(uid, view=view, student="student_1")
        assert "SECRET" not in learner.content + json.dumps(learner.json_init_args or {})
        assert "emm-" not in learner.content  # an empty fragment in the runtime's wrapper
        assert not [r for r in learner.resources if "emm_case_study" in str(r.data)]
        staff = handlers.view(uid, view=view, student="staff_1")
        assert "SECRET" in staff.content + json.dumps(staff.json_init_args or {})


def test_absurdly_nested_markup_is_reduced_to_text_quickly():
    html = "<ul>" * 60000 + "<li>deep</li>" + "</ul>" * 60000
    cleaned = clean_html(html)
    assert "deep" in cleaned and "<ul>" not in cleaned
    assert clean_html("<p>Normal <em>text</em></p>") == "<p>Normal <em>text</em></p>"
