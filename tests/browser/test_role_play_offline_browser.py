"""The role-play on a link that comes and goes (trial s10, finding 6), in headless Chromium.

A choice tapped while the phone is offline, or whose reply was lost, waits on the page with its
action id; the page says, in a role-play's words, that the choice will be sent when the connection
is back; it goes by itself when the browser fires ``online`` (Playwright's ``context.set_offline``
drives Chromium's network emulation, which fires ``offline``/``online`` as a phone does); the page
then shows the next step and no alert, and the server did the choice once (common/recovery.py).
One choice waits at a time: a new tap takes the place of the one waiting. A waiting choice the
server refuses when it goes (the learner moved on elsewhere) ends on the server's state.

The lost reply is made as in test_recovery_browser.py: ``route.fetch()`` sends the request to the
server, then ``route.abort()`` drops its answer.
"""

import pytest

from tests.browser.conftest import PHONE, student_id
from tests.browser.test_recovery_browser import block_of, drop_requests, handler, lose_replies

pytestmark = pytest.mark.browser

BLOCK = ".emm-role-play"
DEMO = "emm_role_play.0"  # scenarios/emm_role_play-1-en.xml: the officer starts at po-arrival
APART = "Speak with her apart from the group, with a female colleague and an interpreter"  # -> po-interview
IN_FRONT = "Question her in front of the man who says he is her uncle"  # -> po-uncle
WAITING = "No connection: your choice “{}” will be sent when the connection is back (keep this page open)."


def start_as_officer(page, url):
    page.goto(url)
    page.wait_for_selector(f"{BLOCK} [data-panel]")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    page.locator(f"{BLOCK} [data-role=officer]").click()
    page.wait_for_function("() => document.activeElement.textContent.trim() === 'Step 1: what happens'")


def go_offline(page):
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")


def tap_offline(page, url, label):
    """As the police officer, the link gone, ``label`` tapped: shown as waiting."""
    start_as_officer(page, url)
    go_offline(page)
    choice(page, label).click()
    alert(page).filter(has_text=WAITING.format(label)).wait_for()


def choice(page, label):
    return page.locator(f"{BLOCK} [data-choice]", has_text=label)


def alert(page):
    return page.locator(f"{BLOCK} [data-alert]")


def wait_for_step_2_after(page, consequence):
    """The step the choice led to, its consequence first (where the focus goes after a choice)."""
    page.wait_for_function("() => document.activeElement.matches('.emm-role-play .emm-rp-consequence')")
    panel = page.locator(f"{BLOCK} [data-panel]").text_content()
    assert "Step 2: what happens" in panel and consequence in panel


def test_a_choice_tapped_offline_waits_and_goes_by_itself_when_the_link_is_back(workbench, new_page):
    learner = student_id()
    page = new_page(PHONE)
    start_as_officer(page, workbench.scenario_url(DEMO, learner))
    go_offline(page)
    page.evaluate("""() => { const box = document.querySelector('.emm-role-play [data-alert]'); window.said = [];
        new MutationObserver(() => { if (box.textContent) { window.said.push(box.textContent); } })
            .observe(box, {childList: true, characterData: true, subtree: true}); }""")
    choice(page, APART).click()

    # shown as waiting, in a role-play's words (no "answers", no "try again")
    alert(page).filter(has_text=WAITING.format(APART)).wait_for()
    assert "try again" not in alert(page).text_content()
    # said once, in those words alone (keyboard trial s39: the page's own words first, replaced 2 ms later)
    page.wait_for_timeout(100)
    assert page.evaluate("window.said") == [WAITING.format(APART)]
    # on the phone's screen: below the step, it was off it and the tap seemed to do nothing (trial s37)
    page.wait_for_function("""() => { const box = document.querySelector('.emm-role-play [data-alert]')
        .getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; }""")
    assert "Step 1: what happens" in page.locator(f"{BLOCK} [data-panel]").text_content()
    assert block_of(workbench, DEMO, learner).path == ["po-arrival"]

    page.context.set_offline(False)  # the browser fires "online": the page sends the choice by itself
    wait_for_step_2_after(page, "Away from the man, she starts to talk.")
    assert alert(page).is_hidden()
    state = block_of(workbench, DEMO, learner)
    assert state.path == ["po-arrival", "po-interview"] and state.taken == [0]
    assert len([a for a in state.action_ids if a.startswith("choose:")]) == 1
    assert page.js_errors == []


