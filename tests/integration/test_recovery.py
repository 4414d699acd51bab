"""Issue 10: every learner action is done once, whatever the network does (decision 22).

The page sends an ``action_id`` with every learner POST and sends the same one again when it
retries after a lost reply. These tests send a request, "lose" its reply (the test simply sends
the same request again, as the page does), and check what the learner then gets and what the
server kept: the same answer, no second attempt, no second row, no second grade or event. They
run through the platform-faithful runtime (tests/openedx), whose ``runtime.handle`` saves the
learner's state after the handler as the LMS's does (XBlock ``Runtime.handle``).
"""

import hashlib
import hmac
import itertools
import json

import pytest

from emm_xblocks.case_study.block import CaseStudyBlock
from emm_xblocks.common.platform import secret
from emm_xblocks.likert.block import LikertBlock
from emm_xblocks.models import Answer, Claim
from tests.integration.platform_blocks import LIKERT, past
from tests.integration.test_case_study_handlers import CASE, GOOD, WRONG
from tests.integration.test_likert_handlers import SURVEY
from tests.integration.test_role_play_handlers import SMALL, labelled
from tests.openedx.fixtures import platform  # noqa: F401
from tests.openedx.instructor import problem_responses

ANSWERS = {"answers": {"relevance": 4, "pace": 2}, "comment": "Merci"}


def sent(data, action_id):
    return {**data, "action_id": action_id}


# ------------------------------------------------------------------ Likert
def test_a_repeated_named_submission_answers_as_the_first_and_counts_once(scenario, handlers, events):
    uid = scenario(SURVEY.format(extra=""))
    first = handlers.post(uid, "submit", sent(ANSWERS, "likert-a-0001"))
    again = handlers.post(uid, "submit", sent(ANSWERS, "likert-a-0001"))
    assert first.status_code == again.status_code == 200, again.content
    assert again.json_body == first.json_body
    assert Answer.objects.filter(block_key=uid).count() == 2
    assert len(events.named("emm.likert.submitted")) == 1
    assert len(events.completions) == 1


def test_a_repeated_anonymous_submission_is_not_already_submitted(scenario, handlers, events):
    uid = scenario(SURVEY.format(extra='anonymous="true"'))
    first = handlers.post(uid, "submit", sent(ANSWERS, "anon-a-0001"))
    again = handlers.post(uid, "submit", sent(ANSWERS, "anon-a-0001"))
    assert first.status_code == again.status_code == 200, again.content
    assert again.json_body == first.json_body
    assert Answer.objects.filter(block_key=uid).count() == 2
    assert len(events.named("emm.likert.submitted")) == 1
    # a new action (another tab, a changed form) is still refused: the evaluation is answered once
    other = handlers.post(uid, "submit", sent({"answers": {"relevance": 1, "pace": 1}}, "anon-b-0002"))
    assert other.status_code == 409 and other.json_body["error"] == "already_submitted"
    assert Answer.objects.filter(block_key=uid).count() == 2


