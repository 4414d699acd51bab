"""A knowledge check as OLX, and back (pure: XML only). The XML is readable and round-trips.

```xml
<emm_knowledge_check display_name="Day 1: what do you know?" phase="pre" pair="emm-niger" grading="participation">
  <intro><![CDATA[<p>...</p>]]></intro>
  <question id="q1" type="single">
    <prompt><![CDATA[<p>...</p>]]></prompt>
    <option id="a" correct="true">...<feedback>...</feedback></option>
    <option id="b">...</option>
    <explanation><![CDATA[...]]></explanation>
  </question>
  <retired_id list="options" of="q1" value="c" key="...">An option removed since learners chose it</retired_id>
</emm_knowledge_check>
```
Settings are attributes (``content.SETTINGS``); a question is ``common.questions``'s OLX. The
post-test is the same element with ``phase="post"``. The ids of questions and options removed
while results were filed are kept as ``<retired_id>`` (``common.retired``), so that a re-import
keeps those results apart from what is added under them.
"""

from lxml import etree

from ..common import olx, retired
from ..common.olx_shapes import HTML, element
from ..common.question_olx import QUESTION_SHAPE, add_question_xml, question_from_xml
from ..common.settings import read_olx, write_olx
from .content import SETTINGS, KnowledgeCheck

# what ``<emm_knowledge_check>`` holds besides its settings (``common.olx_shapes``: anything else is kept and said)
SHAPE = element(intro=HTML, question=QUESTION_SHAPE, retired_id=retired.SHAPE)


def from_xml(el):
    """Read ``<emm_knowledge_check>`` into a ``KnowledgeCheck`` (an unknown attribute or element is
    not read: kept as written and said in Studio by the import, ``common.olx_shapes``)."""
    return KnowledgeCheck(intro=olx.child_html(el, "intro"), retired_ids=retired.from_xml(el),
                          questions=tuple(question_from_xml(q) for q in el.iterchildren("question")),
                          **read_olx(el, SETTINGS))


def to_xml(check, el=None):
    """Write ``check`` into ``el`` (a new ``<emm_knowledge_check>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_knowledge_check")
    write_olx(el, check, SETTINGS)
    olx.add_html_child(el, "intro", check.intro)
    for q in check.questions:
        add_question_xml(el, q)
    retired.add_xml(el, check.retired_ids)
    return el
