"""Where a block's fields live in each context.

* ``lms_field_data``: ``lms/djangoapps/lms_xblock/field_data.py`` (``LmsFieldData``) over
  edx-when's ``DateLookupFieldData`` (``dates.py``), over the modulestore's field data as the
  LMS wraps it (``SelfPacedDates``, below): content,
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
  scopes (so they read their defaults) and raises ``InvalidScopeError`` on a write. The LMS's
  modulestore wraps it too (``SelfPacedDates``).

The modulestore's wrapper in the LMS (``SelfPacedDates``): ``lms/envs/production.py`` ("Self-Paced
Course Due Dates") adds ``lms.djangoapps.courseware.field_overrides:OverrideModulestoreFieldData.wrap``
to ``XBLOCK_FIELD_DATA_WRAPPERS``, which the modulestore applies to every block it loads
(``xmodule/modulestore/split_mongo/caching_descriptor_system.py``, before any learner is bound:
edx-when's ``DateLookupFieldData`` is laid over it), and
``SelfPacedDateOverrideProvider`` to ``MODULESTORE_FIELD_OVERRIDE_PROVIDERS``
(``lms/djangoapps/courseware/self_paced_overrides.py``): enabled where ``block.self_paced``, its
``get`` answers ``None`` for ``due``, and for ``start`` of any block but the course. Studio's
field data has no such wrapper (``cms_field_data``): an author still sees the dates kept.
"""

from xblock.exceptions import InvalidScopeError
from xblock.field_data import FieldData, ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope

from .dates import DateLookupFieldData, lineage
from .inheritance import INHERITABLE_NAMES, InheritingFieldData

AUTHORED_SCOPES = (Scope.content, Scope.settings, Scope.parent, Scope.children)
USER_SCOPES = (Scope.user_state_summary, Scope.user_state, Scope.user_info, Scope.preferences)


def _split(authored, student):
    return SplitFieldData({**{s: authored for s in AUTHORED_SCOPES}, **{s: student for s in USER_SCOPES}})


NOT_SET = object()


class SelfPacedDates(FieldData):
    """``OverrideModulestoreFieldData`` (``lms/djangoapps/courseware/field_overrides.py``) with the
    one provider the LMS configures, ``SelfPacedDateOverrideProvider``: in a self-paced course
    (``self_paced``, inherited from the course) a block's ``due`` is None, and so is the ``start``
    of any block but the course. As ``OverrideFieldData``: ``get`` answers the override first;
    ``has`` is True where there is one, and False for an inheritable name an ancestor overrides;
    ``default`` gives the nearest ancestor's override before the wrapped data's inheritance; writes go
    to the wrapped data. ``enabled_for`` is asked once per course and request in the platform: the
    setting is the course's, read here at each call (the same answer)."""

    def __init__(self, fallback):
        super().__init__()
        self.fallback = fallback

    @staticmethod
    def _self_paced(block):
        """``SelfPacedDateOverrideProvider.enabled_for``: ``block.self_paced`` (the course's, inherited)."""
        return bool(getattr(block, "self_paced", False))

    def _override(self, block, name):
        if name not in ("due", "start") or not self._self_paced(block):
            return NOT_SET
        if name == "due" or block.scope_ids.block_type != "course":
            return None
        return NOT_SET

    def get(self, block, name):
        value = self._override(block, name)
        return self.fallback.get(block, name) if value is NOT_SET else value

    def has(self, block, name):
        if self._override(block, name) is not NOT_SET:
            return True
        if name in INHERITABLE_NAMES and any(self._override(a, name) is not NOT_SET for a in lineage(block)):
            return False
        return self.fallback.has(block, name)

    def default(self, block, name):
        if name in INHERITABLE_NAMES:
            for ancestor in lineage(block):
                value = self._override(ancestor, name)
                if value is not NOT_SET:
                    return value
        return self.fallback.default(block, name)

    def set(self, block, name, value):
        self.fallback.set(block, name, value)

    def delete(self, block, name):
        self.fallback.delete(block, name)

    def set_many(self, block, update_dict):
        self.fallback.set_many(block, update_dict)


def lms_field_data(authored_kvs, student_data, dates=None):
    """``dates``: the learner's dates in edx-when (``dates.CourseDates.for_user``), read before the
    authored fields (``dates.DateLookupFieldData``, the first of ``block_render.py``'s wrappers),
    which the modulestore gave wrapped (``SelfPacedDates``)."""
    authored = SelfPacedDates(InheritingFieldData(authored_kvs))
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
    return _split(SelfPacedDates(InheritingFieldData(authored_kvs)), NoLearnerData())
