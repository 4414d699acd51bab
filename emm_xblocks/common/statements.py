"""The store's hot statements: written by Django's ORM once per shape and connection, then run
again with each request's values (decision 38).

Building a statement costs the ORM far more than SQLite or MariaDB take to run it: a filtered
``values_list`` or a one-row insert is some 150-300 µs of Python to build and compile, against
10-60 µs to run (``bench/speed.py profile``), and every learner action runs several. Here the ORM
still writes every statement, with its quoting, placeholders, value preparation and result
conversions, but once: the first request of a shape compiles it, later ones bind their values
to that SQL. Nothing here writes SQL.

* ``select(name, build, *values)``: the rows (tuples) of the ``values_list`` query
  ``build(*values)`` returns. The first call compiles it with *probe values* (same types and list
  lengths, each one unique) and finds where each value lands among the statement's parameters;
  later calls with the same shape (the types of ``values``, the lengths of lists) put their values
  there and skip ``build`` altogether. Rows pass through the compiler's own converters, as a
  ``QuerySet`` does. A statement whose parameters are not exactly the values (a value the lookup
  rewrites, such as ``startswith``'s pattern: give the rewritten part as a constant in ``build``)
  is not reused: it is built by the ORM on every call, with the same result.
* ``insert(model, rows, same)``: ``INSERT`` of ``rows`` (dicts of field name to value; a field a
  row leaves out takes its value in ``same``, one dict for every row, else its default), one
  statement, as ``bulk_create`` writes it. The SQL is compiled once per (model, number of rows);
  the parameters are built in one pass over the rows, each value prepared as its field prepares
  it (``Field.get_db_prep_save``, what the ORM's insert compiler does), by a shortcut where that
  preparation is a fixed function of the value (``_shortcuts``: a ``str`` for a text field, a
  ``UUID``, a ``date``, ``None``), and ``same``'s values once for all rows. The first compile
  checks that this gives exactly the ORM's parameters, else the insert goes through
  ``bulk_create`` every time. Raises ``IntegrityError`` as ``bulk_create`` does (Django's cursor
  wraps the driver's errors).

Compiled statements are kept per thread (Django keeps a connection object per thread and alias;
each statement runs on the connection its query was built for), in the thread's own memory, which
ends with the thread (a compiled select holds its connection: kept anywhere else, the connection
of every thread that ended, a runserver request's say, would stay open), at most ``KEPT`` of them,
then the memory starts afresh. Values may be ``str``, ``int``
(not ``bool``) or non-empty lists of them; anything else is built by the ORM every time.
"""

import datetime
import operator
import os
import threading
import uuid
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from itertools import count

from django.core.exceptions import EmptyResultSet, FullResultSet, ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction

KEPT = 2_000  # compiled statements kept (per thread), then the memory starts afresh
_PROBE_INT = 1_900_000_000  # probe integers: distinct, within every backend's 32-bit integer range
_NOT_REUSED = object()

_local = threading.local()  # .compiled: {(name, connection id, shape) -> _Select | _Insert | _NOT_REUSED}
_generation = [0]  # bumped by ``forget``: every thread's memory starts afresh at its next statement


_shared = ContextVar("emm_statements_cursor", default=None)  # (connection, cursor) of ``one_cursor``


@contextmanager
def one_cursor():
    """Inside, the store's statements on the default connection (``select``, ``insert``,
    ``summary``'s counts) share one cursor: Django builds one for each ``connection.cursor()``
    (its wrapper, its thread, async and debug checks: some 6 µs) and a submission's write sends
    five or six statements. The cursor is made here, under the debug setting of the moment (a
    test's ``CaptureQueriesContext`` sees every statement), and closed on the way out; nested,
    the outer one's."""
    if _shared.get() is not None:
        yield
        return
    connection = transaction.get_connection()
    with connection.cursor() as shared:
        token = _shared.set((connection, shared))
        try:
            yield
        finally:
            _shared.reset(token)


def cursor(connection):
    """A context giving a cursor of ``connection``: ``one_cursor``'s, if one is open on it (left
    open on the way out), else a new one (``connection.cursor()``)."""
    shared = _shared.get()
    if shared is not None and shared[0] is connection:
        return nullcontext(shared[1])
    return connection.cursor()


def _compiled():
    """This thread's compiled statements."""
    if getattr(_local, "generation", None) != _generation[0]:
        _local.compiled, _local.generation = {}, _generation[0]
    return _local.compiled


def forget():
    """Forget every compiled statement, in every thread (tests; a schema change: ``apps.py``'s
    ``post_migrate``)."""
    _generation[0] += 1


def reused():
    """The names of this thread's statements compiled once and reused (a test checks the hot ones are)."""
    return {key[0] for key, entry in _compiled().items() if entry is not _NOT_REUSED}


def _keep(key, entry):
    compiled = _compiled()
    if len(compiled) >= KEPT:
        compiled.clear()
    compiled[key] = entry
    return entry


