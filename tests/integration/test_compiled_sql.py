"""The store's statements compiled once by the ORM and run again with new values
(``common.compiled_sql``, decision 38), on the database the settings name (SQLite, or MariaDB with
``EMM_DB=mysql``): each gives what the ORM's own query or ``bulk_create`` gives, the hot ones of
the three blocks are compiled once and reused, and what cannot be reused is built by the ORM."""

import datetime
import uuid

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from emm_xblocks.common import compiled_sql, inserts, live_store, store, summary
from emm_xblocks.models import Answer, Claim, Comment, LiveSession, Tally

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _afresh():
    compiled_sql.forget()
    yield
    compiled_sql.forget()


def _tallies(block_key, groups):
    return Tally.objects.filter(block_key=block_key, group__in=groups).values_list("group", "value", "n")


def test_a_select_reused_gives_what_the_orm_gives_for_every_value():
    for key, group, value, n in (("b1", "g1", "a", 3), ("b1", "g2", "b", 0), ("b2", "g1", "a", 5),
                                 ("b1", "G1", "a", 7)):
        Tally.objects.create(block_key=key, group=group, value=value, n=n)
    asked = [("b1", ["g1", "g2"]), ("b2", ["g1", "zz"]), ("b1", ["G1", "g1"]), ("none", ["g1", "g2"])]
    for key, groups in asked:
        got = compiled_sql.select("test tallies", _tallies, key, groups)
        assert sorted(got) == sorted(_tallies(key, groups)), (key, groups)
    assert "test tallies" in compiled_sql.reused()


def test_a_list_of_another_length_is_compiled_for_its_own_shape():
    Tally.objects.create(block_key="b", group="g1", value="a", n=1)
    Tally.objects.create(block_key="b", group="g2", value="a", n=2)
    Tally.objects.create(block_key="b", group="g3", value="a", n=3)
    assert sorted(compiled_sql.select("test tallies", _tallies, "b", ["g1"])) == [("g1", "a", 1)]
    assert sorted(compiled_sql.select("test tallies", _tallies, "b", ["g1", "g3"])) == [("g1", "a", 1), ("g3", "a", 3)]
    assert sorted(compiled_sql.select("test tallies", _tallies, "b", ["g1", "g2", "g3"])) == [
        ("g1", "a", 1), ("g2", "a", 2), ("g3", "a", 3)]


def test_a_value_its_lookup_rewrites_is_not_reused_and_still_right():
    """``startswith`` turns its value into a LIKE pattern: the statement cannot take the value as
    it is, so the ORM builds it every time."""
    Tally.objects.create(block_key="b", group="g", value="a", split="role:x", n=1)
    Tally.objects.create(block_key="b", group="g", value="a", split="profile:gov", n=2)

    def split_rows(b, prefix):
        return Tally.objects.filter(block_key=b, split__startswith=prefix).values_list("split", "n")

    assert compiled_sql.select("test prefix", split_rows, "b", "role:") == [("role:x", 1)]
    assert compiled_sql.select("test prefix", split_rows, "b", "profile:") == [("profile:gov", 2)]
    assert "test prefix" not in compiled_sql.reused()


def test_rows_of_columns_without_converters_come_as_the_database_gives_them(monkeypatch):
    """Counts and texts (no converter on SQLite or MySQL), and no rows at all, skip the ORM's
    ``results_iter``, which would give them back unchanged; a UUID and datetimes still go through
    their converters."""
    from django.db.models.sql.compiler import SQLCompiler

    Tally.objects.create(block_key="b", group="g1", value="a", n=3)
    opened = live_store.start("blk")
    assert compiled_sql.select("test tallies", _tallies, "b", ["g1"]) == [("g1", "a", 3)]  # compiled
    assert live_store.current("blk") == opened
    converted = []
    results_iter = SQLCompiler.results_iter
    monkeypatch.setattr(SQLCompiler, "results_iter",
                        lambda self, *a, **k: converted.append(self) or results_iter(self, *a, **k))
    assert compiled_sql.select("test tallies", _tallies, "b", ["g1"]) == [("g1", "a", 3)]
    assert converted == []
    assert live_store.current("none") is None  # no row: nothing to convert either
    assert converted == []
    seen = live_store.current("blk")
    assert len(converted) == 1 and seen == opened and isinstance(seen.started, datetime.datetime)


