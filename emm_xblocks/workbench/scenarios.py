"""Demo scenarios for the workbench: every ``workbench/scenarios/<block_type>-*.xml`` file, and the
demo courses ``workbench/scenarios/course/course-*.xml`` made of those demos.

A demo course file is ``<course display_name="…">`` holding ``<section title="…">`` elements, each
holding ``<include file="…"/>`` elements: ``file`` is a scenario file (relative to
``workbench/scenarios/``), every other attribute of ``include`` replaces the block's own (a
``display_name``, a knowledge check's ``pair``), so one demo is written once and used in several
places. The course becomes one page: each section a heading (an ``html_demo`` block), then its
blocks, in order.
"""

from importlib.resources import files

from lxml import etree

PARSER = etree.XMLParser(strip_cdata=False, resolve_entities=False, no_network=True)


def _folder():
    return files("emm_xblocks").joinpath("workbench", "scenarios")


def load(block_type):
    """``[(title, xml)]`` for the block type, sorted by file name; title from display_name."""
    result = []
    for entry in sorted(_folder().iterdir(), key=lambda p: p.name):
        if entry.name.startswith(block_type + "-") and entry.name.endswith(".xml"):
            xml = entry.read_text(encoding="utf-8")
            title = etree.fromstring(xml.encode("utf-8")).get("display_name", entry.name)
            result.append((title, f"<vertical_demo>{xml}</vertical_demo>"))
    return result


def _included(include):
    """The block element an ``<include file="…" [attribute="value"…]/>`` names, attributes replaced."""
    path = include.get("file")
    if not path or ".." in path.split("/"):
        raise ValueError(f"<include> needs a file inside workbench/scenarios/: {path!r}")
    block = etree.fromstring(_folder().joinpath(*path.split("/")).read_bytes(), PARSER)
    for name, value in include.attrib.items():
        if name != "file":
            block.set(name, value)
    block.tail = None
    return block


def compose(course_xml):
    """``(title, xml)`` of a demo course (``<course>`` text, see above): one ``vertical_demo``."""
    course = etree.fromstring(course_xml.encode("utf-8") if isinstance(course_xml, str) else course_xml, PARSER)
    page = etree.Element("vertical_demo")
    for section in course.iter("section"):
        heading = etree.SubElement(page, "html_demo")
        etree.SubElement(heading, "h2").text = section.get("title", "")
        for include in section.iter("include"):
            page.append(_included(include))
    return course.get("display_name", "Course"), etree.tostring(page, encoding="unicode")


def courses():
    """``[(title, xml)]`` of the demo courses (``course/course-*.xml``), sorted by file name."""
    folder = _folder().joinpath("course")
    return [compose(entry.read_bytes()) for entry in sorted(folder.iterdir(), key=lambda p: p.name)
            if entry.name.startswith("course-") and entry.name.endswith(".xml")]
