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
  <profile prompt="You work for"><option id="gov">Government</option>...</profile>
  <expert_analysis><![CDATA[...]]></expert_analysis>
  <retired_id list="options" of="q1" value="b" key="...">An option removed since learners chose it</retired_id>
</emm_case_study>
```
Settings are attributes (``content.SETTINGS``; ``max_attempts`` from older exports is still read).
The ids of questions and options removed while answered are kept as ``<retired_id>``
(``common.retired``), so that a re-import keeps their answers apart from what is added under them.
"""


from lxml import etree

from ..common import olx, profile, retired
from ..common.olx_shapes import HTML, Shape, element
from ..common.question_olx import QUESTION_SHAPE, add_question_xml, question_from_xml
from ..common.settings import read_olx, write_olx
from .content import SETTINGS, Case, Document, Image, Section

_norm = olx.one_line

# what ``<emm_case_study>`` holds besides its settings (``common.olx_shapes``: anything else is kept and said)
SHAPE = element(
    narrative=HTML, section=Shape(frozenset({"title"}), None), key_facts=element(fact=element()),
    document=element("href", "size", excerpt=HTML), image=element("src", "alt"), question=QUESTION_SHAPE,
    profile=profile.SHAPE, expert_analysis=HTML, retired_id=retired.SHAPE)


def from_xml(el):
    """Read ``<emm_case_study>`` into a ``Case`` (an unknown attribute or element is not read: kept
    as written and said in Studio by the import, ``common.olx_shapes``)."""
    questions = [question_from_xml(q) for q in el.iterchildren("question")]
    facts = el.find("key_facts")
    profile_prompt, profile_options = profile.from_xml(el)
    return Case(
        narrative=olx.child_html(el, "narrative"),
        sections=tuple(Section(_norm(s.get("title", "")), olx.inner_html(s)) for s in el.iterchildren("section")),
        key_facts=tuple(olx.text_of(f) for f in facts.iterchildren("fact")) if facts is not None else (),
        documents=tuple(Document(olx.text_of(x), (x.get("href") or "").strip(), _norm(x.get("size", "")),
                                 olx.child_html(x, "excerpt"))
                        for x in el.iterchildren("document")),
        images=tuple(Image((x.get("src") or "").strip(), _norm(x.get("alt", "")), olx.text_of(x))
                     for x in el.iterchildren("image")),
        questions=tuple(questions),
        expert_analysis=olx.child_html(el, "expert_analysis"),
        profile_prompt=profile_prompt,
        profile_options=profile_options,
        retired_ids=retired.from_xml(el),
        **read_olx(el, SETTINGS),
    )


def to_xml(case, el=None):
    """Write ``case`` into ``el`` (a new ``<emm_case_study>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_case_study")
    write_olx(el, case, SETTINGS)
    olx.add_html_child(el, "narrative", case.narrative)
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
        olx.add_html_child(node, "excerpt", doc.excerpt)
    for img in case.images:
        olx.add_text(el, "image", _norm(img.caption) or None, src=img.src.strip(), alt=_norm(img.alt))
    for q in case.questions:
        add_question_xml(el, q)
    profile.add_xml(el, case.profile_prompt, case.profile_options)
    olx.add_html_child(el, "expert_analysis", case.expert_analysis)
    retired.add_xml(el, case.retired_ids)
    return el