def test_values_of_other_types_go_through_the_orm():
    """A datetime (say) is prepared by its field in ways a probe cannot stand for: built by the ORM."""
    opened = live_store.start("blk")

    def before(b, when):
        return LiveSession.objects.filter(block_key=b, started__lt=when).values_list("block_key")

    later = timezone.now() + datetime.timedelta(seconds=1)
    assert compiled_sql.select("test when", before, "blk", later) == [("blk",)]
    assert compiled_sql.select("test when", before, "blk", opened.started) == []
    assert "test when" not in compiled_sql.reused()


def test_rows_are_converted_as_the_orm_converts_them():
    """The live room's session read: a UUID and aware datetimes, as ``QuerySet`` returns them."""
    opened = live_store.start("blk")
    for _ in range(2):
        seen = live_store.current("blk")
        assert seen == opened
        assert isinstance(seen.started, datetime.datetime) and timezone.is_aware(seen.started)
    row = LiveSession.objects.get(block_key="blk")
    assert (seen.id, seen.started, seen.ended) == (row.id.hex, row.started, row.ended)
    live_store.end("blk")
    assert live_store.current("blk").ended is not None
    assert live_store.current("other") is None
    assert "live session" in compiled_sql.reused()


def test_an_insert_stores_what_bulk_create_stores():
    submission, today = uuid.uuid4(), timezone.now().date()
    for i in range(3):  # the first compiles, the others reuse
        inserts.insert(Answer, [{"block_key": "b", "submission": submission, "group": f"g{i}", "value": "é ✓",
                                    "user_key": "", "day": today, "role": "r"},
                                   {"block_key": "b", "submission": submission, "group": f"h{i}", "value": "2",
                                    "day": today}])
    rows = list(Answer.objects.filter(block_key="b").order_by("group")
                .values_list("submission", "group", "value", "user_key", "day", "role"))
    assert rows == ([(submission, f"g{i}", "é ✓", "", today, "r") for i in range(3)]
                    + [(submission, f"h{i}", "2", "", today, "") for i in range(3)])
    assert len({a.id for a in Answer.objects.filter(block_key="b")}) == 6  # each its own default id
    assert "insert emm_xblocks.Answer" in compiled_sql.reused()


def test_an_insert_that_meets_a_unique_key_raises_and_inserts_nothing():
    inserts.insert(Claim, [{"block_key": "b", "user_key": "u", "slot": "1"}])
    with pytest.raises(IntegrityError), transaction.atomic():
        inserts.insert(Claim, [{"block_key": "b", "user_key": "u", "slot": "2"},
                                  {"block_key": "b", "user_key": "u", "slot": "1"}])
    assert sorted(Claim.objects.values_list("slot", flat=True)) == ["1"]


def test_the_hot_statements_of_a_submission_are_compiled_once():
    """What a named case-study submit and an anonymous Likert submit run, reused from the second."""
    for i in range(2):
        store.record("case", {"q1": "a", "q2": "b"}, user_key="alice", replace=True, comments=False,
                     claim=("alice", f"attempt-{i}"))
        store.record("likert", {"s1": "4"}, comment="merci", claim=(f"anon{i}", "likert-anonymous"))
        summary.panel_counts("case", profiles=True)
        summary.respondents("case")
    locked = {"respondent lock"} if store.locks_rows() else set()  # MariaDB's row lock; SQLite's file lock
    assert {"insert emm_xblocks.Answer", "insert emm_xblocks.Claim", "insert emm_xblocks.Comment",
            "respondent answers", "respondents", "panel counts True", *locked} <= compiled_sql.reused()
    assert summary.respondents("case") == 1 and summary.tallies("case") == {"q1": {"a": 1}, "q2": {"b": 1}}
    assert summary.respondents("likert") == 2


