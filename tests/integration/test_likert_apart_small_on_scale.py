"""(Bug hunt s43.) Answers shown apart (decision 27) keep the minimum group size as the main table does (decision
26: suppression applies to 1 to min_group_size - 1 answers *on the scale*, N/A counted apart).

(Bug hunt s44.) So does an anonymous evaluation's responses CSV, whose rows would otherwise tell apart
the few who answered before (or after) the author changed the scale or removed a statement: staff
know who those are (the tracking log's times, the platform's completion dates), as they would know a
lone respondent of a day (decision 4; bug hunt s42 dropped the date column for it)."""

import csv
import io

from django.utils import translation

from emm_xblocks.likert import editor as likert_editor
from tests.integration.platform_blocks import LIKERT  # relevance, pace (reverse-coded), applicability; allow_na
from tests.integration.test_live_edits import answer_likert, form, save, staff_results
from tests.openedx.fixtures import platform  # noqa: F401

STATEMENTS = ("relevance", "pace", "applicability")


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


def download(platform, key, handler="export_csv", excel=False, lang="en"):  # noqa: F811
    """A staff download's rows, header first (the Excel variant's in English: ``,``)."""
    with translation.override(lang):
        r = platform.lms(platform.user("sam", role="staff")).handle(key, handler, method="GET",
                                                                     suffix="excel" if excel else "")
    assert r.status == 200, r.body[:300]
    return list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))


def by_scale(rows):
    header, body = rows[0], rows[1:]
    found = {}
    for row in body:
        found.setdefault(row[header.index("Scale")], []).append(dict(zip(header, row, strict=True)))
    return found


def test_the_anonymous_csv_does_not_single_out_a_lone_answer_on_an_earlier_scale(platform):  # noqa: F811
    """(Bug hunt s44.) An anonymous CSV has no date column (decision 4, bug hunt s42); its ``Scale``
    column told the moment the author changed the scale just as well: every row answered before the
    change says the earlier scale, with that learner's answers in full. With one learner before the
    change, their row is theirs; the results panel withholds those answers ("Too few answers to
    show.", ``common.apart``), the CSV gave them whole.

    Steps: an anonymous evaluation (minimum group size 2); ana answers; the author changes the scale in
    Studio (answers held, decision 27); two more learners answer; staff download the CSV."""
    key = platform.add(LIKERT.format(extra='anonymous="true" min_group_size="2"'))
    ana = {"relevance": 1, "pace": 5, "applicability": 2}
    assert platform.lms(platform.user("ana")).handle(key, "submit", {"answers": ana}).status == 200
    assert save(platform, key, dict(form(platform, key, likert_editor), scale="agree4"), confirm=True).status == 200
    for name in ("bo", "cy"):
        r = platform.lms(platform.user(name)).handle(key, "submit", {"answers": {"relevance": 4, "pace": 1,
                                                                               "applicability": 3}})
        assert r.status == 200, r.json

    # the panel keeps the lone earlier answer to itself
    panel = platform.lms(platform.user("sam", role="staff")).handle(key, "get_results", {}).json["html"]
    earlier = panel[panel.index("Answers given on an earlier scale"):]
    assert earlier.count("Too few answers to show.") >= 3

    r = platform.lms(platform.user("sam", role="staff")).handle(key, "export_csv", method="GET")
    assert r.status == 200, r.body[:300]
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert "Learner" not in header and "Date" not in header  # anonymous: no one, no day
    by_scale = {}
    for row in body:
        by_scale.setdefault(row[header.index("Scale")], []).append(row)
    lone = {scale: rows for scale, rows in by_scale.items() if len(rows) < 2}
    # a scale answered by fewer than the minimum group size: its rows' answers must not be given
    for scale, rows in lone.items():
        for row in rows:
            answers = [row[header.index(sid)] for sid in ("relevance", "pace", "applicability")]
            assert not any(a[:1].isdigit() for a in answers), (scale, answers)


