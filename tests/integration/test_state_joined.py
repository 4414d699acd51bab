"""Where the database has one writer at a time (SQLite beginning its transactions IMMEDIATE: the
workbench's and the tests' settings), a learner action's store rows and the learner's state are
committed in one transaction (``common.store.state_joined``, decision 67). Where it locks rows (the
LMS's MySQL), the state is saved after the handler, by the runtime, in its own transaction, as
``Runtime.handle`` (``xblock/runtime.py``) calls ``block.save()`` and the LMS's
``DjangoXBlockUserStateClient.set_many`` (``lms/djangoapps/courseware/user_state_client.py``)
writes it (decision 49).

Each test commits for real (``transactional_db``): inside a test's own transaction nothing is
joined, and the trace below is SQLite's own (``BEGIN`` and ``COMMIT`` included)."""

import json
from contextlib import contextmanager

import pytest
from django.db import DatabaseError, connection, transaction
from webob import Request
from workbench.runtime import WorkbenchRuntime

from emm_xblocks.common import descriptions, store
from emm_xblocks.models import Answer, Claim, Submissions
from emm_xblocks.workbench.field_data import RowsReadOnce

sqlite_trace = pytest.mark.skipif(connection.vendor != "sqlite", reason=(
    "the workbench's SQLite, one writer: SQLite's own trace, one transaction (on MariaDB the state is saved "
    "after the submission's commit, as in the LMS: test_the_state_is_saved_where_the_database_allows)"))

CASE = ('<emm_case_study display_name="Joined" attempts_allowed="2" show_distribution="true">'
        '<narrative><![CDATA[<p>A case.</p>]]></narrative>'
        '<question id="q1" type="single"><prompt><![CDATA[<p>Which?</p>]]></prompt>'
        '<option id="a" correct="true">A</option><option id="b">B</option></question>'
        '</emm_case_study>')
SURVEY = ('<emm_likert display_name="Eval"><item id="relevance">The training is relevant to my work.</item>'
          '</emm_likert>')


ANSWER_ROW = 'INSERT INTO "emm_xblocks_answer"'
STATE_ROW = 'INSERT INTO "workbench_xblockstate"'  # a new learner's state: its row made by the save


def place(xml, scenario):
    runtime = WorkbenchRuntime()
    runtime.id_generator.set_scenario(scenario)
    return runtime.parse_xml_string(xml)


def post(usage, learner, handler, data):
    """One request of ``learner``, as the workbench's handler view makes it: a new runtime, whose
    ``handle`` saves the block after the handler."""
    block = WorkbenchRuntime(learner).get_block(usage)
    request = Request.blank("/", method="POST", body=json.dumps(data).encode(), content_type="application/json")
    return block.runtime.handle(block, handler, request)


@contextmanager
def traced():
    """Every statement SQLite runs inside the ``with``, as it runs it."""
    lines = []
    connection.ensure_connection()
    connection.connection.set_trace_callback(lambda sql: lines.append(" ".join(sql.split())))
    try:
        yield lines
    finally:
        connection.connection.set_trace_callback(None)


def commits(lines):
    return [i for i, line in enumerate(lines) if line.startswith("COMMIT")]


def first(lines, start):
    return next(i for i, line in enumerate(lines) if line.startswith(start))


@sqlite_trace
def test_a_submission_s_rows_and_the_learner_s_state_are_one_commit(transactional_db):
    usage = place(CASE, "joined")
    with traced() as lines:
        response = post(usage, "learner_1", "submit", {"answers": {"q1": "a"}})
    assert response.status_code == 200, response.body
    [commit] = commits(lines)
    answers, state = first(lines, ANSWER_ROW), first(lines, STATE_ROW)
    assert first(lines, "BEGIN") < answers < state < commit, lines
    block = WorkbenchRuntime("learner_1").get_block(usage)
    assert (block.attempts, block.answers) == (1, {"q1": "a"})


@sqlite_trace
def test_where_rows_are_locked_the_state_is_saved_after_the_submission_s_commit(transactional_db, monkeypatch):
    """The LMS's way: the submission's transaction commits, then the runtime saves the state in its
    own, so ``set_many``'s ``get_or_create`` does not read ``StudentModule`` from the submission's
    snapshot (decision 49)."""
    monkeypatch.setattr(store, "locks_rows", lambda: True)
    usage = place(CASE, "locked")
    with traced() as lines:
        response = post(usage, "learner_1", "submit", {"answers": {"q1": "a"}})
    assert response.status_code == 200, response.body
    answers, state = first(lines, ANSWER_ROW), first(lines, STATE_ROW)
    assert any(answers < commit < state for commit in commits(lines)), lines
    assert WorkbenchRuntime("learner_1").get_block(usage).attempts == 1


