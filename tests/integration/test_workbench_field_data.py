"""The workbench reads a learner's state as the LMS does (``emm_xblocks/workbench/field_data.py``,
following ``lms/djangoapps/courseware/model_data.py`` ``UserStateCache`` and
``lms/djangoapps/courseware/user_state_client.py`` ``DjangoXBlockUserStateClient.set_many``).

Each ``RowsReadOnce`` below is one request's store (the workbench makes one per request)."""

import json

import pytest
from django.db import connection
from workbench.runtime import WorkbenchRuntime
from xblock.fields import Scope
from xblock.runtime import KeyValueStore, KvsFieldData

from emm_xblocks.models import Claim
from emm_xblocks.workbench.field_data import RequestFieldData, RowsReadOnce

BLOCK = "fielddata.emm_case_study.d0.u0"


def key(name, learner="learner_1", scope=Scope.user_state):
    return KeyValueStore.Key(scope=scope, user_id=learner, block_scope_id=BLOCK, field_name=name,
                             block_family="xblock.v1")


@pytest.fixture
def learner_state(db):
    """A learner who has not submitted yet."""
    RowsReadOnce().set_many({key("submitted"): False, key("attempts"): 0, key("answers"): {}})


def test_two_fields_of_one_request_come_from_one_read_of_the_row(learner_state):
    """Another tab's submit saved between this request's two reads: the second read is of the
    state as it was at the first (else "not submitted" with the next attempt's number, and the
    first attempt kept twice)."""
    request = RowsReadOnce()
    assert request.get(key("submitted")) is False
    RowsReadOnce().set_many({key("submitted"): True, key("attempts"): 1, key("answers"): {"q1": "a"}})
    assert (request.get(key("attempts")), request.get(key("answers"))) == (0, {})
    assert RowsReadOnce().get(key("attempts")) == 1  # the next request reads the save


def test_a_save_lays_its_fields_over_the_row_as_it_is_then(learner_state):
    """A field another request saved since this one read the row is kept (``set_many`` reads the
    row again and updates it), and the saved fields are there too."""
    request = RowsReadOnce()
    assert request.get(key("answers")) == {}
    RowsReadOnce().set_many({key("answers"): {"q1": "b"}})
    request.set_many({key("attempts"): 2, key("submitted"): True})
    assert {name: RowsReadOnce().get(key(name)) for name in ("submitted", "attempts", "answers")} == {
        "submitted": True, "attempts": 2, "answers": {"q1": "b"}}


def test_after_a_save_the_request_holds_the_saved_fields_alone(learner_state):
    """``UserStateCache.set_many`` ends with ``self._cache.update(pending_updates)``: a learner
    field the save did not hold reads as unset in the rest of the request, as in the LMS."""
    request = RowsReadOnce()
    request.set_many({key("attempts"): 1})
    assert request.get(key("attempts")) == 1
    with pytest.raises(KeyError):
        request.get(key("answers"))
    assert RowsReadOnce().get(key("answers")) == {}


def test_other_scopes_keep_what_was_read_beside_a_save(db):
    settings = [key("display_name", None, Scope.settings), key("weight", None, Scope.settings)]
    RowsReadOnce().set_many({settings[0]: "Case", settings[1]: 1.0})
    request = RowsReadOnce()
    assert request.get(settings[1]) == 1.0
    request.set_many({settings[0]: "Cas"})
    assert (request.get(settings[0]), request.get(settings[1])) == ("Cas", 1.0)


def test_the_workbench_runtime_uses_it(db):
    """The service is named in the workbench's settings; xblock-sdk would fall back to its own
    store, silently, if the name did not import (``WorkbenchRuntime._load_service``)."""
    runtime = WorkbenchRuntime("learner_1")
    assert isinstance(runtime._services["field-data"], RequestFieldData)  # noqa: SLF001
    assert runtime._services["field-data"]._kvs is not WorkbenchRuntime("learner_1")._services[  # noqa: SLF001
        "field-data"]._kvs  # noqa: SLF001 - one store per runtime, so per request


CASE = ('<emm_case_study display_name="Two tabs" attempts_allowed="2">'
        '<narrative><![CDATA[<p>A case.</p>]]></narrative>'
        '<question id="q1" type="single"><prompt><![CDATA[<p>Which?</p>]]></prompt>'
        '<option id="a" correct="true">A</option><option id="b">B</option></question>'
        '</emm_case_study>')


def submit(usage, learner, answer):
    from webob import Request

    block = WorkbenchRuntime(learner).get_block(usage)
    request = Request.blank("/", method="POST", body=json.dumps({"answers": {"q1": answer}}).encode(),
                            content_type="application/json")
    return block.runtime.handle(block, "submit", request)


