"""What leaves the LMS as a file or a report row (pure): cells a spreadsheet will not run. (Not
a download's handler: each block's ``export.py`` says what goes in a file, ``common.downloads``
serves it.)

Every download is named for what it holds, in the author's language: ``content_disposition``
writes an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987), so a French or Arabic title
survives in every browser.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets (CSV injection); it is written with a leading apostrophe,
which spreadsheets show as text. Used by the staff CSV exports and by ``generate_report_data``
(the platform writes those rows to a CSV as they are).

Every staff CSV comes in two dialects (decision 58), the same rows and columns but for the
Likert responses' answers (``likert.report.csv_columns``):

* ``PLAIN``: RFC 4180, ``,`` between cells and a decimal point, for programs (R, Stata, Python)
  and for spreadsheets set to English;
* ``excel(language)``: the decimal mark of the download's language (CLDR's, Latin digits: ``,``
  in French and Spanish, ``.`` in English and Arabic) and the separator Excel reads with it in
  that language's regional settings (decision 60): ``;`` where the decimal mark is ``,`` (French,
  Spanish: Excel there reads a plain CSV's rows into one column and ``63.8`` as text or a date),
  ``;`` in Arabic too (Windows' Arabic settings pair a decimal point with ``;``), else ``,``
  (English). No ``sep=;`` first line: Excel then ignores the BOM and shows accents garbled.
  ``excel_link`` names the separator on the link (« CSV pour Excel (;) », "CSV for Excel (,)").

Only the cells written as ``Figure`` (``figure``: a number with a decimal point, never grouped)
change their decimal mark, and ``int`` cells are written as they are; text cells are written
alike in both dialects (formula-safe). A figure is our number, never a formula: no apostrophe
before a negative one.
"""

import csv
import io
import re
import unicodedata
from urllib.parse import quote

from babel.numbers import get_decimal_symbol

from .numbers import locale_of, plain
from .text import one_line, shortened

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_NAME = 80
EXCEL = "excel"  # the handler suffix of the Excel variant of a download (``dialect_of``)


class Figure(str):
    """A number in a file: its text with a decimal point and no grouping (``"63.8"``), which each
    dialect writes with its decimal mark (``Dialect.cell``)."""

    __slots__ = ()


class Dialect:
    """How a CSV is written: ``separator`` between cells, ``decimal`` the mark of a ``Figure``."""

    def __init__(self, separator, decimal, excel=False):
        self.separator, self.decimal, self.excel = separator, decimal, excel

    def cell(self, value):
        """``value`` as this dialect writes it: a ``Figure`` with its decimal mark, an ``int`` as it
        is, anything else formula-safe text (``safe_cell``)."""
        if isinstance(value, Figure):
            return value.replace(".", self.decimal)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return safe_cell(value)


PLAIN = Dialect(",", ".")


# languages whose regional settings in Windows put ``;`` between list items beside a decimal
# point (LOCALE_SLIST ";", LOCALE_SDECIMAL "." in every Arabic locale: ar-SA, ar-EG, ar-DZ...),
# so that Excel there reads ``;`` between a CSV's cells though the decimal mark is not a comma
SEMICOLON_WITH_POINT = frozenset({"ar"})


def excel(language):
    """The Excel variant in ``language``: the language's decimal mark (CLDR, Latin digits, as the
    figures are written) and the separator Excel reads beside it (``excel_separator``)."""
    decimal = get_decimal_symbol(locale_of(language), numbering_system="latn")
    return Dialect(excel_separator(language, decimal), decimal, excel=True)


def excel_separator(language, decimal):
    """Excel's list separator (what it splits a CSV's cells on) in ``language``'s regional
    settings, where numbers are written with ``decimal``: ``;`` where the decimal mark is a comma
    (a comma cannot be both), and in the languages of ``SEMICOLON_WITH_POINT``; ``,`` elsewhere."""
    if decimal == "," or locale_of(language).language in SEMICOLON_WITH_POINT:
        return ";"
    return ","


def excel_link(language, _):
    """The words of the link to a download's Excel variant in ``language`` (the page's, which is
    the download's), naming the separator the file really has: ``{"text", "title"}``."""
    if excel(language).separator == ";":
        return {"text": _("CSV for Excel (;)"),
                "title": _("For Excel as set up for this page’s language: columns separated by semicolons, "
                           "numbers with this page’s decimal mark.")}
    return {"text": _("CSV for Excel (,)"),
            "title": _("For Excel as set up for this page’s language: columns separated by commas, "
                       "numbers with this page’s decimal mark.")}


