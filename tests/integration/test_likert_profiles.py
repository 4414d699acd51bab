"""Who answered (issue 11 §2): the Likert's participant profile question through the
platform-faithful runtime (tests/openedx), from the learners' submissions to the staff's figures
by profile and the CSVs, each cell withheld below the minimum group size."""

import csv
import io

import pytest

from emm_xblocks.common import summary
from emm_xblocks.common.perspectives import PROFILE_GROUP
from emm_xblocks.models import Answer

SURVEY = """
<emm_likert display_name="Eval" min_group_size="5" {extra}>
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
  <profile prompt="You work for">
    <option id="gov">Government</option>
    <option id="cso">Civil society</option>
    <option id="io">International organisation</option>
  </profile>
</emm_likert>
"""


@pytest.fixture
def survey(scenario):
    return lambda extra="": scenario(SURVEY.format(extra=extra))


def answer(handlers, uid, n, profile, relevance, pace, who):
    for i in range(n):
        data = {"answers": {"relevance": relevance, "pace": pace}}
        if profile is not None:
            data["profile"] = profile
        r = handlers.post(uid, "submit", data, student=f"{who}_{i}")
        assert r.status_code == 200, r.content


def by_profile(body):
    """``{column text: {statement id: favourable or None}}`` and ``{column text: n or None}``."""
    table = body["profiles"]
    texts = [c["text"] for c in table["columns"]]
    cells = {text: {st["id"]: st["cells"][i]["favourable"] for st in table["statements"]}
             for i, text in enumerate(texts)}
    return cells, {c["text"]: c["n"] for c in table["columns"]}


def test_the_page_offers_the_profile_question_before_the_statements(survey, handlers):
    uid = survey()
    html = handlers.view(uid).content
    assert "You work for" in html and "Civil society" in html
    assert html.index("You work for") < html.index("The training is relevant")
    assert 'name="' in html and 'value="gov"' in html


def test_twelve_learners_in_two_profiles_give_figures_per_profile(survey, handlers):
    uid = survey('anonymous="true" results="learners"')
    answer(handlers, uid, 7, "gov", relevance=5, pace=1, who="gov")
    answer(handlers, uid, 5, "cso", relevance=2, pace=4, who="cso")
    body = handlers.post(uid, "get_results", {}, student="staff_1").json_body
    cells, people = by_profile(body)
    assert people == {"Government": 7, "Civil society": 5, "International organisation": None,
                      "Did not say": None}
    assert cells["Government"] == {"relevance": 100.0, "pace": 100.0}  # pace reverse-coded: 1 is favourable
    assert cells["Civil society"] == {"relevance": 0.0, "pace": 0.0}
    # anonymous: no row, the profile's included, names anybody; the learner's state keeps no profile
    assert set(Answer.objects.filter(block_key=uid).values_list("user_key", flat=True)) == {""}
    assert Answer.objects.filter(block_key=uid, group=PROFILE_GROUP).count() == 12
    assert handlers.block(uid, student="gov_0").learner_profile == ""
    # the summary's split equals what the rows say
    assert summary.profile_tallies(uid)["cso"]["relevance"] == {"2": 5}
    # a learner who may read the results (once answered) reads the same breakdown (issue 12), without
    # the staff's CSV; one who may not reads nothing
    mine = handlers.post(uid, "get_results", {}, student="gov_0").json_body
    assert by_profile(mine) == (cells, people) and "profile_csv_url" not in mine
    assert body["profile_csv_url"]
    assert handlers.post(uid, "get_results", {}, student="newcomer").status_code == 403


def test_a_small_profile_is_withheld_and_so_is_the_next_smallest_when_it_could_be_worked_out(survey, handlers):
    uid = survey()
    answer(handlers, uid, 7, "gov", relevance=5, pace=1, who="gov")
    answer(handlers, uid, 6, "cso", relevance=2, pace=4, who="cso")
    answer(handlers, uid, 1, "io", relevance=1, pace=5, who="io")
    cells, people = by_profile(handlers.post(uid, "get_results", {}, student="staff_1").json_body)
    # io (1 person) is withheld; alone it could be worked out from the overall figures minus the
    # two others, so the smallest shown group (cso, 6) is withheld too
    assert people == {"Government": 7, "Civil society": None, "International organisation": None,
                      "Did not say": None}
    assert cells["Civil society"] == {"relevance": None, "pace": None}
    assert cells["International organisation"] == {"relevance": None, "pace": None}
    assert cells["Government"] == {"relevance": 100.0, "pace": 100.0}