# ------------------------------------------------------------------ selects
def _shape(values):
    shape = []
    for value in values:
        if isinstance(value, (list, tuple)):
            if not value or not all(type(item) in (str, int) for item in value):
                return None
            shape.append(tuple(type(item).__name__ for item in value))
        elif type(value) in (str, int):
            shape.append(type(value).__name__)
        else:
            return None
    return tuple(shape)


def _probes(values):
    """``(probe values shaped as values, {probe: index in the flattened values})``."""
    numbers, where = count(), {}

    def probe(value):
        i = next(numbers)
        # LIKE's specials: a lookup that escapes them (iexact) changes the probe, so it is seen
        made = f"\x1eemm-probe-{i}%_\\\x1e" if isinstance(value, str) else _PROBE_INT + i
        where[made] = i
        return made

    shaped = [[probe(item) for item in value] if isinstance(value, (list, tuple)) else probe(value)
              for value in values]
    return shaped, where


def _flat(values):
    out = []
    for value in values:
        if isinstance(value, (list, tuple)):
            out.extend(value)
        else:
            out.append(value)
    return out


class _Select:
    """A compiled ``SELECT``: its SQL, where each parameter comes from, and the compiler that
    converts its rows."""

    def __init__(self, sql, sources, compiler):
        self.sql, self.sources, self.compiler = sql, sources, compiler
        # The ORM's rows are the database's as they come when none of the columns has a converter
        # (``SQLCompiler.results_iter``: no ``apply_converters``, no composite field): then this
        # statement's rows skip ``results_iter``, which looks the converters up again at every call.
        fields = [s[0] for s in compiler.select[:compiler.col_count]]
        composite = getattr(compiler, "has_composite_fields", lambda fields: False)(fields)
        self.as_they_come = not compiler.get_converters(fields) and not composite

    def rows(self, values):
        flat = _flat(values)
        params = [flat[i] if kind else const for kind, i, const in self.sources]
        with cursor(self.compiler.connection) as cur:  # the connection (alias) the query was built for
            cur.execute(self.sql, params)
            raw = cur.fetchall()
        if self.compiler.has_extra_select:  # ORDER BY columns added for DISTINCT (execute_sql trims them too)
            raw = [row[:self.compiler.col_count] for row in raw]
        if self.as_they_come or not raw:  # (no row: nothing to convert)
            return list(map(tuple, raw))
        return list(self.compiler.results_iter(results=[raw], tuple_expected=True))


def _compile_select(queryset, where):
    """A ``_Select`` for ``queryset`` compiled with probe values (``where``), or None when its
    parameters are not exactly the probes (each used, none rewritten)."""
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    sources, used = [], set()
    for param in params:
        index = where.get(param) if isinstance(param, (str, int)) and not isinstance(param, bool) else None
        if index is not None:
            sources.append((True, index, None))
            used.add(index)
        elif isinstance(param, str) and "\x1eemm-probe-" in param:
            return None  # a probe rewritten by its lookup (a LIKE pattern...): not the value itself
        else:
            sources.append((False, 0, param))  # a constant of the query (n > 0, a LIMIT...)
    return _Select(sql, sources, compiler) if used == set(where.values()) else None


def select(name, build, *values):
    """The rows of ``build(*values)``, a ``values_list`` query, as a list of tuples.

    ``name`` names the statement (one ``build`` per name); ``values``: ``str``, ``int`` or
    non-empty lists of them, the query's only variable parts. Compiled by the ORM once per shape
    and connection (see the module's docstring), built by the ORM on every call where it cannot be."""
    shape = _shape(values)
    if shape is None:
        return [tuple(row) for row in build(*values)]
    # per thread (Django's connections are): the default alias's connection names the thread; the
    # entry runs on the connection of the alias the query itself was built for
    key = (name, id(connections[DEFAULT_DB_ALIAS]), shape)
    entry = _compiled().get(key)
    if entry is None:
        probes, where = _probes(values)
        try:
            compiled = _compile_select(build(*probes), where)
        except (ValueError, TypeError, ValidationError, EmptyResultSet, FullResultSet):
            compiled = None  # a probe the field refuses or finds out of its range, where a value may fit
        entry = _keep(key, compiled or _NOT_REUSED)
    if entry is _NOT_REUSED:
        return [tuple(row) for row in build(*values)]
    return entry.rows(values)


# ------------------------------------------------------------------ inserts
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
    key = (f"insert {model._meta.label}", id(connection), len(rows))
    entry = _compiled().get(key)
    if entry is None:
        entry = _keep(key, _compile_insert(model, rows, same, connection) or _NOT_REUSED)
    if entry is _NOT_REUSED:
        model.objects.bulk_create([model(**{**same, **row}) for row in rows])
        return
    with cursor(connection) as cur:
        cur.execute(entry.sql, entry.params(rows, same))
