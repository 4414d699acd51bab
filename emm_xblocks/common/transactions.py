"""Write transactions that survive MySQL-class servers: each one retried whole on InnoDB's
deadlocks (1213) and lock-wait timeouts (1205), a bounded number of times, then ``Busy``; a
character the column's charset cannot hold (1366) is ``TextNotStorable``.

Handlers in the LMS run outside any transaction (``non_atomic_requests``); when a caller already
holds one (a test, a management command), a write joins it and is not retried: only the
outermost transaction can be.
"""

import random
import time

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


def _mysql_code(err):
    code = err.args[0] if err.args else None
    return code if isinstance(code, int) else None


def write(work):
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
