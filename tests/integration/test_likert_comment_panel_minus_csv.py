"""Bug hunt s6-privacy (the CSV against the panel). An anonymous evaluation's responses CSV withholds
the comment of a row answered on a scale too few answered on ("fewer than 3"): staff know who
answered after the author changed the scale (the tracking log's times, the platform's completion
dates), so that row is theirs (bug hunt s44, ``likert.report.told_apart``). But the staff's results
panel lists every comment (``likert.comments``, ``answer_rows.comments_page``), the withheld one
too: the comments of the panel less those of the CSV are exactly the withheld ones. With one learner
after the change, staff read that learner's comment beside their name: listing the comments "in
the order of their text" hides which row a comment is, not which comment the CSV left out."""

import csv
import io

from emm_xblocks.likert import editor as likert_editor
from tests.integration.platform_blocks import LIKERT
from tests.integration.test_live_edits import form, save, staff_results
from tests.openedx.fixtures import platform  # noqa: F401


def comments_of_the_csv(platform, key):  # noqa: F811
    r = platform.lms(platform.user("sam", role="staff")).handle(key, "export_csv", method="GET")
    assert r.status == 200, r.body[:300]
    return {row["Comment"] for row in csv.DictReader(io.StringIO(r.body.decode("utf-8-sig")))}


def test_the_panel_does_not_list_the_comment_the_csv_withholds(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra='anonymous="true" min_group_size="3"'))
    for name in ("ana", "bo", "cy"):
        r = platform.lms(platform.user(name)).handle(key, "submit", {
            "answers": {"relevance": 4, "pace": 2, "applicability": 4}, "comment": f"Before {name}"})
        assert r.status == 200, r.json
    assert save(platform, key, dict(form(platform, key, likert_editor), scale="agree4"), confirm=True).status == 200
    # dee alone answers after the change: staff know it was dee (the only completion since)
    r = platform.lms(platform.user("dee")).handle(key, "submit", {
        "answers": {"relevance": 1, "pace": 4, "applicability": 1},
        "comment": "My supervisor Ibrahim blocked my attendance"})
    assert r.status == 200, r.json

    in_csv = comments_of_the_csv(platform, key)
    assert "fewer than 3" in in_csv  # the CSV withholds dee's comment ...
    in_panel = set(staff_results(platform, key)["comments"])
    # ... and the panel must not hand it over: what the panel lists beyond the CSV is dee's, word for word
    singled_out = in_panel - in_csv
    assert not singled_out, f"the panel less the CSV gives the lone learner's comment: {singled_out}"
