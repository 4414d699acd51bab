"""Perspectives through the platform-faithful runtime (tests/openedx): learners of two roles play,
the debrief shows how each role chose and how each role's scenario ended, small groups withheld;
staff download the same split as a CSV."""

import csv
import io
import re
from importlib.resources import files

import pytest
from lxml import html as lxml_html

from emm_xblocks.common import summary
from emm_xblocks.models import Answer
from tests.integration.recount import role_tallies_from_rows

MEETING = """
<emm_role_play display_name="Réunion de cas" show_others="true" min_group_size="3" attempts_allowed="3">
  <role id="officer" start="po">Police officer</role>
  <role id="social" start="sw">Social &lt;i&gt;worker&lt;/i&gt;</role>
  <role id="judge" start="meet">Judge</role>
  <node id="po"><narrative><![CDATA[<p>A girl of  <strong>16</strong>
    arrives alone.</p><p>Her &laquo;uncle&raquo; answers.</p>]]></narrative>
    <choice goto="meet">Interview her</choice>
    <choice goto="bad">Register her</choice>
  </node>
  <node id="sw"><narrative><![CDATA[<p>SW</p>]]></narrative>
    <choice goto="meet">Talk with her</choice>
  </node>
  <node id="meet"><narrative><![CDATA[<p>=1+1 services meet.</p>]]></narrative>
    <choice goto="good">Refer her</choice>
    <choice goto="ok">Wait</choice>
    <choice goto="bad">=HYPERLINK("http://x")</choice>
  </node>
  <node id="good" ending="true" category="good"><narrative><![CDATA[<p>G</p>]]></narrative></node>
  <node id="ok" ending="true" category="acceptable"><narrative><![CDATA[<p>O</p>]]></narrative></node>
  <node id="bad" ending="true" category="harmful"><narrative><![CDATA[<p>B</p>]]></narrative></node>
</emm_role_play>
"""
LEAVE = '=HYPERLINK("http://x")'


@pytest.fixture
def meeting(scenario):
    return scenario(MEETING)


def labelled(response):
    html = response.json_body["html"]
    return {lxml_html.fromstring(m.group(0)).text_content().strip(): m.group(1)
            for m in re.finditer(r'<button[^>]*data-choice="([0-9a-f]+)"[^>]*>.*?</button>', html)}


def play(handlers, uid, student, role, labels, lang=None):
    r = handlers.post(uid, "begin", {"role": role}, student=student)
    assert r.status_code == 200, r.content
    for label in labels:
        r = handlers.post(uid, "choose", {"choice": labelled(r)[label]}, student=student, lang=lang)
        assert r.status_code == 200, r.content
    assert r.json_body["phase"] == "ending"
    return r.json_body["html"]


def tables(html):
    """``{caption: [[header cells], [row cells]...]}`` of the debrief's split tables, as text."""
    found = {}
    for table in lxml_html.fromstring(html).iter("table"):
        rows = [[" ".join(" ".join(cell.itertext()).split()) for cell in tr.iter("th", "td")]
                for tr in table.iter("tr")]
        found[" ".join(table.find("caption").text_content().split())] = rows
    return found


STEP2 = "Step 2: how the participants of each role who reached it chose"
ENDED = "How the scenario ended for the participants of each role"


def test_the_debrief_splits_a_shared_decision_and_the_endings_by_role(meeting, handlers):
    for n, choice in enumerate(["Refer her", "Refer her", "Refer her", LEAVE]):
        play(handlers, meeting, f"officer{n}", "officer", ["Interview her", choice])
    play(handlers, meeting, "social0", "social", ["Talk with her", "Refer her"])
    html = play(handlers, meeting, "social1", "social", ["Talk with her", "Wait"])
    # 2 social workers (below 3): their column is withheld, and so is the officers' (4), which the
    # overall share ("of 6 participants") would otherwise give away: no table, a note says why
    assert tables(html) == {}
    assert "How each role chose is shown once each role has at least 3 participants." in html
    assert "75%" not in html and "4 participants" not in html

    html = play(handlers, meeting, "social2", "social", ["Talk with her", "Refer her"])
    split = tables(html)[STEP2]
    assert split == [["Choice", "Police officer 4 participants", "Social <i>worker</i> (your role) 3 participants"],
                     ["Refer her (your choice)", "75%", "67%"],
                     ["Wait", "0%", "33%"],
                     [LEAVE, "25%", "0%"]]
    assert "Step 1: how" not in html  # only social workers meet their first step: no split
    assert "is shown once" not in html
    assert "<i>worker</i>" not in html and "Social &lt;i&gt;worker&lt;/i&gt;" in html  # the role's name is text
    assert tables(html)[ENDED] == [["Role", "Good practice", "Acceptable practice", "Harmful practice"],
                                   ["Police officer 4 participants", "75%", "0%", "25%"],
                                   ["Social <i>worker</i> (your role) 3 participants", "67%", "33%", "0%"]]
    # in French the figures follow CLDR's French (a no-break space before the sign)
    french = handlers.post(meeting, "state", {}, student="social2", lang="fr").json_body["html"]
    assert '<span class="emm-rp-figure">75\u00a0%</span>' in french
    assert [row[1:] for row in list(tables(french).values())[0][1:]] == [  # (tables() reads a no-break space as one)
        ["75 %", "67 %"], ["0 %", "33 %"], ["25 %", "0 %"]]
    doc = lxml_html.fromstring(html)
    assert [th.get("scope") for th in doc.find(".//table").iter("th")] == ["col"] * 3 + ["row"] * 3
    assert all(bar.get("aria-hidden") == "true" for bar in doc.find_class("emm-rp-bar"))


