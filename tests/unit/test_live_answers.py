"""What each learner action gives the live room to count (``Outcome.live``, decision 63): the
answers as the room's items name them, and whether the learner's key or a random one counts them."""

import dataclasses

from emm_xblocks.case_study import learner as case_learner
from emm_xblocks.case_study.content import MULTIPLE, REFLECTION, SINGLE, Case, KeyPoint, Option, Question
from emm_xblocks.common.actions import Live
from emm_xblocks.likert import learner as likert_learner
from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.role_play import learner as play_learner
from emm_xblocks.role_play import marks as play_marks
from emm_xblocks.role_play.content import Choice, Node, Role, Scenario


def _(text):
    return text


def test_an_evaluation_counts_each_statement_and_not_the_profile_and_anonymously_under_no_name():
    survey = Survey(statements=(Statement("relevance", "Relevant"), Statement("pace", "Too fast", reverse=True)),
                    allow_na=True, profile_prompt="Who?",
                    profile_options=(Statement("gov", "Government"), Statement("ngo", "Civil society")))
    data = {"answers": {"relevance": 4, "pace": "na"}, "profile": "gov"}
    outcome = likert_learner.submit(survey, likert_learner.State(), data, _)
    # every statement is covered: one a named learner leaves blank next time is taken back (bug hunt s42)
    assert outcome.live == Live({"relevance": "4", "pace": "na"}, named=True, covers=("relevance", "pace"))
    anonymous = likert_learner.submit(dataclasses.replace(survey, anonymous=True), likert_learner.State(), data, _)
    assert anonymous.live == Live({"relevance": "4", "pace": "na"}, named=False, covers=("relevance", "pace"))


def test_an_evaluation_after_a_scale_change_counts_under_the_statement_not_its_stored_group():
    survey = Survey(statements=(Statement("relevance", "Relevant"),), scale="agree4", scale_epoch=2)
    outcome = likert_learner.submit(survey, likert_learner.State(), {"answers": {"relevance": 3}}, _)
    assert "relevance" not in outcome.writes[0].answers  # stored as "relevance@2"
    assert outcome.live.answers == {"relevance": "3"}


def test_a_case_study_counts_its_choice_questions_several_options_in_one_value():
    case = Case(display_name="C", narrative="<p>N</p>", questions=(
        Question("s", SINGLE, "<p>?</p>", (Option("a", "A", True), Option("b", "B"))),
        Question("m", MULTIPLE, "<p>?</p>", (Option("y", "Y", True), Option("x", "X", True), Option("z", "Z"))),
        Question("r", REFLECTION, "<p>?</p>", model_answer="<p>M</p>", key_points=(KeyPoint("k", "K"),))))
    outcome = case_learner.submit(case, case_learner.State(), {"answers": {"s": "b", "m": ["y", "x"], "r": "a b"}}, _)
    assert outcome.live == Live({"s": "b", "m": "x y"})  # the written answer: nothing to count


def test_a_role_play_counts_a_decision_when_it_is_taken_also_the_last_one():
    scenario = Scenario(display_name="S", nodes=(
        Node("a", "A", choices=(Choice("to b", "b"), Choice("to the end", "end"))),
        Node("b", "B", choices=(Choice("on", "end"),)), Node("end", "End", ending=True)),
        roles=(Role("r", "R", "a"),))
    state = play_learner.begin(scenario, play_learner.State(), {"role": "r"}, _).state

    def choose(state, node, index):
        mark = play_marks.mark(scenario.node(node).choices[index])
        token = play_learner.choice_token(b"k", state.attempts, len(state.path), node, index, mark)
        return play_learner.choose(scenario, state, {"choice": token}, _, secret=b"k")

    first = choose(state, "a", 0)
    assert first.live == Live({"a": "0"}) and not first.state.ended
    last = choose(first.state, "b", 0)
    assert last.live == Live({"b": "0"}) and last.state.ended and last.score is not None
    straight = choose(state, "a", 1)
    assert straight.live == Live({"a": "1"}) and straight.state.ended
    assert play_learner.back(dataclasses.replace(scenario, allow_back=True), first.state, {}, _).live is None
