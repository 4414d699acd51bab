"""The store's statements compiled once by the ORM and run again with new values
(``common.statements``, decision 38), on the database the settings name (SQLite, or MariaDB with
``EMM_DB=mysql``): each gives what the ORM's own query or ``bulk_create`` gives, the hot ones of
the three blocks are compiled once and reused, and what cannot be reused is built by the ORM."""

import datetime
import uuid

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from emm_xblocks.common import live_store, statements, store, summary
from emm_xblocks.models import Answer, Claim, LiveSession, Tally

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _afresh():
    statements.forget()
    yield
    statements.forget()


def _tallies(block_key, groups):
    return Tally.objects.filter(block_key=block_key, group__in=groups).values_list("group", "value", "n")


def test_a_select_reused_gives_what_the_orm_gives_for_every_value():
    for key, group, value, n in (("b1", "g1", "a", 3), ("b1", "g2", "b", 0), ("b2", "g1", "a", 5),
                                 ("b1", "G1", "a", 7)):
        Tally.objects.create(block_key=key, group=group, value=value, n=n)
    asked = [("b1", ["g1", "g2"]), ("b2", ["g1", "zz"]), ("b1", ["G1", "g1"]), ("none", ["g1", "g2"])]
    for key, groups in asked:
        got = statements.select("test tallies", _tallies, key, groups)
        assert sorted(got) == sorted(_tallies(key, groups)), (key, groups)
    assert "test tallies" in statements.reused()


def test_a_list_of_another_length_is_compiled_for_its_own_shape():
    Tally.objects.create(block_key="b", group="g1", value="a", n=1)
    Tally.objects.create(block_key="b", group="g2", value="a", n=2)
    Tally.objects.create(block_key="b", group="g3", value="a", n=3)
    assert sorted(statements.select("test tallies", _tallies, "b", ["g1"])) == [("g1", "a", 1)]
    assert sorted(statements.select("test tallies", _tallies, "b", ["g1", "g3"])) == [("g1", "a", 1), ("g3", "a", 3)]
    assert sorted(statements.select("test tallies", _tallies, "b", ["g1", "g2", "g3"])) == [
        ("g1", "a", 1), ("g2", "a", 2), ("g3", "a", 3)]


def test_a_value_its_lookup_rewrites_is_not_reused_and_still_right():
    """``startswith`` turns its value into a LIKE pattern: the statement cannot take the value as
    it is, so the ORM builds it every time."""
    Tally.objects.create(block_key="b", group="g", value="a", split="role:x", n=1)
    Tally.objects.create(block_key="b", group="g", value="a", split="profile:gov", n=2)

    def split_rows(b, prefix):
        return Tally.objects.filter(block_key=b, split__startswith=prefix).values_list("split", "n")

    assert statements.select("test prefix", split_rows, "b", "role:") == [("role:x", 1)]
    assert statements.select("test prefix", split_rows, "b", "profile:") == [("profile:gov", 2)]
    assert "test prefix" not in statements.reused()


def test_values_of_other_types_go_through_the_orm():
    """A datetime (say) is prepared by its field in ways a probe cannot stand for: built by the ORM."""
    opened = live_store.start("blk")

    def before(b, when):
        return LiveSession.objects.filter(block_key=b, started__lt=when).values_list("block_key")

    later = timezone.now() + datetime.timedelta(seconds=1)
    assert statements.select("test when", before, "blk", later) == [("blk",)]
    assert statements.select("test when", before, "blk", opened.started) == []
    assert "test when" not in statements.reused()


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
    assert "live session" in statements.reused()


def test_an_insert_stores_what_bulk_create_stores():
    submission, today = uuid.uuid4(), timezone.now().date()
    for i in range(3):  # the first compiles, the others reuse
        statements.insert(Answer, [{"block_key": "b", "submission": submission, "group": f"g{i}", "value": "é ✓",
                                    "user_key": "", "day": today, "role": "r"},
                                   {"block_key": "b", "submission": submission, "group": f"h{i}", "value": "2",
                                    "day": today}])
    rows = list(Answer.objects.filter(block_key="b").order_by("group")
                .values_list("submission", "group", "value", "user_key", "day", "role"))
    assert rows == ([(submission, f"g{i}", "é ✓", "", today, "r") for i in range(3)]
                    + [(submission, f"h{i}", "2", "", today, "") for i in range(3)])
    assert len({a.id for a in Answer.objects.filter(block_key="b")}) == 6  # each its own default id
    assert "insert emm_xblocks.Answer" in statements.reused()


def test_an_insert_that_meets_a_unique_key_raises_and_inserts_nothing():
    statements.insert(Claim, [{"block_key": "b", "user_key": "u", "slot": "1"}])
    with pytest.raises(IntegrityError), transaction.atomic():
        statements.insert(Claim, [{"block_key": "b", "user_key": "u", "slot": "2"},
                                  {"block_key": "b", "user_key": "u", "slot": "1"}])
    assert sorted(Claim.objects.values_list("slot", flat=True)) == ["1"]


def test_the_hot_statements_of_a_submission_are_compiled_once():
    """What a named case-study submit and an anonymous Likert submit run, reused from the second."""
    for i in range(2):
        store.record("case", {"q1": "a", "q2": "b"}, user_key="alice", replace=True, comments=False,
                     claim=("alice", f"attempt-{i}"))
        store.record("likert", {"s1": "4"}, comment="merci", claim=(f"anon{i}", "likert-anonymous"))
        summary.tallies_and_profiles("case")
        summary.respondents("case")
    assert {"insert emm_xblocks.Answer", "insert emm_xblocks.Claim", "insert emm_xblocks.Comment", "claim",
            "respondent lock", "respondent answers", "respondents",
            "tallies and profiles"} <= statements.reused()
    assert summary.respondents("case") == 1 and summary.tallies("case") == {"q1": {"a": 1}, "q2": {"b": 1}}
    assert summary.respondents("likert") == 2


def test_a_thread_s_connection_is_let_go_when_the_thread_ends():
    """A thread that ends without closing its connection (runserver's thread per request, a pool's
    thread with persistent connections): its statements must not keep that connection, nor the
    server's session behind it, open (MariaDB's ``max_connections`` is 151 by default)."""
    import gc
    import threading
    import weakref

    from django.db import connection, connections

    def server_sessions():
        if connection.vendor != "mysql":
            return None
        with connection.cursor() as cursor:
            cursor.execute("SHOW STATUS LIKE 'Threads_connected'")
            return int(cursor.fetchone()[1])

    before, kept = server_sessions(), []

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
        assert statements.select("test iexact", groups, asked) == list(groups(asked)), asked


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

    assert statements.select("test counted", counted, "5") == [("g",)]
    assert statements.select("test flagged", flagged, 1) == [("x",)]


def test_a_distinct_query_ordered_by_another_column_gives_only_its_own_columns():
    """For DISTINCT, the ORM selects the ORDER BY columns too, and drops them from the rows."""
    Tally.objects.create(block_key="b", group="g", value="x", n=3)
    Tally.objects.create(block_key="b", group="g", value="y", n=4)

    def groups(b):
        return Tally.objects.filter(block_key=b).values_list("group").distinct().order_by("n")

    assert statements.select("test distinct", groups, "b") == list(groups("b"))
    assert "test distinct" in statements.reused()
