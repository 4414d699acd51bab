"""(Bug hunt s43.) A day's anonymous answers are not left out alone when fewer than the minimum group size gave
them (decision 73): the figures before less the figures after would be those few learners'
answers. A comment sent without any answer (every statement optional) gives no figure: it must
not make a small day big enough to leave out."""

from tests.integration.test_likert_leave_out_day import REHEARSAL, STAFF, moved

SURVEY = """
<emm_likert display_name="Eval" comment="true" min_group_size="3" anonymous="true">
  <item id="relevance" required="false">The training is relevant to my work.</item>
  <item id="pace" reverse="true" required="false">The pace was too fast.</item>
</emm_likert>
"""


def test_comments_alone_do_not_make_a_day_of_one_anonymous_answer_leavable(scenario, handlers):
    uid = scenario(SURVEY)
    # the rehearsal's day: one anonymous learner answered, two others sent a comment alone
    r = handlers.post(uid, "submit", {"answers": {"relevance": 1, "pace": 5}}, student="lone")
    assert r.status_code == 200, r.content
    for student in ("c1", "c2"):
        r = handlers.post(uid, "submit", {"answers": {}, "comment": "See you"}, student=student)
        assert r.status_code == 200, r.content
    moved(uid, REHEARSAL)
    for i in range(4):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}}, student=f"s{i}")
        assert r.status_code == 200, r.content
    before = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    day = next(d for d in before["days"] if d["day"] == REHEARSAL.isoformat())
    r = handlers.post(uid, "leave_out_day", {"day": REHEARSAL.isoformat()}, student=STAFF)
    after = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    lone = {st["id"]: [b - a for b, a in zip(st["counts"], after_st["counts"], strict=True)]
            for st, after_st in zip(before["statements"], after["statements"], strict=True)}
    # left out, the one learner's answers read off as before less after: relevance 1, pace 5
    assert day["kept"] is True and r.status_code == 409, (day, r.status_code, lone)
