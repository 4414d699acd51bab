"""A block's content read from its fields and parsed once per content and process.

Every learner request needs the block's content (the frozen dataclass of ``content.py``). Reading
it through the fields' descriptors costs, for each list or dict field, a deep copy (XBlock marks
a mutable field dirty on every first read, ``Field.__get__`` / ``_mark_dirty`` in
``xblock/fields.py``) and, in a key-value store, a ``has()`` then a ``get()``. Here each field is
read as ``Field.__get__`` reads it, minus the copy and the dirty mark (nothing here mutates a
value):

1. the value the block instance already holds (read or set in this request, saved or not:
   XBlock's own per-instance cache, ``_field_data_cache``);
2. else the stored value, ``field_data.get`` (a ``FieldData`` raises ``KeyError`` when the field
   is not set, ``xblock/field_data.py``);
3. else the runtime's default (``field_data.default``, an inherited value), else the field's own.
   A learner's field (user scope) goes straight to its own: no runtime gives it another (the
   LMS's ``DjangoKeyValueStore``, ``lms/djangoapps/courseware/model_data.py``, the workbench's
   and XBlock's ``DictKeyValueStore`` have no ``default``; ``InheritingFieldData`` inherits only
   settings), and asking raised two exceptions for each unset field of a new learner.

The values themselves are the cache key (``key_of``: their bytes): the content is parsed
(``from_fields``, after each field's ``from_json`` as ``Field.__get__`` applies it) once per
distinct content. A change made any way at all (the editor, an import, Studio's field API, a
library sync) changes the values, hence the key, so stale content is never served.
"""

import json
import marshal
from contextlib import contextmanager
from functools import lru_cache

from xblock.fields import UserScope

_UNSET = object()


def raw_values(block, names, stored=True):
    """``{name: value}`` of the fields ``names`` as stored (JSON types), without copying them.
    ``stored=False``: fields known to hold nothing stored (``EditableContentMixin.learner_state``'s
    ``DEFAULTS_UNLESS``), not asked of the store: the value set in this request, else the default."""
    cached = getattr(block, "_field_data_cache", None) or {}
    data = block._field_data  # noqa: SLF001 - the runtime's FieldData, as Field.__get__ reads it
    values = {}
    for name in names:
        value = cached.get(name, _UNSET)
        if value is _UNSET:
            try:
                if not stored:
                    raise KeyError(name)
                value = data.get(block, name)
            except KeyError:
                field = block.fields[name]
                value = _UNSET
                if field.scope.user is UserScope.NONE:  # a learner's field is never inherited
                    try:
                        value = data.default(block, name)
                    except KeyError:
                        pass
                if value is _UNSET:
                    value = field.to_json(field.default)
        values[name] = value
    return values


MARSHAL_FORMAT = 2  # the last without references between objects: the bytes are the values' alone


def key_of(values):
    """The cache key of ``values``: their ``marshal`` bytes, in the format that writes every value
    in full (later formats mark an object seen twice, or interned, which depends on more than the
    value), so equal bytes are equal values (``marshal.loads`` gives them back) and the same
    values give the same bytes: a third of their JSON's time on a ten-question case. A value
    ``marshal`` cannot write (a stray non-JSON value, a ``str`` subclass) makes the key their JSON
    (``default=str``), as it was. Keys are not sorted (a fifth of the time): the same content in
    another key order is parsed once more, never mistaken for another."""
    try:
        return marshal.dumps(values, MARSHAL_FORMAT)
    except ValueError:
        return json.dumps(values, default=str)


@lru_cache(maxsize=512)
def _parsed(from_fields, key):
    """The content of ``key`` (``key_of``), parsed from its values as their JSON gives them back
    (a tuple as a list, as the JSON key gave them)."""
    text = json.dumps(marshal.loads(key), default=str) if isinstance(key, bytes) else key
    return from_fields(json.loads(text))


def load(block, from_fields, names, legacy=()):
    """The block's content: ``from_fields({name: value})`` of the fields ``names`` (each read as
    its field's ``from_json`` gives it), parsed once per distinct content. ``legacy``: fields of an
    older layout, read too only when the ``content`` field is empty (each read may be a query)."""
    fields = block.fields
    raw = raw_values(block, names)
    if legacy and not raw.get("content"):
        raw.update(raw_values(block, legacy))
    values = {name: fields[name].from_json(value) for name, value in raw.items()}
    return _parsed(from_fields, key_of(values))


_HELD = "_emm_content_held"  # the instance attribute ``held`` sets: the content of the action under way


@contextmanager
def held(block, content):
    """Within this block, ``block.load_content()`` gives ``content`` (read once by the learner
    handler, ``common.pipeline``): a learner action never changes the content fields, so reading
    them again (each a copy-free read of the store, then the cache key's bytes) would give the
    same. The block instance holds it for the request only."""
    setattr(block, _HELD, content)
    try:
        yield content
    finally:
        delattr(block, _HELD)


def held_by(block):
    """The content ``held`` gives ``block`` now, or None."""
    return block.__dict__.get(_HELD)
