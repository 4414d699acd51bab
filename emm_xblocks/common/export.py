"""What leaves the LMS as a file or a report row (pure): cells a spreadsheet will not run.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets (CSV injection); it is written with a leading apostrophe,
which spreadsheets show as text. Used by the staff CSV exports and by ``generate_report_data``
(the platform writes those rows to a CSV as they are).
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as text a spreadsheet shows, never runs (None is an empty cell)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
