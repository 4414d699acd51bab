"""The evaluation report's download, for course staff only (403 ``staff_only`` for anyone else,
staff viewing as a learner included): ``csv_response`` answers ``export_csv`` with every figure of
the report (``report.csv_rows`` of ``views.figures``); ``…/export_csv/excel`` is its Excel variant
(``common.export.excel``)."""

from webob import Response

from ..common.errors import staff_only
from ..common.export import content_disposition, csv_lines, dialect_of
from . import report
from .views import figures


def csv_response(block, suffix=""):
    """Every figure of the report as a CSV (UTF-8 with a BOM, formula-safe cells, the report's name
    as the file's, RFC 6266), for course staff only; its Excel variant for the suffix ``excel``
    (``common.export.dialect_of``)."""
    _ = block.ugettext
    if not block.is_staff():
        return staff_only(_).response()
    dialect = dialect_of(suffix, block.numbers().language)
    body = b"".join(csv_lines(report.csv_rows(figures(block), _), dialect))
    return Response(body=body, content_type="text/csv", charset="utf-8",
                    content_disposition=content_disposition(block.load_content().display_name, "csv",
                                                            fallback="evaluation-report", dialect=dialect))