def test_a_choice_whose_reply_was_lost_goes_again_with_its_id_and_is_done_once(workbench, new_page):
    """The choice reached the server, its reply was lost and the link went before the page could
    re-read the state: the choice waits; when the link is back it is sent again with the same id,
    and the server answers with the step it moved to, without taking the choice a second time
    (nor refusing it as "not offered" at the new step)."""
    learner = student_id()
    page = new_page(PHONE)
    start_as_officer(page, workbench.scenario_url(DEMO, learner))
    statuses = lose_replies(page, "choose")
    page.route(handler("state"), lambda route: route.abort())  # the link is gone for the re-read
    choice(page, APART).click()
    alert(page).filter(has_text=WAITING.format(APART)).wait_for()
    assert statuses == [200]
    assert block_of(workbench, DEMO, learner).path == ["po-arrival", "po-interview"]  # the server moved on

    page.unroute(handler("state"))
    go_offline(page)
    page.context.set_offline(False)
    wait_for_step_2_after(page, "Away from the man, she starts to talk.")
    assert alert(page).is_hidden()
    state = block_of(workbench, DEMO, learner)
    assert state.path == ["po-arrival", "po-interview"] and state.taken == [0]  # once
    assert page.js_errors == []


def test_a_choice_that_never_reached_the_server_while_the_link_works_goes_again_at_once(workbench, new_page):
    """The request is dropped on its way (it never reaches the server) but the page can re-read the
    state: the learner is still at step 1, the link works, so the waiting choice goes at once."""
    learner = student_id()
    page = new_page(PHONE)
    start_as_officer(page, workbench.scenario_url(DEMO, learner))
    dropped = []

    def drop_first(route):
        if dropped:
            route.continue_()
            return
        dropped.append(route.request.post_data_json["action_id"])
        route.abort()

    page.route(handler("choose"), drop_first)
    sent = []
    page.on("request", lambda request: sent.append(request.post_data_json["action_id"])
            if "/choose/" in request.url else None)
    choice(page, APART).click()
    wait_for_step_2_after(page, "Away from the man, she starts to talk.")
    assert alert(page).is_hidden()
    assert len(sent) == 2 and sent[0] == sent[1] == dropped[0]  # sent again with its id
    assert block_of(workbench, DEMO, learner).path == ["po-arrival", "po-interview"]
    assert page.js_errors == []


def test_a_new_tap_while_a_choice_waits_takes_its_place(workbench, new_page):
    """Never two choices waiting: the last one tapped is the one sent when the link is back."""
    learner = student_id()
    page = new_page(PHONE)
    tap_offline(page, workbench.scenario_url(DEMO, learner), APART)
    choice(page, IN_FRONT).click()
    alert(page).filter(has_text=WAITING.format(IN_FRONT)).wait_for()
    assert APART not in alert(page).text_content()

    page.context.set_offline(False)
    wait_for_step_2_after(page, "The man answers every question.")
    assert alert(page).is_hidden()
    state = block_of(workbench, DEMO, learner)
    assert state.path == ["po-arrival", "po-uncle"] and state.taken == [1]
    assert page.js_errors == []


def test_a_waiting_choice_refused_when_it_goes_ends_on_the_server_s_state(workbench, new_page):
    """While the phone is offline, the same learner moves on in another browser; when the link is
    back the waiting choice is no longer offered: the server refuses it, the page says so and shows
    where the learner is now (never a page stuck at the old step)."""
    learner = student_id()
    url = workbench.scenario_url(DEMO, learner)
    page = new_page(PHONE)
    start_as_officer(page, url)
    go_offline(page)
    choice(page, APART).click()
    alert(page).filter(has_text=WAITING.format(APART)).wait_for()

    other = new_page(PHONE)
    other.goto(url)
    other.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    choice(other, IN_FRONT).click()
    other.wait_for_function("() => document.activeElement.matches('.emm-role-play .emm-rp-consequence')")
    assert block_of(workbench, DEMO, learner).path == ["po-arrival", "po-uncle"]

    page.context.set_offline(False)
    alert(page).filter(has_text="This choice is not offered at this step.").wait_for()
    page.locator(f"{BLOCK} [data-choice]", has_text="Separate them after all and speak with her alone").wait_for()
    panel = page.locator(f"{BLOCK} [data-panel]").text_content()
    assert "Step 2: what happens" in panel and "The man answers every question." in panel
    assert block_of(workbench, DEMO, learner).path == ["po-arrival", "po-uncle"]
    assert page.js_errors == []


