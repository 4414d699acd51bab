"""Issue 8 §2: staff "View this course as a specific learner" (``lms/djangoapps/courseware/masquerade.py``).

The LMS binds the block to the learner (their state, their anonymous id) and keeps field
changes in the staff member's session; what a block writes to its own tables is real. Our
blocks must declare ``show_in_read_only_mode`` (else the LMS shows a refusal instead of them),
show staff exactly what the learner sees, say why the buttons do nothing, and write nothing.
"""

import re

import pytest

from emm_xblocks.models import Answer, Claim, Comment
from tests.integration.platform_blocks import (
    CASE,
    LIKERT,
    LIKERT_ANSWERS,
    REFLECTION,
    ROLE_PLAY,
    choices,
    play,
    try_again,
    visible_text,
)
from tests.openedx import REFUSAL, delete_state
from tests.openedx.fixtures import platform  # noqa: F401

NOTICE = re.compile(r"read[- ]only|viewing (this course |this )?as|masquerad|as a specific (learner|student)", re.I)


def tables():
    return (sorted(Answer.objects.values_list("block_key", "group", "value", "user_key")),
            sorted(Comment.objects.values_list("text", "user_key")),
            sorted(Claim.objects.values_list("block_key", "user_key", "slot")))


@pytest.fixture
def people(platform):  # noqa: F811
    return platform.user("ana"), platform.user("sam", role="staff")


def assert_read_only(result):
    assert result.status == 403, (result.status, result.json)
    assert result.json["error"] == "read_only_masquerade"
    assert result.json["message"].strip()


def check_view(platform, key, ana, sam, *learner_texts):  # noqa: F811
    own = platform.lms(ana).html(key)
    seen = platform.lms(sam, masquerade_as=ana).html(key)
    assert REFUSAL not in seen
    for text in learner_texts:
        assert text in own and text in seen
    assert NOTICE.search(visible_text(seen)) and not NOTICE.search(visible_text(own))


def test_likert_shows_the_learners_answers_and_writes_nothing(platform, people):  # noqa: F811
    ana, sam = people
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    assert platform.lms(ana).handle(key, "submit", {**LIKERT_ANSWERS, "comment": "ANA-COMMENT"}).status == 200
    check_view(platform, key, ana, sam, "ANA-COMMENT")
    before, state = tables(), platform.state(ana, key)
    assert_read_only(platform.lms(sam, masquerade_as=ana).handle(key, "submit", {
        "answers": {"relevance": 1, "pace": 1, "applicability": 1}, "comment": "STAFF"}))
    assert tables() == before and platform.state(ana, key) == state


def test_anonymous_likert_masquerade_spends_no_claim(platform, people):  # noqa: F811
    ana, sam = people
    key = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    before = tables()
    assert_read_only(platform.lms(sam, masquerade_as=ana).handle(key, "submit", LIKERT_ANSWERS))
    assert tables() == before
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200  # still theirs to spend


def test_case_study_shows_the_learners_answers_and_every_action_is_refused(platform, people):  # noqa: F811
    ana, sam = people
    key = platform.add(CASE.format(extra='max_attempts="3" show_distribution="true"', more=REFLECTION),
                       platform.subsection())
    lms = platform.lms(ana)
    assert lms.handle(key, "submit", {"answers": {"q1": "b", "q3": "ANA-REFLECTION"}}).status == 200
    check_view(platform, key, ana, sam, "ANA-REFLECTION")
    before, state, grades = tables(), platform.state(ana, key), list(platform.events.grades)
    masq = platform.lms(sam, masquerade_as=ana)
    assert_read_only(masq.handle(key, "self_assess", {"ticks": {"q3": ["k1"]}}))
    assert_read_only(try_again(masq, key))
    assert_read_only(masq.handle(key, "save_draft", {"answers": {"q1": "a"}}))
    assert_read_only(masq.handle(key, "submit", {"answers": {"q1": "a", "q3": "x"}}))
    assert tables() == before and platform.state(ana, key) == state and platform.events.grades == grades