def dialect_of(suffix, language):
    """The dialect a download's handler ``suffix`` asks for: ``excel(language)`` for ``EXCEL``,
    else ``PLAIN`` (the address without a suffix, as before)."""
    return excel(language) if suffix == EXCEL else PLAIN


def figure(value, digits=2):
    """``value`` as a ``Figure``: at most ``digits`` decimals, no trailing zeros (``plain``); ""
    (an empty cell) for None."""
    return "" if value is None else Figure(plain(value, digits))


def safe_cell(value):
    """``value`` as text a spreadsheet shows, never runs (None is an empty cell)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class FileName:
    """A download's name made of the block's ``title`` inside translated words, ``pattern``
    (``"{title} - codebook"``): ``content_disposition`` shortens the title alone, never the words
    around it, where the name would be too long."""

    __slots__ = ("pattern", "title")

    def __init__(self, pattern, title):
        self.pattern, self.title = pattern, title

    def __str__(self):
        return self.pattern.format(title=self.title)


# characters Windows refuses in a file name (a colon also ends a name on macOS's older APIs):
# "Niger : rapport" saved as "Niger - rapport", not cut or renamed by the browser (trial s32)
_NOT_IN_NAMES = re.compile(r'\s*:\s*|[\\/|]|[*?"<>]')


def _file_safe(name):
    """``name`` with what a file system refuses replaced: a colon (its spaces with it) by " - ",
    ``\\ / |`` by "-", ``* ? " < >`` left out; spaces run together made one."""
    def replacement(match):
        found = match.group()
        return " - " if ":" in found else "-" if found in "\\/|" else ""
    return one_line(_NOT_IN_NAMES.sub(replacement, name)) or name


def content_disposition(title, extension, fallback="download", dialect=None):
    """``attachment; filename="<ascii>.<ext>"; filename*=UTF-8''<percent-encoded>.<ext>`` for ``title``.

    The ASCII name drops accents (``Évaluation`` -> ``Evaluation``) and keeps letters, digits, ``-``
    and ``_``; a title with none (Arabic) falls back to ``fallback``. Browsers that read
    ``filename*`` (all current ones) show the title itself. The name is at most ``MAX_NAME``
    characters before its extension; a download in the Excel ``dialect`` ends in " (Excel)"
    (``-Excel`` in ASCII), so that it never replaces the plain file in the downloads folder.
    ``title``: the name, or a ``FileName`` (the block's title in translated words: " - codebook"),
    whose title alone is shortened (``shortened``, at a word) where the name is too long: the
    words after it, " (Excel)" and the extension stay whole."""
    suffix = " (Excel)" if dialect is not None and dialect.excel else ""
    named = title if isinstance(title, FileName) else FileName("{title}", title)
    # what a file system refuses replaced before the title is measured (the name stays within MAX_NAME)
    pattern, own = named.pattern, _file_safe(one_line(str(named.title or "")))
    words = len(pattern.format(title=""))  # the translated words around the title
    room = max(MAX_NAME - len(suffix) - words, 0)
    name = one_line(pattern.format(title=shortened(own, room))) if own else ""
    name = name or fallback
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = "".join(c if c.isalnum() or c in "-_" else "-" for c in plain).strip("-")
    while "--" in plain:
        plain = plain.replace("--", "-")
    plain = (plain or fallback) + ("-Excel" if suffix else "")
    name = _file_safe(name) + suffix
    encoded = quote(f"{name}.{extension}", safe="")
    return f'attachment; filename="{plain}.{extension}"; filename*=UTF-8\'\'{encoded}'


def csv_lines(rows, dialect=PLAIN):
    """A CSV as UTF-8 byte lines, written as ``rows`` (lists of cells) come in ``dialect``: a BOM
    first (spreadsheets then open French and Arabic correctly), every cell as the dialect writes it
    (``Dialect.cell``: text formula-safe)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=dialect.separator)
    yield "\ufeff".encode()
    for cells in rows:
        writer.writerow([dialect.cell(c) for c in cells])
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
