"""The reports' summary (``Tally``, ``Submissions``; decision 19): kept by the store in each
submission's own transaction, read by the results panel by index instead of grouping every answer.

The summary rows a submission needs are created beforehand in a short transaction of their own
(``ensure_rows``); inside the submission's transaction they are only updated (``apply``), by
unique key (a record lock, no gap), in one order every transaction follows (tallies sorted by
key, the block's submission count last), so two submissions never wait on each other's counts in
opposite orders. A submission's tallies are updated by one statement (decision 42), or, if one
of their rows is missing, one by one in the submission's transaction run again.
"""

from collections import defaultdict
from itertools import chain

from django.db import IntegrityError, transaction
from django.db.models import Count, F

from . import compiled_sql
from .perspectives import PROFILE_GROUP
from .transactions import RunAgain, again, write

ROLE = "role:"  # ``Tally.split`` of the rows of one role: "role:<role id>"
PROFILE = "profile:"  # ``Tally.split`` of the rows of a participant profile: "profile:<option id>"


def split_of(role):
    """The ``Tally.split`` that counts the rows of ``role`` (``""``: no role, counted in all only)."""
    return f"{ROLE}{role}" if role else ""


def keys_of(group, value, role="", profile=""):
    """The summary keys ``(group, value, split)`` one answer row counts in: all, its role's, and its
    submission's participant profile's."""
    keys = [(group, value, "")]
    if role:
        keys.append((group, value, split_of(role)))
    if profile:
        keys.append((group, value, f"{PROFILE}{profile}"))
    return keys


def profile_of(answers):
    """The participant profile among one submission's ``{group: value}`` ("" if none given)."""
    return answers.get(PROFILE_GROUP, "")


def _key(key):
    return key if len(key) == 3 else (*key, "")


# Summary rows are never deleted by the store: the keys of a block once seen committed are
# remembered per process, and their lookup skipped (``ensure_rows``). A row deleted after all (by
# hand, a ``flush``) is found missing by ``apply``'s UPDATE: the submission's work is run again,
# its counts one by one, and the one found missing is inserted there (``_add``).
_KNOWN = {}  # block_key -> {(group, value, split)} seen committed in this process
KNOWN_BLOCKS = 20_000  # at most this many blocks remembered (then the memory starts afresh)


def _remember(block_key, keys):
    if len(_KNOWN) >= KNOWN_BLOCKS:
        _KNOWN.clear()
    _KNOWN.setdefault(block_key, set()).update(keys)


def forget(block_key=None):
    """Forget the remembered summary keys of ``block_key`` (None: of every block)."""
    if block_key is None:
        _KNOWN.clear()
    else:
        _KNOWN.pop(block_key, None)


def ensure_rows(block_key, keys):
    """Create the summary rows ``keys`` need, with ``n = 0``, in a short transaction of their own
    (committed at once), so that the submission's transaction only ever updates rows that exist:
    an insert there could wait on another's gap lock (REPEATABLE READ). A key is
    ``(group, value, split)``, or ``(group, value)`` for ``split = ""``.

    Keys this process has seen committed are not looked up again (no query at all when every key
    is known, the usual case after a block's first submissions); the block's submission count row
    is created with its first tally rows, so known keys imply it exists."""
    from ..models import Submissions, Tally

    keys = {_key(k) for k in keys}
    known = _KNOWN.get(block_key)
    if known is not None:
        keys -= known
    if not keys:
        return
    have = set(Tally.objects.filter(block_key=block_key, group__in={k[0] for k in keys})
               .values_list("group", "value", "split"))
    missing = sorted(keys - have)
    # remembered once committed (at once outside a transaction; never if the caller's rolls back)
    if have:
        transaction.on_commit(lambda: _remember(block_key, have))
    if not missing:
        return
    first = not have and known is None  # a block's first submission (or first of these groups): its count row too

    def create():
        for group, value, split in missing:
            _create_once(Tally, block_key=block_key, group=group, value=value, split=split)
        if first:
            _create_once(Submissions, block_key=block_key)

    write(create)
    transaction.on_commit(lambda: _remember(block_key, missing))


def _create_once(model, **key):
    """Insert a summary row with ``n = 0`` unless it exists; True if this call inserted it."""
    try:
        with transaction.atomic():
            model.objects.create(**key)
        return True
    except IntegrityError:
        return False  # another request created it: as good


def _add(model, changes, fields):
    """``n = n + d`` on summary rows: ``changes`` is ``[(d, *key)]`` with ``key`` the values of
    ``fields`` (a row's unique key), each one atomic UPDATE, run in that order (its SQL written
    once, not built again by the ORM for each count). ``apply``'s way when its one UPDATE for all
    the tallies found a row missing (the work run again), and for the block's submission count.

    One ``execute`` per row, not one ``executemany``: only each UPDATE's own row count tells which
    row was missing. A row found missing by its UPDATE is inserted here; that it exists *later*
    says nothing (at READ COMMITTED another submission may have inserted and committed it since,
    without this submission's count)."""
    connection = transaction.get_connection()
    sql = _update_sql(model, connection, fields)
    missing = []
    with compiled_sql.cursor(connection) as cursor:
        for change in changes:
            cursor.execute(sql, change)
            if not cursor.rowcount and change[0] > 0:  # (d < 0 on a row never counted: rows written outside the store)
                missing.append(change)
    # a row missing after all (no earlier step made it): insert it here
    for d, *values in missing:
        key = dict(zip(fields, values, strict=True))
        _create_once(model, **key)
        model.objects.filter(**key).update(n=F("n") + d)


