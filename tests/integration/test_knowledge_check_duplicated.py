"""Studio's "Duplicate" of a knowledge check (``Platform.duplicate``, after
``cms/djangoapps/contentstore/utils.py`` ``duplicate_block``): the documented way to make a
post-test (docs/knowledge_check.md, "One question set") gives a second test with the same pair key
and the same phase until the author changes the copy's phase. Results are filed by (course, pair,
phase, learner) (``common.pairs``), so the two tests share one "answered once" slot.

Bug hunt (content life cycle): nothing says so. Studio's unit page has no word for either test
(the save warns of a phase that collides, decision 27, but a duplicate is not a save), and in the
LMS a learner who took the original is shown the copy's form as if it were new, fills it in, and
is refused "You have already answered this test (in another window, ...)"."""

import re

import pytest
from django.utils import translation

from emm_xblocks.xblocks import KnowledgeCheckBlock
from tests.integration.test_knowledge_check import CHECK, HALF, RIGHT
from tests.openedx.runtime import Platform


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_knowledge_check": KnowledgeCheckBlock})


def studio_messages(platform, key, lang="en"):
    with translation.override(lang):
        block = platform.studio_editor(platform.user(f"prof-{lang}", role="staff")).block(key)
        return [m["text"] for m in block.validate().to_json()["messages"]]


def test_a_duplicated_test_left_at_the_same_pair_and_phase_is_said_in_studio(platform):
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), section)
    copy = platform.duplicate(pre)
    assert 'pair="day1"' in platform.export(copy) and 'phase="post"' not in platform.export(copy)
    for key in (copy, pre):
        said = studio_messages(platform, key)
        assert any("day1" in m for m in said), said  # two pre-tests of pair day1: one answer for both


def test_a_learner_who_took_the_original_is_not_offered_the_copy_s_form_to_be_refused(platform):
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), section)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200
    copy = platform.duplicate(pre)
    page = platform.lms(ana).html(copy)
    refused = platform.lms(ana).handle(copy, "submit", RIGHT)
    assert refused.status == 409 and refused.json["error"] == "already_submitted"
    # the page offered her a blank form with a Submit button, and the refusal speaks of "this test"
    # answered "in another window": she never saw it before
    assert '"submitted": false' not in page, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))[:400]
