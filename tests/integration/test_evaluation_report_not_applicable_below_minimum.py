"""The evaluation report follows the live room and the results panel (bug hunt s6-privacy): an
evaluation fewer than the minimum group size answered says how many answered and nothing of how,
not how many chose "Not applicable", on the page nor in its CSV. (The report holds no comment nor
row of anyone: the other findings of that hunt have nothing to withhold there.)"""

import csv
import io

from tests.integration.test_evaluation_report import DAY, REPORT, answer, platform, staff_page, visible  # noqa: F401


def test_an_evaluation_below_the_minimum_gives_no_count_of_not_applicable(platform):  # noqa: F811
    day1 = platform.add(DAY.format(name="Day 1", extra='min_group_size="3"', more=""), platform.subsection())
    report = platform.add(REPORT.format(extra='min_group_size="3"'), platform.subsection())
    answer(platform, day1, 2, lambda i: {"relevance": "na", "pace": 2})  # two, both "Not applicable"
    text = visible(staff_page(platform, report))
    assert "2 respondents" in text and "Shown once at least 3 people have answered." in text
    assert "N/A" not in text and "Not applicable" not in text and "not applicable" not in text.lower()
    body = platform.lms(platform.user("staff_1", role="staff")).handle(report, "export_csv", method="GET").body
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    figures = [row[4] for row in rows[1:] if row[1] == "Day 1"]
    assert figures == ["Respondents", "Suppressed below the minimum group size"]
