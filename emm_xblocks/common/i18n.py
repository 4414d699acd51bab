"""i18n helpers that do not need a block.

``N_`` marks a string for extraction without translating it (field labels, preset scale
labels): the text is translated later, through the runtime's i18n service, in the language of
the request. ``js_catalog_path`` names the JavaScript catalogue built from the same ``.po``.
"""

from functools import lru_cache
from importlib import resources

ROOT_PACKAGE = "emm_xblocks"
JS_NAMESPACE = "EmmXBlocksI18N"


def N_(text):  # noqa: N802 - the conventional gettext-noop name
    return text


def default_translated(name, default, _):
    """A stored display ``name`` (a description's, the course outline's) as the reader sees it:
    still its ``N_`` ``default`` ("Knowledge check"), in the language of ``_``; an author's own name
    as written (``settings.default_named`` shows a block's own content so)."""
    return _(default) if name == default else name


class Gettext:
    """A ``gettext`` that knows its language: what the editors' validators take as ``_``
    (``common.base``'s ``author_gettext``), so that the numbers of their messages are written as
    that language writes them (``common.numbers.count``: "1 000" in French). ``ngettext`` (optional,
    the block's ``ungettext``): the plural forms a message takes (``ngettext_of``); without it, English's two."""

    __slots__ = ("gettext", "language", "ngettext")

    def __init__(self, gettext, language, ngettext=None):
        self.gettext, self.language, self.ngettext = gettext, language, ngettext

    def __call__(self, text):
        return self.gettext(text)


def ngettext_of(_, singular, plural, n):
    """``singular`` or ``plural`` in the form the language of ``_`` gives ``n`` (a pure action's
    or validator's ``_``: its ``ngettext``, the block's ``ungettext``, CLDR's form: six in Arabic,
    where "2 000" and "20" take other nouns); a ``_`` without one (a plain ``gettext``, a test's
    ``str``) gives English's two. (The Python extraction reads this call as ``ngettext_of:2,3``.)"""
    ngettext = getattr(_, "ngettext", None)
    if ngettext is not None:
        return ngettext(singular, plural, n)
    return _(singular if n == 1 else plural)


def pgettext(_, context, message):
    """``message`` in ``context``, translated by a plain ``gettext`` ``_`` (the block's, a
    validator's): a catalogue keys a message with a context as ``context\x04message``; untranslated,
    ``message`` itself. (The Python extraction reads this call as ``pgettext:2c,3``.)"""
    key = f"{context}\x04{message}"
    found = _(key)
    return message if found == key else found


def list_separator(_):
    """What joins the items of a list a sentence shows ("Papers; An uncle"): French writes " ; "
    (a narrow no-break space before the semicolon), Arabic "؛ "."""
    # Translators: joins the items of a list on one line ("No papers; An uncle who speaks for her").
    # Write your language's semicolon and spaces: French " ; " with a narrow no-break space (U+202F).
    return pgettext(_, "list separator", "; ")


def current_language():
    """The active language code (``fr``, ``ar``, ``en-us``...)."""
    from django.utils import translation

    return translation.get_language() or "en"


def is_rtl():
    from django.utils import translation

    return translation.get_language_bidi()


def js_catalog_path(name, language=None):
    """``js/i18n/<lang>-<name>.js`` (under ``static/``), the catalogue ``name`` (``common.assets``:
    ``likert``, ``studio``...) for the active language if the package ships it, else None (English,
    or a catalogue with no strings of its own)."""
    return _shipped_catalog(language or current_language(), name)


@lru_cache(maxsize=256)
def _shipped_catalog(language, name):
    """The package's files do not change while it runs: each language is looked up on disk once."""
    from django.utils import translation

    candidates = [translation.to_locale(language), language.split("-")[0]]
    base = resources.files(ROOT_PACKAGE).joinpath("static", "js", "i18n")
    for lang in candidates:
        if base.joinpath(f"{lang}-{name}.js").is_file():
            return f"js/i18n/{lang}-{name}.js"
    return None
