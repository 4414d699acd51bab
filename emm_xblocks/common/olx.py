"""OLX helpers: read and write plain, readable XML (no JSON blobs in attributes)."""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass

from lxml import etree

from .i18n import N_
from .text import one_line  # olx.one_line: titles, names and keys, whatever line breaks the file has
from .validation import parse_float, parse_int

TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no"}
# what an attribute that does not read should have held (``Unreadable.kind``): ``common.settings``'
# kinds of a number, and a yes or no; and, for the platform's settings (``common.platform_olx``), a
# date, a duration, JSON, or any other value the platform's field takes
WHOLE, NUMBER, FLAG, DATE, DURATION, JSON, VALUE = "whole", "number", "flag", "date", "duration", "json", "value"
# what a question's kind does not hold (``Unreadable.kind`` of an entry the import left out:
# ``common.question_olx``): partial credit, a word limit, options, a model answer and key points
PARTIAL_CREDIT_ONLY, WORDS_ONLY, OPTIONS_ONLY, MODEL_ANSWER_ONLY = "partial_credit", "words", "options", "model_answer"
WHAT = {WHOLE: N_("enter a whole number."), NUMBER: N_("enter a number."), FLAG: N_("write true or false."),
        DATE: N_("write a date, such as 2026-03-01 or 2026-03-01T09:00:00Z."),
        DURATION: N_("write a duration, such as 1 day 12 hours."),
        JSON: N_("write it in JSON."), VALUE: N_("the platform cannot read this value."),
        PARTIAL_CREDIT_ONLY: N_("only a multiple-choice question gives partial credit."),
        WORDS_ONLY: N_("only a written reflection has a word limit."),
        OPTIONS_ONLY: N_("only a single- or multiple-choice question has options."),
        MODEL_ANSWER_ONLY: N_("only a written reflection has a model answer and key points.")}
# what the import did instead (``Unreadable.outcome``): used the default (our own attributes), left
# a platform setting unset (the block follows the course outline), left out what a question's kind
# does not hold (bug hunt s44)
USED_DEFAULT, LEFT_UNSET, LEFT_OUT = "", "unset", "left_out"
# an attribute or a child element the block does not know (``common.olx_shapes``): ``Unreadable.kind``,
# kept as written and written back on export (``Unreadable.outcome``, decision 107)
UNKNOWN_ATTRIBUTE, UNKNOWN_ELEMENT, KEPT = "unknown_attribute", "unknown_element", "kept"
# characters of the longest XML an author's editor reads whole (the role-play's "Edit as XML" tab):
# the largest content any editor takes in one text; the editor's request limit is derived from it
MAX_XML = 2 * 1024 * 1024
# The Studio editor's request limit, in bytes (``common.editing.EDITOR_MAX_BODY_BYTES``, here so
# that the workbench's Django settings derive theirs from it without loading the blocks), derived
# from the largest content a block takes whole from its editor: the role-play's "Edit as XML" text,
# ``MAX_XML`` characters, sent as the editor's script sends it (``JSON.stringify``: UTF-8, no letter
# or emoji escaped). A character is at most 4 bytes of UTF-8, more than the JSON escape of any
# character XML holds takes (``\"``, ``\n``: 2); the form tab's JSON of the same scenario carries
# at most about 3 bytes of keys and quotes per character of its XML (a scenario of many short
# choices, each a row of fields). Hence 4 bytes a character, and 64 KB for the rest of the request
# (the settings, ``confirm``): every role-play the "Edit as XML" tab takes is sent whole under it
# from either tab, and the other blocks' content too unless it nears its limits everywhere at once
# (a case study of tens of questions, each at its longest texts), which is refused with words that
# name the limit (``common.editing.editor_too_large``). The platform in front may set a lower limit
# of its own: Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (Open edX disables it, ``None``; the
# workbench's settings derive theirs from this one) and the web server's (Tutor's Caddy: 250 MB
# for Studio).
EDITOR_MAX_BODY_BYTES = 4 * MAX_XML + 64 * 1024
# characters XML 1.0 cannot hold (a Word line break \x0b, other controls, U+FFFE/FFFF)
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text):
    """``text`` without the characters XML cannot hold, so export never fails on pasted text."""
    return XML_ILLEGAL.sub("", text) if text else text


