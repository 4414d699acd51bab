"""What each block asked (``models.EvaluationDescription``): kept by its submissions, read by the
course's evaluation report. Content only (statements, scale, questions, names): nothing of a learner.

``describe`` reads the block's row first and writes only when the content changed, so a
submission costs one indexed read; two first submissions at the same moment create one row (the
second's INSERT meets the unique key and gives way). A process that has read its text in the row,
in autocommit outside any transaction, or in the workbench's joined transaction before it writes the
row (one writer: committed data, decision 67), never right after writing it (a later submission reads
it back first), trusts it for ``TRUSTED_FOR`` seconds and sends no read at all. Only ``describe``
writes these rows, so the row holds another text than a trusted one only if another process,
still serving the block's previous content in a request that began before an edit was published,
writes it after that read; the trusting process sets it right at its first submission once the
minute is over, any other process at its next (decision 46).
"""

import json
import time

from django.db import IntegrityError, transaction

from . import compiled_sql
from .transactions import write

TRUSTED_FOR = 60.0  # seconds a process trusts that a block's row holds the text it last saw there
KNOWN_MAX = 4096  # blocks remembered per process (then forgotten all at once: a few reads again)
_known = {}  # block_key -> (text, time.monotonic() when seen in the row)


def forget_known():
    """Forget every row this process has seen (a test that rolls the database back calls it)."""
    _known.clear()


def _remember(block_key, text, now):
    from .store import in_joined

    connection = transaction.get_connection()
    if (connection.in_atomic_block or not connection.get_autocommit()) and not in_joined():
        return  # what a caller's transaction reads may be its own write, which may yet be rolled back
    if len(_known) >= KNOWN_MAX:
        _known.clear()
    _known[block_key] = (text, now)


def describe(block_key, course_key, block_type, text):
    """Keep ``text`` (JSON of the fields, ``actions.Described.text``) as what ``block_key`` (a
    ``block_type``) asks, in course ``course_key``."""
    from ..models import EvaluationDescription

    now = time.monotonic()
    seen = _known.get(block_key)
    if seen is not None and seen[0] == text and now - seen[1] < TRUSTED_FOR:
        return
    # block_key is unique (emm_description_key): a slice, without first()'s ORDER BY
    rows = compiled_sql.select("description", lambda b: EvaluationDescription.objects.filter(block_key=b)
                             .values_list("content")[:1], block_key)
    current = rows[0][0] if rows else None
    if current == text:
        _remember(block_key, text, now)
        return

    def work():
        updated = EvaluationDescription.objects.filter(block_key=block_key).update(
            content=text, course_key=course_key, block_type=block_type)
        if not updated:
            EvaluationDescription.objects.create(block_key=block_key, course_key=course_key, block_type=block_type,
                                                 content=text)

    try:
        write(work)
    except IntegrityError:
        pass  # another request created it at the same moment: with this submission's content too


def refresh(block_key, text):
    """Keep ``text`` as what ``block_key`` asks if the block is described already (someone
    answered it): the author's save and staff asking for the results call it, so the course report
    follows an edit made after the last submission (decision 24). A block nobody answered stays
    undescribed. One UPDATE, which changes no row when the text is the same."""
    from ..models import EvaluationDescription
    from .transactions import write_one

    _known.pop(block_key, None)  # this process's trust in the earlier text
    write_one(lambda: EvaluationDescription.objects.filter(block_key=block_key).exclude(content=text)
              .update(content=text))


def described(block_key):
    """The fields (``{name: value}``) block ``block_key`` was last described with, or None (never
    answered, or a row that does not read). One read by the unique key ``emm_description_key``."""
    from ..models import EvaluationDescription

    # block_key is unique: a slice, without first()'s ORDER BY
    rows = EvaluationDescription.objects.filter(block_key=block_key).values_list("content", flat=True)[:1]
    try:
        fields = json.loads(rows[0]) if rows else None
    except ValueError:
        return None
    return fields if isinstance(fields, dict) else None


def course_descriptions(course_key, block_type):
    """``[(block_key, fields)]`` of the course's described blocks of ``block_type``, the first described first."""
    from ..models import EvaluationDescription

    rows = EvaluationDescription.objects.filter(course_key=course_key, block_type=block_type).order_by("id")
    out = []
    for block_key, content in rows.values_list("block_key", "content"):
        try:
            fields = json.loads(content)
        except ValueError:
            continue
        if isinstance(fields, dict):
            out.append((block_key, fields))
    return out
