"""A block's rows read for staff: the comments, and every answer row for a CSV export, in pages
of bounded size."""

def comments(block_key):
    """``[(submission, text)]`` of a block, in the order of their text: never by day, which staff
    see the submissions of (decision 73): a comment listed first of a one-answer day would be that
    learner's."""
    from ..models import Comment

    return list(Comment.objects.filter(block_key=block_key).order_by("text")
                .values_list("submission", "text"))


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
