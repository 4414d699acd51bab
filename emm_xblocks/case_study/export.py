"""The case study's staff download: how participants answered, split by profile (issue 12 §1).

``distribution_response`` answers the ``export_distribution`` handler: course staff only (403
``staff_only`` to anyone else, ``common.errors.staff_only``), 409 ``distribution_not_shown`` when
the case does not show it, 409 ``too_few_respondents`` below
the minimum group size; else a UTF-8 CSV (BOM, every cell
formula-safe: ``common.export.csv_lines``) named for the case (RFC 6266,
``common.export.content_disposition``), its rows ``report.distribution_rows``; the suffix ``excel``
asks for its Excel variant (``common.export.excel``). Reads the summary by index (three reads),
never the answer rows.
"""

from webob import Response

from ..common import summary
from ..common.errors import HandlerError, staff_only, too_few_respondents
from ..common.export import content_disposition, csv_lines, dialect_of
from . import report


def distribution_response(block, suffix=""):
    _ = block.ugettext
    if not block.is_staff():
        return staff_only(_).response()
    case = block.load_content()
    key = block.block_key()
    if not case.show_distribution:
        return HandlerError(409, "distribution_not_shown", _(
            "This case study does not show how other participants answered: turn on “{setting}” "
            "in its settings to download it.").format(setting=_("Show how other participants answered"))).response()
    respondents, tallies, by_profile = summary.panel_counts(key, profiles=case.asks_profile)
    if respondents < case.min_group_size:
        return too_few_respondents(_, block.numbers().number(case.min_group_size, 0)).response()
    rows = report.distribution_rows(case, tallies, by_profile, respondents, _)
    title = _("{title} - answers by profile").format(title=case.display_name)
    dialect = dialect_of(suffix, block.numbers().language)
    return Response(app_iter=csv_lines(rows, dialect), content_type="text/csv", charset="utf-8",
                    content_disposition=content_disposition(title, "csv", fallback="case-study", dialect=dialect))
