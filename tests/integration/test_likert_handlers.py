"""The Likert block through the platform-faithful runtime (tests/openedx)."""

import pytest
from django.utils import translation

from emm_xblocks.models import Answer, Claim, Comment

SURVEY = """
<emm_likert display_name="Eval" allow_na="true" comment="true" {extra}>
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
  <item id="extra" required="false">Optional statement.</item>
</emm_likert>
"""


@pytest.fixture
def survey(scenario):
    return lambda extra="": scenario(SURVEY.format(extra=extra))


def test_submit_stores_rows_completes_and_tracks(survey, handlers, events):
    uid = survey()
    r = handlers.post(uid, "submit", {"answers": {"relevance": 5, "pace": 2, "extra": "na"}, "comment": "Merci"})
    assert r.status_code == 200, r.content
    assert r.json_body["submitted"] is True
    rows = sorted(Answer.objects.filter(block_key=uid).values_list("group", "value"))
    assert rows == [("extra", "na"), ("pace", "2"), ("relevance", "5")]
    assert Comment.objects.get(block_key=uid).text == "Merci"
    assert events.completions == [{"user": "student_1", "completion": 1.0}]
    assert events.grades == []  # not graded by default
    [event] = events.named("emm.likert.submitted")
    assert event["data"]["answers"] == {"relevance": 5, "pace": 2, "extra": "na"}


def test_changing_answers_replaces_the_learners_rows(survey, handlers):
    uid = survey()
    handlers.post(uid, "submit", {"answers": {"relevance": 5, "pace": 2}})
    r = handlers.post(uid, "submit", {"answers": {"relevance": 1, "pace": 1}})
    assert r.status_code == 200
    assert sorted(Answer.objects.filter(block_key=uid).values_list("group", "value")) == [
        ("pace", "1"), ("relevance", "1")]
    assert handlers.block(uid).answers == {"relevance": 1, "pace": 1}


def test_a_second_submit_reads_what_the_first_kept_and_clears_an_emptied_comment(survey, handlers):
    """A new learner's submit reads only ``submitted`` of their fields (decision 50); once it is set,
    a submit reads the rest, so a comment the learner empties is cleared, not left as it was."""
    uid = survey()
    handlers.post(uid, "submit", {"answers": {"relevance": 5, "pace": 2}, "comment": "Merci"})
    assert handlers.block(uid).learner_comment == "Merci"
    r = handlers.post(uid, "submit", {"answers": {"relevance": 5, "pace": 2}, "comment": ""})
    assert r.status_code == 200
    block = handlers.block(uid)
    assert block.learner_comment == "" and block.answers == {"relevance": 5, "pace": 2}
    assert handlers.post(uid, "state", {}).json_body["comment"] == ""
    assert not Comment.objects.filter(block_key=uid).exclude(text="").exists()


def test_anonymous_rows_carry_no_identity_and_second_submit_is_refused(survey, handlers, events):
    uid = survey('anonymous="true"')
    assert handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}}).status_code == 200
    assert set(Answer.objects.filter(block_key=uid).values_list("user_key", flat=True)) == {""}
    block = handlers.block(uid)
    assert block.submitted and block.answers == {}
    [event] = events.named("emm.likert.submitted")
    assert "answers" not in event["data"]
    again = handlers.post(uid, "submit", {"answers": {"relevance": 1, "pace": 1}})
    assert again.status_code == 409 and again.json_body["error"] == "already_submitted"
    assert Answer.objects.filter(block_key=uid).count() == 2
    assert Claim.objects.filter(block_key=uid).count() == 1


@pytest.mark.parametrize("payload,code", [
    ({"answers": {"nope": 3, "relevance": 3, "pace": 3}}, "unknown_statement"),
    ({"answers": {"relevance": 6, "pace": 3}}, "invalid_value"),
    ({"answers": {"relevance": 0, "pace": 3}}, "invalid_value"),
    ({"answers": {"relevance": True, "pace": 3}}, "invalid_value"),
    ({"answers": {"relevance": "5", "pace": 3}}, "invalid_value"),
    ({"answers": {"relevance": 3}}, "missing_required"),
    ({"answers": []}, "invalid_answers"),
    ({"answers": {"relevance": 3, "pace": 3}, "comment": "x" * 2001}, "comment_too_long"),
    ({"answers": {"relevance": 3, "pace": 3}, "comment": 12}, "invalid_comment"),
])
def test_bad_submissions_are_refused_and_store_nothing(survey, handlers, payload, code):
    uid = survey()
    r = handlers.post(uid, "submit", payload)
    assert r.status_code == 400
    assert r.json_body["error"] == code
    assert r.json_body["message"]
    assert Answer.objects.filter(block_key=uid).count() == 0
    block = handlers.block(uid)
    assert not block.submitted and block.answers == {}


def test_malformed_json_and_wrong_method(survey, handlers):
    uid = survey()
    r = handlers.post(uid, "submit", raw="{not json")
    assert r.status_code == 400 and r.json_body["error"] == "invalid_json"
    r = handlers.get(uid, "submit")
    assert r.status_code == 405


