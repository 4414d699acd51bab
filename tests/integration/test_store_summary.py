"""The reports' summary (``Tally``, ``Submissions``) that ``store.record`` keeps in the transaction of
the rows, on the database the settings name (SQLite, or MariaDB with ``EMM_DB=mysql`` at REPEATABLE
READ or READ COMMITTED): after races, resubmissions, retried deadlocks and the migration that builds
it, the results panel's figures equal those counted from the answer rows."""

import importlib
import uuid

import pytest
from django.db import connection

from emm_xblocks.common import store, summary, transactions
from emm_xblocks.models import Answer, Submissions, Tally
from tests.integration.recount import role_tallies_from_rows
from tests.integration.store_races import deadlock, deadlocked_inserts, race

pytestmark = pytest.mark.django_db(transaction=True)


def panel(block_key):
    """What the results panel reads: ``(respondents, tallies)`` from the summary."""
    return summary.respondents(block_key), summary.tallies(block_key)


def assert_summary_is_the_rows(block_key):
    assert panel(block_key) == summary.counted_from_rows(block_key)


def test_submissions_and_resubmissions_move_the_counts():
    store.record("blk", {"a": "1", "b": "2"}, user_key="alice", replace=True, comment="first")
    store.record("blk", {"a": "1", "b": "4"}, user_key="bob", replace=True)
    assert panel("blk") == (2, {"a": {"1": 2}, "b": {"2": 1, "4": 1}})
    store.record("blk", {"a": "3"}, user_key="alice", replace=True)  # b left out this time
    assert panel("blk") == (2, {"a": {"1": 1, "3": 1}, "b": {"4": 1}})
    store.record("blk", {"a": "3"}, user_key="alice", replace=True)  # the same again: one respondent still
    store.record("blk", {"a": "5", "b": "5"})  # anonymous: a respondent more
    store.record("blk", {"a": "5", "b": "5"})
    assert panel("blk") == (4, {"a": {"1": 1, "3": 1, "5": 2}, "b": {"4": 1, "5": 2}})
    assert panel("other") == (0, {})
    assert_summary_is_the_rows("blk")


def test_ids_that_differ_by_case_are_counted_apart():
    store.record("blk", {"Pace": "1", "pace": "5"}, user_key="Alice", replace=True)
    store.record("blk", {"Pace": "1"}, user_key="alice", replace=True)
    store.record("BLK", {"pace": "5"})
    assert panel("blk") == (2, {"Pace": {"1": 2}, "pace": {"5": 1}})
    assert panel("BLK") == (1, {"pace": {"5": 1}})
    assert_summary_is_the_rows("blk")


def test_concurrent_named_and_anonymous_submitters_are_each_counted_once():
    """12 threads at once: named learners submitting then changing their answers (two of them from
    two threads at once), anonymous learners taking their one-time claim (one of them twice)."""
    statements = [f"s{n}" for n in range(5)]

    def work(t):
        for i in range(6):
            answers = {sid: str(1 + (t + i + n) % 5) for n, sid in enumerate(statements)}
            if t < 6:  # named: learner t % 4, so threads 0 and 4, 1 and 5 are the same learners
                store.record("blk", answers, user_key=f"named{t % 4}", replace=True, comment=f"take {t}-{i}")
            else:  # anonymous: one submission each, thread 11 racing thread 6 for the same claim
                learner = f"anon6-{i}" if t == 11 else f"anon{t}-{i}"
                try:
                    store.record("blk", answers, claim=(learner, "likert-anonymous"))
                except store.AlreadyClaimed:
                    pass
            store.record("other", {"s0": str(i % 5 + 1)})

    assert [(i, repr(r)) for i, r in race(12, work) if isinstance(r, Exception)] == []
    respondents, tallies = panel("blk")
    assert respondents == 4 + 5 * 6  # 4 named learners, 5 anonymous threads x 6 claims
    assert sum(tallies["s0"].values()) == respondents
    assert_summary_is_the_rows("blk")
    assert panel("other") == (12 * 6, summary.counted_from_rows("other")[1])


