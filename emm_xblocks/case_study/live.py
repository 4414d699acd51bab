"""The case study in the live room (pure): one choice question per screen (a written reflection
has nothing to count), its options; the options the author marked correct are revealed on demand."""

from ..common import live
from .content import MULTIPLE, SINGLE


def items(case, _):
    """``live.Item`` per single- or multiple-choice question, in the author's order."""
    return [live.Item(q.id, live.QUESTION, q.prompt,
                      tuple(live.Option(o.id, o.text, o.correct) for o in q.options),
                      prompt_html=True, multiple=q.kind == MULTIPLE)
            for q in case.questions if q.kind in (SINGLE, MULTIPLE)]
