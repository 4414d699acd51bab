"""What a block's OLX may hold, element by element, and what an import finds beside it (pure: XML
only; decision 107).

Each block's ``olx`` module describes its elements as a ``Shape`` (``SHAPE``): the attributes each
element is read for and its child elements, each a ``Shape`` too; ``HTML`` marks an element whose
content is author HTML (any markup inside, not checked). An attribute or a child element the block
does not know (``anonymus="true"``, ``<explantion>``: a misspelling) was dropped by the import in
silence, and lost at the next export. ``unknown`` finds each one, notes it for Studio's warnings
with the closest known name (``unknown_attribute``, ``unknown_element``: ``difflib``; said by
``kept_message``), and
gives it back to be kept as written (``kept``: an attribute and its value, or the element's XML,
with the way to its element), as the platform keeps the unknown attributes of its own blocks in
``xml_attributes`` (``xmodule/xml_block.py``) between import and export. ``write_kept`` writes them
back on export, where their element still is.
"""

import difflib
from dataclasses import dataclass, field

from lxml import etree

from . import olx

# attributes the platform reads or writes on any block's element, not the block's to read: the
# pointer's and the import's (``XmlMixin.metadata_to_strip``, ``xmodule/xml_block.py``) and XBlock's
# own export (``xblock-family``, ``XBlock.add_xml_to_node``)
PLATFORM_ATTRIBUTES = frozenset({"url_name", "filename", "xblock-family", "x-is-pointer-node", "data_dir", "course",
                                 "org", "xml_attributes", "tabs", "grading_policy", "discussion_blackouts"})
CLOSE_ENOUGH = 0.6  # difflib's ratio from which a known name is offered ("anonymus": "anonymous")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class Shape:
    """An element of a block's OLX: the ``attributes`` it is read for (None: not checked) and its
    ``children`` by tag (None: author HTML, anything inside)."""

    attributes: frozenset | None = frozenset()
    children: dict | None = field(default_factory=dict)


HTML = Shape(None, None)


def element(*attributes, **children):
    """A ``Shape`` read for ``attributes``, holding ``children`` (``tag=Shape``) and its text."""
    return Shape(frozenset(attributes), children)


def closest(name, known):
    """The known name nearest ``name`` (``difflib``), or "" when none is near enough."""
    found = difflib.get_close_matches(name, sorted(known), n=1, cutoff=CLOSE_ENOUGH)
    return found[0] if found else ""


def _step(el):
    """How to find ``el`` again under its parent: its tag and ``id``, else its place among its
    siblings of that tag."""
    ident = el.get("id")
    if ident is not None:
        return {"tag": el.tag, "id": ident}
    return {"tag": el.tag, "n": sum(1 for _s in el.itersiblings(el.tag, preceding=True))}


def unknown_attribute(el, name, raw, near=""):
    """Note that ``el``'s attribute ``name`` (``raw`` as written) is not one the block knows: kept
    as written, ``near`` the known name nearest it."""
    if isinstance(el.tag, str):
        olx.note(olx.Unreadable(el.sourceline, el.tag, name, raw[:olx.VALUE_KEPT], None, olx.UNKNOWN_ATTRIBUTE,
                                name, olx.element_label(el), olx.KEPT, near))


def unknown_element(el, child, near=""):
    """Note that ``el``'s child element ``child`` is not one the block knows: kept as written,
    ``near`` the known tag nearest it."""
    if isinstance(el.tag, str):
        olx.note(olx.Unreadable(child.sourceline, child.tag, "", "", None, olx.UNKNOWN_ELEMENT, child.tag,
                                f"{olx.element_label(el)} <{child.tag}>", olx.KEPT, near))


def unknown_said(found, _, lines=False):
    """What ``found`` (an ``olx.Unreadable`` of ``unknown_attribute`` or ``unknown_element``) is: what
    is not known, where it was written (``lines``: by its line, the role-play's "Edit as XML" tab;
    else by its element), the known name nearest it when there is one ("Did you mean anonymous?")."""
    if lines and found.line:
        where = _("Line {line}, <{tag}>").format(line=found.line, tag=found.tag)
    else:
        where = found.element or f"<{found.tag}>"
    if found.attribute:
        value = olx.one_line(found.value)[:olx.VALUE_KEPT]
        if found.closest:
            return _("{where} {attribute}=“{value}”: this activity has no such attribute. Did you mean "
                     "{closest}?").format(where=where, attribute=found.attribute, value=value, closest=found.closest)
        return _("{where} {attribute}=“{value}”: this activity has no such attribute.").format(
            where=where, attribute=found.attribute, value=value)
    if found.closest:
        return _("{where}: this activity has no such element. Did you mean <{closest}>?").format(
            where=where, closest=found.closest)
    return _("{where}: this activity has no such element.").format(where=where)


