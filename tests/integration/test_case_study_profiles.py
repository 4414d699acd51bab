"""The case study's "how others answered" by participant profile (issue 12 §1) through the
platform-faithful runtime (tests/openedx): the optional profile question on the learner's form,
the split in the results panel with its small groups withheld twice over (common/perspectives.py),
the staff CSV, and the author's question kept through OLX and the Studio editor."""

import csv
import io

import pytest

from emm_xblocks.case_study import olx
from emm_xblocks.common import summary
from emm_xblocks.common.perspectives import PROFILE_GROUP
from emm_xblocks.models import Answer

CASE = """
<emm_case_study display_name="Réunion de cas" attempts_allowed="3" show_distribution="{show}" min_group_size="5">
  <narrative><![CDATA[<p>A 16-year-old at Assamaka.</p>]]></narrative>
  <question id="q1" type="single" points="1">
    <prompt><![CDATA[<p>First <strong>step</strong>  &amp;
      why?</p>]]></prompt>
    <option id="refer" correct="true">Refer her to child protection</option>
    <option id="leave">=Leave her at the border</option>
  </question>
  <question id="q2" type="multiple" points="1">
    <prompt><![CDATA[<p>Who to call?</p>]]></prompt>
    <option id="unhcr" correct="true">UNHCR</option>
    <option id="iom" correct="true">IOM</option>
  </question>
  <profile prompt="You work for">
    <option id="gov">Government</option>
    <option id="cso">Civil society</option>
    <option id="io">International organisation</option>
  </profile>
</emm_case_study>
"""
REFER = {"q1": "refer", "q2": ["unhcr", "iom"]}
LEAVE = {"q1": "leave", "q2": ["iom"]}


@pytest.fixture
def case(scenario):
    return lambda show="true": scenario(CASE.format(show=show))


def submit(handlers, uid, who, answers, profile=None):
    data = {"answers": answers}
    if profile is not None:
        data["profile"] = profile
    r = handlers.post(uid, "submit", data, student=who)
    assert r.status_code == 200, r.content
    return r.json_body


def split_of(body, qid):
    """``{group key: (n or None, [percent texts])}`` of question ``qid``'s split in a submit's answer."""
    dq = next(q for q in body["distribution"]["questions"] if q["id"] == qid)
    return {g["key"]: (g["n"], g["percents"]) for g in dq["profiles"]}


def test_the_form_asks_the_profile_question_only_where_the_distribution_is_shown(case, handlers):
    html = handlers.view(case()).content
    assert "You work for" in html and 'value="cso"' in html and "prefer not to say" in html
    assert html.index("Who to call?") < html.index("You work for") < html.index("data-submit")
    hidden = case(show="false")
    assert "You work for" not in handlers.view(hidden).content
    block = handlers.block(hidden)
    warnings = [p.message for p in block.validation_module.validate(block.load_content(), str)]
    assert any("profile question is asked only when" in w for w in warnings)
    # without the distribution a profile sent anyway is not kept: nothing is stored at all
    submit(handlers, hidden, "ana", REFER, profile="gov")
    assert not Answer.objects.filter(block_key=hidden).exists()


def test_each_profile_big_enough_is_shown_and_a_small_one_withheld_with_the_next_smallest(case, handlers):
    uid = case()
    for i in range(6):
        submit(handlers, uid, f"gov{i}", REFER if i < 3 else LEAVE, profile="gov")
    for i in range(5):
        submit(handlers, uid, f"cso{i}", REFER, profile="cso")
    for i in range(7):
        submit(handlers, uid, f"quiet{i}", LEAVE)  # no profile given: "did not say"
    body = submit(handlers, uid, "io0", REFER, profile="io")  # one person: withheld
    # io (1) is below 5; together the withheld groups hold 1, so the smallest shown one (cso, 5)
    # is withheld too: "did not say" (7) and gov (6) remain
    q1 = split_of(body, "q1")
    assert q1 == {"gov": (6, ["50%", "50%"]), "cso": (None, []), "io": (None, []),
                  "": (7, ["0%", "100%"])}
    q2 = split_of(body, "q2")  # multiple choice: percentages of the group's participants
    assert q2["gov"] == (6, ["50%", "100%"]) and q2["cso"] == (None, [])
    html = body["html"]
    assert "Question 1 by profile: You work for" in html and "Government" in html
    # each withheld row says why, in each of the two questions: io has too few, cso is not shown
    # only because io could be worked out from it
    tables = "".join(html.split("<table")[1:])
    assert tables.count("withheld: too few answers") == 2 and tables.count(">not shown<") == 2
    assert "Did not say" in html
    # the rows and the summary agree: the profile row and the split counts
    assert Answer.objects.filter(block_key=uid, group=PROFILE_GROUP).count() == 12
    assert summary.profile_tallies(uid)["gov"]["q1"] == {"refer": 3, "leave": 3}