def test_a_transaction_retried_after_its_counts_were_written_counts_once(monkeypatch):
    """InnoDB can pick the transaction as the deadlock victim after it updated the counts: all of it is
    rolled back, then run again from the start."""
    store.record("blk", {"a": "1", "b": "2"}, user_key="alice", replace=True)
    real_count = summary.apply
    calls = []

    def count_then_deadlock(*args):
        real_count(*args)
        calls.append(args)
        if len(calls) in (1, 2, 4, 5):  # the first two tries of each submission below
            raise deadlock()

    monkeypatch.setattr(summary, "apply", count_then_deadlock)
    monkeypatch.setattr(transactions.time, "sleep", lambda seconds: None)
    store.record("blk", {"a": "3", "b": "2"}, user_key="alice", replace=True)  # a resubmission
    store.record("blk", {"a": "3"}, claim=("bob", "likert-anonymous"))
    assert len(calls) == 6
    assert panel("blk") == (2, {"a": {"3": 2}, "b": {"2": 1}})
    assert_summary_is_the_rows("blk")


def test_a_deadlocked_insert_of_the_rows_is_retried_without_counting_twice(monkeypatch):
    monkeypatch.setattr(transactions.time, "sleep", lambda seconds: None)
    with deadlocked_inserts(Answer, times=2) as inserts:
        store.record("blk", {"a": "1", "b": "2"}, comment="hello", claim=("learner", "likert-anonymous"))
    assert inserts == [2, 2, 2]
    assert panel("blk") == (1, {"a": {"1": 1}, "b": {"2": 1}})


def test_a_write_that_stays_deadlocked_changes_no_count(monkeypatch):
    store.record("blk", {"a": "1"}, user_key="alice", replace=True)

    def always_deadlocked(*args):
        raise deadlock()

    monkeypatch.setattr(summary, "apply", always_deadlocked)
    monkeypatch.setattr(transactions.time, "sleep", lambda seconds: None)
    with pytest.raises(transactions.Busy):
        store.record("blk", {"a": "5"}, user_key="alice", replace=True)
    with pytest.raises(transactions.Busy):
        store.record("blk", {"a": "5"})
    assert panel("blk") == (1, {"a": {"1": 1}})
    assert_summary_is_the_rows("blk")


def test_a_missing_summary_row_is_created_inside_the_submission(monkeypatch):
    """Rows the ``n = 0`` step did not leave (deleted by hand, say) are inserted by the submission."""
    store.record("blk", {"a": "1"})
    Tally.objects.filter(block_key="blk").delete()
    Submissions.objects.filter(block_key="blk").delete()
    monkeypatch.setattr(summary, "ensure_rows", lambda *args: None)
    store.record("blk", {"a": "1"})
    assert panel("blk") == (1, {"a": {"1": 1}})  # the submission before is no longer counted


def _forget_one_row_after_ensure_rows(monkeypatch, group, value):
    """``ensure_rows`` as the store runs it, then the row ``(group, value)`` it left deleted (by hand,
    a ``flush``) before the submission's transaction updates the counts."""
    ensure_rows = summary.ensure_rows

    def then_delete(block_key, keys):
        ensure_rows(block_key, keys)
        assert Tally.objects.filter(block_key=block_key, group=group, value=value, split="").delete()[0] == 1

    monkeypatch.setattr(summary, "ensure_rows", then_delete)


@pytest.mark.parametrize("outer", [False, True], ids=["own transaction", "inside a caller's transaction"])
def test_a_summary_row_deleted_between_ensure_rows_and_the_counts_gets_its_count_once(monkeypatch, outer):
    """The tallies' one UPDATE finds fewer rows than it counts: the submission is run again, its counts
    one by one, and the missing row inserted: every count lands once, none twice (also when the store
    joins a caller's transaction: then the work's savepoint is rolled back)."""
    from contextlib import nullcontext

    from django.db import transaction

    store.record("blk", {"a": "1", "b": "2"})
    _forget_one_row_after_ensure_rows(monkeypatch, "b", "5")  # a new value: its row has n = 0, nothing lost
    with transaction.atomic() if outer else nullcontext():
        store.record("blk", {"a": "1", "b": "5", "c": "3"})
    assert panel("blk") == (2, {"a": {"1": 2}, "b": {"2": 1, "5": 1}, "c": {"3": 1}})
    assert_summary_is_the_rows("blk")


