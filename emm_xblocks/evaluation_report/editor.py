"""The Studio editor's JSON and a ``Report``, both ways (pure): settings only."""

from ..common.settings import editor_form, read_editor
from ..common.validation import Problem
from .content import SETTINGS, Report, to_fields
from .validation import validate


def from_editor(data, _):
    if not isinstance(data, dict):
        return None, [Problem("", _("The editor sent something that is not a form."))]
    settings, problems = read_editor(data, SETTINGS, _)
    report = Report(**settings)
    return report, problems + validate(report, _)


def to_editor(report):
    return to_fields(report)


def settings_form(_):
    return editor_form(SETTINGS, _)
