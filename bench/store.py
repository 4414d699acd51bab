"""Scale figures of the aggregate store, on SQLite and on MariaDB in the same run, side by side.

One block holds 100,000 submissions of 10 statements (1,000,000 answer rows, a comment on one
submission in ten) among 500 other blocks (20 submissions each); the reports' summary (``Tally``,
``Submissions``) is built from those rows by migration 0004's backfill, as on an existing install.
Printed: the results panel's queries (respondents and tallies, read from the summary), the same
figures counted from the rows (``GROUP BY``, what the panel read before decision 19), the time of
one submission with and without keeping the summary, the comments, the CSV export streamed
submission by submission (time and the peak memory of a fresh process doing only that), and the
query plan (EXPLAIN) of every report query, which shows the index each one uses.

MariaDB is the private server of ``tests/mariadb.py`` (Debian's ``mariadb-server``), started for
the run and stopped after it, in its own database ``emm_bench``. ``EMM_BENCH_SUBMISSIONS`` sets a
smaller size for a quick look.
"""

import json
import os
import resource
import sys
import time
import uuid
from functools import partial
from pathlib import Path

from benchkit import child, server_name, servers, table, timed

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = int(os.environ.get("EMM_BENCH_SUBMISSIONS", "100000"))
STATEMENTS = [f"s{n}" for n in range(10)]
OTHER_BLOCKS, OTHER_SUBMISSIONS = 500, 20
BLOCK = "block-v1:EMM+2026+bench+type@emm_likert+block@evaluation"


def fill(connection):
    """Insert the rows with plain executemany, in batches (the ORM would build 1.1M objects)."""
    from django.db import transaction

    quote = connection.ops.quote_name
    answer_sql = (f"INSERT INTO emm_xblocks_answer (id, block_key, submission, {quote('group')}, value, user_key, day)"
                  " VALUES (%s, %s, %s, %s, %s, %s, %s)")
    comment_sql = ("INSERT INTO emm_xblocks_comment (id, block_key, submission, text, user_key, day)"
                   " VALUES (%s, %s, %s, %s, %s, %s)")
    day = "2026-11-20"

    def submissions():
        for i in range(SUBMISSIONS):
            yield BLOCK, i
        for b in range(OTHER_BLOCKS):
            for i in range(OTHER_SUBMISSIONS):
                yield f"block-v1:EMM+2026+bench+type@emm_likert+block@other{b}", i

    answers, comments = [], []

    def flush():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(answer_sql, answers)
            if comments:
                cursor.executemany(comment_sql, comments)
        answers.clear()
        comments.clear()

    for block, i in submissions():
        submission = uuid.uuid4().hex
        for n, sid in enumerate(STATEMENTS):
            answers.append((uuid.uuid4().hex, block, submission, sid, str(1 + (i + n) % 5), "", day))
        if i % 10 == 0:
            comments.append((uuid.uuid4().hex, block, submission, f"Comment {i}: the pace was right.", "", day))
        if len(answers) >= 20000:
            flush()
    flush()


def build_summary(connection):
    """The summary of the rows, built as migration 0004 builds it on an existing install."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("emm_xblocks.migrations.0004_tally_submissions")
    with connection.schema_editor() as editor:
        migration.build_summary(apps, editor)


def analyze(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "mysql":
            cursor.execute("ANALYZE TABLE emm_xblocks_answer, emm_xblocks_comment, emm_xblocks_tally,"
                           " emm_xblocks_submissions")
            cursor.fetchall()
        else:
            cursor.execute("ANALYZE")


def plans():
    from django.db.models import Count
    from django.db.models.functions import Substr

    from emm_xblocks.common import answer_rows
    from emm_xblocks.models import Answer, Comment, Submissions, Tally

    answers = Answer.objects.filter(block_key=BLOCK)
    return {
        "tallies (summary)": Tally.objects.filter(block_key=BLOCK, n__gt=0).values_list("group", "value", "n")
        .explain(),
        "respondents (summary)": Submissions.objects.filter(block_key=BLOCK).values_list("n", flat=True).explain(),
        "one count of a submission (summary)": Tally.objects.filter(block_key=BLOCK, group="s0", value="3")
        .values_list("n", flat=True).explain(),
        "tallies from the rows (before)": answers.values_list("group", "value").annotate(n=Count("id")).order_by()
        .explain(),
        "respondents from the rows (before)": answers.values("submission").distinct().explain(),
        "export page": answers.order_by("submission", "group")
        .values_list("submission", "user_key", "day", "group", "value")[:2000].explain(),
        "comments, a page": Comment.objects.filter(block_key=BLOCK).annotate(
            head=Substr("text", 1, answer_rows.COMMENT_HEAD)).order_by("head", "id")
        .values_list("head", "id", "text")[:21].explain(),
        "named resubmit lookup": answers.filter(user_key="learner_1").values_list("id", flat=True).explain(),
    }


def submit_times(store):
    """Median ms of one 10-statement submission into the big block, keeping the summary and not
    (its two steps made no-ops: the figure of the store before decision 19); anonymous submissions
    and a named learner's resubmissions, each changing every answer."""
    from emm_xblocks.common import summary

    real = summary.apply, summary.ensure_rows
    result = {}
    taken = iter(range(10**6))

    def submit(user_key=""):
        j = next(taken)  # each submission's answers differ from the one before in every statement
        store.record(BLOCK, {sid: str(1 + (j + n) % 5) for n, sid in enumerate(STATEMENTS)},
                     user_key=user_key, replace=bool(user_key))

    for label, keeps_summary in (("with", True), ("without", False)):
        if not keeps_summary:
            summary.apply = summary.ensure_rows = lambda *args: None
        try:
            result[f"submit_anonymous_{label}_ms"] = timed(submit, repeat=41)
            result[f"submit_named_{label}_ms"] = timed(partial(submit, f"bench_{label}"), repeat=41)
        finally:
            summary.apply, summary.ensure_rows = real
        if keeps_summary:  # (before the rows the other way adds without counting them)
            result["still_equal_after_submits"] = (
                (summary.respondents(BLOCK), summary.tallies(BLOCK)) == summary.counted_from_rows(BLOCK))
    return result


