"""(Bug hunt s44.) A staff override, then the learner acts again; a grade held, then the weight or the
points change (``tests.openedx``: ``override_score`` follows ``override_score_module_state``,
``lms/djangoapps/instructor_task/tasks_helper/module_state.py``: ``set_score(Score(score / weight,
max_score() / weight))`` then a bare ``publish_grade()``; the gradebook is ``raw_earned * weight /
raw_possible``, ``lms/djangoapps/grades/scores.py``).

1. Under "Your best attempt counts for your grade" (the default), a learner whose grade staff
   overrode loses it to a poorer new attempt, or to the self-assessment they save afterwards: every
   learner action publishes the attempts' own best plainly, and the override is not among them.
   The page said, just before, "Your best attempt counts for your grade. Your grade is the one the
   course recorded: 2 points out of 2", and nothing warned them.

2. ``common.attempts.recorded`` guesses from the **current** weight and maximum whether a stored
   pair is an override's divided units. After the author changes the weight (or adds a question)
   the guess fails: an override of 2 points out of 2 is named "0.5 points out of 0.5"; and a plain
   grade of 2 out of 2 held on a case of weight 2 to which a 2-point question was added is named
   "4 points out of 4" -- points for a question the learner never answered.
"""

import pytest

from tests.integration.platform_blocks import (
    CASE,
    REFLECTION,
    ROLE_PLAY,
    SECOND_SINGLE,
    choices,
    play,
    try_again,
    visible_text,
)
from tests.openedx import override_score
from tests.openedx.fixtures import platform  # noqa: F401


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
def test_an_override_is_named_in_the_case_s_points_after_the_author_changes_the_weight(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='attempts_allowed="3" weight="4"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    override_score(platform, key, ana, 2)  # 2 of the case's 2 points
    assert "Your grade is the one the course recorded: 2 points out of 2." in visible_text(
        platform.lms(ana).html(key))
    platform.set_settings(key, weight=1.0)  # the author rebalances the course
    page = visible_text(platform.lms(ana).html(key))
    assert "0.5 points out of 0.5" not in page
    assert "Your grade is the one the course recorded: 2 points out of 2." in page
    apps = platform.lms(ana).handle(key, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"]) == (2.0, 2.0)


def test_an_override_is_named_in_the_case_s_points_after_the_author_adds_a_question(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='attempts_allowed="3" weight="4"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    override_score(platform, key, ana, 2)
    platform.reimport(key, CASE.format(extra='attempts_allowed="3" weight="4"', more=SECOND_SINGLE))
    page = visible_text(platform.lms(ana).html(key))
    assert "0.5 points out of 0.5" not in page
    assert "Your grade is the one the course recorded: 2 points out of 2." in page


def test_a_grade_held_at_weight_2_is_not_named_in_points_the_learner_never_earned(platform):  # noqa: F811
    """No override at all: 2 of 2 held on a case of weight 2, then a 2-point question added. The
    page said "Your grade: 4 points out of 4" (and the apps 4 of 4): the held pair (2, 2) times 2
    equals the new maximum, so it was read as an override's divided units."""
    key = platform.add(CASE.format(extra='attempts_allowed="3" weight="2"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200  # 2 of 2
    platform.reimport(key, CASE.format(extra='attempts_allowed="3" weight="2"', more=SECOND_SINGLE))
    assert platform.gradebook(ana, key)["raw_earned"] == platform.gradebook(ana, key)["raw_possible"] == 2.0
    page = visible_text(platform.lms(ana).html(key))
    assert "4 points out of 4" not in page
    assert "Your grade is the one the course recorded: 2 points out of 2." in page
    apps = platform.lms(ana).handle(key, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"]) == (2.0, 2.0)


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
