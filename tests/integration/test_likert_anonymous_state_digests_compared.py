"""Bug hunt s6-privacy (the LMS's problem responses report against the anonymous CSV). An anonymous
evaluation's learner state keeps the page's action id with a digest of the request
(``common.recovery.fingerprint``), and the platform's problem responses report gives every
learner's state whole in its ``state`` column, beside their username
(``lms/djangoapps/instructor_task/tasks_helper/grades.py`` ``ProblemResponses``; stood in by
``tests/openedx/instructor.py``). Bug hunt s44 keyed the digest so that an answer set cannot be
hashed until it matches; but the key is the block's, the same for every learner: two learners who
sent the same answers carry the same digest. Staff then group the report's learners by digest and
the anonymous CSV's rows by answers: the one answer set given three times is the three learners
sharing one digest. (A staff member's own test account, answering as a learner, gives them a digest
whose answers they know, too.)"""

import csv
import io
import re
from collections import defaultdict

from tests.integration.test_recovery import ANONYMOUS
from tests.openedx.fixtures import platform  # noqa: F401
from tests.openedx.instructor import problem_responses

GIVEN = {
    "ana": {"relevance": 4, "pace": 4, "applicability": 4},
    "bo": {"relevance": 4, "pace": 4, "applicability": 4},
    "cy": {"relevance": 4, "pace": 4, "applicability": 4},
    "dee": {"relevance": 1, "pace": 5, "applicability": 2},
    "eve": {"relevance": 3, "pace": "na", "applicability": 5},
}


def test_learners_who_gave_the_same_anonymous_answers_are_not_grouped_by_their_state(platform):  # noqa: F811
    key = platform.add(ANONYMOUS.replace('min_group_size="1"', 'min_group_size="3"'), platform.subsection())
    for i, (name, answers) in enumerate(GIVEN.items()):
        sent = {"answers": answers, "comment": "", "profile": "", "action_id": f"page-action-{i:04d}"}
        r = platform.lms(platform.user(name)).handle(key, "submit", sent)
        assert r.status == 200, r.body[:300]

    r = platform.lms(platform.user("sam", role="staff")).handle(key, "export_csv", method="GET")
    assert r.status == 200, r.body[:300]
    rows = list(csv.DictReader(io.StringIO(r.body.decode("utf-8-sig"))))
    given = defaultdict(int)
    for row in rows:
        given[(row["relevance"], row["pace"], row["applicability"])] += 1
    assert sorted(given.values()) == [1, 1, 3]  # the CSV: one answer set given by three learners

    report, _columns = problem_responses(platform, key)
    by_digest = defaultdict(set)
    for row in report:
        for digest in re.findall(r"submit:[A-Za-z0-9_-]+:([0-9a-f]{16})", row["state"]):
            by_digest[digest].add(row["username"])
    grouped = [sorted(names) for names in by_digest.values() if len(names) > 1]
    # the report must not say which learners answered alike: with the CSV, that says what they answered
    assert grouped == [], f"learners grouped by the digest of their anonymous answers: {grouped}"
