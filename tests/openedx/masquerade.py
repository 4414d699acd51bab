"""Staff viewing the course "as a specific learner", or as "Learner" (the role), as
``lms/djangoapps/courseware/masquerade.py`` and ``lms/djangoapps/courseware/block_render.py`` do it.

* "View this course as: Learner" (``CourseMasquerade(role="student")``, no ``user_name``):
  ``setup_masquerade`` keeps ``request.user`` (the staff member: their own state, their own
  anonymous id, no ``real_user``) and sets on it ``masquerade_settings``, the session's dict of
  ``CourseMasquerade`` by course key. ``has_access(user, 'staff', ...)`` answers False
  (``_has_access_to_course``: ``is_masquerading_as_student``) and ``get_user_role`` "student"
  (``get_masquerade_role``), so the user service's ``user_is_staff`` is False and ``user_role``
  "student"; ``user_is_global_staff`` (``GlobalStaff().has_user``) is not masquerade-aware. No
  ``MasqueradingKeyValueStore``, no ``filter_displayed_blocks``, events handled as ever: those
  are for a specific learner only. Nothing in ``opt_attrs`` says "masquerade" here either.

* ``setup_masquerade``: the block is loaded for the **learner's** Django user, which carries
  ``real_user`` (the staff member) and ``masquerade_settings``. Every service is built for that
  user (``prepare_runtime_for_user``): the user service's ``opt_attrs`` are the learner's
  (``anonymous_user_id``, ``username``, ``user_id``); ``user_is_staff`` is False and
  ``user_role`` is ``"student"`` because ``has_access``/``get_user_role`` answer for the
  masqueraded role (``lms/djangoapps/courseware/access.py``). Nothing in ``opt_attrs`` says
  "masquerade": a block can only tell from the Django user behind the user service,
  ``runtime.service(block, "user")._django_user.real_user`` (see docs/platform-runtime.md).
* ``MasqueradingKeyValueStore``: reads go to the session's dict, else to the learner's store (the
  request's ``FieldDataCache`` of the learner, ``student_module.py``); writes and deletes go to
  a dict kept in the staff member's Django session (``masquerade_data``), so the learner's
  StudentModule never changes. It has no ``set_many``: a save is ``KeyValueStore.set_many``,
  one ``set`` per field, all into the session.
* ``filter_displayed_blocks``: a view wrapper applied only while masquerading as a specific
  learner; a block whose class does not set ``show_in_read_only_mode = True`` is replaced by the
  refusal below. Handlers are **not** filtered: they run, bound to the learner.
* ``EventPublishingService.publish`` (``xmodule/services.py``): grade and completion events are
  not handled while masquerading as a specific learner (they only reach the tracking log).
"""

from web_fragments.fragment import Fragment
from xblock.runtime import KeyValueStore

MASQUERADE_DATA_KEY = "masquerade_data"
LEARNER = "student"  # the role "View this course as: Learner" sets (``MasqueradeView.get``'s ``available``)
REFUSAL = "This type of component cannot be shown while viewing the course as a specific student."

_DELETED = object()


class CourseMasquerade:
    """``masquerade.py`` ``CourseMasquerade``: one course's masquerade, kept in the session."""

    def __init__(self, course_key, role=LEARNER, user_partition_id=None, group_id=None, user_name=None):
        self.course_key = course_key
        self.role = role
        self.user_partition_id = user_partition_id
        self.group_id = group_id
        self.user_name = user_name


class MasqueradingKeyValueStore(KeyValueStore):
    def __init__(self, kvs, session):
        self.kvs = kvs
        self.session = session
        self.session_data = session.setdefault(MASQUERADE_DATA_KEY, {})

    @staticmethod
    def _key(key):
        return repr(tuple(key))

    def get(self, key):
        try:
            value = self.session_data[self._key(key)]
        except KeyError:
            return self.kvs.get(key)
        if value is _DELETED:
            raise KeyError(self._key(key))
        return value

    def set(self, key, value):
        self.session_data[self._key(key)] = value

    def delete(self, key):
        self.set(key, _DELETED)

    def has(self, key):
        try:
            value = self.session_data[self._key(key)]
        except KeyError:
            return self.kvs.has(key)
        return value is not _DELETED


def filter_displayed_blocks(block, view, frag, context):
    if getattr(block, "show_in_read_only_mode", False):
        return frag
    return Fragment(REFUSAL)
