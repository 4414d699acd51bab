"""Studio's "Duplicate" of a knowledge check (``Platform.duplicate``, after
``cms/djangoapps/contentstore/utils.py`` ``duplicate_block``): the documented way to make a
post-test (docs/knowledge_check.md, "One question set") gives a second test with the same pair key
and the same phase until the author changes the copy's phase. Results are filed by (course, pair,
phase, learner) (``common.pairs``), so the two tests share one "answered once" slot.

Bug hunt (content life cycle): nothing says so. Studio's unit page has no word for either test
(the save warns of a phase that collides, decision 27, but a duplicate is not a save), and in the
LMS a learner who took the original is shown the copy's form as if it were new, fills it in, and
is refused "You have already answered this test (in another window, ...)"."""

import html
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


def visible(page):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_the_warning_says_what_to_do_and_goes_once_the_copy_is_the_post_test(platform):
    """Each test names the other and says what to set; the editor's check says it of the test as
    edited; once the copy is the post-test, or a test of another pair key, neither says anything."""
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), section)
    other = platform.add(CHECK.format(phase="pre", pair="day2", extra=""), section)  # another pair: not one
    copy = platform.duplicate(pre)
    said = " ".join(studio_messages(platform, copy))
    assert "“Trafficking or smuggling?”, another knowledge check of this course, also has the pair key “day1”" in said
    assert "set “When learners take it” to “After the training (post-test)”" in said
    assert "Duplicate of 'Trafficking or smuggling?'" in " ".join(studio_messages(platform, pre))
    assert not any("another knowledge check" in m for m in studio_messages(platform, other))
    fr = " ".join(studio_messages(platform, copy, "fr"))
    assert "day1" in fr and "another knowledge check" not in fr  # translated

    author = platform.studio_editor(platform.user("author", role="staff"))
    data = dict(KnowledgeCheckBlock.editor_module.to_editor(author.block(copy).load_content()))
    checked = author.handle(copy, "studio_validate", data).json["problems"]
    assert any(p["field"] == "phase" and "day1" in p["message"] for p in checked), checked
    checked = author.handle(copy, "studio_validate", {**data, "phase": "post"}).json["problems"]
    assert not any("day1" in p["message"] for p in checked), checked

    platform.set_settings(copy, phase="post")
    for key in (pre, copy):
        assert not any("another knowledge check" in m for m in studio_messages(platform, key))


def test_the_copy_names_the_test_she_took_keeps_nothing_and_opens_as_the_post_test(platform):
    """The copy's page says she answered it as the original (by its name), has no form, and the
    apps are told it is closed; a learner who took neither answers whichever she opens first and is
    told so at the other. Once the author sets the copy's phase to post-test, it is her post-test."""
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), section)
    ana, bob = platform.user("ana"), platform.user("bob")
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200
    copy = platform.duplicate(pre)
    page = platform.lms(ana).html(copy)
    assert ("You have already answered this test, as “Trafficking or smuggling?”: a test is answered once, so "
            "there is nothing more to do here.") in visible(page)
    assert "data-submit" not in page and "emm-kc-form" not in page
    assert platform.lms(ana).handle(copy, "student_view_user_state", method="GET").json["closed"] is True
    # nothing left for her to do: complete, as a pre-test closed by its post-test (its unit reaches 100 %)
    assert ("ana", str(copy), 1.0) in {(c["user"], c["block"], c["completion"]) for c in platform.events.completions}
    # the original is hers, as it was
    assert "You have already answered this test" not in visible(platform.lms(ana).html(pre))

    assert "data-submit" in platform.lms(bob).html(copy)  # bob took neither: the copy's form
    assert platform.lms(bob).handle(copy, "submit", RIGHT).status == 200
    said = visible(platform.lms(bob).html(pre))
    assert "You have already answered this test, as “Duplicate of 'Trafficking or smuggling?'”" in said

    platform.set_settings(copy, phase="post")
    page = platform.lms(ana).html(copy)
    assert "data-submit" in page and "You have already answered this test" not in visible(page)
    assert platform.lms(ana).handle(copy, "submit", RIGHT).status == 200


def test_a_test_deleted_from_the_course_holds_no_place_and_its_copy_opens(platform):
    """The original deleted since she answered it: its result counts nowhere (``course_outline``),
    so the copy is not said to be answered, and takes her answer."""
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), section)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200
    copy = platform.duplicate(pre)
    platform.delete(pre)
    assert not any("another knowledge check" in m for m in studio_messages(platform, copy))
    page = platform.lms(ana).html(copy)
    assert "data-submit" in page and "You have already answered this test" not in visible(page)
    assert platform.lms(ana).handle(copy, "submit", RIGHT).status == 200


def test_a_result_this_very_test_filed_costs_no_read_of_the_course_outline(platform, monkeypatch):
    """Whether another test holds the learner's result (``answered_in``) asks the course's outline
    (``course_outline.block_ids``: the modulestore's ``get_items``) only of another test's key: a
    deleted one holds no place. Her own result, filed by this very test, never costs that read:
    here her submit filed it, then the LMS failed to save her state (``StudentModule``), so her
    page and the apps' state read ask again whether another test holds it."""
    from emm_xblocks.common import course_outline
    from tests.integration.test_recovery import save_fails_once

    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), section)
    ana = platform.user("ana")
    save_fails_once(monkeypatch, KnowledgeCheckBlock)
    lost = platform.lms(ana).handle(pre, "submit", HALF)
    assert lost.status == 500, lost.status
    reads = []
    real = course_outline.block_ids
    monkeypatch.setattr(course_outline, "block_ids", lambda *args: reads.append(args) or real(*args))
    assert "You have already answered this test, as" not in visible(platform.lms(ana).html(pre))
    assert platform.lms(ana).handle(pre, "student_view_user_state", method="GET").json["closed"] is False
    assert reads == []
    # another test holding her result is still asked about (a deleted one holds no place)
    copy = platform.duplicate(pre)
    assert "You have already answered this test, as" in visible(platform.lms(ana).html(copy))
    assert len(reads) == 1
