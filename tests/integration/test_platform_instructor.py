"""The instructor's "Reset attempts" and "Delete learner state" (``lms/djangoapps/instructor/
enrollment.py``: ``_reset_module_attempts`` sets the state's ``attempts`` to 0 and leaves the rest;
``reset_student_attempts(delete_module=True)`` deletes the StudentModule), then the learner plays on.

The attempt numbers a learner has spent are also claimed in the package's table, by the state's
``attempt_serial``, which "Reset attempts" leaves as it is: the learner goes on at once, claiming
numbers no earlier attempt took (decision 112; ``test_lms_staff_tools_hunt3.py``). A state kept
before the serial existed has none: reset, it claims its spent numbers again, and a claim older
than ``pipeline.ATTEMPT_STALE_SECONDS`` that the learner's state says is free is taken over;
``played_long_ago`` ages the claims so, ``kept_before_the_serial`` takes the serial out. "Delete
learner state" needs no wait: the deleted StudentModule row frees the learner's claims in that block
(``post_delete``, ``common/deleted_state.py``), for the one learner (``delete_state``) and the bulk
task alike (``delete_state_all``). A named learner's answer rows are keyed by the same anonymous id:
answering again replaces them, so nobody is counted twice in the figures (``common.summary``).
"""

import pytest
from django.utils import timezone

from emm_xblocks.common import summary
from emm_xblocks.common.pipeline import ATTEMPT_STALE_SECONDS
from emm_xblocks.models import Answer, Claim, Comment
from tests.integration.platform_blocks import CASE, LIKERT, LIKERT_ANSWERS, ROLE_PLAY, choices, play, try_again
from tests.openedx import completion as completion_app
from tests.openedx import delete_state, delete_state_all, rescore, reset_attempts, reset_attempts_all
from tests.openedx.fixtures import platform  # noqa: F401
from tests.openedx.services import anonymous_id_for_user


def played_long_ago():
    Claim.objects.update(taken=timezone.now() - timezone.timedelta(seconds=ATTEMPT_STALE_SECONDS + 60))


def kept_before_the_serial(platform, key, user):  # noqa: F811
    """The learner's StudentModule state as a release before decision 112 stored it: no
    ``attempt_serial`` (the claims already taken are the same: ``attempt-1`` up to ``attempts``)."""
    platform.student_modules.get(user, key).state.pop("attempt_serial")


def attempt_claims(key):
    return sorted(Claim.objects.filter(block_key=str(key), slot__startswith="attempt-").values_list("slot", flat=True))


def test_reset_attempts_gives_a_case_study_learner_their_attempts_back(platform):  # noqa: F811
    ana = platform.user("ana")
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=""), platform.subsection())
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    assert try_again(lms, key).json["error"] == "no_attempts_left"
    reset_attempts(platform, key, ana)
    assert try_again(lms, key).status == 200
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    assert platform.gradebook(ana, key)["raw_earned"] == 2.0
    assert try_again(lms, key).json["error"] == "no_attempts_left"  # one attempt again, not more
    assert attempt_claims(key) == ["attempt-1", "attempt-2"]  # the second attempt by its serial
    assert platform.state(ana, key)["attempts"] == 1


def test_reset_attempts_of_a_case_study_state_kept_before_the_serial_waits_for_the_claim_to_go_stale(
        platform):  # noqa: F811
    """Stored by an earlier release (no ``attempt_serial``), the state claims its spent number
    again after a reset: refused while the earlier claim is fresh (reloading says so), taken over
    once it is stale -- as every reset did before decision 112, never worse."""
    ana = platform.user("ana")
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=""), platform.subsection())
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    kept_before_the_serial(platform, key, ana)
    reset_attempts(platform, key, ana)
    assert try_again(lms, key).status == 200
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).json["error"] == "submit_conflict"
    played_long_ago()
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    assert platform.gradebook(ana, key)["raw_earned"] == 2.0
    assert platform.state(ana, key)["attempt_serial"] == 1  # kept from now on
    assert try_again(lms, key).json["error"] == "no_attempts_left"  # one attempt again, not more


def test_reset_attempts_lets_a_role_play_learner_play_again(platform):  # noqa: F811
    ana = platform.user("ana")
    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="1"'), platform.subsection())
    lms = platform.lms(ana)
    assert play(lms, key, ["Listen first", "Finish"]).json["phase"] == "ending"
    assert lms.handle(key, "restart", {}).json["error"] == "no_attempts_left"
    reset_attempts(platform, key, ana)
    assert "data-restart" in platform.lms(ana).html(key)
    restarted = lms.handle(key, "restart", {})
    assert restarted.status == 200 and restarted.json["phase"] == "node"  # one role: it starts at once
    assert platform.state(ana, key)["attempts"] == 1
    assert lms.handle(key, "choose", {"choice": choices(restarted)["Refer at once"]}).json["phase"] == "ending"
    assert platform.gradebook(ana, key)["raw_earned"] == 1.0  # the better attempt counts
    assert lms.handle(key, "restart", {}).json["error"] == "no_attempts_left"
    assert attempt_claims(key) == ["attempt-1", "attempt-2"]


