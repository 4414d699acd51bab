"""The aggregate store on the database the settings name (SQLite, or MariaDB with ``EMM_DB=mysql``
at REPEATABLE READ or READ COMMITTED): races between real connections, ids that differ by case,
the column types of older installs, text the database cannot hold."""

import uuid

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from emm_xblocks.common import answer_rows, store, summary, transactions
from emm_xblocks.models import Answer, Claim, Comment
from tests.integration.store_races import deadlocked_inserts, race

pytestmark = pytest.mark.django_db(transaction=True)

mysql_only = pytest.mark.skipif(connection.vendor != "mysql", reason="MySQL/MariaDB column types (EMM_DB=mysql)")


def test_anonymous_claim_race_has_exactly_one_winner():
    outcomes = race(8, lambda i: store.record("blk", {"a": str(i)}, claim=("learner", "likert-anonymous")))
    won = [r for _, r in outcomes if isinstance(r, uuid.UUID)]
    lost = [r for _, r in outcomes if isinstance(r, store.AlreadyClaimed)]
    assert (len(won), len(lost)) == (1, 7), outcomes
    assert Answer.objects.filter(block_key="blk").count() == 1
    assert Claim.objects.filter(block_key="blk").count() == 1


def test_attempt_claims_race_for_one_number():
    outcomes = race(8, lambda i: store.claim("blk", "learner", "attempt-1", stale_after=120))
    assert sum(isinstance(r, store.Taken) for _, r in outcomes) == 1, outcomes
    assert sum(isinstance(r, store.AlreadyClaimed) for _, r in outcomes) == 7


def test_stale_attempt_claim_is_taken_over_by_one_request_only():
    Claim.objects.create(block_key="blk", user_key="learner", slot="attempt-1",
                         taken=timezone.now() - timezone.timedelta(hours=1))
    outcomes = race(8, lambda i: store.claim("blk", "learner", "attempt-1", stale_after=120))
    assert sum(isinstance(r, store.Taken) for _, r in outcomes) == 1, outcomes


def test_named_submissions_of_one_learner_at_once_leave_one():
    outcomes = race(8, lambda i: store.record("blk", {"a": str(i), "b": "1"}, user_key="alice", replace=True,
                                              comment=f"take {i}"))
    assert all(isinstance(r, uuid.UUID) for _, r in outcomes), outcomes
    assert Answer.objects.filter(block_key="blk", user_key="alice").count() == 2
    assert Answer.objects.filter(block_key="blk").values("submission").distinct().count() == 1
    assert Comment.objects.filter(block_key="blk", user_key="alice").count() == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's transaction modes (MariaDB always locks the row)")
def test_sqlite_takes_the_learner_s_lock_row_only_where_transactions_may_overlap(monkeypatch):
    """The race above holds on SQLite because the settings begin every transaction IMMEDIATE (the
    database's one write lock from the first statement), so no lock row is kept there; in SQLite's
    default mode two transactions may both read a learner's earlier rows before either writes, and
    the learner's lock row is taken as on MariaDB."""
    options = connection.settings_dict["OPTIONS"]
    monkeypatch.setitem(options, "transaction_mode", None)
    store.record("blk", {"a": "1"}, user_key="alice", replace=True)
    monkeypatch.setitem(options, "transaction_mode", "IMMEDIATE")
    store.record("blk", {"a": "2"}, user_key="bob", replace=True)
    store.record("blk", {"a": "3"}, user_key="bob", replace=True)
    assert list(Claim.objects.filter(slot=store.RESPONDENT).values_list("user_key", flat=True)) == ["alice"]
    assert summary.tallies("blk") == {"a": {"1": 1, "3": 1}}


def claimed(slot, user="learner"):
    return Claim.objects.filter(block_key="blk", user_key=user, slot=slot).exists()


