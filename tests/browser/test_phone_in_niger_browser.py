"""A French-speaking learner in Niger on a cheap Android phone (360 × 640, Chromium): slow, costly data, a
connection that drops, a tab left open until the next day (bug hunt hunt2).

* **A Submit tapped while the draft is on its way.** On a slow link the learner taps "Enregistrer le
  brouillon", then "Envoyer". The Submit button stays enabled, the tap does nothing and nothing says so
  (``EMM.action`` sends one action at a time per block and answers any other with nothing; the case study's
  form handler returns when ``EMM.isSending``), then "Brouillon enregistré" comes: the answers were never
  submitted, and "Envoi en cours…" beside the draft button read as if they were.
* **Back the next day, the session ended.** The LMS answers a POST to a handler from a learner no longer
  signed in with ``HttpResponseForbidden('Unauthenticated')`` (403, text/html:
  ``lms/djangoapps/courseware/block_render.py``, ``handle_xblock_callback``: "if request.method != 'GET'
  and not (request.user and request.user.is_authenticated)"). The page says to reload and sign in again
  (decision 74), but the line under the button says the answers will be submitted when the connection is
  back, which it already is, and the alert is said again at each timed try.
* **The signal dies in the middle of a submit.** The request hangs; the button says "Envoi toujours en
  cours" for as long as the socket lives, and the link's return sends nothing (the action still "sends").
"""

import pytest

from tests.browser.conftest import student_id
from tests.browser.test_recovery_browser import (
    CASE_BLOCK,
    block_of,
    draft_status,
    fast_link,
    handler,
    open_block,
    requests_to,
    slow_link,
    tap_if_enabled,
)

pytestmark = pytest.mark.browser

CASE_FR = "emm_case_study.1"  # scenarios/emm_case_study-2-fr.xml
PHONE_360 = {"width": 360, "height": 640}
# every question of the French demo answered, each text within its word limits
ANSWER_ALL = """(root) => { root.querySelectorAll('[data-question]').forEach((fs) => {
  const area = fs.querySelector('textarea');
  if (area) {
    const n = Math.max(+area.getAttribute('data-min-words') || 0, 3) + 1;
    area.value = Array(n).fill('réponse').join(' ');
    area.dispatchEvent(new Event('input', {bubbles: true}));
    return;
  }
  const first = fs.querySelector('input');
  first.checked = true;
  first.dispatchEvent(new Event('change', {bubbles: true}));
}); }"""
SIGNED_OUT_FR = "Le cours n’a pas accepté cette demande : votre session a peut-être expiré."


def french_case(workbench, new_page):
    learner = student_id()
    page = new_page(PHONE_360, locale="fr-FR", touch=True)
    open_block(page, workbench.scenario_url(CASE_FR, learner, lang="fr"), CASE_BLOCK)
    page.locator(CASE_BLOCK).evaluate(ANSWER_ALL)
    return learner, page


def test_a_submit_tapped_while_the_draft_is_on_its_way_is_not_swallowed(workbench, new_page):
    learner, page = french_case(workbench, new_page)
    cdp = slow_link(page)  # 3 s a reply
    page.locator(f"{CASE_BLOCK} [data-save]").click()
    page.wait_for_selector(f"{CASE_BLOCK} [data-save][aria-busy=true]")
    submit = page.locator(f"{CASE_BLOCK} [data-submit]")
    usable = submit.is_enabled() and submit.get_attribute("aria-disabled") != "true"
    tap_if_enabled(submit)  # "Envoyer", while "Envoi en cours…" shows beside the draft button
    page.wait_for_selector(f"{CASE_BLOCK} [data-save][aria-busy=true]", state="detached", timeout=20_000)
    fast_link(cdp)
    page.wait_for_timeout(2000)

    # the button offered the tap: the tap counts (the answers go once the draft is saved), or the page says it
    # did not; here it was taken, dropped and never said, and the page ends on "Brouillon enregistré"
    said = (page.locator(f"{CASE_BLOCK} [data-status]").text_content() + " "
            + (page.locator(f"{CASE_BLOCK} [data-alert]").text_content() or ""))
    submitted = block_of(workbench, CASE_FR, learner).attempts == 1
    assert not usable or submitted or "Envoyer" in said, (usable, submitted, said)
    assert page.js_errors == []


