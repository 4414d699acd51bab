"""The anonymous aggregate store (see ``emm_xblocks.models``), as plain functions.

Writes insert rows inside one transaction, so a submission is stored whole or not at all and
concurrent learners never overwrite each other. Reads are ``GROUP BY`` queries.
"""

import uuid
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

RESPONDENT = "respondent"  # the claim slot that serialises one named respondent's rows


class AlreadyClaimed(Exception):
    """The (block, user, slot) claim exists: the action was already done once."""


def record(block_key, answers, *, user_key="", replace=False, comment="", claim=None):
    """Store one submission: ``answers`` maps group (statement, question, node) to value.

    * ``user_key`` is stored on the rows (empty in anonymous mode);
    * ``replace`` makes these rows the user's only ones in the block: their earlier rows are
      deleted in the same transaction, under a per-user lock row, so even two first submissions
      sent at the same moment leave one submission, not two;
    * ``claim=(user, slot)`` must not exist yet, else ``AlreadyClaimed`` and nothing is stored.
    Returns the submission id.
    """
    submission = uuid.uuid4()
    today = timezone.now().date()
    from ..models import Claim, Comment, Response

    try:
        with transaction.atomic():
            if claim is not None:
                Claim.objects.create(block_key=block_key, user_key=claim[0], slot=claim[1])
            if replace and user_key:
                Claim.objects.get_or_create(block_key=block_key, user_key=user_key, slot=RESPONDENT)
                list(Claim.objects.select_for_update().filter(block_key=block_key, user_key=user_key,
                                                              slot=RESPONDENT))
                Response.objects.filter(block_key=block_key, user_key=user_key).delete()
                Comment.objects.filter(block_key=block_key, user_key=user_key).delete()
            Response.objects.bulk_create([
                Response(block_key=block_key, submission=submission, group=str(group), value=str(value),
                         user_key=user_key, day=today)
                for group, value in answers.items()
            ])
            if comment:
                Comment.objects.create(block_key=block_key, submission=submission, text=comment,
                                       user_key=user_key, day=today)
    except IntegrityError as err:
        if claim is not None:
            raise AlreadyClaimed(claim) from err
        raise
    return submission


def claim(block_key, user_key, slot, stale_after=None):
    """Take a one-time slot (an attempt number, say); ``AlreadyClaimed`` if it is taken.

    With ``stale_after`` (seconds), a claim older than that is taken over instead: the caller's
    state says the slot is free, so the old claim belongs to a state that was since reset. The
    take-over is one conditional UPDATE, so of two requests racing for it only one wins.
    """
    from ..models import Claim

    now = timezone.now()
    try:
        with transaction.atomic():
            Claim.objects.create(block_key=block_key, user_key=user_key, slot=slot,
                                 taken=now if stale_after is not None else None)
        return
    except IntegrityError as err:
        if stale_after is None:
            raise AlreadyClaimed((user_key, slot)) from err
    cutoff = now - timezone.timedelta(seconds=stale_after)
    won = Claim.objects.filter(block_key=block_key, user_key=user_key, slot=slot, taken__lt=cutoff).update(taken=now)
    if not won:
        raise AlreadyClaimed((user_key, slot))


def release(block_key, user_key):
    """Forget every claim of ``user_key`` in a block (staff deleted that learner's state)."""
    from ..models import Claim

    Claim.objects.filter(block_key=block_key, user_key=user_key).delete()


def tallies(block_key):
    """``{group: {value: count}}`` for a block."""
    from ..models import Response

    result = defaultdict(dict)
    rows = (Response.objects.filter(block_key=block_key).values_list("group", "value")
            .annotate(n=Count("id")).order_by())
    for group, value, n in rows:
        result[group][value] = n
    return dict(result)


def respondents(block_key):
    from ..models import Response

    return Response.objects.filter(block_key=block_key).aggregate(n=Count("submission", distinct=True))["n"]


def comments(block_key):
    """``[(submission, text)]`` of a block, oldest day first."""
    from ..models import Comment

    return list(Comment.objects.filter(block_key=block_key).order_by("day", "text")
                .values_list("submission", "text"))


def export_rows(block_key):
    """Every response row, grouped by submission, for a CSV export."""
    from ..models import Response

    return (Response.objects.filter(block_key=block_key).order_by("day", "submission", "group")
            .values_list("submission", "user_key", "day", "group", "value"))
