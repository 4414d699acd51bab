"""A role-play ``choose`` whose token is not the shape of a choice token (any non-ASCII character,
a wrong length, capitals) gets the answer an unknown ASCII token gets: 400 ``unknown_choice`` with
its translated message, the learner's path unchanged, never a server error."""

import pytest

SCENE = """
<emm_role_play display_name="Tokens">
  <role id="r1" start="a">Officer</role>
  <node id="a"><narrative><![CDATA[<p>START</p>]]></narrative>
    <choice goto="z">Go on</choice>
  </node>
  <node id="z" ending="true"><narrative><![CDATA[<p>END</p>]]></narrative></node>
</emm_role_play>
"""


@pytest.mark.parametrize("token", ["é", "🙂", "ÿ" * 16, "é" * 16, "deadbeefdeadbeé", "DEADBEEFDEADBEEF",
                                   "deadbeefdeadbeef\n", "deadbeefdeadbee"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_token_not_of_the_token_shape_is_an_unknown_choice(scenario, handlers, token, lang):
    uid = scenario(SCENE)
    assert handlers.post(uid, "begin", {"role": "r1"}).status_code == 200
    unknown = handlers.post(uid, "choose", {"choice": "deadbeefdeadbeef"}, lang=lang)  # ASCII, wrong
    assert unknown.status_code == 400 and unknown.json_body["error"] == "unknown_choice"

    response = handlers.post(uid, "choose", {"choice": token}, lang=lang)

    assert response.exception is None, repr(response.exception)
    assert response.status_code == 400
    assert response.json_body == unknown.json_body  # the same code, the same words
    if lang == "fr":
        assert response.json_body["message"] != "This choice is not offered at this step."
    assert handlers.block(uid).path == ["a"]