@sqlite_trace
def test_a_state_that_cannot_be_saved_keeps_none_of_the_submission(transactional_db, monkeypatch):
    """The learner's state is not saved (the disk failed): the answers, the tallies and the attempt
    claim go with it, so the learner's next try is taken as the first attempt, not refused as
    "already submitted" while the claim stays."""
    usage = place(CASE, "failing")
    real = RowsReadOnce.set_many

    def failing(kvs, update_dict):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(RowsReadOnce, "set_many", failing)
    with pytest.raises(DatabaseError):
        post(usage, "learner_1", "submit", {"answers": {"q1": "a"}})
    key = str(usage)
    assert not Answer.objects.filter(block_key=key).exists()
    assert not Claim.objects.filter(block_key=key).exists()
    assert not Submissions.objects.filter(block_key=key, n__gt=0).exists()
    monkeypatch.setattr(RowsReadOnce, "set_many", real)
    response = post(usage, "learner_1", "submit", {"answers": {"q1": "b"}})
    assert response.status_code == 200, response.body
    assert json.loads(response.body)["attempt"] == 1
    assert list(Answer.objects.filter(block_key=key).values_list("value", flat=True)) == ["b"]


@sqlite_trace
def test_an_evaluation_s_description_read_in_the_joined_transaction_is_trusted(transactional_db):
    """Decision 46: a process trusts for a minute the description it read in the row. Read inside
    the joined transaction, before it writes anything of its own there, the row is committed data
    (one writer), so the third submission sends no read of it."""
    descriptions.forget_known()
    usage = place(SURVEY, "described")
    for learner in ("learner_1", "learner_2"):
        assert post(usage, learner, "submit", {"answers": {"relevance": 4}}).status_code == 200
    with traced() as lines:
        assert post(usage, "learner_3", "submit", {"answers": {"relevance": 5}}).status_code == 200
    assert not [line for line in lines if "emm_xblocks_evaluationdescription" in line], lines
    assert len(commits(lines)) == 1


def test_the_state_is_saved_where_the_database_allows(transactional_db, monkeypatch):
    """Inside the submission's transaction on the workbench's SQLite (one writer); on MariaDB, as
    on the LMS's MySQL, outside any transaction, after the submission's (run again by ``make test``
    on MariaDB at both isolation levels)."""
    usage = place(CASE, "where")
    real, seen = RowsReadOnce.set_many, []

    def watched(kvs, update_dict):
        seen.append((transaction.get_connection().in_atomic_block,
                     Answer.objects.filter(block_key=str(usage)).count()))
        return real(kvs, update_dict)

    monkeypatch.setattr(RowsReadOnce, "set_many", watched)
    assert post(usage, "learner_1", "submit", {"answers": {"q1": "a"}}).status_code == 200
    assert seen == [(not store.locks_rows(), 1)]
    assert store.locks_rows() is (connection.vendor != "sqlite")


def test_an_answer_built_in_the_joined_transaction_reads_what_the_lms_reads(transactional_db):
    """The answer is built before the state's save, as in the LMS (the runtime saves after the
    handler): after a save the request's copy holds the saved fields alone, so a restart's answer
    built after it read the grade the course kept (``raw_earned``, set here as staff's rescore sets
    it) as unset and named the attempt's 43% instead of the 50% kept (decision 64)."""
    from tests.integration.test_role_play_handlers import SMALL, labelled

    usage = place(SMALL.format(extra='attempts_allowed="3" grade_policy="last"'), "kept")
    r = post(usage, "learner_1", "begin", {"role": "r1"})
    for label in ("Good move", "Finish well"):  # 3 points out of 7: 43 %
        r = post(usage, "learner_1", "choose", {"choice": labelled(r)[label]})
    block = WorkbenchRuntime("learner_1").get_block(usage)
    block.raw_earned = 0.5
    block.save()
    html = post(usage, "learner_1", "restart", {}).json_body["html"]
    # the restart's question names the grade a new attempt replaces: the one kept
    assert "even if it scores less than your 50% now" in html, html



@sqlite_trace
def test_a_live_room_write_that_fails_half_way_is_rolled_back_alone(transactional_db, monkeypatch, caplog):
    """In the joined transaction the live room's writes have a savepoint of their own
    (``LiveRoomMixin.record_live``): a failure after one of them leaves none of the room's answers
    kept, and the learner's submission is kept whole (the room's counts are not worth a learner's
    action)."""
    from emm_xblocks.common import live_store
    from emm_xblocks.models import LiveAnswer

    usage = place(CASE, "room")
    live_store.start(str(usage))
    kept = live_store.write

    def fails_after(work):
        kept(work)  # the room's answer is written...
        raise DatabaseError("disk I/O error")  # ...then the room's next statement fails

    monkeypatch.setattr(live_store, "write", fails_after)
    with traced() as lines:
        response = post(usage, "learner_1", "submit", {"answers": {"q1": "a"}})
    assert response.status_code == 200, response.body
    assert len(commits(lines)) == 1, lines  # the room's write was inside the learner's transaction
    assert "live room: answers of" in caplog.text
    assert not LiveAnswer.objects.exists()  # rolled back with the room's savepoint
    assert list(Answer.objects.filter(block_key=str(usage)).values_list("value", flat=True)) == ["a"]
    assert WorkbenchRuntime("learner_1").get_block(usage).attempts == 1
