"""Issue 8 §2: scores as the grades app keeps them (``lms/djangoapps/grades/signals/handlers.py``,
``lms/djangoapps/instructor_task/tasks_helper/module_state.py``, ``lms/djangoapps/grades/scores.py``).

``only_if_higher`` compares percentages with what the gradebook holds; the staff override calls
``set_score`` then a bare ``publish_grade()``; the gradebook shows ``raw_earned * weight /
raw_possible``.
"""

import pytest

from emm_xblocks.xblocks import KnowledgeCheckBlock
from tests.integration.platform_blocks import (
    CASE,
    LIKERT,
    LIKERT_ANSWERS,
    REFLECTION,
    ROLE_PLAY,
    SECOND_SINGLE,
    choices,
    play,
    try_again,
    visible_text,
)
from tests.integration.test_knowledge_check import CHECK
from tests.openedx import override_score, rescore
from tests.openedx.fixtures import platform  # noqa: F401


@pytest.fixture
def answered_case(platform):  # noqa: F811
    """A case study answered fully right (2 of 2), then the author adds a second question."""
    key = platform.add(CASE.format(extra="", more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    assert platform.gradebook(ana, key)["raw_earned"] == platform.gradebook(ana, key)["raw_possible"] == 2
    platform.reimport(key, CASE.format(extra="", more=SECOND_SINGLE))
    return key, ana


def percent(entry):
    return entry["raw_earned"] / entry["raw_possible"]


def test_rescore_only_if_higher_keeps_the_higher_percentage(platform, answered_case):  # noqa: F811
    key, ana = answered_case
    assert rescore(platform, key, only_if_higher=True) == {"ana": "succeeded"}
    assert percent(platform.gradebook(ana, key)) == 1.0  # 2/2 stays: 2/4 is 50 %


def test_a_bare_publish_grade_after_rescore_republishes_what_the_gradebook_holds(platform, answered_case):  # noqa: F811
    key, ana = answered_case
    rescore(platform, key, only_if_higher=True)
    block = platform.lms(ana).block(key)
    block.publish_grade()  # what the staff override ends with
    block.save()
    assert percent(platform.gradebook(ana, key)) == 1.0
    assert percent(platform.events.grades[-1]) == 1.0


def test_rescore_without_only_if_higher_takes_the_new_score(platform, answered_case):  # noqa: F811
    key, ana = answered_case
    rescore(platform, key, only_if_higher=False)
    assert percent(platform.gradebook(ana, key)) == 0.5


def test_a_weighted_role_play_score_is_whole_points(platform):  # noqa: F811
    key = platform.add(ROLE_PLAY.format(extra='weight="3"'), platform.subsection(graded=True))
    ana = platform.user("ana")
    play(platform.lms(ana), key, ["Listen first", "Finish"])  # 2 of the 3 points the best path earns
    assert platform.gradebook(ana, key)["earned"] == 2.0
    assert platform.gradebook(ana, key)["possible"] == 3.0


def test_staff_override_then_rescore_only_if_higher_keeps_the_override(platform):  # noqa: F811
    key = platform.add(ROLE_PLAY.format(extra='weight="3"'), platform.subsection(graded=True))
    ana = platform.user("ana")
    play(platform.lms(ana), key, ["Listen first", "Finish"])
    # the dashboard's score is in the problem's own points (0 .. max_score(), module_state.py):
    # a role-play's grade is the share of its role's best path, so its maximum is 1
    override_score(platform, key, ana, 1)
    assert platform.gradebook(ana, key)["earned"] == 3.0
    # the apps read the grade held as the page says it (full marks), its score out of its own maximum
    # (the override keeps 1/3 out of 1/3: module_state.py divides by the weight), not out of 1
    apps = platform.lms(ana).handle(key, "student_view_user_state", method="GET").json
    assert apps["grade_held"] is True
    assert apps["score"] / apps["max_score"] == pytest.approx(1.0)
    assert "Your grade is the one the course recorded: 100%." in platform.lms(ana).html(key)
    rescore(platform, key, only_if_higher=True)
    assert platform.gradebook(ana, key)["earned"] == 3.0


def test_a_participation_graded_likert_gives_its_weight(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra='graded="true" weight="2"'), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert platform.gradebook(ana, key)["earned"] == 2.0


# ------------------------------------------------------------------ completion the browser cannot send
@pytest.mark.parametrize("olx", [CASE.format(extra="", more=""), LIKERT.format(extra=""), ROLE_PLAY.format(extra=""),
                                 CHECK.format(phase="pre", pair="day1", extra=""),
                                 "<emm_evaluation_report display_name=\"Report\"/>"])
def test_a_crafted_publish_completion_marks_none_of_our_blocks_complete(platform, olx):  # noqa: F811
    """Every block in the LMS answers the platform's ``publish_completion`` handler
    (``lms/djangoapps/lms_xblock/mixin.py``, ``tests/openedx/lms_mixin.py``), which marks a block
    complete when its view was seen, if the completion service lets it
    (``can_mark_block_complete_on_view``). Ours say when they are complete themselves (an
    evaluation sent, a case submitted, an ending reached; the report counts for none): a learner
    who sends it by hand is refused and completes nothing."""
    platform.block_classes["emm_knowledge_check"] = KnowledgeCheckBlock  # entry point or not (test_knowledge_check.py)
    key = platform.add(olx, platform.subsection())
    ana = platform.user("ana")
    result = platform.lms(ana).handle(key, "publish_completion", {"completion": 1.0})
    assert result.status == 400, (result.status, result.json)
    assert platform.events.completions == []


def test_rescoring_only_if_higher_a_learner_who_answered_before_the_evaluation_gave_a_grade(platform):  # noqa: F811
    """Review s42: an evaluation made graded after learners answered it published no grade for
    them, so their StudentModule rows hold their state and a NULL grade; the platform compares
    ``only_if_higher`` with that row and fails on it (``score_published_handler``: ``float(None)``).
    The block publishes such a learner's first score without it: the rescore succeeds and the
    gradebook holds the score."""
    key = platform.add(LIKERT.format(extra=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert platform.gradebook(ana, key) is None and platform.state(ana, key)
    platform.reimport(key, LIKERT.format(extra='participation_graded="true"'))
    assert rescore(platform, key, only_if_higher=True) == {"ana": "succeeded"}
    assert platform.gradebook(ana, key)["raw_earned"] == platform.gradebook(ana, key)["raw_possible"] == 1
    assert [g["only_if_higher"] for g in platform.events.grades] == [False]
    assert rescore(platform, key, only_if_higher=True) == {"ana": "succeeded"}  # then compared as usual
    assert [g["only_if_higher"] for g in platform.events.grades] == [False, True]


def test_a_staff_override_of_a_weighted_block_is_named_in_the_block_s_own_points(platform):  # noqa: F811
    """Bug hunt s42: the override keeps ``score / weight`` of ``max_score() / weight``
    (``override_score_module_state``): with a weight of 4, 1 of the case's 2 points is kept as
    0.25 of 0.5. The gradebook is right; the page and the apps name the grade the course holds in
    the case's own points (1 of 2), not in those divided units."""
    key = platform.add(CASE.format(extra='weight="4"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    override_score(platform, key, ana, 1)
    assert platform.gradebook(ana, key)["earned"] == 2.0 and platform.gradebook(ana, key)["possible"] == 4.0
    page = visible_text(platform.lms(ana).html(key))
    assert "1 point out of 2" in page and "0.25" not in page
    apps = platform.lms(ana).handle(key, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"], apps["grade_held"]) == (1.0, 2.0, True)
    # the role-play's grade is out of 1: an override of half its weight of 4 is 0.5 of 1
    role_play = platform.add(ROLE_PLAY.format(extra='weight="4"'), platform.subsection(graded=True))
    play(platform.lms(ana), role_play, ["Refer at once"])
    override_score(platform, role_play, ana, 0.5)
    apps = platform.lms(ana).handle(role_play, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"]) == (0.5, 1.0)


def test_a_learner_on_try_again_when_the_author_lowers_the_attempts_is_back_on_their_last_attempt(platform):  # noqa: F811
    """Bug hunt s42: "Try again" spends no attempt, so a learner back on the form when the author
    lowers "Maximum attempts" to what they used has none left: the page offered a form whose
    submit was refused ("0 attempts left", no results). They are back on their last attempt, its
    feedback and grade, on the page, in the apps and for every action; if the author gives
    attempts back, their form and draft come back too."""
    key = platform.add(CASE.format(extra='attempts_allowed="3"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    assert try_again(lms, key).status == 200
    platform.reimport(key, CASE.format(extra='attempts_allowed="1"', more=""))
    page = visible_text(platform.lms(ana).html(key))
    assert "Your results" in page and "You have no attempts left: your grade stays 2 points out of 2." in page
    apps = platform.lms(ana).handle(key, "student_view_user_state", method="GET").json
    assert (apps["submitted"], apps["score"], apps["can_retry"]) == (True, 2.0, False)
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a"}}).json["error"] == "no_attempts_left"
    assert try_again(platform.lms(ana), key).json["error"] == "no_attempts_left"
    assert platform.lms(ana).handle(key, "state", {}).json["submitted"] is True
    platform.reimport(key, CASE.format(extra='attempts_allowed="2"', more=""))
    page = visible_text(platform.lms(ana).html(key))
    assert "Your results" not in page and "1 attempt left" in page


def test_a_grade_held_at_the_same_share_of_fewer_points_is_not_named_apart(platform):  # noqa: F811
    """Bug hunt s42: a question removed after a learner got every point (4 of 4 held, 2 of 2 now)
    leaves the course's grade as it is (the same share, weighted alike): the page does not name a
    recorded grade apart from the one it shows, as it does where the share differs."""
    key = platform.add(CASE.format(extra="", more=SECOND_SINGLE), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a", "q2": "x"}}).status == 200
    platform.reimport(key, CASE.format(extra="", more=""))
    page = visible_text(platform.lms(ana).html(key))
    assert "2 points out of 2" in page and "recorded" not in page
    platform.reimport(key, CASE.format(extra="", more="").replace('<option id="a" correct="true">', '<option id="a">')
                      .replace('<option id="b">', '<option id="b" correct="true">'))
    assert "the one the course recorded: 4 points out of 4" in visible_text(platform.lms(ana).html(key))


RP_END = ('<node id="n-end" ending="true" category="good"><narrative><![CDATA[<p>END-TEXT</p>]]></narrative>\n'
          '    <debrief><![CDATA[<p>DEBRIEF-TEXT</p>]]></debrief></node>')
RP_MID = ('<node id="n-mid"><narrative><![CDATA[<p>MID-TEXT</p>]]></narrative>\n'
          '    <choice goto="n-end" points="0">Finish</choice>\n  </node>')


def role_play_edited(platform, extra, labels, node, edited):  # noqa: F811
    """A graded role-play (``extra``: its attributes) where ana chose ``labels``, then the author
    replaced the OLX of ``node`` (``RP_END``, ``RP_MID``) by ``edited``; ``(key, ana, the phase her
    last choice reached, her page's text after the edit)``."""
    assert node in ROLE_PLAY
    key = platform.add(ROLE_PLAY.format(extra=extra), platform.subsection(graded=True))
    ana = platform.user("ana")
    phase = play(platform.lms(ana), key, labels).json["phase"]
    platform.reimport(key, ROLE_PLAY.replace(node, edited).format(extra=extra))
    return key, ana, phase, visible_text(platform.lms(ana).html(key))


def test_a_role_play_ending_the_author_extends_keeps_the_score_its_learners_earned(platform):  # noqa: F811
    """Bug hunt s42: a learner ended at ``n-end`` with full marks; the author made ``n-end`` an
    ordinary node leading on to a new ending: their path no longer stops at an ending, and it was
    rescored 0 (page "0%", gradebook 0 after a rescore). It keeps the score it earned, and the page
    says the scenario changed since."""
    key, ana, phase, page = role_play_edited(
        platform, "", ["Refer at once"], RP_END, '<node id="n-end"><narrative>END</narrative><choice goto="n-fin">'
        'Go on</choice></node><node id="n-fin" ending="true"><narrative>FIN</narrative></node>')
    assert phase == "ending"
    assert "score: 100%" in page and "The scenario was changed since you finished it: your result is kept" in page
    assert rescore(platform, key) == {"ana": "succeeded"}
    assert platform.gradebook(ana, key)["raw_earned"] == 1.0


def test_a_role_play_learner_on_a_node_the_author_makes_an_ending_starts_again_and_can_finish(platform):  # noqa: F811
    """Bug hunt s42: a learner part-way, at ``n-mid``, when the author makes ``n-mid`` an ending,
    was shown it with no choice, could neither go back nor start again (no attempt left) and was
    never graded. Their path starts again at their role's start, as a broken path does, and they
    play on to an ending."""
    key, ana, phase, page = role_play_edited(platform, 'attempts_allowed="1"', ["Listen first"], RP_MID,
                                             '<node id="n-mid" ending="true"><narrative>MID-TEXT</narrative></node>')
    assert phase == "node"
    assert "you start again at the beginning of your role" in page and "START-TEXT" in page
    result = platform.lms(ana).handle(key, "state", {})
    chosen = choices(result)["Listen first"]
    assert platform.lms(ana).handle(key, "choose", {"choice": chosen}).json["phase"] == "ending"
    assert platform.gradebook(ana, key)["raw_earned"] == 2 / 3  # 2 of the best path's 3 points


# ------------------------------------------------------------------ staff overrides (bug hunt s44)
# (Bug hunt s44.) A staff override, then the learner acts again; a grade held, then the weight or the
# points change (``tests.openedx``: ``override_score`` follows ``override_score_module_state``,
# ``lms/djangoapps/instructor_task/tasks_helper/module_state.py``: ``set_score(Score(score / weight,
# max_score() / weight))`` then a bare ``publish_grade()``; the gradebook is ``raw_earned * weight /
# raw_possible``, ``lms/djangoapps/grades/scores.py``).
#
# 1. Under "Your best attempt counts for your grade" (the default), a learner whose grade staff
#    overrode loses it to a poorer new attempt, or to the self-assessment they save afterwards: every
#    learner action publishes the attempts' own best plainly, and the override is not among them.
#    The page said, just before, "Your best attempt counts for your grade. Your grade is the one the
#    course recorded: 2 points out of 2", and nothing warned them.
#
# 2. ``common.attempts.recorded`` guesses from the **current** weight and maximum whether a stored
#    pair is an override's divided units. After the author changes the weight (or adds a question)
#    the guess fails: an override of 2 points out of 2 is named "0.5 points out of 0.5"; and a plain
#    grade of 2 out of 2 held on a case of weight 2 to which a 2-point question was added is named
#    "4 points out of 4" -- points for a question the learner never answered.


def share(platform, user, key):  # noqa: F811
    grade = platform.gradebook(user, key)
    return grade["earned"] / grade["possible"]


# ------------------------------------------------------------------ 1. an override, then the learner acts
def test_a_case_study_override_is_not_lost_to_a_poorer_attempt_when_the_best_counts(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='attempts_allowed="3" grade_policy="best"', more=""),
                       platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200  # 0 of 2
    override_score(platform, key, ana, 2)  # staff give her full marks
    assert share(platform, ana, key) == 1.0
    page = visible_text(platform.lms(ana).html(key))
    assert "Your best attempt counts for your grade." in page
    assert "Your grade is the one the course recorded: 2 points out of 2." in page

    assert try_again(platform.lms(ana), key).status == 200
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200  # 0 of 2 again
    # the best counts, and the best the course gave her is 2 of 2: a poorer attempt must not lower it
    assert share(platform, ana, key) == 1.0, platform.gradebook(ana, key)


def test_a_role_play_override_is_not_lost_to_a_poorer_attempt_when_the_best_counts(platform):  # noqa: F811
    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="3" grade_policy="best"'),
                       platform.subsection(graded=True))
    ana = platform.user("ana")
    play(platform.lms(ana), key, ["Listen first", "Finish"])  # 2 of the best path's 3 points
    override_score(platform, key, ana, 1)  # full marks
    assert "Your grade is the one the course recorded: 100%." in visible_text(platform.lms(ana).html(key))
    restarted = platform.lms(ana).handle(key, "restart", {})  # one role: the new attempt starts at once
    assert restarted.status == 200 and restarted.json["phase"] == "node"
    chosen = platform.lms(ana).handle(key, "choose", {"choice": choices(restarted)["Listen first"]})
    ended = platform.lms(ana).handle(key, "choose", {"choice": choices(chosen)["Finish"]})
    assert ended.json["phase"] == "ending"  # 67% again
    assert share(platform, ana, key) == pytest.approx(1.0), platform.gradebook(ana, key)


def test_saving_the_self_assessment_after_a_staff_override_does_not_lower_the_grade(platform):  # noqa: F811
    """A teacher reads the learner's written answer and gives full marks before the learner saved
    their self-assessment; the learner then saves it (nothing ticked): the grade the course holds
    falls from 4 of 4 to 0 of 4, although "Your best attempt counts"."""
    key = platform.add(CASE.format(extra='attempts_allowed="3" grade_policy="best"', more=REFLECTION),
                       platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b", "q3": "Some words"}}).status == 200
    override_score(platform, key, ana, 4)
    assert share(platform, ana, key) == 1.0
    assert platform.lms(ana).handle(key, "self_assess", {"ticks": {"q3": []}}).status == 200
    assert share(platform, ana, key) == 1.0, platform.gradebook(ana, key)


# ------------------------------------------------------------------ 2. the grade held, named in the block's points
def named_two_of_two(platform, ana, key, not_said, apps=True):  # noqa: F811
    """The page and the apps name the grade held as 2 points out of 2, never ``not_said``."""
    page = visible_text(platform.lms(ana).html(key))
    assert not_said not in page
    assert "Your grade is the one the course recorded: 2 points out of 2." in page
    if apps:
        state = platform.lms(ana).handle(key, "student_view_user_state", method="GET").json
        assert (state["score"], state["max_score"]) == (2.0, 2.0)


def test_an_override_is_named_in_the_case_s_points_after_the_author_changes_the_weight(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='attempts_allowed="3" weight="4"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    override_score(platform, key, ana, 2)  # 2 of the case's 2 points
    assert "Your grade is the one the course recorded: 2 points out of 2." in visible_text(
        platform.lms(ana).html(key))
    platform.set_settings(key, weight=1.0)  # the author rebalances the course
    named_two_of_two(platform, ana, key, not_said="0.5 points out of 0.5")


def test_an_override_is_named_in_the_case_s_points_after_the_author_adds_a_question(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='attempts_allowed="3" weight="4"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    override_score(platform, key, ana, 2)
    platform.reimport(key, CASE.format(extra='attempts_allowed="3" weight="4"', more=SECOND_SINGLE))
    named_two_of_two(platform, ana, key, not_said="0.5 points out of 0.5", apps=False)


def test_a_grade_held_at_weight_2_is_not_named_in_points_the_learner_never_earned(platform):  # noqa: F811
    """No override at all: 2 of 2 held on a case of weight 2, then a 2-point question added. The
    page said "Your grade: 4 points out of 4" (and the apps 4 of 4): the held pair (2, 2) times 2
    equals the new maximum, so it was read as an override's divided units."""
    key = platform.add(CASE.format(extra='attempts_allowed="3" weight="2"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200  # 2 of 2
    platform.reimport(key, CASE.format(extra='attempts_allowed="3" weight="2"', more=SECOND_SINGLE))
    assert platform.gradebook(ana, key)["raw_earned"] == platform.gradebook(ana, key)["raw_possible"] == 2.0
    named_two_of_two(platform, ana, key, not_said="4 points out of 4")


def test_a_lowering_override_is_not_undone_by_a_poorer_attempt_under_best(platform):  # noqa: F811
    """(Review s44.) Staff give 0 of 2 to a learner whose only attempt scored 2 of 2 (a copied
    answer); the learner tries again and scores 0: the best of all attempts was the one staff set
    aside, and the grade went back to 2 of 2."""
    key = platform.add(CASE.format(extra='attempts_allowed="3" grade_policy="best"', more=""),
                       platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200  # 2 of 2
    override_score(platform, key, ana, 0)  # staff set the grade to 0
    assert share(platform, ana, key) == 0.0
    assert try_again(platform.lms(ana), key).status == 200
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200  # 0 of 2
    # nothing the learner did after the override scored more than it
    assert share(platform, ana, key) == 0.0, platform.gradebook(ana, key)