@dataclass(frozen=True)
class Unreadable:
    """An attribute that is there but does not read as its ``kind`` (``WHOLE``, ``NUMBER``, ``FLAG``;
    ``DATE``... for the platform's settings): where it is (``line``: the element's line in the text
    parsed, None if unknown; ``tag``; ``element``: ``element_label``), its ``attribute`` and
    ``value`` as written (cut to ``VALUE_KEPT`` characters), the ``default`` read in its place,
    ``where``: the editor's field (``nodes.0.choices.1.points``), or the attribute's name, and
    ``outcome``: what the import did instead (``USED_DEFAULT``, ``LEFT_UNSET``, ``LEFT_OUT``). An
    attribute or a child element (``attribute`` "") the question's kind does not hold is one too,
    its ``kind`` what only another kind holds (``PARTIAL_CREDIT_ONLY``...), ``LEFT_OUT``; and one
    the block does not know (``UNKNOWN_ATTRIBUTE``, ``UNKNOWN_ELEMENT``), ``KEPT``, with the
    ``closest`` known name ("" when none is near)."""

    line: int | None
    tag: str
    attribute: str
    value: str
    default: object
    kind: str
    where: str
    element: str = ""
    outcome: str = USED_DEFAULT
    closest: str = ""

    def as_json(self):
        return asdict(self)


_unreadable = ContextVar("emm_olx_unreadable", default=None)


@contextmanager
def unreadable_values():
    """Collect, in a list, each ``Unreadable`` attribute the OLX getters (``get_bool``, ``get_int``,
    ``get_float``) meet while the block's reader runs: an import keeps them for Studio's warnings
    (``EditableContentMixin.parse_xml``), the role-play's "Edit as XML" tab refuses them. Outside
    it, an unreadable attribute reads as its default, as before."""
    found = []
    token = _unreadable.set(found)
    try:
        yield found
    finally:
        _unreadable.reset(token)


VALUE_KEPT = 100  # characters of an unreadable value kept and shown (the XML is never cut)


def element_label(el):
    """How an author finds ``el`` in a block's OLX whatever its line (a course import parses a
    block's element again, from a copy of its text: its lines are not the file's): its tag with its
    ``id`` (``<item id="b">``), after its parent's when it is deeper than the block's own children
    (``<question id="q1"> <option id="a">``, ``<node id="a"> <choice>``)."""
    def one(e):
        ident = e.get("id")
        return f'<{e.tag} id="{one_line(ident)[:50]}">' if ident else f"<{e.tag}>"

    parent = el.getparent()
    if parent is None or parent.getparent() is None:  # the block's element, or one of its children
        return one(el)
    return f"{one(parent)} {one(el)}"


def _unread(el, name, raw, default, kind, where, outcome=USED_DEFAULT):
    found = _unreadable.get()
    if found is not None and isinstance(el.tag, str):
        found.append(Unreadable(el.sourceline, el.tag, name, raw[:VALUE_KEPT], default, kind, where or name,
                                element_label(el), outcome))
    return default


def unset_setting(el, name, raw, kind):
    """Note that the platform's setting ``name`` of ``el`` (``raw`` as written) does not read as
    ``kind``: the import leaves it unset, the block follows the course outline (``LEFT_UNSET``)."""
    _unread(el, name, raw, None, kind, name, LEFT_UNSET)


def left_out(el, kind, name="", raw="", child=""):
    """Note that the import left out what ``el``'s kind does not hold (``LEFT_OUT``): its attribute
    ``name`` (``raw`` as written), or its ``child`` elements of that tag (one note for them all)."""
    found = _unreadable.get()
    if found is None or not isinstance(el.tag, str):
        return
    if child:
        found.append(Unreadable(el.sourceline, child, "", "", None, kind, child,
                                f"{element_label(el)} <{child}>", LEFT_OUT))
    else:
        _unread(el, name, raw, None, kind, name, LEFT_OUT)


def note(found):
    """Note ``found`` (an ``Unreadable``: ``common.olx_shapes``'s unknown attribute or element)
    where ``unreadable_values`` collects them; nothing outside it."""
    collected = _unreadable.get()
    if collected is not None:
        collected.append(found)


def get_bool(el, name, default=False, where=None):
    """Attribute ``name`` of ``el`` as true (``true``, ``1``, ``yes``) or false (``false``, ``0``,
    ``no``, in any case), or ``default`` where it is missing or anything else (``vrai``, ``oui``:
    ``Unreadable``, never false in silence)."""
    raw = el.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE or value in FALSE:
        return value in TRUE
    return _unread(el, name, raw, default, FLAG, where)


def get_int(el, name, default, where=None):
    """Attribute ``name`` of ``el`` as a whole number (``validation.parse_int``: within a billion,
    never a 4,000-digit int), or ``default`` where it is missing or unreadable (``Unreadable``)."""
    raw = el.get(name)
    value = parse_int(raw) if raw is not None else None
    if value is None and raw is not None:
        return _unread(el, name, raw, default, WHOLE, where)
    return default if value is None else value


