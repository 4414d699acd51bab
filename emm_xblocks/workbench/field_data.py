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

``RowsReadOnce`` does the same over xblock-sdk's table: each row read at its first field and kept
for the request (the workbench makes a runtime, so a field-data service, per request:
``workbench/views.py``), a save one read-and-overlay per row. For ``Scope.user_state`` the copy
after a save is what the LMS's is; for the other scopes (content and settings, which the LMS reads
from the modulestore, and the small scopes the LMS keeps one row per field) the saved fields are
laid over the copy.
"""

import json

from workbench.models import XBlockState
from workbench.runtime import WorkbenchDjangoKeyValueStore
from xblock.fields import Scope
from xblock.runtime import KvsFieldData


def _row_of(key):
    """Which copy a field is read from: one per (scope, block, user). ``XBlockState.get_for_key``
    keys a row by the scope's short name, so two scopes may share a row (settings and the user
    state summary, both without a user): two copies of it then, each kept up to date by its saves."""
    return key.scope, key.block_scope_id, key.user_id


class RowsReadOnce(WorkbenchDjangoKeyValueStore):
    """xblock-sdk's key-value store with each row read once (see the module's docstring)."""

    def __init__(self):
        self._rows = {}  # _row_of(key) -> {field name: JSON value}: what this request reads

    def _fields(self, key):
        row = _row_of(key)
        if row not in self._rows:
            self._rows[row] = json.loads(XBlockState.get_for_key(key).state)
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
            record = XBlockState.get_for_key(key)
            record.state = self._to_json_str({**json.loads(record.state), **saved})
            record.save()
            if key.scope == Scope.user_state:
                self._rows[row] = dict(saved)
            else:
                self._rows[row] = {**self._rows.get(row, {}), **saved}

    def delete(self, key):
        super().delete(key)
        self._fields(key).pop(key.field_name, None)


class RequestFieldData(KvsFieldData):
    """The workbench's ``field-data`` service (``settings.WORKBENCH["services"]``): a new
    ``RowsReadOnce`` for each runtime, so for each request."""

    def __init__(self):
        super().__init__(RowsReadOnce())
