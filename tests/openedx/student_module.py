"""The learner's state, one row per (learner, block), as the LMS keeps it.

``lms/djangoapps/courseware/models.py`` ``StudentModule``: ``state`` (the JSON of the block's
``Scope.user_state`` fields), ``grade`` and ``max_grade`` (the score the grades app reads,
``lms/djangoapps/courseware/model_data.py`` ``get_score``/``set_score``). ``DjangoKeyValueStore``
(``model_data.py``) maps ``Scope.user_state`` keys onto the row's state and creates the row on the
first write; the other user scopes live in other tables (here, one dict).

A row is deleted as ``StudentModule.delete()`` deletes it (``lms/djangoapps/instructor/enrollment.py``
``reset_student_attempts``, ``lms/djangoapps/instructor_task/tasks_helper/module_state.py``
``delete_problem_module_state``: both call it on the instance): Django's ``Collector``
(``django/db/models/deletion.py``) sends ``post_delete`` for the row, ``sender`` the model,
``origin`` the instance, ``using`` the database, to every receiver connected to the model (with
one connected, ``can_fast_delete`` is False, so the signal is always sent).
"""

from dataclasses import dataclass, field

from django.db.models.signals import post_delete
from xblock.fields import Scope
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
        """Rows of one block, ordered by username (``list_problem_responses`` orders so)."""
        rows = [r for (_uid, key), r in self.rows.items() if key == usage_key]
        return sorted(rows, key=lambda r: r.student.username)

    def delete(self, user, usage_key):
        """``StudentModule.delete()`` of the learner's row: gone, then ``post_delete`` sent."""
        row = self.rows.pop((user.id, usage_key))
        post_delete.send(sender=StudentModule, instance=row, using="default", origin=row)


class DjangoKeyValueStore(KeyValueStore):
    """The learner's fields over ``StudentModuleTable`` (``courseware/model_data.py``)."""

    def __init__(self, table, users):
        self.table = table
        self.users = users  # user id -> User

    def _row(self, key, create=False):
        user = self.users[key.user_id]
        if create:
            return self.table.get_or_create(user, key.block_scope_id)
        return self.table.get(user, key.block_scope_id)

    def get(self, key):
        if key.scope == Scope.user_state:
            row = self._row(key)
            if row is None or key.field_name not in row.state:
                raise KeyError(key.field_name)
            return row.state[key.field_name]
        return self.table.other[key]

    def set(self, key, value):
        if key.scope == Scope.user_state:
            self._row(key, create=True).state[key.field_name] = value
        else:
            self.table.other[key] = value

    def delete(self, key):
        if key.scope == Scope.user_state:
            row = self._row(key)
            if row is None or key.field_name not in row.state:
                raise KeyError(key.field_name)
            del row.state[key.field_name]
        else:
            del self.table.other[key]

    def has(self, key):
        if key.scope == Scope.user_state:
            row = self._row(key)
            return row is not None and key.field_name in row.state
        return key in self.table.other