def test_with_three_roles_the_small_one_is_withheld_cell_by_cell_and_says_so(meeting, handlers):
    for n in range(3):
        play(handlers, meeting, f"officer{n}", "officer", ["Interview her", "Refer her"])
    play(handlers, meeting, "judge0", "judge", ["Wait"])
    for n, choice in enumerate(["Refer her", "Refer her", "Wait"]):
        play(handlers, meeting, f"social{n}", "social", ["Talk with her", choice])
    html = play(handlers, meeting, "social3", "social", ["Talk with her", "Refer her"])
    # 1 judge is below 3; with the 3 officers shown, the overall share would give the judge away:
    # the officers are withheld too (the smallest shown group), the 4 social workers shown
    assert tables(html)[STEP2] == [
        ["Choice", "Police officer not shown, to protect a smaller group",
         "Social <i>worker</i> (your role) 4 participants", "Judge fewer than 3 participants: not shown"],
        ["Refer her (your choice)", "not shown", "75%", "not shown"],
        ["Wait", "not shown", "25%", "not shown"],
        [LEAVE, "not shown", "0%", "not shown"]]
    assert lxml_html.fromstring(html).find_class("emm-rp-suppressed")[0].text_content() == "not shown"


def test_roles_are_recorded_with_the_rows_and_a_replay_moves_the_learner(meeting, handlers):
    play(handlers, meeting, "o", "officer", ["Register her"])
    assert sorted(Answer.objects.filter(block_key=meeting).values_list("group", "value", "role")) == [
        ("@ending", "bad", "officer"), ("po", "1", "officer")]
    r = handlers.post(meeting, "restart", {}, student="o")
    assert r.json_body["phase"] == "roles"
    play(handlers, meeting, "o", "social", ["Talk with her", "Refer her"])
    assert summary.role_tallies(meeting) == {"social": {"sw": {"0": 1}, "meet": {"0": 1}, "@ending": {"good": 1}}}
    assert summary.role_tallies(meeting) == role_tallies_from_rows(meeting)


def test_nothing_is_split_or_recorded_when_others_are_not_shown(scenario, handlers):
    uid = scenario(MEETING.replace('show_others="true"', 'show_others="false"'))
    for n in range(4):
        html = play(handlers, uid, f"o{n}", "officer", ["Interview her", "Refer her"])
    assert "<table" not in html and "How the other roles" not in html
    assert not Answer.objects.filter(block_key=uid).exists()
    assert "export_perspectives" not in handlers.view(uid, student="staff_1").content
    # a crafted link gets why, in the facilitator's language, not a file of empty rows
    r = handlers.get(uid, "export_perspectives", student="staff_1", lang="fr")
    assert r.status_code == 409 and r.json()["error"] == "choices_not_kept"
    setting = "«\u00a0Au dénouement, afficher les choix des autres participants (de façon anonyme)\u00a0»"
    assert setting in r.json()["message"]


