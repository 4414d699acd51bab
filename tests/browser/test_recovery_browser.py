"""Issue 10: nothing lost on a flaky link, in headless Chromium (decision 22).

Two ways the network fails a learner, simulated in the browser itself:

* **a lost reply**: the request reaches the server, which does the action, but its answer never
  reaches the page (``page.route``: ``route.fetch()`` sends it to the server, then
  ``route.abort()`` drops the answer);
* **an offline spell**: Chromium's network emulation (``context.set_offline``, and CDP
  ``Network.emulateNetworkConditions``, which Playwright's ``set_offline`` drives) cuts the link,
  and the browser fires ``offline``/``online`` as it does on a phone.

Each test asserts what the learner sees (results, attempts left, the node they moved to, their
answers back in the form after a reload, "Saved on this device" then "Sent") and what the server
kept (one attempt, one submission).
"""

import copy
import re

import pytest

from emm_xblocks.models import Answer
from tests.browser.conftest import DESKTOP, PHONE, answer_asked, student_id
from tests.browser.test_case_study_browser import CASE

pytestmark = pytest.mark.browser

CASE_BLOCK, LIKERT_BLOCK, ROLE_PLAY_BLOCK = ".emm-case", ".emm-likert", ".emm-role-play"
ROLE_PLAY_DEMO = "emm_role_play.0"  # scenarios/emm_role_play-1-en.xml
FIRST_CHOICE = "Speak with her apart from the group, with a female colleague and an interpreter"
LIKERT = """
<emm_likert display_name="End of training" anonymous="{anonymous}" comment="true">
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace">The pace was right.</item>
</emm_likert>
"""
LOCAL, QUEUED, SENT = ("Saved on this device",
                       "Saved on this device: your answers will be submitted when the connection is back.",
                       "Sent")


def handler(name):
    """The URL of a block's handler as the workbench's runtime builds it (``/handler/<usage>/<name>/``)."""
    return re.compile(rf"/handler/[^?]+/{name}/")


def lose_replies(page, name, times=1):
    """The next ``times`` requests to handler ``name`` reach the server; their answers are lost.
    Returns the list of the server's statuses (what the page never saw)."""
    statuses = []

    def lose(route):
        if len(statuses) >= times:
            route.continue_()
            return
        statuses.append(route.fetch().status)  # the server does the action...
        route.abort()  # ...and its answer never reaches the page

    page.route(handler(name), lose)
    return statuses


def open_block(page, url, block):
    page.goto(url)
    page.wait_for_selector(f"{block} [data-status]", state="attached")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def block_of(workbench, scenario, student):
    from workbench.runtime import WorkbenchRuntime

    return WorkbenchRuntime(student).get_block(workbench.usage_id(scenario))


def draft_status(page, block):
    return page.locator(f"{block} [data-draft-status]")


def answer_case(page):
    page.locator(f"{CASE_BLOCK} input[value=no]").check()
    page.locator(f"{CASE_BLOCK} input[value=papers]").check()
    page.locator(f"{CASE_BLOCK} input[value=debt]").check()
    page.locator(f"{CASE_BLOCK} textarea").fill("Interview each teenager apart.")


def set_network(page, offline):
    """Chromium's own network emulation, through the DevTools protocol (what a phone losing its link does)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": offline, "latency": 0, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    return cdp


SLOW_REPLY_MS = 3000


def slow_link(page, latency_ms=SLOW_REPLY_MS):
    """Every request now takes ``latency_ms`` to be answered (a loaded 2G/3G cell; bug hunt s44)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency_ms,
                                                  "downloadThroughput": -1, "uploadThroughput": -1})
    return cdp


def fast_link(cdp):
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})


def tap_if_enabled(locator):
    """A finger on the control: ``HTMLElement.click()``, which does nothing on a disabled control."""
    locator.evaluate("el => el.click()")


def wait_sending(page, block):
    page.wait_for_selector(f"{block} [data-submit][aria-busy=true]")


def wait_sent(page, block):
    page.wait_for_selector(f"{block} [data-submit][aria-busy=true]", state="detached", timeout=20_000)
    page.wait_for_timeout(300)


def link_drops_and_comes_back(page):
    """A phone passing from one cell to another: offline a moment, then ``online`` (bug hunt s44)."""
    page.context.set_offline(True)
    page.wait_for_timeout(300)
    page.context.set_offline(False)  # the browser fires `online`
    page.wait_for_timeout(2500)


