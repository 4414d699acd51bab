"""The anonymous aggregate store (see ``emm_xblocks.models``), as plain functions.

Writes insert rows inside one transaction, so a submission is stored whole or not at all and
concurrent learners never overwrite each other. The same transaction keeps the reports' summary
(``Tally``, ``Submissions``): one atomic ``UPDATE ... SET n = n + d`` per count it changes, so the
results panel reads a few rows by index instead of grouping every answer (decision 19).

On MySQL/MariaDB (InnoDB) a transaction can fail only because others ran at the same moment:
a deadlock (error 1213) or a lock wait timeout (1205). Every write here is one transaction that
is retried whole, a bounded number of times, before the request fails with ``Busy``. The writes
are laid out so that such failures stay rare at both isolation levels Open edX uses (REPEATABLE
READ, READ COMMITTED): a learner's earlier rows are found by a plain read and deleted by primary
key, so no range of an index is locked and learners never wait on each other's gaps. The summary
rows a submission needs are created beforehand in a short transaction of their own; inside the
submission's transaction they are only updated, by unique key (a record lock, no gap), in one
order every transaction follows (tallies sorted by key, the block's submission count last), so
two submissions never wait on each other's counts in opposite orders.

Handlers in the LMS run outside any transaction (``non_atomic_requests``); when a caller already
holds one (a test, a management command), a write joins it and is not retried: only the
outermost transaction can be.
"""

import contextvars
import random
import time
import uuid
from collections import defaultdict, namedtuple
from contextlib import contextmanager, suppress

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone

RESPONDENT = "respondent"  # the claim slot that serialises one named respondent's rows
ATTEMPTS = 6  # tries of one write transaction on MySQL deadlocks and lock wait timeouts
RETRIED = {1213, 1205}  # ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
INCORRECT_STRING = 1366  # ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: a character the column's charset lacks


class AlreadyClaimed(Exception):
    """The (block, user, slot) claim exists: the action was already done once."""


class StoreError(Exception):
    """A write the database refused; ``common.handlers`` answers it with a translated error."""


class Busy(StoreError):
    """Other requests kept the rows locked through every retry: try again in a moment."""


class TextNotStorable(StoreError):
    """The database's character set cannot hold a character of the text (an emoji on utf8mb3)."""


Taken = namedtuple("Taken", "block_key user_key slot taken")
_held = contextvars.ContextVar("emm_claims_of_this_request", default=None)


def _mysql_code(err):
    code = err.args[0] if err.args else None
    return code if isinstance(code, int) else None


def _write(work):
    """``work()`` in one transaction, retried whole on a deadlock or lock wait timeout."""
    tries = 1 if transaction.get_connection().in_atomic_block else ATTEMPTS
    for attempt in range(1, tries + 1):
        try:
            with transaction.atomic():
                return work()
        except IntegrityError:
            raise
        except DatabaseError as err:
            code = _mysql_code(err)
            if code == INCORRECT_STRING:
                raise TextNotStorable(str(err)) from err
            if code not in RETRIED:
                raise
            if attempt == tries:
                raise Busy(str(err)) from err
            time.sleep(random.uniform(0, 0.01 * 2 ** attempt))  # let the winner finish first
    raise AssertionError("unreachable")


def _ensure_claim_row(block_key, user_key, slot):
    """Create the claim row if it is missing, in its own short transaction (committed at once)."""
    from ..models import Claim

    if Claim.objects.filter(block_key=block_key, user_key=user_key, slot=slot).exists():
        return

    def create():
        try:
            with transaction.atomic():
                Claim.objects.create(block_key=block_key, user_key=user_key, slot=slot)
        except IntegrityError:
            pass  # another request created it: as good

    _write(create)


