"""The store's inserts: ``INSERT`` statements written by Django's ORM once per model and number of
rows, then run again with each request's values (decisions 38, 43 and 48), kept in the same
per-thread memory as ``compiled_sql``'s selects.

``insert(model, rows, same)``: ``INSERT`` of ``rows`` (dicts of field name to value; a field a
row leaves out takes its value in ``same``, one dict for every row, else its default), one
statement, as ``bulk_create`` writes it. The SQL is compiled once per (model, number of rows);
the parameters are built in one pass over the rows, each value prepared as its field prepares
it (``Field.get_db_prep_save``, what the ORM's insert compiler does), by a shortcut where that
preparation is a fixed function of the value (``_shortcuts``: a ``str`` for a text field, a
``UUID``, a ``date``, ``None``), and ``same``'s values once for all rows. The first compile
checks that this gives exactly the ORM's parameters, else the insert goes through
``bulk_create`` every time. Raises ``IntegrityError`` as ``bulk_create`` does (Django's cursor
wraps the driver's errors).

New ids (a ``default=uuid.uuid4`` field) are made as the parameter the field stores,
``uuid4_hex``, where its own preparation of a UUID is its 32 hex digits (decision 48).
"""

import datetime
import operator
import os
import uuid

from django.db import connections, router

from .compiled_sql import NOT_REUSED, cursor, remembered

_GENERAL = object()  # a value prepared by its field's ``get_db_prep_save``
_PROBE_UUID = uuid.UUID("0123456789abcdef0123456789abcdef")
_PROBE_DATE = datetime.date(2001, 2, 3)
_CONSTANT_TYPES = (str, int, float, bool, type(None), datetime.date, uuid.UUID)


def _methods_are(field, base, names):
    return all(getattr(type(field), name) is getattr(base, name) for name in names)


def _shortcuts(field, connection):
    """``{type: how}``: the values of these exact types that ``field`` prepares for ``connection``
    by a fixed function known here, saving ``get_db_prep_save``'s calls (two to four per value,
    most of a row's insert): ``how`` None keeps the value as it is, else ``how(value)`` is its
    parameter. Only for Django's own preparing methods, read off the field's class (a subclass
    that changes one goes the general way for every value):

    * ``CharField``, ``TextField`` (``ExactCharField`` changes only its column type): a ``str`` is
      its own parameter;
    * ``UUIDField`` and ``models.HexUUIDField``: a ``uuid.UUID`` is itself or its ``.hex`` (which
      one depends on the connection's native UUID type and vendor);
    * ``DateField`` (not ``auto_now``): a ``datetime.date`` is ``connection.ops.adapt_datefield_value(value)``;
    * each of these and ``DateTimeField``: ``None`` is ``None``.

    Each is also checked here against ``get_db_prep_save`` on a probe of its type, and dropped if
    it differs; the first compile of each insert checks its rows again (``_compile_insert``)."""
    from django.db.models import CharField, DateField, DateTimeField, Field, TextField, UUIDField

    from ..models import HexUUIDField

    saves = _methods_are(field, Field, ("get_db_prep_save",))
    candidates = {}
    if isinstance(field, (CharField, TextField)):
        base = CharField if isinstance(field, CharField) else TextField
        if saves and _methods_are(field, base, ("get_db_prep_value", "get_prep_value", "to_python")):
            candidates = {str: None, type(None): None}
    elif isinstance(field, UUIDField):
        # UUIDField.get_db_prep_value takes a UUID as it is (to_python and get_prep_value are not called)
        if saves and type(field) in (UUIDField, HexUUIDField):
            prepared = field.get_db_prep_save(_PROBE_UUID, connection=connection)
            how = None if prepared is _PROBE_UUID else operator.attrgetter("hex") if prepared == _PROBE_UUID.hex \
                else _GENERAL
            candidates = {uuid.UUID: how, type(None): None}
    elif isinstance(field, DateTimeField):
        if saves and _methods_are(field, DateTimeField, ("get_db_prep_value", "get_prep_value", "to_python")):
            candidates = {type(None): None}
    elif isinstance(field, DateField):
        if saves and _methods_are(field, DateField, ("get_db_prep_value", "get_prep_value", "to_python", "pre_save")) \
                and not (field.auto_now or field.auto_now_add):
            candidates = {datetime.date: connection.ops.adapt_datefield_value, type(None): None}
    probes = {str: "\x1eemm-probe\x1e", uuid.UUID: _PROBE_UUID, datetime.date: _PROBE_DATE, type(None): None}
    kept = {}
    for kind, how in candidates.items():
        if how is _GENERAL:
            continue
        probe = probes[kind]
        made = probe if how is None else how(probe)
        if type(made) is type(expected := field.get_db_prep_save(probe, connection=connection)) and made == expected:
            kept[kind] = how
    return kept


def _pre_saves_value(field):
    """True if the ORM's insert takes ``field``'s value as given (``pre_save`` changes nothing)."""
    from django.db.models import DateField, DateTimeField, Field

    if type(field).pre_save is Field.pre_save:
        return True
    return (type(field).pre_save in (DateField.pre_save, DateTimeField.pre_save)
            and not (field.auto_now or field.auto_now_add))


_UUID4_CLEAR = ~((0xC000 << 48) | (0xF000 << 64)) & ((1 << 128) - 1)
_UUID4_SET = (0x8000 << 48) | (4 << 76)


def uuid4_hex():
    """``uuid.uuid4().hex`` without the ``UUID`` object (half its time): 16 bytes of
    ``os.urandom`` with the version (4) and RFC 4122 variant bits set as ``uuid.UUID(bytes=...,
    version=4)`` sets them."""
    return "%032x" % ((int.from_bytes(os.urandom(16), "big") & _UUID4_CLEAR) | _UUID4_SET)


