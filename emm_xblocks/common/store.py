"""The anonymous aggregate store's writes (see ``emm_xblocks.models``): a submission's rows and
the one-time claims, as plain functions.

Writes insert rows inside one transaction, so a submission is stored whole or not at all and
concurrent learners never overwrite each other; the same transaction keeps the reports' summary
(``common.summary``). Every write is retried whole on MySQL's deadlocks and lock-wait timeouts
(``common.transactions``). The writes are laid out so that such failures stay rare at both
isolation levels Open edX uses (REPEATABLE READ, READ COMMITTED): a learner's earlier rows are
found by a plain read and deleted by primary key, so no range of an index is locked and learners
never wait on each other's gaps. Reads for reports: ``common.summary`` (figures) and
``common.answer_rows`` (comments, the paged export).
"""

import contextvars
import uuid
from collections import defaultdict, namedtuple
from contextlib import contextmanager, suppress

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from . import compiled_sql, inserts, summary
from .transactions import write, write_one

RESPONDENT = "respondent"  # the claim slot that serialises one named respondent's rows


class AlreadyClaimed(Exception):
    """The (block, user, slot) claim exists: the action was already done once."""


# what ``claim`` took, to give back (``tag``: the action's slot taken with it, "" if none)
Taken = namedtuple("Taken", "block_key user_key slot taken tag", defaults=("",))

_held = contextvars.ContextVar("emm_claims_of_this_request", default=None)
_joined = contextvars.ContextVar("emm_state_joined", default=False)


def _claims(block_key, user_key, slots, taken=None):
    """Insert the claims ``slots`` of ``user_key`` in one statement (the first ``taken`` at
    ``taken``); ``IntegrityError`` if one is taken. Called inside a ``write``: the error rolls
    back the transaction, which a caller keeps for its claims (no savepoint inside it)."""
    from ..models import Claim

    inserts.insert(Claim, [{"slot": slot, "taken": taken if i == 0 else None} for i, slot in enumerate(slots)],
                      {"block_key": block_key, "user_key": user_key})


def _claim_ids(block_key, user_key, slot):
    """The id of the claim row (block, user, slot), if it exists (at most one: ``emm_claim_once``)."""
    from ..models import Claim

    return compiled_sql.select(
        "claim", lambda b, u, s: Claim.objects.filter(block_key=b, user_key=u, slot=s).values_list("id")[:1],
        block_key, user_key, slot)


def locks_rows():
    """False where a write transaction holds the whole database from its first statement (SQLite
    whose ``OPTIONS`` say ``transaction_mode`` IMMEDIATE or EXCLUSIVE, the workbench's and the
    tests' settings: Django then begins every transaction so, ``sqlite3/base.py``): no
    two of them run at once, so a per-user lock row would serialise nothing (SQLite has no
    ``SELECT ... FOR UPDATE``: Django leaves the clause out) and only cost its first INSERT's own
    commit. True on MySQL-class servers, which lock rows, and on SQLite in its default (DEFERRED)
    mode, where two transactions may read before either writes."""
    connection = transaction.get_connection()
    if connection.vendor != "sqlite":
        return True
    mode = connection.settings_dict.get("OPTIONS", {}).get("transaction_mode") or "DEFERRED"
    return mode.upper() not in ("IMMEDIATE", "EXCLUSIVE")


@contextmanager
def state_joined():
    """One transaction around what a learner action keeps, where the database has one writer at a
    time (``locks_rows()`` false: SQLite beginning transactions IMMEDIATE, the workbench's and the
    tests' settings); yields True there, and the caller saves the learner's state inside it, so the
    submission's rows and the state are committed together (one commit, not two; kept whole or
    not at all). Elsewhere (MySQL-class servers, SQLite in DEFERRED mode) yields False and opens
    nothing: the LMS saves the state in ``DjangoXBlockUserStateClient.set_many``'s own
    transaction, whose ``get_or_create`` must not read ``StudentModule`` from the submission's
    snapshot (decision 49); with one writer there is no older snapshot to read (decision 67)."""
    if locks_rows() or transaction.get_connection().in_atomic_block:
        yield False
        return
    token = _joined.set(True)
    try:
        with transaction.atomic():
            yield True
    finally:
        _joined.reset(token)


def in_joined():
    """True inside ``state_joined``'s transaction: one writer at a time, so what it reads of a row
    it has not written itself is committed data (``descriptions`` may trust it)."""
    return _joined.get()