def test_claim_is_given_back_when_the_work_after_it_fails():
    with pytest.raises(RuntimeError), store.claims_released_on_failure():
        store.claim("blk", "learner", "attempt-2", stale_after=120)
        raise RuntimeError("the rest of the submit failed")
    assert not claimed("attempt-2")
    with store.claims_released_on_failure():
        store.claim("blk", "learner", "attempt-2", stale_after=120)  # tried again at once, kept this time
    assert claimed("attempt-2")
    with pytest.raises(store.AlreadyClaimed):
        store.claim("blk", "learner", "attempt-2", stale_after=120)


def test_ids_that_differ_by_case_never_merge():
    store.record("blk", {"Pace": "1", "pace": "5"}, user_key="Alice", replace=True)
    store.record("blk", {"Pace": "2"}, user_key="alice", replace=True)  # must not delete Alice's rows
    assert Answer.objects.filter(block_key="blk", user_key="Alice").count() == 2
    assert summary.tallies("blk") == {"Pace": {"1": 1, "2": 1}, "pace": {"5": 1}}
    assert summary.tallies("BLK") == {}
    store.claim("blk", "bob", "Attempt-1")
    store.claim("blk", "bob", "attempt-1")  # another slot, not a duplicate
    store.claim("blk", "Bob", "attempt-1")
    assert Claim.objects.filter(block_key="blk").exclude(slot=store.RESPONDENT).count() == 3


def test_export_streams_in_pages_keeping_each_submission_whole():
    for i in range(30):
        store.record("blk", {"a": str(i % 5), "b": "1", "c": "2"}, user_key=f"u{i}", replace=True,
                     comment=f"note {i}" if i % 3 == 0 else "")
    store.record("other", {"a": "1"})
    for chunk in (1, 7, 2000):  # 1: every submission is longer than a page
        exported = list(answer_rows.export_rows("blk").iterator(chunk_size=chunk))
        assert len(exported) == 90
        runs = [submission for n, (submission, *_rest) in enumerate(exported)
                if n == 0 or exported[n - 1][0] != submission]
        assert len(runs) == len(set(runs)) == 30  # each submission's rows together, once
    exported = list(answer_rows.export_submissions("blk", chunk_size=7))
    assert len(exported) == 30
    assert {user: (answers, comment) for _s, user, _d, answers, comment in exported}["u3"] == (
        {"a": "3", "b": "1", "c": "2"}, "note 3")
    assert sum(1 for *_rest, comment in exported if comment) == 10


def _columns(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT column_name, data_type, collation_name FROM information_schema.columns"
                       " WHERE table_schema = DATABASE() AND table_name = %s", [table])
        return {name: (kind, collation) for name, kind, collation in cursor.fetchall()}


@mysql_only
def test_mysql_columns_are_binary_ids_and_hex_uuids():
    answer = _columns("emm_xblocks_answer")
    assert answer["id"][0] == "char" and answer["submission"][0] == "char"
    assert {answer[c][1] for c in ("block_key", "group", "value", "user_key", "role")} == {"utf8mb4_bin"}
    assert _columns("emm_xblocks_tally")["split"][1] == "utf8mb4_bin"
    assert _columns("emm_xblocks_claim")["slot"][1] == "utf8mb4_bin"


