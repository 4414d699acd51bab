"""Results, CSV, Studio editing and the LMS contract (grades, completion, mobile, search)."""

import csv
import io

import pytest
from xblock.scorable import Score

from emm_xblocks.common import store, summary

SURVEY = """
<emm_likert display_name="Eval" comment="true" min_group_size="3" {extra}>
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
</emm_likert>
"""


@pytest.fixture
def survey(scenario):
    return lambda extra="": scenario(SURVEY.format(extra=extra))


def answer(handlers, uid, n, relevance=5, pace=1, comment="", who="learner"):
    for i in range(n):
        r = handlers.post(uid, "submit", {"answers": {"relevance": relevance, "pace": pace}, "comment": comment},
                          student=f"{who}_{uid[-6:]}_{i}")
        assert r.status_code == 200, r.content


def test_staff_results_are_suppressed_below_the_group_size(survey, handlers):
    uid = survey()
    answer(handlers, uid, 2)
    r = handlers.post(uid, "get_results", {}, student="staff_1")
    assert r.status_code == 200
    body = r.json_body
    assert body["suppressed"] and body["statements"] == [] and body["respondents"] == 2
    assert "3" in body["message"]


def test_staff_results_figures(survey, handlers):
    uid = survey()
    answer(handlers, uid, 3, relevance=5, pace=1)
    answer(handlers, uid, 1, relevance=2, pace=4, who="other")
    body = handlers.post(uid, "get_results", {}, student="staff_1").json_body
    rel, pace = body["statements"]
    assert rel["n"] == 4 and rel["counts"] == [0, 1, 0, 0, 3] and rel["top_box"] == 75.0
    assert pace["top_two_box"] == 75.0  # reverse-coded: 1 ("strongly disagree it was too fast") is favourable
    # the bar of a reverse-coded row is drawn on the top-box columns' basis: favourable to the right
    assert pace["counts"] == [3, 0, 0, 1, 0] and pace["favourable_counts"] == [0, 1, 0, 0, 3]
    assert [(s["value"], s["width"]) for s in pace["segments"]] == [(2, 12.5), (5, 37.5)]
    assert pace["agree_two_box"] == 25.0  # as worded: one of four agreed "the pace was too fast"
    assert body["headline"] == 75.0 and body["literal_headline"] == 50.0
    assert body["headline_text"] == ("Favourable answers: 75%, over all statements (agreeing with a statement, "
                                     "or disagreeing with a reverse-coded one).")
    assert body["literal_text"] == ("Literal agreement: 50% of answers agree or strongly agree with the "
                                    "statement as worded, reverse-coded ones included.")
    assert body["csv_url"]


def test_headline_figures_are_written_per_locale(survey, handlers):
    uid = survey()
    answer(handlers, uid, 2, relevance=5, pace=1)
    answer(handlers, uid, 4, relevance=2, pace=5, who="other")
    fr = handlers.post(uid, "get_results", {}, student="staff_1", lang="fr").json_body
    assert fr["headline"] == 33.3  # 4 favourable answers of 12
    assert "33,3\xa0%" in fr["headline_text"] and "50\xa0%" in fr["literal_text"]  # CLDR: comma, no-break space
    en = handlers.post(uid, "get_results", {}, student="staff_1").json_body
    assert "33.3%" in en["headline_text"] and "50%" in en["literal_text"]


def test_the_headline_says_which_statements_it_leaves_out_for_too_few_answers(scenario, handlers):
    """Trial s12 K5: "over all statements" silently left out a statement withheld below the minimum."""
    uid = scenario('<emm_likert min_group_size="3"><item id="a">A</item>'
                   '<item id="b" required="false">B</item><item id="c" required="false">C</item></emm_likert>')
    for i in range(3):
        handlers.post(uid, "submit", {"answers": {"a": 5, **({"b": 1, "c": 1} if i == 0 else {})}}, student=f"l{i}")
    en = handlers.post(uid, "get_results", {}, student="staff_1").json_body
    assert en["headline"] == 100.0  # a's 3 answers only
    assert en["headline_text"] == ("100% of answers agree or strongly agree, over all statements. "
                                   "(Excluding 2 statements withheld: too few answers.)")
    fr = handlers.post(uid, "get_results", {}, student="staff_1", lang="fr").json_body
    assert fr["headline_text"].endswith("(Hors 2 affirmations masquées\u00a0: trop peu de réponses.)")
    handlers.post(uid, "submit", {"answers": {"a": 5, "b": 5}}, student="l3")
    handlers.post(uid, "submit", {"answers": {"a": 5, "b": 5}}, student="l4")
    fr = handlers.post(uid, "get_results", {}, student="staff_1", lang="fr").json_body
    assert fr["headline_text"].endswith("(Hors 1 affirmation masquée\u00a0: trop peu de réponses.)")


