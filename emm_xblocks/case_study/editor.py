"""The Studio editor's JSON and a ``Case``, both ways (pure): types are checked here, the content
by ``validation.validate``. Both return ``Problem`` objects that the editor shows next to the
field they name (``questions.2.options.1.text``).

The payload has the shape of ``content.to_plain`` (the editor starts from it). Author HTML
(narrative, sections, prompts, explanations, model answers, expert analysis) is cleaned here.
"""

from ..common import limits, profile, retired
from ..common.editor_json import editor_html as _html
from ..common.editor_json import editor_items as _items
from ..common.editor_json import editor_text as _text
from ..common.questions import (
    HTML_LIMIT,
    QUESTION_HTML_LIMITS,
    QUESTION_ID_LIMITS,
    QUESTION_TEXT_LIMITS,
    TEXT_LIMIT,
    question_from_editor,
)
from ..common.settings import editor_form, read_editor
from ..common.text import one_line
from ..common.validation import Problem, beside_unreadable_rows, form_payload, has_unreadable_rows
from .content import MAX_PARTS, MAX_QUESTIONS, SETTINGS, Case, Document, Image, Section, to_plain
from .validation import validate

# characters of each text of the editor's JSON (``common.limits``): a longer text is refused with
# a problem at its field and the save refused whole, never cut; the editor's script counts and
# refuses by the same table (``views.studio_view``). The settings' texts (display name, topic)
# are ``common.settings.read_editor``'s; ids are the validators' (1 to 50 characters).
TEXT_LIMITS = {
    "key_facts": TEXT_LIMIT,  # each fact (one a line)
    "sections.*.title": 200,
    "documents.*.title": 300, "documents.*.url": 2000, "documents.*.size": 30,
    "images.*.src": 2000, "images.*.alt": 1000, "images.*.caption": 1000,
    **QUESTION_TEXT_LIMITS,
}
LIMITS = {
    "narrative": HTML_LIMIT, "expert_analysis": HTML_LIMIT, "sections.*.html": HTML_LIMIT,
    "documents.*.excerpt": HTML_LIMIT, **QUESTION_HTML_LIMITS, **TEXT_LIMITS,
}
# what the editor's script counts (``data-max-chars``): the table above, the participant profile
# question's texts and ids (``common.profile.COUNTED``: its validators refuse them, the same code),
# and every question's id (``common.ids.MAX_ID``)
ONE_LINE_LIMITS = TEXT_LIMITS  # the one-line texts, counted as saved (Studio's check too: ``common.studio_checks``)
COUNTED = {**LIMITS, **profile.COUNTED, **QUESTION_ID_LIMITS}


@form_payload
def from_editor(data, _):
    """Return ``(case, problems)``; ``case`` is None when the payload cannot be read, a row of one
    of its lists included (``validation.unreadable_row``: a problem at that row)."""
    problems = []
    facts = data.get("key_facts", [])
    if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
        problems.append(Problem("key_facts", _("The key facts could not be read.")))
        facts = []
    questions = [question_from_editor(q, i, problems, _)
                 for i, q in _items(data, "questions", MAX_QUESTIONS * 2, problems, _, most=MAX_QUESTIONS)]
    profile_prompt, profile_options = profile.from_editor(data, problems, _)
    settings, setting_problems = read_editor(data, SETTINGS, _)
    case = Case(
        narrative=_html(data, "narrative"),
        sections=tuple(Section(_text(s, "title"), _html(s, "html"))
                       for _i, s in _items(data, "sections", MAX_PARTS, problems, _)),
        key_facts=tuple(one_line(f) for f in facts if f.strip()),
        documents=tuple(Document(_text(x, "title"), _text(x, "url"), _text(x, "size"), _html(x, "excerpt"))
                        for _i, x in _items(data, "documents", MAX_PARTS, problems, _)),
        images=tuple(Image(_text(x, "src"), _text(x, "alt"), _text(x, "caption"))
                     for _i, x in _items(data, "images", MAX_PARTS, problems, _)),
        questions=tuple(questions),
        expert_analysis=_html(data, "expert_analysis"),
        profile_prompt=profile_prompt,
        profile_options=profile_options,
        **settings,
    )
    too_long = limits.check_saved(data, to_editor(case), LIMITS, _, one_line=TEXT_LIMITS)
    if has_unreadable_rows(problems):  # the case read without them is not the form's: nothing saved
        return None, beside_unreadable_rows(problems + setting_problems, too_long + validate(case, _))
    return case, too_long + problems + setting_problems + validate(case, _)


def to_editor(case):
    """The JSON the editor starts from (the same shape ``from_editor`` reads): the case less its
    retired ids (``common.retired.without_retired``)."""
    return retired.without_retired(to_plain(case))


def settings_form(_):
    """The settings as the editor draws them (``common.settings.editor_form``)."""
    return editor_form(SETTINGS, _)
