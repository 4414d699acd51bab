"""Bug hunt (hunt3, grades and completion as the LMS sees them): the instructor's staff tools,
then the learner comes back.

* "Reset attempts" (``lms/djangoapps/instructor/enrollment.py``, ``_reset_module_attempts``; the
  bulk task ``reset_attempts_module_state`` in
  ``lms/djangoapps/instructor_task/tasks_helper/module_state.py``): the state's ``attempts`` set
  to 0, the rest kept, nothing else told. Staff do it while the learner waits (a live session: "I
  have no attempt left"), not two minutes later.
* "Delete learner state" (``reset_student_attempts(delete_module=True)``): the StudentModule row
  deleted; for a block without ``clear_student_state`` the platform fires
  ``PROBLEM_RAW_SCORE_CHANGED`` with ``score_deleted=True`` (``_fire_score_changed_for_block``),
  which ``lms/djangoapps/grades/signals/handlers.py`` turns into ``PROBLEM_WEIGHTED_SCORE_CHANGED``;
  edx-completion's ``scorable_block_completion`` (``completion/handlers.py``) sets the block's
  ``BlockCompletion`` back to 0.0 on ``score_deleted`` -- but returns first for a class with
  ``has_custom_completion`` (every block using ``CompletableXBlockMixin``, ours). Nothing else
  touches ``BlockCompletion``: the completion the learner earned stays 1.0, and the course outline,
  the unit's check mark and "Resume" (``BlockCompletionTransformer``, which reads those rows) say
  the activity is done while the block shows it afresh.
"""

import pytest

from emm_xblocks.xblocks import KnowledgeCheckBlock
from tests.integration.platform_blocks import CASE, LIKERT, LIKERT_ANSWERS, ROLE_PLAY, choices, play, try_again
from tests.integration.test_knowledge_check import CHECK, RIGHT
from tests.openedx import delete_state, reset_attempts
from tests.openedx.fixtures import platform  # noqa: F401


# ------------------------------------------------------------------ reset attempts, the learner at once
def test_a_case_study_learner_whose_attempts_staff_just_reset_can_submit_at_once(platform):  # noqa: F811
    """The learner used their one attempt; staff reset their attempts (the state's ``attempts`` is 0);
    the learner presses "Try again" and submits. The submit is refused 409 ``submit_conflict``, "This
    attempt was already submitted from another window. Reload the page." -- and reloading does not
    help for two minutes: the attempt number 1 is still claimed in the package's table
    (``common.pipeline._store``, ``store.claim(..., stale_after=ATTEMPT_STALE_SECONDS)``), and only
    "Delete learner state" frees claims (``common/deleted_state.py``)."""
    ana = platform.user("ana")
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=""), platform.subsection())
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    assert try_again(lms, key).json["error"] == "no_attempts_left"
    reset_attempts(platform, key, ana)  # a minute later, at the learner's request
    assert try_again(lms, key).status == 200
    submitted = lms.handle(key, "submit", {"answers": {"q1": "a"}})
    assert submitted.status == 200, submitted.json
    assert platform.gradebook(ana, key)["raw_earned"] == 2.0


def test_a_role_play_learner_whose_attempts_staff_just_reset_can_start_again_at_once(platform):  # noqa: F811
    """As for the case study: after "Reset attempts" the page offers "Start again" (the state says
    an attempt is left), but pressing it answers 409 ``no_attempts_left``, "You have no attempts
    left.", for the two minutes the attempt claim takes to go stale."""
    ana = platform.user("ana")
    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="1"'), platform.subsection())
    lms = platform.lms(ana)
    assert play(lms, key, ["Listen first", "Finish"]).json["phase"] == "ending"
    reset_attempts(platform, key, ana)
    assert "data-restart" in platform.lms(ana).html(key)  # offered...
    restarted = lms.handle(key, "restart", {})
    assert restarted.status == 200, restarted.json  # ...and refused
    assert lms.handle(key, "choose", {"choice": choices(restarted)["Refer at once"]}).json["phase"] == "ending"
    assert platform.gradebook(ana, key)["raw_earned"] == 1.0


# ------------------------------------------------------------------ delete learner state and completion
def held_completion(platform, user, key):  # noqa: F811
    """What edx-completion's ``BlockCompletion`` row holds for the learner and the block
    (``completion/models.py``: ``submit_completion`` creates the row or sets its value, lower or
    higher), or None where nothing was ever submitted."""
    values = [c["completion"] for c in platform.events.completions
              if c["user"] == user.username and c["block"] == str(key)]
    return values[-1] if values else None