# ------------------------------------------------------------------ case study: a lost reply
def test_a_case_study_submit_whose_reply_is_lost_shows_its_results_and_the_attempts_left(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(scenario, learner), CASE_BLOCK)
    answer_case(page)
    statuses = lose_replies(page, "submit")
    page.locator(f"{CASE_BLOCK} [data-submit]").click()

    # the page re-reads the state: the results of the submit that reached the server
    results = page.locator(f"{CASE_BLOCK} [data-feedback]")
    results.locator("[data-retry]").wait_for()
    assert statuses == [200]
    assert "FEEDBACK-NO" in results.text_content()
    assert page.locator(f"{CASE_BLOCK} [data-attempts]").text_content().strip() == "1 attempt left"
    assert page.locator(f"{CASE_BLOCK} [data-alert]").is_hidden()  # no "already submitted", no stale error
    assert page.locator(f"{CASE_BLOCK} [data-form-actions]").is_hidden()
    assert draft_status(page, CASE_BLOCK).text_content() == SENT
    state = block_of(workbench, scenario, learner)
    assert state.attempts == 1 and len(state.history) == 1
    assert page.js_errors == []


def answered_case(workbench, new_page):
    """A learner's case study on a phone, every question answered (kept on the device, not sent):
    ``(scenario, learner, page, url)``."""
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    page = new_page(PHONE)
    url = workbench.scenario_url(scenario, learner)
    open_block(page, url, CASE_BLOCK)
    answer_case(page)
    return scenario, learner, page, url


def submitted_unanswered(workbench, new_page):
    """A learner's case-study submit that reached the server, its reply lost, the state out of
    reach (the "state" handler stays so): ``(scenario, learner, page, alert)``, "No connection" said."""
    scenario, learner, page, _url = answered_case(workbench, new_page)
    lose_replies(page, "submit")
    page.route(handler("state"), lambda route: route.abort())
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    alert = page.locator(f"{CASE_BLOCK} [data-alert]")
    alert.filter(has_text="No connection").wait_for()
    return scenario, learner, page, alert


def test_a_retried_case_study_submit_after_a_lost_reply_is_done_once(workbench, new_page):
    """The reply is lost and the state cannot be re-read (the "state" handler stays out of reach);
    the learner presses Submit again: the same action (same id) gets the first submit's results
    from the server, not "already submitted", and one attempt is spent."""
    scenario, learner, page, alert = submitted_unanswered(workbench, new_page)
    assert draft_status(page, CASE_BLOCK).text_content() == QUEUED

    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()
    assert alert.is_hidden()
    assert page.locator(f"{CASE_BLOCK} [data-attempts]").text_content().strip() == "1 attempt left"
    assert draft_status(page, CASE_BLOCK).text_content() == SENT
    assert block_of(workbench, scenario, learner).attempts == 1
    assert page.js_errors == []


def test_answers_changed_after_a_lost_reply_are_said_not_recorded_when_the_kept_submit_goes(workbench, new_page):
    """Trial s35: the submit reached the server, its reply was lost, the state could not be read;
    the learner changed an answer, then the link came back. The kept submit goes with its id and
    the changed answers: the server refuses it (409 ``action_reused``: that id kept the first
    answers). The page said nothing once it had re-read the state; now it says the answers had
    arrived and the changes since were not recorded, beside the first answers' results."""
    scenario, learner, page, alert = submitted_unanswered(workbench, new_page)
    page.locator(f"{CASE_BLOCK} textarea").fill("Interview each teenager apart, with an interpreter.")
    assert draft_status(page, CASE_BLOCK).text_content() == QUEUED

    page.unroute(handler("state"))
    page.context.set_offline(True)
    page.context.set_offline(False)  # the link is back: the kept submit goes with its id
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()
    alert.filter(has_text="had already reached the course").wait_for()
    assert alert.text_content() == ("Your answers had already reached the course before the connection dropped: the "
                                    "results below are theirs. What you changed since was not recorded.")
    assert page.locator(f"{CASE_BLOCK} [data-feedback]").get_by_text("Interview each teenager apart.").count() == 1
    assert block_of(workbench, scenario, learner).attempts == 1
    assert page.js_errors == []


