"""Decision 93, completed: past the due date (and while staff view the course as a learner, issue 6:
read-only) no block offers a learner a control whose action the server refuses, and what the pages'
scripts and the mobile apps read of the state says the same.

The case study's self-assessment was the gap: past the due date ``self_assess`` answers 403
``past_due``, yet the results still said "tick the ones your answer covered, then save your
self-assessment", the key points' boxes could be ticked, each written answer was "Waiting for your
self-assessment" (one that can never come) and the state said ``needs_assessment``. The due dates
are the test LMS's (``tests/openedx/dates.py``: the subsection's ``due``, a learner's own extension).
"""

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation

from emm_xblocks.xblocks import CaseStudyBlock, KnowledgeCheckBlock, LikertBlock, RolePlayBlock
from tests.integration.platform_blocks import (
    CASE,
    LIKERT,
    LIKERT_ANSWERS,
    REFLECTION,
    ROLE_PLAY,
    future,
    past,
    play,
    try_again,
    visible_text,
)
from tests.integration.test_knowledge_check import CHECK, HALF
from tests.openedx.runtime import Platform

ASSESS = "[data-assess]"
PENDING_ANSWERS = {"answers": {"q1": "a", "q3": "My own text."}}
CLOSED_NOTICE = "The due date has passed: your self-assessment can no longer be saved."
READ_ONLY = "You are viewing this as a learner: nothing you do here is saved for them."


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_case_study": CaseStudyBlock, "emm_role_play": RolePlayBlock,
                                      "emm_likert": LikertBlock, "emm_knowledge_check": KnowledgeCheckBlock})


class Controls(HTMLParser):
    """The controls a learner can use in a page: buttons, fields and lists neither disabled nor
    inside something hidden, as ``(tag, attributes)``."""

    VOID = {"input", "br", "img", "hr", "meta", "link", "source", "col", "area", "wbr"}

    def __init__(self, html):
        super().__init__()
        self.open, self.usable = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        hidden = "hidden" in found or any(h for _tag, h in self.open)
        if tag in ("button", "input", "textarea", "select") and not hidden and "disabled" not in found:
            self.usable.append((tag, found))
        if tag not in self.VOID:
            self.open.append((tag, hidden))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass


def usable(html):
    return Controls(html).usable


def key_point_boxes(html):
    return re.findall(r'<input type="checkbox"[^>]*>', html)


def pending_case(platform, extra='attempts_allowed="3"'):  # noqa: F811
    """A case with a written question, a learner who submitted it and saved no self-assessment yet."""
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(CASE.format(extra=extra, more=REFLECTION), sub)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", PENDING_ANSWERS).status == 200
    return sub, key, ana


def test_before_the_due_date_the_self_assessment_is_offered(platform):  # noqa: F811
    _sub, key, ana = pending_case(platform)
    html = platform.lms(ana).html(key)
    assert "data-assess>" in html and "tick the ones your answer covered" in visible_text(html)
    assert key_point_boxes(html) and not any("disabled" in box for box in key_point_boxes(html))
    assert platform.lms(ana).handle(key, "state", {}).json["needs_assessment"] is True


def test_past_the_due_date_the_self_assessment_is_not_offered_and_the_page_says_why(platform):  # noqa: F811
    sub, key, ana = pending_case(platform)
    platform.set_settings(sub, due=past())
    lms = platform.lms(ana)
    assert lms.handle(key, "self_assess", {"ticks": {"q3": ["k1"]}}).json["error"] == "past_due"
    for html in (lms.html(key), lms.handle(key, "state", {"reply": "page"}).json["html"]):
        text = visible_text(html)
        assert "data-assess>" not in html, "a Save button the server refuses"
        assert key_point_boxes(html) and all("disabled" in box for box in key_point_boxes(html)), (
            "key points to tick for a self-assessment that can never be saved")
        assert "tick the ones your answer covered" not in text
        assert CLOSED_NOTICE in text  # said where the button was
        assert "Waiting for your self-assessment" not in text and "Not self-assessed" in text
        assert "SECRET-KEY-POINT-1" in text  # still there to compare with
        assert usable(html) == []
    # the announcement read out and what an app or a script reads say the same
    full = lms.handle(key, "state", {}).json
    assert full["needs_assessment"] is False and full["can_retry"] is False
    assert "Waiting for your self-assessment" not in full["announcement"]
    assert "Question 2: Not self-assessed." in full["announcement"]