def test_a_role_taken_offline_waits_and_starts_the_attempt_once_when_the_link_is_back(workbench, new_page):
    learner = student_id()
    page = new_page(PHONE)
    page.goto(workbench.scenario_url(DEMO, learner))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    go_offline(page)
    page.locator(f"{BLOCK} [data-role=officer]").click()
    alert(page).filter(has_text=WAITING.format("Border police officer")).wait_for()
    assert block_of(workbench, DEMO, learner).role == ""

    page.context.set_offline(False)
    page.wait_for_function("() => document.activeElement.textContent.trim() === 'Step 1: what happens'")
    assert alert(page).is_hidden()
    state = block_of(workbench, DEMO, learner)
    assert state.role == "officer" and state.path == ["po-arrival"] and state.attempts == 1
    assert page.js_errors == []


def test_a_choice_waiting_while_no_data_flows_goes_by_the_retry_timer(workbench, new_page):
    """The phone says it is online while no data flows: the choice's request and the re-read of the
    state are lost, and no ``online`` event will ever come. The choice waits, and the page tries it
    again by itself 15 s later while it shows (decision 22), with its id: the next step, no tap.
    Before, it waited for the learner's next tap."""
    learner = student_id()
    page = new_page(PHONE)
    page.clock.install()  # the page's timers, driven by the test (time still flows as well)
    start_as_officer(page, workbench.scenario_url(DEMO, learner))
    page.evaluate("() => { window.onlineEvents = 0; addEventListener('online', () => { window.onlineEvents += 1; }); }")
    dropped = drop_requests(page, "choose")
    page.route(handler("state"), lambda route: route.abort())
    sent = []
    page.on("request", lambda request: sent.append(request.post_data_json["action_id"])
            if "/choose/" in request.url else None)
    choice(page, APART).click()
    alert(page).filter(has_text=WAITING.format(APART)).wait_for()
    assert len(dropped) == 1
    page.unroute(handler("state"))

    page.clock.fast_forward(15_000)
    wait_for_step_2_after(page, "Away from the man, she starts to talk.")
    assert alert(page).is_hidden()
    assert sent == [dropped[0], dropped[0]]  # tried again with its id
    assert page.evaluate("() => window.onlineEvents") == 0
    state = block_of(workbench, DEMO, learner)
    assert state.path == ["po-arrival", "po-interview"] and state.taken == [0]
    page.clock.fast_forward(600_000)  # sent: no more tries
    page.wait_for_timeout(300)
    assert len(sent) == 2
    assert page.js_errors == []


@pytest.mark.parametrize("back", ["timer", "online"])
def test_a_choice_lost_twice_while_the_state_reads_keeps_waiting_and_goes_when_the_link_is_back(workbench, new_page,
                                                                                               back):
    """Decision 22, item 6: the choice's request is dropped on its way twice (it never reaches the
    server) while the page can re-read the state each time, the learner still at step 1. The page
    sends it again at once after the first loss, not after the second (no loop on a link that keeps
    failing); but the choice keeps waiting, as its alert says, and goes with its id when the link is
    back: by the retry timer (no ``online`` event nor tap), or when the browser fires ``online``.
    Before, the second loss forgot it: the alert still said it would be sent, and nothing ever went."""
    learner = student_id()
    page = new_page(PHONE)
    page.clock.install()
    start_as_officer(page, workbench.scenario_url(DEMO, learner))
    dropped = drop_requests(page, "choose", times=2)
    reads, sent = [], []
    page.on("requestfinished", lambda request: reads.append(request.url) if "/state/" in request.url else None)
    page.on("request", lambda request: sent.append(request.post_data_json["action_id"])
            if "/choose/" in request.url else None)
    choice(page, APART).click()
    alert(page).filter(has_text=WAITING.format(APART)).wait_for()
    for _ in range(50):  # both re-reads of the state answered: the page knows the learner is at step 1
        if len(reads) >= 2:
            break
        page.wait_for_timeout(100)
    assert len(dropped) == 2 and len(reads) == 2
    page.wait_for_timeout(300)
    alert(page).filter(has_text=WAITING.format(APART)).wait_for()  # still said, and now still true
    assert "Step 1: what happens" in page.locator(f"{BLOCK} [data-panel]").text_content()
    assert block_of(workbench, DEMO, learner).path == ["po-arrival"]

    if back == "timer":
        page.clock.fast_forward(30_000)  # the backoff after the second failure
    else:
        go_offline(page)
        page.context.set_offline(False)  # the browser fires "online"
    wait_for_step_2_after(page, "Away from the man, she starts to talk.")
    assert alert(page).is_hidden()
    assert sent == [dropped[0]] * 3  # one choice, its id each time
    state = block_of(workbench, DEMO, learner)
    assert state.path == ["po-arrival", "po-interview"] and state.taken == [0]  # done once
    assert page.js_errors == []


