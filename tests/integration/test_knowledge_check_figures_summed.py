"""A knowledge-check pair's figures from sums the database adds up (``common.pair_sums``,
decision 102), on the database the settings name (SQLite, or MariaDB with ``EMM_DB=mysql``): the
staff panel and the course report read no learner's result, and the sums are those of the results
themselves (``knowledge_check.statistics.sums_of``), so every figure is what it was."""

import json
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emm_xblocks.common.pair_sums import pair_sums
from emm_xblocks.common.questions import Question
from emm_xblocks.knowledge_check import statistics
from emm_xblocks.knowledge_check.content import POST, PRE
from emm_xblocks.models import PairedResult
from tests.integration.test_evaluation_report import platform  # noqa: F401 - both blocks, in English
from tests.integration.test_knowledge_check import HALF, RIGHT, pair_of, visible

REPORT = '<emm_evaluation_report display_name="Evaluation report"/>'
TABLE = PairedResult._meta.db_table


def results_read(captured):
    """How many rows the statements ``captured`` ran on the results' table gave back (each SELECT
    run again: the rows a view read, whatever it then did with them)."""
    statements = [q["sql"] for q in captured.captured_queries
                  if TABLE in q["sql"] and q["sql"].lstrip().upper().startswith("SELECT")]
    assert statements
    read = 0
    for sql in statements:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            read += len(cursor.fetchall())
    return read


def more_learners(filed, first, count):
    """``count`` more learners of the pair with both results, as ``filed`` (``{phase: result}``):
    a third of them 1 of 2 points before, every one 2 of 2 after."""
    PairedResult.objects.bulk_create([
        PairedResult(course_key=filed[phase].course_key, pair=filed[phase].pair, phase=phase,
                     block_key=filed[phase].block_key, token=f"{first + i:064d}",
                     earned=1.0 if phase == PRE and i % 3 == 0 else 2.0, possible=2.0,
                     marks=json.dumps({"q1": 1.0, "q2": 0.0 if phase == PRE and i % 3 == 0 else 1.0}),
                     questions_key=filed[phase].questions_key)
        for i in range(count) for phase in (PRE, POST)])


def shown(platform, staff, post, report):  # noqa: F811 - the fixture, passed on
    """``(panel, page, results read)``: the post-test's staff panel and the course report as staff
    read them, and how many rows of results the two views read."""
    with CaptureQueriesContext(connection) as captured:
        panel, page = visible(staff.html(post)), visible(staff.html(report))
    return panel[panel.index("Staff:"):], page, results_read(captured)


def test_the_staff_panel_and_the_course_report_read_no_learner_s_result(platform):  # noqa: F811
    """A pair of 31, then of 91 learners: the staff panel and the course report show their figures
    and read the same few rows of sums, however many learners took the tests. Both read every
    result of the pair into Python on every view (``pairs.pair_rows``: 62 rows each, then 182), a
    pair of 20,000 learners' 40,000 (2 s on MariaDB for the panel; the report, with five such
    pairs, 14 s and 310 MB)."""
    pre, post = pair_of(platform)
    report = platform.add(REPORT, platform.subsection())
    ana = platform.lms(platform.user("ana"))
    assert ana.handle(pre, "submit", HALF).status == 200
    assert ana.handle(post, "submit", RIGHT).status == 200
    filed = {row.phase: row for row in PairedResult.objects.all()}
    staff = platform.lms(platform.user("staff_1", role="staff"))
    more_learners(filed, 0, 30)
    panel, page, few = shown(platform, staff, post, report)
    # ana and 10 others 50 % before, 20 others 100 % (82.3 % on average); all 100 % after
    for text in (panel, page):
        assert "31 learners took both tests." in text
        assert "Mean pre-test score 82%" in text and "Mean post-test score 100%" in text, text
        assert "Learners who improved 35%" in text
    more_learners(filed, 30, 60)
    panel, page, many = shown(platform, staff, post, report)
    for text in (panel, page):
        assert "91 learners took both tests." in text
        assert "Mean pre-test score 83%" in text and "Learners who improved 34%" in text
    assert many == few < 31, (few, many)  # the rows read do not grow with the learners