def test_a_document_opened_is_tracked_for_the_learner_not_for_staff_viewing_as_them(platform, people):  # noqa: F811
    # a read-only action: it answers both (the excerpt), its tracking event is the learner's alone
    # (common.pipeline publishes a read-only action's events unless staff view as the learner)
    ana, sam = people
    document = '<document href="/static/law.pdf" size="1 MB">Law<excerpt><![CDATA[<p>ART-1</p>]]></excerpt></document>'
    key = platform.add(CASE.format(extra="", more=document), platform.subsection())
    opened = {"index": 0, "via": "viewer"}
    mine = platform.lms(ana).handle(key, "document_opened", opened)
    assert mine.status == 200 and "ART-1" in mine.json["html"]
    assert len(platform.events.named("emm.case_study.document_opened")) == 1
    theirs = platform.lms(sam, masquerade_as=ana).handle(key, "document_opened", opened)
    assert theirs.status == 200 and "ART-1" in theirs.json["html"]
    assert len(platform.events.named("emm.case_study.document_opened")) == 1


def test_role_play_shows_the_learners_path_and_every_action_is_refused(platform, people):  # noqa: F811
    ana, sam = people
    key = platform.add(ROLE_PLAY.format(extra='allow_back="true" show_others="true" max_attempts="5"'),
                       platform.subsection())
    mid = play(platform.lms(ana), key, ["Listen first"])
    check_view(platform, key, ana, sam, "MID-TEXT")
    before, state = tables(), platform.state(ana, key)
    masq = platform.lms(sam, masquerade_as=ana)
    assert masq.handle(key, "state", {}).status == 200  # reading is fine
    assert_read_only(masq.handle(key, "choose", {"choice": choices(mid)["Finish"]}))
    assert_read_only(masq.handle(key, "back", {}))
    assert_read_only(masq.handle(key, "restart", {}))
    assert_read_only(platform.lms(sam, masquerade_as=platform.user("bea")).handle(key, "begin", {"role": "r1"}))
    assert tables() == before and platform.state(ana, key) == state


@pytest.mark.parametrize("olx", [LIKERT.format(extra=""), CASE.format(extra="", more=""), ROLE_PLAY.format(extra="")])
def test_every_block_declares_show_in_read_only_mode(platform, people, olx):  # noqa: F811
    ana, sam = people
    key = platform.add(olx, platform.subsection())
    assert REFUSAL not in platform.lms(sam, masquerade_as=ana).html(key)


def test_delete_learner_state_frees_the_anonymous_claim_once(platform, people):  # noqa: F811
    ana, sam = people
    key = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 409
    delete_state(platform, key, ana, sam)  # the instructor dashboard's "Delete learner state"
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 409  # and only once


def test_no_action_of_the_learner_frees_the_anonymous_claim(platform, people):  # noqa: F811
    from tests.openedx import reset_attempts

    ana, sam = people
    key = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    reset_attempts(platform, key, ana)  # "Reset attempts" is not "Delete learner state"
    for handler in ("submit", "reset", "try_again", "restart"):
        platform.lms(ana).handle(key, handler, LIKERT_ANSWERS)
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 409
    assert Answer.objects.filter(block_key=str(key)).count() == 3  # one submission of 3 statements


def test_staff_viewing_as_a_learner_get_the_learners_results_rights_not_their_own(platform, people):  # noqa: F811
    """While masquerading the LMS gives the block the learner's rights (``user_is_staff`` False,
    role ``student``: ``lms/djangoapps/courseware/access.py``): a staff-only results panel and
    the CSV are refused as they are to the learner."""
    ana, sam = people
    key = platform.add(LIKERT.format(extra='min_group_size="1"'), platform.subsection())  # results: staff only
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert platform.lms(sam).handle(key, "get_results", {}).status == 200  # staff as themselves
    masq = platform.lms(sam, masquerade_as=ana)
    assert masq.handle(key, "get_results", {}).status == platform.lms(ana).handle(key, "get_results", {}).status == 403
    assert masq.handle(key, "export_csv", method="GET").status == 403