def test_without_reverse_coding_one_headline_says_what_it_counts(scenario, handlers):
    uid = scenario('<emm_likert min_group_size="2" scale="frequency5"><item id="a">A</item></emm_likert>')
    for i, value in enumerate((5, 4, 1)):
        handlers.post(uid, "submit", {"answers": {"a": value}}, student=f"l{i}")
    body = handlers.post(uid, "get_results", {}, student="staff_1").json_body
    assert body["headline_text"] == "66.7% of answers are “Often” or “Always”, over all statements."
    assert body["literal_text"] is None and body["reverse_shown"] is False


def test_a_statement_answered_only_na_shows_n_0_and_its_na_count(survey, handlers):
    uid = survey('allow_na="true"')
    for i in range(3):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": "na"}}, student=f"l{i}")
        assert r.status_code == 200, r.content
    body = handlers.post(uid, "get_results", {}, student="staff_1").json_body
    pace = body["statements"][1]
    assert not pace["suppressed"] and pace["n"] == 0 and pace["na"] == 3
    assert pace["top_box"] is None and pace["mean"] is None and pace["segments"] == []
    assert body["headline"] == 100.0 and body["reverse_shown"] is False  # only "relevance" was rated


def test_learners_see_results_only_after_answering_when_allowed(survey, handlers):
    uid = survey('results="learners"')
    answer(handlers, uid, 3)
    assert handlers.post(uid, "get_results", {}, student="newcomer").status_code == 403
    handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}}, student="newcomer")
    body = handlers.post(uid, "get_results", {}, student="newcomer").json_body
    assert body["respondents"] == 4 and body["csv_url"] is None and "comments" not in body


def test_csv_neutralises_formulas_and_names_learners_only_when_not_anonymous(survey, handlers):
    uid = survey()
    answer(handlers, uid, 3, comment="=HYPERLINK(\"http://evil\")")
    r = handlers.get(uid, "export_csv", student="staff_1")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["Learner", "Date", "relevance", "pace", "pace (reverse-coded, rescored)", "Comment"]
    assert len(rows) == 1 + 3 and len({row[0] for row in rows[1:]}) == 3  # one line per respondent
    assert rows[1][2] == "5 Strongly agree"
    assert rows[1][3:5] == ["1 Strongly disagree", "5"]  # as given, then favourable (the results' basis)
    assert r["Content-Disposition"] == 'attachment; filename="Eval.csv"; filename*=UTF-8\'\'Eval.csv'
    assert rows[1][5].startswith("'=")

    anon = survey('anonymous="true"')
    answer(handlers, anon, 3, comment="@SUM(1)")
    rows = list(csv.reader(io.StringIO(handlers.get(anon, "export_csv", student="staff_1")
                                       .content.decode("utf-8-sig"))))
    assert rows[0] == ["relevance", "pace", "pace (reverse-coded, rescored)", "Comment"]  # no learner, no date
    assert rows[1][-1] == "'@SUM(1)"
    assert all("learner_" not in cell for row in rows for cell in row)


def test_graded_submit_publishes_a_server_computed_grade(survey, handlers, events):
    uid = survey('graded="true" weight="2"')
    handlers.post(uid, "submit", {"answers": {"relevance": 1, "pace": 1}, "score": 0, "completion": 0.1})
    assert events.grades == [{"user": "student_1", "block": uid, "raw_earned": 1.0, "raw_possible": 1.0,
                              "only_if_higher": None}]
    assert events.completions[-1]["completion"] == 1.0


def test_staff_override_then_publish_grade_like_edx_platform(survey, handlers, events):
    """instructor_task's override: set_score(Score(override / weight, max_score() / weight)); publish_grade().
    The override is kept and published in the block's own points (0 of 1, the share staff gave of
    the weight's 2 points: bug hunt s44), and a rescore gives the answers' score back."""
    uid = survey('graded="true" weight="2"')
    handlers.post(uid, "submit", {"answers": {"relevance": 1, "pace": 1}})
    block = handlers.block(uid)
    block.set_score(Score(raw_earned=0.0 / 2, raw_possible=block.max_score() / 2))
    block.publish_grade()
    assert (events.grades[-1]["raw_earned"], events.grades[-1]["raw_possible"]) == (0.0, 1.0)
    block.rescore(only_if_higher=False)
    assert (events.grades[-1]["raw_earned"], events.grades[-1]["raw_possible"]) == (1.0, 1.0)