def test_a_summary_row_deleted_before_a_named_resubmission_s_counts_gets_its_count_once(monkeypatch):
    """The same for a resubmission, whose one UPDATE takes -1 from the old answers' rows and adds 1 to the new."""
    store.record("blk", {"a": "1", "b": "2"}, user_key="alice", replace=True)
    store.record("blk", {"a": "1", "b": "2"}, user_key="bob", replace=True)
    _forget_one_row_after_ensure_rows(monkeypatch, "a", "3")
    store.record("blk", {"a": "3", "b": "2"}, user_key="alice", replace=True)
    assert panel("blk") == (2, {"a": {"1": 1, "3": 1}, "b": {"2": 2}})
    assert_summary_is_the_rows("blk")


def test_a_submission_s_tallies_are_updated_by_one_statement():
    """However many counts a submission changes (a resubmission's -1 and +1 too), one UPDATE of the
    tallies, then one of the block's submission count (none for a resubmission: it stays 1)."""
    from django.test.utils import CaptureQueriesContext

    tally, count = (connection.ops.quote_name(model._meta.db_table) for model in (Tally, Submissions))
    first = {f"s{n}": "1" for n in range(10)}
    store.record("blk", first, user_key="alice", replace=True)
    for user, answers, updates in (("bob", first, [tally, count]),
                                   ("alice", {**first, "s0": "2", "s5": "3", "@profile": "gov"}, [tally])):
        with CaptureQueriesContext(connection) as queries:
            store.record("blk", answers, user_key=user, replace=True)
        sent = [q["sql"] for q in queries.captured_queries]
        assert [sql.split()[1] for sql in sent if sql.startswith("UPDATE")] == updates  # the tables updated
    assert panel("blk") == (2, {**{f"s{n}": {"1": 2} for n in range(10)}, "s0": {"1": 1, "2": 1},
                                "s5": {"1": 1, "3": 1}, "@profile": {"gov": 1}})
    assert summary.profile_tallies("blk") == {"gov": {**{f"s{n}": {"1": 1} for n in range(10)}, "s0": {"2": 1},
                                                      "s5": {"3": 1}, "@profile": {"gov": 1}}}
    assert_summary_is_the_rows("blk")


@pytest.mark.parametrize("outer", [False, True], ids=["own transaction", "inside a caller's transaction"])
def test_a_write_asked_to_run_again_keeps_only_its_second_run(outer):
    """``RunAgain`` from a write's work: what the first run wrote is rolled back, the work runs once
    more with ``again()`` true (false again afterwards); asked a second time, ``write`` lets it through."""
    from contextlib import nullcontext

    from django.db import transaction

    runs = []

    def work():
        runs.append(transactions.again())
        Tally.objects.create(block_key="blk", group="run", value=str(len(runs)))
        if len(runs) == 1:
            raise transactions.RunAgain("first run")

    def stubborn():
        raise transactions.RunAgain("every run")

    with transaction.atomic() if outer else nullcontext():
        transactions.write(work)
        with pytest.raises(transactions.RunAgain):
            transactions.write(stubborn)
        assert list(Tally.objects.filter(block_key="blk").values_list("value", flat=True)) == ["2"]
    assert runs == [False, True]
    assert transactions.again() is False


def _tallies_update(record):
    """``(sql, params)`` of the tallies' UPDATE the store sends while ``record()`` runs."""
    table = connection.ops.quote_name(Tally._meta.db_table)
    sent = []

    def wrapper(execute, sql, params, many, context):
        if sql.startswith(f"UPDATE {table} "):
            sent.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        record()
    assert len(sent) == 1
    return sent[0]


def test_the_tallies_one_update_searches_each_row_by_its_unique_key():
    """The one UPDATE is no scan: each of its rows is a search of ``emm_tally_split_key`` by all its
    columns (SQLite: a ``MULTI-INDEX OR``; MariaDB: a ``range`` access on the key), for a first
    submission (``n = n + %s``) as for a resubmission (``n = n + CASE ...``)."""
    for n in range(3):  # other blocks and values around this one's
        store.record(f"blk{n}", {"a": str(n), "b": "2", "c": "3"})
    store.record("blk", {"a": "1", "b": "2", "@profile": "gov"}, user_key="alice", replace=True)
    first = _tallies_update(lambda: store.record("blk", {"a": "1", "b": "2", "@profile": "gov"},
                                                 user_key="bob", replace=True))
    again = _tallies_update(lambda: store.record("blk", {"a": "2", "b": "2", "@profile": "gov"},
                                                 user_key="alice", replace=True))
    assert " CASE WHEN " not in first[0] and " CASE WHEN " in again[0]
    for sql, params in (first, again):
        with connection.cursor() as cursor:
            if connection.vendor == "mysql":
                cursor.execute(f"EXPLAIN {sql}", params)
                plan = [dict(zip([c[0] for c in cursor.description], row, strict=True)) for row in cursor.fetchall()]
                assert [(step["type"], step["key"]) for step in plan] == [("range", "emm_tally_split_key")]
            else:
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                steps = [row[-1] for row in cursor.fetchall() if row[-1].startswith(("SEARCH", "SCAN"))]
                rows = sql.count(" OR ") + 1
                assert len(steps) == rows > 1
                assert all(step.endswith("(block_key=? AND group=? AND value=? AND split=?)") for step in steps)


