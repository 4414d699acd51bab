"""Author HTML is cleaned on the server with nh3 (an allow-list), once, when it is saved
and again when it is rendered (content imported from OLX never went through the editor)."""

import html as html_lib
import re
from functools import lru_cache
from html import escape
from html.parser import HTMLParser
from urllib.parse import unquote

import nh3

from .text import one_line

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "blockquote", "h3", "h4", "h5",
    "a", "abbr", "span", "small", "sub", "sup", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "figure", "figcaption", "img", "dl", "dt", "dd", "hr", "code",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "*": {"lang", "dir"},
}
# tel: and sms: too: a helpline's number is a link a learner on a phone taps (bug hunt s43: its
# address was dropped at the save, without a word)
URL_SCHEMES = {"http", "https", "mailto", "tel", "sms"}


TAG_RE = re.compile(r"<[^>]*>")
OPEN_TAG_RE = re.compile(r"<[a-zA-Z]")
MAX_TAGS = 5000  # far beyond any real narrative; a parser's work grows faster than the tags


@lru_cache(maxsize=2048)
def clean_html(html):
    """Return ``html`` with every tag, attribute and URL scheme outside the allow-list removed, as a
    page shows it: ``stored_html``'s, its quotes made inert for the LMS's ``replace_urls``
    (``_quotes_inert``). Cleaned once per distinct text and process (a render cleans the same
    prompts every time)."""
    if not html:
        return ""
    return _quotes_inert(stored_html(html))


@lru_cache(maxsize=2048)
def stored_html(html):
    """``html`` cleaned as an editor saves it: every tag, attribute and URL scheme outside the
    allow-list removed (nh3), the text left as the author wrote it. Markup with more than
    ``MAX_TAGS`` tags (crafted nesting makes sanitising quadratic) is reduced to its escaped
    text, in linear time."""
    if not html:
        return ""
    if len(OPEN_TAG_RE.findall(html)) > MAX_TAGS:
        return escape(TAG_RE.sub(" ", html))
    # every heading through nh3, then those the page cannot have made the nearest it can: in nh3's
    # output a "<h1" is a tag, never text or an attribute's value (those are escaped). nh3 writes a
    # no-break space as "&nbsp;": kept as the character, as typed (French typography's, bug hunt s44:
    # six characters of the limit for one; the same text to a browser, and nothing markup can start)
    return _headings_kept(nh3.clean(
        html,
        tags=ALLOWED_TAGS | MOVED_HEADINGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )).replace("&nbsp;", "\u00a0")


# a heading the allow-list has not (h1 and h2 are the LMS page's own, above the unit; h6): made the
# nearest one it has rather than dropped to plain text, its words kept as a heading (author trial s38:
# a case's "<h2>" pasted from a document lost its structure without a word)
MOVED_HEADINGS = {"h1", "h2", "h6"}
# a whole tag of nh3's output, its quoted values included (a "<h1>" in a title is part of its tag)
WHOLE_TAG_RE = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")


def _heading_kept(match):
    name = match.group(2)
    if name not in MOVED_HEADINGS:
        return match.group(0)
    return f"<{match.group(1)}h{min(5, max(3, int(name[1])))}{match.group(3)}>"


def _headings_kept(cleaned):
    """nh3's output with its h1, h2 and h6 tags made h3, h3 and h5 (text there is escaped: a
    ``<`` starts a tag)."""
    if not any(f"<{h}" in cleaned for h in MOVED_HEADINGS):
        return cleaned
    return WHOLE_TAG_RE.sub(_heading_kept, cleaned)


BLOCK_TAG_RE = re.compile(
    r"<(?:p|br|div|ul|ol|li|dl|dt|dd|table|tr|td|th|thead|tbody|caption|h[1-6]|blockquote|figure|hr|pre|section)\b",
    re.IGNORECASE)
BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n\s*")


