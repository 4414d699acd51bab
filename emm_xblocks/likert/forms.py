"""The Studio editor's payload -> ``Survey`` (pure): types are checked here, content by
``model.validate``. Both return ``Problem`` objects that the editor shows next to the field."""

from ..common.sanitize import clean_html
from ..common.validation import parse_float, parse_int
from .model import MAX_STATEMENTS, Problem, Statement, Survey, validate

FLAGS = ("allow_na", "comment", "anonymous", "graded")


def _text(data, key, default="", limit=10000):
    value = data.get(key, default)
    return value.strip()[:limit] if isinstance(value, str) else None


def from_editor(data, _):
    """Return ``(survey, problems)``; ``survey`` is None when the payload cannot be read."""
    problems = []
    if not isinstance(data, dict):
        return None, [Problem("", _("The editor sent something that is not a form."))]
    raw_statements = data.get("statements", [])
    if not isinstance(raw_statements, list) or len(raw_statements) > MAX_STATEMENTS * 2:
        return None, [Problem("statements", _("The statements could not be read."))]
    statements = []
    for i, raw in enumerate(raw_statements):
        if not isinstance(raw, dict):
            problems.append(Problem(f"statements.{i}", _("Statement {n} could not be read.").format(n=i + 1)))
            continue
        statements.append(Statement(
            id=_text(raw, "id", limit=100) or "",
            text=" ".join((_text(raw, "text", limit=5000) or "").split()),  # as OLX reads it back
            reverse=raw.get("reverse") is True,
            required=raw.get("required", True) is not False,
        ))
    labels = data.get("custom_labels", [])
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        problems.append(Problem("custom_labels", _("The custom labels could not be read.")))
        labels = []
    min_group_size = parse_int(data.get("min_group_size", Survey.min_group_size))
    if min_group_size is None:
        problems.append(Problem("min_group_size", _("Enter a whole number.")))
        min_group_size = Survey.min_group_size
    weight = parse_float(data.get("weight", Survey.weight))
    if weight is None:
        problems.append(Problem("weight", _("Enter a number.")))
        weight = Survey.weight
    display_name = _text(data, "display_name", limit=200)
    if not display_name:
        problems.append(Problem("display_name", _("Give the survey a name.")))
    survey = Survey(
        statements=tuple(statements),
        display_name=display_name or Survey.display_name,
        scale=_text(data, "scale", limit=30) or "",
        custom_labels=tuple(" ".join(x.split())[:100] for x in labels),
        comment_prompt=_text(data, "comment_prompt", limit=2000) or "",
        results=_text(data, "results", limit=30) or "",
        weight=weight,
        intro=clean_html(_text(data, "intro", limit=20000) or ""),
        **{flag: data.get(flag) is True for flag in FLAGS},
        min_group_size=min_group_size,
    )
    return survey, problems + validate(survey, _)


def to_editor(survey):
    """The JSON the editor starts from (the same shape ``from_editor`` reads)."""
    return {
        "display_name": survey.display_name,
        "scale": survey.scale,
        "custom_labels": list(survey.custom_labels),
        "allow_na": survey.allow_na,
        "comment": survey.comment,
        "comment_prompt": survey.comment_prompt,
        "anonymous": survey.anonymous,
        "min_group_size": survey.min_group_size,
        "results": survey.results,
        "graded": survey.graded,
        "weight": survey.weight,
        "intro": survey.intro,
        "statements": [
            {"id": s.id, "text": s.text, "reverse": s.reverse, "required": s.required}
            for s in survey.statements
        ],
    }