def test_a_thread_s_connection_is_let_go_when_the_thread_ends():
    """A thread that ends without closing its connection (runserver's thread per request, a pool's
    thread with persistent connections): its statements must not keep that connection, nor the
    server's session behind it, open (MariaDB's ``max_connections`` is 151 by default)."""
    import gc
    import threading
    import time
    import weakref

    from django.db import connection, connections

    def server_sessions():
        if connection.vendor != "mysql":
            return None
        with connection.cursor() as cursor:
            cursor.execute("SHOW STATUS LIKE 'Threads_connected'")
            return int(cursor.fetchone()[1])

    def settled():
        """The server's session count once it stops changing: an earlier test's sessions (a
        workbench server stopped a moment ago) are counted gone only once the server has read
        their goodbye."""
        count, since = server_sessions(), time.monotonic()
        while count is not None and time.monotonic() - since < 0.5 and time.monotonic() < deadline:
            time.sleep(0.05)
            now = server_sessions()
            if now != count:
                count, since = now, time.monotonic()
        return count

    deadline = time.monotonic() + 10
    before, kept = settled(), []

    def request():
        store.claimed("blk", "u", "attempt-1")
        summary.respondents("blk")
        kept.append(weakref.ref(connections["default"]))

    for _ in range(10):
        thread = threading.Thread(target=request)
        thread.start()
        thread.join()
    gc.collect()
    assert [ref() for ref in kept] == [None] * 10
    # the server counts a session gone once it has read the client's goodbye: a moment after close
    for _ in range(100):
        if server_sessions() == before:
            break
        time.sleep(0.05)
    assert server_sessions() == before


def test_a_value_escaped_by_its_lookup_is_not_reused_and_still_right():
    """``iexact`` escapes LIKE's ``%``, ``_`` and ``\\`` in its value: a probe that has none of them
    comes out unchanged, yet a value with them must not be bound as it is (``a_c`` would match
    ``abc``)."""
    Tally.objects.create(block_key="b", group="a_c", value="x", n=1)
    Tally.objects.create(block_key="b", group="abc", value="x", n=2)

    def groups(g):
        return Tally.objects.filter(group__iexact=g).values_list("group", "n")

    for asked in ("A_C", "a%", "abc"):
        assert compiled_sql.select("test iexact", groups, asked) == list(groups(asked)), asked


