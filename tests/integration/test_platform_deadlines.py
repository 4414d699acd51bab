"""Issue 8 §2: due dates (``due`` + ``graceperiod``) and ``show_correctness``, as the platform means them.

``xmodule/modulestore/inheritance.py`` (``close_date``), ``xblock/scorable.py`` /
``xmodule/graders.py`` (``ShowCorrectness.correctness_available``: ``never`` hides from everyone,
staff see otherwise, ``past_due`` shows once the due date has passed).
"""

import json
import re
from datetime import timedelta

import pytest

from emm_xblocks.models import Answer
from tests.integration.platform_blocks import (
    CASE,
    LIKERT,
    LIKERT_ANSWERS,
    REFLECTION,
    ROLE_PLAY,
    choices,
    future,
    past,
    play,
    try_again,
    visible_text,
)
from tests.openedx.fixtures import platform  # noqa: F401

DEADLINE_WORDS = ("due date", "deadline", "closed", "date limite")


def says_closed(html):
    text = visible_text(html).lower()
    return any(word in text for word in DEADLINE_WORDS)


def assert_past_due(result):
    assert result.status == 403, (result.status, result.json)
    assert result.json["error"] == "past_due"
    assert result.json["message"].strip()


def test_a_graded_case_study_refuses_a_submit_after_the_due_date(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=past())
    key = platform.add(CASE.format(extra="", more=""), sub)
    ana = platform.user("ana")
    lms = platform.lms(ana)
    assert_past_due(lms.handle(key, "submit", {"answers": {"q1": "a"}}))
    assert_past_due(lms.handle(key, "save_draft", {"answers": {"q1": "a"}}))
    assert platform.state(ana, key) == {} and platform.events.grades == []
    assert says_closed(lms.html(key))


def test_the_grace_period_keeps_submissions_open(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=past(hours=1), graceperiod=timedelta(days=1))
    key = platform.add(CASE.format(extra="", more=""), sub)
    lms = platform.lms(platform.user("ana"))
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    assert not says_closed(platform.lms(platform.user("bea")).html(key))


