"""The editors' messages write their numbers as the author's language does (decision 28): a
French author reads "dépasse 1 000 caractères" next to the counter's "limite 1 000", never "1000"."""

from emm_xblocks.case_study import content

NNBSP = "\u202f"  # CLDR's French group separator
SURVEY = '<emm_likert display_name="Éval"><item id="relevance">La formation est utile.</item></emm_likert>'
CASE = ('<emm_case_study display_name="Cas"><narrative><p>N</p></narrative><question id="q1" kind="single">'
        '<prompt>Q ?</prompt><option id="a" correct="true">A</option><option id="b">B</option></question>'
        '</emm_case_study>')


def test_a_likert_statement_over_its_limit_is_said_in_french_numbers(scenario, handlers):
    uid = scenario(SURVEY)
    data = {"display_name": "Éval", "scale": "agree5", "results": "staff", "min_group_size": 2000,
            "weight": 1, "statements": [{"id": "s1", "text": "x" * 1523}]}
    problems = handlers.post(uid, "studio_validate", data, student="staff_1", lang="fr").json_body["problems"]
    said = {p["field"]: p["message"] for p in problems}
    assert said["statements.0.text"] == f"L’affirmation 1 dépasse 1{NNBSP}000 caractères."
    assert said["min_group_size"].endswith(f"entre 1 et 1{NNBSP}000.")
    english = handlers.post(uid, "studio_validate", data, student="staff_1").json_body["problems"]
    assert {p["field"]: p["message"] for p in english}["statements.0.text"] == (
        "Statement 1 is longer than 1,000 characters.")


def test_a_case_study_text_over_its_limit_is_refused_in_french_numbers(scenario, handlers):
    uid = scenario(CASE)
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    data["questions"][0]["options"][0]["text"] = "é" * 1_001
    r = handlers.post(uid, "studio_submit", data, student="staff_1", lang="fr")
    assert r.status_code == 400 and r.json_body["error"] == "text_too_long"
    (problem,) = r.json_body["problems"]
    assert problem["message"] == (f"Ce texte dépasse 1{NNBSP}000 caractères\u00a0: "
                                  "raccourcissez-le (rien n’a été coupé).")


def test_a_decimal_comma_typed_in_the_editor_is_read_and_an_unreadable_one_said_in_french(scenario, handlers):
    """Bug hunt s44: the editor sends a number as the author typed it ("1,5": its fields are text,
    Chromium's number field dropped the comma and saved 15); the server reads the comma, and says
    at its field, in the author's language, what it cannot read."""
    uid = scenario(CASE)
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    data["questions"][0]["points"] = "1,5"
    data["weight"] = "2,5"
    r = handlers.post(uid, "studio_submit", data, student="staff_1", lang="fr")
    assert r.status_code == 200, r.json_body
    case = handlers.block(uid, "staff_1").load_content()
    assert (case.questions[0].points, case.weight) == (1.5, 2.5)
    data["questions"][0]["points"] = "1,000"  # 1 in French, 1000 in English: not guessed
    r = handlers.post(uid, "studio_submit", data, student="staff_1", lang="fr")
    assert r.status_code == 400
    assert {p["field"]: p["message"] for p in r.json_body["problems"]}["questions.0.points"] == (
        "Question\u00a01\u00a0: les points doivent être un nombre.")  # its question named (bug hunt "new")
