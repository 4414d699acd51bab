"""Issue 10, "reports never relabel or hide stored answers", through the platform-faithful runtime
(tests/openedx): after an author removes a question, an option or a node learners had answered,
staff still see those answers, apart from the figures and named as what they were -- in the
case study's "how others answered" (staff only) and its staff CSV, and in the role-play's staff CSV
and the LMS's problem-responses report (a role removed since named by its id)."""

import csv
import io

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.role_play import editor as role_play_editor
from tests.integration.platform_blocks import CASE, ROLE_PLAY, SECOND_SINGLE, play
from tests.openedx import problem_responses
from tests.openedx.fixtures import platform  # noqa: F401


def edit(platform, key, module, change):  # noqa: F811
    """Change the content as an author does in Studio, confirming past the warnings."""
    editor = platform.studio_editor(platform.user("author", role="staff"))
    data = module.to_editor(editor.block(key).load_content())
    data.pop("xml", None)
    change(data)
    saved = editor.handle(key, "studio_submit", dict(data, confirm=True))
    assert saved.status == 200, saved.json


def test_case_study_staff_see_answers_to_removed_questions_and_options_apart(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='show_distribution="true" min_group_size="1"', more=SECOND_SINGLE))
    for name in ("ana", "bea"):
        r = platform.lms(platform.user(name)).handle(key, "submit", {"answers": {"q1": "b", "q2": "y"}})
        assert r.status == 200, r.json

    def change(data):
        data["questions"].pop(1)  # q2 removed
        data["questions"][0]["options"][1]["id"] = "beta"  # option b renamed

    edit(platform, key, case_editor, change)
    staff = platform.lms(platform.user("sam", role="staff")).handle(key, "submit", {"answers": {"q1": "a"}})
    assert staff.status == 200, staff.json
    [removed_questions, removed_options] = staff.json["distribution"]["apart"]
    assert removed_questions["title"] == "Answers to removed questions"
    assert removed_questions["rows"] == [{"id": "q2", "text": "q2", "n": 2, "answers": [{"value": "y", "count": 2}]}]
    assert removed_options["rows"] == [{"id": "q1", "text": "Question 1: Pick one.", "n": 2,
                                        "answers": [{"value": "b", "count": 2}]}]
    html = staff.json["html"]
    assert "Answers to removed questions" in html and "Answers to removed options" in html
    assert "Shown to course staff only" in html

    learner = platform.lms(platform.user("cat")).handle(key, "submit", {"answers": {"q1": "a"}})
    assert learner.status == 200 and learner.json["distribution"]["apart"] == []
    assert "Answers to removed" not in learner.json["html"]


def test_role_play_staff_csv_keeps_the_choices_made_at_a_removed_node(platform):  # noqa: F811
    key = platform.add(ROLE_PLAY.format(extra='min_group_size="1" show_others="true"'))
    for name in ("ana", "bea"):
        play(platform.lms(platform.user(name)), key, ["Listen first", "Finish"])

    def change(data):
        data["nodes"].pop(1)  # n-mid removed: "Listen first" now ends the scenario
        data["nodes"][0]["choices"][0]["goto"] = "n-end"

    edit(platform, key, role_play_editor, change)
    r = platform.lms(platform.user("sam", role="staff")).handle(key, "export_perspectives", method="GET")
    assert r.status == 200, r.body[:300]
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
    # the node's id as stored, and what a facilitator reads: it is gone, so no narrative
    assert ["n-mid", "Removed node", "Choice 1", "Officer", "2", "2", "100"] in rows
    assert ["n-start", "START-TEXT", "Listen first", "Officer", "2", "2", "100"] in rows  # the figures as before


MULTIPLE_FORMULA = """
  <question id="-sum" type="multiple" points="1">
    <prompt><![CDATA[<p>Tick some.</p>]]></prompt>
    <option id="m1" correct="true">One</option>
    <option id="m2">Two</option>
  </question>
"""


def test_case_study_staff_csv_keeps_the_answers_to_removed_questions_and_options_formula_safe(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='show_distribution="true" min_group_size="2"',
                                   more=SECOND_SINGLE + MULTIPLE_FORMULA))
    for name, pick in (("ana", "b"), ("bea", "b"), ("cat", "a")):
        r = platform.lms(platform.user(name)).handle(
            key, "submit", {"answers": {"q1": pick, "q2": "y", "-sum": ["m1", "m2"]}})
        assert r.status == 200, r.json

    def change(data):
        data["questions"] = data["questions"][:1]  # q2 and -sum removed
        data["questions"][0]["options"][1]["id"] = "beta"  # option b renamed

    edit(platform, key, case_editor, change)
    r = platform.lms(platform.user("sam", role="staff")).handle(key, "export_distribution", method="GET")
    assert r.status == 200, r.body[:300]
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
    assert rows[0] == ["Question ID", "Question", "Answer", "Profile", "Participants", "Count", "Percent"]
    # the figures as the case asks now: q1's answers on its current options only, its prompt as text
    assert rows[1:3] == [["q1", "Pick one.", "Alpha", "All participants", "1", "1", "100"],
                         ["q1", "Pick one.", "Beta", "All participants", "1", "0", "0"]]
    # then every answer no figure counts, its question's id as it was stored (a spreadsheet formula
    # never run), and "Removed question" where there is no prompt left to read
    assert rows[3:] == [
        ["'-sum", "Removed question", "m1", "All participants", "", "3", ""],
        ["'-sum", "Removed question", "m2", "All participants", "", "3", ""],
        ["q2", "Removed question", "y", "All participants", "", "3", ""],
        ["q1", "Pick one.", "b (removed option)", "All participants", "", "2", ""],
    ]

    learner = platform.lms(platform.user("ana")).handle(key, "export_distribution", method="GET")
    assert learner.status == 403 and learner.json["error"] == "staff_only"


def test_role_play_staff_csv_and_lms_report_list_a_removed_roles_answers_under_its_id(platform):  # noqa: F811
    officer = '<role id="r1" start="n-start">Officer</role>'
    two_roles = ROLE_PLAY.replace(officer, officer + '<role id="r2" start="n-start">Nurse</role>')
    key = platform.add(two_roles.format(extra='min_group_size="1" show_others="true"'), platform.subsection())
    for name in ("ana", "bea"):
        play(platform.lms(platform.user(name)), key, ["Listen first", "Finish"], role="r2")
    play(platform.lms(platform.user("cat")), key, ["Refer at once"])

    def change(data):
        data["roles"].pop(1)  # the nurse's role removed

    edit(platform, key, role_play_editor, change)
    r = platform.lms(platform.user("sam", role="staff")).handle(key, "export_perspectives", method="GET")
    assert r.status == 200, r.body[:300]
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
    assert ["n-start", "START-TEXT", "Refer at once", "Officer", "1", "1", "100"] in rows  # the figures as before
    assert [row for row in rows if row[3] == "r2 (removed role)"] == [
        ["n-start", "START-TEXT", "Listen first", "r2 (removed role)", "2", "2", "100"],
        ["n-start", "START-TEXT", "Refer at once", "r2 (removed role)", "2", "0", "0"],
        ["n-mid", "MID-TEXT", "Finish", "r2 (removed role)", "2", "2", "100"],
        ["Ending", "", "Good practice", "r2 (removed role)", "2", "2", "100"],
    ]

    rows, _columns = problem_responses(platform, key)
    names = {row["username"]: (row["role"], row["Role name"]) for row in rows}
    assert names == {"ana": ("r2", "r2 (removed role)"), "bea": ("r2", "r2 (removed role)"), "cat": ("r1", "Officer")}
