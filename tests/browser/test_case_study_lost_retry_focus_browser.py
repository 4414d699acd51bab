"""Bug hunt s43: "Try again" whose reply is lost on a flaky link. The page re-reads the state and
opens the form (test_recovery_browser), but the focus stays on the "Try again" button it just
removed: it falls to the page's top (``document.body``), and a keyboard or screen-reader learner
starts again from there. A "Try again" whose reply arrives puts the focus on the first answer
(``retried``, accessibility trial s35)."""

import pytest

from tests.browser.conftest import PHONE, answer_asked, student_id
from tests.browser.test_case_study_browser import CASE
from tests.browser.test_recovery_browser import CASE_BLOCK, answer_case, lose_replies, open_block

pytestmark = pytest.mark.browser


def test_a_try_again_whose_reply_is_lost_puts_the_focus_in_the_form(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(scenario, student_id()), CASE_BLOCK)
    answer_case(page)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    retry = page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]")
    retry.wait_for()
    lose_replies(page, "try_again")
    retry.focus()
    page.keyboard.press("Enter")
    answer_asked(page, CASE_BLOCK)
    page.locator(f"{CASE_BLOCK} [data-status]").filter(has_text="Your previous answers are in the form").wait_for()
    page.wait_for_timeout(300)
    focus = page.evaluate("""() => {
        const el = document.activeElement, q = el && el.closest('[data-question]');
        return {tag: el.tagName.toLowerCase(), question: q && q.getAttribute('data-question'), checked: !!el.checked};
    }""")
    # as after a "Try again" whose reply came: the first question's answer chosen before
    assert focus == {"tag": "input", "question": "consent", "checked": True}, focus
    assert page.js_errors == []