def test_a_role_play_refuses_to_start_or_choose_after_the_due_date(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(ROLE_PLAY.format(extra=""), sub)
    ana = platform.user("ana")
    started = platform.lms(ana).handle(key, "begin", {"role": "r1"})
    assert started.status == 200
    platform.set_settings(sub, due=past())
    before = platform.state(ana, key)
    assert_past_due(platform.lms(ana).handle(key, "choose", {"choice": choices(started)["Listen first"]}))
    assert_past_due(platform.lms(platform.user("bea")).handle(key, "begin", {"role": "r1"}))
    assert platform.state(ana, key) == before
    assert says_closed(platform.lms(ana).html(key))


def test_a_learner_given_more_time_submits_after_the_course_s_due_date_the_others_do_not(platform):  # noqa: F811
    """The instructor dashboard's due date extension: edx-when keeps the learner's own date
    (``UserDate``) and the LMS reads it before the course's (``DateLookupFieldData``,
    ``tests/openedx/dates.py``): the blocks follow their ``due`` field, so the one learner may
    still submit and start, the page does not say it is closed, and the others are refused."""
    sub = platform.subsection(graded=True, due=past())
    case = platform.add(CASE.format(extra="", more=""), sub)
    role_play = platform.add(ROLE_PLAY.format(extra=""), sub)
    ana, bea = platform.user("ana"), platform.user("bea")
    platform.extend_due(sub, ana, future(days=2))
    assert not says_closed(platform.lms(ana).html(case))
    assert platform.lms(ana).handle(case, "submit", {"answers": {"q1": "a"}}).status == 200
    assert platform.lms(ana).handle(role_play, "begin", {"role": "r1"}).status == 200
    assert [g["user"] for g in platform.events.grades] == ["ana"]
    assert_past_due(platform.lms(bea).handle(case, "submit", {"answers": {"q1": "a"}}))
    assert_past_due(platform.lms(bea).handle(role_play, "begin", {"role": "r1"}))
    assert says_closed(platform.lms(bea).html(case))


def test_a_due_date_extension_ends_too(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=past(hours=48))
    key = platform.add(CASE.format(extra="", more=""), sub)
    ana = platform.user("ana")
    platform.extend_due(sub, ana, past(hours=1))
    assert_past_due(platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a"}}))


def test_a_graded_likert_refuses_after_the_due_date_an_ungraded_one_does_not(platform):  # noqa: F811
    sub = platform.subsection(due=past())
    graded = platform.add(LIKERT.format(extra='graded="true"'), sub)
    survey = platform.add(LIKERT.format(extra=""), sub)
    lms = platform.lms(platform.user("ana"))
    assert_past_due(lms.handle(graded, "submit", LIKERT_ANSWERS))
    assert not Answer.objects.filter(block_key=str(graded)).exists()
    assert lms.handle(survey, "submit", LIKERT_ANSWERS).status == 200


def _results_page(platform, key, user):  # noqa: F811
    return visible_text(platform.lms(user).html(key))


SCORE_SHOWN = ("2 points out of 4", "2 / 2", "Question 1: Correct")  # "Submitted: 2 points out of 4.", "Points: 2 / 2"


def shows_score(text):
    return any(marker in text for marker in SCORE_SHOWN)


@pytest.mark.parametrize("setting", ["never", "past_due"])
def test_case_study_hides_correctness_and_score_until_the_platform_allows(platform, setting):  # noqa: F811
    sub = platform.subsection(graded=True, due=future(), show_correctness=setting)
    key = platform.add(CASE.format(extra='show_answers="submitted"', more=REFLECTION), sub)
    ana = platform.user("ana")
    body = platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a", "q3": "My text."}}).json
    assert body.get("score") is None and body.get("grade") is None
    assert "'correct'" not in str(body) and not shows_score(str(body)) and "SECRET-FEEDBACK" not in str(body)
    page = _results_page(platform, key, ana)
    assert not shows_score(page) and "SECRET-FEEDBACK" not in page
    platform.set_settings(sub, due=past())
    later = _results_page(platform, key, ana)
    assert shows_score(later) is (setting == "past_due")


def test_past_due_correctness_waits_for_the_grace_period_too(platform):  # noqa: F811
    """Capa passes ``close_date`` (``due`` + ``graceperiod``) as the due date of
    ``correctness_available`` (``xmodule/capa_block.py``): during the grace period, when answers
    are still accepted, nobody is shown whether earlier answers were right."""
    sub = platform.subsection(graded=True, due=past(hours=1), graceperiod=timedelta(days=1),
                              show_correctness="past_due")
    key = platform.add(CASE.format(extra='show_answers="submitted" attempts_allowed="2"', more=""), sub)
    ana = platform.user("ana")
    lms = platform.lms(ana)
    body = lms.handle(key, "submit", {"answers": {"q1": "b"}}).json  # wrong: 0 points out of 2
    assert body["score"] is None and "SECRET-FEEDBACK" not in str(body) and "0 points out of 2" not in str(body)
    page = _results_page(platform, key, ana)
    assert "0 points out of 2" not in page and "SECRET-FEEDBACK" not in page
    assert lms.handle(key, "student_view_user_state", method="GET").json["score"] is None
    platform.set_settings(sub, graceperiod=None)  # now closed: correctness may show
    page = _results_page(platform, key, ana)
    assert "0 points out of 2" in page and "SECRET-FEEDBACK-B" in page


def test_course_staff_see_correctness_unless_it_is_never(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=future(), show_correctness="past_due")
    key = platform.add(CASE.format(extra="", more=""), sub)
    staff = platform.user("sam", role="staff")
    body = platform.lms(staff).handle(key, "submit", {"answers": {"q1": "a"}}).json
    assert body.get("score") == 2


def test_role_play_hides_the_score_when_show_correctness_is_never(platform):  # noqa: F811
    sub = platform.subsection(graded=True, show_correctness="never")
    key = platform.add(ROLE_PLAY.format(extra=""), sub)
    ana = platform.user("ana")
    ended = play(platform.lms(ana), key, ["Listen first", "Finish"])
    assert ended.status == 200
    for text in (visible_text(ended.json["html"]), visible_text(platform.lms(ana).html(key))):
        assert "67%" not in text and "2 points out of 3" not in text
        assert "DEBRIEF-TEXT" in text  # the debrief is content, not correctness


def test_the_platforms_showanswer_never_keeps_model_answers_hidden(platform):  # noqa: F811
    sub = platform.subsection(graded=True, showanswer="never")
    key = platform.add(CASE.format(extra='show_answers="submitted" max_attempts="1"', more=REFLECTION), sub)
    ana = platform.user("ana")
    body = platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b", "q3": "Text."}}).json
    page = platform.lms(ana).html(key)
    for secret in ("SECRET-MODEL-ANSWER", "SECRET-EXPERT-ANALYSIS", "SECRET-EXPLANATION-1"):
        assert secret not in str(body) and secret not in page


@pytest.mark.parametrize("attempts", ["3", "0"])
def test_after_the_last_attempt_answers_show_once_the_due_date_has_passed(platform, attempts):  # noqa: F811
    """``show_answers="finished"`` ("After the last attempt (or full marks)") is the platform's
    ``showanswer`` ``finished``: ``closed() or is_correct()``, where ``closed()`` is "no attempt
    left **or** ``is_past_due()``" (``xmodule/capa_block.py``, ``answer_available`` / ``closed``).
    Once the due date has passed the learner has no attempt left (every ``try_again`` and
    ``submit`` is refused ``past_due``): the last attempt they made is their last, and the model
    answers and the expert analysis must show. Else a learner who used one of three attempts (or
    any learner of a case with no limit who never reached full marks) never sees them."""
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(CASE.format(extra=f'show_answers="finished" attempts_allowed="{attempts}"',
                                   more=REFLECTION), sub)
    ana = platform.user("ana")
    lms = platform.lms(ana)
    body = lms.handle(key, "submit", {"answers": {"q1": "b", "q3": "My text."}}).json
    assert "SECRET-EXPERT-ANALYSIS" not in str(body)  # attempts left before the due date: not yet
    platform.set_settings(sub, due=past())
    assert_past_due(try_again(lms, key))  # no attempt left now
    assert platform.events.named("emm.case_study.answers_shown") == []
    page = _results_page(platform, key, ana)
    assert "SECRET-EXPERT-ANALYSIS" in page and "SECRET-MODEL-ANSWER" in page
    # the page that shows them records them, once (decision 84: ``learner.answers_seen``)
    assert len(platform.events.named("emm.case_study.answers_shown")) == 1 and platform.state(ana, key)["answers_shown"]
    _results_page(platform, key, ana)
    assert len(platform.events.named("emm.case_study.answers_shown")) == 1
    assert "SECRET-EXPERT-ANALYSIS" in str(lms.handle(key, "state", {}).json)  # the page's re-read shows them too


def test_after_the_due_date_no_page_says_attempts_are_left(platform):  # noqa: F811
    """Once the due date has passed no attempt is left: ``try_again``, ``submit`` and ``begin``
    answer 403 ``past_due`` (the platform's ``closed()`` is "no attempt left or past due",
    ``xmodule/capa_block.py``). The case study's and the role-play's pages still said "2 attempts
    left" under "The due date has passed: answers are no longer accepted." -- a learner on a phone
    reads both and cannot tell which is true."""
    sub = platform.subsection(graded=True, due=future())
    case = platform.add(CASE.format(extra='attempts_allowed="3"', more=""), sub)
    role_play = platform.add(ROLE_PLAY.format(extra='attempts_allowed="3"'), sub)
    ana = platform.user("ana")
    lms = platform.lms(ana)
    assert lms.handle(case, "submit", {"answers": {"q1": "b"}}).status == 200
    assert play(lms, role_play, ["Listen first", "Finish"]).status == 200
    platform.set_settings(sub, due=past())
    for key in (case, role_play):
        page = _results_page(platform, key, ana)
        assert says_closed(page)
        assert "attempts left" not in page, page
        # the apps are told the same: none left (``null`` would read "no limit"), no retry
        mobile = lms.handle(key, "student_view_user_state", method="GET").json
        assert mobile["attempts_left"] == 0 and mobile["refusal"]["error"] == "past_due"
        assert mobile.get("can_retry", False) is False
    # the page's own re-read of the state (after a failure, or when the link is back) gives no count either
    again = lms.handle(case, "state", {"reply": "page"}).json
    assert again["closed"] is True and again["attempts_left"] == 0 and "attempts left" not in again["html"]


def test_a_learner_who_tried_again_before_the_due_date_still_sees_the_results_earned(platform):  # noqa: F811
    """docs/lms-behaviour.md §2: after the due date the case study keeps "the results already
    earned". A learner who pressed "Try again" shortly before the due date (the form back, no
    new submit) found, once it had passed, a form they cannot send, "2 attempts left", and nothing
    of the 2 points the gradebook holds for them: the page never showed their results again."""
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(CASE.format(extra='attempts_allowed="3"', more=""), sub)
    ana = platform.user("ana")
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "a"}}).json["score"] == 2
    assert try_again(lms, key).status == 200
    platform.set_settings(sub, due=past())
    page = _results_page(platform, key, ana)
    assert says_closed(page)
    assert shows_score(page), page
    # the apps and the page's re-read of the state show the same attempt: submitted, its answers and score
    mobile = lms.handle(key, "student_view_user_state", method="GET").json
    assert mobile["submitted"] is True and mobile["answers"] == {"q1": "a"} and mobile["score"] == 2
    assert lms.handle(key, "state", {}).json["score"] == 2