def test_student_view_data_and_index(survey, handlers):
    uid = survey('anonymous="true"')
    block = handlers.block(uid)
    data = block.student_view_data()
    assert [s["id"] for s in data["statements"]] == ["relevance", "pace"]
    # content only (issue 8): a preset scale by its key, no learner state, no translated label
    assert data["scale"] == "agree5" and data["points"] == 5 and data["custom_labels"] == []
    assert data["anonymous"] and "submitted" not in data
    state = handlers.get(uid, "student_view_user_state").json()
    assert state == {"submitted": False, "answers": {}, "comment": "", "profile": "", "can_submit": True,
                     "refusal": None}
    assert "relevant to my work" in block.index_dictionary()["content"]["body"]


def test_studio_submit_saves_for_staff_and_reports_field_problems(survey, handlers):
    uid = survey()
    good = {"display_name": "New name", "scale": "agree4", "results": "staff", "min_group_size": 5,
            "weight": 1, "statements": [{"id": "x", "text": "X statement"}]}
    r = handlers.post(uid, "studio_submit", good, student="staff_1")
    assert r.status_code == 200, r.content
    block = handlers.block(uid)
    assert block.display_name == "New name" and block.scale == "agree4"
    assert block.content["statements"] == [{"id": "x", "text": "X statement", "reverse": False, "required": True}]
    bad = dict(good, statements=[{"id": "x", "text": "A"}, {"id": "x", "text": "B"}])
    r = handlers.post(uid, "studio_submit", bad, student="staff_1")
    assert r.status_code == 400 and r.json_body["error"] == "invalid_content"
    assert r.json_body["problems"][0]["field"] == "statements.1.id"
    assert handlers.block(uid).content["statements"][0]["text"] == "X statement"
    checked = handlers.post(uid, "studio_validate", bad, student="staff_1").json_body
    assert checked["problems"][0]["field"] == "statements.1.id"


def test_validate_warns_in_studio(scenario, handlers):
    uid = scenario('<emm_likert display_name="Empty"/>')
    messages = handlers.block(uid).validate().to_json()["messages"]
    assert messages and messages[0]["type"] == "warning"


def test_an_imported_evaluation_without_a_name_is_an_error_in_studio_yet_answered(scenario, handlers):
    """The editor refused an empty name, but only the editor: an evaluation imported without one
    had no Studio message. Its learners still answer it (as before the check moved to validate)."""
    uid = scenario('<emm_likert display_name=" "><item id="a">A</item></emm_likert>')
    messages = handlers.block(uid).validate().to_json()["messages"]
    assert [(m["type"], m["text"]) for m in messages] == [("error", "Give the evaluation a name.")]
    assert "not ready" not in handlers.view(uid).content
    assert handlers.post(uid, "submit", {"answers": {"a": 3}}).status_code == 200
    refused = handlers.post(uid, "studio_submit", {"display_name": "", "statements": [{"id": "a", "text": "A"}],
                                                   "scale": "agree5", "results": "staff"}, student="staff_1")
    assert refused.status_code == 400 and {"field": "display_name", "message": "Give the evaluation a name.",
                                           "error": True} in refused.json_body["problems"]


def test_views_render_with_answers_kept_and_translated(survey, handlers):
    uid = survey()
    handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}})
    html = handlers.view(uid).body_html()
    assert 'value="4" checked' in html and "Update my answers" in html
    fr = handlers.view(uid, lang="fr")
    assert 'lang="fr"' in fr.body_html()
    assert any(r.data.endswith("/js/i18n/fr-likert.js") for r in fr.resources)
    ar = handlers.view(uid, lang="ar").body_html()
    assert 'dir="rtl"' in ar


def test_author_and_studio_views_render(survey, handlers):
    uid = survey()
    author = handlers.view(uid, view="author_view", student="staff_1").body_html()
    assert "relevance" in author and "reverse-coded" in author
    studio = handlers.view(uid, view="studio_view", student="staff_1")
    assert "emm-likert-editor" in studio.body_html()


def test_store_counts_every_row(db):
    for i in range(7):
        store.record("blk", {"a": str(1 + i % 5)}, user_key="")
    assert summary.respondents("blk") == 7
    assert sum(summary.tallies("blk")["a"].values()) == 7


def test_package_resources_are_served(client):
    r = client.get("/resource/emm_likert/js/emm-common.js")  # URIs are relative to static/
    assert r.status_code == 200 and b"EMM.post" in b"".join(r)
    assert client.get("/resource/emm_likert/../pyproject.toml").status_code == 404
    assert client.get("/resource/emm_likert/js/../../templates/likert/studio.html").status_code == 404
    assert client.get("/resource/emm_likert/templates/likert/studio.html").status_code == 404