def _plain_indexes(model):
    """The columns of each plain (not unique) index of ``model``'s table."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return sorted(tuple(c["columns"]) for c in constraints.values()
                  if c["index"] and not c["primary_key"] and not c["unique"])


def _comment_indexes():
    return _plain_indexes(Comment)


def test_migration_0009_drops_the_comments_own_block_key_index_and_back():
    """Both other indexes of the comments lead with ``block_key``: its own index goes, comments stay
    (and on MySQL/MariaDB the column keeps its exact collation), and going back makes it again."""
    from django.core.management import call_command

    store.record("blk", {"a": "1"}, comment="Merci")
    kept = [("block_key", "submission"), ("block_key", "user_key")]
    assert _comment_indexes() == kept
    call_command("migrate", "emm_xblocks", "0008_answer_role_tally_split", verbosity=0)
    try:
        assert _comment_indexes() == sorted([("block_key",), *kept])
    finally:
        call_command("migrate", "emm_xblocks", verbosity=0)
    assert _comment_indexes() == kept
    assert answer_rows.comments_page("blk")[0] == ["Merci"]
    store.record("blk", {"a": "2"}, comment="Encore")
    assert answer_rows.comments_page("blk")[0] == ["Encore", "Merci"]
    if connection.vendor == "mysql":
        assert _columns("emm_xblocks_comment")["block_key"][1] == "utf8mb4_bin"


def _answer_indexes():
    return _plain_indexes(Answer)


def test_migration_0010_drops_the_answers_tally_index_and_back():
    """No request reads answers by (block, group, value) since the summary keeps the counts: the
    index goes, the rows and the check that the summary equals them stay, going back makes it again."""
    from django.core.management import call_command

    store.record("blk", {"a": "1", "b": "2"}, user_key="u1", replace=True)
    kept = [("block_key", "submission", "group"), ("block_key", "user_key")]
    assert _answer_indexes() == kept
    call_command("migrate", "emm_xblocks", "0009_comment_block_key_index_dropped", verbosity=0)
    try:
        assert _answer_indexes() == sorted([("block_key", "group", "value"), *kept])
    finally:
        call_command("migrate", "emm_xblocks", verbosity=0)
    assert _answer_indexes() == kept
    store.record("blk", {"a": "3"}, user_key="u2", replace=True)
    assert (summary.respondents("blk"), summary.tallies("blk")) == summary.counted_from_rows("blk") == (
        2, {"a": {"1": 1, "3": 1}, "b": {"2": 1}})


def _summary_migration():
    import importlib

    return importlib.import_module("emm_xblocks.migrations.0004_tally_submissions")


@mysql_only
def test_an_install_with_native_uuid_columns_is_converted_and_keeps_its_rows():
    """Django 5 on MariaDB >= 10.7 created ``uuid`` columns; migration 0003 brings them to char(32)."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("emm_xblocks.migrations.0003_exact_ids_hex_uuids")
    old = uuid.uuid4()
    with connection.cursor() as cursor:
        for column in ("id", "submission"):
            cursor.execute(f"ALTER TABLE emm_xblocks_answer MODIFY `{column}` uuid NOT NULL")
        cursor.execute("INSERT INTO emm_xblocks_answer (id, block_key, submission, `group`, value, user_key, day)"
                       " VALUES (%s, 'blk', %s, 'a', '3', '', '2026-01-01')", [str(uuid.uuid4()), str(old)])
    with connection.schema_editor() as editor:
        migration._mysql_columns(apps, editor)
        _summary_migration().build_summary(apps, editor)  # then 0004 counts the rows it kept
    assert _columns("emm_xblocks_answer")["submission"][0] == "char"
    store.record("blk", {"a": "4"})
    assert summary.respondents("blk") == 2
    assert old in {row[0] for row in answer_rows.export_rows("blk")}


