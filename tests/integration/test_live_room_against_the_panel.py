"""Bug hunt s6-privacy (the live room against the results panel). The wall counts only the answers
given during the facilitator's session (``common.live_store``); the results panel counts every
answer (``common.summary``). Each shows a statement once the minimum group size answered, but
nothing stops the two from differing by fewer: the panel's counts less the wall's are the answers
given outside the session. A participant who answered the anonymous evaluation at home the evening
before (staff know who: the LMS's completion date, the tracking log's time; the room knows who was
not there) has their answers read off as panel less wall -- by staff, and, where learners may read
the results (``results="learners"``), by every participant in the room who sees the wall and then
their own results panel. The same holds for a latecomer after the session ended. Tested with the
default ``results="staff"`` that docs/live-room.md advises for an anonymous evaluation in a room, and
with the projection read once everyone in the room has answered, as it also advises."""

from .test_live_room import LIKERT, STAFF, poll, session  # noqa: F401 (fixtures come from conftest)


def test_the_wall_and_the_panel_do_not_differ_by_fewer_than_the_minimum(handlers, scenario):
    uid = scenario(LIKERT.format(extra='anonymous="true"'))  # minimum group size 3
    # the evening before: ana answers at home, alone outside any session
    r = handlers.post(uid, "submit", {"answers": {"relevance": 1, "pace": 4}}, student="ana")
    assert r.status_code == 200, r.content
    session(handlers, uid, "start")
    for name in ("bo", "cy", "dee"):  # the room, in the session
        r = handlers.post(uid, "submit", {"answers": {"relevance": 5, "pace": 4}}, student=name)
        assert r.status_code == 200, r.content
    wall = poll(handlers, uid, "relevance").json
    # the facilitator reads the wall, then the staff's results panel
    panel = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    relevance = next(s for s in panel["statements"] if s["id"] == "relevance")
    if wall["shown"] and not relevance["suppressed"]:
        outside = [p - w for p, w in zip(relevance["counts"], wall["c"], strict=False)]
        assert not 0 < sum(outside) < 3, f"panel less wall: the answers given outside the session, {outside}"