def test_reset_attempts_of_a_role_play_state_kept_before_the_serial_waits_for_the_claim_to_go_stale(
        platform):  # noqa: F811
    ana = platform.user("ana")
    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="1"'), platform.subsection())
    lms = platform.lms(ana)
    assert play(lms, key, ["Listen first", "Finish"]).json["phase"] == "ending"
    kept_before_the_serial(platform, key, ana)
    reset_attempts(platform, key, ana)
    assert lms.handle(key, "restart", {}).json["error"] == "no_attempts_left"  # attempt-1 still fresh
    played_long_ago()
    restarted = lms.handle(key, "restart", {})
    assert restarted.status == 200 and restarted.json["phase"] == "node"
    assert lms.handle(key, "choose", {"choice": choices(restarted)["Refer at once"]}).json["phase"] == "ending"
    assert platform.gradebook(ana, key)["raw_earned"] == 1.0
    assert lms.handle(key, "restart", {}).json["error"] == "no_attempts_left"


def counted(key):
    """What the results show of a block: ``(respondents, tallies)`` from its summary, which must
    equal what its answer rows count."""
    shown = (summary.respondents(str(key)), summary.tallies(str(key)))
    assert shown == summary.counted_from_rows(str(key))
    return shown


def test_delete_learner_state_starts_a_case_study_afresh_at_once(platform):  # noqa: F811
    ana, bob, sam = platform.user("ana"), platform.user("bob"), platform.user("sam", role="staff")
    key = platform.add(CASE.format(extra='attempts_allowed="1" show_distribution="true"', more=""),
                       platform.subsection())
    lms = platform.lms(ana)
    for user in (ana, bob):
        assert platform.lms(user).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    delete_state(platform, key, ana, sam)  # right after she answered: her attempt-1 claim is freed
    assert platform.events.grades[-1]["raw_earned"] == 0 and platform.events.grades[-1]["score_deleted"]
    assert counted(key) == (2, {"q1": {"b": 2}})  # her answer stays counted until she answers again
    assert "Pick one." in platform.lms(ana).html(key)
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    assert platform.gradebook(ana, key)["raw_earned"] == 2.0
    assert counted(key) == (2, {"q1": {"a": 1, "b": 1}})  # replaced, not counted twice
    assert try_again(lms, key).json["error"] == "no_attempts_left"  # one attempt again, not more
    bobs = anonymous_id_for_user(bob, platform.course_key)
    assert Claim.objects.filter(user_key=bobs).exists()  # bob's claims untouched


def test_delete_learner_state_lets_a_role_play_learner_play_again_at_once_counted_once(platform):  # noqa: F811
    ana, bob, sam = platform.user("ana"), platform.user("bob"), platform.user("sam", role="staff")
    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="1" show_others="true"'), platform.subsection())
    for user in (ana, bob):
        assert play(platform.lms(user), key, ["Listen first", "Finish"]).json["phase"] == "ending"
    before = counted(key)
    assert before[0] == 2
    delete_state(platform, key, ana, sam)
    assert platform.events.grades[-1]["raw_earned"] == 0 and platform.events.grades[-1]["score_deleted"]
    assert counted(key) == before  # her path stays counted until she plays again
    lms = platform.lms(ana)
    assert play(lms, key, ["Refer at once"]).json["phase"] == "ending"
    respondents, tallies = counted(key)
    assert respondents == 2  # her new path replaced her earlier one
    assert sum(tallies["n-start"].values()) == 2 and sum(tallies["n-mid"].values()) == 1
    assert lms.handle(key, "restart", {}).json["error"] == "no_attempts_left"



def test_delete_learner_state_of_a_named_likert_keeps_their_answers_until_they_answer_again(platform):  # noqa: F811
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
    assert counted(key)[0] == 1 and Comment.objects.filter(block_key=str(key)).count() == 1  # counted once