@pytest.mark.skipif(connection.vendor != "mysql", reason="InnoDB's row locks (SQLite locks the database to write)")
def test_a_submission_s_one_update_locks_its_own_tally_rows_only():
    """While a submission's transaction holds its tallies (one UPDATE of several rows), another
    transaction's count of a row between them in the key does not wait; one of its rows does (1205).
    (In a table this small MariaDB read every row by the primary key, locking them all at
    REPEATABLE READ, until the UPDATE named its index.)"""
    import MySQLdb
    from django.db import transaction

    store.record("blk", {f"q{n}": "1" for n in range(7)})
    settings = connection.settings_dict
    table, group = connection.ops.quote_name(Tally._meta.db_table), connection.ops.quote_name("group")
    update = f"UPDATE {table} SET n = n + 1 WHERE block_key = 'blk' AND {group} = %s AND value = '1' AND split = ''"
    with transaction.atomic():
        summary.apply("blk", {(f"q{n}", "1"): 1 for n in range(7) if n != 3}, 0)
        other = MySQLdb.connect(unix_socket=settings["HOST"], user=settings["USER"], password=settings["PASSWORD"],
                                database=settings["NAME"])
        try:
            cursor = other.cursor()
            cursor.execute(f"SET SESSION TRANSACTION ISOLATION LEVEL {settings['OPTIONS']['isolation_level']}")
            cursor.execute("SET SESSION innodb_lock_wait_timeout = 1")
            assert cursor.execute(update, ["q3"]) == 1  # among them, not theirs: not locked
            with pytest.raises(MySQLdb.OperationalError) as held:
                cursor.execute(update, ["q4"])
            assert held.value.args[0] == 1205  # ER_LOCK_WAIT_TIMEOUT
            other.commit()
        finally:
            other.close()
    assert panel("blk") == (1, {f"q{n}": {"1": 2} for n in range(7)})


def _tally_lookups(queries):
    return [q["sql"] for q in queries.captured_queries
            if q["sql"].startswith("SELECT") and "emm_xblocks_tally" in q["sql"]]


def test_summary_rows_seen_committed_are_not_looked_up_again_until_migrate():
    """``ensure_rows`` remembers the keys it saw committed: a submission of known values looks
    nothing up, a new value is looked up, and ``migrate`` (as ``flush``, ``post_migrate``) forgets."""
    from django.core.management import call_command
    from django.test.utils import CaptureQueriesContext

    store.record("blk", {"a": "1"})
    with CaptureQueriesContext(connection) as known:
        store.record("blk", {"a": "1"})
    with CaptureQueriesContext(connection) as new_value:
        store.record("blk", {"a": "2"})
    assert _tally_lookups(known) == []
    assert len(_tally_lookups(new_value)) == 1
    call_command("migrate", verbosity=0)
    with CaptureQueriesContext(connection) as after_migrate:
        store.record("blk", {"a": "1"})
    assert len(_tally_lookups(after_migrate)) == 1
    assert panel("blk") == (4, {"a": {"1": 3, "2": 1}})
    assert_summary_is_the_rows("blk")


def test_summary_rows_deleted_after_they_were_remembered_are_inserted_by_the_submission():
    """A remembered row deleted after all (by hand) is not looked up again: the submission's own
    UPDATE finds it missing and inserts it, in its transaction."""
    store.record("blk", {"a": "1"})
    store.record("blk", {"a": "1"})
    Tally.objects.filter(block_key="blk").delete()
    Submissions.objects.filter(block_key="blk").delete()
    store.record("blk", {"a": "1"})
    assert panel("blk") == (1, {"a": {"1": 1}})  # the submissions before are no longer counted


