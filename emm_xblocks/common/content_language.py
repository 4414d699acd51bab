"""The language an author wrote a block's content in, declared where a page in another language
shows it (WCAG 2.1 success criterion 3.1.2, "Language of Parts", level AA; decision 56) (pure).

The interface follows each learner's language (fr, en, es, ar); the content is the author's, in
one language. Each block that shows author text has one setting, ``content_language``
(``setting()``): a BCP 47 primary language tag from ``TAGS`` (the platform's languages), or ""
(not specified, the default: nothing changes). Where it is set and differs from the page's
language, every element that carries the author's text also gets ``lang="<tag>"`` (``attr``), so
that a screen reader reads French content with a French voice on an Arabic page; learners' own
text (a textarea, its echo) gets nothing. Unset, or the page's own language: no attribute, not a
byte added.

The field is not named ``language``: the platform's ``CourseFields`` (``xmodule/course_block.py``,
openedx-platform) defines ``language`` ("Course Language") on the course; it is not among the
fields ``InheritanceMixin`` (``xmodule/modulestore/inheritance.py``) or ``LmsBlockMixin``
(``lms/djangoapps/lms_xblock/mixin.py``) give every block, and neither is ``content_language``
(checked in those three files), but a block's own setting must never be mistaken for the course's
(decision 12, ``common.settings.PLATFORM_NAMES``).

Pure: no XBlock, no Django.
"""

from .i18n import N_
from .settings import SELECT, Setting

NAME = "content_language"
NOT_SPECIFIED = ""
# the platform's languages (the interface's fr, en, es, ar, and Portuguese, spoken in the region's
# Lusophone countries); the names are translated when the editor shows them
TAGS = {
    "fr": N_("French"),
    "en": N_("English"),
    "es": N_("Spanish"),
    "ar": N_("Arabic"),
    "pt": N_("Portuguese"),
}
CHOICES = {NOT_SPECIFIED: N_("Not specified"), **TAGS}


def setting(group="settings"):
    """The ``content_language`` setting of a block (``common.settings.Setting``): a select, "" by
    default; a value outside ``CHOICES`` (an OLX attribute or a crafted editor payload) is a
    problem tied to the field (``common.settings.problems``), refused by the editor's save."""
    return Setting(NAME, SELECT, NOT_SPECIFIED, N_("Language of the content"), choices=CHOICES, group=group,
                   help=N_("The language this component's texts are written in. On a page in another language "
                           "they are marked with it, so that screen readers read them in the right voice."),
                   problem=N_("Choose the language of the content from the list."))


def declared(content):
    """The language ``content``'s author declared (its ``content_language``), as a BCP 47 tag of
    ``TAGS``, or "" (not specified, or a value not on the list, from imported OLX): what the mobile
    apps' data carries (``student_view_data``), the same for every learner and language."""
    tag = getattr(content, NAME, NOT_SPECIFIED)
    return tag if tag in TAGS else NOT_SPECIFIED


def primary(language):
    """The primary subtag of a language code, lower case: ``fr`` of ``fr``, ``fr-CA``, ``fr_ca``."""
    return (language or "").replace("_", "-").split("-")[0].lower()


def attr(tag, page_language):
    """``' lang="<tag>"'`` for an element that carries author text, where the content's language
    ``tag`` is one of ``TAGS`` and is not the page's (``page_language``: Django's code, ``fr``,
    ``en-us``; compared by their primary subtags); "" otherwise. Worked out once per render."""
    if tag not in TAGS or primary(page_language) == tag:
        return ""
    return f' lang="{tag}"'


def tag_for_page(tag, page_language):
    """The content's tag where ``attr`` gives one (for a JSON answer that names it: the Likert
    results' ``lang``), else ""."""
    return tag if attr(tag, page_language) else ""


def wrapped(html, lang):
    """``html`` (escaped text) in a ``<span>`` with ``lang`` (``attr``'s), for author text beside
    the reader's words in one element (a percentage, a note); ``html`` as it is when ``lang`` is ""."""
    return f"<span{lang}>{html}</span>" if lang else html
