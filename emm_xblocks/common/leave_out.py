"""Staff leave out the answers of one day (decision 72): a rehearsal's answers, given by colleagues
before the training, taken out of the store so that no figure counts them any more.

* ``days(block_key)``: ``[(day, submissions)]``, oldest first: each day (``Answer.day``, the UTC
  date the store kept) that has submissions in the block, and how many (distinct submissions
  among its answer rows, and a comment sent without any answer counts as one more).
* ``too_few_anonymous(block_key, min_size)``: the days that may not be left out alone (too few
  anonymous submissions, comments sent alone counted: decision 73), each with whether its answers
  carry a participant profile (the reason may then be a profile's few, which a page says only then).
* ``leave_out_day(block_key, day)``: deletes that day's ``Answer`` and ``Comment`` rows of the
  block and takes them back from the summary (``Tally``, ``Submissions``: ``summary.apply``, as
  ``store.record`` takes back a named resubmission's old rows), in one transaction, retried as
  every write is (``transactions.write``), read and deleted ``PAGE`` rows at a time (so are the
  learners' lock rows made and locked): no statement, nor the memory, grows with the day. Returns
  ``Left(submissions, answers, comments)``, what it deleted (all 0 for a day with nothing left: a
  replay deletes nothing more). Raises ``Busy`` (``transactions.StoreError``) when the rows stayed
  locked.

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

PAGE = 500  # rows (or learners) a statement reads, deletes or locks at most
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
    one's answers in the civil-society column). A submission of a comment alone changes no figure,
    but leaving the day out deletes its comment, which the staff's list held: the comments before,
    less those after, are the day's. So the day's submissions are counted with those too (bug hunt
    s6-privacy: a day of one comment sent alone was offered, and the comment that went was that
    learner's), and its answered ones apart, in all and by profile, as the figures count them.
    Three ``GROUP BY`` reads. Named submissions are no
    such secret: staff read them by name in the responses CSV.

    ``{day: profiled}``: ``profiled`` True when some of the block's anonymous answers, any day, carry
    a profile (a block that asks no profile question, and never did, has none: its days are kept for
    their total only, and a page does not speak of profiles; bug hunt "new"). The same for every day
    of the block: a day's own would tell staff whether its few answerers gave a profile (review s46)."""
    from ..models import Answer, Comment

    by_profile = defaultdict(list)
    for day, n in (Answer.objects.filter(block_key=block_key, user_key="", group=summary.PROFILE_GROUP)
                   .values_list("day", "value").annotate(n=Count("submission", distinct=True)).order_by()
                   .values_list("day", "n")):
        by_profile[day].append(n)
    profiled = bool(by_profile)  # read before the loop below adds empty days to the defaultdict
    kept = {}
    # the answered submissions apart: a comment sent alone changes no figure, so it hides no one's
    # answers (bug hunt s43: a day of one answer and two comments alone was offered, and left out)
    answered = dict(Answer.objects.filter(block_key=block_key, user_key="").values_list("day")
                    .annotate(n=Count("submission", distinct=True)).order_by())
    alone = dict(Comment.objects.filter(block_key=block_key, user_key="")
                 .exclude(Exists(Answer.objects.filter(block_key=block_key, submission=OuterRef("submission"))))
                 .values_list("day").annotate(n=Count("submission", distinct=True)).order_by())
    for day in answered.keys() | alone.keys():
        total = answered.get(day, 0)
        groups = [*by_profile[day], total - sum(by_profile[day])]  # the last: those who gave no profile
        if any(0 < n < min_size for n in [total + alone.get(day, 0), total, *groups]):
            kept[day] = profiled
    return kept


def _named_users(block_key, day):
    """The named learners (``user_key`` not empty) with rows in the block on ``day``: a plain read."""
    from ..models import Answer, Comment

    users = set(Answer.objects.filter(block_key=block_key, day=day).exclude(user_key="")
                .values_list("user_key", flat=True).distinct())
    users.update(Comment.objects.filter(block_key=block_key, day=day).exclude(user_key="")
                 .values_list("user_key", flat=True).distinct())
    return users


def _pieces(keys, size=PAGE):
    """``keys`` sorted, in lists of at most ``size``: a statement's list of values never grows with the day."""
    keys = sorted(keys)
    return [keys[start:start + size] for start in range(0, len(keys), size)]