def test_staff_download_the_split_as_a_formula_safe_csv(meeting, handlers):
    for n, choice in enumerate(["Refer her", "Refer her", LEAVE]):
        play(handlers, meeting, f"officer{n}", "officer", ["Interview her", choice])
    play(handlers, meeting, "social0", "social", ["Talk with her", "Refer her"])
    assert "export_perspectives" in handlers.view(meeting, student="staff_1").content
    assert "export_perspectives" not in handlers.view(meeting, student="officer0").content

    r = handlers.get(meeting, "export_perspectives", student="staff_1")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    assert r["Content-Disposition"] == ("attachment; filename=\"Reunion-de-cas-choices-by-role.csv\"; "
                                        "filename*=UTF-8''R%C3%A9union%20de%20cas%20-%20choices%20by%20role.csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["Node ID", "Narrative", "Answer", "Role", "Participants", "Count", "Percent"]
    # each node by its id, then its narrative as a facilitator reads it: the author's HTML as one
    # line of text, entities decoded
    po = "A girl of 16 arrives alone. Her «uncle» answers."
    assert rows[1:5] == [["po", po, "Interview her", "Police officer", "3", "3", "100"],
                         ["po", po, "Register her", "Police officer", "3", "0", "0"],
                         ["sw", "SW", "Talk with her", "Social <i>worker</i>", "fewer than 3", "", ""],
                         ["meet", "'=1+1 services meet.", "Refer her", "Police officer", "not shown", "", ""]]
    # at "meet" the one social worker is withheld, and the officers with them (secondary rule)
    assert ["meet", "'=1+1 services meet.", "Refer her", "Social <i>worker</i>", "fewer than 3", "", ""] in rows
    assert ["meet", "'=1+1 services meet.", "'" + LEAVE, "Police officer", "not shown", "", ""] in rows  # formula-safe
    assert ["Ending", "", "Good practice", "Police officer", "not shown", "", ""] in rows
    assert all("officer0" not in cell and "student" not in cell for row in rows for cell in row)

    r = handlers.get(meeting, "export_perspectives", student="officer0")
    assert r.status_code == 403 and r.json()["error"] == "staff_only"

    # a French facilitator reads the headings in French
    r = handlers.get(meeting, "export_perspectives", student="staff_1", lang="fr")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["Identifiant de l’étape", "Récit", "Réponse", "Rôle", "Participants", "Nombre", "Pourcentage"]
    assert ["po", po, "Interview her", "Police officer", "3", "3", "100"] in rows


def test_the_demo_s_two_roles_meet_at_their_endings(scenario, handlers):
    """The Assamaka demo (its roles walk separate paths; ``show_others`` on): no decision is split
    by role, the endings are (5 officers, 4 of them protect the girl; 5 social workers, all do)."""
    xml = files("emm_xblocks").joinpath("workbench", "scenarios", "emm_role_play-1-en.xml").read_text("utf-8")
    assert 'show_others="true"' in xml.split(">", 1)[0]
    uid = scenario(xml)
    officer = ["Speak with her apart from the group, with a female colleague and an interpreter",
               "Treat her as a possible victim of trafficking: she is under 18, so no means (threat, deception, "
               "debt) needs to be proven"]
    refer = ("Refer her to child protection at the IOM transit centre and to the social worker, so that her best "
             "interests guide every decision")
    for n in range(4):
        play(handlers, uid, f"officer{n}", "officer", [*officer, refer])
    smuggling = ["Conclude that this is smuggling only: she agreed to travel",
                 "Close the file: smuggling is a crime against the State, not your concern here"]
    play(handlers, uid, "officer4", "officer", [officer[0], *smuggling])
    social = ["Introduce yourself and your organisation, and ask if she would like to talk somewhere quieter",
              "Explain that as a child she has a right to protection and, with her agreement, alert the police child "
              "protection focal point and IOM",
              "Ask that her best interests guide every decision, and that she stays in safe care in the meantime"]
    for n in range(5):
        html = play(handlers, uid, f"social{n}", "social-worker", social)
    found = tables(html)
    # no decision split by role; the demo asks the profile question too (nobody here gave one)
    assert list(found) == [ENDED, "How the scenario ended for the participants of each profile"]
    assert found[ENDED] == [  # the kinds of ending someone reached: no one's was "acceptable"
        ["Role", "Good practice", "Harmful practice"],
        ["Border police officer 5 participants", "80%", "20%"],
        ["Social worker of a civil society organisation (your role) 5 participants", "100%", "0%"]]


def test_staff_get_the_split_for_excel_beside_the_csv(meeting, handlers):
    """The Excel variant (decision 58): the CSV's rows, ";" between cells, formula-safe alike; its
    link beside the CSV's, for staff only."""
    for n, choice in enumerate(["Refer her", "Refer her", LEAVE]):
        play(handlers, meeting, f"officer{n}", "officer", ["Interview her", choice])
    staff = handlers.view(meeting, student="staff_1", lang="fr").content
    assert "export_perspectives/excel" in staff and "CSV pour Excel (;)" in staff
    assert "Excel" not in handlers.view(meeting, student="officer0").content
    plain = handlers.get(meeting, "export_perspectives", student="staff_1", lang="fr")
    excel = handlers.get(meeting, "export_perspectives", student="staff_1", lang="fr", suffix="excel")
    assert excel.status_code == 200 and excel.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(excel.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == list(csv.reader(io.StringIO(plain.content.decode("utf-8-sig"))))
    assert rows[0] == ["Identifiant de l’étape", "Récit", "Réponse", "Rôle", "Participants", "Nombre", "Pourcentage"]
    assert ["meet", "'=1+1 services meet.", "'" + LEAVE, "Police officer", "3", "1", "33"] in rows
    refused = handlers.get(meeting, "export_perspectives", student="officer0", suffix="excel")
    assert refused.status_code == 403 and refused.json()["error"] == "staff_only"
