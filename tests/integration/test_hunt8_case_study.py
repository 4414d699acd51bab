"""Bug hunt 8: the case study from an author's and a learner's side, through the platform-faithful
runtime (tests/openedx)."""

from emm_xblocks.case_study import editor as case_editor
from tests.integration.platform_blocks import CASE, REFLECTION
from tests.openedx import rescore
from tests.openedx.fixtures import platform  # noqa: F401


def editor_form(platform, key):  # noqa: F811
    return case_editor.to_editor(platform.studio_editor(platform.user("author", role="staff")).block(key)
                                 .load_content())


def save(platform, key, data, **extra):  # noqa: F811
    return platform.studio_editor(platform.user("author", role="staff")).handle(key, "studio_submit", {**data, **extra})


def test_a_key_point_added_after_learners_self_assessed_is_held_as_a_changed_key(platform):  # noqa: F811
    """A reflection's key point added once learners ticked all of its key points lowers their score at
    the next rescore (1 of 1 ticked, then 1 of 2), and they cannot tick the new one (the attempt is
    assessed): a change of the answer key, which the editor holds as it holds a changed correct option."""
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=REFLECTION), platform.subsection(graded=True))
    nadia = platform.user("nadia")
    lms = platform.lms(nadia)
    assert lms.handle(key, "submit", {"answers": {"q1": "a", "q3": "Interview each one apart."}}).status == 200
    assert lms.handle(key, "self_assess", {"ticks": {"q3": ["k1"]}}).status == 200
    assert platform.gradebook(nadia, key)["raw_earned"] == 4.0
    data = editor_form(platform, key)
    data["questions"][1]["key_points"].append({"id": "k2", "text": "Refer to child protection"})
    refused = save(platform, key, data)
    assert refused.status == 409, "the save touched a self-assessed learner's score without a word"
    warning = {p["field"]: p["message"] for p in refused.json["problems"]}["questions.1.key_points.1.text"]
    assert "could not tick it" in warning and warning.endswith("keep the score they were given until staff rescore.")
    # what the warning says: "Save anyway", then a rescore counts the new key point as not ticked
    assert save(platform, key, data, confirm=True).status == 200
    assert platform.gradebook(nadia, key)["raw_earned"] == 4.0
    assert rescore(platform, key, only_if_higher=False) == {"nadia": "succeeded"}
    assert platform.gradebook(nadia, key)["raw_earned"] == 3.0


def test_the_report_names_the_attempt_that_counts_by_its_number_after_fifty_attempts(platform):  # noqa: F811
    """Attempts without limit: past 50 only 49 recent ones and the best are kept (``kept_attempts``).
    The LMS's "problem responses" report's ``Attempt`` column must still be the attempt's number,
    as the learner's page and the tracking log number it (attempt 52), not its place in what is kept."""
    from tests.openedx.instructor import problem_responses

    key = platform.add(CASE.format(extra='grade_policy="last"', more=""), platform.subsection(graded=True))
    lea = platform.user("lea")
    lms = platform.lms(lea)
    for n in range(1, 53):
        answer = "a" if n == 52 else "b"
        result = lms.handle(key, "submit", {"answers": {"q1": answer}})
        assert result.status == 200 and result.json["attempt"] == n
        if n < 52:
            assert lms.handle(key, "try_again", {}).status == 200
    rows, _columns = problem_responses(platform, key)
    assert [row["Answer"] for row in rows] == ["Alpha"]  # the last attempt, which counts
    assert [row["Attempt"] for row in rows] == [52]


def test_a_question_added_after_learners_answered_is_held_as_changed_points(platform):  # noqa: F811
    """A graded question added once learners submitted changes what every attempt is out of (2 points,
    then 4): a learner with full marks and no attempt left falls to half marks at the next rescore,
    with no way to answer it. The editor holds a question's points changed (``answers_touched``,
    "learners keep the score they were given until staff rescore"); the case's points changed by a new
    question say nothing."""
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=""), platform.subsection(graded=True))
    nadia = platform.user("nadia")
    assert platform.lms(nadia).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    data = editor_form(platform, key)
    data["questions"].append({"id": "q2", "kind": "single", "prompt": "<p>Another</p>", "points": 2,
                              "explanation": "<p>Why</p>",
                              "options": [{"id": "x", "text": "Ex", "correct": True, "feedback": ""},
                                          {"id": "y", "text": "Why", "correct": False, "feedback": ""}]})
    answer = save(platform, key, data)
    # held (409 answers_touched) as changed points are, or at least said beside Save
    assert answer.status == 409 or answer.json.get("warnings"), answer.json


def test_an_option_reworded_to_another_answer_after_learners_chose_it_is_held(platform):  # noqa: F811
    """Decision 27 holds a Likert statement reworded under its id (its answers would be counted with
    the new words). A case-study option is the same: "Beta" reworded "The opposite of Beta" under its
    id "b" makes every learner who chose Beta read, in their own results, that they chose the new
    words, and "how others answered" counts them for it; the save says nothing."""
    key = platform.add(CASE.format(extra='attempts_allowed="2" show_distribution="true" min_group_size="1"',
                                   more=""), platform.subsection(graded=True))
    nadia = platform.user("nadia")
    assert platform.lms(nadia).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    data = editor_form(platform, key)
    data["questions"][0]["options"][1]["text"] = "Anything but Beta"
    answer = save(platform, key, data)
    assert answer.status == 409, answer.json