def test_errors_are_translated(survey, handlers):
    uid = survey()
    r = handlers.post(uid, "submit", {"answers": {"relevance": 9, "pace": 1}}, lang="fr")
    assert r.json_body["error"] == "invalid_value"
    assert r.json_body["message"] == "Cette réponse n’est pas un point de l’échelle."


def test_learners_cannot_use_staff_handlers(survey, handlers):
    uid = survey()
    r = handlers.post(uid, "get_results", {})
    assert r.status_code == 403 and r.json_body["error"] == "forbidden"
    for handler in ("export_csv", "export_profile_csv"):  # staff-only files: the one code of issue 12
        r = handlers.get(uid, handler)
        assert r.status_code == 403 and r.json_body["error"] == "staff_only" and r.json_body["message"]
    r = handlers.post(uid, "studio_submit", {"display_name": "hacked", "statements": []})
    assert r.status_code == 403
    assert handlers.block(uid).display_name == "Eval"


def test_figures_by_profile_asked_of_an_evaluation_without_the_question_say_why_not(survey, handlers):
    uid = survey('min_group_size="1"')
    handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}})
    r = handlers.get(uid, "export_profile_csv", student="staff_1")
    assert r.status_code == 409 and r.json_body["error"] == "no_profile_question"
    assert r.json_body["message"] == ("This evaluation asks no profile question: there are no figures by "
                                      "profile to download.")
    r = handlers.get(uid, "export_profile_csv", student="staff_1", lang="fr")
    assert r.json_body["message"].startswith("Cette évaluation ne pose pas de question de profil")
    assert handlers.get(uid, "export_csv", student="staff_1").status_code == 200  # the answers themselves: there


def test_far_too_many_statements_say_the_most_an_evaluation_keeps(survey, handlers):
    """A scripted save of 500 statements: the most an evaluation keeps is said in the author's
    language (trial s30: "The statements could not be read."), and nothing is saved."""
    from emm_xblocks.likert.content import to_data

    uid = survey()
    data = to_data(handlers.block(uid, "staff_1").load_content())
    data["statements"] = [{"id": f"s{i}", "text": f"Statement {i}."} for i in range(500)]
    r = handlers.post(uid, "studio_submit", data, student="staff_1", lang="fr")
    assert r.status_code == 400
    assert {"field": "statements", "error": True,
            "message": "Cette liste est trop longue\u00a0: au plus 100\u00a0éléments peuvent être enregistrés."
            } in r.json_body["problems"]
    assert [s.id for s in handlers.block(uid).load_content().statements] == ["relevance", "pace", "extra"]


@pytest.mark.parametrize(("key", "said"), [("statements", "Statement {n} could not be read."),
                                           ("profile_options", "Profile option {n} could not be read.")])
def test_a_row_that_is_not_an_object_is_a_problem_at_that_row_and_nothing_is_saved(survey, handlers, key, said):
    """Trial s32: a crafted save with ``[1, null, {...}]`` in a list the editor reads. Each such row is
    a problem at its own row, the save refused whole; the other problems are said too, but none
    named by the wrong number in the list the rows were sent in."""
    from emm_xblocks.likert.editor import to_editor

    uid = survey()
    before = handlers.block(uid, "staff_1").load_content()
    data = to_editor(before)
    data["intro"] = "<p>Changed introduction.</p>"
    data["display_name"] = ""  # an error outside the lists: said as well
    data["statements"][2]["text"] = ""  # the third statement sent: statements.2, or statements.4 after two rows
    data[key][:0] = [1, None]
    r = handlers.post(uid, "studio_submit", data, student="staff_1")
    assert r.status_code == 400 and r.json_body["error"] == "invalid_content", r.content
    said_at = {p["field"]: (p["message"], p.get("code")) for p in r.json_body["problems"]}
    assert said_at[f"{key}.0"] == (said.format(n=1), "unreadable_row")
    assert said_at[f"{key}.1"] == (said.format(n=2), "unreadable_row")
    assert "display_name" in said_at
    statements = {field for field in said_at if field.startswith("statements.")}
    assert statements == ({"statements.0", "statements.1"} if key == "statements" else {"statements.2.text"})
    assert handlers.block(uid).load_content() == before  # nothing saved, the introduction included


def test_a_comment_over_its_limit_says_the_limit_as_the_learner_s_language_writes_it(survey, handlers):
    """Crafted-request trial s34: "longer than 2000 characters" in every language; the case study
    already said « 20 000 »."""
    uid = survey()
    long = {"answers": {"relevance": 3, "pace": 3}, "comment": "x" * 2001}
    assert handlers.post(uid, "submit", long).json_body["message"] == "The comment is longer than 2,000 characters."
    with translation.override("fr"):
        french = handlers.post(uid, "submit", long, lang="fr").json_body["message"]
    assert french == "Le commentaire dépasse 2\u202f000 caractères."