@mysql_only
def test_old_char32_uuid_columns_keep_working():
    """The column type every install made before Django 5.0 has (and MySQL 8 today): char(32) hex,
    rows written by that older Django; migration 0003 leaves them as they are and the store reads them."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("emm_xblocks.migrations.0003_exact_ids_hex_uuids")
    old = uuid.uuid4()
    with connection.cursor() as cursor:
        for table, column in (("answer", "id"), ("answer", "submission"), ("claim", "id")):
            cursor.execute(f"ALTER TABLE emm_xblocks_{table} MODIFY `{column}` char(32) NOT NULL")
        cursor.execute("INSERT INTO emm_xblocks_answer (id, block_key, submission, `group`, value, user_key, day)"
                       " VALUES (%s, 'blk', %s, 'a', '3', 'alice', '2025-06-01')", [uuid.uuid4().hex, old.hex])
    with connection.schema_editor() as editor:
        migration._mysql_columns(apps, editor)
        _summary_migration().build_summary(apps, editor)
    assert _columns("emm_xblocks_answer")["submission"][0] == "char"
    assert old in {row[0] for row in answer_rows.export_rows("blk")}
    store.record("blk", {"a": "5"}, user_key="alice", replace=True)  # deletes the old row by its char(32) id
    assert summary.tallies("blk") == {"a": {"5": 1}}
    store.claim("blk", "alice", "attempt-1")
    assert claimed("attempt-1", user="alice")


@mysql_only
def test_an_emoji_on_a_utf8mb3_database_is_a_clear_error():
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE emm_xblocks_comment MODIFY text longtext CHARACTER SET utf8mb3 NOT NULL")
    try:
        with pytest.raises(transactions.TextNotStorable):
            store.record("blk", {"a": "1"}, comment="Très bien 👍")
        assert Answer.objects.filter(block_key="blk").count() == 0  # nothing half-stored
        store.record("blk", {"a": "1"}, comment="Très bien")
        assert Comment.objects.get(block_key="blk").text == "Très bien"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE emm_xblocks_comment MODIFY text longtext CHARACTER SET utf8mb4 NOT NULL")


@mysql_only
def test_an_emoji_comment_on_utf8mb3_is_a_translated_400_not_a_500(scenario, handlers):
    uid = scenario('<emm_likert display_name="Eval" comment="true" anonymous="false">'
                   '<item id="a">A</item></emm_likert>')
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE emm_xblocks_comment MODIFY text longtext CHARACTER SET utf8mb3 NOT NULL")
    try:
        r = handlers.post(uid, "submit", {"answers": {"a": 4}, "comment": "Très bien 👍"}, lang="fr")
        assert r.status_code == 400, r.content
        assert r.json_body["error"] == "text_not_storable"
        assert "émoji" in r.json_body["message"]
        assert handlers.post(uid, "submit", {"answers": {"a": 4}, "comment": "Très bien"}).status_code == 200
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE emm_xblocks_comment MODIFY text longtext CHARACTER SET utf8mb4 NOT NULL")


def test_a_deadlocked_write_is_retried_whole(monkeypatch):
    """InnoDB rolls the whole transaction back on a deadlock: the store runs it again from the start."""
    monkeypatch.setattr(transactions.time, "sleep", lambda seconds: None)
    with deadlocked_inserts(Answer, times=2) as inserts:
        store.record("blk", {"a": "1", "b": "2"}, comment="hello", claim=("learner", "likert-anonymous"))
    assert inserts == [2, 2, 2]
    # the claim and the comment of the failed tries were rolled back with them: one of each
    assert Claim.objects.filter(block_key="blk").count() == 1
    assert Comment.objects.filter(block_key="blk").count() == 1
    assert Answer.objects.filter(block_key="blk").count() == 2


def test_a_write_still_deadlocked_after_every_retry_is_busy_and_leaves_nothing(monkeypatch):
    monkeypatch.setattr(transactions.time, "sleep", lambda seconds: None)
    with pytest.raises(transactions.Busy), deadlocked_inserts(Answer, times=transactions.ATTEMPTS):
        store.record("blk", {"a": "1"}, claim=("learner", "likert-anonymous"))
    assert not claimed("likert-anonymous")


CASE = """<emm_case_study display_name="Case" max_attempts="2" show_distribution="true">
  <narrative><![CDATA[<p>Narrative.</p>]]></narrative>
  <question id="q1" type="single" points="2"><prompt><![CDATA[<p>Pick one.</p>]]></prompt>
    <option id="a" correct="true">Alpha</option><option id="b">Beta</option></question>
