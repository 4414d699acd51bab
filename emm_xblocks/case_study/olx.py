"""A case study as OLX, and back (pure: XML only). The XML is readable and round-trips.

```xml
<emm_case_study display_name="Two teenagers at Assamaka" attempts_allowed="2" show_answers="finished">
  <narrative><![CDATA[<p>...</p>]]></narrative>
  <section title="..."><![CDATA[<p>...</p>]]></section>
  <key_facts><fact>...</fact></key_facts>
  <document href="/static/law.pdf" size="1.2 MB">Law 2015-36<excerpt><![CDATA[...]]></excerpt></document>
  <image src="/static/map.png" alt="...">caption</image>
  <question id="q1" type="single" points="2">
    <prompt><![CDATA[...]]></prompt>
    <option id="a" correct="true">...<feedback>...</feedback></option>
    <explanation><![CDATA[...]]></explanation>
  </question>
  <question id="q2" type="reflection" max_words="300">
    <prompt>...</prompt><model_answer>...</model_answer><key_point id="k1">...</key_point>
  </question>
  <expert_analysis><![CDATA[...]]></expert_analysis>
</emm_case_study>
```
Settings are attributes (``content.SETTINGS``; ``max_attempts`` from older exports is still read).
"""

from dataclasses import replace

from lxml import etree

from ..common import olx
from ..common.settings import read_olx, write_olx
from .content import MULTIPLE, REFLECTION, SETTINGS, SINGLE, Case, Document, Image, KeyPoint, Option, Question, Section


def _norm(text):
    return " ".join((text or "").split())


def _html(el, tag):
    child = el.find(tag)
    return olx.inner_html(child) if child is not None else ""


def _add_html(parent, tag, html, **attrs):
    child = olx.add_html(parent, tag, (html or "").strip().replace("]]>", "]]&gt;"))
    if child is not None:
        for key, value in attrs.items():
            child.set(key, olx.xml_safe(value))
    return child


def from_xml(el):
    """Read ``<emm_case_study>`` into a ``Case`` (unknown attributes and tags are ignored)."""
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
    settings = read_olx(el, SETTINGS)
    for name in ("display_name", "topic"):
        if name in settings:
            settings[name] = _norm(settings[name])
    return Case(
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
        **settings,
    )


def to_xml(case, el=None):
    """Write ``case`` into ``el`` (a new ``<emm_case_study>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_case_study")
    normed = {s.name: _norm(getattr(case, s.name)) for s in SETTINGS if isinstance(getattr(case, s.name), str)}
    write_olx(el, replace(case, **normed), SETTINGS)
    _add_html(el, "narrative", case.narrative)
    for sec in case.sections:
        child = olx.add_element(el, "section", title=_norm(sec.title))
        child.text = etree.CDATA(olx.xml_safe((sec.html or "").strip().replace("]]>", "]]&gt;")))
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
        qel = olx.add_element(el, "question", id=q.id, type=q.kind)
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
