"""A staff CSV download, served the same way by every block (its ``export.py`` says what is in it).

``csv_download(block, suffix, fallback, contents)`` is the handler's answer: 403 ``staff_only``
to anyone but course staff, ``viewing_as_learner`` to staff viewing the course as a learner
(``errors.staff_refusal``); else the rows ``contents(dialect)`` gives, as a UTF-8 CSV with a BOM and formula-safe
cells (``spreadsheet.csv_lines``), in the dialect the handler's ``suffix`` asks for (``spreadsheet.dialect_of``:
``excel`` for the Excel variant, decision 58), named for what it holds (``spreadsheet.content_disposition``,
RFC 6266). What the block refuses to give (too few answers, a setting turned off) it raises from
``contents`` as a ``HandlerError``, answered as JSON with its code like every handler error.

A page never offers a download its handler would refuse: each block's ``export.py`` has the one
function that decides (a ``HandlerError`` or None), which its handler raises and its page asks
before it writes the link (``links_html``'s ``refused``: the reason in the link's place, e.g.
``errors.too_few_respondents``'s "The answers can be downloaded once at least 5 people have answered
(1 so far)."). A browser shows nothing of a refused download's JSON (it cancels the download),
so a link that could only fail would say nothing to the person who clicked it.

``download_handler`` declares a download's handler: GET or HEAD only (405 ``method_not_allowed``),
at its address or its Excel variant's (``…/excel``), 404 ``not_found`` for any other suffix
(``handlers.get_handler``).
"""

from html import escape

from django.utils.safestring import mark_safe
from webob import Response

from .errors import HandlerError, staff_refusal
from .handlers import get_handler
from .spreadsheet import EXCEL, content_disposition, csv_lines, dialect_of

# the suffixes of a download's address: the file itself, its Excel variant
DOWNLOAD_SUFFIXES = ("", EXCEL)
download_handler = get_handler(suffixes=DOWNLOAD_SUFFIXES)


def csv_download(block, suffix, fallback, contents):
    """The answer of a staff download handler.

    ``contents(dialect) -> (title, rows)``: the file's name (the block's language; "" takes
    ``fallback``, as does a title with no ASCII letter for the ASCII name; a
    ``spreadsheet.FileName`` for the block's title in translated words, the title alone shortened
    where the name is too long) and its rows, lists of
    cells (``spreadsheet.Dialect.cell``), possibly a generator read as the response is written, after the
    handler returned. ``fallback``: the ASCII name of the file (``"case-study"``). Raises nothing: a
    ``HandlerError`` from ``contents`` is its answer."""
    _ = block.ugettext
    refused = staff_refusal(block)
    if refused is not None:
        return refused.response()
    dialect = dialect_of(suffix, block.numbers().language)
    try:
        title, rows = contents(dialect)
    except HandlerError as err:
        return err.response()
    response = Response(app_iter=csv_lines(rows, dialect), content_type="text/csv", charset="utf-8",
                        content_disposition=content_disposition(title, "csv", fallback=fallback, dialect=dialect))
    response.cache_control = "private, no-store"  # learners' answers, as the pack's (bug hunt s44)
    return response


def links_html(url, text, excel_url="", excel_link=None, mark="", buttons=False, refused=None):
    """A staff download's link, then its Excel variant's beside it (safe HTML, escaped): the one
    markup of every block's download links, which each page puts in its own paragraph; or, where
    its handler would refuse it (``refused``: what it would answer, ``HandlerError.body()``'s
    ``{"error", "message"}``), why, in their place.

    ``text``: the link's words; ``excel_url`` and ``excel_link`` (``spreadsheet.excel_link``'s
    ``{"text", "title"}``, naming the separator the file has): the Excel variant, left out when
    either is missing; ``mark``: the plain link's data attribute, for the page's script and tests
    (``" data-csv"``); ``buttons``: drawn as buttons (a panel or page of staff figures), else links
    separated by "·" (a staff link under a learner's page). The Excel variant's name ends, for a
    screen reader only, with what it downloads (``text``): two "CSV for Excel (;)" links side by
    side (a file and its codebook) read apart (WCAG 2.4.4)."""
    if refused is not None:
        return mark_safe(  # noqa: S308 - escaped
            f'<span class="emm-download-refused" data-download-refused="{escape(refused["error"])}">'
            f'{escape(refused["message"])}</span>')
    cls = ' class="emm-button"' if buttons else ""
    out = f'<a{cls} href="{escape(url)}" download{mark}>{escape(text)}</a>'
    if excel_url and excel_link:
        out += (f'{" " if buttons else " · "}<a{cls} href="{escape(excel_url)}" download data-csv-excel'
                f' title="{escape(excel_link["title"])}">{escape(excel_link["text"])}'
                f'<span class="emm-sr"> ({escape(text)})</span></a>')
    return mark_safe(out)  # noqa: S308 - every value escaped
