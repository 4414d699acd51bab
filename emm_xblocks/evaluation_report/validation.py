"""Author checks of the evaluation report (pure): ``validate(report, _) -> [Problem]``."""

from ..common import settings
from ..common.ids import is_valid_id
from ..common.validation import Problem
from .content import SETTINGS


def validate(report, _):
    problems = []
    if not report.display_name.strip():
        problems.append(Problem("display_name", _("Give the report a name.")))
    if report.headline_statement and not is_valid_id(report.headline_statement):
        problems.append(Problem("headline_statement", _("Give a statement id (letters, digits, hyphens or "
                                                        "underscores), or leave it empty.")))
    return problems + settings.problems(report, SETTINGS, _)