def test_a_learner_given_more_time_may_still_save_their_self_assessment(platform):  # noqa: F811
    """edx-when's extension of the due date for one learner (``tests/openedx/dates.py``): theirs is
    open again, with its button, while another learner past the course's date is told it is not."""
    sub, key, ana = pending_case(platform)
    bea = platform.user("bea")
    assert platform.lms(bea).handle(key, "submit", PENDING_ANSWERS).status == 200
    platform.set_settings(sub, due=past())
    platform.extend_due(sub, ana, future(days=2))
    mine = platform.lms(ana).html(key)
    assert "data-assess>" in mine and CLOSED_NOTICE not in visible_text(mine)
    assert platform.lms(ana).handle(key, "self_assess", {"ticks": {"q3": ["k1"]}}).status == 200
    assert CLOSED_NOTICE in visible_text(platform.lms(bea).html(key))


def test_staff_viewing_as_the_learner_are_offered_no_self_assessment_and_told_why(platform):  # noqa: F811
    """Issue 6: staff viewing the course as a specific learner see the learner's page read-only;
    ``self_assess`` answers 403 ``read_only_masquerade``. The learner may still save it: the
    panel keeps their instruction, the boxes are disabled and the read-only notice stands where the
    button is."""
    _sub, key, ana = pending_case(platform)
    masq = platform.lms(platform.user("sam", role="staff"), masquerade_as=ana)
    assert masq.handle(key, "self_assess", {"ticks": {"q3": ["k1"]}}).json["error"] == "read_only_masquerade"
    for html in (masq.html(key), masq.handle(key, "state", {"reply": "page"}).json["html"]):
        assert "data-assess>" not in html
        assert all("disabled" in box for box in key_point_boxes(html))
        panel = visible_text(html[html.index("Your results"):])
        assert READ_ONLY in panel and "Waiting for your self-assessment" in panel
        assert usable(html) == []
    full = masq.handle(key, "state", {}).json
    assert full["needs_assessment"] is False and full["can_retry"] is False  # Try again is refused too
    assert platform.lms(ana).handle(key, "state", {}).json["needs_assessment"] is True  # the learner's own


DOCUMENT = '<document href="/static/law.pdf" size="1 MB">Law<excerpt><![CDATA[<p>ART-1</p>]]></excerpt></document>'


def _blocks(platform, sub):  # noqa: F811
    return {
        "case": platform.add(CASE.format(extra='attempts_allowed="3" show_distribution="true"',
                                         more=REFLECTION + DOCUMENT), sub),
        "role_play": platform.add(ROLE_PLAY.format(extra='attempts_allowed="3" allow_back="true"'), sub),
        "likert": platform.add(LIKERT.format(extra='graded="true"'), sub),
        "check": platform.add(CHECK.format(phase="post", pair="day1", extra='grading="score"'), sub),
    }


def _learners(platform, keys):  # noqa: F811
    """A learner at each place a block can leave one: nothing done, a draft, a submission waiting for
    its self-assessment, one assessed, "Try again" pressed, a role-play half played, ended, started again."""
    people = {name: platform.user(name) for name in ("none", "draft", "pending", "assessed", "retried", "playing",
                                                     "ended", "restarted")}
    lms = {name: platform.lms(user) for name, user in people.items()}
    case, role_play = keys["case"], keys["role_play"]
    lms["draft"].handle(case, "save_draft", {"answers": {"q1": "a"}})
    for name in ("pending", "assessed", "retried"):
        assert lms[name].handle(case, "submit", PENDING_ANSWERS).status == 200
    assert lms["assessed"].handle(case, "self_assess", {"ticks": {"q3": ["k1"]}}).status == 200
    assert try_again(lms["retried"], case).status == 200
    assert play(lms["playing"], role_play, ["Listen first"]).status == 200
    for name in ("ended", "restarted"):
        assert play(lms[name], role_play, ["Listen first", "Finish"]).status == 200
    assert lms["restarted"].handle(role_play, "restart", {}).status == 200
    for name in ("assessed", "ended"):
        assert lms[name].handle(keys["likert"], "submit", LIKERT_ANSWERS).status == 200
        assert lms[name].handle(keys["check"], "submit", HALF).status == 200
    return people


