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
* ``insert(model, rows, same)`` is in ``inserts``, which keeps its compiled inserts here too.

Compiled statements are kept per thread (Django keeps a connection object per thread and alias;
each statement runs on the connection its query was built for), in the thread's own memory, which
ends with the thread (a compiled select holds its connection: kept anywhere else, the connection
of every thread that ended, a runserver request's say, would stay open), at most ``KEPT`` of them,
then the memory starts afresh. Values may be ``str``, ``int``
(not ``bool``) or non-empty lists of them; anything else is built by the ORM every time.
"""

import threading
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from itertools import count

from django.core.exceptions import EmptyResultSet, FullResultSet, ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

KEPT = 2_000  # compiled statements kept (per thread), then the memory starts afresh
_PROBE_INT = 1_900_000_000  # probe integers: distinct, within every backend's 32-bit integer range
NOT_REUSED = object()

_local = threading.local()  # .compiled: {(name, connection id, shape) -> _Select | _Insert | NOT_REUSED}
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
    return {key[0] for key, entry in _compiled().items() if entry is not NOT_REUSED}


def remembered(key, compile_it):
    """This thread's compiled statement ``key``, compiled by ``compile_it()`` the first time (its
    ``None``: not reusable, kept as ``NOT_REUSED`` so that the ORM builds it on every call)."""
    compiled = _compiled()
    entry = compiled.get(key)
    if entry is None:
        if len(compiled) >= KEPT:
            compiled.clear()
        entry = compiled[key] = compile_it() or NOT_REUSED
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
        self.as_they_come = not compiler.get_converters(fields) and not compiler.has_composite_fields(fields)

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


def _probed_select(build, values):
    probes, where = _probes(values)
    try:
        return _compile_select(build(*probes), where)
    except (ValueError, TypeError, ValidationError, EmptyResultSet, FullResultSet):
        return None  # a probe the field refuses or finds out of its range, where a value may fit


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
    entry = remembered((name, id(connections[DEFAULT_DB_ALIAS]), shape), lambda: _probed_select(build, values))
    if entry is NOT_REUSED:
        return [tuple(row) for row in build(*values)]
    return entry.rows(values)