def test_a_try_again_whose_reply_is_lost_opens_the_form(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(scenario, learner), CASE_BLOCK)
    answer_case(page)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    retry = page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]")
    retry.wait_for()
    lose_replies(page, "try_again")
    retry.focus()
    page.keyboard.press("Enter")  # from the keyboard: where the focus goes is said below
    answer_asked(page, CASE_BLOCK)  # the server's question before a new attempt (the last attempt counts here)

    page.locator(f"{CASE_BLOCK} [data-status]").filter(has_text="Your previous answers are in the form").wait_for()
    # the focus in the form, on the first question's answer chosen before, as after a "Try again" whose reply
    # came (it fell to the page's <body>: bug hunt s43)
    page.wait_for_function("() => document.activeElement.closest('[data-question]') !== null"
                           " && document.activeElement.checked")
    assert page.locator(f"{CASE_BLOCK} .emm-ask").count() == 0  # asked once, before the request whose reply was lost
    assert page.locator(f"{CASE_BLOCK} [data-form-actions]").is_visible()
    assert page.locator(f"{CASE_BLOCK} textarea").is_enabled()
    assert page.locator(f"{CASE_BLOCK} textarea").input_value() == "Interview each teenager apart."
    assert page.locator(f"{CASE_BLOCK} [data-feedback]").text_content().strip() == ""
    assert page.locator(f"{CASE_BLOCK} [data-alert]").is_hidden()
    assert page.locator(f"{CASE_BLOCK} [data-attempts]").text_content().strip() == "1 attempt left"
    assert not block_of(workbench, scenario, learner).submitted
    assert page.js_errors == []


# ------------------------------------------------------------------ case study: an offline spell
def test_case_study_answers_survive_a_reload_and_an_offline_spell_and_are_sent_when_the_link_is_back(
        workbench, new_page):
    scenario, learner, page, url = answered_case(workbench, new_page)
    status = draft_status(page, CASE_BLOCK)
    assert status.text_content() == LOCAL
    assert status.get_attribute("role") == "status"  # a polite live region
    assert block_of(workbench, scenario, learner).draft == {}  # on the device, not on the server

    # a reload (or a crash): the answers come back into the form
    open_block(page, url, CASE_BLOCK)
    assert page.locator(f"{CASE_BLOCK} input[value=no]").is_checked()
    assert page.locator(f"{CASE_BLOCK} input[value=debt]").is_checked()
    assert page.locator(f"{CASE_BLOCK} textarea").input_value() == "Interview each teenager apart."
    assert "4 words" in page.locator(f"{CASE_BLOCK} [data-word-count]").text_content()
    assert status.text_content() == LOCAL

    # the link goes: the submit cannot leave, the page says where the answers are
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    status.filter(has_text=QUEUED).wait_for()
    page.wait_for_timeout(100)  # past the alert's own 30 ms delay (EMM.say)
    assert page.locator(f"{CASE_BLOCK} [data-alert]").is_hidden()  # the line says it will go: no "try again"
    assert block_of(workbench, scenario, learner).attempts == 0
    # "Save draft" then, still offline (learner trial s37): the submission still waits, the draft's
    # answers with it; before, only the draft went once the link was back, and no feedback came
    page.locator(f"{CASE_BLOCK} textarea").fill("Interview each teenager apart, with an interpreter.")
    page.locator(f"{CASE_BLOCK} [data-save]").click()
    page.wait_for_timeout(300)
    assert status.text_content() == QUEUED

    # the link comes back: the page sends the submit by itself
    page.context.set_offline(False)
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()
    assert status.text_content() == SENT
    assert page.locator(f"{CASE_BLOCK} [data-attempts]").text_content().strip() == "1 attempt left"
    assert block_of(workbench, scenario, learner).attempts == 1
    kept = block_of(workbench, scenario, learner).answers
    assert kept["next"] == "Interview each teenager apart, with an interpreter."
    assert page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('emm-draft-'))") == []
    assert page.js_errors == []


def test_a_submit_queued_offline_is_sent_after_a_reload_once_the_link_is_back(workbench, new_page):
    """The phone lost its link, the learner pressed Submit, then closed the page: the next visit
    with a link sends the kept submit, with its id."""
    scenario, learner, page, url = answered_case(workbench, new_page)
    cdp = set_network(page, offline=True)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    draft_status(page, CASE_BLOCK).filter(has_text=QUEUED).wait_for()
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()  # the "online" event sent it
    open_block(page, url, CASE_BLOCK)  # and the next visit shows the results, sends nothing more
    assert page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").is_visible()
    assert block_of(workbench, scenario, learner).attempts == 1
    assert page.js_errors == []


