"""Write transactions that survive MySQL-class servers: each one retried whole on InnoDB's
deadlocks (1213) and lock-wait timeouts (1205), a bounded number of times, then ``Busy``; a
character the column's charset cannot hold (1366) is ``TextNotStorable``.

Handlers in the LMS run outside any transaction (``non_atomic_requests``); when a caller already
holds one (a test, a management command), a write joins it and is not retried: only the
outermost transaction can be. A work may also raise ``RunAgain`` to be rolled back and run once
more, with ``again()`` true; that works inside a caller's transaction too (its savepoint is rolled back).
"""

import random
import time
from contextlib import nullcontext
from contextvars import ContextVar

from django.db import DatabaseError, IntegrityError, transaction

ATTEMPTS = 6  # tries of one write transaction on MySQL deadlocks and lock wait timeouts
RETRIED = {1213, 1205}  # ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
INCORRECT_STRING = 1366  # ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: a character the column's charset lacks


class StoreError(Exception):
    """A write the database refused; ``common.handlers`` answers it with a translated error."""


class Busy(StoreError):
    """Other requests kept the rows locked through every retry: try again in a moment."""


class TextNotStorable(StoreError):
    """The database's character set cannot hold a character of the text (an emoji on utf8mb3)."""


class RunAgain(Exception):  # noqa: N818 - a request to ``write``, not an error
    """Raised by a write's work that found it cannot finish its quick way: ``write`` rolls the work
    back (the transaction, or its savepoint inside a caller's) and runs it once more from the start,
    with ``again()`` true while it runs (``summary.apply``: one of its counts' rows is missing)."""


_AGAIN = ContextVar("emm_write_again", default=False)


def again():
    """True inside a work that ``write`` runs again after it raised ``RunAgain``."""
    return _AGAIN.get()


def _mysql_code(err):
    code = err.args[0] if err.args else None
    return code if isinstance(code, int) else None


def write(work):
    """``work()`` in one transaction, retried whole on a deadlock or lock wait timeout; run once
    more, with ``again()`` true, if it raises ``RunAgain`` (only once: a second one is raised)."""
    tries = 1 if transaction.get_connection().in_atomic_block else ATTEMPTS
    token = None
    try:
        return _tries(work, tries)
    except RunAgain:
        token = _AGAIN.set(True)
        return _tries(work, tries)
    finally:
        if token is not None:
            _AGAIN.reset(token)


def write_one(statement):
    """``statement()``, which sends ONE SQL statement (atomic by itself: an ``INSERT`` of some rows
    is kept whole or not at all), run in autocommit: no transaction of its own around it, so a
    ``BEGIN`` and a ``COMMIT`` fewer than ``write``; retried as ``write`` retries it on a deadlock or
    a lock wait timeout (the database rolled the statement back). Inside a caller's transaction it
    is ``write(statement)`` (a savepoint, no retry)."""
    if transaction.get_connection().in_atomic_block:
        return write(statement)
    return _tries(statement, ATTEMPTS, atomic=False)


def _tries(work, tries, atomic=True):
    for attempt in range(1, tries + 1):
        try:
            with transaction.atomic() if atomic else nullcontext():
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