def kept_message(found, _):
    """Studio's warning about ``found`` (an ``olx.Unreadable`` kept: ``olx.KEPT``): ``unknown_said``
    by its element, and what the import did."""
    return unknown_said(found, _) + " " + _("The import kept it as written, unused, and an export writes it back: "
                                            "correct it in the OLX and import again, or set what you meant in the "
                                            "editor, then save.")


def unknown(root, shape, root_attributes):
    """``[kept]``: each attribute and child element under ``root`` that ``shape`` does not know, as
    a JSON-able entry (``{"path": [step...], "attribute": name, "value": text}`` or ``{"path": [...],
    "xml": text}``), noted for Studio's warnings as it is met (``olx.unknown_attribute``,
    ``olx.unknown_element``, inside ``olx.unreadable_values``). ``root_attributes``: what the
    block's own element is read for besides ``shape``'s (its settings, the platform's fields).
    Attributes in a namespace (``xml:lang``) are left alone; nothing is found without a ``shape``."""
    if shape is None:
        return []
    kept = []
    _walk(root, shape, frozenset(root_attributes) | (shape.attributes or frozenset()) | PLATFORM_ATTRIBUTES,
          [], kept)
    return kept


def _walk(el, shape, attributes, path, kept):
    if shape.attributes is not None:
        for name, value in el.attrib.items():
            if name not in attributes and not name.startswith("{"):
                unknown_attribute(el, name, value, closest(name, attributes))
                kept.append({"path": path, "attribute": name, "value": value})
    if shape.children is None:
        return
    for child in el:
        if not isinstance(child.tag, str):  # a comment, a processing instruction
            continue
        child_shape = shape.children.get(child.tag)
        if child_shape is None:
            unknown_element(el, child, closest(child.tag, shape.children))
            kept.append({"path": path, "xml": etree.tostring(child, encoding="unicode", with_tail=False)})
        else:
            _walk(child, child_shape, child_shape.attributes or frozenset(), [*path, _step(child)], kept)


def find(root, path):
    """The element ``path`` (``unknown``'s steps) leads to under ``root``, or None."""
    el = root
    for step in path:
        if not isinstance(step, dict):
            return None
        same = [c for c in el.iterchildren(step.get("tag", "")) if isinstance(c.tag, str)]
        if "id" in step:
            el = next((c for c in same if c.get("id") == step["id"]), None)
        else:
            n = step.get("n")
            el = same[n] if isinstance(n, int) and 0 <= n < len(same) else None
        if el is None:
            return None
    return el


def _a_field(entry, fields):
    """Whether ``entry`` (``unknown``'s) is an attribute of the block's own element named as one of its ``fields``."""
    return not entry.get("path") and isinstance(entry.get("attribute"), str) and entry["attribute"] in fields


def write_kept(root, kept, fields=frozenset()):
    """Write back under ``root`` (the block's exported element) each entry ``unknown`` kept: an
    attribute where its element has none of that name, an element appended to its parent. One whose
    element is gone (a question removed since) is not written, nor one that does not read, nor an
    attribute of ``root`` named as one of the block's ``fields``: the field's value is the block's
    to write (set, or unset: then the field's default, as Studio shows it), never an older text
    kept (``visible_to_staff_only="true"`` kept by an earlier release's XML tab, decision 114)."""
    for entry in kept if isinstance(kept, list) else ():
        if not isinstance(entry, dict) or _a_field(entry, fields):
            continue
        el = find(root, entry.get("path") or [])
        if el is None:
            continue
        if isinstance(entry.get("attribute"), str) and isinstance(entry.get("value"), str):
            if entry["attribute"] not in el.attrib:
                try:
                    el.set(entry["attribute"], olx.xml_safe(entry["value"]))
                except ValueError:  # not a name lxml takes
                    continue
        elif isinstance(entry.get("xml"), str):
            try:
                el.append(etree.fromstring(entry["xml"].encode("utf-8"), _PARSER))
            except etree.XMLSyntaxError:
                continue