def test_those_who_did_not_say_are_a_group_of_their_own(survey, handlers):
    uid = survey()
    answer(handlers, uid, 6, "gov", relevance=5, pace=1, who="gov")
    answer(handlers, uid, 6, None, relevance=4, pace=4, who="none")
    cells, people = by_profile(handlers.post(uid, "get_results", {}, student="staff_1").json_body)
    assert people["Government"] == 6 and people["Did not say"] == 6
    assert cells["Did not say"] == {"relevance": 100.0, "pace": 0.0}


def test_changing_ones_profile_moves_ones_answers(survey, handlers):
    uid = survey()
    answer(handlers, uid, 5, "gov", relevance=5, pace=1, who="gov")
    answer(handlers, uid, 1, "cso", relevance=5, pace=1, who="gov")  # gov_0 says cso now
    split = summary.profile_tallies(uid)
    assert split["gov"][PROFILE_GROUP] == {"gov": 4} and split["cso"]["relevance"] == {"5": 1}
    assert handlers.block(uid, student="gov_0").learner_profile == "cso"


def test_an_unknown_profile_is_refused_and_stores_nothing(survey, handlers):
    uid = survey()
    r = handlers.post(uid, "submit", {"answers": {"relevance": 3, "pace": 3}, "profile": "army"})
    assert r.status_code == 400 and r.json_body["error"] == "unknown_profile"
    assert not Answer.objects.filter(block_key=uid).exists()


def test_the_csvs_name_a_profile_only_when_its_group_is_big_enough(survey, handlers):
    uid = survey('anonymous="true"')
    answer(handlers, uid, 7, "gov", relevance=5, pace=1, who="gov")
    answer(handlers, uid, 6, "cso", relevance=2, pace=4, who="cso")
    answer(handlers, uid, 1, "io", relevance=1, pace=5, who="io")
    r = handlers.get(uid, "export_csv", student="staff_1")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][-1] == "Profile"
    # cso (6) and io (1) are not named: io has too few, cso would give io away
    assert sorted(row[-1] for row in rows[1:]) == ["Government"] * 7 + ["not shown"] * 7
    r = handlers.get(uid, "export_profile_csv", student="staff_1")
    assert r.status_code == 200
    figures = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert figures[0] == ["Statement ID", "Statement", "You work for", "Answers", "Favourable (%)", "Top box (%)"]
    relevance = ["relevance", "The training is relevant to my work."]  # its id, then what a facilitator reads
    assert relevance + ["Government", "7", "100", "100"] in figures
    # each withheld cell says why, as the case study's and the role-play's CSVs: io (1) is under the
    # minimum group size, civil society (6) is withheld only because io could be worked out from it
    assert relevance + ["International organisation", "fewer than 5", "", ""] in figures
    assert relevance + ["Civil society", "not shown", "", ""] in figures
    assert ["pace", "The pace was too fast.", "Government", "7", "100", "100"] in figures
    # a French facilitator reads the headings in French
    r = handlers.get(uid, "export_profile_csv", student="staff_1", lang="fr")
    figures = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert figures[0][:2] == ["Identifiant de l’affirmation", "Affirmation"]
    assert relevance + ["Government", "7", "100", "100"] in figures
    # and its file's name: the evaluation's name, then what the file holds, in French too
    assert r.headers["Content-Disposition"].endswith("''Eval%20-%20chiffres%20par%20profil.csv"), r.headers
    assert handlers.get(uid, "export_profile_csv", student="gov_0").status_code == 403


def test_a_save_from_the_studio_editor_saves_the_profile_question_it_shows(survey, handlers):
    uid = survey()
    form = {"display_name": "New name", "scale": "agree5", "results": "staff", "min_group_size": 5,
            "weight": 1, "statements": [{"id": "relevance", "text": "Relevant."}],
            "profile_prompt": "Your employer",
            "profile_options": [{"id": "gov", "text": "Government"}, {"id": "other", "text": "Other"}]}
    assert handlers.post(uid, "studio_submit", form, student="staff_1").status_code == 200
    block = handlers.block(uid)
    assert block.display_name == "New name" and block.content["profile_prompt"] == "Your employer"
    assert [o["id"] for o in block.content["profile_options"]] == ["gov", "other"]


def test_the_mobile_apps_get_the_question_and_a_named_learners_answer(survey, handlers):
    uid = survey()
    data = handlers.block(uid).student_view_data()
    assert data["profile"]["prompt"] == "You work for"
    assert [o["id"] for o in data["profile"]["options"]] == ["gov", "cso", "io"]
    handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}, "profile": "io"})
    assert handlers.get(uid, "student_view_user_state").json()["profile"] == "io"
