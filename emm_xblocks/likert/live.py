"""The Likert evaluation in the live room (pure): one statement per screen, the points of its
scale (and "Not applicable") as the options; no right answer to reveal."""

from ..common import live
from ..common.actions import Record
from ..common.perspectives import PROFILE_GROUP
from . import content
from .changes import split_group


def items(survey, _):
    """``live.Item`` per statement, in the author's order."""
    labels = survey.labels(_)
    options = [live.Option(str(value), label) for value, label in enumerate(labels, start=1)]
    if survey.allow_na:
        options.append(live.Option(content.NA, _("Not applicable")))
    return [live.Item(s.id, live.STATEMENT, s.text, tuple(options)) for s in survey.statements]


def answers(survey, outcome):
    """``({statement id: value}, named)`` of a submission the outcome stores (``({}, False)`` else),
    read from its store rows (an anonymous evaluation's event carries no answer): each row's group
    back to its statement (after a scale change a row's group is ``"<id>@<epoch>"``,
    ``changes.group_of``), without the participant's profile row, which is no statement."""
    for write in outcome.writes:
        if isinstance(write, Record):
            return {split_group(group)[0]: str(value) for group, value in write.answers.items()
                    if group != PROFILE_GROUP}, write.named
    return {}, False
