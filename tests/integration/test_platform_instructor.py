"""The instructor's "Reset attempts" and "Delete learner state" (``lms/djangoapps/instructor/
enrollment.py``: ``_reset_module_attempts`` sets the state's ``attempts`` to 0 and leaves the rest;
``reset_student_attempts(delete_module=True)`` deletes the StudentModule), then the learner plays on.

The attempt numbers a learner has spent are also claimed in the package's table; a claim older
than ``pipeline.ATTEMPT_STALE_SECONDS`` that the learner's state says is free is taken over.
Staff reset a learner long after they played: ``played_long_ago`` ages the claims so.
"""

from django.utils import timezone

from emm_xblocks.common.pipeline import ATTEMPT_STALE_SECONDS
from emm_xblocks.models import Claim
from tests.integration.platform_blocks import CASE, ROLE_PLAY, choices, play, try_again
from tests.openedx import delete_state, reset_attempts
from tests.openedx.fixtures import platform  # noqa: F401


def played_long_ago():
    Claim.objects.update(taken=timezone.now() - timezone.timedelta(seconds=ATTEMPT_STALE_SECONDS + 60))


def test_reset_attempts_gives_a_case_study_learner_their_attempts_back(platform):  # noqa: F811
    ana = platform.user("ana")
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=""), platform.subsection())
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    assert try_again(lms, key).json["error"] == "no_attempts_left"
    played_long_ago()
    reset_attempts(platform, key, ana)
    assert try_again(lms, key).status == 200
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    assert platform.gradebook(ana, key)["raw_earned"] == 2.0
    assert try_again(lms, key).json["error"] == "no_attempts_left"  # one attempt again, not more


def test_reset_attempts_lets_a_role_play_learner_play_again(platform):  # noqa: F811
    ana = platform.user("ana")
    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="1"'), platform.subsection())
    lms = platform.lms(ana)
    assert play(lms, key, ["Listen first", "Finish"]).json["phase"] == "ending"
    assert lms.handle(key, "restart", {}).json["error"] == "no_attempts_left"
    played_long_ago()
    reset_attempts(platform, key, ana)
    assert "data-restart" in platform.lms(ana).html(key)
    restarted = lms.handle(key, "restart", {})
    assert restarted.status == 200 and restarted.json["phase"] == "node"  # one role: it starts at once
    assert platform.state(ana, key)["attempts"] == 1
    assert lms.handle(key, "choose", {"choice": choices(restarted)["Refer at once"]}).json["phase"] == "ending"
    assert platform.gradebook(ana, key)["raw_earned"] == 1.0  # the better attempt counts
    assert lms.handle(key, "restart", {}).json["error"] == "no_attempts_left"


def test_delete_learner_state_starts_a_case_study_afresh(platform):  # noqa: F811
    ana, sam = platform.user("ana"), platform.user("sam", role="staff")
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=""), platform.subsection())
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    played_long_ago()
    delete_state(platform, key, ana, sam)
    assert platform.events.grades[-1]["raw_earned"] == 0 and platform.events.grades[-1]["score_deleted"]
    assert "Pick one." in platform.lms(ana).html(key)
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200



def test_delete_learner_state_of_a_named_likert_keeps_their_answers_until_they_answer_again(platform):  # noqa: F811
    from emm_xblocks.models import Answer
    from tests.integration.platform_blocks import LIKERT, LIKERT_ANSWERS

    ana, sam = platform.user("ana"), platform.user("sam", role="staff")
    key = platform.add(LIKERT.format(extra='graded="true"'), platform.subsection())
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", LIKERT_ANSWERS).status == 200
    delete_state(platform, key, ana, sam)
    assert platform.events.grades[-1]["raw_earned"] == 0  # the platform's own reset of the score
    assert Answer.objects.filter(block_key=str(key)).count() == 3  # still in the results
    assert lms.handle(key, "student_view_user_state", method="GET").json["submitted"] is False
    again = {**LIKERT_ANSWERS, "answers": {"relevance": 1, "pace": 1, "applicability": 1}}
    assert lms.handle(key, "submit", again).status == 200
    assert sorted(Answer.objects.filter(block_key=str(key)).values_list("value", flat=True)) == ["1", "1", "1"]