def record(block_key, answers, *, user_key="", replace=False, comment="", claim=None):
    """Store one submission: ``answers`` maps group (statement, question, node) to value.

    * ``user_key`` is stored on the rows (empty in anonymous mode);
    * ``replace`` makes these rows the user's only ones in the block: their earlier rows are
      deleted in the same transaction, under a per-user lock row, so even two first submissions
      sent at the same moment leave one submission, not two;
    * ``claim=(user, slot)`` must not exist yet, else ``AlreadyClaimed`` and nothing is stored;
      it is taken in the same transaction, so it is never kept without the rows.
    Returns the submission id. Raises ``Busy`` or ``TextNotStorable`` (see ``StoreError``).
    """
    from ..models import Answer, Claim, Comment

    submission = uuid.uuid4()
    today = timezone.now().date()
    named = replace and user_key
    answers = {str(group): str(value) for group, value in answers.items()}
    if named:
        _ensure_claim_row(block_key, user_key, RESPONDENT)
    _ensure_summary_rows(block_key, answers.items())

    def work():
        # the summary's changes, counted afresh on every try (a retried transaction starts over)
        tally = defaultdict(int)
        submissions = 1 if answers else 0
        if claim is not None:
            try:
                Claim.objects.create(block_key=block_key, user_key=claim[0], slot=claim[1])
            except IntegrityError as err:
                raise AlreadyClaimed(claim) from err
        if named:
            # the lock row: one request of this user at a time past this line
            list(Claim.objects.select_for_update().filter(block_key=block_key, user_key=user_key, slot=RESPONDENT)
                 .values_list("id", flat=True))
            # a plain read (the snapshot starts here, after the lock: it sees the rows of the request
            # that held it), then deletes by primary key: no index range is locked
            mine = {"block_key": block_key, "user_key": user_key}
            old = list(Answer.objects.filter(**mine).values_list("id", "submission", "group", "value"))
            if old:
                Answer.objects.filter(id__in=[row[0] for row in old]).delete()
                for _id, _submission, group, value in old:
                    tally[group, value] -= 1
                submissions -= len({row[1] for row in old})
            old = list(Comment.objects.filter(**mine).values_list("id", flat=True))
            if old:
                Comment.objects.filter(id__in=old).delete()
        Answer.objects.bulk_create([
            Answer(block_key=block_key, submission=submission, group=group, value=value,
                   user_key=user_key, day=today)
            for group, value in answers.items()
        ])
        if comment:
            Comment.objects.create(block_key=block_key, submission=submission, text=comment,
                                   user_key=user_key, day=today)
        for group, value in answers.items():
            tally[group, value] += 1
        _count(block_key, tally, submissions)  # last: the counts' locks are held the shortest time

    _write(work)
    return submission


def _ensure_summary_rows(block_key, keys):
    """Create the summary rows ``keys`` ((group, value) pairs) need, with ``n = 0``, in a short
    transaction of their own (committed at once), so that the submission's transaction only ever
    updates rows that exist: an insert there could wait on another's gap lock (REPEATABLE READ)."""
    from ..models import Submissions, Tally

    keys = set(keys)
    if not keys:
        return
    have = set(Tally.objects.filter(block_key=block_key, group__in={group for group, _ in keys})
               .values_list("group", "value"))
    missing = sorted(keys - have)
    if not missing:
        return
    first = not have  # a block's first submission (or first of these groups): its count row too

    def create():
        for group, value in missing:
            _create_once(Tally, block_key=block_key, group=group, value=value)
        if first:
            _create_once(Submissions, block_key=block_key)

    _write(create)


def _create_once(model, **key):
    """Insert a summary row with ``n = 0`` unless it exists; True if this call inserted it."""
    try:
        with transaction.atomic():
            model.objects.create(**key)
        return True
    except IntegrityError:
        return False  # another request created it: as good


def _add(model, d, **key):
    """``n = n + d`` on a summary row: one atomic UPDATE by its unique key (its SQL written once,
    not built again by the ORM for each count of each submission)."""
    connection = transaction.get_connection()
    with connection.cursor() as cursor:
        cursor.execute(_update_sql(model, connection, tuple(key)), [d, *key.values()])
        if cursor.rowcount or d < 0:
            return  # (d < 0 on a row never counted: rows written outside the store; nothing to take back)
    _create_once(model, **key)  # missing after all (no earlier step made it): insert it here
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


def _count(block_key, tally, submissions):
    """Apply a submission's changes to the summary: ``tally[(group, value)]`` rows and ``submissions``
    submissions, each one atomic UPDATE, in the one order every transaction follows."""
    from ..models import Submissions, Tally

    for (group, value), d in sorted(tally.items()):
        if d:
            _add(Tally, d, block_key=block_key, group=group, value=value)
    if submissions:
        _add(Submissions, submissions, block_key=block_key)


def claim(block_key, user_key, slot, stale_after=None):
    """Take a one-time slot (an attempt number, say); ``AlreadyClaimed`` if it is taken.

    With ``stale_after`` (seconds), a claim older than that is taken over instead: the caller's
    state says the slot is free, so the old claim belongs to a state that was since reset. The
    take-over is one conditional UPDATE, so of two requests racing for it only one wins.
    Returns what ``release`` needs to give the slot back.
    """
    from ..models import Claim

    now = timezone.now()
    taken = now if stale_after is not None else None

    def create():
        try:
            with transaction.atomic():
                Claim.objects.create(block_key=block_key, user_key=user_key, slot=slot, taken=taken)
            return True
        except IntegrityError:
            return False

    if not _write(create):
        if stale_after is None:
            raise AlreadyClaimed((user_key, slot))
        cutoff = now - timezone.timedelta(seconds=stale_after)
        won = _write(lambda: Claim.objects.filter(block_key=block_key, user_key=user_key, slot=slot,
                                                  taken__lt=cutoff).update(taken=now))
        if not won:
            raise AlreadyClaimed((user_key, slot))
    result = Taken(block_key, user_key, slot, taken)
    held = _held.get()
    if held is not None:
        held.append(result)
    return result


