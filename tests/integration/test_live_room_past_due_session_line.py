"""Past a graded block's due date the facilitator opens the projection (the afternoon group, the
subsection's due date set for the morning's), goes past the join screen and starts a session. The
join screen said answers are refused (decision 93), but the session's line -- the line the room
and the facilitator read on every screen -- says "Session open: the answers given from now on are
counted.", and each item screen waits for answers under "0 answers so far": none can ever come,
every submit is refused ``past_due``. Hunt 5."""

import pytest

from tests.integration.platform_blocks import past, visible_text
from tests.integration.test_past_due_controls import _blocks, platform  # noqa: F401 - the fixture


@pytest.mark.parametrize("kind", ["case", "likert"])
def test_past_the_due_date_the_open_session_does_not_say_answers_are_counted(platform, kind):  # noqa: F811
    sub = platform.subsection(graded=True, due=past())
    key = _blocks(platform, sub)[kind]
    sam = platform.lms(platform.user("sam", role="staff"))
    assert sam.handle(key, "live_session", {"action": "start"}).json["s"] == "open"
    html = sam.handle(key, "live_screen", method="GET").json["html"]
    assert "The due date has passed: answers are no longer accepted." in visible_text(html)  # the join screen
    open_line = "Session open: the answers given from now on are counted."
    # the line the projection shows on every screen while the session is open (data-text-open)
    assert f'data-text-open="{open_line}"' not in html, (
        "past the due date the open session still tells the room its answers are counted")
