"""A staff CSV download, served the same way by every block (its ``export.py`` says what is in it).

``csv_download(block, suffix, fallback, contents)`` is the handler's answer: 403 ``staff_only``
(``errors.staff_only``) to anyone but course staff, staff viewing the course as a learner
included; else the rows ``contents(dialect)`` gives, as a UTF-8 CSV with a BOM and formula-safe
cells (``spreadsheet.csv_lines``), in the dialect the handler's ``suffix`` asks for (``spreadsheet.dialect_of``:
``excel`` for the Excel variant, decision 58), named for what it holds (``spreadsheet.content_disposition``,
RFC 6266). What the block refuses to give (too few answers, a setting turned off) it raises from
``contents`` as a ``HandlerError``, answered as JSON with its code like every handler error.
"""

from html import escape

from django.utils.safestring import mark_safe
from webob import Response

from .errors import HandlerError, staff_only
from .spreadsheet import content_disposition, csv_lines, dialect_of


def csv_download(block, suffix, fallback, contents):
    """The answer of a staff download handler.

    ``contents(dialect) -> (title, rows)``: the file's name (the block's language; "" takes
    ``fallback``, as does a title with no ASCII letter for the ASCII name) and its rows, lists of
    cells (``spreadsheet.Dialect.cell``), possibly a generator read as the response is written, after the
    handler returned. ``fallback``: the ASCII name of the file (``"case-study"``). Raises nothing: a
    ``HandlerError`` from ``contents`` is its answer."""
    _ = block.ugettext
    if not block.is_staff():
        return staff_only(_).response()
    dialect = dialect_of(suffix, block.numbers().language)
    try:
        title, rows = contents(dialect)
    except HandlerError as err:
        return err.response()
    return Response(app_iter=csv_lines(rows, dialect), content_type="text/csv", charset="utf-8",
                    content_disposition=content_disposition(title, "csv", fallback=fallback, dialect=dialect))


def links_html(url, text, excel_url="", excel_link=None, mark="", buttons=False):
    """A staff download's link, then its Excel variant's beside it (safe HTML, escaped): the one
    markup of every block's download links, which each page puts in its own paragraph.

    ``text``: the link's words; ``excel_url`` and ``excel_link`` (``spreadsheet.excel_link``'s
    ``{"text", "title"}``, naming the separator the file has): the Excel variant, left out when
    either is missing; ``mark``: the plain link's data attribute, for the page's script and tests
    (``" data-csv"``); ``buttons``: drawn as buttons (a panel or page of staff figures), else links
    separated by "·" (a staff link under a learner's page)."""
    cls = ' class="emm-button"' if buttons else ""
    out = f'<a{cls} href="{escape(url)}" download{mark}>{escape(text)}</a>'
    if excel_url and excel_link:
        out += (f'{" " if buttons else " · "}<a{cls} href="{escape(excel_url)}" download data-csv-excel'
                f' title="{escape(excel_link["title"])}">{escape(excel_link["text"])}</a>')
    return mark_safe(out)  # noqa: S308 - every value escaped
