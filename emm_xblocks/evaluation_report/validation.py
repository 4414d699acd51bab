"""Author checks of the evaluation report (pure): ``validate(report, _) -> [Problem]``, and
``headline_warnings(report, statements, _)``: the key figure's statement against the course's."""

from ..common import settings
from ..common.i18n import list_separator
from ..common.ids import is_valid_id
from ..common.validation import Problem
from .content import SETTINGS


def validate(report, _):
    """``[Problem]`` of the report's settings: a name, a well-formed key-figure id, each setting's range."""
    problems = []
    if not report.display_name.strip():
        problems.append(Problem("display_name", _("Give the report a name.")))
    if report.headline_statement and not is_valid_id(report.headline_statement):
        problems.append(Problem("headline_statement", _("Give a statement id (letters, digits, hyphens or "
                                                        "underscores), or leave it empty.")))
    return problems + settings.problems(report, SETTINGS, _)


SHOWN_IDS = 12  # statement ids a warning lists at most


def headline_warnings(report, statements, _):
    """``[Problem]`` (a warning: saving goes on) when the key figure's statement id is none of
    ``statements``: the statement ids of the course's answered evaluations (empty: none answered
    yet, nothing to check against, no warning). The report would say the same in place of its key
    figure (``report._headline_note``); said at the save, the author can mend a typo at once."""
    chosen = report.headline_statement
    if not chosen or not statements or chosen in statements or not is_valid_id(chosen):
        return []
    ids, separator = sorted(statements), list_separator(_)
    shown = separator.join(ids[:SHOWN_IDS]) + (separator + "…" if len(ids) > SHOWN_IDS else "")
    return [Problem("headline_statement", _(
        "No answered evaluation of this course has a statement “{id}”: the report will say so in place of "
        "its key figure. Their statements’ ids: {ids}.").format(id=chosen, ids=shown), error=False)]
