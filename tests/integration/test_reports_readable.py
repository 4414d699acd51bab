"""Issue 10, "reports never relabel or hide stored answers", in the LMS's problem-responses report,
built as ``lms/djangoapps/instructor_task/tasks_helper/grades.py`` (``ProblemResponses``) builds it
(``tests.openedx.instructor.problem_responses`` follows that file): every block's answers read as
the learner gave them -- a Likert answer as its points and its label on the scale it was answered
on, a case-study option by its text, a role-play choice by its label -- and an answer to a
statement, question, option or node the author removed since stays in the report, named as such."""

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.role_play import editor as role_play_editor
from tests.integration.platform_blocks import CASE, LIKERT, ROLE_PLAY, SECOND_SINGLE, play
from tests.openedx import problem_responses
from tests.openedx.fixtures import platform  # noqa: F401


def edit(platform, key, module, change):  # noqa: F811
    """Change the stored content as an author does in Studio, confirming past the warnings."""
    editor = platform.studio_editor(platform.user("author", role="staff"))
    data = module.to_editor(editor.block(key).load_content())
    data.pop("xml", None)
    change(data)
    saved = editor.handle(key, "studio_submit", dict(data, confirm=True))
    assert saved.status == 200, saved.json


def by_user(rows):
    return {row["username"]: row for row in rows}


def test_likert_answers_read_with_the_label_of_the_scale_they_were_given_on(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    answers = {"relevance": 3, "pace": 2, "applicability": "na"}
    assert platform.lms(platform.user("ana")).handle(key, "submit", {"answers": answers}).status == 200
    rows, columns = problem_responses(platform, key)
    ana = by_user(rows)["ana"]
    assert (ana["relevance"], ana["pace"], ana["applicability"]) == (
        "3 Neither agree nor disagree", "2 Disagree", "N/A")
    assert ana["pace (reverse-coded, rescored)"] == "4"
    assert "Scale" not in columns  # one scale only: nothing to tell apart

    edit(platform, key, likert_editor, lambda d: d.update(scale="agree4"))
    answers = {"relevance": 3, "pace": 2, "applicability": 4}
    assert platform.lms(platform.user("bea")).handle(key, "submit", {"answers": answers}).status == 200
    rows, columns = problem_responses(platform, key)
    ana, bea = by_user(rows)["ana"], by_user(rows)["bea"]
    assert columns.index("Scale") < columns.index("relevance")
    # ana's "3" is still "Neither", never relabelled "Agree" by the new scale
    assert (ana["Scale"], ana["relevance"], ana["pace"]) == (
        "Agreement, 5 points", "3 Neither agree nor disagree", "2 Disagree")
    assert ana["pace (reverse-coded, rescored)"] == ""  # no figure counts an answer on an earlier scale
    assert (bea["Scale"], bea["relevance"], bea["applicability"]) == (
        "Agreement, 4 points (no neutral)", "3 Agree", "4 Strongly agree")
    assert bea["pace (reverse-coded, rescored)"] == "3"


def test_likert_answers_to_a_removed_statement_stay_in_the_report(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    answers = {"relevance": 5, "pace": 2, "applicability": 4}
    assert platform.lms(platform.user("ana")).handle(key, "submit", {"answers": answers}).status == 200
    edit(platform, key, likert_editor, lambda d: d["statements"].pop(2))
    rows, columns = problem_responses(platform, key)
    ana = by_user(rows)["ana"]
    assert "applicability" not in columns
    assert ana["applicability (removed statement)"] == "4 Agree"
    assert columns.index("applicability (removed statement)") > columns.index("pace")


def test_case_study_answers_to_a_removed_question_or_option_stay_in_the_report(platform):  # noqa: F811
    key = platform.add(CASE.format(extra="", more=SECOND_SINGLE), platform.subsection())
    submitted = platform.lms(platform.user("ana")).handle(key, "submit", {"answers": {"q1": "b", "q2": "y"}})
    assert submitted.status == 200, submitted.json
    rows, _columns = problem_responses(platform, key)
    assert [(r["Question ID"], r["Answer"]) for r in rows] == [("q1", "Beta"), ("q2", "Why")]

    def change(data):
        data["questions"].pop(1)  # q2 removed
        data["questions"][0]["options"][1]["id"] = "beta"  # option b renamed

    edit(platform, key, case_editor, change)
    rows, _columns = problem_responses(platform, key)
    assert [(r["Question ID"], r["Question"], r["Answer"], r["Points"]) for r in rows] == [
        ("q1", "Pick one.", "b (removed option)", "0/2"),
        ("q2", "Removed question", "y", ""),
    ]


def test_role_play_rows_name_the_role_and_the_choices_as_learners_read_them(platform):  # noqa: F811
    key = platform.add(ROLE_PLAY.format(extra=""), platform.subsection())
    play(platform.lms(platform.user("ana")), key, ["Listen first", "Finish"])
    rows, columns = problem_responses(platform, key)
    ana = by_user(rows)["ana"]
    assert (ana["role"], ana["Role name"]) == ("r1", "Officer")
    assert ana["path"] == "n-start > n-mid > n-end" and ana["Choices"] == "Listen first > Finish"
    assert columns.index("Role name") > columns.index("score")

    def change(data):
        data["nodes"][1]["id"] = "n-middle"  # the node ana passed renamed
        data["nodes"][0]["choices"][0]["goto"] = "n-middle"

    edit(platform, key, role_play_editor, change)
    ana = by_user(problem_responses(platform, key)[0])["ana"]
    assert ana["Choices"] == "Listen first > n-mid #0"  # as stored: never hidden
