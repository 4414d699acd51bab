"""The case in OLX (readable XML that round-trips) and as plain JSON-able data (pure)."""

from dataclasses import fields

from lxml import etree

from ..common import olx
from .case import MULTIPLE, REFLECTION, SINGLE, Case, Document, Image, KeyPoint, Option, Question, Section


def _norm(text):
    return " ".join((text or "").split())


def _html(el, tag):
    child = el.find(tag)
    return olx.inner_html(child) if child is not None else ""


def _add_html(parent, tag, html, **attrs):
    child = olx.add_html(parent, tag, (html or "").strip().replace("]]>", "]]&gt;"))
    if child is not None:
        for key, value in attrs.items():
            child.set(key, value)
    return child


def from_xml(el):
    """Read ``<emm_case_study>`` into a ``Case`` (unknown attributes and tags are ignored)."""
    d = Case()
    questions = []
    for q in el.iterchildren("question"):
        questions.append(Question(
            id=q.get("id", ""),
            kind=q.get("type", SINGLE),
            prompt=_html(q, "prompt"),
            options=tuple(Option(o.get("id", ""), olx.text_of(o), olx.get_bool(o, "correct"),
                                 olx.text_of(o.find("feedback"))) for o in q.iterchildren("option")),
            partial_credit=olx.get_bool(q, "partial_credit"),
            points=olx.get_float(q, "points", 1.0),
            explanation=_html(q, "explanation"),
            min_words=olx.get_int(q, "min_words", 0),
            max_words=olx.get_int(q, "max_words", 0),
            model_answer=_html(q, "model_answer"),
            key_points=tuple(KeyPoint(k.get("id", ""), olx.text_of(k)) for k in q.iterchildren("key_point")),
        ))
    facts = el.find("key_facts")
    return Case(
        display_name=_norm(el.get("display_name", d.display_name)),
        narrative=_html(el, "narrative"),
        sections=tuple(Section(_norm(s.get("title", "")), olx.inner_html(s)) for s in el.iterchildren("section")),
        key_facts=tuple(olx.text_of(f) for f in facts.iterchildren("fact")) if facts is not None else (),
        documents=tuple(Document(olx.text_of(x), (x.get("href") or "").strip(), _norm(x.get("size", "")),
                                 _html(x, "excerpt"))
                        for x in el.iterchildren("document")),
        images=tuple(Image((x.get("src") or "").strip(), _norm(x.get("alt", "")), olx.text_of(x))
                     for x in el.iterchildren("image")),
        questions=tuple(questions),
        expert_analysis=_html(el, "expert_analysis"),
        weight=olx.get_float(el, "weight", d.weight),
        max_attempts=olx.get_int(el, "max_attempts", d.max_attempts),
        grade_policy=el.get("grade_policy", d.grade_policy),
        show_answers=el.get("show_answers", d.show_answers),
        topic=_norm(el.get("topic", "")),
        estimated_minutes=olx.get_int(el, "estimated_minutes", d.estimated_minutes),
        show_distribution=olx.get_bool(el, "show_distribution"),
        min_group_size=olx.get_int(el, "min_group_size", d.min_group_size),
    )


def to_xml(case, el=None):
    """Write ``case`` into ``el`` (a new ``<emm_case_study>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_case_study")
    d = Case()
    el.set("display_name", _norm(case.display_name))
    for name in ("weight", "max_attempts", "grade_policy", "show_answers", "topic", "estimated_minutes",
                 "show_distribution", "min_group_size"):
        value = getattr(case, name)
        olx.set_attr(el, name, _norm(value) if isinstance(value, str) else value, getattr(d, name))
    _add_html(el, "narrative", case.narrative)
    for sec in case.sections:
        child = etree.SubElement(el, "section", title=_norm(sec.title))
        child.text = etree.CDATA((sec.html or "").strip().replace("]]>", "]]&gt;"))
    if case.key_facts:
        box = etree.SubElement(el, "key_facts")
        for fact in case.key_facts:
            olx.add_text(box, "fact", _norm(fact))
    for doc in case.documents:
        node = olx.add_text(el, "document", _norm(doc.title), href=doc.url.strip() or None,
                             size=_norm(doc.size) or None)
        _add_html(node, "excerpt", doc.excerpt)
    for img in case.images:
        olx.add_text(el, "image", _norm(img.caption) or None, src=img.src.strip(), alt=_norm(img.alt))
    for q in case.questions:
        qel = etree.SubElement(el, "question", id=q.id, type=q.kind)
        olx.set_attr(qel, "points", float(q.points), 1.0)
        if q.kind == MULTIPLE:
            olx.set_attr(qel, "partial_credit", q.partial_credit, False)
        if q.kind == REFLECTION:
            olx.set_attr(qel, "min_words", q.min_words, 0)
            olx.set_attr(qel, "max_words", q.max_words, 0)
        _add_html(qel, "prompt", q.prompt)
        if q.kind != REFLECTION:
            for opt in q.options:
                oel = olx.add_text(qel, "option", _norm(opt.text), id=opt.id,
                                   correct="true" if opt.correct else None)
                if _norm(opt.feedback):
                    olx.add_text(oel, "feedback", _norm(opt.feedback))
        else:
            _add_html(qel, "model_answer", q.model_answer)
            for kp in q.key_points:
                olx.add_text(qel, "key_point", _norm(kp.text), id=kp.id)
        _add_html(qel, "explanation", q.explanation)
    _add_html(el, "expert_analysis", case.expert_analysis)
    return el


# ------------------------------------------------------------------ plain data (fields <-> model)
def to_data(case):
    """A JSON-able dict of the whole case (the block's content field, the editor's payload)."""
    def plain(obj):
        if isinstance(obj, tuple):
            return [plain(x) for x in obj]
        if hasattr(obj, "__dataclass_fields__"):
            return {f.name: plain(getattr(obj, f.name)) for f in fields(obj)}
        return obj
    return plain(case)


_NESTED = {"sections": Section, "documents": Document, "images": Image, "questions": Question}
_QNESTED = {"options": Option, "key_points": KeyPoint}


def _build(cls, data, nested=None):
    names = {f.name: f for f in fields(cls)}
    kwargs = {}
    for key, value in data.items():
        if key not in names:
            continue
        if nested and key in nested:
            sub = _QNESTED if nested[key] is Question else None
            value = tuple(_build(nested[key], v, sub) for v in value if isinstance(v, dict))
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)


def from_data(data):
    """The inverse of ``to_data`` (types are assumed checked: see ``forms.from_editor``)."""
    return _build(Case, data or {}, _NESTED)