def test_csv_is_refused_below_the_minimum_group_size(survey, handlers):
    uid = survey('anonymous="true"')
    answer(handlers, uid, 2)
    r = handlers.get(uid, "export_csv", student="staff_1")
    assert r.status_code == 409 and r.json()["error"] == "too_few_respondents"
    assert handlers.post(uid, "get_results", {}, student="staff_1").json_body["csv_url"] is None


def test_simultaneous_first_submits_of_one_learner_count_once(survey, handlers):
    """Three requests that all read the state before any saved it (a double tap on a slow link)."""
    uid = survey()
    blocks = [handlers.block(uid, student="tapper") for _ in range(3)]
    from tests.conftest import call_json

    for value, block in zip((1, 2, 3), blocks, strict=True):
        assert call_json(block, "submit", {"answers": {"relevance": value, "pace": 1}}).status_code == 200
    assert summary.respondents(uid) == 1
    assert summary.tallies(uid)["relevance"] == {"3": 1}


def test_anonymous_event_says_nothing_about_the_answers(survey, handlers, events):
    uid = survey('anonymous="true"')
    handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}})
    [event] = events.named("emm.likert.submitted")
    assert set(event["data"]) == {"statements", "first_submission", "anonymous"}


def test_broken_imported_content_is_not_served_half_broken(scenario, handlers):
    uid = scenario('<emm_likert display_name="x" scale="custom" min_group_size="1"><label>Only</label>'
                   '<item id="a">A</item></emm_likert>')
    assert "not ready yet" in handlers.view(uid).body_html()
    r = handlers.post(uid, "submit", {"answers": {"a": 1}})
    assert r.status_code == 409 and r.json_body["error"] == "not_ready"
    assert handlers.post(uid, "get_results", {}, student="staff_1").status_code == 200


def test_deeply_nested_json_is_a_clear_400(survey, handlers):
    uid = survey()
    r = handlers.post(uid, "submit", raw="[" * 50000 + "]" * 50000)
    assert r.status_code == 400 and r.json_body["error"] == "invalid_json"


@pytest.mark.parametrize("field,value", [("min_group_size", "--5"), ("min_group_size", "²"),
                                         ("weight", 10 ** 400), ("weight", "1e400"), ("min_group_size", 1e400)])
def test_crafted_numbers_in_the_editor_are_field_errors(survey, handlers, field, value):
    uid = survey()
    data = {"display_name": "x", "scale": "agree5", "results": "staff", "statements": [{"id": "a", "text": "A"}],
            field: value}
    r = handlers.post(uid, "studio_validate", data, student="staff_1")
    assert r.status_code == 200
    assert field in {p["field"] for p in r.json_body["problems"]}


@pytest.mark.parametrize("statement,setting", [({"required": "false"}, {}), ({"reverse": 1}, {}),
                                               ({}, {"anonymous": "no"}), ({}, {"allow_na": "true"})])
def test_crafted_yes_or_no_in_the_editor_are_field_errors_and_nothing_is_saved(survey, handlers, statement, setting):
    """Trial s31: ``"required": "false"`` saved a statement as required (a string's truth value).
    Anything but ``true`` or ``false`` is a translated problem at its field; the save is refused."""
    uid = survey()
    before = dict(handlers.block(uid).content)
    data = {"display_name": "x", "scale": "agree5", "results": "staff",
            "statements": [{"id": "a", "text": "A", **statement}], **setting}
    field = f"statements.0.{next(iter(statement))}" if statement else next(iter(setting))
    for handler in ("studio_validate", "studio_submit"):
        r = handlers.post(uid, handler, data, student="staff_1", lang="fr")
        problems = {p["field"]: p["message"] for p in r.json_body["problems"]}
        assert problems.get(field) == "Choisissez oui ou non.", problems
    assert r.status_code == 400 and handlers.block(uid).content == before


def test_learners_download_only_the_learner_catalogue(survey, handlers):
    uid = survey()

    def scripts(view):
        frag = handlers.view(uid, view=view, student="staff_1", lang="fr")
        return [r.data.rsplit("/", 1)[-1] for r in frag.resources if r.kind == "url" and r.data.endswith(".js")]

    assert "fr-likert.js" in scripts("student_view") and "fr-studio.js" not in scripts("student_view")
    studio = scripts("studio_view")
    # the editors' catalogue holds every string an editor page uses: the learner's is not loaded
    assert "fr-likert.js" not in studio and studio.index("fr-studio.js") < studio.index("emm-form-studio.js")
    # the editor engine: after the shared helpers, before the editor built on it; never for learners
    assert studio.index("emm-common.js") < studio.index("emm-editor.js") < studio.index("emm-form-studio.js")
    assert "emm-editor.js" not in scripts("student_view")