def test_a_network_page_in_place_of_the_reply_keeps_the_answers_and_is_never_taken_for_sent(workbench, new_page):
    """Trial s35 (high): a mobile network's credit or sign-in page answers the submit with a 200 and
    HTML. The page said "Sent", dropped the answers kept on the phone, and the server had nothing.
    Now it says the answers may not have reached the course, keeps them (also after a reload) and
    sends them, once, when the course answers again. A 403 page (the session ended) says to reload."""
    scenario, learner, page, url = answered_case(workbench, new_page)
    portal = {"status": 200, "body": "<html><body>Votre crédit est épuisé</body></html>"}
    page.route(handler("submit"), lambda route: route.fulfill(status=portal["status"], content_type="text/html",
                                                              body=portal["body"]))
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    alert = page.locator(f"{CASE_BLOCK} [data-alert]")
    alert.filter(has_text="This may not have reached the course").wait_for()
    status = draft_status(page, CASE_BLOCK)
    assert status.text_content() == QUEUED and status.text_content() != SENT
    assert page.locator(f"{CASE_BLOCK} [data-submit]").is_enabled()
    assert page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").count() == 0
    assert block_of(workbench, scenario, learner).attempts == 0

    portal["status"] = 403  # the platform's login or CSRF page
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    alert.filter(has_text="Reload the page (sign in again if asked)").wait_for()

    page.unroute(handler("submit"))
    open_block(page, url, CASE_BLOCK)  # reloaded: the answers are back, and go by themselves
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()
    assert page.locator(f"{CASE_BLOCK} [data-feedback]").get_by_text("Interview each teenager apart.").count() == 1
    assert block_of(workbench, scenario, learner).attempts == 1
    assert page.js_errors == []


# ------------------------------------------------------------------ Likert
def test_an_anonymous_evaluation_whose_reply_is_lost_is_shown_as_saved_not_already_submitted(workbench, new_page):
    scenario = workbench.add_scenario(LIKERT.format(anonymous="true"))
    learner = student_id()
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(scenario, learner), LIKERT_BLOCK)
    page.locator(f"{LIKERT_BLOCK} [data-statement=relevance] input[value='4']").check()
    page.locator(f"{LIKERT_BLOCK} [data-statement=pace] input[value='2']").check()
    assert draft_status(page, LIKERT_BLOCK).text_content() == LOCAL
    lose_replies(page, "submit")
    page.locator(f"{LIKERT_BLOCK} [data-submit]").click()

    page.locator(f"{LIKERT_BLOCK} [data-status]").filter(has_text="Thank you: your answers were saved.").wait_for()
    assert page.locator(f"{LIKERT_BLOCK} [data-alert]").is_hidden()
    assert page.locator(f"{LIKERT_BLOCK} [data-submit]").is_hidden()
    assert page.locator(f"{LIKERT_BLOCK} input:not([disabled])").count() == 0  # locked: answered once
    assert draft_status(page, LIKERT_BLOCK).text_content() == SENT
    assert Answer.objects.filter(block_key=str(workbench.usage_id(scenario))).count() == 2
    assert page.js_errors == []


def test_likert_answers_come_back_after_a_reload_and_go_when_the_link_is_back(workbench, new_page):
    scenario = workbench.add_scenario(LIKERT.format(anonymous="false"))
    learner = student_id()
    page = new_page(PHONE)
    url = workbench.scenario_url(scenario, learner)
    open_block(page, url, LIKERT_BLOCK)
    page.locator(f"{LIKERT_BLOCK} [data-statement=relevance] input[value='5']").check()
    page.locator(f"{LIKERT_BLOCK} textarea[name=comment]").fill("Très utile")
    open_block(page, url, LIKERT_BLOCK)
    assert page.locator(f"{LIKERT_BLOCK} [data-statement=relevance] input[value='5']").is_checked()
    assert page.locator(f"{LIKERT_BLOCK} textarea[name=comment]").input_value() == "Très utile"
    assert draft_status(page, LIKERT_BLOCK).text_content() == LOCAL
    page.locator(f"{LIKERT_BLOCK} [data-statement=pace] input[value='3']").check()

    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")
    page.locator(f"{LIKERT_BLOCK} [data-submit]").click()
    # they will go by themselves: the line under Submit says so, and no alert says "try again"
    draft_status(page, LIKERT_BLOCK).filter(has_text=QUEUED).wait_for()
    assert page.locator(f"{LIKERT_BLOCK} [data-alert]").is_hidden()
    page.context.set_offline(False)
    page.locator(f"{LIKERT_BLOCK} [data-status]").filter(has_text="Thank you: your answers were saved.").wait_for()
    assert draft_status(page, LIKERT_BLOCK).text_content() == SENT
    block = block_of(workbench, scenario, learner)
    assert block.answers == {"relevance": 5, "pace": 3} and block.learner_comment == "Très utile"
    assert page.js_errors == []


