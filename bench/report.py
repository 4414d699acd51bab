"""The course evaluation report's speed at the size issue 11 names: 20 Likert evaluations of 500
respondents each (10 statements, the same ids in every evaluation) and 5 knowledge-check pairs of
500 learners each (10 questions), on SQLite and on MariaDB in the same run. Target: the report
renders for course staff in <= 0.5 s. ``bench/report.py --learners 20000``: pairs of that many
learners (the scale hunt's course: 200,000 paired results), the same evaluations.

The rows are inserted directly (what the report reads: each evaluation's description and summary,
``EvaluationDescription``, ``Tally``, ``Submissions``; each pair's ``PairedResult`` rows and its
checks' descriptions), then the report block is rendered for a staff member through the
platform-faithful runtime (``tests.openedx``): the store reads, the figures and the template. The
evaluations and the checks are in the course's outline (what the report counts). The first pair's
post-test is rendered for staff too: its staff panel reads the pair's figures. Each render's
memory is the peak ``tracemalloc`` counts during it (Python's allocations: rows read, figures).
MariaDB is the private server of ``tests/mariadb.py``, in its own database ``emm_bench_report``.
"""

import gzip
import json
import os
import random
import re
import sys
import tracemalloc
from pathlib import Path

from benchkit import child, server_name, servers, table, timed

ROOT = Path(__file__).resolve().parent.parent
EVALUATIONS, RESPONDENTS, STATEMENTS = 20, 500, 10
PAIRS, LEARNERS, QUESTIONS = 5, int(os.environ.get("EMM_BENCH_LEARNERS", "500")), 10


def fill(course, usage):
    """The rows of 20 evaluations and 5 pairs in ``course``; ``usage(type, id)`` is the usage id of
    the block of that type and id in the course's outline (``"day3"``, ``"p0pre"``)."""
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
                    course_key=course, pair=f"pair{p}", phase=phase,
                    block_key=usage("emm_knowledge_check", f"p{p}{phase}"),
                    token=f"{p:02d}{learner:062d}", earned=sum(right.values()), possible=float(QUESTIONS),
                    marks=json.dumps(right), questions_key="bench"))
    EvaluationDescription.objects.bulk_create(descriptions)
    Submissions.objects.bulk_create(submissions)
    Tally.objects.bulk_create(tallies, batch_size=1000)
    PairedResult.objects.bulk_create(results, batch_size=1000)
    return len(tallies), len(results)


def outline(platform):
    """The course's blocks that ``fill`` describes, in its outline (their ids its ``usage``'s):
    ``{(type, id): usage key}``; the first pair's post-test asks ``fill``'s 10 questions."""
    options = ('<option id="right" correct="true">Right</option><option id="wrong">Wrong</option>')
    questions = "".join(f'<question id="q{n}" type="single"><prompt>Question {n}</prompt>{options}</question>'
                        for n in range(QUESTIONS))
    section, keys = platform.subsection(), {}
    for e in range(EVALUATIONS):
        keys["emm_likert", f"day{e}"] = platform.add(
            f'<emm_likert display_name="Evaluation {e + 1}"><item id="s0">Statement</item></emm_likert>',
            section, url_name=f"day{e}")
    for p in range(PAIRS):
        for phase in ("pre", "post"):
            keys["emm_knowledge_check", f"p{p}{phase}"] = platform.add(
                f'<emm_knowledge_check display_name="Pair {p} {phase}" phase="{phase}" pair="pair{p}">'
                f"{questions}</emm_knowledge_check>", section, url_name=f"p{p}{phase}")
    return keys


def peak_kb(fn):
    """The peak of Python's allocations during ``fn()`` (``tracemalloc``), in KB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def measure():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import translation

    from emm_xblocks.xblocks import EvaluationReportBlock, KnowledgeCheckBlock, LikertBlock
    from tests.openedx.runtime import Platform

    call_command("migrate", verbosity=0, run_syncdb=True)
    with translation.override("en"):
        platform = Platform(block_classes={"emm_evaluation_report": EvaluationReportBlock,
                                           "emm_knowledge_check": KnowledgeCheckBlock, "emm_likert": LikertBlock})
        report = platform.add('<emm_evaluation_report display_name="Bench" headline_statement="s0"/>',
                              platform.subsection())
        keys = outline(platform)
        tally_rows, pair_rows = fill(str(platform.course_key), lambda kind, bid: str(keys[kind, bid]))
        staff = platform.user("staff_1", role="staff")
        html = platform.lms(staff).html(report)
        checks = {"evaluations": html.count("data-evaluation="), "pairs": html.count("data-pair="),
                  "headline": "strongly agreed that" in html}
        post = keys["emm_knowledge_check", "p0post"]
        panel = platform.lms(staff).html(post)
        checks["panel_linked"] = " ".join(re.findall(r"([\d,]+) learners took both tests", panel))
        render_ms = timed(lambda: platform.lms(staff).html(report))
        csv_ms = timed(lambda: platform.lms(staff).handle(report, "export_csv", method="GET"))
        panel_ms = timed(lambda: platform.lms(staff).html(post))
        memory = {"render_kb": peak_kb(lambda: platform.lms(staff).html(report)),
                  "panel_kb": peak_kb(lambda: platform.lms(staff).html(post))}
    print(json.dumps({"server": server_name(connection),
                      "render_ms": render_ms, "csv_ms": csv_ms, "panel_ms": panel_ms, "tally_rows": tally_rows,
                      "pair_rows": pair_rows, "html_kb": len(html.encode()) / 1024,
                      "gzip_kb": len(gzip.compress(html.encode())) / 1024, **memory, **checks}))


def main(learners):
    os.environ["EMM_BENCH_LEARNERS"] = str(learners)  # the children's size (``LEARNERS``)
    with servers("emm_bench_report", "bench-report.db") as (envs, why_not):
        results = {name: child(__file__, "measure", env) for name, env in envs.items()}

    title = (f"Course evaluation report: {EVALUATIONS} evaluations x {RESPONDENTS} respondents x {STATEMENTS}"
             f" statements, {PAIRS} knowledge-check pairs x {learners:,} learners x {QUESTIONS} questions")
    rows = [
        ("summary rows / paired results read", lambda r: f"{r['tally_rows']:,} / {r['pair_rows']:,}"),
        ("shown: evaluations, pairs, headline", lambda r: f"{r['evaluations']}, {r['pairs']}, {r['headline']}"),
        ("the report rendered for staff (median of 5)  target <= 500 ms", lambda r: f"{r['render_ms']:.0f} ms"),
        ("  its HTML", lambda r: f"{r['html_kb']:.0f} KB"),
        ("  its HTML gzipped (as a web server sends it)", lambda r: f"{r['gzip_kb']:.0f} KB"),
        ("  Python's peak memory during one render", lambda r: f"{r['render_kb'] / 1024:.1f} MB"),
        ("the CSV of every figure (median of 5)", lambda r: f"{r['csv_ms']:.0f} ms"),
        ("a pair's post-test for staff (median of 5)", lambda r: f"{r['panel_ms']:.0f} ms"),
        ("  learners its staff panel says took both tests", lambda r: r["panel_linked"]),
        ("  Python's peak memory during one render", lambda r: f"{r['panel_kb'] / 1024:.1f} MB"),
    ]
    table(title, why_not, rows, results, 24)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        measure()
    else:
        main(int(sys.argv[sys.argv.index("--learners") + 1]) if "--learners" in sys.argv else LEARNERS)