def test_a_submit_refused_because_the_session_ended_does_not_promise_to_go_when_the_connection_is_back(
        workbench, new_page):
    learner, page = french_case(workbench, new_page)
    page.clock.install()  # the page's timers, driven by the test (time still flows as well)
    submits = requests_to(page, "submit")

    def signed_out(route):  # the LMS's own answer to a learner no longer signed in (block_render.py)
        route.fulfill(status=403, content_type="text/html; charset=utf-8", body="Unauthenticated")

    page.route(handler("submit"), signed_out)
    page.route(handler("state"), signed_out)
    page.evaluate("""() => { const alert = document.querySelector('.emm-case [data-alert]'); window.alertSaid = 0;
        new MutationObserver(() => { if (alert.textContent) { window.alertSaid += 1; } })
          .observe(alert, {childList: true, characterData: true, subtree: true}); }""")
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    alert = page.locator(f"{CASE_BLOCK} [data-alert]")
    alert.filter(has_text=SIGNED_OUT_FR).wait_for()
    page.wait_for_timeout(300)

    # the link works: what is missing is a sign-in, which no return of the connection brings
    line = draft_status(page, CASE_BLOCK).text_content()
    assert "dès le retour de la connexion" not in line, line

    for _ in range(8):  # the tab stays open, the phone on the table: eight minutes
        page.clock.fast_forward(60_000)
        page.wait_for_timeout(200)
    # said once, as a waiting choice is (not read out again at each timed try that meets the same refusal)
    assert page.evaluate("() => window.alertSaid") == 1, (len(submits), page.evaluate("() => window.alertSaid"))
    assert block_of(workbench, CASE_FR, learner).attempts == 0
    assert page.js_errors == []


def test_a_submit_whose_connection_died_on_the_way_goes_again_once_the_link_is_back(workbench, new_page):
    """The phone loses its signal in the middle of the request, without the interface going down: the request
    is neither answered nor failed (Chromium puts no time limit on a fetch; the socket waits for TCP to give up,
    a quarter of an hour on Linux and Android). The button says "Envoi toujours en cours : la connexion est
    lente. Gardez cette page ouverte." for as long, and when the link is back (`online`) nothing goes:
    ``EMM.whenOnline``'s resend does nothing while ``EMM.action`` still sends. The action's id makes it safe to
    give up on such a request and send it again (common/recovery.py: the server answers a retry as the first)."""
    learner, page = french_case(workbench, new_page)
    page.clock.install()
    stuck = []

    def first_never_answered(route):
        if not stuck:
            stuck.append(route)  # neither answered nor failed: the signal died on the way
            return
        route.continue_()

    page.route(handler("submit"), first_never_answered)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.wait_for_timeout(300)
    assert len(stuck) == 1
    page.clock.fast_forward(120_000)  # two minutes of "Envoi toujours en cours"
    page.wait_for_timeout(300)
    page.context.set_offline(True)
    page.wait_for_timeout(300)
    page.context.set_offline(False)  # the signal is back: the browser fires `online`
    for _ in range(4):
        page.clock.fast_forward(15_000)
        page.wait_for_timeout(500)

    page.wait_for_timeout(2000)
    still = page.locator(f"{CASE_BLOCK} .emm-sending").all_text_contents()
    assert page.locator(f"{CASE_BLOCK} [data-feedback] [data-retry]").count() == 1, still
    assert block_of(workbench, CASE_FR, learner).attempts == 1
    assert page.js_errors == []