def get_float(el, name, default, where=None):
    """Attribute ``name`` of ``el`` as a finite number (``validation.parse_float``: "nan" and
    "inf" are unreadable), or ``default`` where it is missing or unreadable (``Unreadable``)."""
    raw = el.get(name)
    value = parse_float(raw) if raw is not None else None
    if value is None and raw is not None:
        return _unread(el, name, raw, default, NUMBER, where)
    return default if value is None else value


def in_reading_order(found):
    """``Unreadable`` attributes by line, as the author reads the XML (the readers meet a block's
    settings after its children); those of one line in the order met."""
    return sorted(found, key=lambda u: u.line or 0)


def unreadable_message(found, _, lines=True):
    """What an ``Unreadable`` attribute should hold, naming it where the author wrote it: "Line 3,
    <choice> points=“2.5”: enter a whole number." where the line is the author's (``lines``: the
    role-play's "Edit as XML" tab), else by its element (``element_label``): "<item id="b">
    required=“non”: write true or false." (an import). A child element left out (no ``attribute``):
    "<question id="q2"> <option>: only a single- or multiple-choice question has options."."""
    what = _(WHAT[found.kind])
    if lines and found.line:
        where = _("Line {line}, <{tag}>").format(line=found.line, tag=found.tag)
    else:
        where = found.element or f"<{found.tag}>"
    if not found.attribute:
        # an element (<question id="q2"> <option>) and why it was left out, after where it is
        return _("{where}: {what}").format(where=where, what=what)
    # an attribute as written in the XML and what it should be ("enter a number."), after where it is
    return _("{where} {attribute}=“{value}”: {what}").format(where=where, attribute=found.attribute,
                                                            value=one_line(found.value)[:VALUE_KEPT], what=what)


def import_message(found, _):
    """Studio's warning about ``found`` (an ``Unreadable`` of an import): where it is and what it
    should hold (``unreadable_message``, by element), then what the import did instead: the default
    used, the platform's setting left unset, or what the question's kind does not hold left out."""
    message = unreadable_message(found, _, lines=False)
    if found.outcome == LEFT_UNSET:
        kept = _("The import left it unset, so the activity follows the course outline (its unit, subsection "
                 "or section): save the activity in its editor to clear this warning.")
    elif found.outcome == LEFT_OUT:
        kept = _("The import left it out: if you meant it, change the question’s type in the editor, then save.")
    elif found.default is None or found.default == "":
        kept = _("The import left it empty: check it in the editor, then save.")
    else:
        kept = _("The import used {default} in its place: check it in the editor, then save.").format(
            default=attribute_text(found.default))
    return f"{message} {kept}"


def attribute_text(value):
    """``value`` as ``set_attr`` writes it in an attribute: ``true``/``false``, a whole float
    without its ``.0``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def set_attr(el, name, value, default=None):
    """Write ``name`` unless it holds its default; booleans as ``true``/``false``."""
    if value == default:
        return
    el.set(name, xml_safe(attribute_text(value)))


def inner_html(el):
    """The markup inside ``el``: its text (CDATA included) and its children, as written."""
    parts = [el.text or ""]
    for child in el:
        parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return "".join(parts).strip()


def add_html(parent, tag, html):
    """Append ``<tag>`` holding ``html`` as CDATA (readable in a diff, safe to round-trip)."""
    if not html:
        return None
    child = etree.SubElement(parent, tag)
    child.text = etree.CDATA(xml_safe(html))
    return child


def child_html(el, tag):
    """The HTML inside ``el``'s child ``tag`` ("" if absent)."""
    child = el.find(tag)
    return inner_html(child) if child is not None else ""


def add_html_child(parent, tag, html, **attrs):
    """``add_html`` of ``html`` stripped, any ``]]>`` in it written ``]]&gt;`` (the same HTML),
    with the attributes ``attrs``; none for empty HTML."""
    child = add_html(parent, tag, (html or "").strip().replace("]]>", "]]&gt;"))
    if child is not None:
        for key, value in attrs.items():
            child.set(key, xml_safe(value))
    return child


def add_element(parent, tag, **attrs):
    """Append ``<tag>`` with ``attrs`` (None left out), every value through ``xml_safe``."""
    child = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        if value is not None:
            child.set(key, xml_safe(str(value)))
    return child


def add_text(parent, tag, text, **attrs):
    """A ``<tag>`` child of ``parent`` holding ``text`` (plain: escaped by lxml), with ``attrs``
    (None left out); characters XML cannot hold are dropped (``xml_safe``). Returns the child."""
    child = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        if value is not None:
            child.set(key, xml_safe(str(value)))
    child.text = xml_safe(text)
    return child


