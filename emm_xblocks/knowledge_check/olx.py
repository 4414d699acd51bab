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
</emm_knowledge_check>
```
Settings are attributes (``content.SETTINGS``); a question is ``common.questions``'s OLX. The
post-test is the same element with ``phase="post"``.
"""



from ..common import olx
from ..common.question_olx import add_question_xml, question_from_xml
from ..common.settings import read_olx_one_line, write_olx_one_line
from .content import SETTINGS, KnowledgeCheck


def from_xml(el):
    """Read ``<emm_knowledge_check>`` into a ``KnowledgeCheck`` (unknown attributes and tags are ignored)."""
    settings = read_olx_one_line(el, SETTINGS, ("display_name", "pair"))
    return KnowledgeCheck(intro=olx.child_html(el, "intro"),
                          questions=tuple(question_from_xml(q) for q in el.iterchildren("question")), **settings)


def to_xml(check, el=None):
    """Write ``check`` into ``el`` (a new ``<emm_knowledge_check>`` if None); defaults are left out."""
    el = write_olx_one_line(check, SETTINGS, "emm_knowledge_check", el)
    olx.add_html_child(el, "intro", check.intro)
    for q in check.questions:
        add_question_xml(el, q)
    return el
