"""(Bug hunt s43.) A submission whose statements are all optional may send a comment alone: the results panel
lists it and "Answers by day" counts it (common.leave_out.days); the responses CSV ("every
submission, one row each") must not lose it."""

import csv
import io

SURVEY = """
<emm_likert display_name="Eval" comment="true" min_group_size="2" {extra}>
  <item id="relevance" required="false">The training is relevant to my work.</item>
  <item id="pace" reverse="true" required="false">The pace was too fast.</item>
</emm_likert>
"""


def test_a_comment_sent_without_answers_is_in_the_responses_csv(scenario, handlers):
    uid = scenario(SURVEY.format(extra='anonymous="true"'))
    for student in ("a", "b", "c"):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}, "comment": f"Fine {student}"},
                          student=student)
        assert r.status_code == 200, r.content
    r = handlers.post(uid, "submit", {"answers": {}, "comment": "Only my comment"}, student="d")
    assert r.status_code == 200, r.content
    panel = handlers.post(uid, "get_results", {}, student="staff_1").json_body
    assert "Only my comment" in panel["comments"]
    r = handlers.get(uid, "export_csv", student="staff_1")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][-1] == "Comment"
    assert sorted(row[-1] for row in rows[1:]) == ["Fine a", "Fine b", "Fine c", "Only my comment"]
