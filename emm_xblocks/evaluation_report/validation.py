"""Author checks of the evaluation report (pure): ``validate(report, _) -> [Problem]``."""

from ..common.ids import is_valid_id
from ..common.validation import Problem


def validate(report, _):
    problems = []
    if not report.display_name.strip():
        problems.append(Problem("display_name", _("Give the report a name.")))
    if report.headline_statement and not is_valid_id(report.headline_statement):
        problems.append(Problem("headline_statement", _("Give a statement id (letters, digits, hyphens or "
                                                        "underscores), or leave it empty.")))
    if not 1 <= report.min_group_size <= 1000:
        problems.append(Problem("min_group_size", _("The minimum group size must be between 1 and 1000.")))
    return problems
