"""The evaluation report as OLX, and back (pure): settings only.

```xml
<emm_evaluation_report display_name="EMM2.0 Niger: evaluation" headline_statement="relevance"/>
```
"""

from dataclasses import replace

from lxml import etree

from ..common.settings import read_olx_one_line, write_olx
from ..common.text import one_line
from .content import SETTINGS, Report


def from_xml(el):
    return Report(**read_olx_one_line(el, SETTINGS, ("display_name", "headline_statement")))


def to_xml(report, el=None):
    if el is None:
        el = etree.Element("emm_evaluation_report")
    write_olx(el, replace(report, display_name=one_line(report.display_name)), SETTINGS)
    return el
