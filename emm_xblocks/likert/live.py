"""The Likert evaluation in the live room (pure): one statement per screen, the points of its
scale (and "Not applicable") as the options; no right answer to reveal."""

from ..common import live
from ..common.actions import Record
from . import content


def items(survey, _):
    """``live.Item`` per statement, in the author's order."""
    labels = survey.labels(_)
    options = [live.Option(str(value), label) for value, label in enumerate(labels, start=1)]
    if survey.allow_na:
        options.append(live.Option(content.NA, _("Not applicable")))
    return [live.Item(s.id, live.STATEMENT, s.text, tuple(options)) for s in survey.statements]


def answers(survey, outcome):
    """``({statement id: value}, named)`` of a submission the outcome stores (``({}, False)`` else)."""
    for write in outcome.writes:
        if isinstance(write, Record):
            return {sid: str(value) for sid, value in write.answers.items()}, write.named
    return {}, False
