"""Staff leave out the answers of one day (decision 72): a rehearsal's answers, given by colleagues
before the training, taken out of the store so that no figure counts them any more.

* ``days(block_key)``: ``[(day, submissions)]``, oldest first: each day (``Answer.day``, the UTC
  date the store kept) that has submissions in the block, and how many (distinct submissions
  among its answer rows, and a comment sent without any answer counts as one more).
* ``too_few_anonymous(block_key, min_size)``: the days that may not be left out alone (too few
  anonymous submissions: decision 73).
* ``leave_out_day(block_key, day)``: deletes that day's ``Answer`` and ``Comment`` rows of the
  block and takes them back from the summary (``Tally``, ``Submissions``: ``summary.apply``, as
  ``store.record`` takes back a named resubmission's old rows), in one transaction, retried as
  every write is (``transactions.write``). Returns ``Left(submissions, answers, comments)``, what
  it deleted (all 0 for a day with nothing left: a replay deletes nothing more). Raises ``Busy``
  (``transactions.StoreError``) when the rows stayed locked.

Why the summary still equals the rows (``summary.counted_from_rows``) whatever runs beside it:

* a **named** learner's rows are also deleted by their resubmission (``store.record(replace=True)``),
  which reads and deletes them under the learner's lock row (``Claim``, slot ``store.RESPONDENT``);
  this takes the same lock rows, of every named learner with rows that day, in one order (sorted
  by key), *before* it reads the rows: the two are serialised per learner, and whichever comes
  second reads what the first left (the snapshot starts after the locks, as ``record``'s does), so
  no row is taken back twice. A learner found among the day's rows whose lock row this did not
  take (they answered meanwhile, or their lock row was deleted by "Delete learner state") makes it
  start again, with that learner's lock row too;
* **anonymous** rows are deleted by nothing but another leave-out of the same day: the rows are
  deleted by primary key and, if the database deleted fewer than were read (the other committed
  first), the transaction starts again: only rows it deleted itself are taken back.

On SQLite beginning every transaction IMMEDIATE (``store.locks_rows()`` false: one writer at a
time) no lock row is taken; nothing can run beside the transaction.
"""

import datetime
import logging
import re
from collections import defaultdict, namedtuple

from django.db import IntegrityError
from django.db.models import Count, Exists, OuterRef

from . import inserts, summary
from .errors import HandlerError
from .store import RESPONDENT, locks_rows
from .transactions import Busy, write, write_one

log = logging.getLogger(__name__)

ROUNDS = 6  # transactions at most before ``Busy``: each new round locks the learners the last one found

Left = namedtuple("Left", "submissions answers comments")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)  # the request's day: ISO 8601's YYYY-MM-DD, nothing else


class _Again(Exception):  # noqa: N818 - a request to run the transaction again, not an error
    """The transaction found rows it may not take back as it stands: rolled back, run again."""

    def __init__(self, users=()):
        super().__init__(f"{len(users)} more learners to lock" if users else "rows deleted meanwhile")
        self.users = set(users)


def day_of(data, _):
    """The request's ``"day"`` (``"2026-12-03"``) as a ``datetime.date``; ``HandlerError`` 400
    ``invalid_request`` (``_``'s words) if it is missing, not text, or not a date written so."""
    text = data.get("day")
    if isinstance(text, str) and DAY.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass  # 2026-02-30
    raise HandlerError("invalid_request", _("Say which day to leave out, as a date written YYYY-MM-DD."))


def days(block_key, anonymous=False):
    """``[(datetime.date, submissions)]`` of the block, oldest day first (see the module's
    docstring): one ``GROUP BY`` of the block's answer rows, one of its comments without an answer.
    ``anonymous``: only the submissions kept without a learner (``user_key`` empty)."""
    from ..models import Answer, Comment

    counted = defaultdict(int)
    answers = Answer.objects.filter(block_key=block_key)
    comments = Comment.objects.filter(block_key=block_key)
    if anonymous:
        answers, comments = answers.filter(user_key=""), comments.filter(user_key="")
    for day, n in answers.values_list("day").annotate(n=Count("submission", distinct=True)).order_by():
        counted[day] += n
    alone = comments.exclude(Exists(Answer.objects.filter(block_key=block_key, submission=OuterRef("submission"))))
    for day, n in alone.values_list("day").annotate(n=Count("submission", distinct=True)).order_by():
        counted[day] += n
    return sorted(counted.items())


