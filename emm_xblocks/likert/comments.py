"""The learners' comments in the staff's results panel, a page at a time (decision 98).

The panel (``views.results_json``) holds the first ``PAGE`` comments, how many there are and where
the page stopped (``first_page``); "Show more comments" (``emm-likert-comments.js``) asks the
staff-only handler ``comments_page`` for the next ones (``next_page``). At 20,000 respondents the
panel held every comment, some 1.6 MB at each opening.

Every page follows the rules the panel's list always followed: read by course staff as themselves
only (the handler's ``require_staff_as_themselves``, as ``leave_out_day``'s); none while fewer than
the minimum group size have answered, nor when the evaluation has no comment box (``refusal``);
listed by their text, never by day nor by submission (``answer_rows.comments_page``, decisions 73
and 84); a day left out is deleted, its comments with it (decision 72); none the responses CSV
withholds (``withheld``: the list less the CSV would give them, bug hunt s6-privacy), in the list
nor in its total. The downloads hold every other comment (``export``).

``comments_page`` takes POST ``{"after": {"head", "id"}, "limit": n}``: ``after``, where the last
page stopped (the reply's ``next``; absent or null: the first page); ``limit``, how many (``PAGE``
if absent, at most ``MAX_PAGE``: more is taken as ``MAX_PAGE``). It answers ``{"comments": [text],
"total": how many the list holds, "next": where this page stopped, or null when none is left}``.
Refused: 403 ``staff_only``; 400 ``invalid_page`` for an ``after`` or a ``limit`` it cannot read;
409 ``too_few_respondents`` below the minimum group size; 409 ``no_comment_box``.
"""

import re
import uuid

from ..common import answer_rows, summary
from ..common.errors import HandlerError
from . import report

PAGE = 20  # comments in the panel, and in each page asked for without a limit
MAX_PAGE = 100  # comments at most in one page
COMMENT_ID = re.compile(r"[0-9a-f]{32}", re.ASCII)  # a comment's id as a page's cursor writes it


def refusal(survey, respondents, words):
    """Why the comments are not listed (a ``HandlerError``), or None: the evaluation has no comment
    box (409 ``no_comment_box``), or fewer than its minimum group size have answered (409
    ``too_few_respondents``: the panel then shows no figure at all). ``words``: ``block.translators()``."""
    _, ungettext, nums = words
    if not survey.comment_box:
        return HandlerError("no_comment_box", _("This evaluation has no comment box: no comment is listed."))
    if respondents < survey.min_group_size:
        return HandlerError("too_few_respondents", ungettext(
            "The comments are listed once at least {n} person has answered ({count} so far).",
            "The comments are listed once at least {n} people have answered ({count} so far).",
            survey.min_group_size).format(n=nums.number(survey.min_group_size, 0), count=nums.number(respondents, 0)))
    return None


def withheld(survey, block_key, tallies=None):
    """The comments the responses CSV withholds (``report.comments_withheld``), which no page lists:
    read from the block's ``tallies`` (read here unless given) and, for a named evaluation, how many
    of its submissions were kept without a learner (``answer_rows.keyless_submissions``)."""
    tallies = summary.tallies(block_key) if tallies is None else tallies
    keyless = 0 if survey.anonymous else answer_rows.keyless_submissions(block_key)
    return report.comments_withheld(survey, tallies, keyless)


def first_page(block_key, left_out=None):
    """What the panel adds for staff: ``comments`` (the first ``PAGE``, none of ``left_out``:
    ``withheld``'s), ``comments_total`` and ``comments_next`` (where the page stopped, None when
    every comment is in it)."""
    texts, cursor = answer_rows.comments_page(block_key, limit=PAGE, withheld=left_out)
    total = len(texts) if cursor is None else answer_rows.comments_count(block_key, left_out)
    return {"comments": texts, "comments_total": total, "comments_next": cursor}


def page_asked(data, _):
    """``(after, limit)`` read from the request (see the module's docstring); ``HandlerError`` 400
    ``invalid_page`` for anything else."""
    after = data.get("after")
    if after is not None:
        head, key = (after.get("head"), after.get("id")) if isinstance(after, dict) else (None, None)
        if not (isinstance(head, str) and len(head) <= answer_rows.COMMENT_HEAD
                and isinstance(key, str) and COMMENT_ID.fullmatch(key)):
            raise HandlerError("invalid_page", _(
                "The comments could not be continued from there: send “after” as the last page's “next” gave it."))
        after = {"head": head, "id": uuid.UUID(hex=key)}
    limit = data.get("limit", PAGE)
    if limit is None:
        limit = PAGE
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise HandlerError("invalid_page", _("Ask for a whole number of comments, 1 or more."))
    return after, min(limit, MAX_PAGE)


def next_page(block, data):
    """The answer of ``comments_page`` for course staff (see the module's docstring)."""
    words = block.translators()
    after, limit = page_asked(data, words[0])
    survey, key = block.load_content(), block.block_key()
    refused = refusal(survey, summary.respondents(key), words)
    if refused is not None:
        raise refused
    left_out = withheld(survey, key)
    texts, cursor = answer_rows.comments_page(key, after, limit, left_out)
    return {"comments": texts, "total": answer_rows.comments_count(key, left_out), "next": cursor}
