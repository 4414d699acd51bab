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


def values(case, answers):
    """``{question id: value}`` the room counts of an attempt's checked ``answers``: a single
    choice's option id, a multiple choice's option ids joined by spaces (a reflection: none)."""
    result = {}
    for q in case.questions:
        answer = answers.get(q.id)
        if q.kind == SINGLE and isinstance(answer, str) and answer:
            result[q.id] = answer
        elif q.kind == MULTIPLE and isinstance(answer, list) and answer:
            result[q.id] = " ".join(sorted(str(a) for a in answer))
    return result
