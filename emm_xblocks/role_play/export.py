"""The role-play's download, for course staff only (403 ``staff_only`` for anyone else, staff
viewing as a learner included): ``perspectives_response`` answers ``export_perspectives`` with how each
role chose and how each role's scenario ended (``report.perspective_rows``), then the same by
participant profile where the role-play asks it (``report.profile_rows``). Every cell is
formula-safe and the file starts with a BOM (``common.export``); ``…/export_perspectives/excel``
is its Excel variant (``common.export.excel``).
"""

from webob import Response

from ..common import profile, summary
from ..common.errors import staff_only
from ..common.export import content_disposition, csv_lines, dialect_of
from . import report


def perspectives_response(block, suffix=""):
    """Staff only: ``perspective_rows`` as a CSV download named for the role-play (RFC 6266), in the
    dialect the handler's ``suffix`` asks for (``common.export.dialect_of``)."""
    _ = block.ugettext
    if not block.is_staff():
        return staff_only(_).response()
    scenario = block.load_content()
    rows = list(report.perspective_rows(scenario, summary.role_tallies(block.block_key()), _))  # a few hundred at most
    if scenario.asks_profile:  # the same split by participant profile (issue 12), after the roles'
        key = block.block_key()
        by = profile.with_not_said(summary.profile_tallies(key), summary.tallies(key))
        rows += report.profile_rows(scenario, by, _)
    title = _("{title} - choices by role").format(title=scenario.display_name)
    dialect = dialect_of(suffix, block.numbers().language)
    return Response(app_iter=csv_lines(rows, dialect), content_type="text/csv", charset="utf-8",
                    content_disposition=content_disposition(title, "csv", fallback="role-play", dialect=dialect))
