"""A facilitator whose connection drops as they press "Start session" (Niamey's wifi): the
session's request never reaches the server. The room's line must say that the session did not
start, not that "the figures could not be updated", and once the connection is back the next poll
(a 304: nothing changed in the room) must bring the session's line back, as it does after a
failed poll (hunt 5)."""

import re

import pytest

from tests.browser.test_live_browser import DEMO_EN, DIALOG, POLL, PROJECTOR, open_projection, status_line

pytestmark = pytest.mark.browser

SESSION = re.compile(r"/live_session/?(\?|$)")
GENERIC = "The figures could not be updated: check the connection."


def test_a_start_lost_on_the_way_does_not_leave_the_connection_line_for_good(workbench, new_page):
    page = new_page(PROJECTOR)
    page.clock.install()
    open_projection(page, workbench, DEMO_EN)
    page.wait_for_function("(el) => el.textContent.startsWith('No session yet')",
                           arg=status_line(page).element_handle())
    # the first poll has drawn its figures: the next ones answer 304 while nothing changes
    with page.expect_response(lambda r: POLL.search(r.url) and r.status == 304):
        page.clock.fast_forward(5_000)

    page.route(SESSION, lambda route: route.abort("internetdisconnected"))  # the wifi drops
    page.get_by_role("button", name="Start session").click()
    page.wait_for_function("(el) => el.textContent !== '' && !el.textContent.startsWith('No session yet')",
                           arg=status_line(page).element_handle())
    said_after_failed_start = status_line(page).text_content()
    page.unroute(SESSION)  # the wifi is back; the room has not changed, the polls answer 304

    for _ in range(3):
        with page.expect_response(lambda r: POLL.search(r.url) and r.status == 304):
            page.clock.fast_forward(5_000)
    page.wait_for_timeout(300)
    still = status_line(page).text_content()
    assert page.locator(f"{DIALOG} .emm-present").get_attribute("data-state") == "none"
    assert page.get_by_role("button", name="Start session").is_visible()
    # three polls later the session's state is still not said: the connection's line stays up for good
    assert still.startswith("No session yet"), (
        f"after a failed Start the line said {said_after_failed_start!r} and, connection back, still says {still!r}")
    assert page.js_errors == []


def test_a_start_lost_on_the_way_is_said_as_a_start_not_as_figures(workbench, new_page):
    page = new_page(PROJECTOR)
    open_projection(page, workbench, DEMO_EN)
    page.wait_for_function("(el) => el.textContent.startsWith('No session yet')",
                           arg=status_line(page).element_handle())
    page.route(SESSION, lambda route: route.abort("internetdisconnected"))
    page.get_by_role("button", name="Start session").click()
    page.wait_for_function("(el) => !el.textContent.startsWith('No session yet')",
                           arg=status_line(page).element_handle())
    said = status_line(page).text_content()
    # nothing tells the facilitator the session did not start: the line speaks of figures
    assert said != GENERIC, "a Start that never reached the server reads as a failed update of the figures"
