"""The Studio editor's JSON and a ``Report``, both ways (pure): settings only."""

from ..common.settings import editor_form, read_editor
from ..common.validation import form_payload
from .content import SETTINGS, Report, to_fields
from .validation import validate


@form_payload
def from_editor(data, _):
    """``(report, problems)`` of the editor's JSON (its settings), checked as a save checks them."""
    settings, problems = read_editor(data, SETTINGS, _)
    report = Report(**settings)
    return report, problems + validate(report, _)


def to_editor(report):
    """The JSON the editor starts from (the same shape ``from_editor`` reads)."""
    return to_fields(report)


def settings_form(_):
    """The settings as the editor draws them (``common.settings.editor_form``)."""
    return editor_form(SETTINGS, _)
