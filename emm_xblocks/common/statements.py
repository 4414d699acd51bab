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
* ``insert(model, rows)``: ``INSERT`` of ``rows`` (dicts of field name to value; a field left out
  takes its default), one statement, as ``bulk_create`` writes it. The SQL is compiled once per
  (model, number of rows); each value is prepared by its field (``Field.get_db_prep_save``, what
  the ORM's insert compiler does) and the first compile checks that this gives exactly the ORM's
  parameters, else the insert goes through ``bulk_create`` every time. Raises ``IntegrityError``
  as ``bulk_create`` does (Django's cursor wraps the driver's errors).

Compiled statements are kept per thread (Django keeps a connection object per thread and alias;
each statement runs on the connection its query was built for), in the thread's own memory, which
ends with the thread (a compiled select holds its connection: kept anywhere else, the connection
of every thread that ended, a runserver request's say, would stay open), at most ``KEPT`` of them,
then the memory starts afresh. Values may be ``str``, ``int``
(not ``bool``) or non-empty lists of them; anything else is built by the ORM every time.
"""

import threading
from itertools import count

from django.core.exceptions import EmptyResultSet, FullResultSet, ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, router

KEPT = 2_000  # compiled statements kept (per thread), then the memory starts afresh
_PROBE_INT = 1_900_000_000  # probe integers: distinct, within every backend's 32-bit integer range
_NOT_REUSED = object()

_local = threading.local()  # .compiled: {(name, connection id, shape) -> _Select | _Insert | _NOT_REUSED}
_generation = [0]  # bumped by ``forget``: every thread's memory starts afresh at its next statement


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

    def rows(self, values):
        flat = _flat(values)
        params = [flat[i] if kind else const for kind, i, const in self.sources]
        with self.compiler.connection.cursor() as cursor:  # the connection (alias) the query was built for
            cursor.execute(self.sql, params)
            raw = cursor.fetchall()
        if self.compiler.has_extra_select:  # ORDER BY columns added for DISTINCT (execute_sql trims them too)
            raw = [row[:self.compiler.col_count] for row in raw]
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
_TEXT_METHODS = ("get_db_prep_save", "get_db_prep_value", "get_prep_value", "to_python")


def _keeps_text(field):
    """True if ``field`` prepares a ``str`` as the str itself: a ``CharField`` or ``TextField``
    whose preparing methods are Django's own (``ExactCharField`` changes only its column type).
    Saves ``get_db_prep_save``'s four calls per value (most of a row's insert); the first compile
    of each insert still checks the result against the ORM's parameters."""
    from django.db.models import CharField, TextField

    base = CharField if isinstance(field, CharField) else TextField if isinstance(field, TextField) else None
    return base is not None and all(getattr(type(field), name) is getattr(base, name) for name in _TEXT_METHODS)


class _Insert:
    def __init__(self, sql, fields):
        self.sql, self.fields = sql, fields
        self.plain = [(field, field.attname, _keeps_text(field)) for field in fields]

    def params(self, connection, rows):
        return [value if text and type(value) is str else field.get_db_prep_save(value, connection=connection)
                for row in rows for field, name, text in self.plain for value in (row[name],)]


def _complete(model, rows):
    """``rows`` with every concrete field given (its default where left out), by attribute name."""
    fields = [f for f in model._meta.concrete_fields if not getattr(f, "generated", False)]
    return fields, [{f.attname: row[f.name] if f.name in row else f.get_default() for f in fields}
                    for row in rows]


def _compile_insert(model, fields, rows, connection):
    """An ``_Insert`` for ``rows`` as the ORM compiles their ``bulk_create`` (one statement, no
    columns returned), or None when it is not one statement or its parameters differ from each
    field's ``get_db_prep_save``."""
    from django.db.models.sql import InsertQuery

    objs = [model(**row) for row in rows]
    query = InsertQuery(model)
    query.insert_values(fields, objs, raw=False)
    compiled = query.get_compiler(connection=connection).as_sql()
    if len(compiled) != 1:
        return None
    sql, params = compiled[0]
    entry = _Insert(sql, fields)
    return entry if list(params) == entry.params(connection, rows) else None


def insert(model, rows):
    """Insert ``rows`` (``[{field name: value}]``, defaults for the fields left out) of ``model``
    in one statement; raises ``IntegrityError`` when a unique key is taken (nothing inserted)."""
    fields, rows = _complete(model, rows)
    connection = connections[router.db_for_write(model)]
    key = (f"insert {model._meta.label}", id(connection), len(rows))
    entry = _compiled().get(key)
    if entry is None:
        entry = _keep(key, _compile_insert(model, fields, rows, connection) or _NOT_REUSED)
    if entry is _NOT_REUSED:
        model.objects.bulk_create([model(**row) for row in rows])
        return
    with connection.cursor() as cursor:
        cursor.execute(entry.sql, entry.params(connection, rows))
