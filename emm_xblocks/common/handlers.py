"""Handler decorators shared by every block.

``json_handler`` replaces ``XBlock.json_handler``: it answers a translated error with a stable
code for a wrong method, a body too large or malformed JSON, for any ``HandlerError`` the handler
raises, and for a write the store refused (``transactions.StoreError``: text the database's charset
cannot hold, rows still locked after every retry).

``get_handler`` is the same for a handler opened with GET (a download, the live room's screen and
figures, the learner's state for the mobile apps): it checks the method and the address's suffix.
``page_handler`` is ``get_handler`` for a whole page a person opens in a browser tab (the
facilitator pack): its refusals are a small page in the person's language, not JSON
(``HandlerError.page_response``).

Each is a ``block_handler``: refused first, before its request is read, where the LMS ran it
without checking who may open the block (its ``handler_noauth`` address, ``unchecked_refusal``).

A body is at most ``MAX_BODY_BYTES`` (256 KB: a learner's answers, a choice, a comment); the Studio
editor's handlers take the larger body of the content an editor saves (``common.editing.editor_handler``).
"""

import functools
import json
import re

from webob import Response
from xblock.core import XBlock

from . import platform, store, transactions
from .errors import HandlerError, json_response
from .olx import xml_safe

MAX_BODY_BYTES = 256 * 1024  # bytes of a request's body, but the Studio editor's (``json_handler``'s ``body_limit``)
# what in a request's JSON text can still give a string ``_clean`` would change or refuse once
# ``json.loads`` has read it (it refuses a control character as it is inside a string): U+FFFE or
# U+FFFF as they are (``olx.XML_ILLEGAL``'s characters from U+0020 up), or an escape that can write
# a character XML cannot hold (``\b``, ``\f``, ``\uXXXX``: a control character, U+FFFE/FFFF, a
# lone surrogate). An escaped backslash before b, f or u is found too (the request is then walked:
# nothing lost but the shortcut)
_RAW_TO_CLEAN = ("\ufffe", "\uffff")
_ESCAPE_TO_CLEAN = re.compile(r"\\[bfu]")
# a request with more arrays and objects than this is walked by ``_clean`` whatever it holds, so
# one nested too deep for it is refused as before (``RecursionError``), not taken as it is
_FEW_CONTAINERS = 64


