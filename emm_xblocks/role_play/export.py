"""The role-play's download, for course staff only (403 ``staff_only`` for anyone else, staff
viewing as a learner included; 409 ``choices_not_kept`` while the role-play does not show how
others chose, as it then keeps no choice): ``perspectives_response`` answers ``export_perspectives`` with how each
role chose and how each role's scenario ended (``report.perspective_rows``), then the same by
participant profile where the role-play asks it (``report.profile_rows``; its title says "by
profile" only then, as the case study's download, ``case_study.export``). Every cell is
formula-safe and the file starts with a BOM (``common.spreadsheet``); ``…/export_perspectives/excel``
is its Excel variant (``common.spreadsheet.excel``). ``perspectives_refusal`` is the handler's one decision,
which the staff's page asks too before it offers the link (``views.student_view``).
"""

from ..common import profile, summary
from ..common.downloads import csv_download
from ..common.errors import HandlerError
from ..common.settings import named
from ..common.spreadsheet import FileName
from . import content, report

SHOWN = named(content.SETTINGS, "show_others")


def perspectives_refusal(scenario, _):
    """Why the choices cannot be downloaded (a ``HandlerError``), or None: the role-play does not
    show how others chose, so it keeps no choice (``learner._finish``): an empty file would mislead."""
    if not scenario.keeps_answers:
        return HandlerError("choices_not_kept", _(
            "This role-play does not keep how participants chose: turn on “{setting}” in its "
            "settings to download it.").format(setting=_(SHOWN.label)))
    return None


def perspectives_response(block, suffix=""):
    """Staff only: ``perspective_rows`` as a CSV download named for the role-play (RFC 6266), in the
    dialect the handler's ``suffix`` asks for (``common.downloads.csv_download``)."""
    _ = block.ugettext

    def contents(_dialect):
        scenario = block.load_content()
        refused = perspectives_refusal(scenario, _)
        if refused is not None:
            raise refused
        key = block.block_key()
        rows = list(report.perspective_rows(scenario, summary.role_tallies(key), _))  # a few hundred at most
        if scenario.asks_profile:  # the same split by participant profile (issue 12), after the roles'
            rows += report.profile_rows(scenario, profile.with_not_said(summary.profile_tallies(key),
                                                                         summary.tallies(key)), _)
        title = _("{title} - choices by role and by profile") if scenario.asks_profile else _(
            "{title} - choices by role")
        return FileName(title, scenario.display_name), rows

    return csv_download(block, suffix, "role-play", contents)