def measure():
    """Fill, then time the report queries (run in a child process per database)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from emm_xblocks.common import answer_rows, store, summary
    from emm_xblocks.models import Answer

    call_command("migrate", verbosity=0, run_syncdb=True)
    start = time.perf_counter()
    fill(connection)
    result = {"fill_s": time.perf_counter() - start}
    start = time.perf_counter()
    build_summary(connection)
    result["backfill_s"] = time.perf_counter() - start
    analyze(connection)
    result["rows"] = Answer.objects.count()
    result["panel_ms"] = timed(lambda: (summary.respondents(BLOCK), summary.tallies(BLOCK)))
    result["respondents_ms"] = timed(lambda: summary.respondents(BLOCK))
    result["respondents"] = summary.respondents(BLOCK)
    result["tallies_ms"] = timed(lambda: summary.tallies(BLOCK))
    result["rows_panel_ms"] = timed(lambda: summary.counted_from_rows(BLOCK), repeat=3)
    panel = (summary.respondents(BLOCK), summary.tallies(BLOCK))
    result["summary_equals_rows"] = panel == summary.counted_from_rows(BLOCK)
    result["comments_ms"] = timed(lambda: answer_rows.comments_page(BLOCK), repeat=3)  # the panel's first page
    result["plans"] = plans()
    result.update(submit_times(store))
    result["server"] = server_name(connection)
    print(json.dumps(result))


def export():
    """Stream the block's CSV rows submission by submission; report time and peak memory."""
    import django

    django.setup()
    from emm_xblocks.common import answer_rows

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    count = sum(1 for _ in answer_rows.export_submissions(BLOCK))
    print(json.dumps({"export_s": time.perf_counter() - start, "exported": count,
                      "rss_before_mb": before / 1024,
                      "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main():
    with servers("emm_bench", "bench-store.db") as (envs, why_not):
        results = {}
        for name, env in envs.items():
            results[name] = child(__file__, "measure", env)
            results[name].update(child(__file__, "export", env))

    names = list(results)
    title = (f"Aggregate store at scale: {SUBMISSIONS:,} submissions x {len(STATEMENTS)} statements in one block,"
             f" among {OTHER_BLOCKS} other blocks")
    rows = [
        ("answer rows stored (all blocks)", lambda r: f"{r['rows']:,}"),
        ("respondents counted", lambda r: f"{r['respondents']:,}"),
        ("results panel: respondents + tallies (median of 5)  target <= 300 ms", lambda r: f"{r['panel_ms']:.1f} ms"),
        ("  respondent count alone", lambda r: f"{r['respondents_ms']:.1f} ms"),
        ("  tallies alone", lambda r: f"{r['tallies_ms']:.1f} ms"),
        ("  the same counted from the rows (GROUP BY, before; median of 3)", lambda r: f"{r['rows_panel_ms']:.0f} ms"),
        ("  summary == rows counted (after the backfill; after the submits)",
         lambda r: f"{r['summary_equals_rows']}; {r['still_equal_after_submits']}"),
        ("one submission of 10 answers, anonymous: with summary / without", lambda r:
         f"{r['submit_anonymous_with_ms']:.1f} / {r['submit_anonymous_without_ms']:.1f} ms"),
        ("  a named resubmission changing all 10: with / without", lambda r:
         f"{r['submit_named_with_ms']:.1f} / {r['submit_named_without_ms']:.1f} ms"),
        ("comments of the block, the panel's first page (median of 3)", lambda r: f"{r['comments_ms']:.0f} ms"),
        ("CSV rows streamed: submissions, time", lambda r: f"{r['exported']:,} in {r['export_s']:.1f} s"),
        ("  peak memory of that process  target <= 250 MB", lambda r: f"{r['rss_peak_mb']:.0f} MB"
         f" (after start-up {r['rss_before_mb']:.0f} MB)"),
        ("(filling the tables took)", lambda r: f"{r['fill_s']:.0f} s"),
        ("(migration 0004's backfill of the summary took)", lambda r: f"{r['backfill_s']:.1f} s"),
    ]
    table(title, why_not, rows, results, 32)
    for n in names:
        print(f"\nQuery plans on {n}:")
        if n == "MariaDB":
            print("    (id select_type table type possible_keys key key_len ref rows Extra)")
        for query, plan in results[n]["plans"].items():
            print(f"  {query}:")
            for line in plan.splitlines():
                print(f"    {line}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        measure()
    elif len(sys.argv) > 1 and sys.argv[1] == "export":
        export()
    else:
        main()