def _clean(value):
    """Every string of a request without the characters XML cannot hold (text pasted from a word
    processor carries some); raises UnicodeError on a lone surrogate."""
    if isinstance(value, str):
        value.encode("utf-8")
        return xml_safe(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    return value


def _may_need_cleaning(text):
    """Whether the JSON ``text`` (read by ``json.loads``) may hold a string ``_clean`` changes or
    refuses, or is nested deeper than ``_clean`` can walk (many arrays and objects)."""
    return (any(c in text for c in _RAW_TO_CLEAN) or _ESCAPE_TO_CLEAN.search(text) is not None
            or text.count("[") + text.count("{") > _FEW_CONTAINERS)


def request_too_large(block, max_bytes):
    """The refusal of a body over ``max_bytes``: 413 ``request_too_large`` (a learner's request; the
    editor's says its limit, ``common.editing``)."""
    return HandlerError("request_too_large", block.ugettext("The request is too large."))


def parse_json(block, request, max_bytes=MAX_BODY_BYTES, too_large=request_too_large):
    """The request's JSON object, cleaned (``_clean``: walked only when its text holds something
    to clean, or many arrays and objects). ``HandlerError``: 405 ``method_not_allowed`` for another
    method than POST; 413 ``request_too_large`` for a body over ``max_bytes`` bytes
    (``too_large(block, max_bytes)``, its error); 400 ``invalid_json`` for a body that is not a
    JSON object, or whose text holds a lone surrogate (``invalid_text``'s words)."""
    _ = block.ugettext
    if request.method != "POST":
        raise HandlerError("method_not_allowed", _("This action must be sent with POST."))
    body = request.body or b""
    if len(body) > max_bytes:
        raise too_large(block, max_bytes)
    try:
        text = body.decode("utf-8")
        data = json.loads(text)
        # most requests hold nothing to clean: they are then taken as they are, not walked
        if _may_need_cleaning(text):
            data = _clean(data)
    except UnicodeEncodeError:
        # a lone surrogate ("\ud800", a half of an emoji a script cut in two) that no database,
        # sanitiser or XML export could store: the JSON was read, one of its texts is the matter
        raise invalid_text(block) from None
    except (ValueError, UnicodeError, RecursionError):
        # malformed (the body's bytes not UTF-8 included), or nested past the recursion limit
        raise HandlerError("invalid_json", _("The request could not be read (malformed JSON).")) from None
    if not isinstance(data, dict):
        raise HandlerError("invalid_json", _("The request must be a JSON object."))
    return data


def invalid_text(block):
    """The refusal of a request whose JSON holds a lone surrogate in a text (400 ``invalid_json``,
    the code every unreadable request gets): words that send the person to their text."""
    return HandlerError("invalid_json", block.ugettext(
        "A text you sent contains an invalid character (half of an emoji or of another special character, "
        "often left by copying and pasting). Remove it or type the text again, then try again."))


def unknown_address(block, suffix, suffixes=("",)):
    """404 ``not_found`` (a ``HandlerError``) when ``suffix``, what follows the handler's name in
    its address (a trailing "/" aside), is not one of ``suffixes`` ("" is the address itself); else
    None. Every handler checks it first: ``…/submit/anything`` is no address of ``submit``."""
    if (suffix or "").rstrip("/") not in suffixes:
        return HandlerError("not_found", block.ugettext("There is nothing at this address: check the link."))
    return None


def check_address(block, suffix):
    """Raise ``unknown_address``'s 404 for a POST handler's address with any suffix."""
    elsewhere = unknown_address(block, suffix)
    if elsewhere:
        raise elsewhere


def query(request):
    """The request's query parameters (``request.GET``), or none where its query string is not
    UTF-8 (webob raises ``UnicodeDecodeError`` decoding it: a crafted address, never one a page
    makes): such an address is read as having no query, not answered 500 (bug hunt s42)."""
    try:
        return request.GET
    except UnicodeDecodeError:
        return {}


def unchecked_refusal(block):
    """403 ``access_not_checked`` (a ``HandlerError``) where the LMS runs this request's handler
    without checking who may open the block (``platform.access_unchecked``: its ``handler_noauth``
    address, no CSRF check either, or a GET from someone not signed in); else None. None of our
    handlers is for a third party (none is given by ``handler_url(..., thirdparty=True)``): the
    person is sent to the course, where the platform checks them (decision 99)."""
    if platform.access_unchecked(block):
        return HandlerError("access_not_checked", block.ugettext(
            "Open this activity in the course, signed in to your account."))
    return None


def block_handler(wrapper=None, *, page=False):
    """``XBlock.handler`` for every handler of the package (``json_handler``, ``get_handler``,
    ``pipeline.learner_handler``): ``unchecked_refusal`` answers first, before the request is read
    and anything stored; ``page``: as a small page (``HandlerError.page_response``), else JSON.
    ``@block_handler`` or ``@block_handler(page=True)``."""
    if wrapper is None:
        return functools.partial(block_handler, page=page)

    @XBlock.handler
    @functools.wraps(wrapper)
    def checked(self, request, suffix=""):
        refused = unchecked_refusal(self)
        if refused is not None:
            return refused.page_response(self) if page else refused.response()
        return wrapper(self, request, suffix)

    return checked


def learner_body_limit(_block):
    """``(max_bytes, too_large)`` of every request but the Studio editor's: ``MAX_BODY_BYTES``."""
    return MAX_BODY_BYTES, request_too_large


def json_handler(func=None, *, body_limit=learner_body_limit):
    """A POST handler taking and returning JSON; errors become ``{"error", "message"}`` bodies.

    ``body_limit(block) -> (max_bytes, too_large)``: the largest body read for this request and its
    refusal (``parse_json``), checked before the body is read; the learner's ``MAX_BODY_BYTES``
    unless given (the editor's: ``common.editing.editor_handler``). ``@json_handler`` or
    ``@json_handler(body_limit=...)``."""
    if func is None:
        return functools.partial(json_handler, body_limit=body_limit)

    @block_handler
    @functools.wraps(func)
    def wrapper(self, request, suffix=""):
        try:
            check_address(self, suffix)
            data = parse_json(self, request, *body_limit(self))
            with store.claims_released_on_failure():
                result = func(self, data, suffix)
        except HandlerError as err:
            return err.response()
        except transactions.StoreError as err:
            return store_error(self, err).response()
        if isinstance(result, Response):
            return result
        return json_response(result)

    return wrapper


READ_METHODS = ("GET", "HEAD")


def get_handler(func=None, *, suffixes=("",), page=False):
    """A handler that only reads, opened with GET or HEAD: ``func(self, request, suffix)`` answers.
    Refused first, as JSON with its code and translated words as every handler error: another
    method, 405 ``method_not_allowed`` (with ``Allow: GET, HEAD``); a suffix (what follows the
    handler's name in its address, a trailing "/" aside) not in ``suffixes``, 404 ``not_found``
    ("" is the address itself; a download adds its Excel variant: ``common.downloads.download_handler``).

    ``page``: the handler answers a whole page a person opens in a browser tab, not data a script
    fetches (``page_handler``). Its refusals -- those two and any ``HandlerError`` ``func`` raises
    (403 ``staff_only``...) -- are then a small page (``HandlerError.page_response``: the same
    status, ``text/html``, the code in ``data-error``, the same translated words), which the tab
    shows as a page, where JSON would show as raw text. The LMS hands the handler's status, headers
    and body to the browser as they are (``webob_to_django_response``), so the tab gets that page.
    ``@get_handler``, ``@get_handler(suffixes=...)`` or ``@get_handler(page=True)``."""
    if func is None:
        return functools.partial(get_handler, suffixes=suffixes, page=page)

    @block_handler(page=page)
    @functools.wraps(func)
    def wrapper(self, request, suffix=""):
        _ = self.ugettext
        if request.method not in READ_METHODS:
            err = HandlerError("method_not_allowed", _("This address must be opened with GET."))
            response = err.page_response(self) if page else err.response()
            response.headers["Allow"] = ", ".join(READ_METHODS)
            return response
        elsewhere = unknown_address(self, suffix, suffixes)
        if elsewhere:
            return elsewhere.page_response(self) if page else elsewhere.response()
        suffix = (suffix or "").rstrip("/")
        if not page:
            return func(self, request, suffix)
        try:
            return func(self, request, suffix)
        except HandlerError as err:
            return err.page_response(self)

    return wrapper


# a whole page opened in a browser tab (the facilitator pack): GET or HEAD at its address itself,
# every refusal a page (``get_handler``'s ``page``); the handlers a script fetches keep JSON
page_handler = get_handler(page=True)


def store_error(block, err):
    """The store refused a write for a reason the person can act on (see ``common.store``)."""
    _ = block.ugettext
    if isinstance(err, transactions.TextNotStorable):
        return HandlerError("text_not_storable", _(
            "Your text contains a character this platform's database cannot store (an emoji, for "
            "example). Remove it and send again."))
    return HandlerError("busy", _("Many people are sending answers right now: please send again in a moment."))
