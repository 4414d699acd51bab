"""Session 12 trial (B2, B3, C2, C3): what a learner sees after the author edits a block they
already answered ("Save anyway"), through the platform-faithful runtime (tests/openedx): the page
shows the grade that counts, their own answers, their finished path; the editor warns first."""

import json
import re

from emm_xblocks.case_study import editor as case_editor
from tests.integration.platform_blocks import CASE
from tests.openedx import rescore
from tests.openedx.fixtures import platform  # noqa: F401


def form(platform, key, module):  # noqa: F811
    author = platform.user("author", role="staff")
    return module.to_editor(platform.studio_editor(author).block(key).load_content())


def save(platform, key, data, **extra):  # noqa: F811
    return platform.studio_editor(platform.user("author", role="staff")).handle(key, "studio_submit", {**data, **extra})


# ------------------------------------------------------------------ B3: the case study's grade after a key change
def test_after_the_key_changed_the_case_study_page_shows_the_grade_kept_until_staff_rescore(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='attempts_allowed="3" grade_policy="last"', more=""),
                       platform.subsection(graded=True))
    nadia = platform.user("nadia")
    assert platform.lms(nadia).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200  # wrong: 0 of 2
    data = form(platform, key, case_editor)
    for option in data["questions"][0]["options"]:
        option["correct"] = option["id"] == "b"
    data["questions"][0]["points"] = 5
    assert save(platform, key, data).status == 409
    assert save(platform, key, data, confirm=True).status == 200

    html = platform.lms(nadia).html(key)
    assert platform.gradebook(nadia, key)["raw_earned"] == 0.0  # the grade kept, as the warning said
    assert "Your grade: 0 points out of 2." in html
    assert "Submitted: 5 points out of 5" not in html
    assert ("Your grade is the one the course recorded: 0 points out of 2. "
            "It can differ from these results, for example if the "
            "answer key changed after you submitted, until the course team rescores.") in html
    # which attempt counts, and what a new one can cost, name the same grade
    assert "Your last attempt counts for your grade." in html
    assert "5 points out of 5" not in html
    # what a page asks again after a lost reply says the same
    state = platform.lms(nadia).handle(key, "state", {}).json
    assert state["message"] == "Your grade: 0 points out of 2." and "data-grade-held" in state["html"]

    assert rescore(platform, key, only_if_higher=False) == {"nadia": "succeeded"}
    html = platform.lms(nadia).html(key)
    assert "Submitted: 5 points out of 5." in html and "Your grade is the one the course recorded" not in html


# ------------------------------------------------------------------ C3: a chosen option removed or renamed
MULTIPLE = """
  <question id="q2" type="multiple" points="3">
    <prompt><![CDATA[<p>Pick the right ones.</p>]]></prompt>
    <option id="x" correct="true">Ex</option>
    <option id="y" correct="true">Why</option>
    <option id="z">Zed</option>
  </question>
"""


def test_a_learner_s_answer_to_an_option_removed_or_renamed_since_is_still_shown(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='attempts_allowed="2"', more=MULTIPLE))
    lea = platform.user("lea")
    assert platform.lms(lea).handle(key, "submit", {"answers": {"q1": "b", "q2": ["x", "y"]}}).status == 200
    data = form(platform, key, case_editor)
    data["questions"][0]["options"].append({"id": "c", "text": "Gamma", "correct": False, "feedback": ""})
    del data["questions"][0]["options"][1]  # "b", the learner's answer
    data["questions"][1]["options"][1]["id"] = "why"  # "y" renamed
    refused = save(platform, key, data)
    assert refused.status == 409
    said = {p["field"]: p["message"] for p in refused.json["problems"]}
    assert "their own results show that answer as an option removed since" in said["questions.0.options"]
    assert "their own results show that answer as an option removed since" in said["questions.1.options.1.id"]
    assert save(platform, key, data, confirm=True).status == 200

    html = platform.lms(lea).html(key)
    removed = "Your answer: <bdi>an option removed since you answered</bdi>"
    q1 = html[html.index('data-result="q1"'):html.index('data-result="q2"')]
    q2 = html[html.index('data-result="q2"'):]
    assert removed in q1
    assert "Your answer: <bdi>Ex</bdi>" in q2 and removed in q2  # the renamed one has no text the learner chose


