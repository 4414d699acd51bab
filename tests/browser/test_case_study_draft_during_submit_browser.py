"""A case study's "Save draft" tapped while its Submit is on its way (review js2). The tap waits its turn
(decision 110); the Submit goes, the feedback is drawn and the form closes. The draft is then moot: the submit
carried the same answers (the form was held from the tap). It was said "Not sent: the page changed while the
request before it was on its way. Check the page, then try again." under the new feedback, asking the learner to
try again what there is no way, nor need, to try."""

import pytest

from tests.browser.conftest import student_id
from tests.browser.test_phone_in_niger_browser import ANSWER_ALL, CASE_FR, PHONE_360
from tests.browser.test_recovery_browser import (
    CASE_BLOCK,
    block_of,
    fast_link,
    open_block,
    requests_to,
    slow_link,
    tap_if_enabled,
    wait_sending,
    wait_sent,
)

pytestmark = pytest.mark.browser


def test_a_draft_tapped_during_a_submit_that_went_is_dropped_without_a_word(workbench, new_page):
    learner = student_id()
    page = new_page(PHONE_360, locale="fr-FR", touch=True)
    open_block(page, workbench.scenario_url(CASE_FR, learner, lang="fr"), CASE_BLOCK)
    page.locator(CASE_BLOCK).evaluate(ANSWER_ALL)
    drafts = requests_to(page, "save_draft")
    cdp = slow_link(page)  # 3 s a reply
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    wait_sending(page, CASE_BLOCK)
    tap_if_enabled(page.locator(f"{CASE_BLOCK} [data-save]"))  # "Enregistrer le brouillon", while "Envoyer" sends
    wait_sent(page, CASE_BLOCK)
    fast_link(cdp)
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-focus]").wait_for()
    page.wait_for_timeout(1000)

    assert block_of(workbench, CASE_FR, learner).attempts == 1
    alert = page.locator(f"{CASE_BLOCK} [data-alert]")
    assert not alert.is_visible() or not alert.text_content().strip(), alert.text_content()
    assert drafts == [], "the draft is not sent after the submit that carried the same answers"
    assert page.locator(f"{CASE_BLOCK} .emm-sending").count() == 0, "nothing left waiting"
    assert page.js_errors == []
