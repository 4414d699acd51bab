"""The platform's settings on our blocks' OLX (decision 8: ``start``, ``due``, ``group_access``,
``visible_to_staff_only``...), read as the platform reads them on its own blocks, never an
exception (bug hunt s44).

The platform's blocks read an attribute with ``deserialize_field`` (``xmodule/xml_block.py``):
its JSON value if the field takes it, else the text as written, then the field's ``from_json``.
XBlock's ``_set_field_if_present``, which read ours, goes through YAML instead: ``2026-03-01``
becomes a ``date`` that ``Date.from_json`` refuses, and its exception failed Studio's whole course
import (``cms/djangoapps/contentstore/tasks.py`` imports with ``load_error_blocks=False``, so
``process_xml`` in ``xmodule/modulestore/xml.py`` re-raises). Here a date written without a time
imports as that day, as on the platform's blocks; a value that still does not read is left unset
(the block follows the course outline) and noted for Studio's warnings (``olx.unset_setting``,
decision 71), where the platform would keep it as written and fail later, when the field is read.
"""

import json

from . import olx

# what an attribute of a field should hold, by the name of the field's class or of one it derives
# from: the platform's ``Date``, ``Timedelta`` and ``RelativeTime`` (``xmodule/fields.py``) are not
# XBlock's, nor is its ``GroupAccessDict`` (``lms/djangoapps/lms_xblock/mixin.py``, a ``Dict``)
KINDS = {"Boolean": olx.FLAG, "Integer": olx.WHOLE, "Float": olx.NUMBER, "Date": olx.DATE,
         "Timedelta": olx.DURATION, "RelativeTime": olx.DURATION, "Dict": olx.JSON, "List": olx.JSON}
NOT_READ = object()


def platform_fields(cls):
    """Fields the runtime mixed into the class (Open edX's LmsBlockMixin, InheritanceMixin...):
    the block's OLX must carry them, or an export loses a unit's visibility or groups."""
    own = getattr(cls, "unmixed_class", cls).fields
    return [name for name in cls.fields if name not in own]


def kind_of(field):
    """What ``field``'s attribute should hold (``olx.DATE``...; ``olx.VALUE`` for any other type)."""
    for cls in type(field).__mro__:
        if cls.__name__ in KINDS:
            return KINDS[cls.__name__]
    return olx.VALUE


def setting_value(field, raw):
    """``raw``, an attribute's text, as ``field``'s value, or ``NOT_READ``.

    As ``deserialize_field``: ``null`` is None; the JSON value if ``from_json`` takes it, else the
    text as written. A yes-or-no reads as decision 71 reads ours (``true``, ``1``, ``yes``;
    ``false``, ``0``, ``no``), never false in silence (XBlock's ``Boolean`` makes ``oui`` false). A
    text that ``from_json`` makes None (the platform's ``Date`` for ``2026-03``, with no day; a
    ``Timedelta`` it cannot match) is not read either: the author wrote something else."""
    try:
        jsonish = json.loads(raw)
    except (ValueError, RecursionError):
        jsonish = raw
    if jsonish is None:
        return None
    if kind_of(field) == olx.FLAG:
        word = raw.strip().lower()
        return word in olx.TRUE if word in olx.TRUE | olx.FALSE else NOT_READ
    for candidate in (jsonish, raw):
        try:
            value = field.from_json(candidate)
        except Exception:  # noqa: BLE001 - the platform's field code: whatever it raises, the value does not read
            continue
        if value is not None or not raw.strip():
            return value
    return NOT_READ


def read_settings(block, node, names):
    """Set each of the platform's settings ``names`` written on ``node`` on ``block``; one that does
    not read is left unset and noted (``olx.unset_setting``, inside ``olx.unreadable_values``)."""
    for name in names:
        raw = node.get(name)
        if raw is None:
            continue
        field = block.fields[name]
        value = setting_value(field, raw)
        if value is NOT_READ:
            olx.unset_setting(node, name, raw, kind_of(field))
        else:
            setattr(block, name, value)
