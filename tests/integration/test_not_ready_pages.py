"""Content an author must still fix (imported OLX with an error) shows each block's not-ready
sentence in place of its form, and a submit sent anyway (an old page, a crafted request) is refused
with the same sentence and code: the learner is never asked to answer what cannot be kept."""

import pytest

from emm_xblocks.case_study import learner as case_learner
from emm_xblocks.knowledge_check import learner as check_learner
from emm_xblocks.likert import learner as likert_learner
from emm_xblocks.role_play import learner as role_play_learner

# each block with questions (or statements, nodes) but an error only an author can fix
BROKEN = {
    "case": ('<emm_case_study display_name="Case"><narrative><![CDATA[<p>A boat.</p>]]></narrative>'
             '<question id="q1" type="single"><prompt>Who?</prompt><option id="a">A</option>'
             '<option id="a">B</option></question></emm_case_study>',
             case_learner.NOT_READY, {"answers": {"q1": "a"}}, "submit"),
    "check": ('<emm_knowledge_check display_name="Pre"><question id="q1" type="single"><prompt>Who?</prompt>'
              '<option id="a">A</option><option id="a">B</option></question></emm_knowledge_check>',
              check_learner.NOT_READY, {"answers": {"q1": "a"}}, "submit"),
    "likert": ('<emm_likert display_name="Eval"><item id="a">One</item><item id="a">Two</item></emm_likert>',
               likert_learner.NOT_READY, {"answers": {"a": 4}}, "submit"),
    "role_play": ('<emm_role_play display_name="RP"><role id="r" start="missing">R</role>'
                  '<node id="n1"><narrative>N</narrative><choice goto="end">Go</choice></node>'
                  '<node id="end" ending="true"><narrative>E</narrative></node></emm_role_play>',
                  role_play_learner.NOT_READY, {"role": "r"}, "begin"),
}


@pytest.mark.parametrize("block", list(BROKEN))
def test_the_page_says_the_block_is_not_ready_and_a_submit_is_refused_alike(scenario, handlers, block):
    olx, sentence, request, action = BROKEN[block]
    uid = scenario(olx)
    html = handlers.view(uid).body_html()
    assert sentence in html
    assert "data-submit" not in html and "<form" not in html.split(sentence)[0].rsplit("</h3>", 1)[-1]
    refused = handlers.post(uid, action, request)
    assert (refused.status_code, refused.json_body["error"], refused.json_body["message"]) == (
        409, "not_ready", sentence)
