"""The live room's storage (``LiveSession``, ``LiveAnswer``; the rules are ``common.live``'s).

* ``start`` opens a new session, or keeps the one still open (a start from a page loaded before
  it opened); ``end`` ends it;
* ``current`` is the session the room sees (the latest, open or ended);
* ``record`` keeps a participant's answers while a session is open: one row per participant and
  item, its value replaced by a later answer (one upsert of all the answers, by unique key: two
  requests racing on a first answer end in one row, the later one's value);
  an answer a named participant takes back (an item left blank at a new submission) is kept
  blank, in the same upsert, never deleted (docs/decisions/0105-*.md);
* ``values`` reads one item's values (the blank ones left out) for ``live.figures`` (index
  ``emm_live_once``: a few dozen rows in a room).

Every write goes through ``transactions.write`` (retried whole on MySQL's deadlocks).
"""

import uuid
from contextlib import nullcontext

from django.db import transaction
from django.utils import timezone

from . import compiled_sql, live
from .transactions import write


def _session(row):
    return live.Session(id=row.id.hex, started=row.started, ended=row.ended)


def current(block_key):
    """The block's latest session (``live.Session``), or None (one indexed read, its statement
    compiled once: every learner action asks)."""
    from ..models import LiveSession

    rows = compiled_sql.select("live session", lambda b: LiveSession.objects.filter(block_key=b)
                             .order_by("-started").values_list("id", "started", "ended")[:1], block_key)
    return live.Session(id=rows[0][0].hex, started=rows[0][1], ended=rows[0][2]) if rows else None


def start(block_key):
    """Open a new session now and return it; a session still open (within ``live.MAX_SESSION``) is
    kept and returned instead: the room's "Start" shows only while none is open, so a start that
    finds one comes from a page loaded before it opened (another device, a second tab) and must
    not throw its answers away. An open session past its limit is ended first."""
    from ..models import LiveSession

    now = timezone.now()

    def work():
        with transaction.atomic():
            # the open rows locked (MySQL): an end at the same moment waits for this start, or this for it
            rows = list(LiveSession.objects.select_for_update().filter(block_key=block_key, ended__isnull=True)
                        .order_by("-started"))
            if rows and _session(rows[0]).open_at(now):
                return rows[0]
            LiveSession.objects.filter(block_key=block_key, ended__isnull=True).update(ended=now)
            return LiveSession.objects.create(block_key=block_key, started=now)

    return _session(write(work))


def end(block_key):
    """End the block's open session(s) now; returns the session the room sees afterwards."""
    from ..models import LiveSession

    now = timezone.now()
    write(lambda: LiveSession.objects.filter(block_key=block_key, ended__isnull=True).update(ended=now))
    return current(block_key)


def open_session(block_key, now=None):
    """The session that takes answers now, or None (one indexed read per learner write)."""
    session = current(block_key)
    now = now or timezone.now()
    return session if session is not None and session.open_at(now) else None


def record(block_key, answers, respondent_of, savepoint=False, withdrawn=()):
    """Keep ``answers`` (``{item id: value}``) in the open session, if there is one, and take back
    the participant's answers at the items ``withdrawn`` (left blank by a named learner's new
    submission): where they answered, the row's value is made blank, in the same one upsert.

    ``respondent_of(session_id)`` gives the participant's key in that session
    (``live.respondent_key``, or a random key for an anonymous evaluation). ``savepoint``: the
    writes go in a savepoint of their own, so that a failure among them is rolled back alone
    (inside a caller's transaction); the read that finds no session open, most answers' only
    statement, needs none. Returns the session the answers went to, or None (no session open:
    nothing is kept)."""
    from ..models import LIVE_VALUE_CHARS, MAX_GROUP, LiveAnswer

    answers = {str(group): str(value) for group, value in answers.items() if value not in (None, "")}
    withdrawn = [str(group)[:MAX_GROUP] for group in withdrawn if str(group) not in answers]
    if not answers and not withdrawn:
        return None
    session = open_session(block_key)
    if session is None:
        return None
    session_id = uuid.UUID(session.id)
    respondent = respondent_of(session.id)

    # ids are at most MAX_ID: nothing valid is cut, only what a crafted request sends
    kept = {group[:MAX_GROUP]: value[:LIVE_VALUE_CHARS] for group, value in sorted(answers.items())}
    with transaction.atomic() if savepoint else nullcontext():
        if withdrawn:  # taken back where they answered: a blank value, in the same upsert
            kept.update(dict.fromkeys(_answered(session_id, respondent, withdrawn), ""))
        rows = [LiveAnswer(session=session_id, group=group, respondent=respondent, value=value)
                for group, value in sorted(kept.items())]
        if rows:
            write(lambda: _upsert(rows))
    return session


def _answered(session_id, respondent, groups):
    """The items among ``groups`` where the participant's answer stands (not blank): a plain read
    of ``emm_live_once`` (and the rows' values), which locks nothing.

    A taken-back answer is blanked there, not deleted. A DELETE of the participant's rows by
    ``group IN (...)`` locked, at REPEATABLE READ, every row and gap it passed, other
    participants' too: the optimizer scans the whole table where its statistics are a new
    session's few rows (214 row locks for one participant's five items); deleted by primary key
    after this read, the rows still deadlock as often, a DELETE by ``id IN (...)`` being scanned
    alike; deleted one by one, each leaves a delete-marked entry in ``emm_live_once`` on which the
    next participants' inserts take next-key locks, and deadlock with each other. A room of 60
    answering again, half of them leaving five items blank while the others gave their first
    answers (480 submissions): 95 to 124 deadlocks retried with the DELETE by range, 250 to 290
    (3 ``Busy`` in one run) with ``id IN``, 10 to 15 one by one, none with the blank value, at
    either isolation level (decision 105, tests/integration/test_live_room.py)."""
    from ..models import LiveAnswer

    return list(LiveAnswer.objects.filter(session=session_id, respondent=respondent, group__in=sorted(groups))
                .exclude(value="").values_list("group", flat=True))


def _upsert(rows):
    """Insert ``rows`` (``LiveAnswer``), each one's value replacing that of the row of the same
    participant and item where there is one: ONE statement, ``INSERT ... ON DUPLICATE KEY UPDATE``
    (MySQL, MariaDB) or ``INSERT ... ON CONFLICT (session, group, respondent) DO UPDATE`` (SQLite,
    PostgreSQL). No read or UPDATE first: at REPEATABLE READ an UPDATE that finds no row (every
    participant's first answer at an item) locks the gap of ``emm_live_once`` where it would be,
    and two participants whose rows fall in one gap each wait on the other's to insert there, a
    deadlock (a room of 60 answering 10 statements at once: some 10 of them ``Busy`` after every
    retry). An insert takes no gap lock; a row found takes its record lock at once (no shared lock
    taken first, then raised, as an INSERT refused by the key and an UPDATE after it would)."""
    from django.db import connection

    from ..models import LiveAnswer

    target = ["session", "group", "respondent"] if connection.features.supports_update_conflicts_with_target \
        else None
    LiveAnswer.objects.bulk_create(rows, update_conflicts=True, update_fields=["value"], unique_fields=target)


def values(session, group):
    """The values given at item ``group`` in ``session`` (one per participant; a blank one, an
    answer taken back, is none)."""
    from ..models import LiveAnswer

    return list(LiveAnswer.objects.filter(session=uuid.UUID(session.id), group=group).exclude(value="")
                .values_list("value", flat=True))