def _made_prepared(field, fast, connection):
    """A function giving a new default's parameter as it is, or None: for ``default=uuid.uuid4``
    where the field stores a UUID as its 32 hex digits (SQLite, MySQL: ``UUIDField`` without a
    native type), ``uuid4_hex``, which skips the ``UUID`` and its preparation."""
    if field.default is not uuid.uuid4 or uuid.UUID not in fast:
        return None
    expected = field.get_db_prep_save(_PROBE_UUID, connection=connection)
    return uuid4_hex if type(expected) is str and expected == _PROBE_UUID.hex else None


class _Insert:
    """A compiled ``INSERT`` of a number of rows: its SQL and, for each of its columns (every
    concrete field, in the ORM's order), how a row's value or the field's default becomes the
    parameter."""

    def __init__(self, sql, fields, connection):
        self.sql, self.connection = sql, connection
        # (field name, default, default_made, {type: how}, field.get_db_prep_save, {type: how} of a made default)
        self.columns = []
        for field in fields:
            fast = made_fast = _shortcuts(field, connection)
            if field.has_default() and callable(field.default):
                default, made = None, field.get_default  # one call per row (a new id...)
                prepared = _made_prepared(field, fast, connection)
                if prepared is not None:  # made as the parameter it becomes: taken as it comes
                    made, made_fast = prepared, {str: None}
            else:
                default, made = field.get_default(), None  # a fixed value (checked by _compile_insert)
            self.columns.append((field.name, default, made, fast, field.get_db_prep_save, made_fast))

    def _prepare(self, fast, save, value):
        how = fast.get(type(value), _GENERAL)
        if how is None:
            return value
        return save(value, connection=self.connection) if how is _GENERAL else how(value)

    def _plan(self, keys, same):
        """For rows giving the fields ``keys``: ``(template, filled)``, the parameters of a row with
        those not taken from the row already prepared (``same``'s, the fixed defaults), and
        ``(index, field name or None for a default made per row, default_made, {type: how},
        get_db_prep_save)`` of the others."""
        template, filled = [], []
        for i, (name, default, made, fast, save, made_fast) in enumerate(self.columns):
            if name in keys:
                template.append(None)
                filled.append((i, name, None, fast, save))
            elif name in same:
                template.append(self._prepare(fast, save, same[name]))
            elif made is not None:
                template.append(None)
                filled.append((i, None, made, made_fast, save))
            else:
                template.append(self._prepare(fast, save, default))
        return template, filled

    def params(self, rows, same):
        """The statement's parameters for ``rows`` (``[{field name: value}]``); a field a row leaves
        out takes its value in ``same`` (``{field name: value}``, prepared once), else its default."""
        connection = self.connection
        out, keys = [], None
        for row in rows:
            if row.keys() != keys:  # (the rows of one call mostly give the same fields)
                keys = row.keys()
                template, filled = self._plan(keys, same)
            values = template[:]
            for i, name, made, fast, save in filled:
                value = row[name] if made is None else made()
                how = fast.get(type(value), _GENERAL)
                values[i] = value if how is None else save(value, connection=connection) if how is _GENERAL \
                    else how(value)
            out += values
        return out


def _fields(model):
    return [f for f in model._meta.concrete_fields if not getattr(f, "generated", False)]


def _compile_insert(model, rows, same, connection):
    """An ``_Insert`` for ``rows`` as the ORM compiles their ``bulk_create`` (one statement, no
    columns returned), or None when it cannot be reused: not one statement, a field whose
    ``pre_save`` changes its value or whose default is not one plain value, or parameters that
    differ from those the ORM's insert compiler gives for these rows (``get_db_prep_save`` of
    each field)."""
    from django.db.models.sql import InsertQuery

    fields = _fields(model)
    if not all(_pre_saves_value(field) for field in fields) or not set(same).union(*rows) <= {f.name for f in fields}:
        return None  # (a name that is no field: bulk_create says so)
    for field in fields:
        if not (field.has_default() and callable(field.default)):
            default = field.get_default()
            if type(default) not in _CONSTANT_TYPES or field.get_default() != default:
                return None  # an expression (a db_default alone), a mutable or changing value
    complete = [{f.name: row[f.name] if f.name in row else same[f.name] if f.name in same else f.get_default()
                 for f in fields} for row in rows]
    objs = [model(**{f.attname: row[f.name] for f in fields}) for row in complete]
    query = InsertQuery(model)
    query.insert_values(fields, objs, raw=False)
    compiled = query.get_compiler(connection=connection).as_sql()
    if len(compiled) != 1:
        return None
    sql, params = compiled[0]
    entry = _Insert(sql, fields, connection)
    return entry if _same_params(list(params), entry.params(complete, {})) else None


def _same_params(orm, ours):
    """Equal, value by value and of the same type (a ``str`` where the ORM has a ``str``...)."""
    return len(orm) == len(ours) and all(type(a) is type(b) and a == b for a, b in zip(orm, ours, strict=True))


def insert(model, rows, same=None):
    """Insert ``rows`` (``[{field name: value}]``) of ``model`` in one statement; ``same``: ``{field
    name: value}`` for the fields the rows leave out that have one value in every row (prepared
    once); a field in neither takes its default. Raises ``IntegrityError`` when a unique key is
    taken (nothing inserted)."""
    same = same or {}
    connection = connections[router.db_for_write(model)]
    entry = remembered((f"insert {model._meta.label}", id(connection), len(rows)),
                       lambda: _compile_insert(model, rows, same, connection))
    if entry is NOT_REUSED:
        model.objects.bulk_create([model(**{**same, **row}) for row in rows])
        return
    with cursor(connection) as cur:
        cur.execute(entry.sql, entry.params(rows, same))
