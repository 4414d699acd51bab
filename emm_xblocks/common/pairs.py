"""The knowledge checks' pseudonymous results (``models.PairedResult``): file one, read one's own,
say whether a pair has any (and of which phases), read a pair's rows for its report, forget one learner's results of a
block ("Delete learner state").

A row carries the learner's pair token (``common.platform.pair_token``), never a user id or a
time. Filing is one INSERT under the unique (course, pair, phase, token) constraint, so two
submits sent at the same moment file one result, and the second is told so (``AlreadyFiled``).
"""

import json

from django.db import IntegrityError

from .transactions import write


class AlreadyFiled(Exception):
    """The learner already has a result for this phase of this pair."""


def file_result(course_key, block_key, token, paired):
    """Insert the result ``paired`` (``common.actions.Paired``) of ``token``; ``AlreadyFiled`` if
    the learner has one for this phase of this pair. It is ``ahead`` when ``paired.after`` names a
    phase the learner has no result at yet (read in the same transaction). Retried whole on MySQL
    deadlocks (``write``)."""
    from ..models import PairedResult

    def work():
        ahead = bool(paired.after) and not PairedResult.objects.filter(
            course_key=course_key, pair=paired.pair, phase=paired.after, token=token).exists()
        PairedResult.objects.create(
            course_key=course_key, pair=paired.pair, phase=paired.phase, block_key=block_key, token=token,
            earned=float(paired.earned), possible=float(paired.possible),
            marks=json.dumps(paired.marks, sort_keys=True), questions_key=paired.questions_key, ahead=ahead)

    try:
        write(work)
    except IntegrityError as err:
        raise AlreadyFiled(paired.phase) from err


def own_result(course_key, pair, phase, token):
    """``(earned, possible, questions_key)`` of ``token``'s result at ``phase`` of ``pair`` (the
    fingerprint of the questions it was scored on), or None."""
    from ..models import PairedResult

    if not token:
        return None
    row = (PairedResult.objects.filter(course_key=course_key, pair=pair, phase=phase, token=token)
           .values_list("earned", "possible", "questions_key").first())
    return tuple(row) if row else None


def filed_ahead(course_key, pair, phase, token):
    """``token`` has a result at ``phase`` of ``pair`` filed ``ahead`` of the phase before it (a
    post-test taken before any pre-test); False for no token (Studio's preview)."""
    from ..models import PairedResult

    return bool(token) and PairedResult.objects.filter(
        course_key=course_key, pair=pair, phase=phase, token=token, ahead=True).exists()


def has_results(course_key, pair, block_key):
    """A result is filed in ``pair`` of the course (either test: the other test's results are
    compared with this one's), or by block ``block_key`` (under a pair key changed since)."""
    from ..models import PairedResult

    rows = PairedResult.objects.filter(course_key=course_key)
    return (bool(pair) and rows.filter(pair=pair).exists()) or rows.filter(block_key=block_key).exists()


def filed(course_key, pair, block_key):
    """``(phases, own)``: the phases of the results filed in ``pair`` of the course (a frozenset),
    and whether block ``block_key`` filed any (under any pair key): what an edit of the pair key or
    the phase would split (``knowledge_check.changes.pairing_changes``)."""
    from ..models import PairedResult

    rows = PairedResult.objects.filter(course_key=course_key)
    phases = frozenset(rows.filter(pair=pair).values_list("phase", flat=True).distinct()) if pair else frozenset()
    return phases, rows.filter(block_key=block_key).exists()


def forget_results(course_key, block_key, token_of):
    """Delete the results block ``block_key`` filed for one learner; return how many were deleted.

    ``token_of(pair)``: the learner's token in ``pair`` (None: no learner). The learner is known
    by a token per pair, and the block may have filed under a pair key its author has changed
    since: every pair key among the block's rows is tried. Retried whole on MySQL deadlocks."""
    from ..models import PairedResult

    def work():
        rows = PairedResult.objects.filter(course_key=course_key, block_key=block_key)
        tokens = {token_of(pair) for pair in rows.values_list("pair", flat=True).distinct()} - {None}
        return rows.filter(token__in=tokens).delete()[0] if tokens else 0

    return write(work)


def pair_rows(course_key, pair, leave_out=()):
    """Every result of ``pair`` in the course, as dicts ``{phase, token, earned, possible, marks,
    questions_key}`` for ``knowledge_check.statistics.pair_figures`` (tokens link, and never leave it);
    none filed by a block of ``leave_out`` (usage keys as text: tests deleted from the course)."""
    from ..models import PairedResult

    rows = PairedResult.objects.filter(course_key=course_key, pair=pair)
    if leave_out:
        rows = rows.exclude(block_key__in=sorted(leave_out))
    rows = rows.values_list("phase", "token", "earned", "possible", "marks", "questions_key")
    return [{"phase": phase, "token": token, "earned": earned, "possible": possible,
             "marks": _marks(marks), "questions_key": key}
            for phase, token, earned, possible, marks, key in rows]


def _marks(text):
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