def test_a_french_evaluation_sent_offline_says_it_will_go_by_itself_not_try_again(workbench, new_page):
    """Trial s10, finding 6: offline, the French page said "Vérifiez votre connexion et réessayez."
    though the answers go by themselves when the link is back."""
    scenario = workbench.add_scenario(LIKERT.format(anonymous="false"))
    learner = student_id()
    page = new_page(PHONE, locale="fr-FR")
    open_block(page, workbench.scenario_url(scenario, learner, lang="fr"), LIKERT_BLOCK)
    page.locator(f"{LIKERT_BLOCK} [data-statement=relevance] input[value='4']").check()
    page.locator(f"{LIKERT_BLOCK} [data-statement=pace] input[value='2']").check()
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")
    page.locator(f"{LIKERT_BLOCK} [data-submit]").click()

    status = draft_status(page, LIKERT_BLOCK)
    saved_here = "Enregistré sur cet appareil\u00a0: vos réponses seront envoyées dès le retour de la connexion."
    status.filter(has_text=saved_here).wait_for()
    alert = page.locator(f"{LIKERT_BLOCK} [data-alert]")
    assert alert.is_hidden()
    assert "réessayez" not in page.locator(LIKERT_BLOCK).inner_text()
    page.context.set_offline(False)
    thanks = "Merci\u00a0: vos réponses ont été enregistrées."
    page.locator(f"{LIKERT_BLOCK} [data-status]").filter(has_text=thanks).wait_for()
    assert alert.is_hidden()
    assert block_of(workbench, scenario, learner).answers == {"relevance": 4, "pace": 2}
    assert page.js_errors == []


# ------------------------------------------------------------------ role-play: a lost reply
def test_a_role_play_choice_whose_reply_is_lost_shows_the_node_it_moved_to(workbench, new_page):
    learner = student_id()
    page = new_page(PHONE)
    page.goto(workbench.scenario_url(ROLE_PLAY_DEMO, learner))
    page.wait_for_selector(f"{ROLE_PLAY_BLOCK} [data-panel]")
    page.locator(f"{ROLE_PLAY_BLOCK} [data-role=officer]").click()
    page.wait_for_function("() => document.activeElement.textContent.trim() === 'Step 1: what happens'")
    lose_replies(page, "choose")
    page.locator(f"{ROLE_PLAY_BLOCK} [data-choice]", has_text=FIRST_CHOICE).click()

    # the page re-reads where the learner is: step 2, the consequence of the choice first
    page.wait_for_function("() => document.activeElement.textContent.trim() === 'Step 2: what happens'")
    panel = page.locator(f"{ROLE_PLAY_BLOCK} [data-panel]")
    assert "Away from the man, she starts to talk." in panel.text_content()
    alert = page.locator(f"{ROLE_PLAY_BLOCK} [data-alert]")
    assert alert.is_hidden() and "not offered" not in (alert.text_content() or "")
    assert block_of(workbench, ROLE_PLAY_DEMO, learner).path[-1] == "po-interview"
    assert page.js_errors == []