def paragraphs(text):
    """Text typed or pasted into an editor's HTML field as plain text (no block-level tag) keeps
    its layout: each run of lines between blank lines a ``<p>``, a single line break a ``<br>``.
    Anything holding a block-level tag, or on one line, is returned as it was. Only for what an
    editor's form sends (``authored_html``): OLX and the role-play's XML tab wrap lines freely."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\n" not in text or BLOCK_TAG_RE.search(text):
        return text
    return "".join("<p>" + "<br>".join(line.strip() for line in block.split("\n")) + "</p>"
                   for block in BLANK_LINE_RE.split(text))


# what an author may paste expecting it to work, and ``clean_html`` removes: said at the save
# (``editor_json.markup_warnings``) rather than found missing on the learner's page
DROPPED = (
    ("script", re.compile(r"<script\b", re.IGNORECASE)),
    ("handler", re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)),
    ("frame", re.compile(r"<(?:iframe|object|embed|frame|video|audio)\b", re.IGNORECASE)),
    ("style", re.compile(r"<style\b", re.IGNORECASE)),
    ("javascript", re.compile(r"""\b(?:href|src)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)),
    ("form", re.compile(r"<(?:form|input|button|select|textarea)\b", re.IGNORECASE)),
    # an image pasted from a word processor: its picture in the address, which no page loads
    ("data_image", re.compile(r"""<img\b[^>]*\ssrc\s*=\s*["']?\s*data:""", re.IGNORECASE)),
)


def dropped(html):
    """The kinds of ``DROPPED`` markup in ``html`` (``"script"``, ``"handler"``...), in that order."""
    if not html or "<" not in html:
        return ()
    return tuple(kind for kind, pattern in DROPPED if pattern.search(html))


# said by ``dropped``'s kinds already, or kept: the tags of its dangerous kinds, headings made kept ones
SAID_TAGS = {"script", "style", "iframe", "object", "embed", "frame", "video", "audio", "form", "input", "button",
             "select", "textarea", "html", "head", "body"}
QUIET_ATTRIBUTES = {"rel", "target"}  # a link's: the platform sets how links open


