"""The workbench's block fields read as the LMS reads a learner's state: once per request.

xblock-sdk's ``WorkbenchDjangoKeyValueStore`` (``workbench/runtime.py``) keeps the fields of one
(scope, block, user) in one ``XBlockState`` row, as the LMS keeps a learner's fields of a block in
one ``StudentModule`` row, but it reads that row again for every field. Two fields of one learner
read in one request could then come from before and after another request's save: a case study's
"not submitted yet" with the next attempt's number, and the learner's first attempt, sent from two
tabs at once, kept twice (issue 7's CI, 1 December 2026).

The LMS reads the row once. ``lms/djangoapps/courseware/model_data.py``: ``FieldDataCache`` loads
the learner's state of the block when the block is loaded for the request
(``UserStateCache.cache_fields``, through ``DjangoXBlockUserStateClient.get_many``) and every
field is read from that copy (``UserStateCache.get``; no row: ``KeyError``, the default). A save
(``UserStateCache.set_many``) goes through ``DjangoXBlockUserStateClient.set_many``
(``lms/djangoapps/courseware/user_state_client.py``), which reads the row again and lays the saved
fields over it (a field another request saved since is kept), one ``UPDATE`` per row; the copy of
the request then holds the saved fields alone (``self._cache.update(pending_updates)``), so a field
read after the save that it did not hold is read as unset.

A read never makes a row: ``get_many`` reads the learner's rows with a filter
(``_get_student_modules``), so a learner who only looked at a block has none and every field reads
as its default; the row is made by the first save (``set_many``'s ``get_or_create``, the state in
the new row), an update otherwise, each in its own transaction (``transaction.atomic``; handlers run
``non_atomic_requests``).

``RowsReadOnce`` does the same over xblock-sdk's table: each row read at its first field and kept
for the request (the workbench makes a runtime, so a field-data service, per request:
``workbench/views.py``), a missing row read as no field (xblock-sdk's own read,
``XBlockState.get_for_key``, makes one, and commits it, for each first look at a block), a save
one read-and-overlay per row in one transaction, which makes the row if it is missing (and, when
another request made it meanwhile, reads it and lays the save over it, as ``get_or_create`` does).
For ``Scope.user_state`` the copy after a save is what the LMS's is; for the other scopes (content
and settings, which the LMS reads from the modulestore, and the small scopes the LMS keeps one row
per field) the saved fields are laid over the copy.
"""

import json

from django.db import IntegrityError, transaction
from workbench.models import XBlockState, shorten_scope_name
from workbench.runtime import WorkbenchDjangoKeyValueStore
from xblock.fields import Scope
from xblock.runtime import KvsFieldData


def _row_of(key):
    """Which copy a field is read from: one per (scope, block, user). ``XBlockState.get_for_key``
    keys a row by the scope's short name, so two scopes may share a row (settings and the user
    state summary, both without a user): two copies of it then, each kept up to date by its saves."""
    return key.scope, key.block_scope_id, key.user_id


def _scope_name(key):
    """The ``scope`` column of the key's row, as ``XBlockState.get_for_key`` names it (``workbench/models.py``)."""
    return shorten_scope_name(key.scope.attr_name if key.scope in (Scope.parent, Scope.children)
                              else key.scope.block.attr_name)


def _rows_of(key):
    """The key's row (at most one: every row is made by ``get_for_key`` or ``_new_row``, under the
    write lock of a transaction on SQLite), as a query."""
    return XBlockState.objects.filter(scope=_scope_name(key), scope_id=key.block_scope_id, user_id=key.user_id)


def _new_row(key, state):
    """The row ``XBlockState.get_for_key`` would make for ``key`` (its scenario and tag taken from the
    scope id, none for the ``type`` and ``all`` scopes), holding ``state``: made with its state in
    one INSERT, as ``set_many``'s ``get_or_create(defaults=...)`` makes a ``StudentModule``."""
    scope = _scope_name(key)
    if scope in ("type", "all"):
        scenario, tag = None, key.block_scope_id
    else:
        scenario, tag, _rest = key.block_scope_id.split(".", 2)
    return XBlockState(scope=scope, scope_id=key.block_scope_id, user_id=key.user_id, scenario=scenario, tag=tag,
                       state=state)


class RowsReadOnce(WorkbenchDjangoKeyValueStore):
    """xblock-sdk's key-value store with each row read once (see the module's docstring)."""

    def __init__(self):
        self._rows = {}  # _row_of(key) -> {field name: JSON value}: what this request reads

    def _fields(self, key):
        row = _row_of(key)
        if row not in self._rows:
            kept = _rows_of(key).values_list("state", flat=True)[:1]
            self._rows[row] = json.loads(kept[0]) if kept else {}
        return self._rows[row]

    def get(self, key):
        return self._fields(key)[key.field_name]

    def has(self, key):
        return key.field_name in self._fields(key)

    def set(self, key, value):
        self.set_many({key: value})

    def set_many(self, update_dict):
        by_row = {}
        for key, value in update_dict.items():
            by_row.setdefault(_row_of(key), (key, {}))[1][key.field_name] = value
        for row, (key, saved) in by_row.items():
            try:
                self._save_row(key, saved, insert=True)
            except IntegrityError:
                # another request made the row between the read and the insert (two first saves at
                # once on MySQL, where the read locks nothing): read it and lay the save over it,
                # as set_many's get_or_create does (Django's QuerySet.get_or_create reads the row
                # again after its insert's IntegrityError, in a new transaction)
                if not self._save_row(key, saved, insert=False):
                    raise
            if key.scope == Scope.user_state:
                self._rows[row] = dict(saved)
            else:
                self._rows[row] = {**self._rows.get(row, {}), **saved}

    def _save_row(self, key, saved, insert):
        """Lay ``saved`` over the key's row in one transaction; no row: make it if ``insert``
        (``IntegrityError`` if another request made it meanwhile), else return False."""
        with transaction.atomic():  # on SQLite (BEGIN IMMEDIATE) two first saves make one row, not two
            record = _rows_of(key).first()
            if record is None:
                if insert:
                    _new_row(key, self._to_json_str(saved)).save(force_insert=True)
                return insert
            record.state = self._to_json_str({**json.loads(record.state), **saved})
            record.save(update_fields=["state"])
            return True

    def delete(self, key):
        super().delete(key)
        self._fields(key).pop(key.field_name, None)


class RequestFieldData(KvsFieldData):
    """The workbench's ``field-data`` service (``settings.WORKBENCH["services"]``): a new
    ``RowsReadOnce`` for each runtime, so for each request."""

    def __init__(self):
        super().__init__(RowsReadOnce())
