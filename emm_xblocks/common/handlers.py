"""Handler decorators shared by every block.

``json_handler`` replaces ``XBlock.json_handler``: it answers a translated error with a stable
code for a wrong method or malformed JSON, for any ``HandlerError`` the handler raises, and for a
write the store refused (``transactions.StoreError``: text the database's charset cannot hold, rows
still locked after every retry).
"""

import functools
import json
import re

from webob import Response
from xblock.core import XBlock

from . import store, transactions
from .errors import HandlerError, json_response
from .olx import xml_safe

MAX_BODY_BYTES = 256 * 1024
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


def parse_json(block, request):
    """The request's JSON object, cleaned (``_clean``: walked only when its text holds something
    to clean, or many arrays and objects); ``HandlerError`` for a wrong method, size or body."""
    _ = block.ugettext
    if request.method != "POST":
        raise HandlerError("method_not_allowed", _("This action must be sent with POST."))
    body = request.body or b""
    if len(body) > MAX_BODY_BYTES:
        raise HandlerError("request_too_large", _("The request is too large."))
    try:
        text = body.decode("utf-8")
        data = json.loads(text)
        # most requests hold nothing to clean: they are then taken as they are, not walked
        if _may_need_cleaning(text):
            data = _clean(data)
    except (ValueError, UnicodeError, RecursionError):
        # malformed, nested past the recursion limit, or a lone surrogate ("\ud800") that no
        # database, sanitiser or XML export could store
        raise HandlerError("invalid_json", _("The request could not be read (malformed JSON).")) from None
    if not isinstance(data, dict):
        raise HandlerError("invalid_json", _("The request must be a JSON object."))
    return data


def json_handler(func):
    """A POST handler taking and returning JSON; errors become ``{"error", "message"}`` bodies."""

    @XBlock.handler
    @functools.wraps(func)
    def wrapper(self, request, suffix=""):
        try:
            data = parse_json(self, request)
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


def store_error(block, err):
    """The store refused a write for a reason the person can act on (see ``common.store``)."""
    _ = block.ugettext
    if isinstance(err, transactions.TextNotStorable):
        return HandlerError("text_not_storable", _(
            "Your text contains a character this platform's database cannot store (an emoji, for "
            "example). Remove it and send again."))
    return HandlerError("busy", _("Many people are sending answers right now: please send again in a moment."))