_UPDATES = {}  # (model, vendor, key columns) -> "UPDATE ... SET n = n + %s WHERE ..."


def _update_sql(model, connection, fields):
    sql = _UPDATES.get((model, connection.vendor, fields))
    if sql is None:
        quote = connection.ops.quote_name
        where = " AND ".join(f"{quote(model._meta.get_field(name).column)} = %s" for name in fields)
        sql = f"UPDATE {quote(model._meta.db_table)} SET {quote('n')} = {quote('n')} + %s WHERE {where}"
        _UPDATES[model, connection.vendor, fields] = sql
    return sql


_TALLY_KEY = ("block_key", "group", "value", "split")
BATCH = 100  # tallies at most in one UPDATE (at most 8 parameters a row: under SQLite's old limit of 999)


def _add_at_once(model, block_key, changes):
    """``n = n + d`` on a block's tally rows, ``changes`` ``[(d, group, value, split)]`` sorted by
    key: one UPDATE (per ``BATCH`` rows) whose WHERE names each row by its whole unique key
    (``emm_tally_split_key``: on MariaDB a ``range`` of the key that locks these rows as their
    one-row UPDATEs did, in the index's order, which is the keys' sorted order; on SQLite a
    ``MULTI-INDEX OR`` of searches), ``n = n + %s`` when every ``d`` is the same, else
    ``n = n + CASE ... END``.

    Its row count tells only that *some* row is missing, not which one, and an UPDATE cannot be
    taken back row by row (a row another submission inserts meanwhile would be taken back too):
    then ``RunAgain``, which ``transactions.write`` answers by rolling the whole work back and
    running it again, where ``apply`` updates the rows one by one (``_add``). So ``apply`` must run
    inside ``transactions.write`` (``store.record`` does)."""
    connection = transaction.get_connection()
    with compiled_sql.cursor(connection) as cursor:
        for start in range(0, len(changes), BATCH):
            part = changes[start:start + BATCH]
            keys = list(chain.from_iterable((block_key, *change[1:]) for change in part))
            if all(change[0] == part[0][0] for change in part):
                cursor.execute(_batch_sql(model, connection, len(part), False), [part[0][0], *keys])
            else:  # (a named resubmission: -1 on the old rows, +1 on the new)
                cursor.execute(_batch_sql(model, connection, len(part), True),
                               [*chain.from_iterable((*change[1:], change[0]) for change in part), *keys])
            if cursor.rowcount != len(part):
                raise RunAgain(f"{len(part) - cursor.rowcount} of {len(part)} summary rows missing")


_BATCHES = {}  # (model, vendor, rows, deltas differ) -> "UPDATE ... WHERE (block_key = %s AND ...) OR ..."


def _batch_sql(model, connection, rows, differ):
    """The block key inside each row's term, not once before them all: SQLite (no ``ANALYZE``) then
    searched the block's rows by ``block_key`` alone and tested each one; with it, one search by
    the whole key per row. On MySQL/MariaDB the unique key is forced (``FORCE INDEX``): in a table
    of a few rows, or whose statistics are not yet counted, MariaDB 10.11 chose to read the whole
    table by its primary key instead, which at REPEATABLE READ locks every row of every block."""
    sql = _BATCHES.get((model, connection.vendor, rows, differ))
    if sql is None:
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        if connection.vendor == "mysql":
            index = next(c.name for c in model._meta.constraints if tuple(getattr(c, "fields", ())) == _TALLY_KEY)
            table = f"{table} FORCE INDEX ({quote(index)})"
        block, *rest = (quote(model._meta.get_field(name).column) for name in _TALLY_KEY)
        key = "(" + " AND ".join(f"{column} = %s" for column in rest) + ")"
        row = "(" + " AND ".join(f"{column} = %s" for column in (block, *rest)) + ")"
        n = quote("n")
        add = f"CASE {' '.join([f'WHEN {key} THEN %s'] * rows)} ELSE 0 END" if differ else "%s"
        sql = f"UPDATE {table} SET {n} = {n} + {add} WHERE {' OR '.join([row] * rows)}"
        _BATCHES[model, connection.vendor, rows, differ] = sql
    return sql