def text_of(el):
    """The text of a one-line element (a label, a statement, an option, a band's message) on one
    line (``one_line``); "" for None. Its own text whole: what follows a processing instruction
    (``Well <?note?>done``) or a comment inside it is kept, their own content dropped (the platform's
    course import and Studio's paste keep them in the tree), and an entity reference a parser left
    as it is (``&e;``, one not resolved) is kept as written, never the text after it lost. The
    text of a child element (an option's ``<feedback>``, a role's ``<brief>``) is not its own."""
    if el is None:
        return ""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):  # an element: its text and what follows it are not the label's
            continue
        if child.tag is etree.Entity:
            parts.append(child.text)  # "&e;", as written
        parts.append(child.tail or "")
    return one_line("".join(parts))


def to_string(el):
    """``el`` as OLX text, indented two spaces a level (what an export writes)."""
    etree.indent(el, space="  ")
    return etree.tostring(el, encoding="unicode")


def is_pointer(node):
    """``<emm_likert url_name="x"/>``: only ``url_name``, no children, no text (the rule of the
    platform's ``xmodule/xml_block.py``, ``is_pointer_tag``)."""
    return (len(node) == 0 and set(node.attrib) == {"url_name"}
            and not (node.text or "").strip())


def resolve_pointer(node, runtime):
    """The element a pointer tag points to (``<tag>/<url_name>.xml`` of the course, read through the
    import runtime's ``resources_fs``), or None when ``node`` is not a pointer or nothing is there."""
    if not is_pointer(node):
        return None
    fs = getattr(runtime, "resources_fs", None)
    if fs is None:
        return None
    path = f"{node.tag}/{node.get('url_name').replace(':', '/')}.xml"
    try:
        with fs.open(path, "rb") as file:
            return etree.fromstring(file.read(), etree.XMLParser(resolve_entities=False, no_network=True))
    except Exception:  # noqa: BLE001 - pyfilesystem's errors are not OSError; a missing file imports as before
        return None


# what libxml2 says an author got wrong, for the mistakes typed most (its own message is English
# only: "Opening and ending tag mismatch: oops line 110 and emm_role_play, line 110, column 23")
_SYNTAX_REASONS = {
    etree.ErrorTypes.ERR_TAG_NAME_MISMATCH: N_("a tag is closed under another name than the one it was opened with"),
    etree.ErrorTypes.ERR_TAG_NOT_FINISHED: N_("a tag is never closed"),
    etree.ErrorTypes.ERR_ATTRIBUTE_REDEFINED: N_("an attribute is given twice in one tag"),
    etree.ErrorTypes.ERR_ATTRIBUTE_NOT_STARTED: N_("an attribute's value is not in quotes"),
    etree.ErrorTypes.ERR_ATTRIBUTE_WITHOUT_VALUE: N_("an attribute has no value"),
    etree.ErrorTypes.ERR_LT_IN_ATTRIBUTE: N_("an attribute's value holds a “<”: write &lt;"),
    etree.ErrorTypes.ERR_NAME_REQUIRED: N_("a “&” stands alone: write &amp;"),
    etree.ErrorTypes.ERR_UNDECLARED_ENTITY: N_("an entity such as &nbsp; is not XML's: write the character itself"),
    etree.ErrorTypes.WAR_UNDECLARED_ENTITY: N_(
        "an entity (&name;) is not declared in this XML itself, and no other file is read: write its text itself"),
    etree.ErrorTypes.ERR_ENTITY_LOOP: N_(
        "an entity declared in <!DOCTYPE> refers to itself or grows too large: write its text itself"),
    etree.ErrorTypes.ERR_DOCUMENT_END: N_("there is more after the last closing tag"),
    etree.ErrorTypes.ERR_DOCUMENT_EMPTY: N_("there is no XML"),
}


def syntax_position(err):
    """``(line, column)`` of ``err`` (an ``etree.XMLSyntaxError``), from 1, as libxml2 counts them:
    characters, not bytes (the column just after a lone "&", where a name was expected)."""
    return err.position if err.position else (err.lineno or 1, 1)


def syntax_problem(err, _):
    """The words for ``err`` (an ``etree.XMLSyntaxError`` of an author's XML) in the author's
    language: where it is (line, column, as the parser counts them from 1) and, for the common
    mistakes, what is wrong (``_SYNTAX_REASONS``, by libxml2's error code)."""
    line, column = syntax_position(err)
    reason = _SYNTAX_REASONS.get(err.code)
    if reason is None:
        return _("The XML could not be read: it is not well-formed at line {line}, column {column}.").format(
            line=line, column=column)
    return _("The XML could not be read at line {line}, column {column}: {reason}.").format(
        line=line, column=column, reason=_(reason))