def results_of(course_key, pair, leave_out):
    """The pair's results as Python read them before decision 102 (``pairs.pair_rows``): every row,
    its marks as stored JSON read, ``{}`` where they are no JSON object."""
    def marks(text):
        try:
            value = json.loads(text)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    rows = PairedResult.objects.filter(course_key=course_key, pair=pair).exclude(block_key__in=sorted(leave_out))
    return [{"phase": r.phase, "token": r.token, "earned": r.earned, "possible": r.possible,
             "marks": marks(r.marks), "questions_key": r.questions_key} for r in rows]


# marks as stored: what the package writes (floats from 0 to 1), and what only a hand could (but a
# JSON null, object or list, which the database reads as no mark: ``common/pair_sums.py``)
MARKS = [{"q1": 1.0, "q2": 0.5, "q-3_b": 0.0}, {"q1": 0.0, "q2": 1.0}, {"q1": 1.0, "q2": 1.0, "q-3_b": 1.0},
         {"q1": 0.6666666666666666, "q2": 0.0}, {"q2": 1}, {}, {"q1": True, "q2": False},
         {"q1": "1", "q2": "abc"}, {"q1": 2.5, "q2": 0}]
TEXTS = ["not json", "[1, 2]", '"q1"', "{"]


@pytest.mark.django_db
def test_the_sums_the_database_adds_up_are_those_of_the_results():
    """Learners with both results on one question set, on two (different questions), with one of
    the two; results of a test deleted from the course (left out, and not linking), of another pair
    and of another course; marks as the package writes them and as only a hand could (no JSON
    object, text, ``true``, a question missing): ``pair_sums`` gives what
    ``statistics.sums_of`` makes of the rows read into Python, and the figures are the same."""
    rng = random.Random(96)
    rows = []
    for i in range(240):
        token, key = f"{i:064d}", rng.choice(["k1", "k1", "k1", "k2"])
        for phase in rng.choice([(PRE, POST)] * 5 + [(PRE,), (POST,)]):
            text = rng.choice(TEXTS) if rng.random() < 0.05 else json.dumps(rng.choice(MARKS))
            rows.append(PairedResult(
                course_key="course-v1:O+C+R", pair=rng.choice(["day1"] * 9 + ["day2"]), phase=phase,
                block_key=rng.choice([f"kc-{phase}"] * 9 + ["gone"]), token=token,
                earned=rng.choice([0.0, 0.5, 1.0, 2.0, 2.0 / 3, 3.0]), possible=rng.choice([3.0, 3.0, 4.0, 0.0]),
                marks=text, questions_key=key if phase == PRE else rng.choice([key] * 7 + ["k1", "k2"])))
    other = [PairedResult(course_key="course-v1:O+C+Other", pair="day1", phase=phase, block_key=f"kc-{phase}",
                          token=f"{i:064d}", earned=3.0, possible=3.0, marks='{"q1": 1.0}', questions_key="k1")
             for i in range(40) for phase in (PRE, POST)]
    PairedResult.objects.bulk_create(rows + other, ignore_conflicts=True)
    ids = ["q1", "q2", "q-3_b", "q4", "not an id"]
    questions = [Question(qid) for qid in ids]
    for leave_out in (set(), {"gone"}):
        results = results_of("course-v1:O+C+R", "day1", leave_out)
        summed = pair_sums("course-v1:O+C+R", "day1", (PRE, POST), ids, leave_out=leave_out)
        assert summed == statistics.sums_of(results, ids)
        assert summed["scores"] and summed["both"] > sum(summed["scores"].values())  # some linked, some not
        assert summed["asked"]["k1", "q1"][0] > summed["asked"]["k1", "q1"][1] > 0
        for group in (1, 5, 200):
            assert statistics.figures_of(summed, questions, group) == statistics.pair_figures(results, questions, group)


@pytest.mark.django_db
def test_a_pair_nobody_took_or_nobody_linked_has_its_counts_only():
    """No result: every count 0 and no question asked; pre-tests only: they are counted, and no
    question is asked of a linked learner (the sums of each question are by the linked learners'
    question sets: there are none)."""
    assert pair_sums("c", "p", (PRE, POST), ["q1"]) == {
        "before": 0, "after": 0, "both": 0, "scores": {}, "asked": {}}
    PairedResult.objects.bulk_create([
        PairedResult(course_key="c", pair="p", phase=PRE, block_key="b", token=f"{i:064d}", earned=1.0,
                     possible=1.0, marks='{"q1": 1.0}', questions_key="k") for i in range(3)])
    assert pair_sums("c", "p", (PRE, POST), ["q1", "q2"]) == {
        "before": 3, "after": 0, "both": 0, "scores": {}, "asked": {}}
