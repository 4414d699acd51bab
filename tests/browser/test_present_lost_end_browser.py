"""An "End session" lost on the way (the wifi drops as the facilitator confirms): the room's line
says the session could not be ended, in its own words, not that "the figures could not be
updated"; once the connection is back, the next poll -- a 304, nothing changed in the room --
says the session's line again: it is still open, and still counts (hunt 5)."""

import pytest

from tests.browser.test_live_browser import (
    DEMO_EN,
    DIALOG,
    POLL,
    PROJECTOR,
    end_and_close,
    open_projection,
    status_line,
)
from tests.browser.test_present_lost_session_request_browser import GENERIC, SESSION

pytestmark = pytest.mark.browser

ENDED_NOT = "The session could not be ended: check the connection, then press “End session” again."


def test_an_end_lost_on_the_way_says_so_and_the_open_line_comes_back(workbench, new_page):
    page = new_page(PROJECTOR)
    page.clock.install()
    open_projection(page, workbench, DEMO_EN)
    page.get_by_role("button", name="Start session").click()
    page.locator(f"{DIALOG} .emm-present[data-state=open]").wait_for()
    with page.expect_response(lambda r: POLL.search(r.url) and r.status == 304):
        page.clock.fast_forward(5_000)

    page.route(SESSION, lambda route: route.abort("internetdisconnected"))
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Yes, end the session").click()
    page.wait_for_function("(el) => !el.textContent.startsWith('Session open')", arg=status_line(page).element_handle())
    assert status_line(page).text_content() == ENDED_NOT != GENERIC
    page.unroute(SESSION)

    with page.expect_response(lambda r: POLL.search(r.url) and r.status == 304):
        page.clock.fast_forward(5_000)
    page.wait_for_function("(el) => el.textContent.startsWith('Session open')", arg=status_line(page).element_handle())
    assert page.get_by_role("button", name="End session").is_visible()
    end_and_close(page)
    assert page.js_errors == []