def test_delete_learner_state_of_an_anonymous_likert_lets_them_answer_once_more(platform):  # noqa: F811
    """The block has no ``clear_student_state``: the platform resets the score to 0 itself; the
    deleted row frees the learner's one-time claim (``post_delete``); their earlier answers carry
    no identity and stay counted."""
    ana, bob, sam = platform.user("ana"), platform.user("bob"), platform.user("sam", role="staff")
    key = platform.add(LIKERT.format(extra='anonymous="true" graded="true"'), platform.subsection(graded=True))
    for user in (ana, bob):
        assert platform.lms(user).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert platform.gradebook(ana, key)["raw_earned"] == 1.0
    delete_state(platform, key, ana, sam)
    assert platform.events.grades[-1] == {"user": "ana", "block": str(key), "raw_earned": 0, "raw_possible": 1.0,
                                          "score_deleted": True}
    assert counted(key)[0] == 2  # both submissions still counted
    assert platform.lms(bob).handle(key, "submit", LIKERT_ANSWERS).status == 409  # bob's claim kept
    lms = platform.lms(ana)
    assert lms.handle(key, "student_view_user_state", method="GET").json["submitted"] is False
    assert lms.handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert platform.gradebook(ana, key)["raw_earned"] == 1.0
    assert counted(key)[0] == 3 and Answer.objects.filter(block_key=str(key)).count() == 9
    assert lms.handle(key, "submit", LIKERT_ANSWERS).status == 409  # once more, not more


def test_bulk_delete_state_frees_every_learners_anonymous_claim_in_that_block_only(platform):  # noqa: F811
    """The instructor task's "delete state" of every learner (``delete_state_all``, as
    ``instructor_task/tasks_helper/module_state.py`` runs it: no block method is called)."""
    ana, bob = platform.user("ana"), platform.user("bob")
    key = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    other = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    for user in (ana, bob):
        for block in (key, other):
            assert platform.lms(user).handle(block, "submit", LIKERT_ANSWERS).status == 200
    assert delete_state_all(platform, key) == ["ana", "bob"]
    for user in (ana, bob):
        assert platform.lms(user).handle(key, "submit", LIKERT_ANSWERS).status == 200
        assert platform.lms(user).handle(other, "submit", LIKERT_ANSWERS).status == 409  # the other block's kept
    assert counted(key)[0] == 4 and counted(other)[0] == 2


FIXED_KEY = CASE.replace('<option id="a" correct="true">', '<option id="a">').replace(
    '<option id="b">', '<option id="b" correct="true">')


@pytest.mark.parametrize("reset", ["one", "all"])
def test_a_rescore_after_reset_attempts_still_reaches_the_case_study_learner(platform, reset):  # noqa: F811
    """Bug hunt s42: the platform's "Reset attempts" sets ``attempts`` to 0 and keeps the rest; the
    learner's kept attempts still count for their grade, so a rescore after the author fixes the
    key must reach them (``rescore_problem_module_state`` skips ``has_submitted_answer() == False``)."""
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=""), platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    assert platform.gradebook(ana, key)["raw_earned"] == 0
    if reset == "one":
        reset_attempts(platform, key, ana)
    else:
        reset_attempts_all(platform, key)
    platform.reimport(key, FIXED_KEY.format(extra='attempts_allowed="1"', more=""))
    assert rescore(platform, key) == {"ana": "succeeded"}
    assert platform.gradebook(ana, key)["raw_earned"] == 2.0


# ------------------------------------------------------------------ the learner's completion (decision 109)
def completions(platform, key):  # noqa: F811
    """Each learner's ``BlockCompletion`` value of the block (its last submission), by username."""
    return {c["user"]: c["completion"] for c in platform.events.completions if c["block"] == str(key)}


def test_the_bulk_delete_of_every_learner_s_state_marks_the_activity_not_done_for_each_of_them(platform):  # noqa: F811
    """The bulk task tells the completion app nothing (nor the grades app): the receiver of each
    deleted row resets that learner's completion, so every learner's outline shows it to do again."""
    ana, bob = platform.user("ana"), platform.user("bob")
    key = platform.add(CASE.format(extra="", more=""), platform.subsection())
    other = platform.add(ROLE_PLAY.format(extra=""), platform.subsection())
    for user in (ana, bob):
        assert platform.lms(user).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    assert play(platform.lms(ana), other, ["Refer at once"]).json["phase"] == "ending"
    assert completions(platform, key) == {"ana": 1.0, "bob": 1.0}
    assert sorted(delete_state_all(platform, key)) == ["ana", "bob"]
    assert completions(platform, key) == {"ana": 0.0, "bob": 0.0}
    assert completions(platform, other) == {"ana": 1.0}  # another block's untouched


def test_delete_learner_state_where_the_lms_tracks_no_completion_deletes_and_resets_nothing(platform, monkeypatch):  # noqa: F811
    """With the completion app's switch off, ``submit_completion`` raises ``RuntimeError``: the
    receiver does not call it, and the deletion goes through."""
    ana, sam = platform.user("ana"), platform.user("sam", role="staff")
    key = platform.add(CASE.format(extra='attempts_allowed="1"', more=""), platform.subsection())
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    monkeypatch.setattr(completion_app.ENABLE_COMPLETION_TRACKING_SWITCH, "on", False)
    delete_state(platform, key, ana, sam)
    assert platform.state(ana, key) == {}
    assert completions(platform, key) == {"ana": 1.0}  # nothing written while the app keeps nothing
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200  # attempt 1 again, at once