def apply(block_key, tally, submissions):
    """Apply a submission's changes to the summary: ``tally[(group, value, split)]`` rows (or
    ``tally[(group, value)]`` for ``split = ""``) and ``submissions`` submissions, in the one order
    every transaction follows: the tallies by one UPDATE (``_add_at_once``; one by one when the
    work runs again because a row was missing), then the block's submission count.
    Runs inside ``transactions.write`` (it may raise ``RunAgain`` to it)."""
    from ..models import Submissions, Tally

    changes = [(d, *key) for key, d in sorted((_key(k), d) for k, d in tally.items()) if d]
    if changes:
        if again():
            _add(Tally, [(d, block_key, *key) for d, *key in changes], _TALLY_KEY)
        else:
            _add_at_once(Tally, block_key, changes)
    if submissions:
        _add(Submissions, [(submissions, block_key)], ("block_key",))


def tallies(block_key):
    """``{group: {value: count}}`` for a block (all its rows), read from its summary (index ``emm_tally_split_key``)."""
    from ..models import Tally

    result = defaultdict(dict)
    for group, value, n in compiled_sql.select("tallies", lambda b: Tally.objects.filter(
            block_key=b, split="", n__gt=0).values_list("group", "value", "n"), block_key):
        result[group][value] = n
    return dict(result)


def role_tallies(block_key, groups=None):
    """``{role: {group: {value: count}}}`` for a block (only ``groups``, if given: a debrief reads
    its path's nodes, not the whole scenario's): its summary split by the role on the rows (rows
    without a role are in ``tallies`` only). Read by the same index, ``emm_tally_split_key``."""
    return _split_tallies(block_key, ROLE, groups)


def profile_tallies(block_key, groups=None):
    """``{profile option id: {group: {value: count}}}`` for a block: its summary split by the
    participant profile each submission gave (submissions without one are in ``tallies`` only)."""
    return _split_tallies(block_key, PROFILE, groups)


def panel_counts(block_key, profiles=False):
    """``(respondents(block_key), tallies(block_key), profile_tallies(block_key) or None)`` read in
    one statement (``UNION ALL``) instead of two to four (the case study's feedback panel reads them
    at every submit, the Likert's at every "Show results"), and on the platform's MySQL each
    statement is a round trip. ``profiles``: the block asks a profile question, so its tallies
    split by profile are read too (else the third is None). The block's ``Submissions`` row is
    told apart by its NULL group (a tally's never is; the rows come in no set order); the tallies
    by the index ``emm_tally_split_key``, the count by ``emm_submissions_key``."""
    from django.db.models import CharField, Q, Value

    from ..models import Submissions, Tally

    def build(b):
        none = Value(None, output_field=CharField())
        splits = Q(split="") | Q(split__startswith=PROFILE) if profiles else Q(split="")
        counted = Submissions.objects.filter(block_key=b).values_list(none, none, none, "n")
        return counted.union(Tally.objects.filter(splits, block_key=b, n__gt=0).values_list(
            "group", "value", "split", "n"), all=True)

    respondents, everyone = 0, defaultdict(dict)
    by_profile = defaultdict(lambda: defaultdict(dict))
    for group, value, split, n in compiled_sql.select(f"panel counts {bool(profiles)}", build, block_key):
        if group is None:
            respondents = n
        elif split:
            by_profile[split.removeprefix(PROFILE)][group][value] = n
        else:
            everyone[group][value] = n
    return (respondents, dict(everyone),
            {key: dict(groups) for key, groups in by_profile.items()} if profiles else None)


def _split_tallies(block_key, prefix, groups):
    from ..models import Tally

    def build(b, *chosen):
        rows = Tally.objects.filter(block_key=b, split__startswith=prefix, n__gt=0)
        if chosen:
            rows = rows.filter(group__in=chosen[0])
        return rows.values_list("group", "value", "split", "n")

    chosen = () if groups is None else (sorted(set(groups)),)
    if chosen and not chosen[0]:
        return {}
    result = defaultdict(lambda: defaultdict(dict))
    for group, value, split, n in compiled_sql.select(f"tallies split {prefix}", build, block_key, *chosen):
        result[split.removeprefix(prefix)][group][value] = n
    return {key: dict(groups) for key, groups in result.items()}


def respondents(block_key):
    """How many submissions a block has: its one ``Submissions`` row (index ``emm_submissions_key``)."""
    from ..models import Submissions

    rows = compiled_sql.select("respondents", lambda b: Submissions.objects.filter(block_key=b).values_list("n"),
                             block_key)
    return rows[0][0] if rows else 0


def counted_from_rows(block_key):
    """``(respondents, tallies)`` of a block counted from its answer rows (a ``GROUP BY`` of the
    block's rows, a distinct count on ``emm_resp_submission``): what the summary must equal.
    Slow on a large block (a scan of its rows); for checks and ``make bench``, not for requests
    (no index serves it since migration 0010: answers are written at every submission)."""
    from ..models import Answer

    rows = Answer.objects.filter(block_key=block_key)
    result = defaultdict(dict)
    for group, value, n in rows.values_list("group", "value").annotate(n=Count("id")).order_by():
        result[group][value] = n
    return rows.values("submission").distinct().count(), dict(result)
