"""The learner's state, one row per (learner, block), as the LMS keeps it.

``lms/djangoapps/courseware/models.py`` ``StudentModule``: ``state`` (the JSON of the block's
``Scope.user_state`` fields), ``grade`` and ``max_grade`` (the score the grades app reads,
``lms/djangoapps/courseware/model_data.py`` ``get_score``/``set_score``); the other user scopes
live in other tables (here, one dict).

A block never reads the table field by field: each request has its own ``FieldDataCache``
(``model_data.py``), a copy of the learner's state of the blocks it loads, read once when the
block is loaded; the block's reads come from that copy, and its saves are laid over the row as it
is then (``UserStateCache`` below, with the copy's quirk after a save).

A row is deleted as ``StudentModule.delete()`` deletes it (``lms/djangoapps/instructor/enrollment.py``
``reset_student_attempts``, ``lms/djangoapps/instructor_task/tasks_helper/module_state.py``
``delete_problem_module_state``: both call it on the instance): Django's ``Collector``
(``django/db/models/deletion.py``) sends ``post_delete`` for the row, ``sender`` the model,
``origin`` the instance, ``using`` the database, to every receiver connected to the model (with
one connected, ``can_fast_delete`` is False, so the signal is always sent).
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models.signals import post_delete
from xblock.fields import Scope, UserScope
from xblock.runtime import KeyValueStore


@dataclass
class StudentModule:
    student: object
    module_state_key: object
    state: dict = field(default_factory=dict)
    grade: float | None = None
    max_grade: float | None = None

    @property
    def course_id(self):
        """The row's ``course_id`` field: the block's course (``model_data.py`` files it so)."""
        return self.module_state_key.context_key


class StudentModuleTable:
    def __init__(self):
        self.rows = {}  # (user id, usage key) -> StudentModule
        self.other = {}  # KeyValueStore.Key of the other user scopes -> JSON value

    def get(self, user, usage_key):
        return self.rows.get((user.id, usage_key))

    def get_or_create(self, user, usage_key):
        row = self.rows.get((user.id, usage_key))
        if row is None:
            row = self.rows[(user.id, usage_key)] = StudentModule(user, usage_key)
        return row

    def for_block(self, usage_key):
        """Rows of one block, ordered by learner (``list_problem_responses``,
        ``lms/djangoapps/instructor_analytics/basic.py``: ``order_by('student')``, the user's id)."""
        rows = [r for (_uid, key), r in self.rows.items() if key == usage_key]
        return sorted(rows, key=lambda r: r.student.id)

    def delete(self, user, usage_key):
        """``StudentModule.delete()`` of the learner's row: gone, then ``post_delete`` sent."""
        row = self.rows.pop((user.id, usage_key))
        post_delete.send(sender=StudentModule, instance=row, using="default", origin=row)


class UserStateCache:
    """A request's copy of the learner's ``Scope.user_state``, block by block:
    ``lms/djangoapps/courseware/model_data.py`` ``UserStateCache`` over
    ``lms/djangoapps/courseware/user_state_client.py`` ``DjangoXBlockUserStateClient``.

    * ``cache_fields``: ``get_many`` reads each block's row once (a row whose state is empty is
      skipped: the block has no state); every later read of the request comes from this copy.
    * ``set_many``: the fields grouped by block; for each block, ``StudentModule.objects.get_or_create``
      then, for a row that existed, the fields laid over the row's state **as it is then** (a field
      another request saved since this one read stays), ``save(force_update=True)``. Then (in a
      ``finally:``) ``self._cache.update(pending_updates)``: the copy of each saved block becomes
      the saved fields **alone**; a field of that block the save did not hold reads as unset (its
      default) for the rest of the request. An anonymous user's state is not written (the
      client returns early), the copy is updated all the same.
    * ``delete``: ``KeyError`` unless the field is in the copy; else it leaves the row
      (``delete_many``: the row read again, the field removed, saved) and the copy.
    """

    def __init__(self, table, user):
        self.table = table
        self.user = user
        self._cache = {}  # usage key -> {field name: value}

    def cache_fields(self, usage_keys):
        for usage_key in usage_keys:
            row = self.table.get(self.user, usage_key)
            if row is not None and row.state:
                self._cache[usage_key] = json.loads(json.dumps(row.state))

    def get(self, key):
        if key.block_scope_id not in self._cache:
            raise KeyError(key.field_name)
        return self._cache[key.block_scope_id][key.field_name]

    def set_many(self, kv_dict):
        pending_updates = defaultdict(dict)
        for key, value in kv_dict.items():
            pending_updates[key.block_scope_id][key.field_name] = value
        try:
            self._client_set_many(pending_updates)
        finally:
            self._cache.update(pending_updates)

    def _client_set_many(self, block_keys_to_state):
        if not self.user.is_authenticated:
            return
        for usage_key, state in block_keys_to_state.items():
            stored = json.loads(json.dumps(state))  # the row holds JSON, not the block's objects
            row = self.table.get(self.user, usage_key)
            if row is None:
                self.table.get_or_create(self.user, usage_key).state = stored
            else:
                row.state = {**json.loads(json.dumps(row.state)), **stored}

    def delete(self, key):
        field_state = self._cache.get(key.block_scope_id)
        if field_state is None or key.field_name not in field_state:
            raise KeyError(key.field_name)
        row = self.table.get(self.user, key.block_scope_id)
        if row is not None:
            row.state = {k: v for k, v in row.state.items() if k != key.field_name}
        del field_state[key.field_name]

    def has(self, key):
        return key.field_name in self._cache.get(key.block_scope_id, {})


class FieldCache:
    """The other user scopes (one row per field): ``model_data.py`` ``DjangoOrmFieldCache``
    (``UserStateSummaryCache``, ``PreferencesCache``, ``UserInfoCache``): the block's rows read
    into the request's copy when it is loaded; reads from the copy; a write goes to the row and the
    copy; a delete raises ``KeyError`` unless the field is in the copy."""

    def __init__(self, table, user):
        self.table = table
        self.user = user
        self._cache = {}

    def cache_fields(self, usage_keys):
        scopes = {None, *usage_keys, *(k.block_type for k in usage_keys)}
        for key, value in self.table.other.items():
            if key.user_id in (None, self.user.id) and key.block_scope_id in scopes:
                self._cache[key] = json.loads(json.dumps(value))

    def get(self, key):
        return self._cache[key]

    def set_many(self, kv_dict):
        for key, value in kv_dict.items():
            self.table.other[key] = json.loads(json.dumps(value))
            self._cache[key] = value

    def delete(self, key):
        if key not in self._cache:
            raise KeyError(key.field_name)
        self.table.other.pop(key, None)
        del self._cache[key]

    def has(self, key):
        return key in self._cache


class FieldDataCache:
    """``model_data.py`` ``FieldDataCache``: one per request, for the user the block is loaded for
    (the learner, also while staff masquerade as them). ``add_blocks_to_cache`` (called when the
    request loads a block: ``cache_for_block_descendents``) reads the blocks' state, for an
    authenticated user only; reads, writes and deletes go to the scope's cache."""

    def __init__(self, table, user):
        self.user = user
        user_state, other = UserStateCache(table, user), FieldCache(table, user)
        self._caches = (user_state, other)
        self.cache = {Scope.user_state: user_state, Scope.user_state_summary: other, Scope.preferences: other,
                      Scope.user_info: other}

    def add_blocks_to_cache(self, usage_keys):
        if self.user.is_authenticated:
            for cache in self._caches:
                cache.cache_fields(usage_keys)

    def _check(self, key):
        if key.scope.user == UserScope.ONE and self.user.is_authenticated:
            assert key.user_id == self.user.id, "the key is another user's"

    def get(self, key):
        self._check(key)
        return self.cache[key.scope].get(key)

    def set_many(self, kv_dict):
        by_scope = defaultdict(dict)
        for key, value in kv_dict.items():
            self._check(key)
            by_scope[self.cache[key.scope]][key] = value
        for cache, values in by_scope.items():
            cache.set_many(values)

    def delete(self, key):
        self._check(key)
        self.cache[key.scope].delete(key)

    def has(self, key):
        self._check(key)
        return self.cache[key.scope].has(key)


class DjangoKeyValueStore(KeyValueStore):
    """``model_data.py`` ``DjangoKeyValueStore``: the learner's fields over the request's
    ``FieldDataCache``; ``set`` is ``set_many`` of one field (so it too leaves the block's copy
    holding that field alone)."""

    def __init__(self, field_data_cache):
        self._field_data_cache = field_data_cache

    def get(self, key):
        return self._field_data_cache.get(key)

    def set(self, key, value):
        self.set_many({key: value})

    def set_many(self, kv_dict):
        self._field_data_cache.set_many(kv_dict)

    def delete(self, key):
        self._field_data_cache.delete(key)

    def has(self, key):
        return self._field_data_cache.has(key)
