"""A block's learner fields (``Scope.user_state``) made from its ``learner.State``, declared once.

Each block's pure learner module says what a learner's state holds (``learner.State``, a frozen
dataclass: each field's name, type and default); the block takes its XBlock fields from it
(``state_fields``), as it takes its settings' fields from ``content.SETTINGS``
(``settings.settings_fields``), so that a field added, renamed or given another default is so in
one place, and ``EditableContentMixin.learner_state`` / ``keep_state`` read and write exactly the
fields the state has. The fields every block shares (``grading.StoredScoreMixin``'s grade,
``base.EmmBlockBase``'s ``action_ids``) are not a learner's answers and stay where they are.
"""

import dataclasses

from xblock.fields import Boolean, Dict, Integer, List, Scope, String

# a ``State`` field's type (or its name, under ``from __future__ import annotations``) -> XBlock field
KINDS = {str: String, int: Integer, bool: Boolean, list: List, dict: Dict}
KINDS.update({kind.__name__: field for kind, field in list(KINDS.items())})


def state_fields(state_class):
    """A mixin class holding one ``Scope.user_state`` XBlock field per field of ``state_class`` (a
    dataclass of ``str``, ``int``, ``bool``, ``list`` and ``dict`` fields), each with its default
    (a ``default_factory``'s value). Raises ``TypeError`` for a field of another type: the LMS
    keeps a learner's state as JSON, and a new kind needs its XBlock field chosen here."""
    attrs = {}
    for field in dataclasses.fields(state_class):
        kind = KINDS.get(field.type)
        if kind is None:
            raise TypeError(f"{state_class.__qualname__}.{field.name}: no XBlock field for {field.type!r}")
        default = field.default_factory() if field.default is dataclasses.MISSING else field.default
        attrs[field.name] = kind(scope=Scope.user_state, default=default)
    return type(f"{state_class.__qualname__}Fields", (), attrs)
