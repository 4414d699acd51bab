"""Dates as the LMS reads them: edx-when's tables before the modulestore's fields.

Read in openedx/edx-when (``acb1a0cc``, 30 May 2026) and openedx-platform (master, 2026):

* ``lms/djangoapps/courseware/block_render.py``: every block the LMS loads for a learner, a
  handler call included, is bound with ``[partial(DateLookupFieldData, course_id=course_id,
  user=user), partial(OverrideFieldData.wrap, user, course), partial(LmsFieldData, ...)]``:
  ``due``, ``start`` and ``end`` come from edx-when first (``DateLookupFieldData``, below).
* What edx-when holds for a course (``ContentDate``): on publish,
  ``openedx/core/djangoapps/course_date_signals/handlers.py`` ``extract_dates_from_course`` gives,
  for an instructor-paced course, every block's ``due``/``start``/``end`` set on it
  (``_field_values``: a settings field ``is_set_on`` the block); for a self-paced one, the
  course's ``start`` and ``end`` alone (its ``due`` popped; relative dates, not modelled, aside);
  and ``edx_when/api.py`` ``set_dates_for_course`` keeps the truthy ones (``if val:``): a ``due``
  set to null on a subsection is not stored. Every authoring step of this stand-in is published
  at once, so the course's dates are read off the authored fields when a request loads them.
* A learner's own date (``UserDate``): the instructor dashboard's due date extension,
  ``lms/djangoapps/instructor/views/tools.py`` ``set_due_date_extension``: the subsection and each
  block below it that has a ``due`` in edx-when get ``api.set_date_for_block(..., user=student)``;
  that raises ``MissingDateError`` where the block has no date, and ``InvalidDateError`` where
  the new date is earlier than the course's (``UserDate.clean``: ``abs_date < policy date``).
  ``get_dates_for_course(course, user)`` lays the learner's dates over the course's, for dates
  still active.
* ``DateLookupFieldData`` (``edx_when/field_data.py``): ``get`` answers a date edx-when holds for
  the block itself, else the wrapped field data's; ``default`` of an inheritable name looks up the
  block's ancestors, nearest first, in edx-when's dates, and only then falls back to the wrapped
  field data's default (the modulestore's inheritance); ``has``, for an inheritable name the
  block has no date for in edx-when, is False as soon as an ancestor has one there (even where the
  wrapped data holds a value set on the block), else the wrapped data's answer.

Not modelled: self-paced courses' relative dates (a learner's schedule); edx-when's caches; a
date removed at a publish and its extension given again (``set_date_for_block`` then finds the
inactive ``ContentDate`` and makes it active again, with its old date, for everyone; here the
extension is refused as for a block that never had a date).
"""

from xblock.field_data import FieldData
from xblock.fields import Date, Scope

from .inheritance import INHERITABLE_NAMES

FIELDS_TO_EXTRACT = ("due", "start", "end")  # edx_when/api.py
NOT_FOUND = object()
_DATE = Date()


class MissingDateError(Exception):
    """``edx_when.api.MissingDateError``: a learner's date for a block that has none in the course."""


class InvalidDateError(Exception):
    """``edx_when.api.InvalidDateError``: a learner's date not later than the course's."""


class CourseDates:
    """edx-when's ``ContentDate`` and ``UserDate`` rows of one course."""

    def __init__(self, authored):
        self.authored = authored  # the modulestore's KVS: the published course
        self.course = None  # the course's usage key, once the platform made it
        self.user_dates = {}  # (user id, usage key, field) -> datetime

    def course_dates(self):
        """``{(usage key, field): datetime}``: each block's truthy date set on it; in a self-paced
        course, the course's start and end alone."""
        settings = {(key.block_scope_id, key.field_name): value for key, value in self.authored.db_dict.items()
                    if key.scope == Scope.settings}
        self_paced = bool(settings.get((self.course, "self_paced")))
        return {(usage, name): _DATE.from_json(value) for (usage, name), value in settings.items()
                if name in FIELDS_TO_EXTRACT and value
                and not (self_paced and (usage != self.course or name == "due"))}

    def for_user(self, user_id):
        """``get_dates_for_course(course, user)``: the course's dates, the learner's over them."""
        dates = self.course_dates()
        for (user, usage, name), date in self.user_dates.items():
            if user == user_id and (usage, name) in dates:  # only a date still active counts
                dates[usage, name] = date
        return dates

    def extend_due(self, user_id, unit, blocks_below, due):
        """``set_due_date_extension(course, unit, student, due)``: ``blocks_below`` are the keys of
        the blocks under ``unit``, each given the date if it has a ``due`` in edx-when."""
        dates = self.for_user(user_id)
        for usage in [unit, *(b for b in blocks_below if (b, "due") in dates)]:
            course_due = self.course_dates().get((usage, "due"))
            if course_due is None:
                raise MissingDateError(usage)
            if due < course_due:
                raise InvalidDateError(due)
            self.user_dates[user_id, usage, "due"] = due


def lineage(block):
    """``block``'s ancestors, its parent first (``get_parent`` up to the course), as an inheriting
    field data walks them (``InheritanceKeyValueStore`` / edx-when's lookup)."""
    parent = block.get_parent()
    while parent:
        yield parent
        parent = parent.get_parent()


class DateLookupFieldData(FieldData):
    """``edx_when/field_data.py`` ``DateLookupFieldData`` over ``defaults`` for one learner's dates
    (``dates``: ``CourseDates.for_user``). A block's location is its usage id (``XModuleMixin.location``)."""

    def __init__(self, defaults, dates):
        super().__init__()
        self._defaults = defaults
        self._dates = dates

    def _get(self, block, name):
        if name in FIELDS_TO_EXTRACT:
            return self._dates.get((block.scope_ids.usage_id, name), NOT_FOUND)
        return NOT_FOUND

    def has(self, block, name):
        value = self._get(block, name)
        if value is NOT_FOUND and name in INHERITABLE_NAMES:
            for ancestor in lineage(block):
                if self._get(ancestor, name) is not NOT_FOUND:
                    return False
        return value is not NOT_FOUND or self._defaults.has(block, name)

    def get(self, block, name):
        value = self._get(block, name)
        return value if value is not NOT_FOUND else self._defaults.get(block, name)

    def default(self, block, name):
        if name in INHERITABLE_NAMES:
            for ancestor in lineage(block):
                value = self._get(ancestor, name)
                if value is not NOT_FOUND:
                    return value
        return self._defaults.default(block, name)

    def set(self, block, name, value):
        return self._defaults.set(block, name, value)

    def delete(self, block, name):
        return self._defaults.delete(block, name)
