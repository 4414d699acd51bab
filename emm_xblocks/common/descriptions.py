"""What each block asked (``models.EvaluationDescription``): kept by its submissions, read by the
course's evaluation report. Content only (statements, scale, questions, names): nothing of a learner.

``describe`` reads the block's row first and writes only when the content changed, so a
submission costs one indexed read; two first submissions at the same moment create one row (the
second's INSERT meets the unique key and gives way).
"""

import json

from django.db import IntegrityError

from . import statements
from .transactions import write


def describe(block_key, course_key, block_type, text):
    """Keep ``text`` (JSON of the fields, ``actions.Described.text``) as what ``block_key`` (a
    ``block_type``) asks, in course ``course_key``."""
    from ..models import EvaluationDescription

    # block_key is unique (emm_description_key): a slice, without first()'s ORDER BY
    rows = statements.select("description", lambda b: EvaluationDescription.objects.filter(block_key=b)
                             .values_list("content")[:1], block_key)
    current = rows[0][0] if rows else None
    if current == text:
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