def _ensure_claim_row(block_key, user_key, slot):
    """Create the claim row if it is missing: one INSERT in autocommit, committed at once
    (``write_one``), refused by the unique key when the row exists. No read first: most calls are
    a learner's first submission, where the row is missing (one statement instead of two), and a
    refused INSERT costs a learner's later submissions what the read did."""
    try:
        write_one(lambda: _claims(block_key, user_key, [slot]))
    except IntegrityError:
        pass  # made by an earlier submission, or by another request a moment ago: as good


def record(block_key, answers, *, user_key="", replace=False, comment="", claim=None, tag="", role="",
           comments=True, attempt=False):
    """Store one submission: ``answers`` maps group (statement, question, node) to value.

    * ``user_key`` is stored on the rows (empty in anonymous mode);
    * ``replace`` makes these rows the user's only ones in the block: their earlier rows are
      deleted in the same transaction, under a per-user lock row, so even two first submissions
      sent at the same moment leave one submission, not two;
    * ``claim=(user, slot)`` must not exist yet, else ``AlreadyClaimed`` and nothing is stored;
      it is taken in the same transaction, so it is never kept without the rows;
    * ``attempt``: ``claim`` is an attempt number, as ``claim(..., stale_after=...)`` takes one: taken
      with the time it was taken (a stale one can be taken over later) and, once the rows are kept,
      given back if a later step of the request fails (``claims_released_on_failure``);
    * ``tag``: with ``claim``, a second slot of the same user taken with it (the action that
      stored the rows, ``common.recovery.slot``), so a retry of that action can tell (``claimed``);
    * ``comments``: False for a block that never keeps a comment (a named resubmission then does
      not look for the learner's earlier one);
    * ``role``: the role the learner played (role-play), kept on every row and counted in the
      summary both among all rows and among that role's (``summary.role_tallies``);
    * a participant profile travels as one more answer, ``answers[summary.PROFILE_GROUP]`` (Likert):
      every row of the submission is also counted among that profile's (``summary.profile_tallies``).
    Returns the submission id. Raises ``Busy`` or ``TextNotStorable`` (see ``StoreError``).
    """
    from ..models import Answer, Claim, Comment

    submission = uuid.uuid4()
    now = timezone.now()
    today = now.date()
    taken = now if attempt else None
    named = replace and user_key
    locked = named and locks_rows()
    answers = {str(group): str(value) for group, value in answers.items()}
    if locked:
        _ensure_claim_row(block_key, user_key, RESPONDENT)
    profile = summary.profile_of(answers)  # the submission's participant profile, if it gave one
    summary.ensure_rows(block_key, [k for group, value in answers.items()
                                    for k in summary.keys_of(group, value, role, profile)])

    def work():
        with compiled_sql.one_cursor():  # the transaction's statements on one cursor
            keep()

    def keep():
        # the summary's changes, counted afresh on every try (a retried transaction starts over)
        tally = defaultdict(int)
        submissions = 1 if answers else 0
        if claim is not None:
            try:  # the one-time slot and the action's, in one INSERT
                _claims(block_key, claim[0], [claim[1], tag] if tag else [claim[1]], taken)
            except IntegrityError as err:
                raise AlreadyClaimed(claim) from err
        if locked:  # the lock row: one request of this user at a time past this line
            compiled_sql.select("respondent lock", lambda b, u: Claim.objects.select_for_update().filter(
                block_key=b, user_key=u, slot=RESPONDENT).values_list("id"), block_key, user_key)
        if named:
            # a plain read (the snapshot starts here, after the lock: it sees the rows of the request
            # that held it), then deletes by primary key: no index range is locked
            old = compiled_sql.select("respondent answers", lambda b, u: Answer.objects.filter(
                block_key=b, user_key=u).values_list("id", "submission", "group", "value", "role"),
                block_key, user_key)
            if old:
                Answer.objects.filter(id__in=[row[0] for row in old]).delete()
                old_profiles = {row[1]: row[3] for row in old if row[2] == summary.PROFILE_GROUP}
                for _id, old_submission, group, value, old_role in old:
                    for key in summary.keys_of(group, value, old_role, old_profiles.get(old_submission, "")):
                        tally[key] -= 1
                submissions -= len({row[1] for row in old})
            old = [row[0] for row in compiled_sql.select(
                "respondent comments", lambda b, u: Comment.objects.filter(block_key=b, user_key=u).values_list("id"),
                block_key, user_key)] if comments else []
            if old:
                Comment.objects.filter(id__in=old).delete()
        if answers:
            inserts.insert(Answer, [{"group": group, "value": value} for group, value in answers.items()],
                              {"block_key": block_key, "submission": submission, "user_key": user_key,
                               "day": today, "role": role})
        if comment:
            inserts.insert(Comment, [{"text": comment}], {"block_key": block_key, "submission": submission,
                                                             "user_key": user_key, "day": today})
        for group, value in answers.items():
            for key in summary.keys_of(group, value, role, profile):
                tally[key] += 1
        summary.apply(block_key, tally, submissions)  # last: the counts' locks are held the shortest time

    write(work)
    held = _held.get()
    if attempt and claim is not None and held is not None:
        held.append(Taken(block_key, claim[0], claim[1], taken, tag))
    return submission