def _ensure_lock_rows(block_key, users):
    """Each learner's lock row (``Claim`` slot ``RESPONDENT``), created where missing (as
    ``store._ensure_claim_row`` does, committed at once): ``PAGE // 5`` learners' in one INSERT (five
    values a row), one by one if another request made one of them meanwhile."""
    from ..models import Claim

    have = set()
    for piece in _pieces(users):
        have.update(Claim.objects.filter(block_key=block_key, slot=RESPONDENT, user_key__in=piece)
                    .values_list("user_key", flat=True))
    same = {"block_key": block_key, "slot": RESPONDENT, "taken": None}
    for missing in _pieces(set(users) - have, PAGE // 5):
        try:
            write_one(lambda missing=missing: inserts.insert(Claim, [{"user_key": user} for user in missing], same))
        except IntegrityError:
            for user in missing:
                try:
                    write_one(lambda u=user: inserts.insert(Claim, [{"user_key": u}], same))
                except IntegrityError:
                    pass  # made by the learner's submission a moment ago: as good


def _lock(block_key, users):
    """Lock the learners' lock rows, in the order of their keys (``PAGE`` of them a statement, the
    pieces in that order too); the learners whose row was locked."""
    from ..models import Claim

    locked = set()
    for piece in _pieces(users):
        locked.update(Claim.objects.select_for_update().filter(block_key=block_key, slot=RESPONDENT, user_key__in=piece)
                      .order_by("user_key").values_list("user_key", flat=True))
    return locked


def _pages(model, block_key, day, fields):
    """The block's rows of ``day`` (``fields``, the second of them ``submission``) in pages of at most
    ``PAGE`` rows, each holding whole submissions (a submission's participant profile is among its
    own rows), in the order of their submission: each page read after the last one's submission
    (keyset), by the block's index that leads with ``block_key, submission``. A submission of more
    than ``PAGE`` rows is a page of its own (a block's submission has one row per statement or node)."""
    after = None
    while True:
        rows = model.objects.filter(block_key=block_key, day=day)
        if after is not None:
            rows = rows.filter(submission__gt=after)
        page = list(rows.order_by("submission").values_list(*fields)[:PAGE])
        full = len(page) == PAGE
        if full:  # its last submission may go on past the page: read again from it next time
            whole = [row for row in page if row[1] != page[-1][1]]
            page = whole or list(model.objects.filter(block_key=block_key, day=day, submission=page[-1][1])
                                 .values_list(*fields))
        if page:
            yield page
        if not full:
            return
        after = page[-1][1]


def _take_out(block_key, day, users, locking):
    """The transaction's work: the learners' lock rows taken (``locking``), then the day's rows read,
    deleted by primary key and taken back from the summary, page by page (``_pages``: no statement
    grows with the day, nor the memory: where one ``DELETE ... WHERE id IN`` of every row of the day
    was sent, a day of 25,100 submissions of 10 statements went past SQLite's 250,000 variables, one
    of 50,000 past MariaDB's 16 MB packet, and the day could never be left out). ``_Again`` when a
    named row's learner is not among ``users`` (every such learner found first), a lock row is
    missing, or fewer rows were deleted than read."""
    from ..models import Answer, Comment

    if locking and _lock(block_key, users) != users:
        raise _Again()  # a lock row deleted since it was made: made again, locked again
    # plain reads: the snapshot starts at the first, after the locks (it sees what a resubmission left)
    unlocked, alone, comments = set(), 0, 0
    for page in _pages(Comment, block_key, day, ("id", "submission", "user_key")):
        unlocked |= {row[-1] for row in page if row[-1]} - users
        if locking and unlocked:
            continue  # nothing deleted any more: the pages read on for every such learner
        submissions = {row[1] for row in page}
        # a comment sent without any answer counts as a submission of its own (what ``days`` counted)
        alone += len(submissions - set(Answer.objects.filter(
            block_key=block_key, day=day, submission__in=sorted(submissions)).values_list("submission", flat=True)))
        # a comment deleted meanwhile (a learner's retirement) counts in no figure: nothing to redo
        Comment.objects.filter(id__in=[row[0] for row in page]).delete()
        comments += len(page)
    tally, answered, answers = defaultdict(int), 0, 0
    for page in _pages(Answer, block_key, day, ("id", "submission", "group", "value", "role", "user_key")):
        unlocked |= {row[-1] for row in page if row[-1]} - users
        if locking and unlocked:
            continue
        if Answer.objects.filter(id__in=[row[0] for row in page]).delete()[0] != len(page):
            raise _Again()  # another leave-out of this day deleted some first: read again
        profiles = {row[1]: row[3] for row in page if row[2] == summary.PROFILE_GROUP}
        for _id, submission, group, value, role, _user in page:
            for key in summary.keys_of(group, value, role, profiles.get(submission, "")):
                tally[key] -= 1
        answered += len({row[1] for row in page})  # a submission's rows are all on one page
        answers += len(page)
    if locking and unlocked:
        raise _Again(unlocked)
    summary.apply(block_key, tally, -answered)
    return Left(answered + alone, answers, comments)


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
