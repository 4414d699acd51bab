"""Bug hunt s6-privacy (before less after, of the comments). An anonymous evaluation keeps a day of
fewer anonymous submissions than the minimum group size from being left out alone (decision 73:
the figures before less the figures after would be those few's). Its check counts only the
submissions with answers (``common.leave_out.too_few_anonymous``: "a comment sent alone changes no
figure"), but leaving the day out deletes its comments (``_take_out``), which the staff's panel
lists: the comments before less the comments after are the day's. A day on which one learner sent
a comment alone (every statement optional) is offered with its "Leave out…", and the comment that
goes from the list is that learner's -- whom staff know from the day ("1 answer" on that day in
"Answers by day", the LMS's completion date of the evaluation)."""

from tests.integration.test_likert_leave_out_comment_only import SURVEY
from tests.integration.test_likert_leave_out_day import REHEARSAL, STAFF, moved


def test_a_day_of_one_anonymous_comment_is_not_left_out_alone(scenario, handlers):
    uid = scenario(SURVEY)  # anonymous, comment box, statements optional, minimum group size 3
    r = handlers.post(uid, "submit", {"answers": {}, "comment": "The trainer Moussa mocked my accent"},
                      student="lone")
    assert r.status_code == 200, r.content
    moved(uid, REHEARSAL)  # the lone learner's day
    for i in range(4):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}, "comment": f"Fine {i}"},
                          student=f"s{i}")
        assert r.status_code == 200, r.content
    before = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    day = next(d for d in before["days"] if d["day"] == REHEARSAL.isoformat())
    assert day["n"] == 1  # staff read that one person sent the evaluation that day
    r = handlers.post(uid, "leave_out_day", {"day": REHEARSAL.isoformat()}, student=STAFF)
    after = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    gone = set(before["comments"]) - set(after["comments"])
    assert day["kept"] is True and r.status_code == 409, (day, r.status_code, gone)
