"""What leaves the LMS as a file or a report row (pure): cells a spreadsheet will not run.

Every download is named for what it holds, in the author's language: ``content_disposition``
writes an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987), so a French or Arabic title
survives in every browser.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets (CSV injection); it is written with a leading apostrophe,
which spreadsheets show as text. Used by the staff CSV exports and by ``generate_report_data``
(the platform writes those rows to a CSV as they are).
"""

import csv
import io
import unicodedata
from urllib.parse import quote

from .numbers import plain
from .text import one_line

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_NAME = 80


def safe_cell(value):
    """``value`` as text a spreadsheet shows, never runs (None is an empty cell)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def content_disposition(title, extension, fallback="download"):
    """``attachment; filename="<ascii>.<ext>"; filename*=UTF-8''<percent-encoded>.<ext>`` for ``title``.

    The ASCII name drops accents (``Évaluation`` -> ``Evaluation``) and keeps letters, digits, ``-``
    and ``_``; a title with none (Arabic) falls back to ``fallback``. Browsers that read
    ``filename*`` (all current ones) show the title itself."""
    name = one_line(str(title or ""))[:MAX_NAME] or fallback
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = "".join(c if c.isalnum() or c in "-_" else "-" for c in plain).strip("-")
    while "--" in plain:
        plain = plain.replace("--", "-")
    plain = plain or fallback
    encoded = quote(f"{name}.{extension}", safe="")
    return f'attachment; filename="{plain}.{extension}"; filename*=UTF-8\'\'{encoded}'


def csv_lines(rows):
    """A CSV as UTF-8 byte lines, written as ``rows`` (lists of cells) come: a BOM first (spreadsheets
    then open French and Arabic correctly), every cell formula-safe (``safe_cell``)."""
    out = io.StringIO()
    writer = csv.writer(out)
    yield "\ufeff".encode()
    for cells in rows:
        writer.writerow([safe_cell(c) for c in cells])
        yield out.getvalue().encode("utf-8")
        out.seek(0)
        out.truncate()


def number(value):
    """``2`` rather than ``2.0``; at most two decimals (``0.999`` is ``1``, never ``1.``), a
    decimal point whatever the language, for files a program reads (``common.numbers.plain``)."""
    return plain(value)


def report_rows(user_state_iterator, rows_of, limit_responses=None):
    """``generate_report_data``'s ``(username, row)`` pairs: the rows ``rows_of(state)`` (a list,
    empty for a learner with nothing to report) of each learner's stored state (``.state``: the
    ``Scope.user_state`` fields decoded from JSON), at most ``limit_responses`` rows in all (None:
    no limit), the learners read no further than needed
    (``lms/djangoapps/instructor_task/tasks_helper/grades.py``, ``ProblemResponses``)."""
    if limit_responses is not None and limit_responses <= 0:
        return
    count = 0
    for user_state in user_state_iterator:
        for row in rows_of(getattr(user_state, "state", None) or {}):
            yield user_state.username, row
            count += 1
            if limit_responses is not None and count >= limit_responses:
                return