def too_few_anonymous(block_key, min_size):
    """The days whose anonymous submissions are fewer than ``min_size`` (at least one), in all or in
    one participant profile (those who gave none are a group too, as the figures by profile show
    them): leaving such a day out alone would show how those few answered (the figures before,
    less the figures after, of the whole or of that profile's column), what the minimum group size
    keeps from staff (decision 5; trial s34: a day of 5, one of them from civil society, gave that
    one's answers in the civil-society column); a submission of a comment alone counts in no group.
    Two ``GROUP BY`` reads. Named submissions are no
    such secret: staff read them by name in the responses CSV."""
    from ..models import Answer

    by_profile = defaultdict(list)
    for day, n in (Answer.objects.filter(block_key=block_key, user_key="", group=summary.PROFILE_GROUP)
                   .values_list("day", "value").annotate(n=Count("submission", distinct=True)).order_by()
                   .values_list("day", "n")):
        by_profile[day].append(n)
    kept = set()
    # submissions with answers only: a comment sent alone changes no figure, so it hides no one's
    # answers (bug hunt s43: a day of one answer and two comments alone was offered, and left out)
    answered = (Answer.objects.filter(block_key=block_key, user_key="").values_list("day")
                .annotate(n=Count("submission", distinct=True)).order_by())
    for day, total in answered:
        groups = [*by_profile[day], total - sum(by_profile[day])]  # the last: those who gave no profile
        if any(0 < n < min_size for n in [total, *groups]):
            kept.add(day)
    return kept


def _named_users(block_key, day):
    """The named learners (``user_key`` not empty) with rows in the block on ``day``: a plain read."""
    from ..models import Answer, Comment

    users = set(Answer.objects.filter(block_key=block_key, day=day).exclude(user_key="")
                .values_list("user_key", flat=True).distinct())
    users.update(Comment.objects.filter(block_key=block_key, day=day).exclude(user_key="")
                 .values_list("user_key", flat=True).distinct())
    return users


def _ensure_lock_rows(block_key, users):
    """Each learner's lock row (``Claim`` slot ``RESPONDENT``), created where missing (as
    ``store._ensure_claim_row`` does, committed at once): every learner's in one INSERT, one by one
    if another request made one of them meanwhile."""
    from ..models import Claim

    have = set(Claim.objects.filter(block_key=block_key, slot=RESPONDENT, user_key__in=users)
               .values_list("user_key", flat=True))
    missing = sorted(set(users) - have)
    if not missing:
        return
    same = {"block_key": block_key, "slot": RESPONDENT, "taken": None}
    try:
        write_one(lambda: inserts.insert(Claim, [{"user_key": user} for user in missing], same))
    except IntegrityError:
        for user in missing:
            try:
                write_one(lambda u=user: inserts.insert(Claim, [{"user_key": u}], same))
            except IntegrityError:
                pass  # made by the learner's submission a moment ago: as good


def _lock(block_key, users):
    """Lock the learners' lock rows, in the order of their keys; the learners whose row was locked."""
    from ..models import Claim

    if not users:
        return set()
    rows = (Claim.objects.select_for_update().filter(block_key=block_key, slot=RESPONDENT, user_key__in=sorted(users))
            .order_by("user_key").values_list("user_key", flat=True))
    return set(rows)


def _take_out(block_key, day, users, locking):
    """The transaction's work: the learners' lock rows taken (``locking``), then the day's rows read,
    deleted by primary key and taken back from the summary. ``_Again`` when a named row's learner is
    not among ``users``, a lock row is missing, or fewer rows were deleted than read."""
    from ..models import Answer, Comment

    if locking and _lock(block_key, users) != users:
        raise _Again()  # a lock row deleted since it was made: made again, locked again
    # a plain read: the snapshot starts here, after the locks (it sees what a resubmission left)
    rows = list(Answer.objects.filter(block_key=block_key, day=day).values_list(
        "id", "submission", "group", "value", "role", "user_key"))
    comments = list(Comment.objects.filter(block_key=block_key, day=day).values_list("id", "submission", "user_key"))
    unlocked = {row[-1] for row in rows + comments if row[-1]} - users
    if locking and unlocked:
        raise _Again(unlocked)
    if rows and Answer.objects.filter(id__in=[row[0] for row in rows]).delete()[0] != len(rows):
        raise _Again()  # another leave-out of this day deleted some first: read again
    # a comment deleted meanwhile (a learner's retirement) counts in no figure: nothing to redo
    if comments:
        Comment.objects.filter(id__in=[row[0] for row in comments]).delete()
    profiles = {row[1]: row[3] for row in rows if row[2] == summary.PROFILE_GROUP}
    tally = defaultdict(int)
    for _id, submission, group, value, role, _user in rows:
        for key in summary.keys_of(group, value, role, profiles.get(submission, "")):
            tally[key] -= 1
    answered = {row[1] for row in rows}
    summary.apply(block_key, tally, -len(answered))
    # what ``days`` counted: the submissions with answers, and those that sent a comment alone
    return Left(len(answered | {row[1] for row in comments}), len(rows), len(comments))


def leave_out_day(block_key, day):
    """Delete the block's answers and comments of ``day`` (a ``datetime.date``) and take them back
    from the summary; ``Left`` (see the module's docstring)."""
    locking = locks_rows()
    found = set()  # learners an earlier round found among the day's rows
    for _round in range(ROUNDS):
        users = (_named_users(block_key, day) | found) if locking else set()
        if users:
            _ensure_lock_rows(block_key, users)
        try:
            left = write(lambda users=frozenset(users): _take_out(block_key, day, set(users), locking))
        except _Again as again:
            found |= again.users
            continue
        log.info("left out the answers of %s in %s: %d submissions, %d answer rows, %d comments",
                 day.isoformat(), block_key, *left)
        return left
    raise Busy(f"the answers of {day} in {block_key} kept changing")
