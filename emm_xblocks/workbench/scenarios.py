"""Demo scenarios for the workbench: every ``workbench/scenarios/<block_type>-*.xml`` file."""

from importlib.resources import files

from lxml import etree


def load(block_type):
    """``[(title, xml)]`` for the block type, sorted by file name; title from display_name."""
    folder = files("emm_xblocks").joinpath("workbench", "scenarios")
    result = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith(block_type + "-") and entry.name.endswith(".xml"):
            xml = entry.read_text(encoding="utf-8")
            title = etree.fromstring(xml.encode("utf-8")).get("display_name", entry.name)
            result.append((title, f"<vertical_demo>{xml}</vertical_demo>"))
    return result
