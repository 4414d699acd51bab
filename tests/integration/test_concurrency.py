"""Concurrent learners over HTTP, on the database the settings name (SQLite, or MariaDB with
``EMM_DB=mysql`` at the isolation level of ``EMM_DB_ISOLATION``): nothing lost, nothing counted
twice, no request answered 500."""

import re
import threading

import pytest

from tests.server import running_workbench, session_for

STATEMENTS = [f"s{n}" for n in range(10)]
NAMED = ('<vertical_demo><emm_likert display_name="Named evaluation" comment="true" anonymous="false">'
         + "".join(f'<item id="{sid}">Statement {sid}</item>' for sid in STATEMENTS)
         + "<comment_prompt>Anything to add?</comment_prompt></emm_likert></vertical_demo>")
ANSWERS_SQL = "select count(distinct submission), count(*), count(distinct user_key) from emm_xblocks_answer"


def summary_of(database, usage):
    """The results panel's figures (the summary store.record keeps) beside the same counted from the
    rows: ``((respondents, {(group, value): n}), (respondents, {(group, value): n}))``."""
    kept = database.query("select n from emm_xblocks_submissions where block_key = %s", [usage])
    tallies = database.query("select `group`, value, n from emm_xblocks_tally where block_key = %s and n > 0"
                             if database.mysql else
                             'select "group", value, n from emm_xblocks_tally where block_key = %s and n > 0', [usage])
    rows = database.query("select `group`, value, count(*) from emm_xblocks_answer where block_key = %s"
                          " group by `group`, value" if database.mysql else
                          'select "group", value, count(*) from emm_xblocks_answer where block_key = %s'
                          ' group by "group", value', [usage])
    counted = database.query("select count(distinct submission) from emm_xblocks_answer where block_key = %s",
                             [usage])
    return ((kept[0][0] if kept else 0, {(g, v): n for g, v, n in tallies}),
            (counted[0][0], {(g, v): n for g, v, n in rows}))


def usage_of(base, scenario):
    html = session_for(base, f"/scenario/{scenario}/").get(f"{base}/scenario/{scenario}/").text
    return re.search(r"data-usage='([^']+\.emm_likert\.[^']+)'", html).group(1)