def test_a_first_attempt_sent_from_two_tabs_is_kept_once(transactional_db, monkeypatch):
    """Tab B's whole submit lands while tab A reads the learner's state, just after A read
    ``submitted`` (what eight tabs at once did in CI): A is refused, and the learner has one
    attempt, one claim, one score. With a read of the row per field, A read "not submitted" and
    then B's attempt number, and kept a second attempt of its own."""
    runtime = WorkbenchRuntime()
    runtime.id_generator.set_scenario("twotabs")
    usage = runtime.parse_xml_string(CASE)
    real = KvsFieldData.get
    tab_b = []

    def get(field_data, block, name):
        try:
            return real(field_data, block, name)  # a new learner's field: KeyError, its default
        finally:
            if name == "submitted" and block.scope_ids.user_id == "tapper" and not tab_b:
                tab_b.append(None)
                tab_b[0] = submit(usage, "tapper", "b")  # B's request, start to end

    monkeypatch.setattr(KvsFieldData, "get", get)
    tab_a = submit(usage, "tapper", "a")
    assert tab_b[0].status_code == 200, tab_b[0].body
    assert tab_a.status_code == 409 and json.loads(tab_a.body)["error"] in ("submit_conflict", "already_submitted")
    monkeypatch.undo()
    block = WorkbenchRuntime("tapper").get_block(usage)
    assert (block.attempts, block.answers, len(block.history)) == (1, {"q1": "b"}, 1)
    assert list(Claim.objects.filter(block_key=str(usage)).values_list("slot", flat=True)) == ["attempt-1"]


def test_a_learner_who_only_looks_has_no_row_and_the_first_save_makes_one(db):
    """``DjangoXBlockUserStateClient.get_many`` reads with a filter: a learner who only opened a
    block has no ``StudentModule`` row, every field its default; ``set_many``'s ``get_or_create``
    makes the row at the first save, with the saved fields in it."""
    from workbench.models import XBlockState

    runtime = WorkbenchRuntime()
    runtime.id_generator.set_scenario("looker")
    usage = runtime.parse_xml_string(CASE)
    WorkbenchRuntime("looker").get_block(usage).render("student_view")
    assert not XBlockState.objects.filter(user_id="looker").exists()
    request = RowsReadOnce()
    with pytest.raises(KeyError):
        request.get(key("answers", "looker"))
    assert not request.has(key("attempts", "looker"))
    request.set_many({key("attempts", "looker"): 1})
    assert [json.loads(state) for state in XBlockState.objects.filter(user_id="looker").values_list(
        "state", flat=True)] == [{"attempts": 1}]
    assert submit(usage, "looker", "a").status_code == 200
    assert XBlockState.objects.filter(user_id="looker", scope_id=str(usage)).count() == 1


@pytest.fixture
def one_state_row(transactional_db):
    """The LMS's one row per learner and block (``tests/server.py``'s state key) on the test database."""
    from tests.server import STATE_KEY, state_key_sql

    with connection.cursor() as cursor:
        cursor.execute(state_key_sql(connection.vendor == "mysql"))
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {STATE_KEY} ON workbench_xblockstate" if connection.vendor == "mysql"
                       else f"DROP INDEX {STATE_KEY}")


@pytest.mark.skipif(connection.vendor != "mysql", reason=(
    "the workbench's SQLite, one writer: its BEGIN IMMEDIATE holds the write lock from the read to the"
    " insert, so no other save comes between them (on MariaDB the read locks nothing: this test runs there)"))
def test_two_first_saves_at_once_make_one_row_holding_both(one_state_row):
    """A learner's first two saves at once, on MySQL: the other request's insert lands between this
    one's read (no row yet) and its insert, which the unique key refuses. As ``set_many``'s
    ``get_or_create`` (``lms/djangoapps/courseware/user_state_client.py``) this one then reads the
    row the other made and lays its fields over it; it answered 500 before (CI, 7 December 2026:
    one learner's submit from eight threads at READ COMMITTED)."""
    import threading

    from workbench.models import XBlockState

    other = []

    def other_request_saves_first(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not other and sql.lstrip().upper().startswith("SELECT") and "workbench_xblockstate" in sql:
            other.append(threading.Thread(target=lambda: RowsReadOnce().set_many(
                {key("answers", "racer"): {"q1": "a"}, key("attempts", "racer"): 1})))
            other[0].start()
            other[0].join()  # its own connection: committed before this request's insert
        return result

    request = RowsReadOnce()
    with connection.execute_wrapper(other_request_saves_first):
        request.set_many({key("submitted", "racer"): True, key("attempts", "racer"): 2})
    assert other, "the other request did not run"
    rows = XBlockState.objects.filter(user_id="racer")
    assert rows.count() == 1
    assert json.loads(rows.get().state) == {"answers": {"q1": "a"}, "attempts": 2, "submitted": True}
    assert (request.get(key("submitted", "racer")), request.get(key("attempts", "racer"))) == (True, 2)