def test_an_anonymous_submission_kept_by_the_release_before_is_still_recognised(scenario, handlers, events):
    """decision 113 keys the digest kept beside the action id by the learner too. A learner whose
    submit was kept just before the upgrade, with the block-only digest of the release before, and
    whose reply was lost retries it just after: the same answers are the same action (answered as
    the first, nothing kept again), other answers under that id are refused, as before."""
    uid = scenario(SURVEY.format(extra='anonymous="true"'))
    first = handlers.post(uid, "submit", sent(ANSWERS, "anon-u-0001"))
    assert first.status_code == 200, first.content
    block = handlers.block(uid)
    text = json.dumps(ANSWERS, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    before = hmac.new(secret(block, "action-data"), text, hashlib.sha256).hexdigest()[:16]  # the release before
    [entry] = block.action_ids
    assert entry.startswith("submit:anon-u-0001:") and not entry.endswith(before)  # the learner keys it now
    block.action_ids = [f"submit:anon-u-0001:{before}"]
    block.save()
    again = handlers.post(uid, "submit", sent(ANSWERS, "anon-u-0001"))
    assert again.status_code == 200 and again.json_body == first.json_body
    other = handlers.post(uid, "submit", sent({"answers": {"relevance": 1, "pace": 1}}, "anon-u-0001"))
    assert other.status_code == 409 and other.json_body["error"] == "action_reused"
    assert Answer.objects.filter(block_key=uid).count() == 2
    assert len(events.named("emm.likert.submitted")) == 1


def test_one_learner_s_retry_is_recognised_and_another_s_same_answers_are_not_the_same_digest(scenario, handlers):
    """The digest kept beside an action id names the learner's request, not the answers: the same
    answers sent by two learners are two digests (decision 113), each learner's retry its own."""
    uid = scenario(SURVEY.format(extra='anonymous="true" min_group_size="1"'))
    for student in ("ana", "bo"):
        for _ in range(2):  # the second: the retry of a lost reply
            r = handlers.post(uid, "submit", sent(ANSWERS, "anon-same-01"), student=student)
            assert r.status_code == 200, r.content
    kept = [handlers.block(uid, student=student).action_ids for student in ("ana", "bo")]
    assert all(len(ids) == 1 for ids in kept) and kept[0] != kept[1]
    assert Answer.objects.filter(block_key=uid).count() == 4


def save_fails_once(monkeypatch, cls):
    """The learner's state is not saved after the handler returned (the LMS's write of the
    ``StudentModule`` row failed: ``runtime.handle`` calls ``block.save()`` after the handler,
    XBlock's ``Runtime.handle``): the store had committed, the events were published, the
    runtime answers 500."""
    save = cls.save

    def broken(block):
        monkeypatch.setattr(cls, "save", save)
        raise RuntimeError("the learner's state could not be saved")

    monkeypatch.setattr(cls, "save", broken)


def test_an_anonymous_submission_whose_state_was_lost_is_recognised_by_the_store(scenario, handlers, events,
                                                                                monkeypatch):
    """The rows and the one-time claim were committed by the store, the learner's state was not
    saved: the retry of the same action is told it was done, the state is repaired and nothing is
    counted or published twice -- a different action is still refused."""
    uid = scenario(SURVEY.format(extra='anonymous="true"'))
    save_fails_once(monkeypatch, LikertBlock)
    lost = handlers.post(uid, "submit", sent(ANSWERS, "anon-lost-0001"))
    assert lost.status_code == 500
    assert not handlers.block(uid).submitted
    assert Answer.objects.filter(block_key=uid).count() == 2  # the store kept the submission

    other = handlers.post(uid, "submit", sent(ANSWERS, "anon-other-0002"))
    assert other.status_code == 409 and other.json_body["error"] == "already_submitted"
    again = handlers.post(uid, "submit", sent(ANSWERS, "anon-lost-0001"))
    assert again.status_code == 200, again.content
    assert again.json_body["submitted"] is True
    assert handlers.block(uid).submitted  # the state is repaired
    assert Answer.objects.filter(block_key=uid).count() == 2
    assert len(events.named("emm.likert.submitted")) == 1  # published by the first request only
    assert handlers.post(uid, "state", {}).json_body["locked"] is True


def test_a_case_study_submit_whose_state_was_lost_is_recognised_by_its_attempt_claim(scenario, handlers, events,
                                                                                     monkeypatch):
    """The attempt's claim was committed, the learner's state was not saved: the retry of the same
    submit gets its results at once (not "submitted from another window" for two minutes), the
    attempt is spent once and its events published once; another submit is still refused."""
    uid = scenario(CASE.format(attempts=2, policy="best", show="submitted", extra='show_distribution="true"'))
    save_fails_once(monkeypatch, CaseStudyBlock)
    assert handlers.post(uid, "submit", sent({"answers": GOOD}, "case-lost-0001")).status_code == 500
    assert handlers.block(uid).attempts == 0
    other = handlers.post(uid, "submit", sent({"answers": WRONG}, "case-other-002"))
    assert other.status_code == 409 and other.json_body["error"] == "submit_conflict"

    again = handlers.post(uid, "submit", sent({"answers": GOOD}, "case-lost-0001"))
    assert again.status_code == 200, again.content
    assert again.json_body["attempts_left"] == 1 and again.json_body["score"] == 4  # q3 waits for its self-assessment
    block = handlers.block(uid)
    assert block.attempts == 1 and len(block.history) == 1 and block.raw_earned == 4
    assert len(events.named("emm.case_study.submitted")) == 1
    # one row per picked option, once (and the row saying q2 was answered, decision 94)
    assert Answer.objects.filter(block_key=uid).exclude(group__endswith=".*").count() == 3
    assert Claim.objects.filter(block_key=uid, slot__startswith="attempt-").count() == 1


def test_a_claim_given_back_gives_back_its_action_too(scenario, handlers, monkeypatch):
    """A submit that fails inside the handler gives its attempt claim back (decision 3) and the
    action's claim with it: the same action sent again is done afresh, once."""
    uid = scenario(CASE.format(attempts=2, policy="best", show="submitted", extra=""))
    keep = CaseStudyBlock.keep_score

    def broken(block, score):
        raise RuntimeError("the grade could not be published")

    monkeypatch.setattr(CaseStudyBlock, "keep_score", broken)
    assert handlers.post(uid, "submit", sent({"answers": GOOD}, "case-fail-0001")).status_code == 500
    assert Claim.objects.filter(block_key=uid).count() == 0
    monkeypatch.setattr(CaseStudyBlock, "keep_score", keep)
    again = handlers.post(uid, "submit", sent({"answers": GOOD}, "case-fail-0001"))
    assert again.status_code == 200 and handlers.block(uid).attempts == 1


def test_the_likert_state_handler_gives_what_the_page_shows(scenario, handlers):
    uid = scenario(SURVEY.format(extra='results="learners"'))
    before = handlers.post(uid, "state", {}).json_body
    assert before["submitted"] is False and before["answers"] == {} and before["results_available"] is False
    handlers.post(uid, "submit", sent(ANSWERS, "likert-s-0001"))
    after = handlers.post(uid, "state", {}).json_body
    assert after["submitted"] is True and after["locked"] is False
    assert after["answers"] == {"relevance": 4, "pace": 2} and after["comment"] == "Merci"
    assert after["results_available"] is True


@pytest.mark.parametrize("bad", ["short", "x" * 65, "no spaces here!", 12, ["abcdefgh"]])
def test_an_unreadable_action_id_is_refused(scenario, handlers, bad):
    uid = scenario(SURVEY.format(extra=""))
    r = handlers.post(uid, "submit", sent(ANSWERS, bad))
    assert r.status_code == 400 and r.json_body["error"] == "invalid_request"
    assert Answer.objects.filter(block_key=uid).count() == 0


def test_the_ids_of_the_last_actions_only_are_kept(scenario, handlers):
    uid = scenario(SURVEY.format(extra=""))
    for i in range(12):
        assert handlers.post(uid, "submit", sent(ANSWERS, f"likert-{i:08d}")).status_code == 200
    kept = handlers.block(uid).action_ids
    assert len(kept) == 8 and kept[-1].startswith("submit:likert-00000011:")
    assert not any(entry.startswith("submit:likert-00000003:") for entry in kept)


def test_an_action_id_sent_again_with_other_answers_is_refused_and_changes_nothing(scenario, handlers, events):
    """Crafted-request trial s32: the same id with other answers was answered as a replay of the first
    (a 200 that kept nothing, the learner told their new answers were saved). The page never sends
    it; now it is refused (409 ``action_reused``) and the first answers stand. The same data in
    another key order is the same request."""
    uid = scenario(SURVEY.format(extra=""))
    assert handlers.post(uid, "submit", sent(ANSWERS, "likert-r-0001")).status_code == 200
    other = {"answers": {"relevance": 1, "pace": 5}, "comment": "Merci"}
    r = handlers.post(uid, "submit", sent(other, "likert-r-0001"))
    assert r.status_code == 409 and r.json_body["error"] == "action_reused"
    assert "reload the page" in r.json_body["message"]
    assert handlers.block(uid).answers == {"relevance": 4, "pace": 2}
    assert sorted(Answer.objects.filter(block_key=uid).values_list("value", flat=True)) == ["2", "4"]
    reordered = {"comment": "Merci", "answers": {"pace": 2, "relevance": 4}}
    assert handlers.post(uid, "submit", sent(reordered, "likert-r-0001")).status_code == 200  # the retry
    # the answer's shape asked otherwise is still the same request (crafted-request trial s34)
    full = handlers.post(uid, "submit", sent({**reordered, "reply": "full"}, "likert-r-0001"))
    assert full.status_code == 200 and handlers.post(uid, "submit", sent({**ANSWERS, "reply": "page"},
                                                                           "likert-r-0001")).status_code == 200
    assert len(events.named("emm.likert.submitted")) == 1
    # an id kept before fingerprints (an update in between): a retry whatever its data, never a second action
    block = handlers.block(uid)
    block.action_ids = [*block.action_ids, "submit:legacy-r-0001"]
    block.save()
    again = handlers.post(uid, "submit", sent(other, "legacy-r-0001"))
    assert again.status_code == 200 and len(events.named("emm.likert.submitted")) == 1
    assert handlers.block(uid).answers == {"relevance": 4, "pace": 2}


# ------------------------------------------------------------------ case study
def test_a_repeated_case_study_submit_shows_the_results_and_spends_one_attempt(scenario, handlers, events):
    uid = scenario(CASE.format(attempts=2, policy="best", show="submitted", extra='show_distribution="true"'))
    first = handlers.post(uid, "submit", sent({"answers": GOOD}, "case-sub-0001"))
    again = handlers.post(uid, "submit", sent({"answers": GOOD}, "case-sub-0001"))
    assert first.status_code == again.status_code == 200, again.content
    assert again.json_body == first.json_body
    assert again.json_body["attempts_left"] == 1 and again.json_body["can_retry"] is True
    assert "Try again" in again.json_body["html"]
    block = handlers.block(uid)
    assert block.attempts == 1 and len(block.history) == 1
    assert Claim.objects.filter(block_key=uid, slot__startswith="attempt-").count() == 1
    assert len(events.grades) == 1 and len(events.named("emm.case_study.submitted")) == 1
    # without an id (a page older than ids, the mobile apps) the rule is as before
    old = handlers.post(uid, "submit", {"answers": GOOD})
    assert old.status_code == 409 and old.json_body["error"] == "already_submitted"


def test_every_case_study_action_replays(scenario, handlers):
    uid = scenario(CASE.format(attempts=3, policy="best", show="submitted", extra=""))
    draft = {"answers": {"q1": "b"}}
    assert handlers.post(uid, "save_draft", sent(draft, "case-draft-01")).status_code == 200
    assert handlers.post(uid, "save_draft", sent(draft, "case-draft-01")).json_body["saved"] is True
    handlers.post(uid, "submit", sent({"answers": WRONG}, "case-sub-00001"))
    ticks = {"ticks": {"q3": ["k1"]}}
    first = handlers.post(uid, "self_assess", sent(ticks, "case-assess-1"))
    again = handlers.post(uid, "self_assess", sent(ticks, "case-assess-1"))
    assert again.status_code == 200 and again.json_body == first.json_body
    first = handlers.post(uid, "try_again", sent({}, "case-retry-01"))
    again = handlers.post(uid, "try_again", sent({}, "case-retry-01"))
    assert again.status_code == 200 and again.json_body == first.json_body
    assert again.json_body["attempts_left"] == 2 and again.json_body["draft"] == WRONG
    assert handlers.block(uid).attempts == 1


def test_the_case_study_state_handler_gives_results_or_the_draft(scenario, handlers):
    uid = scenario(CASE.format(attempts=2, policy="best", show="submitted", extra=""))
    handlers.post(uid, "save_draft", {"answers": {"q1": "b"}})
    before = handlers.post(uid, "state", {}).json_body
    assert before["submitted"] is False and before["draft"] == {"q1": "b"} and before["attempts_left"] == 2
    assert before["html"] == ""
    submitted = handlers.post(uid, "submit", {"answers": GOOD}).json_body
    after = handlers.post(uid, "state", {}).json_body
    assert after == submitted


def test_a_replay_after_the_due_date_still_answers(scenario, handlers):
    """The due date may pass between a submit and its retry: the retry changes nothing and gets the results."""
    uid = scenario(CASE.format(attempts=2, policy="best", show="submitted", extra=""))
    handlers.subsection_settings(uid, graded=True)
    first = handlers.post(uid, "submit", sent({"answers": GOOD}, "case-due-0001"))
    handlers.subsection_settings(uid, due=past())
    again = handlers.post(uid, "submit", sent({"answers": GOOD}, "case-due-0001"))
    assert again.status_code == 200, again.content
    assert again.json_body["score"] == first.json_body["score"]
    assert handlers.post(uid, "submit", sent({"answers": GOOD}, "case-due-0002")).json_body["error"] == "past_due"


# ------------------------------------------------------------------ role-play
def test_a_repeated_choice_answers_with_the_node_it_moved_to(scenario, handlers, events):
    uid = scenario(SMALL.format(extra=""))
    r = handlers.post(uid, "begin", sent({"role": "r1"}, "rp-start-0001"))
    choice = {"choice": labelled(r)["Good move"]}
    first = handlers.post(uid, "choose", sent(choice, "rp-choose-001"))
    again = handlers.post(uid, "choose", sent(choice, "rp-choose-001"))
    assert first.status_code == again.status_code == 200, again.content
    assert again.json_body == first.json_body
    assert "MID-TEXT" in again.json_body["html"] and "GOOD-CONSEQUENCE" in again.json_body["html"]
    assert handlers.block(uid).path == ["n-start", "n-mid"]
    assert len(events.named("emm.role_play.chose")) == 1
    # the same choice without an id (or a new one) is not offered any more: the page re-reads the state
    stale = handlers.post(uid, "choose", sent(choice, "rp-choose-002"))
    assert stale.status_code == 400 and stale.json_body["error"] == "unknown_choice"


def test_repeated_start_restart_and_back_do_not_move_twice(scenario, handlers):
    uid = scenario(SMALL.format(extra='allow_back="true" attempts_allowed="3"'))
    r = handlers.post(uid, "begin", sent({"role": "r1"}, "rp-start-0001"))
    assert handlers.post(uid, "begin", sent({"role": "r1"}, "rp-start-0001")).json_body == r.json_body
    r = handlers.post(uid, "choose", sent({"choice": labelled(r)["Good move"]}, "rp-choose-001"))
    back = handlers.post(uid, "back", sent({}, "rp-back-00001"))
    assert handlers.post(uid, "back", sent({}, "rp-back-00001")).json_body == back.json_body
    assert handlers.block(uid).path == ["n-start"]
    # chosen again: "Start again" at the start with nothing chosen would spend nothing (one role)
    r = handlers.post(uid, "choose", sent({"choice": labelled(back)["Good move"]}, "rp-choose-002"))
    assert r.status_code == 200 and handlers.block(uid).path == ["n-start", "n-mid"]
    restart = handlers.post(uid, "restart", sent({}, "rp-restart-01"))
    assert handlers.post(uid, "restart", sent({}, "rp-restart-01")).json_body == restart.json_body
    assert handlers.block(uid).attempts == 2
    assert Claim.objects.filter(block_key=uid, slot__startswith="attempt-").count() == 2


# ------------------------------------------------------------------ what the state gives away
ANONYMOUS = LIKERT.format(extra='anonymous="true" min_group_size="1"').replace('comment="true"', 'comment="false"')
IDS = ("relevance", "pace", "applicability")


def candidates():
    """Every request the page could have sent for this evaluation (no comment box: ``""``)."""
    values = [None, "na", 1, 2, 3, 4, 5]  # None: left blank (the page leaves it out)
    for combo in itertools.product(values, repeat=len(IDS)):
        answers = {sid: v for sid, v in zip(IDS, combo, strict=True) if v is not None}
        yield {"answers": answers, "comment": "", "profile": ""}


def digest(data):  # any digest of the request's JSON, as a reader of the report would try
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_the_problem_responses_report_does_not_give_away_an_anonymous_learner_s_answers(platform):  # noqa: F811
    """(Bug hunt s44.) The action id is remembered in the learner's state (``action_ids``) with a
    digest of the request, and that state is the "problem responses" report's ``state`` column
    (``ProblemResponses``) and staff debug's history: unkeyed, an anonymous evaluation's few
    possible answer sets could be hashed one by one until one matched the learner's."""
    key = platform.add(ANONYMOUS, platform.subsection())
    given = {"relevance": 2, "pace": 5, "applicability": "na"}
    sent = {"answers": given, "comment": "", "profile": "", "action_id": "a1b2c3d4e5f6g7h8", "reply": "page"}
    r = platform.lms(platform.user("ana")).handle(key, "submit", sent)
    assert r.status == 200, r.body[:300]

    rows, _columns = problem_responses(platform, key)
    [row] = rows
    assert row["username"] == "ana"  # who answered is the platform's to say (completion does too)
    state = row["state"]
    recovered = [c["answers"] for c in candidates() if digest(c) in state]
    # what the report's reader learns of ana's anonymous answers: nothing
    assert recovered == [], f"ana's anonymous answers read back from the report's state column: {recovered}"