def _answer(platform, user, key):  # noqa: F811
    lms = platform.lms(user)
    kind = key.block_type
    if kind == "emm_case_study":
        assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    elif kind == "emm_role_play":
        assert play(lms, key, ["Refer at once"]).json["phase"] == "ending"
    elif kind == "emm_likert":
        assert lms.handle(key, "submit", LIKERT_ANSWERS).status == 200
    else:
        assert lms.handle(key, "submit", RIGHT).status == 200


@pytest.mark.parametrize("olx", [
    CASE.format(extra="", more=""),
    ROLE_PLAY.format(extra=""),
    LIKERT.format(extra='participation_graded="true"'),
    CHECK.format(phase="post", pair="day1", extra='grading="score"'),
], ids=["case_study", "role_play", "likert", "knowledge_check"])
def test_delete_learner_state_leaves_the_activity_not_completed_in_the_course_outline(platform, olx):  # noqa: F811
    """The learner completed the activity; staff delete their state so that they do it again. The
    block starts afresh (its form, attempt 1), but the platform keeps its completion at 1.0 (see the
    module's docstring: the completion app leaves blocks with ``has_custom_completion`` alone), so
    the outline ticks an activity the learner has to do again, the unit and subsection count as
    done, and "Resume course" skips it. The block has to reset it itself when its state is deleted
    (the deleted row's ``post_delete``, ``common/deleted_state.py``, already follows the deletion)."""
    platform.block_classes["emm_knowledge_check"] = KnowledgeCheckBlock
    key = platform.add(olx, platform.subsection(graded=True))
    ana, staff = platform.user("ana"), platform.user("sam", role="staff")
    _answer(platform, ana, key)
    assert held_completion(platform, ana, key) == 1.0
    delete_state(platform, key, ana, staff)
    assert platform.state(ana, key) == {}
    platform.lms(ana).html(key)  # the learner comes back: the activity afresh
    assert held_completion(platform, ana, key) == 0.0, "the outline still shows the activity as completed"


# ------------------------------------------------------------------ the unit's icon in the course navigation
def unit_icon(platform, user, unit):  # noqa: F811
    """The icon the LMS gives a unit in the sequence navigation (the learning MFE's unit buttons):
    ``xmodule/seq_block.py`` (``_render_student_view_for_blocks``: ``'type': get_icon(block)``),
    ``openedx/core/lib/xblock_utils/__init__.py`` (``get_icon``: ``block.get_icon_class()``),
    ``xmodule/vertical_block.py`` (``get_icon_class``: ``'problem'`` or ``'video'`` if a child has
    it, by ``CLASS_PRIORITY``, else ``'other'``), each child's ``XModuleMixin.get_icon_class``
    (``xmodule/x_module.py``: its ``icon_class``, ``'other'`` unless the block's class says otherwise;
    capa's ``ProblemBlock`` says ``'problem'``)."""
    lms = platform.lms(user)
    classes = {getattr(lms.block(child), "icon_class", "other") for child in lms.block(unit).children}
    icon = "other"
    for higher in ("video", "problem"):
        if higher in classes:
            icon = higher
    return icon


@pytest.mark.parametrize("olx", [
    CASE.format(extra="", more=""),
    ROLE_PLAY.format(extra=""),
    CHECK.format(phase="post", pair="day1", extra='grading="score"'),
], ids=["case_study", "role_play", "knowledge_check"])
def test_a_unit_holding_a_graded_activity_shows_the_exercise_icon_in_the_course_navigation(platform, olx):  # noqa: F811
    """A graded subsection's unit holding a case study, a role-play or a knowledge check graded by its
    score -- the course's exercises, scored in the gradebook -- is shown in the unit bar with the
    icon of a reading page ("other"), not the one of an exercise ("problem") that a unit with a capa
    problem gets: the blocks set no ``icon_class`` (``emm_xblocks`` has none), so learners looking
    for what is graded in a subsection cannot tell these units from text."""
    platform.block_classes["emm_knowledge_check"] = KnowledgeCheckBlock
    unit = platform.container("vertical", platform.subsection(graded=True))
    platform.add(olx, unit)
    ana = platform.user("ana")
    assert unit_icon(platform, ana, unit) == "problem"
