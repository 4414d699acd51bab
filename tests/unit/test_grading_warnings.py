"""What an author is warned of when a graded block's grading changes once learners answered (the
pure side: each block's ``changes.grading_changes``, part of its ``answer_changes``; the Studio
handler holds the save only when answers are stored, tests/integration/test_grading_warnings.py)."""

from dataclasses import replace

from emm_xblocks.case_study import changes as case_changes
from emm_xblocks.case_study.content import Case, Option, Question
from emm_xblocks.common.i18n import Gettext
from emm_xblocks.likert import changes as likert_changes
from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.role_play import changes as role_play_changes
from emm_xblocks.role_play.content import Scenario

KEPT = "Learners who already answered keep the score they were given until staff rescore."
CASE = Case(display_name="C", questions=(
    Question("q1", prompt="<p>Pick.</p>", points=1.5,
             options=(Option("a", "Alpha", correct=True), Option("b", "Beta"))),))
SURVEY = Survey(statements=(Statement("relevance", "Relevant."),))


def warnings(problems):
    return [(p.field, p.message, p.error) for p in problems]


def test_the_case_study_s_attempt_that_counts_changed_names_the_old_one_and_what_learners_keep():
    [(field, message, error)] = warnings(case_changes.grading_changes(CASE, replace(CASE, grade_policy="last"), str))
    assert (field, error) == ("grade_policy", False)
    assert message.startswith("“Attempt that counts” was “Best attempt”: learners who already submitted keep the "
                              "grade the course recorded that way until staff rescore this case study")
    [(_, back, _)] = warnings(case_changes.grading_changes(replace(CASE, grade_policy="last"), CASE, str))
    assert back.startswith("“Attempt that counts” was “Last attempt”")
    # the same save through answer_changes, which the Studio handler holds while answers are stored
    assert [p.field for p in case_changes.answer_changes(CASE, replace(CASE, grade_policy="last"), str)] == [
        "grade_policy"]
    assert case_changes.grading_changes(CASE, replace(CASE, display_name="Other", attempts_allowed=3), str) == []
    assert case_changes.answer_changes(CASE, CASE, str) == []


def test_a_case_study_question_s_points_changed_names_the_old_points_in_the_author_s_language():
    more = replace(CASE, questions=(replace(CASE.questions[0], points=2.0),))
    [(field, message, error)] = warnings(case_changes.answer_changes(CASE, more, str))
    assert (field, error) == ("questions.0.points", False)
    assert message == f"Question 1: its points were 1.5. {KEPT}"
    french = Gettext(lambda text: text, "fr")  # the numbers as the author's language writes them
    assert "its points were 1,5." in case_changes.answer_changes(CASE, more, french)[0].message
    reworded = replace(CASE, questions=(replace(CASE.questions[0], prompt="<p>Choose.</p>"),))
    assert case_changes.answer_changes(CASE, reworded, str) == []


def test_the_role_play_s_grade_policy_changed_names_the_old_one_and_what_learners_keep():
    scenario = Scenario(display_name="R")
    [(field, message, error)] = warnings(role_play_changes.grading_changes(
        scenario, replace(scenario, grade_policy="last"), str))
    assert (field, error) == ("grade_policy", False)
    assert message.startswith("“Attempt that counts” was “Best attempt”: learners who already reached an ending "
                              "keep the grade the course recorded that way until staff rescore this role-play")
    assert [p.field for p in role_play_changes.answer_changes(scenario, replace(scenario, grade_policy="last"),
                                                              str)] == ["grade_policy"]
    assert role_play_changes.answer_changes(scenario, replace(scenario, allow_back=True, weight=2.0), str) == []


def test_the_likert_s_participation_credit_switched_says_what_the_course_counts_either_way():
    graded = replace(SURVEY, participation_graded=True)
    [(field, now_graded, error)] = warnings(likert_changes.grading_changes(SURVEY, graded, str))
    assert (field, error) == ("participation_graded", False)
    assert now_graded.startswith("“Give participation credit (graded)” was not ticked: learners who already "
                                 "answered have no grade for this evaluation, and the course counts it as 0")
    [(_, no_longer, _)] = warnings(likert_changes.grading_changes(graded, SURVEY, str))
    assert no_longer.startswith("“Give participation credit (graded)” was ticked: the course no longer counts "
                                "this evaluation in learners' grades")
    assert [p.field for p in likert_changes.answer_changes(graded, SURVEY, str)] == ["participation_graded"]
    assert likert_changes.answer_changes(graded, replace(graded, weight=3.0, comment_box=True), str) == []


def test_a_role_play_choice_s_points_or_a_role_s_best_score_changed_warns_where_it_happened():
    from emm_xblocks.role_play.content import Choice, Node, Role

    def scenario(*choices):
        return Scenario(display_name="S", roles=(Role("r1", "Officer", "a"),), nodes=(
            Node("a", "<p>A</p>", choices=choices), Node("end", "<p>E</p>", ending=True)))

    listen, refer = Choice("Listen", "end", points=2), Choice("Refer", "end", points=3)
    before = scenario(listen, refer)
    # a choice's points changed in its place: at its points field; the best (3) unchanged
    assert warnings(role_play_changes.answer_changes(before, scenario(replace(listen, points=0), refer), str)) == [
        ("nodes.0.choices.0.points", "Node “a”, choice 1: its points were 2. " + KEPT, False)]
    # a better choice added at the end: no choice changed, but every ended attempt's grade is out of 5 now
    [(field, message, error)] = warnings(role_play_changes.answer_changes(
        before, scenario(listen, refer, Choice("Ask", "end", points=5)), str))
    assert (field, error) == ("roles.0.start", False)
    assert message == ("Role “r1”: the best score a path can earn was 3 points, now 5: each ended attempt is "
                       "graded against it. " + KEPT)
    # a choice removed: warned as removed or moved, not as the points of the choice now in its place
    fields = [p.field for p in role_play_changes.answer_changes(before, scenario(refer), str)]
    assert fields == ["nodes.0.choices"]
    # the best score in the author's language
    french = Gettext(str, "fr")
    [big] = role_play_changes.points_changes(scenario(replace(refer, points=1000)), before, french)
    assert "1\u202f000" in big.message
    assert role_play_changes.answer_changes(before, before, str) == []


def test_a_draft_node_no_learner_met_is_edited_without_a_warning():
    # review s39: a draft (decision 78) in a live course asked for "Save anyway" at each edit of its choices
    from emm_xblocks.role_play.content import Choice, Node, Role

    def scenario(*draft_choices, draft="d"):
        nodes = (Node("a", "<p>A</p>", choices=(Choice("On", "end", points=1),)),
                 Node(draft, "<p>Draft</p>", choices=draft_choices), Node("end", "<p>E</p>", ending=True))
        return Scenario(display_name="S", roles=(Role("r1", "Officer", "a"),), nodes=nodes)

    one, two = Choice("One", "end", points=1), Choice("Two", "end", points=2)
    before = scenario(one, two)
    assert role_play_changes.answer_changes(before, scenario(two), str) == []  # a choice removed
    assert role_play_changes.answer_changes(before, scenario(two, one), str) == []  # moved
    assert role_play_changes.answer_changes(before, scenario(one, replace(two, points=5)), str) == []  # points
    assert role_play_changes.answer_changes(before, scenario(one, two, draft="d2"), str) == []  # renamed
    # the same edits at a node learners meet are warned
    met = replace(before, roles=(Role("r1", "Officer", "d"),))
    assert [p.field for p in role_play_changes.answer_changes(met, replace(scenario(two), roles=met.roles), str)] \
        == ["nodes.1.choices"]
