"""A block's rows read for staff: the comments a page at a time, and every answer row for a CSV
export, in pages of bounded size."""

COMMENT_HEAD = 100  # characters of a comment that order the list and that a page's cursor holds


def listed_comments(block_key, withheld=None):
    """The block's comments a staff list holds (a queryset): every one, less the ``withheld``
    (``likert.report.comments_withheld``: ``(groups, keyless)``), those of a submission with an
    answer in one of ``groups`` (a ``NOT EXISTS`` on index ``emm_resp_submission``) and, with
    ``keyless``, those kept without a learner."""
    from django.db.models import Exists, OuterRef

    from ..models import Answer, Comment

    rows = Comment.objects.filter(block_key=block_key)
    groups, keyless = withheld or ((), False)
    if keyless:
        rows = rows.exclude(user_key="")
    if groups:
        rows = rows.exclude(Exists(Answer.objects.filter(block_key=block_key, submission=OuterRef("submission"),
                                                         group__in=sorted(groups))))
    return rows


def keyless_submissions(block_key):
    """How many of a block's submissions were kept without a learner (``user_key`` empty): those
    with answers, and those of a comment alone. Two counts, on the indexes that lead with
    ``block_key, user_key``."""
    from django.db.models import Exists, OuterRef

    from ..models import Answer, Comment

    answered = Answer.objects.filter(block_key=block_key, user_key="").values("submission").distinct().count()
    alone = (Comment.objects.filter(block_key=block_key, user_key="")
             .exclude(Exists(Answer.objects.filter(block_key=block_key, submission=OuterRef("submission"))))
             .count())
    return answered + alone


def comments_page(block_key, after=None, limit=20, withheld=None):
    """``(texts, cursor)``: at most ``limit`` comments of a block, in the order of their text, never
    by day, which staff see the submissions of (decision 73): a comment listed first of a one-answer
    day would be that learner's; nor by submission, the responses CSV's order, which would line a
    comment up with a row the CSV withholds (decision 84).

    The order is the first ``COMMENT_HEAD`` characters, then the comment's random id: MariaDB and
    MySQL sort a text by its first ``max_sort_length`` bytes only (1,024: 256 characters of four
    bytes), so a longer key would sort one way and compare another, and a page could skip a comment.
    ``after``: ``{"head", "id"}``, where the last page stopped (``cursor``), None for the first;
    ``cursor``: where this page stops, None when no comment is left after it. The next page starts
    after the cursor, not at a count, so a comment sent meanwhile never shows one twice.
    ``withheld``: the comments left out (``listed_comments``).

    One statement: the block's comments found by their index (``emm_comment_submission`` leads with
    ``block_key``) and sorted; the rows a page sends, not the block's, cross to Python."""
    from django.db.models import Q
    from django.db.models.functions import Substr

    rows = listed_comments(block_key, withheld).annotate(head=Substr("text", 1, COMMENT_HEAD))
    if after is not None:
        rows = rows.filter(Q(head__gt=after["head"]) | Q(head=after["head"], id__gt=after["id"]))
    page = list(rows.order_by("head", "id").values_list("head", "id", "text")[:limit + 1])
    cursor = None
    if len(page) > limit:
        page = page[:limit]
        cursor = {"head": page[-1][0], "id": page[-1][1].hex}
    return [text for _head, _id, text in page], cursor


def comments_count(block_key, withheld=None):
    """How many comments a block's staff list holds (``listed_comments``; counted on the index
    ``emm_comment_submission``)."""
    return listed_comments(block_key, withheld).count()


class ExportRows:
    """Every answer row of a block as ``(submission, user_key, day, group, value)``, the rows of a
    submission together (in submission order: random, so it says nothing of who answered when).

    Read in pages of about ``chunk_size`` rows, each page one query that starts where the last
    one stopped on index ``emm_resp_submission`` (``block_key, submission, group``): the memory
    used is one page's, however many rows the block has, on every database (mysqlclient would
    otherwise hold a whole result in memory, and ``OFFSET`` would rescan the skipped rows).
    """

    def __init__(self, block_key):
        self.block_key = block_key

    def __iter__(self):
        return self.iterator()

    def iterator(self, chunk_size=2000):
        from ..models import Answer

        after = None
        while True:
            rows = Answer.objects.filter(block_key=self.block_key)
            if after is not None:
                rows = rows.filter(submission__gt=after)
            page = list(rows.order_by("submission", "group")
                        .values_list("submission", "user_key", "day", "group", "value")[:chunk_size])
            if len(page) < chunk_size:
                yield from page
                return
            whole = [row for row in page if row[0] != page[-1][0]]  # the last submission may go on
            if not whole:
                chunk_size *= 2  # one submission longer than a page: read a bigger one
                continue
            yield from whole
            after = whole[-1][0]


def export_rows(block_key):
    """Every answer row of a block, for a CSV export: ``ExportRows`` (iterate it, or
    ``.iterator(chunk_size=...)``), streamed in pages of bounded size."""
    return ExportRows(block_key)


def export_submissions(block_key, chunk_size=2000):
    """``(submission, user_key, day, {group: value}, comment)`` for each submission of a block,
    streamed (a CSV writer can write each as it comes); one comment query per page of rows. Then
    the submissions of a comment alone (every statement optional, none answered), ``{}`` their
    answers: the panel lists them, and the CSV lost them (bug hunt s43)."""
    from django.db.models import Exists, OuterRef

    from ..models import Answer, Comment

    def flush(batch):
        texts = dict(Comment.objects.filter(block_key=block_key, submission__in=[b[0] for b in batch])
                     .values_list("submission", "text"))
        for submission, user_key, day, answers in batch:
            yield submission, user_key, day, answers, texts.get(submission, "")

    batch, current = [], None
    for submission, user_key, day, group, value in export_rows(block_key).iterator(chunk_size):
        if current is None or current[0] != submission:
            if len(batch) >= max(1, chunk_size // 10):
                yield from flush(batch)
                batch = []
            current = (submission, user_key, day, {})
            batch.append(current)
        current[3][group] = value
    if batch:
        yield from flush(batch)
    alone = (Comment.objects.filter(block_key=block_key)
             .exclude(Exists(Answer.objects.filter(block_key=block_key, submission=OuterRef("submission"))))
             .order_by("submission").values_list("submission", "user_key", "day", "text"))
    for submission, user_key, day, text in alone.iterator(chunk_size=chunk_size):
        yield submission, user_key, day, {}, text
