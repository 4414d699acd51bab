"""The Studio editor's JSON and a ``KnowledgeCheck``, both ways (pure): types are checked here (the
questions by ``common.questions.question_from_editor``, the case study's reader), the content by
``validation.validate``. Both return ``Problem`` objects the editor shows next to the field they
name. The payload has the shape of ``content.to_plain``.
"""

from ..common import limits, retired
from ..common.editor_json import editor_html, editor_items
from ..common.questions import (
    HTML_LIMIT,
    QUESTION_HTML_LIMITS,
    QUESTION_ID_LIMITS,
    QUESTION_TEXT_LIMITS,
    question_from_editor,
)
from ..common.settings import editor_form, read_editor
from ..common.validation import beside_unreadable_rows, form_payload, has_unreadable_rows
from .content import MAX_QUESTIONS, SETTINGS, KnowledgeCheck, to_plain
from .validation import validate


@form_payload
def from_editor(data, _):
    """Return ``(check, problems)``; ``check`` is None when the payload cannot be read, a row of
    one of its lists included (``validation.unreadable_row``: a problem at that row)."""
    problems = []
    questions = [question_from_editor(q, i, problems, _)
                 for i, q in editor_items(data, "questions", MAX_QUESTIONS * 2, problems, _, most=MAX_QUESTIONS)]
    settings, setting_problems = read_editor(data, SETTINGS, _)
    check = KnowledgeCheck(intro=editor_html(data, "intro"), questions=tuple(questions), **settings)
    too_long = limits.check_saved(data, to_editor(check), LIMITS, _, one_line=QUESTION_TEXT_LIMITS)
    if has_unreadable_rows(problems):  # read without them, the questions are not the form's: nothing saved
        return None, beside_unreadable_rows(problems + setting_problems, too_long + validate(check, _))
    return check, problems + too_long + setting_problems + validate(check, _)


# characters of each text of the editor's JSON (``common.limits``: refused, never cut); the
# settings' texts are ``common.settings.read_editor``'s
LIMITS = {"intro": HTML_LIMIT, **QUESTION_HTML_LIMITS, **QUESTION_TEXT_LIMITS}
ONE_LINE_LIMITS = QUESTION_TEXT_LIMITS  # counted as saved (Studio's check too: ``common.studio_checks``)
# what the editor counts (its ``data-max-chars``): the same table and the ids (no profile question)
COUNTED = {**LIMITS, **QUESTION_ID_LIMITS}


def to_editor(check):
    """The JSON the editor starts from (the same shape ``from_editor`` reads): the check less its
    retired ids (``common.retired.without_retired``)."""
    return retired.without_retired(to_plain(check))


def settings_form(_):
    """The settings as the editor draws them (``common.settings.editor_form``)."""
    return editor_form(SETTINGS, _)
