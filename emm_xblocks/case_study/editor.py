"""The Studio editor's JSON and a ``Case``, both ways (pure): types are checked here, the content
by ``validation.validate``. Both return ``Problem`` objects that the editor shows next to the
field they name (``questions.2.options.1.text``).

The payload has the shape of ``content.to_data`` (the editor starts from it). Author HTML
(narrative, sections, prompts, explanations, model answers, expert analysis) is cleaned here.
"""

from ..common.sanitize import clean_html
from ..common.settings import editor_form, read_editor
from ..common.validation import Problem, parse_float, parse_int
from .content import (
    MAX_OPTIONS,
    MAX_QUESTIONS,
    SETTINGS,
    Case,
    Document,
    Image,
    KeyPoint,
    Option,
    Question,
    Section,
    to_data,
)
from .validation import validate

HTML_LIMIT = 50000
TEXT_LIMIT = 5000


def _text(data, key, limit=TEXT_LIMIT):
    value = data.get(key, "")
    return " ".join(value.split())[:limit] if isinstance(value, str) else ""


def _html(data, key):
    value = data.get(key, "")
    return clean_html(value.strip()[:HTML_LIMIT]) if isinstance(value, str) else ""


def _number(data, key, default, problems, where, _, cast=int):
    value = (parse_int if cast is int else parse_float)(data.get(key, default))
    if value is None:  # also crafted input: "--5", 1e400, NaN, 400-digit integers
        problems.append(Problem(where, _("Enter a number.")))
        return default
    return cast(value)


def _items(data, key, limit, problems, _):
    value = data.get(key, [])
    if not isinstance(value, list) or len(value) > limit:
        problems.append(Problem(key, _("This list could not be read.")))
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


def _question(raw, i, problems, _):
    where = f"questions.{i}"
    options = _items(raw, "options", MAX_OPTIONS * 2, problems, _)
    key_points = _items(raw, "key_points", 50, problems, _)
    return Question(
        id=_text(raw, "id", 100),
        kind=_text(raw, "kind", 20),
        prompt=_html(raw, "prompt"),
        options=tuple(Option(_text(o, "id", 100), _text(o, "text"), o.get("correct") is True,
                             _text(o, "feedback")) for _j, o in options),
        partial_credit=raw.get("partial_credit") is True,
        points=_number(raw, "points", 1.0, problems, f"{where}.points", _, float),
        explanation=_html(raw, "explanation"),
        min_words=_number(raw, "min_words", 0, problems, f"{where}.min_words", _),
        max_words=_number(raw, "max_words", 0, problems, f"{where}.max_words", _),
        model_answer=_html(raw, "model_answer"),
        key_points=tuple(KeyPoint(_text(k, "id", 100), _text(k, "text")) for _j, k in key_points),
    )


def from_editor(data, _):
    """Return ``(case, problems)``; ``case`` is None when the payload cannot be read."""
    if not isinstance(data, dict):
        return None, [Problem("", _("The editor sent something that is not a form."))]
    problems = []
    facts = data.get("key_facts", [])
    if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
        problems.append(Problem("key_facts", _("The key facts could not be read.")))
        facts = []
    questions = [_question(q, i, problems, _)
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
        **settings,
    )
    return case, problems + setting_problems + validate(case, _)


def to_editor(case):
    """The JSON the editor starts from (the same shape ``from_editor`` reads)."""
    return to_data(case)


def settings_form(_):
    """The settings as the editor draws them (``common.settings.editor_form``)."""
    return editor_form(SETTINGS, _)
