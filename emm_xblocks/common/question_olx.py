"""A question's OLX (pure), read and written the same way by every block that asks questions (case
study, knowledge check; the model: ``common.questions``)::

    <question id="q1" type="multiple" points="2" partial_credit="true">
      <prompt><![CDATA[<p>...</p>]]></prompt>
      <option id="a" correct="true">Text<feedback>Shown when chosen</feedback></option>
      <explanation><![CDATA[...]]></explanation>
    </question>
"""

from . import olx
from .questions import MULTIPLE, REFLECTION, SINGLE, KeyPoint, Option, Question


def question_from_xml(q):
    """Read one ``<question>`` element."""
    return Question(
        id=q.get("id", ""),
        kind=q.get("type", SINGLE),
        prompt=olx.child_html(q, "prompt"),
        options=tuple(Option(o.get("id", ""), olx.text_of(o), olx.get_bool(o, "correct"),
                             olx.text_of(o.find("feedback"))) for o in q.iterchildren("option")),
        partial_credit=olx.get_bool(q, "partial_credit"),
        points=olx.get_float(q, "points", 1.0),
        explanation=olx.child_html(q, "explanation"),
        min_words=olx.get_int(q, "min_words", 0),
        max_words=olx.get_int(q, "max_words", 0),
        model_answer=olx.child_html(q, "model_answer"),
        key_points=tuple(KeyPoint(k.get("id", ""), olx.text_of(k)) for k in q.iterchildren("key_point")),
    )


def add_question_xml(el, q):
    """Write ``q`` as a ``<question>`` child of ``el`` (defaults left out)."""
    qel = olx.add_element(el, "question", id=q.id, type=q.kind)
    olx.set_attr(qel, "points", float(q.points), 1.0)
    if q.kind == MULTIPLE:
        olx.set_attr(qel, "partial_credit", q.partial_credit, False)
    if q.kind == REFLECTION:
        olx.set_attr(qel, "min_words", q.min_words, 0)
        olx.set_attr(qel, "max_words", q.max_words, 0)
    olx.add_html_child(qel, "prompt", q.prompt)
    if q.kind != REFLECTION:
        for opt in q.options:
            oel = olx.add_text(qel, "option", olx.one_line(opt.text), id=opt.id,
                               correct="true" if opt.correct else None)
            if olx.one_line(opt.feedback):
                olx.add_text(oel, "feedback", olx.one_line(opt.feedback))
    else:
        olx.add_html_child(qel, "model_answer", q.model_answer)
        for kp in q.key_points:
            olx.add_text(qel, "key_point", olx.one_line(kp.text), id=kp.id)
    olx.add_html_child(qel, "explanation", q.explanation)
    return qel
