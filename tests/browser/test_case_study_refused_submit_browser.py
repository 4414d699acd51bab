"""Bug hunt s43: a case-study submit refused because the server already has a submitted attempt
(another tab's, or the first tap's whose reply was lost) leaves the learner believing the answers
they just sent were scored: the refusal is wiped by the state read that follows it, the page
announces "Submitted: …" with the other attempt's results, the form shows the answers that were
never recorded, and the copy kept on the device is forgotten. Bug hunt s45: answers the due date
refuses (kept on the device before it, or sent while the form stayed open across it) are said not to
have been submitted, and the phone keeps none of them (decision 93)."""

import pytest

from emm_xblocks.common import platform
from tests.browser.conftest import PHONE, answer_asked, student_id
from tests.browser.test_case_study_browser import CASE
from tests.browser.test_recovery_browser import (
    CASE_BLOCK,
    answer_case,
    block_of,
    handler,
    lose_replies,
    open_block,
)

pytestmark = pytest.mark.browser

NEW_TEXT = "Something else entirely, typed in the second tab."


def test_a_submit_refused_as_already_submitted_in_a_second_tab_tells_the_learner_their_answers_were_not_recorded(
        workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    url = workbench.scenario_url(scenario, learner)
    first = new_page(PHONE)
    open_block(first, url, CASE_BLOCK)
    second = first.context.new_page()  # the same learner, the same phone: a second tab opened earlier
    second.js_errors = []
    second.on("pageerror", lambda err: second.js_errors.append(str(err)))
    open_block(second, url, CASE_BLOCK)

    answer_case(first)
    first.locator(f"{CASE_BLOCK} [data-submit]").click()
    first.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()

    # in the second tab, other answers, then Submit: the server refuses them (409 already_submitted)
    second.locator(f"{CASE_BLOCK} input[value=yes]").check()
    second.locator(f"{CASE_BLOCK} input[value=papers]").check()
    second.locator(f"{CASE_BLOCK} textarea").fill(NEW_TEXT)
    second.locator(f"{CASE_BLOCK} [data-submit]").click()
    second.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()
    second.wait_for_timeout(500)  # the state read after the refusal has redrawn the page

    assert block_of(workbench, scenario, learner).answers["next"] == "Interview each teenager apart."
    # the learner must be told that what they just sent was not recorded: the refusal (or a
    # sentence like the one said after ``action_reused``) stays on the page
    alert = second.locator(f"{CASE_BLOCK} [data-alert]")
    assert alert.is_visible() and alert.text_content().strip() != "", (
        "the refusal was wiped; the page says: " + second.locator(f"{CASE_BLOCK} [data-status]").text_content())
    assert second.js_errors == []


def test_answers_changed_after_a_lost_reply_and_submitted_again_are_said_not_recorded(workbench, new_page):
    """Trial s35's case (the submit arrived, its reply was lost), but the learner changed an answer
    and tapped Submit again themselves (a new action id: ``already_submitted``, not
    ``action_reused``): the page shows the first answers' results under "Submitted: …" and never
    says that the change was not recorded."""
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(scenario, learner), CASE_BLOCK)
    answer_case(page)
    lose_replies(page, "submit")
    page.route(handler("state"), lambda route: route.abort())
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    alert = page.locator(f"{CASE_BLOCK} [data-alert]")
    alert.filter(has_text="No connection").wait_for()

    page.unroute(handler("state"))  # the link works again
    page.locator(f"{CASE_BLOCK} textarea").fill("Interview each teenager apart, with an interpreter.")
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()
    page.wait_for_timeout(500)

    assert block_of(workbench, scenario, learner).answers["next"] == "Interview each teenager apart."
    assert alert.is_visible() and "not recorded" in alert.text_content(), (
        "nothing says the change was not recorded; the page says: "
        + page.locator(f"{CASE_BLOCK} [data-status]").text_content())
    assert page.js_errors == []


KEPT = "() => Object.keys(localStorage).filter((k) => k.startsWith('emm-draft-'))"
NOT_SENT = ("Your answers kept on this device were not submitted before the due date. They have been removed from "
            "this device.")


def test_answers_kept_on_the_phone_before_the_due_date_are_said_not_submitted_and_forgotten_after_it(
        workbench, new_page, monkeypatch):
    """A learner tried again, typed new answers and tapped Submit with no connection ("your answers
    will be submitted when the connection is back"); the due date passed before the link came back.
    The next page shows their last results (not the form), says the answers kept on the phone were
    not submitted, and removes them from it: no count of attempts left under the due date's notice."""
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    url = workbench.scenario_url(scenario, learner)
    page = new_page(PHONE)
    open_block(page, url, CASE_BLOCK)
    answer_case(page)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").click()
    answer_asked(page, CASE_BLOCK)  # "Try again" asked first (EMM.ask)
    page.locator(f"{CASE_BLOCK} [data-submit]").wait_for()
    page.locator(f"{CASE_BLOCK} textarea").fill(NEW_TEXT)
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-draft-status]").filter(has_text="when the connection is back").wait_for()
    assert len(page.evaluate(KEPT)) == 1

    monkeypatch.setattr(platform, "is_past_due", lambda block: True)  # the due date passes
    context = page.context
    page.close()  # the browser closed before the link came back (else it sends, and is refused: the next test)
    context.set_offline(False)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda err: page.js_errors.append(str(err)))
    open_block(page, url, CASE_BLOCK)
    alert = page.locator(f"{CASE_BLOCK} [data-alert]")
    alert.filter(has_text=NOT_SENT).wait_for()
    assert page.evaluate(KEPT) == []
    text = page.locator(CASE_BLOCK).inner_text()
    assert "The due date has passed" in text and "Submitted: " in text and "attempt left" not in text
    assert NEW_TEXT not in text  # the form shows the attempt that counts, not the answers that never went
    assert block_of(workbench, scenario, learner).submitted is False  # nothing written past the due date
    assert page.js_errors == []


def test_a_submit_the_due_date_refuses_while_the_form_was_open_brings_back_the_results(
        workbench, new_page, monkeypatch):
    """The form was open (after "Try again") when the due date passed; the learner taps Submit: the
    refusal is said, then the page shows their last results and says the answers on the phone were
    not submitted, and keeps none of them."""
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(scenario, learner), CASE_BLOCK)
    answer_case(page)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").click()
    answer_asked(page, CASE_BLOCK)
    page.locator(f"{CASE_BLOCK} [data-submit]").wait_for()
    page.locator(f"{CASE_BLOCK} textarea").fill(NEW_TEXT)

    monkeypatch.setattr(platform, "is_past_due", lambda block: True)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-alert]").filter(has_text=NOT_SENT).wait_for()
    page.locator(f"{CASE_BLOCK} [data-feedback] .emm-score").wait_for()
    assert page.evaluate(KEPT) == []
    assert "attempt left" not in page.locator(CASE_BLOCK).inner_text()
    assert page.js_errors == []

