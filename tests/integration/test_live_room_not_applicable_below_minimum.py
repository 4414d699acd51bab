"""Bug hunt s6-privacy: the live room must not tell a room of fewer than the minimum group size
how each answered (docs/live-room.md, 5: "a room of three never sees how each of the three
chose"; decision 5). An evaluation statement's "Not applicable" is an answer, and the projection
(and its poll, ``likert.live.figures``: ``na``; ``live_lines.total_text``: the line under the bars)
says how many gave it however few answered: two participants of an anonymous evaluation who both
answered "Not applicable" are told apart on the wall ("2 answers, 2 of them “Not applicable”"),
and one who answers alone is named by the facilitator who watched them press Submit."""

from .test_live_room import LIKERT, STAFF, poll, session  # noqa: F401 (fixtures come from conftest)


def test_not_applicable_is_not_counted_on_the_wall_below_the_minimum_group_size(handlers, scenario):
    uid = scenario(LIKERT.format(extra='anonymous="true"'))  # minimum group size 3
    session(handlers, uid, "start")
    for i in range(2):  # two participants, fewer than the minimum: both answer "Not applicable"
        r = handlers.post(uid, "submit", {"answers": {"relevance": "na", "pace": 4}}, student=f"student_{i}")
        assert r.status_code == 200, r.content
    room = poll(handlers, uid, "relevance").json
    assert room["shown"] is False
    # nothing but how many answered so far: not how many of them answered "Not applicable"
    assert "Not applicable" not in room["t"], room["t"]
    assert not room.get("na"), room
    assert room["t"] == "2 answers so far: the results show from 3 answers on the scale."