# ------------------------------------------------------------------ C2: a finished role-play after a step is removed
def test_a_learner_who_finished_keeps_their_result_when_a_step_of_their_path_is_removed(platform):  # noqa: F811
    from emm_xblocks.role_play import editor as role_play_editor
    from tests.integration.platform_blocks import ROLE_PLAY, play

    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="3"'), platform.subsection(graded=True))
    rita = platform.user("rita")
    play(platform.lms(rita), key, ["Listen first", "Finish"])  # 2 of the 3 points the best path earns
    assert platform.gradebook(rita, key)["raw_earned"] == 2 / 3
    data = form(platform, key, role_play_editor)
    del data["xml"]  # the form's structure, not its "Edit as XML" tab
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "n-mid"]
    for node in data["nodes"]:
        for choice in node.get("choices", []):
            if choice.get("goto") == "n-mid":
                choice["goto"] = "n-end"
    refused = save(platform, key, data)
    assert refused.status == 409, refused.json
    [warning] = [p["message"] for p in refused.json["problems"] if p["field"] == "nodes"]
    assert "learners who finished keep their result (their path shown as far as it still exists)" in warning
    assert save(platform, key, data, confirm=True).status == 200

    for _visit in range(2):  # a view writes nothing: the second visit reads the same
        html = platform.lms(rita).html(key)
        assert "you start again at the beginning of your role" not in html
        assert ("The scenario was changed since you finished it: your result is kept, and your path is shown as far "
                "as it still exists.") in html
        assert "The scenario has ended. Your score: 67%." in html  # what it earned, as the grade holds it
        assert "DEBRIEF-TEXT" in html and "START-TEXT" not in html  # the ending reached, not step 1
        path = html[html.index("Your path"):html.index("The best path")]
        assert "Listen first" in path
        assert "Start again" in html and "2 attempts left" in html
    assert platform.state(rita, key)["ended"] is True and platform.gradebook(rita, key)["raw_earned"] == 2 / 3
    state = platform.lms(rita).handle(key, "state", {}).json  # what the page asks after a lost reply
    assert "your result is kept" in state["html"] and "Your score: 67%" in state["announcement"]

    # later, the author adds a step and names it "n-mid" again (``common.retired``): held at its id,
    # and "Save anyway" gives it another, with the choice that leads to it; her path stays hers
    data = form(platform, key, role_play_editor)
    del data["xml"]
    data["nodes"].insert(1, {"id": "n-mid", "narrative": "<p>OTHER-TEXT</p>",
                             "choices": [{"label": "Carry on", "goto": "n-end", "points": 0}]})
    data["nodes"][0]["choices"][0]["goto"] = "n-mid"
    refused = save(platform, key, data)
    assert refused.status == 409, refused.json
    [warning] = [p["message"] for p in refused.json["problems"] if p["field"] == "nodes.1.id"]
    assert "“MID-TEXT”" in warning and "the id “n-mid-2”" in warning
    assert save(platform, key, data, confirm=True).status == 200
    exported = platform.export(key)
    assert '<node id="n-mid-2">' in exported and '<choice goto="n-mid-2" points="2">Listen first' in exported
    html = platform.lms(rita).html(key)
    path = html[html.index("Your path"):html.index("The best path")]
    assert "Listen first" in path and "Carry on" not in path and "your path is shown as far" in html


