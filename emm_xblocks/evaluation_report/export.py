"""The evaluation report's download, for course staff only (403 ``staff_only`` for anyone else,
staff viewing as a learner included): ``csv_response`` answers ``export_csv`` with every figure of
the report (``csv_rows.csv_rows`` of ``course_figures.figures``); ``…/export_csv/excel`` is its Excel variant
(``common.spreadsheet.excel``)."""

from ..common.downloads import csv_download
from . import course_figures
from .csv_rows import csv_rows


def csv_response(block, suffix=""):
    """Every figure of the report as a CSV (UTF-8 with a BOM, formula-safe cells, the report's name
    as the file's, RFC 6266), for course staff only; its Excel variant for the suffix ``excel``
    (``common.downloads.csv_download``)."""
    return csv_download(block, suffix, "evaluation-report", lambda _dialect: (
        block.load_content().display_name, csv_rows(course_figures.figures(block), block.ugettext)))