def test_below_the_minimum_in_every_group_only_the_overall_figures_show(case, handlers):
    uid = case()
    for i, who in enumerate(["gov", "gov", "cso", "cso", "io"]):
        submit(handlers, uid, f"p{i}", REFER, profile=who)
    body = submit(handlers, uid, "p5", REFER, profile="gov")
    assert body["distribution"]["suppressed"] is False  # 6 participants: the overall figures show
    assert all(not g["shown"] for g in body["distribution"]["questions"][0]["profiles"])
    table = body["html"].split('data-dist-profiles="q1"')[1].split("</table>")[0]
    assert table.count("withheld: too few answers") == 3  # gov, cso, io
    assert "%" not in table and "participant" not in table  # no group's share, no group's size


def test_the_mobile_apps_get_the_question_and_the_learners_answer(case, handlers):
    uid = case()
    data = handlers.block(uid).student_view_data()  # no learner: the question only
    assert data["profile"] == {"prompt": "You work for", "options": [
        {"id": "gov", "text": "Government"}, {"id": "cso", "text": "Civil society"},
        {"id": "io", "text": "International organisation"}]}
    assert handlers.block(case(show="false")).student_view_data()["profile"] is None
    submit(handlers, uid, "ana", REFER, profile="io")
    assert handlers.get(uid, "student_view_user_state", student="ana").json()["profile"] == "io"


def test_an_unknown_profile_is_refused_and_stores_nothing(case, handlers):
    uid = case()
    r = handlers.post(uid, "submit", {"answers": REFER, "profile": "police"}, student="ana")
    assert r.status_code == 400 and r.json_body["error"] == "unknown_profile" and r.json_body["message"]
    assert not Answer.objects.filter(block_key=uid).exists()
    assert handlers.block(uid, "ana").attempts == 0


def test_a_new_attempt_with_another_profile_moves_the_learners_answers(case, handlers):
    uid = case()
    submit(handlers, uid, "ana", REFER, profile="gov")
    assert handlers.post(uid, "try_again", {}, student="ana").status_code == 200
    assert 'value="gov" checked' in handlers.view(uid, student="ana").content
    submit(handlers, uid, "ana", LEAVE, profile="cso")
    tallies = summary.profile_tallies(uid)
    assert "gov" not in tallies and tallies["cso"]["q1"] == {"leave": 1}
    assert summary.tallies(uid)[PROFILE_GROUP] == {"cso": 1}


