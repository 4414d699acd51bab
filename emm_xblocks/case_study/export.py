"""The case study's staff download: how participants answered, split by profile where the case
asks a profile question (issue 12 §1); its title and its link say "by profile" only then.

``distribution_response`` answers the ``export_distribution`` handler: course staff only (403
``staff_only`` to anyone else, ``common.errors.staff_only``), 409 ``distribution_not_shown`` when
the case does not show it, 409 ``too_few_respondents`` below
the minimum group size; else a UTF-8 CSV (BOM, every cell
formula-safe: ``common.spreadsheet.csv_lines``) named for the case (RFC 6266,
``common.spreadsheet.content_disposition``), its rows ``report.distribution_rows``; the suffix ``excel``
asks for its Excel variant (``common.spreadsheet.excel``). Reads the summary by index (one
statement, ``summary.panel_counts``), never the answer rows.

``distribution_refusal`` is the handler's one decision, which the staff's page asks too before it
offers the link (``views.student_view``; ``page_html`` says the reason in the link's place,
``common.downloads.links_html``).
"""

from ..common import summary
from ..common.downloads import csv_download
from ..common.errors import HandlerError, too_few_respondents
from ..common.settings import named
from ..common.spreadsheet import FileName
from . import content, report

SHOWN = named(content.SETTINGS, "show_distribution")


def distribution_refusal(case, respondents, words):
    """Why the distribution cannot be downloaded (a ``HandlerError``), or None: the case does not
    show it, or fewer ``respondents`` than the minimum group size answered. ``words``: the block's
    ``translators()``."""
    _ = words[0]
    if not case.keeps_answers:
        return HandlerError("distribution_not_shown", _(
            "This case study does not show how other participants answered: turn on “{setting}” "
            "in its settings to download it.").format(setting=_(SHOWN.label)))
    if respondents < case.min_group_size:
        return too_few_respondents(words, case.min_group_size, respondents)
    return None


def distribution_response(block, suffix=""):
    """How other participants answered, as a CSV download for staff (its Excel variant for
    ``suffix`` "excel"), the figures of the feedback panel's distribution ("how other participants
    answered"); refused where the case keeps none."""
    _ = block.ugettext

    def contents(_dialect):
        case = block.load_content()
        respondents, tallies, by_profile = (summary.panel_counts(block.block_key(), profiles=case.asks_profile)
                                            if case.keeps_answers else (0, {}, {}))
        refused = distribution_refusal(case, respondents, block.translators())
        if refused is not None:
            raise refused
        title = _("{title} - answers by profile") if case.asks_profile else _("{title} - answers")
        return (FileName(title, case.display_name),
                report.distribution_rows(case, tallies, by_profile, respondents, _))

    return csv_download(block, suffix, "case-study", contents)
