"""Bug hunt s43: "Try again" before the self-assessment is saved gives up that attempt's written
points for good (``self_assess`` refuses once the form is open again, and the attempt stays scored
without them), yet the question asked before "Try again" promises that the grade cannot go down
and says nothing about the self-assessment waiting. With no attempt left the page does name it
("save your self-assessment to count question 3"); with attempts left, nothing does."""

import html
import re

from tests.integration.test_case_study_handlers import CASE, GOOD, WRONG


def test_try_again_asked_before_a_pending_self_assessment_says_its_points_will_be_lost(scenario, handlers):
    uid = scenario(CASE.format(attempts=3, policy="best", show="submitted", extra=""))
    body = handlers.post(uid, "submit", {"answers": GOOD}).json_body  # 4 of 6: q3 waits for the self-assessment
    assert body["message"] == "Submitted: 4 points out of 6."
    confirm = html.unescape(re.search(r'data-confirm="([^"]*)"', body["html"]).group(1))

    # what "yes" costs: this attempt's q3 can never be assessed, and it counts 4 of 6 for ever
    handlers.post(uid, "try_again")
    refused = handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1", "k2"]}})
    assert refused.status_code >= 400
    handlers.post(uid, "submit", {"answers": WRONG})
    assert handlers.block(uid, "student_1").raw_earned == 4.0  # 6 of 6 had the learner assessed first

    assert "self-assessment" in confirm, confirm