# -- migration 0004 builds the summary of an existing install ------------------------------------

def _migrate(target=None):
    """To ``target``, or (None) to the latest migration, where every other test runs."""
    from django.core.management import call_command

    call_command("migrate", "emm_xblocks", *([target] if target else []), verbosity=0)


def _tables():
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def test_the_migration_counts_the_rows_an_install_already_has():
    _migrate("0003_exact_ids_hex_uuids")
    try:
        assert "emm_xblocks_tally" not in _tables()
        quote = connection.ops.quote_name
        rows = []
        for b in range(3):
            for s in range(7 * (b + 1)):
                submission = uuid.uuid4().hex
                rows += [(uuid.uuid4().hex, f"blk{b}", submission, group, str(1 + (s + n) % 5),
                          f"u{s}" if b == 1 else "", "2026-01-01")
                         for n, group in enumerate(["a", "b", "A"])]
        rows.append((uuid.uuid4().hex, "blk0", uuid.uuid4().hex, "a", "na", "", "2026-01-02"))
        with connection.cursor() as cursor:  # the old schema: no summary, rows only
            cursor.executemany(f"INSERT INTO emm_xblocks_answer (id, block_key, submission, {quote('group')}, value,"
                               " user_key, day) VALUES (%s, %s, %s, %s, %s, %s, %s)", rows)
    finally:
        _migrate()
    assert panel("blk0")[0] == 8 and panel("blk2")[0] == 21
    assert panel("blk0")[1]["a"]["na"] == 1
    for b in range(3):
        assert_summary_is_the_rows(f"blk{b}")
    store.record("blk1", {"a": "5", "b": "5", "A": "5"}, user_key="u0", replace=True)  # counts go on from there
    assert_summary_is_the_rows("blk1")
    _migrate("0003_exact_ids_hex_uuids")  # backwards: the summary's tables go, the rows stay
    try:
        assert {"emm_xblocks_tally", "emm_xblocks_submissions"}.isdisjoint(_tables())
        assert Answer.objects.count() == len(rows)
    finally:
        _migrate()
    assert_summary_is_the_rows("blk1")


def test_the_migration_s_backfill_reads_one_block_at_a_time():
    """An install with no answers gets an empty summary; a block's backfill replaces its old summary."""
    from django.apps import apps

    migration = importlib.import_module("emm_xblocks.migrations.0004_tally_submissions")
    store.record("blk", {"a": "1"})
    Tally.objects.filter(block_key="blk").update(n=7)
    with connection.schema_editor() as editor:
        migration.build_summary(apps, editor, block_keys=["blk", "empty"])
    assert panel("blk") == (1, {"a": {"1": 1}})
    assert panel("empty") == (0, {})


# -- the split by role (perspectives, migration 0008) ----------------------------------------------

def assert_split_is_the_rows(block_key):
    assert summary.role_tallies(block_key) == role_tallies_from_rows(block_key)


def test_rows_with_a_role_are_counted_in_all_and_in_their_role():
    store.record("blk", {"n1": "0", "@ending": "end-good"}, user_key="alice", replace=True, role="officer")
    store.record("blk", {"n1": "1", "@ending": "end-bad"}, user_key="bob", replace=True, role="social")
    store.record("blk", {"n1": "1"}, user_key="carol", replace=True)  # no role: in the overall counts only
    assert panel("blk") == (3, {"n1": {"0": 1, "1": 2}, "@ending": {"end-good": 1, "end-bad": 1}})
    assert summary.role_tallies("blk") == {"officer": {"n1": {"0": 1}, "@ending": {"end-good": 1}},
                                           "social": {"n1": {"1": 1}, "@ending": {"end-bad": 1}}}
    # alice plays again in the other role: her old rows leave the officer's counts
    store.record("blk", {"n1": "1", "@ending": "end-bad"}, user_key="alice", replace=True, role="social")
    assert summary.role_tallies("blk") == {"social": {"n1": {"1": 2}, "@ending": {"end-bad": 2}}}
    assert panel("blk") == (3, {"n1": {"1": 3}, "@ending": {"end-bad": 2}})
    assert_summary_is_the_rows("blk")
    assert_split_is_the_rows("blk")
    assert Tally.objects.filter(block_key="blk", split="role:officer", group="n1", value="0").get().n == 0
    assert summary.role_tallies("blk", groups=["@ending", "n9"]) == {"social": {"@ending": {"end-bad": 2}}}