def claim(block_key, user_key, slot, stale_after=None, tag=""):
    """Take a one-time slot (an attempt number, say); ``AlreadyClaimed`` if it is taken.

    With ``stale_after`` (seconds), a claim older than that is taken over instead: the caller's
    state says the slot is free, so the old claim belongs to a state that was since reset. The
    take-over is one conditional UPDATE, so of two requests racing for it only one wins.
    ``tag``: a second slot of the same user taken in the same transaction (the action that took
    the claim, ``common.recovery.slot``), so a retry of that action can tell (``claimed``).
    Returns what ``release`` needs to give the slot back.
    """
    from ..models import Claim

    now = timezone.now()
    taken = now if stale_after is not None else None
    try:  # the slot and the action's, in one INSERT; one statement in autocommit; a taken one inserts nothing
        write_one(lambda: _claims(block_key, user_key, [slot, tag] if tag else [slot], taken))
        created = True
    except IntegrityError:
        created = False

    result = Taken(block_key, user_key, slot, taken, tag)
    if not created:
        if stale_after is None:
            raise AlreadyClaimed((user_key, slot))
        cutoff = now - timezone.timedelta(seconds=stale_after)
        won = write(lambda: Claim.objects.filter(block_key=block_key, user_key=user_key, slot=slot,
                                                  taken__lt=cutoff).update(taken=now))
        if not won:
            raise AlreadyClaimed((user_key, slot))
        result = Taken(block_key, user_key, slot, taken)  # taken over: no action slot was taken with it
    held = _held.get()
    if held is not None:
        held.append(result)
    return result


def claimed(block_key, user_key, slot):
    """True if ``user_key`` holds the claim ``slot`` in the block."""
    return bool(_claim_ids(block_key, user_key, slot))


def release(taken):
    """Give back a slot ``claim`` took (only that claim: not one taken over since), and the
    action's slot taken with it."""
    from ..models import Claim

    def give_back():
        mine = {"block_key": taken.block_key, "user_key": taken.user_key}
        Claim.objects.filter(**mine, slot=taken.slot, taken=taken.taken).delete()
        if taken.tag:
            Claim.objects.filter(**mine, slot=taken.tag).delete()

    write(give_back)


@contextmanager
def claims_released_on_failure():
    """Every slot ``claim`` takes inside the ``with`` block is given back if the block raises (and
    every ``undone_on_failure`` undone).

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
                taken() if callable(taken) else release(taken)
        raise
    finally:
        _held.reset(token)


def undone_on_failure(undo):
    """Inside ``claims_released_on_failure``: call ``undo()`` if what follows fails, as a claim
    is given back (a knowledge check's result filed, then the learner's state not saved: the
    result taken back, so that the learner may send again, bug hunt s43). Outside one: nothing."""
    held = _held.get()
    if held is not None:
        held.append(undo)


def forget_claims(block_key, user_key):
    """Forget every claim of ``user_key`` in a block (staff deleted that learner's state:
    ``common.deleted_state``); returns how many. A plain read, then deletes by primary key, as
    ``record``'s: no range of the claims' index is locked, so learners answering the block at
    the same moment never wait on it."""
    from ..models import Claim

    def work():
        ids = list(Claim.objects.filter(block_key=block_key, user_key=user_key).values_list("id", flat=True))
        return Claim.objects.filter(id__in=ids).delete()[0] if ids else 0

    return write(work)


def has_answers(block_key):
    """Learners have left something in the store under ``block_key``: an answer row, or a claim
    (an attempt, an anonymous submission, a named respondent). Two indexed existence checks
    (``emm_resp_tally``, ``emm_claim_once``, both led by ``block_key``)."""
    from ..models import Answer, Claim

    return (Answer.objects.filter(block_key=block_key).exists()
            or Claim.objects.filter(block_key=block_key).exists())
