"""The evaluation report as OLX, and back (pure): settings only.

```xml
<emm_evaluation_report display_name="EMM2.0 Niger: evaluation" headline_statement="relevance"/>
```
"""

from lxml import etree

from ..common.olx_shapes import element
from ..common.settings import read_olx, write_olx
from .content import SETTINGS, Report

SHAPE = element()  # settings only (``common.olx_shapes``: anything else is kept and said)


def from_xml(el):
    """Read ``<emm_evaluation_report>``'s attributes into a ``Report`` (an unknown attribute or element
    is not read: kept as written and said in Studio by the import, ``common.olx_shapes``)."""
    return Report(**read_olx(el, SETTINGS))


def to_xml(report, el=None):
    """Write ``report`` into ``el`` (a new ``<emm_evaluation_report>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_evaluation_report")
    write_olx(el, report, SETTINGS)
    return el