def test_staff_download_the_split_as_a_formula_safe_csv_and_nobody_else(case, handlers):
    uid = case()
    for i in range(5):
        submit(handlers, uid, f"gov{i}", REFER, profile="gov")
    for i in range(5):
        submit(handlers, uid, f"cso{i}", LEAVE, profile="cso")
    submit(handlers, uid, "io0", LEAVE, profile="io")
    assert "export_distribution" in handlers.view(uid, student="staff_1").content
    assert "export_distribution" not in handlers.view(uid, student="gov0").content

    r = handlers.get(uid, "export_distribution", student="staff_1")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    assert r["Content-Disposition"] == (
        "attachment; filename=\"Reunion-de-cas-answers-by-profile.csv\"; "
        "filename*=UTF-8''R%C3%A9union%20de%20cas%20-%20answers%20by%20profile.csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["Question ID", "Question", "Answer", "You work for", "Participants", "Count", "Percent"]
    # each question by its id, then its prompt as a facilitator reads it (the author's HTML as one
    # line of text, entities decoded)
    first = "First step & why?"
    assert rows[1:3] == [["q1", first, "Refer her to child protection", "All participants", "11", "5", "45"],
                         # formula-safe
                         ["q1", first, "'=Leave her at the border", "All participants", "11", "6", "55"]]
    assert ["q1", first, "Refer her to child protection", "Government", "5", "5", "100"] in rows
    # io is below 5 (its size withheld too); cso, the smallest other, is withheld with it
    assert ["q1", first, "Refer her to child protection", "International organisation", "fewer than 5", "", ""] in rows
    assert ["q1", first, "Refer her to child protection", "Civil society", "not shown", "", ""] in rows
    assert ["q2", "Who to call?", "IOM", "Government", "5", "5", "100"] in rows
    assert all("gov0" not in cell and "student" not in cell for row in rows for cell in row)

    r = handlers.get(uid, "export_distribution", student="gov0")
    assert r.status_code == 403 and r.json()["error"] == "staff_only"

    # a French facilitator reads the headings in French
    r = handlers.get(uid, "export_distribution", student="staff_1", lang="fr")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["Identifiant de la question", "Question", "Réponse", "You work for", "Participants",
                       "Nombre", "Pourcentage"]
    assert rows[1] == ["q1", first, "Refer her to child protection", "Tous les participants", "11", "5", "45"]


def test_without_a_profile_question_the_download_is_not_said_to_be_by_profile(scenario, handlers):
    """A case that asks no profile question offers the same download, its figures among all
    participants: its link and its file say "how participants answered", not "by profile"."""
    start, end = CASE.index("  <profile"), CASE.index("</profile>\n") + len("</profile>\n")
    uid = scenario((CASE[:start] + CASE[end:]).format(show="true"))
    for i in range(5):
        submit(handlers, uid, f"p{i}", REFER)
    page = handlers.view(uid, student="staff_1").content
    assert "Download how participants answered (CSV)" in page and "by profile" not in page
    r = handlers.get(uid, "export_distribution", student="staff_1")
    assert r.status_code == 200
    assert r["Content-Disposition"] == (
        "attachment; filename=\"Reunion-de-cas-answers.csv\"; "
        "filename*=UTF-8''R%C3%A9union%20de%20cas%20-%20answers.csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[1] == ["q1", "First step & why?", "Refer her to child protection", "All participants", "5", "5", "100"]
    with_profile = scenario(CASE.format(show="true"))
    for i in range(5):
        submit(handlers, with_profile, f"gov{i}", REFER, profile="gov")
    staff_page = handlers.view(with_profile, student="staff_1").content
    assert "Download how participants answered, by profile (CSV)" in staff_page


def test_no_download_of_a_distribution_the_case_does_not_show(case, handlers):
    uid = case(show="false")
    for i in range(6):
        submit(handlers, uid, f"gov{i}", REFER, profile="gov")
    r = handlers.get(uid, "export_distribution", student="staff_1")
    assert r.status_code == 409 and r.json()["error"] == "distribution_not_shown"
    assert "Show how other participants answered" in r.json()["message"]  # the setting to turn on


def test_the_question_survives_olx_and_a_save_from_the_studio_editor(case, handlers):
    uid = case()
    block = handlers.block(uid)
    read = olx.from_xml(olx.to_xml(block.load_content()))
    assert read.profile_prompt == "You work for" and [o.id for o in read.profile_options] == ["gov", "cso", "io"]
    form = dict(block.editor_module.to_editor(block.load_content()))
    form["profile_prompt"] = "Vous travaillez pour"
    form["profile_options"] = [{"id": "gov", "text": "Gouvernement"}, {"id": "ngo", "text": "ONG"}]
    r = handlers.post(uid, "studio_submit", form, student="staff_1")
    assert r.status_code == 200, r.content
    saved = handlers.block(uid).load_content()
    assert saved.profile_prompt == "Vous travaillez pour"
    assert [(o.id, o.text) for o in saved.profile_options] == [("gov", "Gouvernement"), ("ngo", "ONG")]
    form["profile_options"] = [{"id": "gov", "text": "Gouvernement"}, {"id": "gov", "text": "Autre"}]
    r = handlers.post(uid, "studio_submit", form, student="staff_1")
    assert r.status_code == 400 and r.json_body["error"] == "invalid_content"
    assert "profile_options.1.id" in [p["field"] for p in r.json_body["problems"]]


def test_a_draft_saved_on_the_server_keeps_the_profile_and_the_form_shows_it_again(case, handlers):
    """Trial s10 finding 9: "Save draft" kept the answers but not the profile, so the draft opened
    in another browser came back without it."""
    uid = case()
    r = handlers.post(uid, "save_draft", {"answers": {"q1": "refer"}, "profile": "cso"}, student="ana")
    assert r.status_code == 200, r.content
    html = handlers.view(uid, student="ana").content  # another browser: nothing on its device
    assert 'value="refer" checked' in html and 'value="cso" checked' in html
    assert 'value="gov" checked' not in html
    assert not Answer.objects.filter(block_key=uid).exists()  # a draft counts nowhere
    # "prefer not to say" is a choice too: saved again with none, it is the one checked (a keyboard that
    # walked the options with the arrows can give none back: keyboard trial s39)
    none = handlers.post(uid, "save_draft", {"answers": {"q1": "refer"}, "profile": ""}, student="ana")
    assert none.status_code == 200
    fieldset = handlers.view(uid, student="ana").content.split("You work for")[1].split("</fieldset>")[0]
    assert fieldset.count("checked") == 1 and 'value="" checked> <span>I prefer not to say</span>' in fieldset
    # a request without the profile (an app, or a page from before) leaves the one saved
    handlers.post(uid, "save_draft", {"answers": {"q1": "refer"}, "profile": "io"}, student="ana")
    assert handlers.post(uid, "save_draft", {"answers": {"q1": "leave"}}, student="ana").status_code == 200
    html = handlers.view(uid, student="ana").content
    assert 'value="leave" checked' in html and 'value="io" checked' in html
    # the submit takes the profile it is sent, as before
    submit(handlers, uid, "ana", LEAVE, profile="gov")
    assert summary.tallies(uid)[PROFILE_GROUP] == {"gov": 1}


def test_a_draft_with_an_unknown_profile_is_refused_as_a_submit_is(case, handlers):
    uid = case()
    handlers.post(uid, "save_draft", {"answers": {"q1": "refer"}, "profile": "gov"}, student="ana")
    for bad in ("police", 3, ["gov"]):
        r = handlers.post(uid, "save_draft", {"answers": {"q1": "leave"}, "profile": bad}, student="ana")
        assert r.status_code == 400 and r.json_body["error"] == "unknown_profile" and r.json_body["message"], bad
    block = handlers.block(uid, "ana")
    assert block.draft == {"q1": "refer"} and block.learner_profile == "gov"  # nothing of it kept
    # where the profile is not asked, one sent anyway is not kept
    hidden = case(show="false")
    assert handlers.post(hidden, "save_draft", {"answers": {"q1": "refer"}, "profile": "gov"},
                         student="ana").status_code == 200
    assert handlers.block(hidden, "ana").learner_profile == ""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_staff_get_the_split_for_excel_beside_the_csv_and_nobody_else(case, handlers, lang):
    """The Excel variant (decisions 58, 60): the CSV's rows, ";" between cells in French, ","
    in English (whole percents: no decimal mark to change); its link beside the CSV's, naming its
    separator, for staff only."""
    uid = case()
    for i in range(5):
        submit(handlers, uid, f"gov{i}", REFER, profile="gov")
        submit(handlers, uid, f"cso{i}", LEAVE, profile="cso")
    staff = handlers.view(uid, student="staff_1", lang=lang).content
    assert "export_distribution/excel" in staff and "data-csv-excel" in staff
    assert ("CSV pour Excel (;)" if lang == "fr" else "CSV for Excel (,)") in staff  # its separator (decision 60)
    learner = handlers.view(uid, student="gov0", lang=lang).content
    assert "export_distribution" not in learner and "Excel" not in learner
    plain = handlers.get(uid, "export_distribution", student="staff_1", lang=lang)
    excel = handlers.get(uid, "export_distribution", student="staff_1", lang=lang, suffix="excel")
    assert excel.status_code == 200 and excel["Content-Type"].startswith("text/csv")
    assert excel["Content-Disposition"].startswith('attachment; filename="Reunion-de-cas-')
    assert excel["Content-Disposition"].split(";")[1].endswith('-Excel.csv"')
    assert excel.content.startswith("\ufeff".encode())
    separator = ";" if lang == "fr" else ","  # Excel's in the language's settings (decision 60)
    rows = list(csv.reader(io.StringIO(excel.content.decode("utf-8-sig")), delimiter=separator))
    assert rows == list(csv.reader(io.StringIO(plain.content.decode("utf-8-sig"))))
    assert ["q1", "First step & why?", "'=Leave her at the border", rows[1][3], "10", "5", "50"] in rows
    assert excel.content.decode("utf-8-sig").splitlines()[1].count(separator) == 6
    refused = handlers.get(uid, "export_distribution", student="gov0", suffix="excel")
    assert refused.status_code == 403 and refused.json()["error"] == "staff_only"
