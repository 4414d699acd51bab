"""A text holding a lone surrogate (``"\\ud800"``: half of an emoji, left by a script or a paste
that cut it in two) is refused as before (400 ``invalid_json``: no database, sanitiser or XML
export could store it), but in words that send the person to their text, not "malformed JSON";
a body that really is not JSON keeps its own words. Learner and editor handlers alike."""

import pytest

MALFORMED = "The request could not be read (malformed JSON)."
SURVEY = """<emm_likert display_name="Eval" comment="true">
  <item id="relevance">The training is relevant to my work.</item>
</emm_likert>"""


@pytest.mark.parametrize(("handler", "student", "raw"), [
    ("submit", "student_1", '{"answers": {"relevance": 4}, "comment": "abc\\ud800"}'),
    ("submit", "student_1", '{"answers": {"relevance": 4}, "comment": "\\udc00 trailing half"}'),
    ("studio_submit", "staff_1", '{"display_name": "Eval \\ud83d", "statements": []}'),
    ("studio_validate", "staff_1", '{"\\ud800": 1}'),
])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_lone_surrogate_says_a_text_holds_an_invalid_character(scenario, handlers, handler, student, raw, lang):
    uid = scenario(SURVEY)
    response = handlers.post(uid, handler, raw=raw, student=student, lang=lang)
    assert response.status_code == 400 and response.json_body["error"] == "invalid_json"
    message = response.json_body["message"]
    if lang == "en":
        assert message.startswith("A text you sent contains an invalid character"), message
    else:
        assert "caractère" in message and "A text you sent" not in message, message
    malformed = handlers.post(uid, handler, raw='{"comment": "abc"', student=student, lang=lang).json_body
    assert malformed["error"] == "invalid_json" and malformed["message"] != message
    assert handlers.block(uid).load_content().display_name == "Eval"  # nothing saved


def test_malformed_json_keeps_its_words(scenario, handlers):
    uid = scenario(SURVEY)
    response = handlers.post(uid, "submit", raw='{"answers": ')
    assert response.status_code == 400 and response.json_body["message"] == MALFORMED