def test_a_choice_refused_by_a_login_page_says_to_reload_not_that_the_link_is_gone(workbench, new_page):
    """Review s35: a choice answered by the platform's login or CSRF page (403, HTML) said "Reload
    the page", then the state's read met the same page and the alert became "No connection: your
    choice … will be sent when the connection is back", the opposite advice (decision 74)."""
    page = new_page(PHONE)
    url = workbench.scenario_url(DEMO, student_id())
    start_as_officer(page, url)
    page.route(handler("(choose|state)"), lambda route: route.fulfill(
        status=403, content_type="text/html", body="<html>CSRF verification failed</html>"))
    choice(page, APART).click()
    said = alert(page).filter(has_text="Reload the page (sign in again if asked)")
    said.wait_for()
    page.wait_for_timeout(500)  # the state's read has failed by now
    assert said.is_visible() and "No connection" not in alert(page).text_content()
    assert page.js_errors == []


FR_DEMO = "emm_role_play.1"  # scenarios/emm_role_play-2-fr.xml: allow_back, the officer starts at po-arrival
FR_APART = "L’entendre à l’écart du groupe, avec une collègue et un interprète"  # -> po-interview
STEP_ONE_FOCUSED = ("() => document.activeElement.textContent.replace(/\\s+/g, ' ').trim()"
                    " === 'Étape 1 : ce qui se passe'")


def test_a_choice_taken_again_after_its_lost_reply_was_read_back_is_not_swallowed(workbench, new_page):
    """Bug hunt (hunt3). In French, on a phone, with "go back" allowed: a choice's reply is lost
    (a proxy's 504 on a slow server; here, dropped) but the page reads the state at once and shows
    the step the server moved to. The learner goes back one step and takes the same choice again:
    the page sent it under the first choice's action id (EMM.action keeps an id "in doubt" for the
    same data until a reply settles it, and this read never did), the server took it for a retry
    of the first, answered with where the learner was (step 1) and did nothing: the tap was
    swallowed, the same step drawn again."""
    learner = student_id()
    page = new_page(PHONE, locale="fr-FR")
    page.goto(workbench.scenario_url(FR_DEMO, learner, lang="fr"))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    page.locator(f"{BLOCK} [data-role=officer]").click()
    page.wait_for_function(STEP_ONE_FOCUSED)
    sent = []
    page.on("request", lambda request: sent.append(request.post_data_json["action_id"])
            if "/choose/" in request.url else None)
    statuses = lose_replies(page, "choose")
    choice(page, FR_APART).click()
    # the state read after the lost reply shows the step the server moved to
    page.wait_for_function("() => document.querySelector('.emm-role-play [data-panel]').textContent"
                           ".replace(/\\s+/g, ' ').includes('Étape 2 : ce qui se passe')")
    assert statuses == [200] and block_of(workbench, FR_DEMO, learner).path == ["po-arrival", "po-interview"]

    page.locator(f"{BLOCK} [data-back]").click()
    page.wait_for_function(STEP_ONE_FOCUSED)
    assert block_of(workbench, FR_DEMO, learner).path == ["po-arrival"]

    choice(page, FR_APART).click()  # the same choice, taken again: a new action
    page.wait_for_timeout(1500)
    assert block_of(workbench, FR_DEMO, learner).path == ["po-arrival", "po-interview"], "the choice was not taken"
    assert len(sent) == 2 and sent[1] != sent[0], "the new tap went as a retry of the lost one"
    assert "Étape 2 : ce qui se passe" in " ".join(page.locator(f"{BLOCK} [data-panel]").text_content().split())
    assert page.js_errors == []
