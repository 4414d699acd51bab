"""A knowledge-check pair's sums, added up by the database (decision 102): what the pair's figures
read of its results (``knowledge_check.statistics.sums_of`` says what each sum is, and makes the
same of the rows themselves), so that the check's staff panel and the course report read no
learner's result. Every result read into Python took the staff panel of a pair of 20,000
learners 1.3-2.2 s on MariaDB and the course report of five such pairs 11-14 s and 310 MB of memory.

``pair_sums(course_key, pair, phases, question_ids, leave_out)``: two statements, whose answers
grow with the scores and the questions of the pair, never with its learners:

* the results at each phase (index ``emm_pair_once`` alone);
* each pre-test result joined to its learner's post-test result by ``emm_pair_once``'s whole key
  (course, pair, phase, token: one lookup a learner), grouped by the pre-test's question set
  (``questions_key``: the figures count apart the learners of a set too few took, decision 96), by
  the two scores and by whether the two were scored on the same question set (the learner is
  linked), with,
  for each question and test, how many of the group's results were asked it (their marks hold it)
  and how many have a full mark there (at least 1): one sum of ``2**32`` a result asked, plus 1
  where the mark is full, so that one JSON read a question, a result and a test gives both.

The join is written here in SQL: the ORM joins tables through relations only, and its correlated
subqueries, three a result (the pre-test's two score parts, whether one exists), took MariaDB
three times as long as the join. A mark is read as the database reads JSON: ``json_extract`` on
SQLite, ``JSON_VALUE`` on MySQL and MariaDB, the marks read only where they are valid JSON (MySQL
and SQLite refuse to read the rest; MariaDB reads it as nothing, with a warning, and is not asked
twice); a mark read as a number (``CAST ... AS REAL``, ``AS DOUBLE``) of at least 1 is full: a
number, ``true``, a number written as text. So for everything the package writes (``json.dumps``
of shares from 0 to 1) and more. Only marks the package never writes are read otherwise than
Python read them: JSON ``null`` (on MySQL and MariaDB an object or a list too) as not asked, where
Python counted it asked and not right; on MySQL perhaps ``true``, as not full (read as text; the
tests run SQLite and MariaDB). Marks that are not JSON, or no JSON object, hold no question
either way.

A question whose id is not a valid id (``common.ids``: letters, digits, ``-`` and ``_``) is in no
result's marks (a check whose ids are not valid cannot be taken) and has no JSON path on every
database: it is asked of nobody, without a read.
"""

from django.db import connection
from django.db.models import Count

from .ids import is_valid_id

ASKED = 2**32  # what a result asked a question adds to its sum (more than any pair's results)


def _mark(marks):
    """SQL of a question's mark in the column ``marks`` (a path parameter follows), as the
    database reads JSON (see the module's docstring)."""
    if connection.vendor == "sqlite":
        return f"CAST(JSON_EXTRACT(CASE WHEN JSON_VALID({marks}) THEN {marks} END, %s) AS REAL)"
    if connection.vendor == "mysql" and connection.mysql_is_mariadb:
        return f"CAST(JSON_VALUE({marks}, %s) AS DOUBLE)"
    if connection.vendor == "mysql":
        return f"CAST(JSON_VALUE(CASE WHEN JSON_VALID({marks}) THEN {marks} END, %s) AS DOUBLE)"
    raise NotImplementedError(f"a pair's sums are added up on SQLite and MySQL/MariaDB, not {connection.vendor}")


def _not_in(column, keys):
    """``(SQL, params)``: ``column`` is none of ``keys`` (nothing when there are none)."""
    if not keys:
        return "", []
    return f" AND {column} NOT IN ({', '.join(['%s'] * len(keys))})", list(keys)


def _joined(course_key, pair, phases, paths, leave_out):
    """The rows of the join (see the module's docstring): ``(pre-test's questions_key, pre earned,
    pre possible, post earned, post possible, linked, learners, *sums)``, two sums for each of
    ``paths`` (before, after)."""
    from ..models import PairedResult

    q = connection.ops.quote_name
    table = q(PairedResult._meta.db_table)
    pre_marks, post_marks = f"a.{q('marks')}", f"b.{q('marks')}"
    sums, sum_params = [], []
    for path in paths:
        for marks in (pre_marks, post_marks):
            sums.append(f"SUM(({_mark(marks)} >= 1) + {ASKED})")
            sum_params.append(path)
    gone_after, gone_after_params = _not_in(f"b.{q('block_key')}", leave_out)
    gone_before, gone_before_params = _not_in(f"a.{q('block_key')}", leave_out)
    course, pair_, phase, token, earned, possible, key = (
        q(name) for name in ("course_key", "pair", "phase", "token", "earned", "possible", "questions_key"))
    sql = (f"SELECT a.{key}, a.{earned}, a.{possible}, b.{earned}, b.{possible}, a.{key} = b.{key}, COUNT(*)"
           f"{''.join(', ' + s for s in sums)} FROM {table} a JOIN {table} b ON b.{course} = %s AND b.{pair_} = %s"
           f" AND b.{phase} = %s AND b.{token} = a.{token}{gone_after}"
           f" WHERE a.{course} = %s AND a.{pair_} = %s AND a.{phase} = %s{gone_before} GROUP BY 1, 2, 3, 4, 5, 6")
    before, after = phases
    params = [*sum_params, course_key, pair, after, *gone_after_params, course_key, pair, before, *gone_before_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def pair_sums(course_key, pair, phases, question_ids, leave_out=()):
    """The sums of ``pair``'s results in the course that its figures read
    (``knowledge_check.statistics.sums_of``'s), added up by the database: ``phases`` the pre-test's
    and the post-test's, ``question_ids`` the questions whose marks are summed; a result filed by a
    block of ``leave_out`` (usage keys as text: tests deleted from the course) neither counts nor
    links."""
    from ..models import PairedResult

    before, after = phases
    leave_out = sorted(leave_out)
    rows = PairedResult.objects.filter(course_key=course_key, pair=pair, phase__in=[before, after])
    if leave_out:
        rows = rows.exclude(block_key__in=leave_out)
    counts = dict(rows.values_list("phase").annotate(n=Count("pk")).order_by())
    paths = {qid: f'$."{qid}"' for qid in dict.fromkeys(question_ids) if is_valid_id(qid)}
    both, scores, found = 0, {}, {}
    for key, pre_earned, pre_possible, post_earned, post_possible, linked, n, *sums in _joined(
            course_key, pair, phases, list(paths.values()), leave_out):
        both += n
        if linked:
            scores[key, pre_earned, pre_possible, post_earned, post_possible] = n
            totals = found.setdefault(key, [0] * (2 * len(paths)))
            found[key] = [total + int(value or 0) for total, value in zip(totals, sums, strict=True)]
    asked = {}
    for key, totals in found.items():  # each question set of the linked learners
        for qid in question_ids:
            asked[key, qid] = (0, 0, 0, 0)
        for i, qid in enumerate(paths):
            pre, post = totals[2 * i], totals[2 * i + 1]
            asked[key, qid] = (pre // ASKED, pre % ASKED, post // ASKED, post % ASKED)
    return {"before": counts.get(before, 0), "after": counts.get(after, 0), "both": both, "scores": scores,
            "asked": asked}
