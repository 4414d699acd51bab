"""The Studio editor's JSON and a ``Case``, both ways (pure): types are checked here, the content
by ``validation.validate``. Both return ``Problem`` objects that the editor shows next to the
field they name (``questions.2.options.1.text``).

The payload has the shape of ``content.to_data`` (the editor starts from it). Author HTML
(narrative, sections, prompts, explanations, model answers, expert analysis) is cleaned here.
"""

from ..common import profile
from ..common.questions import TEXT_LIMIT, question_from_editor
from ..common.questions import editor_html as _html
from ..common.questions import editor_items as _items
from ..common.questions import editor_text as _text
from ..common.settings import editor_form, read_editor
from ..common.validation import Problem, form_payload
from .content import MAX_QUESTIONS, SETTINGS, Case, Document, Image, Section, to_data
from .validation import validate


@form_payload
def from_editor(data, _):
    """Return ``(case, problems)``; ``case`` is None when the payload cannot be read."""
    problems = []
    facts = data.get("key_facts", [])
    if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
        problems.append(Problem("key_facts", _("The key facts could not be read.")))
        facts = []
    questions = [question_from_editor(q, i, problems, _)
                 for i, q in _items(data, "questions", MAX_QUESTIONS * 2, problems, _)]
    settings, setting_problems = read_editor(data, SETTINGS, _)
    settings.update(display_name=_text(data, "display_name", 200), topic=_text(data, "topic", 200),
                    grade_policy=_text(data, "grade_policy", 20), show_answers=_text(data, "show_answers", 20))
    case = Case(
        narrative=_html(data, "narrative"),
        sections=tuple(Section(_text(s, "title", 200), _html(s, "html"))
                       for _i, s in _items(data, "sections", 50, problems, _)),
        key_facts=tuple(" ".join(f.split())[:TEXT_LIMIT] for f in facts if f.strip()),
        documents=tuple(Document(_text(x, "title", 300), _text(x, "url", 2000), _text(x, "size", 30),
                                 _html(x, "excerpt"))
                        for _i, x in _items(data, "documents", 50, problems, _)),
        images=tuple(Image(_text(x, "src", 2000), _text(x, "alt", 1000), _text(x, "caption", 1000))
                     for _i, x in _items(data, "images", 50, problems, _)),
        questions=tuple(questions),
        expert_analysis=_html(data, "expert_analysis"),
        profile_prompt=profile.prompt_from(_text(data, "profile_prompt", 2000)),
        profile_options=profile.options_from([o for _i, o in _items(data, "profile_options", 40, problems, _)]),
        **settings,
    )
    return case, problems + setting_problems + validate(case, _)


def to_editor(case):
    """The JSON the editor starts from (the same shape ``from_editor`` reads)."""
    return to_data(case)


def settings_form(_):
    """The settings as the editor draws them (``common.settings.editor_form``)."""
    return editor_form(SETTINGS, _)