def in_threads(n, work):
    """``work(t)`` in ``n`` threads released together."""
    barrier = threading.Barrier(n)

    def run(t):
        barrier.wait()
        work(t)

    threads = [threading.Thread(target=run, args=(t,)) for t in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def outcome(r):
    """What a learner's browser sees: the status, and the error code of a 4xx JSON body."""
    if r.status_code < 300:
        return "ok"
    try:
        return f"{r.status_code} {r.json()['error']}"
    except ValueError:
        return f"{r.status_code} not JSON: {r.text[:200]}"


@pytest.mark.slow
def test_every_named_learner_counted_once(tmp_path, mariadb_server):
    threads, learners = 16, 200
    with running_workbench(tmp_path, {"named": NAMED}) as (base, database):
        usage = usage_of(base, "named")
        failures = []

        def learner_batch(t):
            session = session_for(base, "/scenario/named/")
            for i in range(learners):
                answers = {sid: 1 + (t + i + n) % 5 for n, sid in enumerate(STATEMENTS)}
                r = session.post(f"{base}/handler/{usage}/submit/?student=crowd_{t}_{i}",
                                 json={"answers": answers, "comment": f"Learner {t}-{i}: très utile"}, timeout=120)
                if r.status_code != 200:
                    failures.append(outcome(r))

        in_threads(threads, learner_batch)
        assert failures == [], database.server_errors()
        total = threads * learners
        assert database.query(ANSWERS_SQL + " where block_key = %s", [usage])[0] == (
            total, total * len(STATEMENTS), total)
        assert database.query("select count(*), count(distinct user_key) from emm_xblocks_comment"
                              " where block_key = %s", [usage])[0] == (total, total)
        kept, counted = summary_of(database, usage)
        assert kept == counted and kept[0] == total
        assert sum(kept[1].values()) == total * len(STATEMENTS)


@pytest.mark.slow
def test_one_learner_submitting_from_eight_threads_keeps_one_submission(tmp_path, mariadb_server):
    with running_workbench(tmp_path, {"named": NAMED}) as (base, database):
        usage = usage_of(base, "named")
        seen = []

        def double_tap(t):
            session = session_for(base, "/scenario/named/")
            for i in range(5):
                answers = {sid: 1 + (t + i) % 5 for sid in STATEMENTS}
                r = session.post(f"{base}/handler/{usage}/submit/?student=tapper", timeout=120,
                                 json={"answers": answers, "comment": f"take {t}-{i}"})
                seen.append(outcome(r))

        in_threads(8, double_tap)
        assert set(seen) <= {"ok", "409 submit_conflict", "409 already_submitted"}, (seen, database.server_errors())
        assert "ok" in seen
        assert database.query(ANSWERS_SQL + " where block_key = %s", [usage])[0] == (1, len(STATEMENTS), 1)
        assert database.query("select count(*) from emm_xblocks_comment where block_key = %s", [usage])[0] == (1,)
        kept, counted = summary_of(database, usage)
        assert kept == counted and kept[0] == 1 and sum(kept[1].values()) == len(STATEMENTS)


@pytest.mark.slow
def test_anonymous_double_tap_has_one_winner(tmp_path, mariadb_server):
    with running_workbench(tmp_path) as (base, database):
        usage = usage_of(base, "emm_likert.0")  # the anonymous demo evaluation
        html = session_for(base, "/scenario/emm_likert.0/").get(f"{base}/scenario/emm_likert.0/").text
        statements = re.findall(r'data-statement="([^"]+)"', html)
        seen = []

        def tap(t):
            session = session_for(base, "/scenario/emm_likert.0/")
            r = session.post(f"{base}/handler/{usage}/submit/?student=anon_tapper", timeout=120,
                             json={"answers": {sid: 3 for sid in statements}})
            seen.append(outcome(r))

        in_threads(8, tap)
        assert sorted(seen) == ["409 already_submitted"] * 7 + ["ok"], (seen, database.server_errors())
        assert database.query(ANSWERS_SQL + " where block_key = %s", [usage])[0] == (1, len(statements), 1)
        kept, counted = summary_of(database, usage)
        assert kept == counted and kept[0] == 1


CASE = ('<vertical_demo><emm_case_study display_name="Concurrent case" show_distribution="true" min_group_size="1"'
        ' attempts_allowed="2"><narrative><![CDATA[<p>A case.</p>]]></narrative>'
        '<question id="q1" type="single"><prompt><![CDATA[<p>Which?</p>]]></prompt>'
        '<option id="a" correct="true">A</option><option id="b">B</option>'
        '<explanation><![CDATA[<p>A.</p>]]></explanation></question>'
        '<question id="q2" type="multiple"><prompt><![CDATA[<p>Which ones?</p>]]></prompt>'
        '<option id="x" correct="true">X</option><option id="y">Y</option><option id="z" correct="true">Z</option>'
        '<explanation><![CDATA[<p>X and Z.</p>]]></explanation></question>'
        '</emm_case_study></vertical_demo>')


def case_usage_of(base):
    html = session_for(base, "/scenario/case/").get(f"{base}/scenario/case/").text
    return re.search(r"data-usage='([^']+\.emm_case_study\.[^']+)'", html).group(1)


def claims_of(database, usage):
    return sorted(database.query("select user_key, slot from emm_xblocks_claim where block_key = %s"
                                 " and slot like %s", [usage, "attempt-%"]))


@pytest.mark.slow
def test_case_study_learners_submitting_together_each_counted_once(tmp_path, mariadb_server):
    """The attempt claim and the submission's rows are kept in one transaction (decision 42):
    many learners submitting at once each take their attempt and are counted once."""
    threads, learners = 8, 25
    with running_workbench(tmp_path, {"case": CASE}) as (base, database):
        usage = case_usage_of(base)
        failures = []

        def learner_batch(t):
            session = session_for(base, "/scenario/case/")
            for i in range(learners):
                r = session.post(f"{base}/handler/{usage}/submit/?student=case_{t}_{i}", timeout=120,
                                 json={"answers": {"q1": "ab"[(t + i) % 2], "q2": ["x", "z"]}})
                if r.status_code != 200:
                    failures.append(outcome(r))

        in_threads(threads, learner_batch)
        assert failures == [], database.server_errors()
        total = threads * learners
        # a row per single-choice answer and per multiple-choice option ticked: 3 per learner, and
        # the row saying the learner answered the multiple-choice question (decision 94)
        assert database.query(ANSWERS_SQL + " where block_key = %s", [usage])[0] == (total, total * (3 + 1), total)
        assert len(claims_of(database, usage)) == total
        kept, counted = summary_of(database, usage)
        assert kept == counted and kept[0] == total


@pytest.mark.slow
def test_case_study_one_learner_submitting_from_eight_threads_takes_one_attempt(tmp_path, mariadb_server):
    """The same learner's first attempt sent from eight tabs at once: one is kept (its claim, its
    rows, counted once), the others are refused (``submit_conflict`` while it is being kept,
    ``already_submitted`` once it is); none answers 500."""
    with running_workbench(tmp_path, {"case": CASE}) as (base, database):
        usage = case_usage_of(base)
        seen = []

        def tap(t):
            session = session_for(base, "/scenario/case/")
            r = session.post(f"{base}/handler/{usage}/submit/?student=case_tapper", timeout=120,
                             json={"answers": {"q1": "ab"[t % 2], "q2": ["x"]}})
            seen.append(outcome(r))

        in_threads(8, tap)
        assert seen.count("ok") == 1 and set(seen) <= {"ok", "409 submit_conflict", "409 already_submitted"}, (
            seen, database.server_errors())
        assert [slot for _user, slot in claims_of(database, usage)] == ["attempt-1"]
        # q1's row and q2's "x", with the row saying q2 was answered (decision 94)
        assert database.query(ANSWERS_SQL + " where block_key = %s", [usage])[0] == (1, 2 + 1, 1)
        kept, counted = summary_of(database, usage)
        assert kept == counted and kept[0] == 1 and sum(kept[1].values()) == 2 + 1
