"""What each block asked (``common.descriptions``, decision 46): a process that has read a block's
text in its row sends no read for it again for ``TRUSTED_FOR`` seconds, on SQLite and on MariaDB
(``EMM_DB=mysql``); it never trusts its own write before reading it back, nor what a caller's
transaction may roll back."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from emm_xblocks.common import descriptions
from emm_xblocks.models import EvaluationDescription

pytestmark = pytest.mark.django_db(transaction=True)


def _describe(text, block_key="blk"):
    with CaptureQueriesContext(connection) as sent:
        descriptions.describe(block_key, "course-v1:IOM+EMM+1", "emm_likert", text)
    return [q["sql"] for q in sent.captured_queries]


def _stored(block_key="blk"):
    return list(EvaluationDescription.objects.filter(block_key=block_key).values_list("content", flat=True))


def test_once_read_back_the_same_content_sends_nothing():
    assert len(_describe('{"a": 1}')) > 1  # a read, then the row is created
    assert len(_describe('{"a": 1}')) == 1  # read back: the row says so
    assert _describe('{"a": 1}') == []
    assert _stored() == ['{"a": 1}']


def test_a_row_seen_by_a_read_is_trusted_too():
    EvaluationDescription.objects.create(block_key="blk", course_key="c", block_type="emm_likert", content='{"a": 1}')
    assert len(_describe('{"a": 1}')) == 1  # the read alone: the row already says so
    assert _describe('{"a": 1}') == []


def test_new_content_is_written_at_once_while_the_old_is_trusted():
    _describe('{"a": 1}'), _describe('{"a": 1}')
    assert _describe('{"a": 1}') == []
    assert _describe('{"a": 2}')
    assert _stored() == ['{"a": 2}']
    assert len(_describe('{"a": 2}')) == 1
    assert _describe('{"a": 2}') == []


def test_a_row_another_process_changed_is_set_right_once_the_trust_runs_out(monkeypatch):
    _describe('{"new": 1}'), _describe('{"new": 1}')  # written, then read back: trusted
    # another process, still serving the content before an edit, writes its text after our read
    EvaluationDescription.objects.filter(block_key="blk").update(content='{"old": 1}')
    assert _describe('{"new": 1}') == []  # trusted: not seen yet
    clock = descriptions.time.monotonic() + descriptions.TRUSTED_FOR + 1
    monkeypatch.setattr(descriptions.time, "monotonic", lambda: clock)
    assert _describe('{"new": 1}')
    assert _stored() == ['{"new": 1}']


def test_nothing_is_trusted_from_inside_a_caller_s_transaction():
    class RolledBack(Exception):
        pass

    with pytest.raises(RolledBack), transaction.atomic():
        _describe('{"a": 1}'), _describe('{"a": 1}')
        assert _describe('{"a": 1}')  # read again: what this transaction wrote may be rolled back
        raise RolledBack
    assert _stored() == []
    _describe('{"a": 1}')
    assert _stored() == ['{"a": 1}']


def test_nothing_is_trusted_with_autocommit_off_either():
    """A caller that turned autocommit off (no atomic block) may roll back what it read back."""
    transaction.set_autocommit(False)
    try:
        _describe('{"a": 1}')
        assert _describe('{"a": 1}')  # read back, not trusted
        assert descriptions._known == {}
        transaction.rollback()  # (on SQLite the write was already committed: a savepoint's release commits)
    finally:
        transaction.set_autocommit(True)
    _describe('{"a": 1}')
    assert _stored() == ['{"a": 1}']


def test_each_block_is_trusted_on_its_own():
    _describe('{"a": 1}', "one"), _describe('{"a": 1}', "one")
    assert _describe('{"a": 1}', "two")
    assert _stored("two") == ['{"a": 1}']


def test_a_full_memory_is_emptied_not_grown(monkeypatch):
    monkeypatch.setattr(descriptions, "KNOWN_MAX", 2)
    for key in ("one", "two", "three"):
        _describe("{}", key), _describe("{}", key)
    assert len(descriptions._known) <= 2
    assert _describe("{}", "three") == []


def test_a_save_refreshes_a_described_block_and_never_describes_an_unanswered_one():
    """Trial s12 B1: the author's save (``refresh``) sets the text of a block already described,
    and this process no longer trusts the text it saw there before."""
    _describe('{"a": 1}'), _describe('{"a": 1}')  # trusted
    descriptions.refresh("blk", '{"a": 2}')
    assert _stored() == ['{"a": 2}']
    assert len(_describe('{"a": 1}')) > 1  # not trusted any more: read, found changed, written back
    descriptions.refresh("never-answered", '{"a": 1}')
    assert _stored("never-answered") == []