def test_values_the_probes_cannot_stand_for_are_built_by_the_orm():
    """The ORM takes ``"5"`` for an integer column and ``1`` for a small integer one; a probe of the
    same type may not fit there (a string that is no number, an integer beyond a small integer's
    range: MariaDB's range check makes the query empty): built by the ORM, with its result."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth.models import User

    Tally.objects.create(block_key="b", group="g", value="x", n=5)
    user = User.objects.create(username="staff")
    LogEntry.objects.create(user=user, action_flag=1, object_repr="x", change_message="")

    def counted(n):
        return Tally.objects.filter(n=n).values_list("group")

    def flagged(flag):
        return LogEntry.objects.filter(action_flag=flag).values_list("object_repr")

    assert compiled_sql.select("test counted", counted, "5") == [("g",)]
    assert compiled_sql.select("test flagged", flagged, 1) == [("x",)]


def test_a_distinct_query_ordered_by_another_column_gives_only_its_own_columns():
    """For DISTINCT, the ORM selects the ORDER BY columns too, and drops them from the rows."""
    Tally.objects.create(block_key="b", group="g", value="x", n=3)
    Tally.objects.create(block_key="b", group="g", value="y", n=4)

    def groups(b):
        return Tally.objects.filter(block_key=b).values_list("group").distinct().order_by("n")

    assert compiled_sql.select("test distinct", groups, "b") == list(groups("b"))
    assert "test distinct" in compiled_sql.reused()


def _sent_inserts(call):
    """``[(sql, params)]`` of the INSERTs ``call()`` sends to the database (at Django's cursor)."""
    from django.db import connection

    sent = []

    def wrapper(execute, sql, params, many, context):
        if sql.startswith("INSERT"):
            sent.append((sql, list(params)))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        call()
    return sent


def _orm_insert(model, rows):
    """``(sql, params)`` of ``bulk_create`` for ``rows`` (every concrete field given, by name): one
    ``InsertQuery`` compiled by the connection's insert compiler, as ``QuerySet._insert`` does
    (django/db/models/query.py)."""
    from django.db import connection
    from django.db.models.sql import InsertQuery

    fields = list(model._meta.concrete_fields)
    query = InsertQuery(model)
    query.insert_values(fields, [model(**{f.attname: row[f.name] for f in fields}) for row in rows], raw=False)
    [(sql, params)] = query.get_compiler(connection=connection).as_sql()
    return sql, list(params)


def _typed(params):
    return [(type(p), p) for p in params]


def test_every_insert_sends_the_parameters_the_orm_would():
    """The parameters of every insert, not only the first one checked at its compile, are the
    ORM's own for the same rows, value for value and type for type: the fields' shortcuts (a
    ``str``, a ``UUID``, a ``date``, ``None``), the general way (a UUID given as text, a datetime),
    the values given once for every row (``same``), a row's own value before ``same``'s, and the
    defaults (a new id per row, ``""``)."""
    def cases(i, times):
        day = datetime.date(2024, 2, 29) - datetime.timedelta(days=397 * i)  # another day in each call
        i = f"{times}.{i}"
        return [
            (Answer, [{"group": f"g{i}", "value": "é ✓"}, {"group": "h", "value": "", "role": "lead", "user_key": "x"}],
             {"block_key": f"b{i}", "submission": uuid.uuid4(), "day": day, "role": "r"}),
            (Answer, [{"group": "g", "value": "1", "id": uuid.uuid4().hex, "submission": uuid.uuid4().hex,
                       "block_key": "b", "day": day + datetime.timedelta(days=1), "user_key": ""}], {}),
            (Comment, [{"text": "Merci ! \u0645\u0631\u062d\u0628\u0627", "submission": uuid.uuid4()}],
             {"block_key": "b", "user_key": f"u{i}", "day": day}),
            (Claim, [{"slot": f"s{i}-{k}", "taken": timezone.now()} for k in range(times)]
             + [{"slot": f"t{i}-{k}", "taken": None} for k in range(times)] + [{"slot": f"v{i}"}],
             {"block_key": "b", "user_key": "u"}),
        ]

    for times in (1, 3):
        for i in range(3):  # the first call of each shape compiles, the others reuse
            for model, rows, same in cases(i, times):
                if model is not Claim:  # (an id given is new in each copy)
                    rows = [dict(row, id=uuid.uuid4().hex) if "id" in row else row
                            for _ in range(times) for row in rows]
                [(sql, sent)] = _sent_inserts(lambda m=model, r=rows, s=same: inserts.insert(m, r, s))
                fields = list(model._meta.concrete_fields)
                ids = sent[::len(fields)]  # the id each row was given (the first column)
                complete = [{f.name: row[f.name] if f.name in row else same[f.name] if f.name in same
                             else uuid.UUID(ids[k]) if f.name == "id" else f.get_default() for f in fields}
                            for k, row in enumerate(rows)]
                orm_sql, orm_params = _orm_insert(model, complete)
                assert (sql, _typed(sent)) == (orm_sql, _typed(orm_params)), model
                assert len(set(ids)) == len(rows)
    assert {"insert emm_xblocks.Answer", "insert emm_xblocks.Comment",
            "insert emm_xblocks.Claim"} <= compiled_sql.reused()


def test_the_shortcuts_are_found_for_the_store_s_fields():
    """The fields the store inserts keep their shortcuts (else the test above would prove little)."""
    from django.db import connection

    def kinds(model, name):
        return set(inserts._shortcuts(model._meta.get_field(name), connection))

    none = type(None)
    assert kinds(Answer, "id") == kinds(Answer, "submission") == {uuid.UUID, none}
    assert kinds(Answer, "block_key") == kinds(Answer, "group") == kinds(Answer, "role") == {str, none}
    assert kinds(Answer, "day") == {datetime.date, none}
    assert kinds(Claim, "taken") == {none}


def test_a_field_that_prepares_its_values_otherwise_takes_the_general_way():
    """A field class whose preparing methods are not Django's own (or ``HexUUIDField``'s) gets no
    shortcut: its values go through its ``get_db_prep_save``."""
    from django.db import connection, models

    from emm_xblocks.models import HexUUIDField

    class Upper(models.CharField):
        def get_prep_value(self, value):
            return super().get_prep_value(value).upper()

    class Dashed(HexUUIDField):
        def get_db_prep_value(self, value, connection, prepared=False):
            return str(value)

    class Saved(models.TextField):
        def get_db_prep_save(self, value, connection):
            return value.strip()

    for field in (Upper(max_length=5), Dashed(), Saved(), models.DateField(auto_now=True),
                  models.DateField(auto_now_add=True)):
        assert inserts._shortcuts(field, connection) == {}, field
    assert inserts._shortcuts(models.DateField(), connection) != {}


def test_a_shortcut_that_gives_other_parameters_than_the_orm_is_not_used(monkeypatch):
    """If a shortcut gave what the ORM does not (here a UUID with its dashes), the first compile
    of the insert finds it and the insert goes through ``bulk_create``, with the ORM's result."""
    real = inserts._shortcuts

    def wrong(field, connection):
        kept = real(field, connection)
        if uuid.UUID in kept:
            kept[uuid.UUID] = str
        return kept

    monkeypatch.setattr(inserts, "_shortcuts", wrong)
    submission, today = uuid.uuid4(), timezone.now().date()
    for i in range(2):
        inserts.insert(Answer, [{"group": f"g{i}", "value": "v"}],
                          {"block_key": "b", "submission": submission, "day": today})
    assert "insert emm_xblocks.Answer" not in compiled_sql.reused()
    assert sorted(Answer.objects.values_list("submission", "group")) == [(submission, "g0"), (submission, "g1")]


def test_a_new_id_is_a_version_4_uuid_as_uuid4_makes_it(monkeypatch):
    """The ids an insert makes for its rows (``inserts.uuid4_hex``) are what ``uuid.uuid4().hex``
    gives for the same random bytes: version 4, RFC 4122 variant."""
    for raw in (bytes(16), b"\xff" * 16, bytes(range(16)), bytes(range(200, 216))):
        monkeypatch.setattr(inserts.os, "urandom", lambda n, raw=raw: raw)
        assert inserts.uuid4_hex() == uuid.UUID(bytes=raw, version=4).hex
    monkeypatch.undo()
    made = {inserts.uuid4_hex() for _ in range(1000)}
    assert len(made) == 1000
    assert all(len(h) == 32 and uuid.UUID(hex=h).version == 4 and uuid.UUID(hex=h).variant == uuid.RFC_4122
               for h in made)


def test_the_ids_an_insert_makes_are_new_version_4_uuids(monkeypatch):
    """Rows given without an id get one from ``uuid4_hex`` (the reused insert too), which the ORM
    reads back as a version 4 ``UUID``."""
    made = []
    monkeypatch.setattr(inserts, "uuid4_hex", lambda real=inserts.uuid4_hex: made.append(real()) or made[-1])
    compiled_sql.forget()  # compiled afresh, with the function in place
    for i in range(2):  # compiled, then reused
        inserts.insert(Answer, [{"group": f"g{k}", "value": "a"} for k in range(3)],
                          {"block_key": f"ids{i}", "submission": uuid.uuid4(), "day": datetime.date(2026, 1, 1)})
    ids = list(Answer.objects.filter(block_key__startswith="ids").values_list("id", flat=True))
    assert len(made) == 6 and sorted(i.hex for i in ids) == sorted(made)
    assert all(i.version == 4 and i.variant == uuid.RFC_4122 for i in ids)


def test_a_write_s_statements_share_one_cursor_and_each_is_still_seen(monkeypatch):
    """``store.record``'s transaction runs its statements on one cursor (``compiled_sql.one_cursor``)
    instead of one each; a test's (or a debug toolbar's) capture still sees every one of them."""
    from contextlib import nullcontext

    from django.db import connection
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.test.utils import CaptureQueriesContext

    store.record("blk", {"q1": "a", "q2": "b"}, user_key="first", replace=True, comment="hi")  # the rows exist
    store.record("blk", {"q1": "b", "q2": "a"}, user_key="second", replace=True, comment="hi")

    def record(user, share):
        made, real = [], BaseDatabaseWrapper.cursor
        with monkeypatch.context() as patch:
            patch.setattr(BaseDatabaseWrapper, "cursor", lambda self: made.append(1) or real(self))
            if not share:
                patch.setattr(compiled_sql, "one_cursor", nullcontext)
            with CaptureQueriesContext(connection) as seen:
                store.record("blk", {"q1": "b", "q2": "a"}, user_key=user, replace=True, comment="ok")
        return len(made), [q["sql"].split(" ")[0] for q in seen.captured_queries]

    shared, shared_sql = record("one", True)
    apart, apart_sql = record("two", False)
    assert shared_sql == apart_sql and len(shared_sql) >= 7
    assert shared <= apart - 4, (shared, apart)  # claim, answers, comment, tallies, count: one cursor, not five
    assert summary.tallies("blk") == {"q1": {"a": 1, "b": 3}, "q2": {"b": 1, "a": 3}}
