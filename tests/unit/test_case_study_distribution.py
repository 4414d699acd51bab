"""The case study's "how other participants answered" as its feedback panel shows it
(case_study/distribution.py): pure, from the counts the store gives, no store."""

from emm_xblocks.case_study.content import Case
from emm_xblocks.case_study.distribution import panel_figures
from emm_xblocks.case_study.perspectives import REMOVED_OPTIONS
from emm_xblocks.common import profile
from emm_xblocks.common.numbers import Numbers
from emm_xblocks.common.perspectives import PROFILE_GROUP
from emm_xblocks.common.questions import Option as Answer
from emm_xblocks.common.questions import Question

WORDS = (str, lambda one, many, n: one if n == 1 else many, Numbers("en"))  # ``block.translators()``'s shape
CASE = Case(display_name="Case", show_distribution=True, min_group_size=3, profile_prompt="You work for",
            profile_options=(profile.Option("gov", "Government"), profile.Option("cso", "Civil society"),
                             profile.Option("io", "IO")),
            questions=(
                Question(id="q1", kind="single", prompt="<p>One?</p>", options=(Answer("a", "A"), Answer("b", "B"))),
                Question(id="q2", kind="multiple", prompt="<p>Some?</p>", options=(Answer("x", "X"), Answer("y", "Y"))),
                Question(id="q3", kind="reflection", prompt="<p>Why?</p>")))
# 14 submissions: Government 5, Civil society 4, IO 1, 4 did not say (2 of whom chose "old", an option
# of q1 the author removed since); every one of them answered q2 ("q2.*": who answered it)
BY_PROFILE = {"gov": {"q1": {"a": 4, "b": 1}, "q2.x": {"1": 3}, "q2.y": {"1": 2}, "q2.*": {"1": 5}},
              "cso": {"q1": {"a": 1, "b": 3}, "q2.x": {"1": 2}, "q2.y": {"1": 4}, "q2.*": {"1": 4}},
              "io": {"q1": {"a": 1}, "q2.x": {"1": 1}, "q2.*": {"1": 1}}}
TALLIES = {PROFILE_GROUP: {"gov": 5, "cso": 4, "io": 1},
           "q1": {"a": 7, "b": 5, "old": 2}, "q2.x": {"1": 7}, "q2.y": {"1": 6}, "q2.*": {"1": 14}}


def _groups(*rows):
    return [{"key": key, "name": name, "shown": n is not None, "small": small, "n": n,
             "n_text": f"{n} participants" if n is not None else "", "percents": list(percents)}
            for key, name, small, n, percents in rows]


EXPECTED = {
    "respondents": 14, "suppressed": False, "profile_prompt": "You work for",
    "questions": [
        {"id": "q1", "number": 1, "prompt": "One?", "n": 12,  # the removed option's 2 answers not among them
         "options": [{"text": "A", "count": 7, "percent": 58, "percent_text": "58%"},
                     {"text": "B", "count": 5, "percent": 42, "percent_text": "42%"}],
         # IO (1) and who did not say (2 answered q1) are under 3; together 3, so the others are shown
         "profiles": _groups(("gov", "Government", False, 5, ["80%", "20%"]),
                             ("cso", "Civil society", False, 4, ["25%", "75%"]),
                             ("io", "IO", True, None, []),
                             ("", "Did not say", True, None, []))},
        {"id": "q2", "number": 2, "prompt": "Some?", "n": 14,  # who answered it ("q2.*"): each may tick several
         "options": [{"text": "X", "count": 7, "percent": 50, "percent_text": "50%"},
                     {"text": "Y", "count": 6, "percent": 43, "percent_text": "43%"}],
         # IO (1) alone could be worked out: the smallest shown goes too (4 each, the tie by key: who did not say)
         "profiles": _groups(("gov", "Government", False, 5, ["60%", "40%"]),
                             ("cso", "Civil society", False, 4, ["50%", "100%"]),
                             ("io", "IO", True, None, []),
                             ("", "Did not say", False, None, []))},
    ],
}


def test_a_learner_sees_the_figures_split_by_profile_and_nothing_apart():
    assert panel_figures(CASE, 14, TALLIES, BY_PROFILE, False, WORDS) == {**EXPECTED, "apart": []}


def test_staff_also_see_the_answers_to_an_option_removed_since_apart():
    shown = panel_figures(CASE, 14, TALLIES, BY_PROFILE, True, WORDS)
    assert {k: v for k, v in shown.items() if k != "apart"} == EXPECTED  # the same figures as a learner's
    assert shown["apart"] == [{"kind": REMOVED_OPTIONS, "title": "Answers to removed options", "rows": [
        {"id": "q1", "text": "Question 1: One?", "n": 2, "answers": [{"value": "old", "count": 2}]}]}]


def test_without_a_profile_split_each_question_has_no_profiles():
    shown = panel_figures(CASE, 14, TALLIES, None, False, WORDS)
    assert shown["profile_prompt"] == "" and [q["profiles"] for q in shown["questions"]] == [None, None]
    assert [q["options"] for q in shown["questions"]] == [q["options"] for q in EXPECTED["questions"]]


def test_below_the_minimum_group_size_nothing_is_shown_even_to_staff():
    for staff in (False, True):
        assert panel_figures(CASE, 2, {"q1": {"a": 2}}, {}, staff, WORDS) == {
            "respondents": 2, "suppressed": True, "questions": []}