def test_a_retried_role_play_choice_after_a_lost_reply_answers_with_the_node_it_moved_to(workbench, new_page):
    """The choice's reply is lost and the state cannot be re-read: the page still shows step 1,
    and the learner taps the same choice again. The server answers with step 2 (the node the first
    tap moved to), not a red "not offered"."""
    learner = student_id()
    page = new_page(PHONE)
    page.goto(workbench.scenario_url(ROLE_PLAY_DEMO, learner))
    page.wait_for_selector(f"{ROLE_PLAY_BLOCK} [data-panel]")
    page.locator(f"{ROLE_PLAY_BLOCK} [data-role=officer]").click()
    page.wait_for_function("() => document.activeElement.textContent.trim() === 'Step 1: what happens'")
    lose_replies(page, "choose")
    page.route(handler("state"), lambda route: route.abort())
    choice = page.locator(f"{ROLE_PLAY_BLOCK} [data-choice]", has_text=FIRST_CHOICE)
    choice.click()
    alert = page.locator(f"{ROLE_PLAY_BLOCK} [data-alert]")
    alert.filter(has_text="No connection").wait_for()
    assert block_of(workbench, ROLE_PLAY_DEMO, learner).path[-1] == "po-interview"  # the server moved on

    choice.click()
    # the focus lands on the first choice's consequence, with step 2 after it
    page.wait_for_function("() => document.activeElement.matches('.emm-role-play .emm-rp-consequence')")
    assert "Step 2: what happens" in page.locator(f"{ROLE_PLAY_BLOCK} [data-panel]").text_content()
    assert "Away from the man, she starts to talk." in page.locator(f"{ROLE_PLAY_BLOCK} [data-panel]").text_content()
    assert alert.is_hidden()
    assert block_of(workbench, ROLE_PLAY_DEMO, learner).path == ["po-arrival", "po-interview"]
    assert page.js_errors == []


# ------------------------------------------------------------------ a refusal for good; the retry timer
def test_save_draft_while_a_submission_waits_sends_the_submission(workbench, new_page):
    """Review s37: the submit waits (its send failed when the phone said "online" before data
    flowed); the learner taps "Save draft" once data flows. The draft reached the server and its
    success cleared the device's record, the waiting submission with it: no feedback, nothing left
    to send. Now the tap sends the waiting submission, with the form's answers, under its id."""
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(scenario, learner), CASE_BLOCK)
    answer_case(page)
    drop_requests(page, "submit", times=1)  # the tap's send: no data flows
    drafts = requests_to(page, "save_draft")
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    draft_status(page, CASE_BLOCK).filter(has_text=QUEUED).wait_for()
    page.locator(f"{CASE_BLOCK} textarea").fill("Interview each teenager apart, with an interpreter.")
    page.locator(f"{CASE_BLOCK} [data-save]").click()
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()  # the submission's feedback
    assert drafts == []
    state = block_of(workbench, scenario, learner)
    assert state.attempts == 1 and state.answers["next"] == "Interview each teenager apart, with an interpreter."
    assert page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('emm-draft-'))") == []
    assert page.js_errors == []


def requests_to(page, name):
    """The requests the page sends to handler ``name`` from now on (a list that grows)."""
    seen = []
    page.on("request", lambda request: seen.append(request) if handler(name).search(request.url) else None)
    return seen


def drop_requests(page, name, times=1):
    """The next ``times`` requests to handler ``name`` never reach the server (a phone that says it
    is online while no data flows). Returns the action ids they carried."""
    dropped = []

    def drop(route):
        if len(dropped) >= times:
            route.continue_()
            return
        dropped.append(route.request.post_data_json["action_id"])
        route.abort()

    page.route(handler(name), drop)
    return dropped


def wait_until(page, condition, seconds=10):
    """Wait (the browser's events running) until ``condition()`` holds."""
    for _ in range(seconds * 20):
        if condition():
            return
        page.wait_for_timeout(50)
    raise AssertionError("still waiting")


def rename_option(workbench, scenario, question, option, new_id):
    """The author renames an option's id (what an edit in Studio does to the stored content)."""
    from workbench.runtime import WorkbenchRuntime

    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    content = copy.deepcopy(block.content)
    for q in content["questions"]:
        for o in q["options"] if q["id"] == question else []:
            o["id"] = new_id if o["id"] == option else o["id"]
    block.content = content
    block.save()