def test_the_panel_counts_read_together_are_those_read_apart():
    """``panel_counts`` (one statement) gives what ``respondents``, ``tallies`` and
    ``profile_tallies`` give: a role's rows and rows counted down to 0 in neither."""
    store.record("blk", {"q1": "a", "q2": "b", "@profile": "gov"}, user_key="ana", replace=True)
    store.record("blk", {"q1": "b", "@profile": "cso"}, user_key="ben", replace=True, role="officer")
    store.record("blk", {"q1": "a"}, user_key="cleo", replace=True)
    store.record("blk", {"q1": "b", "@profile": "cso"}, user_key="ana", replace=True)  # gov's rows go to 0
    store.record("other", {"q1": "a", "@profile": "gov"}, user_key="dan", replace=True)
    together = summary.panel_counts("blk", profiles=True)
    assert together == (summary.respondents("blk"), summary.tallies("blk"), summary.profile_tallies("blk"))
    assert together == (3, {"q1": {"a": 1, "b": 2}, "@profile": {"cso": 2}},
                        {"cso": {"q1": {"b": 2}, "@profile": {"cso": 2}}})
    assert summary.panel_counts("blk") == (3, {"q1": {"a": 1, "b": 2}, "@profile": {"cso": 2}}, None)
    assert summary.panel_counts("other") == (1, {"q1": {"a": 1}, "@profile": {"gov": 1}}, None)
    assert summary.panel_counts("none", profiles=True) == (0, {}, {})
    assert summary.panel_counts("none") == (0, {}, None)


def test_roles_that_differ_by_case_are_split_apart():
    store.record("blk", {"n1": "0"}, user_key="a", replace=True, role="Officer")
    store.record("blk", {"n1": "0"}, user_key="b", replace=True, role="officer")
    assert summary.role_tallies("blk") == {"Officer": {"n1": {"0": 1}}, "officer": {"n1": {"0": 1}}}
    assert_split_is_the_rows("blk")


def test_concurrent_learners_of_two_roles_keep_the_split_equal_to_the_rows():
    """8 threads at once, each a few learners playing one role then the other (named resubmissions)."""
    def work(t):
        for i in range(5):
            role = ("officer", "social")[(t + i) % 2]
            store.record("blk", {"n1": str((t + i) % 3), "@ending": f"end{i % 2}"},
                         user_key=f"learner{t % 5}", replace=True, role=role)

    assert [(i, repr(r)) for i, r in race(8, work) if isinstance(r, Exception)] == []
    assert_summary_is_the_rows("blk")
    assert_split_is_the_rows("blk")
    respondents, tallies = panel("blk")
    assert respondents == 5
    assert sum(sum(groups["n1"].values()) for groups in summary.role_tallies("blk").values()) == 5


def test_migration_0008_back_drops_the_split_and_keeps_the_counts():
    store.record("blk", {"n1": "0"}, user_key="a", replace=True, role="officer")
    _migrate("0007_live")  # the models are ahead of the tables now: read them raw
    try:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {quote('group')}, value, n FROM emm_xblocks_tally WHERE block_key = 'blk'")
            assert list(cursor.fetchall()) == [("n1", "0", 1)]  # the overall count; the officer's row is gone
    finally:
        _migrate()
    store.record("blk", {"n1": "1"}, user_key="a", replace=True, role="social")
    assert panel("blk") == (1, {"n1": {"1": 1}})
    assert summary.role_tallies("blk") == {"social": {"n1": {"1": 1}}}
    assert_summary_is_the_rows("blk")