</emm_case_study>"""


def test_an_attempt_claimed_by_a_submit_whose_store_write_fails_is_released(scenario, handlers, monkeypatch):
    """The case-study submit claims attempt 1, then its distribution rows cannot be written."""
    uid = scenario(CASE)

    def busy(*args, **kwargs):
        raise transactions.Busy("lock wait timeout, every retry")

    monkeypatch.setattr(store, "record", busy)
    r = handlers.post(uid, "submit", {"answers": {"q1": "a"}})
    assert r.status_code == 503 and r.json_body["error"] == "busy"
    assert "moment" in r.json_body["message"]
    assert not Claim.objects.filter(block_key=uid, slot="attempt-1").exists()


def test_an_attempt_kept_with_its_rows_is_released_when_a_later_step_fails(scenario, handlers, monkeypatch):
    """The case-study submit keeps its attempt claim and its rows in one transaction (decision 42);
    a step after it fails (the learner's state cannot be saved): the attempt is free again, so the
    learner is not told it "was already submitted" when they send it again."""
    from emm_xblocks.case_study.block import CaseStudyBlock

    uid = scenario(CASE)

    def broken(self, state):
        raise RuntimeError("the learner's state could not be saved")

    with monkeypatch.context() as patched:
        patched.setattr(CaseStudyBlock, "keep_state", broken)
        failed = handlers.post(uid, "submit", {"answers": {"q1": "a"}})
    assert failed.status_code == 500  # the platform's answer to a handler's unexpected error
    assert not Claim.objects.filter(block_key=uid, slot="attempt-1").exists()
    r = handlers.post(uid, "submit", {"answers": {"q1": "a"}})
    assert r.status_code == 200 and r.json_body["attempt"] == 1
    assert Claim.objects.filter(block_key=uid, slot="attempt-1").count() == 1


def _statements_of(work):
    """The SQL ``work()`` sends, as the database cursor sees it (``BEGIN``/``SAVEPOINT`` included)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        work()
    return [q["sql"].split()[0].upper() for q in captured.captured_queries]


def test_a_claim_is_one_statement_in_autocommit_kept_whole_and_retried_on_a_deadlock(monkeypatch):
    """``store.claim`` is one INSERT (the slot and the action's) sent in autocommit, without a
    transaction of its own (``transactions.write_one``): committed at once, both rows or none,
    and sent again when InnoDB picks it as a deadlock's victim."""
    sent = _statements_of(lambda: store.claim("blk", "learner", "attempt-1", stale_after=120, tag="act-1"))
    assert sent == ["INSERT"]
    assert sorted(Claim.objects.filter(block_key="blk").values_list("slot", flat=True)) == ["act-1", "attempt-1"]
    with pytest.raises(store.AlreadyClaimed):  # the slot taken: neither row of this INSERT is kept
        store.claim("blk", "learner", "attempt-1", tag="act-2")
    assert not Claim.objects.filter(block_key="blk", slot="act-2").exists()
    monkeypatch.setattr(transactions.time, "sleep", lambda seconds: None)
    with deadlocked_inserts(Claim, times=2) as inserts:
        store.claim("blk", "learner", "attempt-2", tag="act-3")
    assert inserts == [2, 2, 2]
    assert Claim.objects.filter(block_key="blk", slot__in=["attempt-2", "act-3"]).count() == 2


def test_a_claim_inside_a_callers_transaction_gets_a_savepoint():
    """Inside a caller's transaction (a test, a management command) ``write_one`` is ``write``: a
    taken slot rolls back its savepoint only, and the caller's transaction goes on."""
    from django.db import transaction

    with transaction.atomic():
        store.claim("blk", "learner", "attempt-1")
        with pytest.raises(store.AlreadyClaimed):
            store.claim("blk", "learner", "attempt-1")
        store.claim("blk", "learner", "attempt-2")
    assert Claim.objects.filter(block_key="blk").count() == 2


def test_every_migration_reverses_so_an_admin_can_remove_what_the_package_stored():
    """The plugin's README, uninstall: ``migrate emm_xblocks zero`` before removing the package
    deletes its tables (comments, paired results, counts); every migration reverses, and forward
    again makes them anew (trial s31, a platform admin)."""
    from django.core.management import call_command

    store.record("blk", {"a": "1"}, comment="Merci")
    ours = {m._meta.db_table for m in apps.get_app_config("emm_xblocks").get_models()}
    call_command("migrate", "emm_xblocks", "zero", verbosity=0)
    try:
        assert not ours & set(connection.introspection.table_names())
    finally:
        call_command("migrate", "emm_xblocks", verbosity=0)
    assert ours <= set(connection.introspection.table_names())
    assert answer_rows.comments_page("blk") == ([], None)  # removed with its table
    store.record("blk", {"a": "2"}, comment="Encore")
    assert answer_rows.comments_page("blk")[0] == ["Encore"]