def test_after_the_key_changed_the_apps_get_the_case_study_grade_kept_until_staff_rescore(platform):  # noqa: F811
    """The mobile apps' state (``student_view_user_state``) names the grade as the page does."""
    key = platform.add(CASE.format(extra='attempts_allowed="3" grade_policy="last"', more=""),
                       platform.subsection(graded=True))
    nadia = platform.user("nadia")
    assert platform.lms(nadia).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200  # wrong: 0 of 2
    apps = platform.lms(nadia).handle(key, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"], apps["grade_held"]) == (0.0, 2.0, False)
    data = form(platform, key, case_editor)
    for option in data["questions"][0]["options"]:
        option["correct"] = option["id"] == "b"
    data["questions"][0]["points"] = 5
    assert save(platform, key, data, confirm=True).status == 200

    apps = platform.lms(nadia).handle(key, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"], apps["grade_held"]) == (0.0, 2.0, True)  # not 5 of 5
    assert rescore(platform, key, only_if_higher=False) == {"nadia": "succeeded"}
    apps = platform.lms(nadia).handle(key, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"], apps["grade_held"]) == (5.0, 5.0, False)


def test_after_the_points_changed_the_role_play_names_the_grade_the_course_kept_until_staff_rescore(platform):  # noqa: F811
    """As the case study's (B3): an author changes a choice's points after a learner finished ("Save
    anyway"): the LMS keeps the grade it recorded (decision 10), and the debrief and the apps say
    that one counts, not what the new points would give, until staff rescore."""
    from emm_xblocks.role_play import editor as role_play_editor
    from tests.integration.platform_blocks import ROLE_PLAY, play

    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="3"'), platform.subsection(graded=True))
    rita = platform.user("rita")
    play(platform.lms(rita), key, ["Listen first", "Finish"])  # 2 of the 3 points the best path earns
    apps = platform.lms(rita).handle(key, "student_view_user_state", method="GET").json
    assert (round(apps["score"], 4), apps["grade_held"]) == (0.6667, False)
    data = form(platform, key, role_play_editor)
    del data["xml"]
    data["nodes"][0]["choices"][0]["points"] = 0  # "Listen first" now earns nothing
    refused = save(platform, key, data)
    assert refused.status == 409 and refused.json["error"] == "answers_touched"
    said = {p["field"]: p["message"] for p in refused.json["problems"]}
    assert said == {"nodes.0.choices.0.points": "Node “n-start”, choice 1: its points were 2. Learners who already "
                                                "answered keep the score they were given until staff rescore."}
    assert save(platform, key, data, confirm=True).status == 200

    html = platform.lms(rita).html(key)
    assert platform.gradebook(rita, key)["raw_earned"] == 2 / 3  # the grade kept, as the warning said
    assert ("Your grade is the one the course recorded: 67%. It can differ from these results, for example if "
            "the points of the choices changed after you finished, until the course team rescores.") in html
    apps = platform.lms(rita).handle(key, "student_view_user_state", method="GET").json
    assert (round(apps["score"], 4), apps["grade_held"]) == (0.6667, True)  # not 0: what the course holds
    state = platform.lms(rita).handle(key, "state", {}).json  # what the page asks after a lost reply
    assert "data-grade-held" in state["html"]

    assert rescore(platform, key, only_if_higher=False) == {"rita": "succeeded"}
    html = platform.lms(rita).html(key)
    assert "Your grade is the one the course recorded" not in html
    apps = platform.lms(rita).handle(key, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["grade_held"]) == (0.0, False)


SAME_TARGET = """
<emm_role_play display_name="Role-play" attempts_allowed="3">
  <role id="r1" start="n-start">Officer</role>
  <node id="n-start"><narrative><![CDATA[<p>START-TEXT</p>]]></narrative>
    <choice goto="n-end" points="1">Ask for her papers</choice>
    <choice goto="n-end" points="3">Listen first</choice>
  </node>
  <node id="n-end" ending="true" category="good"><narrative><![CDATA[<p>END-TEXT</p>]]></narrative></node>
</emm_role_play>
"""


def test_a_finished_role_play_keeps_the_choice_made_when_the_author_moves_the_node_s_choices(platform):  # noqa: F811
    """Bug hunt (course's life): an author moves "Listen first" to the top of its node ("Save anyway";
    the warning speaks of "how others chose" only) after a learner ended with "Ask for her papers"
    (1 of 3 points). An ended attempt keeps its choices by their place (``taken``), and both lead
    to the same node, so its path is still "valid": the debrief now says the learner chose
    "Listen first", and the next rescore (staff fixing anything else) gives them full marks for
    the choice they did not make (``scoring.attempt_score`` with the current points)."""
    from emm_xblocks.role_play import editor as role_play_editor
    from tests.integration.platform_blocks import play

    key = platform.add(SAME_TARGET, platform.subsection(graded=True))
    rita = platform.user("rita")
    play(platform.lms(rita), key, ["Ask for her papers"])
    assert platform.gradebook(rita, key)["raw_earned"] == 1 / 3
    data = form(platform, key, role_play_editor)
    del data["xml"]
    data["nodes"][0]["choices"].reverse()  # "Listen first" first
    assert save(platform, key, data, confirm=True).status == 200

    html = platform.lms(rita).html(key)
    path = html[html.index("Your path"):]
    path = path[:path.index("The best path")] if "The best path" in path else path
    shown_ok = "Ask for her papers" in path and "Listen first" not in path  # what she chose
    assert rescore(platform, key, only_if_higher=False) == {"rita": "succeeded"}
    assert platform.gradebook(rita, key)["raw_earned"] == 1 / 3  # her choice earns 1 of 3, as before
    assert shown_ok, path


def test_a_finished_role_play_whose_choice_was_removed_keeps_its_score_and_names_no_other(platform):  # noqa: F811
    """Decision 89: the author removes "Ask for her papers", the choice rita ended with (1 of 3);
    "Listen first" (3 points) now holds its place and leads to the same node. Her attempt keeps the
    score it earned, a rescore too, and her path names no choice she did not make; the author was
    told so, and that grades stay as recorded until staff rescore."""
    from emm_xblocks.role_play import editor as role_play_editor
    from tests.integration.platform_blocks import play

    key = platform.add(SAME_TARGET, platform.subsection(graded=True))
    rita = platform.user("rita")
    play(platform.lms(rita), key, ["Ask for her papers"])
    data = form(platform, key, role_play_editor)
    del data["xml"]
    del data["nodes"][0]["choices"][0]
    refused = save(platform, key, data)
    assert refused.status == 409
    [said] = [p["message"] for p in refused.json["problems"] if p["field"] == "nodes.0.choices"]
    assert ("Each learner's own path keeps the choices they made: a learner who finished with a choice removed or "
            "relabelled since keeps the score they earned. Learners who already answered keep the score they were "
            "given until staff rescore.") in said
    assert save(platform, key, data, confirm=True).status == 200

    html = platform.lms(rita).html(key)
    assert "your result is kept" in html and "Your score: 33%" in html
    path = html[html.index("Your path"):]
    assert "Listen first" not in path[:path.index("The best path")]
    assert rescore(platform, key, only_if_higher=False) == {"rita": "succeeded"}
    assert platform.gradebook(rita, key)["raw_earned"] == 1 / 3


EDITOR_IDS = """
<emm_case_study display_name="Case">
  <narrative><![CDATA[<p>Public narrative.</p>]]></narrative>
  <question id="q1" type="single" points="2">
    <prompt><![CDATA[<p>What do you do first?</p>]]></prompt>
    <option id="o1" correct="true">Listen to her</option>
    <option id="o2">Detain her</option>
    <option id="o3">Call the embassy</option>
  </question>
</emm_case_study>
"""


def editor_next_id(used, stem):
    """``EmmEditor.nextId`` (static/js/emm-editor.js), which names a row the author adds: the first
    ``stem + n`` the form does not hold."""
    n = 1
    while f"{stem}{n}" in used:
        n += 1
    return f"{stem}{n}"


def test_an_option_added_under_the_id_of_an_option_removed_with_answers_is_held_as_the_likert_holds_it(platform):  # noqa: F811
    """Bug hunt (course's life): the author removes "Detain her" (o2) after learners chose it ("Save
    anyway": their results show "an option removed since you answered"). Later the author adds an
    option; the editor names it with the first free id, "o2" again. The save is not held and says
    nothing (``case_study.changes`` matches options by id: o2 is new to it), and the answers given to
    "Detain her" are now counted for, and shown to the learners as, the new option. The Likert
    holds the same case (a removed statement asked again under its id, ``likert.changes``). Fixed
    (decision 91, ``common.retired``): held at the new option's id, "Save anyway" gives it another,
    the editor skips the ids that hold answers, and the old words under the old id bring it back."""
    from emm_xblocks.case_study import editor as case_editor_module

    key = platform.add(EDITOR_IDS)
    lea = platform.user("lea")
    assert platform.lms(lea).handle(key, "submit", {"answers": {"q1": "o2"}}).status == 200
    data = form(platform, key, case_editor_module)
    del data["questions"][0]["options"][1]  # "Detain her" removed
    assert save(platform, key, data).status == 409
    assert save(platform, key, data, confirm=True).status == 200
    assert "an option removed since you answered" in platform.lms(lea).html(key)

    data = form(platform, key, case_editor_module)
    options = data["questions"][0]["options"]
    new_id = editor_next_id([o["id"] for o in options], "o")
    assert new_id == "o2"  # the editor gives the freed id again
    options.append({"id": new_id, "text": "Refer her to protection services", "correct": False, "feedback": ""})
    r = save(platform, key, data)
    html = platform.lms(lea).html(key)
    mine = html[html.index("Your answer"):][:200]
    assert r.status == 409 and r.json["error"] == "answers_touched", (r.status, r.json, mine)
    assert [p["field"] for p in r.json["problems"]] == ["questions.0.options.2.id"]
    assert "“Detain her”" in r.json["problems"][0]["message"] and "the id “o4”" in r.json["problems"][0]["message"]

    # "Save anyway": the new option takes another id, and the answers to "Detain her" stay apart
    assert save(platform, key, data, confirm=True).status == 200
    author = platform.studio_editor(platform.user("author", role="staff"))
    case = author.block(key).load_content()
    assert [(o.id, o.text) for o in case.questions[0].options] == [
        ("o1", "Listen to her"), ("o3", "Call the embassy"), ("o4", "Refer her to protection services")]
    html = platform.lms(lea).html(key)
    mine = html[html.index("Your answer"):][:400]
    assert "an option removed since you answered" in mine and "Refer her" not in mine
    # the editor names the next option past the ids that hold answers
    args = json.loads(re.search(r'<script type="json/xblock-args" class="xblock-json-init-args">(.*?)</script>',
                                author.render(key).body_html(), re.S).group(1))
    assert args["retired_ids"] == {"options": ["o2"]} and "retired_ids" not in args["content"]

    # the author brings "Detain her" back under o2: hers again, nothing held
    data = form(platform, key, case_editor_module)
    data["questions"][0]["options"].append({"id": "o2", "text": "Detain her", "correct": False, "feedback": ""})
    assert save(platform, key, data).status == 200
    assert "an option removed since you answered" not in platform.lms(lea).html(key)
    assert author.block(key).load_content().retired_ids == ()


# ------------------------------------------------------------------ bug hunt s45: a choice question added since
def _distribution(platform, key):  # noqa: F811
    """The staff's "how participants answered" CSV, ``{(question id, option text): (participants, count, percent)}``."""
    import csv
    import io

    r = platform.lms(platform.user("staff_1", role="staff")).handle(key, "export_distribution", method="GET")
    assert r.status == 200, r.body[:300]
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))[1:]
    return {(row[0], row[2]): tuple(row[4:7]) for row in rows if row[3] == "All participants"}


def test_a_multiple_choice_question_added_since_is_shared_among_those_who_answered_it(platform):  # noqa: F811
    """Bug hunt s45 (a facilitator between two training days): six participants answered the case on
    day 1; the author added a multiple-choice question; the four who answered on day 2 all ticked
    "Ex". "How other participants answered" and its CSV said 4 of 10 participants, 40 %: the six
    who were never asked the question counted in its denominator (a single-choice question added
    since is shared among those who answered it, ``perspectives.answered``)."""
    key = platform.add(CASE.format(extra='show_distribution="true" min_group_size="3"', more=""))
    for i in range(6):
        assert platform.lms(platform.user(f"day1_{i}")).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    data = form(platform, key, case_editor)
    data["questions"].append({"id": "q2", "kind": "multiple", "prompt": "<p>Pick the right ones.</p>", "points": 1,
                              "explanation": "<p>Why.</p>",
                              "options": [{"id": "x", "text": "Ex", "correct": True, "feedback": ""},
                                          {"id": "y", "text": "Why", "correct": False, "feedback": ""}]})
    assert save(platform, key, data, confirm=True).status == 200
    for i in range(4):
        r = platform.lms(platform.user(f"day2_{i}")).handle(key, "submit", {"answers": {"q1": "a", "q2": ["x"]}})
        assert r.status == 200, r.json
    shown = _distribution(platform, key)
    assert shown[("q1", "Alpha")] == ("10", "10", "100")
    assert shown[("q2", "Ex")] == ("4", "4", "100")  # was ("10", "4", "40")


def test_a_choice_question_whose_kind_changed_once_answered_asks_first(platform):  # noqa: F811
    """Bug hunt s45: a single-choice question made multiple-choice once answered saved at once, with no
    warning; its six answers then left "how other participants answered" without being listed apart
    (they are kept under the question's id, a multiple-choice question's under ``<id>.<option>``),
    while its shares were still of all ten participants: "Ex" read 40 % where all ten chose it."""
    key = platform.add(CASE.format(extra='show_distribution="true" min_group_size="3"', more=MULTIPLE.replace(
        'type="multiple"', 'type="single"').replace('<option id="y" correct="true">', '<option id="y">')))
    for i in range(6):
        r = platform.lms(platform.user(f"day1_{i}")).handle(key, "submit", {"answers": {"q1": "a", "q2": "x"}})
        assert r.status == 200, r.json
    data = form(platform, key, case_editor)
    data["questions"][1]["kind"] = "multiple"
    refused = save(platform, key, data)
    assert refused.status == 409, refused.json  # was 200: saved, nothing said
    said = {p["field"]: p["message"] for p in refused.json["problems"]}
    assert said["questions.1.kind"].startswith("Question 2 was a single-choice question: the answers given to it as "
                                               "one no longer count in “how others answered” (course staff see them "
                                               "apart).")
    assert save(platform, key, data, confirm=True).status == 200
    for i in range(4):
        r = platform.lms(platform.user(f"day2_{i}")).handle(key, "submit", {"answers": {"q1": "a", "q2": ["x"]}})
        assert r.status == 200, r.json
    shown = _distribution(platform, key)
    assert shown[("q2", "Ex")] == ("4", "4", "100")  # of the four asked it as multiple-choice
    # the six answers given as single-choice, listed apart (they were counted nowhere, said nowhere)
    assert shown[("q2", "x (given before the question's kind changed)")] == ("", "6", "")
    staff = platform.lms(platform.user("staff_1", role="staff")).handle(key, "submit", {"answers": {
        "q1": "a", "q2": ["x"]}}).json
    [apart] = staff["distribution"]["apart"]
    assert apart["title"] == "Answers given before their question's kind changed"
    assert apart["rows"] == [{"id": "q2", "text": "Question 2: Pick the right ones.", "n": 6,
                              "answers": [{"value": "x", "count": 6}]}]
    assert "given before their question&#x27;s kind changed" in staff["html"]
    # and back: made single-choice again, the same warning the other way
    data["questions"][1]["kind"] = "single"
    assert "Question 2 was a multiple-choice question" in save(platform, key, data).json["problems"][0]["message"]