def release(taken):
    """Give back a slot ``claim`` took (only that claim: not one taken over since)."""
    from ..models import Claim

    _write(lambda: Claim.objects.filter(block_key=taken.block_key, user_key=taken.user_key, slot=taken.slot,
                                        taken=taken.taken).delete())


@contextmanager
def claims_released_on_failure():
    """Every slot ``claim`` takes inside the ``with`` block is given back if the block raises.

    ``common.handlers.json_handler`` runs each handler in one: a handler claims an attempt number,
    then writes the learner's rows and state; if any of that fails, the number is free again
    (otherwise the learner would be told for minutes that the attempt "was already submitted").
    """
    held = []
    token = _held.set(held)
    try:
        yield
    except BaseException:
        for taken in reversed(held):
            with suppress(DatabaseError):  # the original error is the one to report
                release(taken)
        raise
    finally:
        _held.reset(token)


def forget_claims(block_key, user_key):
    """Forget every claim of ``user_key`` in a block (staff deleted that learner's state)."""
    from ..models import Claim

    _write(lambda: Claim.objects.filter(block_key=block_key, user_key=user_key).delete())


def tallies(block_key):
    """``{group: {value: count}}`` for a block, read from its summary (index ``emm_tally_key``)."""
    from ..models import Tally

    result = defaultdict(dict)
    for group, value, n in Tally.objects.filter(block_key=block_key, n__gt=0).values_list("group", "value", "n"):
        result[group][value] = n
    return dict(result)


def respondents(block_key):
    """How many submissions a block has: its one ``Submissions`` row (index ``emm_submissions_key``)."""
    from ..models import Submissions

    return next(iter(Submissions.objects.filter(block_key=block_key).values_list("n", flat=True)), 0)


def counted_from_rows(block_key):
    """``(respondents, tallies)`` of a block counted from its answer rows (``GROUP BY`` on index
    ``emm_resp_tally``, a distinct count on ``emm_resp_submission``): what the summary must equal.
    Slow on a large block (a scan of its rows); for checks and ``make bench``, not for requests."""
    from ..models import Answer

    rows = Answer.objects.filter(block_key=block_key)
    result = defaultdict(dict)
    for group, value, n in rows.values_list("group", "value").annotate(n=Count("id")).order_by():
        result[group][value] = n
    return rows.values("submission").distinct().count(), dict(result)


def comments(block_key):
    """``[(submission, text)]`` of a block, oldest day first."""
    from ..models import Comment

    return list(Comment.objects.filter(block_key=block_key).order_by("day", "text")
                .values_list("submission", "text"))


class ExportRows:
    """Every answer row of a block as ``(submission, user_key, day, group, value)``, the rows of a
    submission together (in submission order: random, so it says nothing of who answered when).

    Read in pages of about ``chunk_size`` rows, each page one query that starts where the last
    one stopped on index ``emm_resp_submission`` (``block_key, submission, group``): the memory
    used is one page's, however many rows the block has, on every database (mysqlclient would
    otherwise hold a whole result in memory, and ``OFFSET`` would rescan the skipped rows).
    """

    def __init__(self, block_key):
        self.block_key = block_key

    def __iter__(self):
        return self.iterator()

    def iterator(self, chunk_size=2000):
        from ..models import Answer

        after = None
        while True:
            rows = Answer.objects.filter(block_key=self.block_key)
            if after is not None:
                rows = rows.filter(submission__gt=after)
            page = list(rows.order_by("submission", "group")
                        .values_list("submission", "user_key", "day", "group", "value")[:chunk_size])
            if len(page) < chunk_size:
                yield from page
                return
            whole = [row for row in page if row[0] != page[-1][0]]  # the last submission may go on
            if not whole:
                chunk_size *= 2  # one submission longer than a page: read a bigger one
                continue
            yield from whole
            after = whole[-1][0]


def export_rows(block_key):
    """Every answer row of a block, for a CSV export: ``ExportRows`` (iterate it, or
    ``.iterator(chunk_size=...)``), streamed in pages of bounded size."""
    return ExportRows(block_key)


def export_submissions(block_key, chunk_size=2000):
    """``(submission, user_key, day, {group: value}, comment)`` for each submission of a block,
    streamed (a CSV writer can write each as it comes); one comment query per page of rows."""
    from ..models import Comment

    def flush(batch):
        texts = dict(Comment.objects.filter(block_key=block_key, submission__in=[b[0] for b in batch])
                     .values_list("submission", "text"))
        for submission, user_key, day, answers in batch:
            yield submission, user_key, day, answers, texts.get(submission, "")

    batch, current = [], None
    for submission, user_key, day, group, value in export_rows(block_key).iterator(chunk_size):
        if current is None or current[0] != submission:
            if len(batch) >= max(1, chunk_size // 10):
                yield from flush(batch)
                batch = []
            current = (submission, user_key, day, {})
            batch.append(current)
        current[3][group] = value
    if batch:
        yield from flush(batch)
