"""Past a graded block's due date every answer is refused (``past_due``, decision 93): the
projection's lines under the bars and the line under "Present" no longer speak of answers counted
"so far" or "from now on" (hunt 5). Before the due date they do."""

import json
import re

import pytest
from webob import Request

from tests.integration.platform_blocks import future, past, visible_text
from tests.integration.test_past_due_controls import _blocks, platform  # noqa: F401 - the fixture


def _first_item(sam, key):
    html = sam.handle(key, "live_screen", method="GET").json["html"]
    return re.search(r'data-item="([^"]+)"', html).group(1)


def _poll_line(sam, key):
    block = sam.block(key)
    response = block.runtime.handle(block, "live_poll", Request.blank(f"/?item={_first_item(sam, key)}"))
    return json.loads(response.body)["t"]


@pytest.mark.parametrize("kind", ["case", "likert", "role_play"])
def test_past_the_due_date_no_line_says_answers_are_counted(platform, kind):  # noqa: F811
    sam = platform.user("sam", role="staff")
    lines = {}
    for when, due in (("before", future()), ("after", past())):
        key = _blocks(platform, platform.subsection(graded=True, due=due))[kind]
        staff = platform.lms(sam)
        assert staff.handle(key, "live_session", {"action": "start"}).json["s"] == "open"
        lines[when] = (_poll_line(staff, key), visible_text(staff.html(key)))
    (poll_before, page_before), (poll_after, page_after) = lines["before"], lines["after"]
    assert "so far" in poll_before and "the answers given now are counted" in page_before
    assert "so far" not in poll_after and "too few to show the results" in poll_after, poll_after
    assert "the answers given now are counted" not in page_after
    assert "A session is open, but the due date has passed: no answer is accepted." in page_after
    # the session's line, on every screen of the projection
    html = platform.lms(sam).handle(key, "live_screen", method="GET").json["html"]
    assert 'data-text-open="Session open, but the due date has passed: no answer is accepted."' in html