def test_the_lone_learner_after_a_scale_change_is_withheld_too_in_both_csvs_and_says_why(platform):  # noqa: F811
    """(Bug hunt s44.) The mirror case: three answered before the change, one after. The one row on the
    current scale is the latest learner's; it says its scale and nothing else of theirs -- answers,
    rescored value, comment -- in the CSV and in its Excel variant, each withheld cell saying why as
    the figures' CSVs say it. The staff's list of comments leaves that comment out too, and its
    total does not count it (bug hunt s6-privacy: the list less the CSV gave it word for word)."""
    key = platform.add(LIKERT.format(extra='anonymous="true" min_group_size="3"'))
    for name in ("ana", "bo", "cy"):
        r = platform.lms(platform.user(name)).handle(key, "submit", {
            "answers": {"relevance": 4, "pace": 2, "applicability": 4}, "comment": f"Before {name}"})
        assert r.status == 200, r.json
    assert save(platform, key, dict(form(platform, key, likert_editor), scale="agree4"), confirm=True).status == 200
    r = platform.lms(platform.user("dee")).handle(key, "submit", {
        "answers": {"relevance": 1, "pace": 4, "applicability": 1}, "comment": "Only after"})
    assert r.status == 200, r.json

    plain = by_scale(download(platform, key))
    assert {scale: len(rows) for scale, rows in plain.items()} == {"Agreement, 5 points": 3,
                                                                   "Agreement, 4 points (no neutral)": 1}
    (dee,) = plain["Agreement, 4 points (no neutral)"]
    assert dee == {"Scale": "Agreement, 4 points (no neutral)", "relevance": "fewer than 3", "pace": "fewer than 3",
                   "pace (reverse-coded, rescored)": "", "applicability": "fewer than 3", "Comment": "fewer than 3"}
    assert {row["relevance"] for row in plain["Agreement, 5 points"]} == {"4 Agree"}  # three: shown
    panel = staff_results(platform, key)
    assert panel["comments"] == ["Before ana", "Before bo", "Before cy"] and panel["comments_total"] == 3

    excel = by_scale(download(platform, key, excel=True))
    (dee,) = excel["Agreement, 4 points (no neutral)"]
    assert (dee["relevance"], dee["relevance (label)"], dee["Comment"]) == ("fewer than 3", "", "fewer than 3")
    assert {row["relevance"] for row in excel["Agreement, 5 points"]} == {"4"}


def test_a_removed_statement_one_learner_answered_says_withheld_in_every_row(platform):  # noqa: F811
    """(Bug hunt s44.) A removed statement's column is filled only in the rows answered before its
    removal: answered by one, it points at that learner's row, and with it at their other answers.
    Withheld, it reads the same in every row, answered or not."""
    key = platform.add(LIKERT.format(extra='anonymous="true" min_group_size="2"'))
    r = platform.lms(platform.user("ana")).handle(key, "submit", {"answers": {"relevance": 5, "pace": 1,
                                                                            "applicability": 5}})
    assert r.status == 200, r.json
    data = form(platform, key, likert_editor)
    data["statements"] = [s for s in data["statements"] if s["id"] != "applicability"]
    assert save(platform, key, data, confirm=True).status == 200
    answer_likert(platform, key, 2, {"relevance": 5, "pace": 1}, start=1)
    rows = download(platform, key)
    column = rows[0].index("applicability (removed statement)")
    assert [row[column] for row in rows[1:]] == ["fewer than 2"] * 3
    assert sorted(row[rows[0].index("relevance")] for row in rows[1:]) == ["5 Strongly agree"] * 3  # one scale
    book = {row[0]: row[2] for row in download(platform, key, "export_codebook")}
    assert book["applicability (removed statement)"].endswith(
        "“fewer than 2” in every row given on a scale on which fewer than 2 submissions answered this statement: "
        "withheld, so that no one is told apart by when they answered.")


def test_a_named_evaluation_keeps_every_answer_beside_its_learner(platform):  # noqa: F811
    """(Bug hunt s44.) A named evaluation names each row's learner: nothing is withheld there."""
    key = platform.add(LIKERT.format(extra='min_group_size="2"'))
    r = platform.lms(platform.user("ana")).handle(key, "submit", {"answers": {"relevance": 1, "pace": 5,
                                                                            "applicability": 2}})
    assert r.status == 200, r.json
    assert save(platform, key, dict(form(platform, key, likert_editor), scale="agree4"), confirm=True).status == 200
    answer_likert(platform, key, 2, {"relevance": 4, "pace": 1, "applicability": 3})
    rows = download(platform, key)
    assert sorted(row[rows[0].index("relevance")] for row in rows[1:]) == [
        "1 Strongly disagree", "4 Strongly agree", "4 Strongly agree"]
    assert not any("fewer than" in cell for row in rows for cell in row)