class _Markup(HTMLParser):
    """The tags and attributes of author HTML, read as a browser reads them (quoted values whole)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        if tag in MOVED_HEADINGS:
            tag = "h3"  # kept, as an h3 or h5: its attributes as a kept heading's
        if tag not in ALLOWED_TAGS:
            if tag not in SAID_TAGS:
                self.tags.add(tag)
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ALLOWED_ATTRIBUTES["*"]
        self.attributes.update(name for name, _value in attrs
                               if name not in allowed and name not in QUIET_ATTRIBUTES and not name.startswith("on"))


def dropped_names(html):
    """``(tags, attributes)``: the other tags (``div``, ``font``) and attributes (``style``,
    ``class``) of ``html`` the allow-list removes, each name once, sorted: said at the save with
    ``dropped``'s kinds (the editors' note promises it), their text kept."""
    if not html or "<" not in html:
        return (), ()
    markup = _Markup()
    markup.feed(html)
    markup.close()
    return tuple(sorted(markup.tags)), tuple(sorted(markup.attributes))


def authored_html(html):
    """An editor form's HTML field as saved: plain text made paragraphs (``paragraphs``), then
    cleaned (``stored_html``), trimmed as ``paragraphs`` trims the text: a "&nbsp;" the author
    typed at an edge, now a character, goes as a typed one does (so that what the editor shows,
    ``as_typed``, saves again to the same HTML)."""
    return stored_html(paragraphs(html)).strip()


# a reference of saved HTML an author never typed (bug hunt s44: "Droits &amp; devoirs" reopened):
# "&amp;" and what follows, "&lt;" not followed by what could open a tag, "&gt;", "&nbsp;"
TYPED_RE = re.compile(r"&amp;([#A-Za-z0-9]*;?)|&lt;(?![A-Za-z/!?])|&gt;|&nbsp;")


def _typed(match):
    if match[0] in ("&lt;", "&gt;", "&nbsp;"):
        return html_lib.unescape(match[0])
    bare = "&" + match[1]  # "&" alone where a browser reads it as "&": "& ", "Q&R", never "&copy"
    return bare if html_lib.unescape(bare) == bare else match[0]


def as_typed(html):
    """Saved author HTML (``stored_html``'s) as the editor shows it to the author: the characters
    where nh3 wrote references the author never typed ("&", "<" before a space or a digit, ">", a
    no-break space), so that the field reopens as typed. The same HTML to a browser, and saved
    again, it is cleaned again into the same stored HTML: only for the editor's load, never for a
    page (``clean_html``), nor for the length counted at the save (the stored HTML's)."""
    return TYPED_RE.sub(_typed, html) if "&" in html else html


@lru_cache(maxsize=8192)
def escaped(text):
    """``html.escape(text)`` (what Django's autoescape calls) of a text of the content: an id, an
    option's or a document's text, a prompt as text. Once per text and process: every page and
    panel escapes the same few dozen again. Never for a learner's text (one-off texts would push
    the content's out)."""
    return escape(text)


def sanitized(html):
    """Clean ``html`` and mark the result safe for templates: the only way author HTML reaches a page."""
    from django.utils.safestring import SafeString

    return SafeString(clean_html(html))


IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT_RE = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)


def images_without_alt(html):
    """How many ``<img>`` of ``html`` have no alternative text (no ``alt``, or only spaces).
    (A decorative image may say so with ``alt=""`` in the HTML; the editors' authors rarely mean
    that, so an empty ``alt`` counts as missing too.)"""
    count = 0
    for tag in IMG_RE.findall(html or ""):
        match = ALT_RE.search(tag)
        if match is None or not "".join(g or "" for g in match.groups()).strip():
            count += 1
    return count


SAFE_URL_RE = re.compile(r"^(https?://|/static/|/asset-v1:|/assets/courseware/)\S+$")
# a "." or ".." path segment, written plainly or percent-encoded, or a backslash (which browsers
# read as "/" in a web address): a course-file address with one may leave the course's files
DOT_SEGMENT_RE = re.compile(r"(?:^|/)\.{1,2}(?:/|$)|\\")


def leaves_course_files(url):
    """True when the course-file address ``url`` (``/static/...``) goes up out of the course's
    files: a ``..`` (or ``.``) segment, or a backslash, in its path, after percent-decoding
    (``/static/../admin``, ``/static/%2e%2e/x``). A browser resolves those segments before it
    asks (RFC 3986, 5.2.4), so the address would name another page of the site."""
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    return bool(DOT_SEGMENT_RE.search(unquote(path)))


def is_safe_url(url):
    """True for a web address (``http(s)://``) or a course-file address (``/static/``,
    ``/asset-v1:``, ``/assets/courseware/``) without spaces that stays among the course's files
    (``leaves_course_files``): the one allow-list of the addresses a page may link to or show."""
    url = url or ""
    return bool(SAFE_URL_RE.match(url)) and (not url.startswith("/") or not leaves_course_files(url))


def safe_url(url):
    """``url`` if it is a web or course-asset address (``is_safe_url``), else "": a ``javascript:``
    or ``data:`` address from imported OLX (which no editor validator saw) must never reach a page."""
    return url if is_safe_url(url) else ""


BREAK_RE = re.compile(r"<(?:br|hr|/(?:p|li|h\d|td|th|tr|div|blockquote|dd|dt|caption|figcaption))\b[^>]*>",
                      re.IGNORECASE)


@lru_cache(maxsize=2048)
def plain_text(html):
    """Author HTML as one line of text: sanitised, tags removed (a space where a block ends),
    entities decoded -- for reports, search and escaped templates. Once per distinct text and
    process, as ``clean_html`` (a results panel writes every question's prompt as text)."""
    text = TAG_RE.sub("", BREAK_RE.sub(" ", clean_html(html or "")))
    return one_line(html_lib.unescape(text))


# nh3 leaves quotes in text and a single quote, "<" and ">" in an attribute's value as they are. The
# LMS's ``replace_urls`` (``static_replace``) then reads any quote followed by ``/static/`` as the
# start of an address, up to the next same quote, and rewrites that span: it could join a title's
# inside to the markup after it and make an ``<img onerror>`` of it (bug hunt s44). Written as
# references, the only raw quotes left are the attribute delimiters (the browser reads the same).
# Done as a page shows it (``clean_html``), not as an editor saves it: the author's text stays theirs.
QUOTED_VALUE_RE = re.compile(r'"[^"]*"')


def _value_inert(match):
    value = match.group(0)[1:-1]
    return '"' + value.replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;") + '"'


def _text_inert(text):
    return text.replace('"', "&quot;").replace("'", "&#39;")


def _quotes_inert(html):
    out, at = [], 0
    for tag in WHOLE_TAG_RE.finditer(html):
        out.append(_text_inert(html[at:tag.start()]))
        out.append(QUOTED_VALUE_RE.sub(_value_inert, tag.group(0)))
        at = tag.end()
    out.append(_text_inert(html[at:]))
    return "".join(out)
