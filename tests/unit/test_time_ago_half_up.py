"""``numbers.time_ago`` promises hours "rounded half up" (its docstring; docs/live-room.md §8: the
line under "Present" says since when a session left open has been counting). Babel's
``format_timedelta`` rounds with Python's ``round``, half to even: a session open 2 h 30 reads
"2 hours ago" while one open 3 h 30 reads "4 hours ago". Hunt 5."""

import datetime

import pytest

from emm_xblocks.common.numbers import time_ago


@pytest.mark.parametrize(("minutes", "said"), [(90, "il y a 2 heures"), (150, "il y a 3 heures"),
                                               (210, "il y a 4 heures")])
def test_hours_are_rounded_half_up(minutes, said):
    assert time_ago(datetime.timedelta(minutes=minutes), "fr") == said
