"""Bug hunt s43: a state read still on its way when the learner takes a choice is drawn over the
step that choice led to. On a phone whose link comes back, the ``online`` event re-reads the state
(``emm-role-play.js``: ``EMM.whenOnline`` -> ``refresh``); the learner, who sees the step and
its choices, taps one meanwhile (the click handler waits only for a send, ``EMM.isSending``, not
for a read, ``EMM.isBusy``). The choice is done and its next step shown; then the slower read
answers with the step as it was before the choice, and ``refresh`` draws it: the learner is back
at the step they left, whose choices the server now refuses ("This choice is not offered at this
step.")."""

import pytest

from tests.browser.conftest import PHONE, student_id
from tests.browser.test_recovery_browser import handler
from tests.browser.test_role_play_offline_browser import APART, BLOCK, DEMO, choice, start_as_officer

pytestmark = pytest.mark.browser


def test_a_state_read_answered_after_a_choice_does_not_take_the_learner_back_a_step(workbench, new_page):
    page = new_page(PHONE, touch=True)
    start_as_officer(page, workbench.scenario_url(DEMO, student_id()))
    held = []

    def slow_read(route):  # the read reaches the server at once; its answer comes late (a slow link)
        held.append((route, route.fetch()))

    page.route(handler("state"), slow_read)
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")
    page.context.set_offline(False)  # the link is back: the page re-reads where the learner is
    page.wait_for_function("() => navigator.onLine === true")
    page.wait_for_timeout(300)
    assert len(held) == 1, "no state read at `online`"
    choice(page, APART).tap()  # the learner goes on meanwhile
    page.wait_for_function("() => document.activeElement.matches('.emm-role-play .emm-rp-consequence')")
    assert "Step 2: what happens" in page.locator(f"{BLOCK} [data-panel]").text_content()
    route, reply = held[0]
    route.fulfill(response=reply)  # the read's answer, from before the choice, arrives last
    page.wait_for_timeout(500)
    panel = page.locator(f"{BLOCK} [data-panel]").text_content()
    assert "Step 2: what happens" in panel, "the learner was taken back to step 1 by a stale state read"
    assert page.js_errors == []
