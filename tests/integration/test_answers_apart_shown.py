"""Issue 10, "reports never relabel or hide stored answers", through the platform-faithful runtime
(tests/openedx): after an author removes a question, an option or a node learners had answered,
staff still see those answers, apart from the figures and named as what they were -- in the
case study's "how others answered" (staff only) and in the role-play's staff CSV."""

import csv
import io

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.role_play import editor as role_play_editor
from tests.integration.platform_blocks import CASE, ROLE_PLAY, SECOND_SINGLE, play
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
    assert ["n-mid (removed node)", "Choice 1", "Officer", "2", "2", "100"] in rows
    assert ["n-start", "Listen first", "Officer", "2", "2", "100"] in rows  # the figures as before