def test_rows_written_by_code_older_than_0008_still_insert():
    """A rolling deploy: a process still running the code before migration 0008 inserts rows and
    summary rows without the new columns; the database fills them in (``db_default``)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO emm_xblocks_answer (id, block_key, submission, {quote('group')}, value,"
                       " user_key, day) VALUES (%s, 'blk', %s, 'n1', '0', '', '2026-01-01')",
                       [uuid.uuid4().hex, uuid.uuid4().hex])
        cursor.execute(f"INSERT INTO emm_xblocks_tally (block_key, {quote('group')}, value, n)"
                       " VALUES ('blk', 'n1', '0', 1)")
    assert Answer.objects.get(block_key="blk").role == ""
    assert summary.tallies("blk") == {"n1": {"0": 1}} and summary.role_tallies("blk") == {}


@pytest.mark.skipif(connection.vendor != "mysql"
                    or connection.settings_dict["OPTIONS"].get("isolation_level", "read committed") != "read committed",
                    reason="needs another transaction to insert and commit the row between this one's UPDATE "
                           "and its check: at REPEATABLE READ the UPDATE's gap lock holds that insert back, "
                           "and SQLite has one writer at a time")
def test_a_missing_row_another_submission_commits_meanwhile_still_gets_this_submission_s_count():
    """Two submissions meet a summary row deleted after it was remembered (by hand). The first's
    UPDATE finds it missing; the second creates it, counts itself and commits before the first
    looks again: the first must still count itself in it (READ COMMITTED sees the new row)."""
    import threading

    from django.db import connections

    store.record("blk", {"a": "1"})
    Tally.objects.filter(block_key="blk").delete()
    Submissions.objects.filter(block_key="blk").delete()
    table = connection.ops.quote_name(Tally._meta.db_table)
    met = []

    def other():
        try:
            store.record("blk", {"a": "1"})
        finally:
            connections.close_all()

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.startswith(f"UPDATE {table} ") and not met:
            met.append(sql)
            thread = threading.Thread(target=other)  # another learner's submission, whole, meanwhile
            thread.start()
            thread.join()
        return result

    with connection.execute_wrapper(wrapper):
        store.record("blk", {"a": "1"})
    assert met
    assert panel("blk") == (2, {"a": {"1": 2}})  # the submission before the deletion is no longer counted


# -- who answered each multiple-choice question (migration 0013, bug hunt s45) ---------------------

def test_migration_0013_writes_who_answered_each_multiple_choice_question_and_back():
    """The rows an install kept before: a case study's option rows ``q2.<option>``, which the
    backfill gives each submission's ``q2.*`` row (its day, user key and profile), counted in all
    and in the profile's summary; a row the new code already wrote is not written twice. Going back
    deletes them and their counts; the summary stays the rows'."""
    _migrate("0012_pairedresult_ahead")
    try:  # as the code before 0013 kept them (the store writes what it is given)
        store.record("case", {"q1": "a", "q2.x": "1", "q2.y": "1", "@profile": "gov"}, user_key="ana", replace=True)
        store.record("case", {"q1": "b", "q2.y": "1"}, user_key="ben", replace=True)
        store.record("case", {"q1": "a"}, user_key="cleo", replace=True)  # before q2 was asked
        store.record("case", {"q1": "a", "q2.x": "1", "q2.*": "1"}, user_key="dan", replace=True)  # the new code
        store.record("likert", {"pace": "4", "pace@2": "5"})  # no "." in any other block's groups
    finally:
        _migrate()
    assert panel("case") == (4, {"q1": {"a": 3, "b": 1}, "q2.x": {"1": 2}, "q2.y": {"1": 2}, "q2.*": {"1": 3},
                                 "@profile": {"gov": 1}})
    assert summary.profile_tallies("case")["gov"]["q2.*"] == {"1": 1}
    ana = Answer.objects.get(block_key="case", user_key="ana", group="q2.*")
    assert ana.submission == Answer.objects.get(block_key="case", user_key="ana", group="q1").submission
    assert_summary_is_the_rows("case")
    assert panel("likert") == (1, {"pace": {"4": 1}, "pace@2": {"5": 1}})
    store.record("case", {"q1": "b", "q2.y": "1", "q2.*": "1"}, user_key="ana", replace=True)  # counts go on
    assert panel("case")[1]["q2.*"] == {"1": 3} and summary.profile_tallies("case") == {}
    assert_summary_is_the_rows("case")
    _migrate("0012_pairedresult_ahead")  # backwards: the rows and their counts go, the others stay
    try:
        assert not Answer.objects.filter(group__endswith=".*").exists()
        assert not Tally.objects.filter(group__endswith=".*").exists()
        assert_summary_is_the_rows("case")
    finally:
        _migrate()
    assert panel("case")[1]["q2.*"] == {"1": 3}
    assert_summary_is_the_rows("case")
