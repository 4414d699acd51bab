"""The case study in the live room (pure): one choice question per screen (a written reflection
has nothing to count), its options; the options the author marked correct are revealed on demand,
where the case's learners may ever see them (``answers_shown``)."""

from ..common import live
from .content import MULTIPLE, SHOW_NEVER, SINGLE


def answers_shown(case):
    """May the wall reveal the right options, as far as the author decides? Not where "Show answers"
    is Never: the learners answering for a grade in the room would read on the wall what their
    own page never shows them (hunt 5). The course's settings may hide them too
    (``platform.answers_available``, asked by the block)."""
    return case.show_answers != SHOW_NEVER


def items(case, _):
    """``live.Item`` per single- or multiple-choice question, in the author's order."""
    return [live.Item(q.id, live.QUESTION, q.prompt,
                      tuple(live.Option(o.id, o.text, o.correct) for o in q.options),
                      prompt_html=True, multiple=q.kind == MULTIPLE)
            for q in case.questions if q.kind in (SINGLE, MULTIPLE)]
