"""The knowledge checks' pseudonymous results (``models.PairedResult``): file one, read one's own,
say whether a pair has any (and of which phases), forget one learner's results of a block ("Delete
learner state"). A pair's figures read no result: the database adds them up (``pair_sums``).

A row carries the learner's pair token (``common.platform.pair_token``), never a user id or a
time. Filing is one INSERT under the unique (course, pair, phase, token) constraint, so two
submits sent at the same moment file one result, and the second is told so (``AlreadyFiled``).
"""

import json

from django.db import IntegrityError

from .transactions import write


class AlreadyFiled(Exception):
    """The learner already has a result for this phase of this pair."""


def _nowhere(_block_key):
    return False


def file_result(course_key, block_key, token, paired, gone=_nowhere):
    """Insert the result ``paired`` (``common.actions.Paired``) of ``token``; ``AlreadyFiled`` if
    the learner has one for this phase of this pair. It is ``ahead`` when ``paired.after`` names a
    phase the learner has no result at yet (read in the same transaction). Retried whole on MySQL
    deadlocks (``write``).

    ``gone(block key)``: the test that filed a row is deleted from the course (``course_outline``).
    Such a row counts nowhere (the report and the staff panel leave it out), so it neither holds the
    learner's place (it is replaced: a learner who took a rehearsal test, deleted since, takes the
    course's own, bug hunt s43) nor stands for the phase before (``ahead``)."""
    from ..models import PairedResult

    mine = PairedResult.objects.filter(course_key=course_key, pair=paired.pair, token=token)

    def work():
        ahead = bool(paired.after) and not _counted(
            mine.filter(phase=paired.after).values_list("block_key", flat=True), gone)
        PairedResult.objects.create(
            course_key=course_key, pair=paired.pair, phase=paired.phase, block_key=block_key, token=token,
            earned=float(paired.earned), possible=float(paired.possible),
            marks=json.dumps(paired.marks, sort_keys=True), questions_key=paired.questions_key, ahead=ahead)

    try:
        write(work)
    except IntegrityError as err:
        held = mine.filter(phase=paired.phase).values_list("block_key", flat=True).first()
        if held is None or not gone(held):
            raise AlreadyFiled(paired.phase) from err
        # only the row of a deleted test held the place: it gives way (a concurrent submit of the
        # same learner is still refused by the unique key, the place being taken again)
        mine.filter(phase=paired.phase, block_key=held).delete()
        try:
            write(work)
        except IntegrityError as again:
            raise AlreadyFiled(paired.phase) from again


def take_back(course_key, block_key, token, paired):
    """Delete the result ``file_result`` filed for ``token`` at ``paired``'s phase from
    ``block_key`` (the request that filed it failed later: ``store.undone_on_failure``)."""
    from ..models import PairedResult

    write(lambda: PairedResult.objects.filter(course_key=course_key, pair=paired.pair, phase=paired.phase,
                                              token=token, block_key=block_key).delete())


def _counted(block_keys, gone):
    """Any of ``block_keys`` (rows' blocks) still in the course (``gone``: deleted from it)."""
    return any(not gone(key) for key in block_keys)


def own_result(course_key, pair, phase, token, gone=_nowhere):
    """``(earned, possible, questions_key)`` of ``token``'s result at ``phase`` of ``pair`` (the
    fingerprint of the questions it was scored on), or None; one filed by a test deleted from the
    course (``gone``, as ``file_result``'s) is none."""
    from ..models import PairedResult

    if not token:
        return None
    row = (PairedResult.objects.filter(course_key=course_key, pair=pair, phase=phase, token=token)
           .values_list("earned", "possible", "questions_key", "block_key").first())
    return tuple(row[:3]) if row and not gone(row[3]) else None


def filed_by(course_key, pair, phase, token, gone=_nowhere):
    """The key (text) of the test that filed ``token``'s result at ``phase`` of ``pair``, or None:
    no token (Studio's preview), no result, or one filed by a test deleted from the course
    (``gone``, as ``file_result``'s: it holds no place). One read by the unique key
    ``emm_pair_once``."""
    from ..models import PairedResult

    if not token:
        return None
    held = (PairedResult.objects.filter(course_key=course_key, pair=pair, phase=phase, token=token)
            .values_list("block_key", flat=True).first())
    return held if held is not None and not gone(held) else None


def filed_ahead(course_key, pair, phase, token, gone=_nowhere):
    """``token`` has a result at ``phase`` of ``pair`` filed ``ahead`` of the phase before it (a
    post-test taken before any pre-test), by a test the course still holds (``gone``, as
    ``file_result``'s); False for no token (Studio's preview)."""
    from ..models import PairedResult

    return bool(token) and _counted(PairedResult.objects.filter(
        course_key=course_key, pair=pair, phase=phase, token=token, ahead=True).values_list("block_key", flat=True),
        gone)


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
    by a token per pair, and the block may have filed under a pair key (or a phase) its author has
    changed since: every pair key and phase among the block's rows is tried. Two kinds of
    statement, neither reading more than the block's few keys and the learner's rows: the block's
    distinct ``(pair, phase)`` from index ``emm_pair_block`` alone, then one DELETE by the unique
    key ``emm_pair_once`` (and the block) for each. Where the rows of the course were searched
    by ``course_key`` alone, each deletion read every result of the course (1.3-1.5 s at 200,000
    rows on MariaDB), once per learner in the platform's task that deletes the state of all of
    them. Retried whole on MySQL deadlocks."""
    from ..models import PairedResult

    def work():
        keys = (PairedResult.objects.filter(course_key=course_key, block_key=block_key)
                .values_list("pair", "phase").distinct().order_by())
        tokens, deleted = {}, 0
        for pair, phase in sorted(keys):
            token = tokens[pair] if pair in tokens else tokens.setdefault(pair, token_of(pair))
            if token is not None:
                deleted += PairedResult.objects.filter(course_key=course_key, pair=pair, phase=phase, token=token,
                                                       block_key=block_key).delete()[0]
        return deleted

    return write(work)
