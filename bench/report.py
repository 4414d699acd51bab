"""The course evaluation report's speed at the size issue 11 names: 20 Likert evaluations of 500
respondents each (10 statements, the same ids in every evaluation) and 5 knowledge-check pairs of
500 learners each (10 questions), on SQLite and on MariaDB in the same run. Target: the report
renders for course staff in <= 0.5 s.

The rows are inserted directly (what the report reads: each evaluation's description and summary,
``EvaluationDescription``, ``Tally``, ``Submissions``; each pair's ``PairedResult`` rows and its
checks' descriptions), then the report block is rendered for a staff member through the
platform-faithful runtime (``tests.openedx``): the store reads, the figures and the template.
MariaDB is the private server of ``tests/mariadb.py``, in its own database ``emm_bench_report``.
"""

import gzip
import json
import random
import sys
from pathlib import Path

from benchkit import child, server_name, servers, table, timed

ROOT = Path(__file__).resolve().parent.parent
EVALUATIONS, RESPONDENTS, STATEMENTS = 20, 500, 10
PAIRS, LEARNERS, QUESTIONS = 5, 500, 10


def fill(course, usage):
    """The rows of 20 evaluations and 5 pairs in ``course``; ``usage(type, id)`` makes a usage id."""
    from emm_xblocks.common.questions import Question
    from emm_xblocks.knowledge_check import learner as check_learner
    from emm_xblocks.knowledge_check.content import KnowledgeCheck
    from emm_xblocks.likert import learner as likert_learner
    from emm_xblocks.likert.content import Statement, Survey
    from emm_xblocks.models import EvaluationDescription, PairedResult, Submissions, Tally

    rng = random.Random(11)
    statements = tuple(Statement(f"s{n}", f"Statement {n} of the evaluation", reverse=n == 3)
                       for n in range(STATEMENTS))
    descriptions, tallies, submissions = [], [], []
    for e in range(EVALUATIONS):
        key = usage("emm_likert", f"day{e}")
        survey = Survey(display_name=f"Evaluation {e + 1}", statements=statements)
        descriptions.append(EvaluationDescription(block_key=key, course_key=course, block_type="emm_likert",
                                                  content=json.dumps(likert_learner.description_fields(survey))))
        submissions.append(Submissions(block_key=key, n=RESPONDENTS))
        for s in statements:
            counts = [0] * 5
            for _ in range(RESPONDENTS):
                counts[min(4, max(0, int(rng.gauss(3.6, 1))))] += 1
            tallies += [Tally(block_key=key, group=s.id, value=str(v + 1), n=c) for v, c in enumerate(counts)]
    results = []
    questions = tuple(Question(f"q{n}", prompt=f"<p>Question {n}</p>") for n in range(QUESTIONS))
    for p in range(PAIRS):
        for phase in ("pre", "post"):
            check = KnowledgeCheck(display_name=f"Pair {p} {phase}", phase=phase, pair=f"pair{p}",
                                   questions=questions)
            descriptions.append(EvaluationDescription(
                block_key=usage("emm_knowledge_check", f"p{p}{phase}"), course_key=course,
                block_type="emm_knowledge_check", content=json.dumps(check_learner.description_fields(check))))
            for learner in range(LEARNERS):
                right = {q.id: float(rng.random() < (0.45 if phase == "pre" else 0.7)) for q in questions}
                results.append(PairedResult(
                    course_key=course, pair=f"pair{p}", phase=phase, block_key=usage("emm_knowledge_check", f"p{p}"),
                    token=f"{p:02d}{learner:062d}", earned=sum(right.values()), possible=float(QUESTIONS),
                    marks=json.dumps(right), questions_key="bench"))
    EvaluationDescription.objects.bulk_create(descriptions)
    Submissions.objects.bulk_create(submissions)
    Tally.objects.bulk_create(tallies, batch_size=1000)
    PairedResult.objects.bulk_create(results, batch_size=1000)
    return len(tallies), len(results)


def measure():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import translation

    from emm_xblocks.xblocks import EvaluationReportBlock
    from tests.openedx.keys import UsageKey
    from tests.openedx.runtime import Platform

    call_command("migrate", verbosity=0, run_syncdb=True)
    with translation.override("en"):
        platform = Platform(block_classes={"emm_evaluation_report": EvaluationReportBlock})
        report = platform.add('<emm_evaluation_report display_name="Bench" headline_statement="s0"/>',
                              platform.subsection())
        tally_rows, pair_rows = fill(str(platform.course_key),
                                     lambda kind, bid: str(UsageKey(platform.course_key, kind, bid)))
        staff = platform.user("staff_1", role="staff")
        html = platform.lms(staff).html(report)
        checks = {"evaluations": html.count("data-evaluation="), "pairs": html.count("data-pair="),
                  "headline": "strongly agreed that" in html}
        render_ms = timed(lambda: platform.lms(staff).html(report))
        csv_ms = timed(lambda: platform.lms(staff).handle(report, "export_csv", method="GET"))
    print(json.dumps({"server": server_name(connection),
                      "render_ms": render_ms, "csv_ms": csv_ms, "tally_rows": tally_rows,
                      "pair_rows": pair_rows, "html_kb": len(html.encode()) / 1024,
                      "gzip_kb": len(gzip.compress(html.encode())) / 1024, **checks}))


def main():
    with servers("emm_bench_report", "bench-report.db") as (envs, why_not):
        results = {name: child(__file__, "measure", env) for name, env in envs.items()}

    title = (f"Course evaluation report: {EVALUATIONS} evaluations x {RESPONDENTS} respondents x {STATEMENTS}"
             f" statements, {PAIRS} knowledge-check pairs x {LEARNERS} learners x {QUESTIONS} questions")
    rows = [
        ("summary rows / paired results read", lambda r: f"{r['tally_rows']:,} / {r['pair_rows']:,}"),
        ("shown: evaluations, pairs, headline", lambda r: f"{r['evaluations']}, {r['pairs']}, {r['headline']}"),
        ("the report rendered for staff (median of 5)  target <= 500 ms", lambda r: f"{r['render_ms']:.0f} ms"),
        ("  its HTML", lambda r: f"{r['html_kb']:.0f} KB"),
        ("  its HTML gzipped (as a web server sends it)", lambda r: f"{r['gzip_kb']:.0f} KB"),
        ("the CSV of every figure (median of 5)", lambda r: f"{r['csv_ms']:.0f} ms"),
    ]
    table(title, why_not, rows, results, 24)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        measure()
    else:
        main()
