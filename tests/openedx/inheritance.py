"""The platform's inherited settings, as ``xmodule/modulestore/inheritance.py`` defines them.

* ``InheritanceMixin`` is in the platform's ``XBLOCK_MIXINS``: the runtime's mixologist mixes its
  fields into **every** block class, ours included. The field list, types, scopes and defaults
  below are the platform's (read in ``xmodule/modulestore/inheritance.py``, openedx-platform
  master, 2026). ``user_partitions`` is a plain ``List`` here (the platform's
  ``UserPartitionList`` only converts the items to ``UserPartition`` objects).
* ``InheritingFieldData.default``: a field whose **name** is inheritable and that is not set on
  the block takes the JSON value of the nearest ancestor on which a field of that name is set
  (``field.is_set_on(ancestor)`` then ``field.read_json(ancestor)``), an explicit ``null``
  included; with no such ancestor, the block's own default. The field object used is the
  block's own (``block.fields[name]``), so a block's ``graded`` or ``max_attempts`` inherits the
  subsection's or the course's value even though the block declared the field itself.
  (The platform's ``library_content`` parent exception is not modelled.)
* ``close_date``, ``is_past_due()``, ``has_deadline_passed()``: ``due + graceperiod``, compared
  with ``timezone.now()``; a self-paced course or no due date never passes its deadline.
"""

from datetime import UTC, datetime

from django.utils import timezone as dj_timezone
from xblock.core import XBlockMixin
from xblock.fields import Boolean, Date, Dict, Float, Integer, List, Scope, String, Timedelta
from xblock.runtime import KvsFieldData

# xmodule/course_metadata_utils.py DEFAULT_START_DATE
DEFAULT_START_DATE = datetime(2030, 1, 1, tzinfo=UTC)


class InheritanceMixin(XBlockMixin):
    """Field definitions of the platform's inheritable fields (same names, types, defaults)."""

    graded = Boolean(scope=Scope.settings, default=False)
    start = Date(default=DEFAULT_START_DATE, scope=Scope.settings)
    due = Date(scope=Scope.settings)
    relative_weeks_due = Integer(scope=Scope.settings)
    visible_to_staff_only = Boolean(default=False, scope=Scope.settings)
    course_edit_method = String(default="Studio", scope=Scope.settings, deprecated=True)
    giturl = String(scope=Scope.settings)
    xqa_key = String(scope=Scope.settings, deprecated=True)
    graceperiod = Timedelta(scope=Scope.settings)
    group_access = Dict(scope=Scope.settings)
    showanswer = String(scope=Scope.settings, default="finished")
    show_correctness = String(scope=Scope.settings, default="always")
    rerandomize = String(scope=Scope.settings, default="never")
    days_early_for_beta = Float(scope=Scope.settings, default=None)
    static_asset_path = String(scope=Scope.settings, default="")
    use_latex_compiler = Boolean(default=False, scope=Scope.settings)
    max_attempts = Integer(values={"min": 0}, scope=Scope.settings)
    matlab_api_key = String(scope=Scope.settings)
    user_partitions = List(default=[], scope=Scope.settings)
    video_speed_optimizations = Boolean(default=True, scope=Scope.settings)
    video_auto_advance = Boolean(scope=Scope.settings, default=False)
    video_bumper = Dict(scope=Scope.settings)
    show_reset_button = Boolean(scope=Scope.settings, default=False)
    edxnotes = Boolean(default=False, scope=Scope.settings)
    edxnotes_visibility = Boolean(default=True, scope=Scope.user_info)
    in_entrance_exam = Boolean(scope=Scope.settings, default=False)
    self_paced = Boolean(default=False, scope=Scope.settings)
    hide_from_toc = Boolean(default=False, scope=Scope.settings)

    @property
    def close_date(self):
        due = self.due
        if self.graceperiod is not None and due:
            return due + self.graceperiod
        return due

    def is_past_due(self):
        return self.close_date is not None and dj_timezone.now() > self.close_date

    def has_deadline_passed(self):
        if self.self_paced or self.close_date is None:
            return False
        return self.is_past_due()


INHERITABLE_NAMES = frozenset(InheritanceMixin.fields)


class InheritingFieldData(KvsFieldData):
    """``KvsFieldData`` whose default for an inheritable name is found on the nearest ancestor."""

    def __init__(self, kvs, inheritable_names=INHERITABLE_NAMES):
        super().__init__(kvs)
        self.inheritable_names = set(inheritable_names)

    def default(self, block, name):
        if name in self.inheritable_names:
            field = block.fields[name]
            ancestor = block.get_parent()
            while ancestor is not None:
                if field.is_set_on(ancestor):
                    return field.read_json(ancestor)
                ancestor = ancestor.get_parent()
        return super().default(block, name)
