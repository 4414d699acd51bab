"""(Bug hunt s43.) Answers shown apart (decision 27) keep the minimum group size as the main table does (decision
26: suppression applies to 1 to min_group_size - 1 answers *on the scale*, N/A counted apart)."""

from emm_xblocks.likert import editor as likert_editor
from tests.integration.platform_blocks import LIKERT  # relevance, pace (reverse-coded), applicability; allow_na
from tests.integration.test_live_edits import answer_likert, form, save, staff_results
from tests.openedx.fixtures import platform  # noqa: F401


def test_a_removed_statement_answered_on_the_scale_by_one_learner_stays_withheld(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra='min_group_size="5" anonymous="true"'))
    answer_likert(platform, key, 4, {"relevance": 4, "pace": "na", "applicability": 5})
    answer_likert(platform, key, 1, {"relevance": 4, "pace": 1, "applicability": 5}, start=4)
    pace = next(st for st in staff_results(platform, key)["statements"] if st["id"] == "pace")
    assert pace["suppressed"] is True  # one answer on the scale: withheld in the main table
    data = form(platform, key, likert_editor)
    data["statements"] = [s for s in data["statements"] if s["id"] != "pace"]
    assert save(platform, key, data, confirm=True).status == 200
    (section,) = staff_results(platform, key)["apart"]
    (row,) = section["statements"]
    assert row["id"] == "pace"
    # the same lone anonymous answer, now shown apart: "Strongly disagree" 1, beside 4 N/A
    assert row["suppressed"] is True and row["counts"] == [], row
