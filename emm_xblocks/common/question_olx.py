"""A question's OLX (pure), read and written the same way by every block that asks questions (case
study, knowledge check; the model: ``common.questions``)::

    <question id="q1" type="multiple" points="2" partial_credit="true">
      <prompt><![CDATA[<p>...</p>]]></prompt>
      <option id="a" correct="true">Text<feedback>Shown when chosen</feedback></option>
      <explanation><![CDATA[...]]></explanation>
    </question>
"""

from . import olx
from .olx_shapes import HTML, element
from .questions import SINGLE, KeyPoint, Option, Question, holds

# what a question's kind may not hold, as the OLX writes it: an attribute, or a child element,
# with what only another kind holds (``olx.Unreadable.kind`` of the note the import leaves)
KIND_ATTRIBUTES = (("partial_credit", "partial_credit", olx.PARTIAL_CREDIT_ONLY),
                   ("min_words", "min_words", olx.WORDS_ONLY), ("max_words", "max_words", olx.WORDS_ONLY))
KIND_CHILDREN = (("option", "options", olx.OPTIONS_ONLY), ("model_answer", "model_answer", olx.MODEL_ANSWER_ONLY),
                 ("key_point", "key_points", olx.MODEL_ANSWER_ONLY))

# what a ``<question>`` holds, every kind's (``common.olx_shapes``: anything else is kept and said)
QUESTION_SHAPE = element("id", "type", "points", "partial_credit", "min_words", "max_words", prompt=HTML,
                         option=element("id", "correct", feedback=element()), explanation=HTML, model_answer=HTML,
                         key_point=element("id"))


def question_from_xml(q):
    """Read one ``<question>`` element: only what its kind holds (``questions.holds``, the rule of
    the editor and of ``add_question_xml``), the rest left out and noted for Studio's warnings
    (``olx.left_out``; bug hunt s44: read, it counted in the questions' fingerprint until the next
    save or export dropped it, and a post-test made from the export "changed questions")."""
    kind = q.get("type", SINGLE)
    for name, field, only in KIND_ATTRIBUTES:
        if not holds(kind, field) and q.get(name) is not None:
            olx.left_out(q, only, name=name, raw=q.get(name))
    for tag, field, only in KIND_CHILDREN:
        if not holds(kind, field) and next(q.iterchildren(tag), None) is not None:
            olx.left_out(q, only, child=tag)
    return Question(
        id=q.get("id", ""),
        kind=kind,
        prompt=olx.child_html(q, "prompt"),
        options=tuple(Option(o.get("id", ""), olx.text_of(o), olx.get_bool(o, "correct"),
                             olx.text_of(o.find("feedback"))) for o in q.iterchildren("option")
                      if holds(kind, "options")),
        partial_credit=holds(kind, "partial_credit") and olx.get_bool(q, "partial_credit"),
        points=olx.get_float(q, "points", 1.0),
        explanation=olx.child_html(q, "explanation"),
        min_words=olx.get_int(q, "min_words", 0) if holds(kind, "min_words") else 0,
        max_words=olx.get_int(q, "max_words", 0) if holds(kind, "max_words") else 0,
        model_answer=olx.child_html(q, "model_answer") if holds(kind, "model_answer") else "",
        key_points=tuple(KeyPoint(k.get("id", ""), olx.text_of(k)) for k in q.iterchildren("key_point")
                         if holds(kind, "key_points")),
    )


def add_question_xml(el, q):
    """Write ``q`` as a ``<question>`` child of ``el`` (defaults left out): only what its kind holds
    (``questions.holds``, the rule ``question_from_xml`` reads by)."""
    qel = olx.add_element(el, "question", id=q.id, type=q.kind)
    olx.set_attr(qel, "points", float(q.points), 1.0)
    if holds(q.kind, "partial_credit"):
        olx.set_attr(qel, "partial_credit", q.partial_credit, False)
    if holds(q.kind, "min_words"):
        olx.set_attr(qel, "min_words", q.min_words, 0)
        olx.set_attr(qel, "max_words", q.max_words, 0)
    olx.add_html_child(qel, "prompt", q.prompt)
    if holds(q.kind, "options"):
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