def test_a_learner_who_started_a_role_play_again_before_the_due_date_still_sees_the_score_earned(platform):  # noqa: F811
    """As the case study's "Try again": a learner who pressed "Start again" before the due date
    found, once it had passed, the first step of an attempt they can never play, "1 attempt
    left", and nothing of the ended attempt the gradebook counts (the mobile state still gives its
    score: 0.67)."""
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(ROLE_PLAY.format(extra='attempts_allowed="3"'), sub)
    ana = platform.user("ana")
    lms = platform.lms(ana)
    assert play(lms, key, ["Listen first", "Finish"]).status == 200
    assert lms.handle(key, "restart", {}).status == 200
    platform.set_settings(sub, due=past())
    page = _results_page(platform, key, ana)
    assert says_closed(page)
    assert "67%" in page, page
    # the apps are shown the same attempt, ended, and the page's re-read of the state the same panel
    mobile = lms.handle(key, "student_view_user_state", method="GET").json
    assert mobile["ended"] is True and mobile["role"] == "r1" and mobile["attempts_left"] == 0
    assert "67%" in visible_text(lms.handle(key, "state", {}).json["html"])


def _page_args(platform, user, key):  # noqa: F811
    """The init args the runtime writes into the page (``xblock/runtime.py``, ``wrap_xblock``)."""
    html = platform.lms(user).render(key, "student_view").content
    return json.loads(re.search(r'<script type="json/xblock-args"[^>]*>(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize("olx", [CASE.format(extra="", more=REFLECTION), LIKERT.format(extra='graded="true"')],
                         ids=["case_study", "likert"])
def test_after_the_due_date_the_page_can_still_forget_the_answers_kept_on_the_device(platform, olx):  # noqa: F811
    """Decision 22 and bug hunt s43 (the knowledge check's closed pre-test): once the server takes
    no more answers, a shared phone keeps none of them. A learner typed a reflection (or tapped
    Submit offline: "your answers will be submitted when the connection is back") before the due
    date; the device keeps it under ``emm-draft-<draft_key>``. Once the due date has passed the
    page gets ``draft_key`` "" (``recovery.draft_key``: nothing kept past it), so its script can
    neither read that record (to say the answers were not submitted) nor remove it: the learner's
    text stays in the phone's storage for good."""
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(olx, sub)
    ana = platform.user("ana")
    kept_under = _page_args(platform, ana, key)["draft_key"]
    assert re.fullmatch(r"[0-9a-f]{24}", kept_under)
    platform.set_settings(sub, due=past())
    assert says_closed(visible_text(platform.lms(ana).html(key)))
    args = _page_args(platform, ana, key)
    assert kept_under in json.dumps(args), (
        "past the due date the page cannot find what the device kept for this learner")
    # nothing submitted: what the device kept never went, and the script is told to say so and forget it
    assert args["lapsed"] is True
