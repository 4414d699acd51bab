"""Bug hunt s43: a pre-test page opened before the learner took the post-test (in another tab, or
the page left open on the phone) keeps the learner's answers on the device for good once its
submit is refused as ``post_test_taken``. The refusal is final (``EMM.isFinal``), so
``drafts.failed`` puts the answers back in storage without a queued action
(``emm-drafts.js`` ``failed``), and nothing ever removes them: the page now shows the pre-test
closed, with no draft key (``knowledge_check/views.py``: ``draft_key`` is "" when closed), so it
never reads nor clears the record. docs/knowledge_check.md: the closed pre-test "keeps no answers
on the device"; decision 22: once the server says the test can take no answers, the phone keeps
none of them (a shared phone)."""

import pytest

from tests.browser.conftest import PHONE, student_id
from tests.browser.test_knowledge_check_browser import BLOCK, POST, PRE, RIGHT, WRONG, answer, open_block

pytestmark = pytest.mark.browser


def kept_drafts(page):
    return page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('emm-draft-'))")


def test_a_pre_test_refused_after_the_post_test_leaves_no_answers_on_the_phone(workbench, new_page):
    learner = student_id()
    page = new_page(PHONE, touch=True)
    open_block(page, workbench.scenario_url(PRE, learner))
    answer(page, WRONG)  # kept on the device as they are tapped
    assert kept_drafts(page)
    other = page.context.new_page()  # the post-test, taken in another tab
    open_block(other, workbench.scenario_url(POST, learner))
    answer(other, RIGHT)
    other.get_by_role("button", name="Submit").click()
    other.locator(f"{BLOCK} .emm-kc-scores").wait_for()
    other.close()

    page.get_by_role("button", name="Submit").click()
    page.locator(f"{BLOCK} [data-alert]").filter(has_text="post-test").wait_for()
    page.reload()
    page.locator(f"{BLOCK} [data-closed]").wait_for()  # the pre-test is closed now
    page.wait_for_timeout(300)
    assert kept_drafts(page) == [], "the refused pre-test's answers stay in the phone's storage for good"
    assert page.js_errors == []
