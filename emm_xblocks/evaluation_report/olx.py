"""The evaluation report as OLX, and back (pure): settings only.

```xml
<emm_evaluation_report display_name="EMM2.0 Niger: evaluation" headline_statement="relevance"/>
```
"""

from lxml import etree

from ..common.settings import read_olx, write_olx
from .content import SETTINGS, Report


def from_xml(el):
    return Report(**read_olx(el, SETTINGS))


def to_xml(report, el=None):
    if el is None:
        el = etree.Element("emm_evaluation_report")
    write_olx(el, report, SETTINGS)
    return el