def test_a_kept_submit_refused_for_good_is_not_sent_again_and_the_answers_stay(workbench, new_page):
    """The learner pressed Submit offline; before the link came back the author renamed the option
    they had picked. The kept submit goes when the link is back and is refused (400
    ``unknown_option``: it would be every time). The refusal is said once, at its question; the
    submit waits no more: not sent again at the next ``online`` nor at the next visit, and the
    answers are still on the page, where the learner corrects them and sends again. Before,
    it stayed queued and was refused again at every ``online`` and every load."""
    scenario, learner, page, url = answered_case(workbench, new_page)
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    status = draft_status(page, CASE_BLOCK)
    status.filter(has_text=QUEUED).wait_for()
    submits = requests_to(page, "submit")  # sent from now on

    rename_option(workbench, scenario, "consent", "no", "no-child")
    page.context.set_offline(False)  # "online": the kept submit goes, and is refused
    said = page.locator(f"{CASE_BLOCK} [data-error-for=consent]")
    said.filter(has_text="This answer is not one of the options.").wait_for()
    page.locator(f"{CASE_BLOCK} [data-alert]").filter(has_text="not one of the options").wait_for()  # said once
    wait_until(page, lambda: status.text_content() == LOCAL)  # kept on the device, waiting for nothing
    assert len(submits) == 1

    # the link drops and comes back: nothing is sent again (the page re-reads its state instead)
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")
    with page.expect_request(handler("state")):
        page.context.set_offline(False)
    # the next visit: the answers are back in the form, nothing is sent
    open_block(page, url, CASE_BLOCK)
    page.wait_for_load_state("networkidle")
    assert len(submits) == 1
    assert page.locator(f"{CASE_BLOCK} input[value=papers]").is_checked()
    assert page.locator(f"{CASE_BLOCK} input[value=debt]").is_checked()
    assert page.locator(f"{CASE_BLOCK} textarea").input_value() == "Interview each teenager apart."
    assert status.text_content() == LOCAL
    assert page.locator(f"{CASE_BLOCK} [data-alert]").is_hidden()  # said once, not at every load
    assert block_of(workbench, scenario, learner).attempts == 0

    # the learner picks the renamed option and sends: it goes
    page.locator(f"{CASE_BLOCK} input[value=no-child]").check()
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").wait_for()
    assert len(submits) == 2
    assert status.text_content() == SENT
    assert block_of(workbench, scenario, learner).attempts == 1
    assert page.js_errors == []


def test_a_kept_evaluation_goes_by_the_retry_timer_without_an_online_event_or_a_tap(workbench, new_page):
    """The phone says it is online while no data flows: no ``online`` event ever comes. The tap's
    request and the first try after it are lost; the page tries again on a backoff while it shows
    (15 s, then 30 s), and the third try goes, with the tap's id. Before, the evaluation waited for
    the learner's next tap or the next load."""
    scenario = workbench.add_scenario(LIKERT.format(anonymous="false"))
    learner = student_id()
    page = new_page(PHONE)
    page.clock.install()  # the page's timers, driven by the test (time still flows as well)
    open_block(page, workbench.scenario_url(scenario, learner), LIKERT_BLOCK)
    page.evaluate("() => { window.onlineEvents = 0; addEventListener('online', () => { window.onlineEvents += 1; }); }")
    page.locator(f"{LIKERT_BLOCK} [data-statement=relevance] input[value='4']").check()
    page.locator(f"{LIKERT_BLOCK} [data-statement=pace] input[value='2']").check()
    dropped = drop_requests(page, "submit", times=2)
    submits = requests_to(page, "submit")
    page.locator(f"{LIKERT_BLOCK} [data-submit]").click()
    page.locator(f"{LIKERT_BLOCK} [data-alert]").filter(has_text="No connection").wait_for()
    status = draft_status(page, LIKERT_BLOCK)
    assert status.text_content() == QUEUED
    assert len(dropped) == 1

    page.clock.fast_forward(14_000)
    page.wait_for_timeout(300)
    assert len(submits) == 1  # not before 15 s
    page.clock.fast_forward(1_000)
    wait_until(page, lambda: len(dropped) == 2)  # the first try: lost too
    page.clock.fast_forward(29_000)
    page.wait_for_timeout(300)
    assert len(submits) == 2  # then 30 s
    page.clock.fast_forward(1_000)

    thanks = page.locator(f"{LIKERT_BLOCK} [data-status]").filter(has_text="Thank you: your answers were saved.")
    thanks.wait_for()
    assert len(submits) == 3 and len(set(dropped)) == 1
    assert submits[-1].post_data_json["action_id"] == dropped[0]  # the same action: done once
    assert status.text_content() == SENT
    assert page.locator(f"{LIKERT_BLOCK} [data-alert]").is_hidden()
    assert block_of(workbench, scenario, learner).answers == {"relevance": 4, "pace": 2}
    assert page.evaluate("() => window.onlineEvents") == 0
    page.clock.fast_forward(600_000)  # sent: no more tries
    page.wait_for_timeout(300)
    assert len(submits) == 3
    assert page.js_errors == []


