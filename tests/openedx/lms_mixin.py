"""The platform's ``LmsBlockMixin`` (``lms/djangoapps/lms_xblock/mixin.py``, openedx-platform
master, read in 2026), first of the ``XBLOCK_MIXINS`` the LMS mixes into every block class
(``(LmsBlockMixin, InheritanceMixin, XModuleMixin, EditInfoMixin)``, ``openedx/envs/common.py``;
Studio's, ``cms/envs/common.py``, add ``ResourceTemplates``, ``UpstreamSyncMixin`` and
``AuthoringMixin``, not modelled).

What a block of ours gets from it, and so what the tests must see:

* its fields (settings): ``hide_from_toc``, ``format``, ``chrome``, ``default_tab``,
  ``source_file``, ``visible_to_staff_only``, ``group_access`` (``GroupAccessDict``: the keys
  are ints in Python and strings in JSON) and ``user_partitions``, the names
  ``common.settings.PLATFORM_NAMES`` keeps ours away from;
* its services: ``needs('partitions')``, ``needs('i18n')``, ``wants('completion')``;
* a handler every block answers, ``publish_completion``: a view's completion sent by the
  browser. It asks the ``completion`` service, which must exist (else 500), track completion
  (else 404) and say the block may be marked complete on view (else 400,
  ``completion/services.py`` ``can_mark_block_complete_on_view``: a completable block with no
  custom completion and no score), then publishes the data as a ``completion`` event.

Not modelled: its ``validate`` (the group access checks; in a mixed class of ours XBlock's own
``validate`` comes first in the method order anyway) and ``merged_group_access``; of
``XModuleMixin`` (third of the mixins, ``xmodule/x_module.py``) only the unit bar's icon below,
and not ``EditInfoMixin``, whose fields our blocks declare themselves or do not read.
"""

from xblock.core import XBlock, XBlockMixin
from xblock.exceptions import JsonHandlerError
from xblock.fields import Boolean, Dict, List, Scope, String


class GroupAccessDict(Dict):
    """``group_access``: partition ids are ints on the block, strings in its JSON."""

    def from_json(self, value):
        return None if value is None else {int(k): v for k, v in value.items()}

    def to_json(self, value):
        return None if value is None else {str(k): v for k, v in value.items()}


@XBlock.needs("partitions")
@XBlock.needs("i18n")
@XBlock.wants("completion")
class LmsBlockMixin(XBlockMixin):
    """The fields, services and handler every block gets in the LMS and Studio."""

    hide_from_toc = Boolean(default=False, scope=Scope.settings)
    format = String(scope=Scope.settings)
    chrome = String(scope=Scope.settings, default=None)
    default_tab = String(scope=Scope.settings, default=None)
    source_file = String(scope=Scope.settings, deprecated=True)
    visible_to_staff_only = Boolean(default=False, scope=Scope.settings)
    group_access = GroupAccessDict(default={}, scope=Scope.settings)
    user_partitions = List(default=[], scope=Scope.settings)

    @XBlock.json_handler
    def publish_completion(self, data, suffix=""):
        service = self.runtime.service(self, "completion")
        if service is None:
            raise JsonHandlerError(500, "No completion service found")
        if not service.completion_tracking_enabled():
            raise JsonHandlerError(404, "Completion tracking is not enabled and API calls are unexpected")
        if not service.can_mark_block_complete_on_view(self):
            raise JsonHandlerError(400, "Block not configured for completion on view.")
        self.runtime.publish(self, "completion", data)
        return {"result": "ok"}


class XModuleMixin(XBlockMixin):
    """Of ``xmodule/x_module.py``'s ``XModuleMixin``, the icon the sequence's unit bar shows
    (``xmodule/seq_block.py``: ``'type': get_icon(block)``, ``openedx/core/lib/xblock_utils``'s
    ``get_icon`` calling ``block.get_icon_class()``; a unit's is the highest of its children's,
    ``xmodule/vertical_block.py`` ``CLASS_PRIORITY``): ``icon_class = 'other'``, read on the
    instance by ``get_icon_class``. Mixed in after the block's own class, whose ``icon_class``
    wins (capa's ``ProblemBlock`` says ``'problem'``)."""

    icon_class = "other"

    def get_icon_class(self):
        return self.icon_class
