"""The Studio editor's JSON and a ``Report``, both ways (pure): settings only."""

from ..common.settings import editor_form, read_editor
from ..common.validation import form_payload
from .content import SETTINGS, Report, to_fields
from .validation import validate


@form_payload
def from_editor(data, _):
    settings, problems = read_editor(data, SETTINGS, _)
    report = Report(**settings)
    return report, problems + validate(report, _)


def to_editor(report):
    return to_fields(report)


def settings_form(_):
    return editor_form(SETTINGS, _)