# what a learner may still do where nothing is written: open a document, ask for results a block shows
READS = ("data-show-results", "data-low-data", "data-show-image", "data-show-link")


@pytest.mark.parametrize("how", ["past_due", "read_only_masquerade"])
def test_no_block_offers_a_learner_a_control_the_server_refuses(platform, how):  # noqa: F811
    """Every learner control of the case study, the role-play, the Likert evaluation and the
    knowledge check, at every place a learner can be: none left usable where the server refuses
    every write, on the page and in the panel its script reads again (``state``)."""
    sub = platform.subsection(graded=True, due=future())
    keys = _blocks(platform, sub)
    people = _learners(platform, keys)
    staff = platform.user("sam", role="staff")
    if how == "past_due":
        platform.set_settings(sub, due=past())
    for name, learner in people.items():
        ctx = platform.lms(staff, masquerade_as=learner) if how == "read_only_masquerade" else platform.lms(learner)
        for kind, key in keys.items():
            html = ctx.html(key)
            left = [(tag, attrs) for tag, attrs in usable(html) if not any(read in attrs for read in READS)]
            assert left == [], (how, name, kind, left)
            if kind in ("case", "role_play"):
                again = ctx.handle(key, "state", {}).json
                assert usable(again.get("html", "")) == [], (how, name, kind)
            assert ctx.handle(key, "student_view_user_state", method="GET").json["refusal"]["error"] == how


@pytest.mark.parametrize("how", ["past_due", "read_only_masquerade"])
def test_a_likert_evaluation_s_state_does_not_say_the_answers_can_be_changed_when_they_cannot(platform, how):  # noqa: F811
    """A named evaluation's ``state`` (what the page's script reads after a failure: ``emm-likert.js``
    ``refresh``) said ``can_change`` past the due date and while staff view as the learner, where
    ``submit`` answers 403: the page then thanked the learner and offered "Update my answers"."""
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(LIKERT.format(extra='graded="true"'), sub)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert platform.lms(ana).handle(key, "state", {}).json["can_change"] is True
    if how == "past_due":
        platform.set_settings(sub, due=past())
        ctx = platform.lms(ana)
    else:
        ctx = platform.lms(platform.user("sam", role="staff"), masquerade_as=ana)
    assert ctx.handle(key, "submit", LIKERT_ANSWERS).json["error"] == how
    state = ctx.handle(key, "state", {}).json
    assert state["submitted"] is True and state["can_change"] is False
    assert state["answers"] == LIKERT_ANSWERS["answers"]  # what was sent stays in sight
    assert ctx.handle(key, "student_view_user_state", method="GET").json["can_submit"] is False


@pytest.mark.parametrize("kind", ["case", "role_play", "likert"])  # the blocks with a live room
def test_past_the_due_date_the_live_room_s_join_screen_says_no_answer_is_taken(platform, kind):  # noqa: F811
    """The live room projects the activity's address (a QR code) for the room to answer on their
    phones; past a graded block's due date every one of those answers is refused, and the join
    screen still said only "Join from your phone"."""
    sub = platform.subsection(graded=True, due=future())
    key = _blocks(platform, sub)[kind]
    sam = platform.lms(platform.user("sam", role="staff"))

    def join_screen():
        html = sam.handle(key, "live_screen", method="GET").json["html"]
        return visible_text(html[:html.index("</section>")])

    assert "Join from your phone" in join_screen() and "due date" not in join_screen()
    platform.set_settings(sub, due=past())
    assert "The due date has passed: answers are no longer accepted." in join_screen()
    ungraded = platform.add(LIKERT.format(extra=""), sub)  # no credit, no due date: answered at any time
    html = sam.handle(ungraded, "live_screen", method="GET").json["html"]
    assert "due date" not in visible_text(html)
