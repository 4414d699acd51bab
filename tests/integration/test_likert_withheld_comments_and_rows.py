"""The comments the responses CSV withholds are in no page of the staff's list, nor in its total,
and a named evaluation's rows without a learner are withheld while they are few (bug hunt
s6-privacy; ``likert.report.comments_withheld``, ``report.keyless_few``): the list less the CSV
gives nothing, page after page, and nothing is withheld once those rows are a group."""

from emm_xblocks.likert import editor as likert_editor
from tests.integration.platform_blocks import LIKERT
from tests.integration.test_live_edits import form, save, staff_csv, staff_results
from tests.openedx.fixtures import platform  # noqa: F401

ANSWERS = {"relevance": 4, "pace": 2, "applicability": 4}


def submit(platform, key, name, comment, answers=ANSWERS):  # noqa: F811
    r = platform.lms(platform.user(name)).handle(key, "submit", {"answers": answers, "comment": comment})
    assert r.status == 200, r.json


def every_page(platform, key):  # noqa: F811
    """Every comment of the staff's list, one a page (``comments_page``), and the totals it said."""
    staff = platform.lms(platform.user("sam", role="staff"))
    texts, totals, after = [], set(), None
    while True:
        r = staff.handle(key, "comments_page", {"after": after, "limit": 1})
        assert r.status == 200, r.json
        texts += r.json["comments"]
        totals.add(r.json["total"])
        after = r.json["next"]
        if after is None:
            return texts, totals


def named_since(platform, anonymous, named):  # noqa: F811
    """An anonymous evaluation answered by ``anonymous`` learners, made named, then answered by ``named``."""
    key = platform.add(LIKERT.format(extra='anonymous="true" min_group_size="3"'))
    for name in anonymous:
        submit(platform, key, name, f"Before {name}")
    assert save(platform, key, dict(form(platform, key, likert_editor), anonymous=False), confirm=True).status == 200
    for name in named:
        submit(platform, key, name, f"Named {name}")
    return key


def test_no_page_of_the_list_holds_a_comment_the_csv_withholds(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra='anonymous="true" min_group_size="3"'))
    for name in ("ana", "bo", "cy"):
        submit(platform, key, name, f"Before {name}")
    assert save(platform, key, dict(form(platform, key, likert_editor), scale="agree4"), confirm=True).status == 200
    submit(platform, key, "dee", "Only after", {"relevance": 1, "pace": 4, "applicability": 1})
    assert every_page(platform, key) == (["Before ana", "Before bo", "Before cy"], {3})
    assert "3 comments" in staff_results(platform, key)["html"]


def test_a_named_evaluation_s_lone_row_without_a_learner_is_withheld_and_its_comment_listed_nowhere(platform):  # noqa: F811
    key = named_since(platform, ["ana"], ["bo", "cy", "dee"])
    rows = staff_csv(platform, key)
    (hers,) = [row for row in rows if not row["Learner"]]
    assert hers == {**{column: "fewer than 3" for column in ("relevance", "pace", "applicability", "Comment")},
                    "Learner": "", "Date": "", "pace (reverse-coded, rescored)": ""}
    named = [row for row in rows if row["Learner"]]
    assert sorted(row["Comment"] for row in named) == ["Named bo", "Named cy", "Named dee"]  # named: in full
    assert {row["relevance"] for row in named} == {"4 Agree"}
    assert every_page(platform, key) == (["Named bo", "Named cy", "Named dee"], {3})
    panel = staff_results(platform, key)
    assert panel["comments"] == ["Named bo", "Named cy", "Named dee"] and panel["comments_total"] == 3


def test_a_named_evaluation_s_rows_without_a_learner_show_once_they_are_a_group(platform):  # noqa: F811
    key = named_since(platform, ["ana", "bo", "cy"], ["dee"])
    rows = staff_csv(platform, key)
    assert not any("fewer than" in cell for row in rows for cell in row.values())
    assert sorted(row["Comment"] for row in rows if not row["Learner"]) == ["Before ana", "Before bo", "Before cy"]
    texts, totals = every_page(platform, key)
    assert sorted(texts) == ["Before ana", "Before bo", "Before cy", "Named dee"] and totals == {4}
