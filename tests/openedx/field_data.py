"""Where a block's fields live in each context.

* ``lms_field_data``: ``lms/djangoapps/lms_xblock/field_data.py`` (``LmsFieldData``) over
  edx-when's ``DateLookupFieldData`` (``dates.py``): content,
  settings, parent and children come from the authored data wrapped in XBlock's
  ``ReadOnlyFieldData`` (a save of such a field raises ``InvalidScopeError``); the user scopes
  come from the learner's data (``KvsFieldData`` over the StudentModule store, or over
  ``MasqueradingKeyValueStore`` when staff view the course as a specific learner,
  ``lms/djangoapps/courseware/block_render.py::get_block_for_descriptor``).
* ``cms_field_data``: ``cms/lib/xblock/field_data.py`` (``CmsFieldData``): the same split, but the
  authored data is writable (Studio's preview of a block with ``author_view`` and the editor).
* ``unbound_field_data``: a block loaded from the modulestore with no learner bound (the mobile
  Blocks API's ``collect``, the problem-responses report, the grades transformer):
  ``xmodule/modulestore/split_mongo/split_mongo_kvs.py`` answers ``has() == False`` for user
  scopes (so they read their defaults) and raises ``InvalidScopeError`` on a write.
"""

from xblock.exceptions import InvalidScopeError
from xblock.field_data import FieldData, ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope

from .dates import DateLookupFieldData
from .inheritance import InheritingFieldData

AUTHORED_SCOPES = (Scope.content, Scope.settings, Scope.parent, Scope.children)
USER_SCOPES = (Scope.user_state_summary, Scope.user_state, Scope.user_info, Scope.preferences)


def _split(authored, student):
    return SplitFieldData({**{s: authored for s in AUTHORED_SCOPES}, **{s: student for s in USER_SCOPES}})


def lms_field_data(authored_kvs, student_data, dates=None):
    """``dates``: the learner's dates in edx-when (``dates.CourseDates.for_user``), read before the
    authored fields (``dates.DateLookupFieldData``, the first of ``block_render.py``'s wrappers)."""
    authored = InheritingFieldData(authored_kvs)
    if dates is not None:
        authored = DateLookupFieldData(authored, dates)
    return _split(ReadOnlyFieldData(authored), student_data)


def cms_field_data(authored_kvs, student_data):
    return _split(InheritingFieldData(authored_kvs), student_data)


class NoLearnerData(FieldData):
    """User-scoped fields of a block with no learner: unset (defaults) and not writable."""

    def get(self, block, name):
        raise KeyError(name)

    def set(self, block, name, value):
        raise InvalidScopeError(f"{block}.{name}: no learner is bound to this block")

    def delete(self, block, name):
        raise InvalidScopeError(f"{block}.{name}: no learner is bound to this block")

    def has(self, block, name):
        return False


def unbound_field_data(authored_kvs):
    return _split(InheritingFieldData(authored_kvs), NoLearnerData())