def test_a_role_play_choice_waiting_for_the_link_is_said_once_not_at_each_timed_try(workbench, new_page):
    """The phone says it is online while no data flows: the choice's request and the timer's first
    try are lost. The alert says once that the choice will be sent; the timer's try that fails
    again leaves it as it is (a screen reader does not read it out again every 15 s, 30 s …); the
    try that goes takes it away."""
    learner = student_id()
    page = new_page(PHONE)
    page.clock.install()
    page.goto(workbench.scenario_url(ROLE_PLAY_DEMO, learner))
    page.wait_for_selector(f"{ROLE_PLAY_BLOCK} [data-panel]")
    page.locator(f"{ROLE_PLAY_BLOCK} [data-role=officer]").click()
    page.wait_for_function("() => document.activeElement.textContent.trim() === 'Step 1: what happens'")
    dropped = drop_requests(page, "choose", times=2)
    page.route(handler("state"), lambda route: route.abort())
    page.locator(f"{ROLE_PLAY_BLOCK} [data-choice]", has_text=FIRST_CHOICE).click()
    alert = page.locator(f"{ROLE_PLAY_BLOCK} [data-alert]")
    alert.filter(has_text="will be sent when the connection is back").wait_for()
    page.wait_for_timeout(300)  # the alert written: from now on each write is counted
    page.evaluate("""() => { const alert = document.querySelector('.emm-role-play [data-alert]');
        window.alertWrites = 0;
        new MutationObserver((m) => { window.alertWrites += m.length; })
          .observe(alert, {childList: true, characterData: true, subtree: true, attributes: true}); }""")
    said = alert.text_content()

    page.clock.fast_forward(15_000)
    wait_until(page, lambda: len(dropped) == 2)  # the timer's first try: lost too
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.alertWrites") == 0  # not wiped and said again
    assert alert.is_visible() and alert.text_content() == said

    page.clock.fast_forward(30_000)  # the next try goes
    page.wait_for_function("() => document.activeElement.matches('.emm-role-play .emm-rp-consequence')")
    assert "Step 2: what happens" in page.locator(f"{ROLE_PLAY_BLOCK} [data-panel]").text_content()
    assert alert.is_hidden()
    assert block_of(workbench, ROLE_PLAY_DEMO, learner).path == ["po-arrival", "po-interview"]
    assert page.js_errors == []


# ------------------------------------------------------------------ a draft on a slow link

CASE_FR = "emm_case_study.1"  # scenarios/emm_case_study-2-fr.xml
PHONE_360 = {"width": 360, "height": 740}


def test_words_typed_while_a_draft_is_being_saved_are_still_there_after_a_reload(workbench, new_page):
    """A learner taps "Enregistrer le brouillon" and goes on writing while the slow link carries it.
    The reply cleared what the phone kept (the server has "the answers"), the words typed meanwhile
    with it: the next visit showed the draft as it was when the button was tapped (bug hunt s44)."""
    page = new_page(PHONE_360, locale="fr-FR", touch=True)
    block = CASE_BLOCK
    open_block(page, workbench.scenario_url(CASE_FR, student_id(), lang="fr"), block)
    area = page.locator(f"{block} textarea").first
    area.fill("Premier jet de ma réponse.")
    cdp = slow_link(page)
    page.locator(f"{block} [data-save]").click()
    page.wait_for_selector(f"{block} [data-save][aria-busy=true]")
    area.press("End")
    area.type(" Et la suite, écrite pendant l’envoi.")
    page.wait_for_selector(f"{block} [data-save][aria-busy=true]", state="detached", timeout=20_000)
    page.wait_for_timeout(300)
    fast_link(cdp)
    typed = area.input_value()
    assert typed.endswith("pendant l’envoi.")

    open_block(page, page.url, block)  # the phone reloads the tab (memory, the learner, a lost signal)
    assert page.locator(f"{block} textarea").first.input_value() == typed
    assert page.js_errors == []
