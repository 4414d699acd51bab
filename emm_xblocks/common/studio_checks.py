"""What the editor's save would say of a block's content as it is stored, said on Studio's unit
page (``EditableContentMixin.validate``) before the author opens the editor (pure: no XBlock, no
Django; decision 107).

An import, a paste or a library sync stores content no editor checked: a text longer than the
editor's limit (``common.limits``) is kept and shown to learners, and the author's first save, of
a new name only, is refused ``text_too_long`` for a text they never touched; markup the learner's
page removes (``common.editor_json.markup_warnings``) is kept in the OLX and said nowhere. Both are
found on the content as the editor loads it (``editor_module.to_editor``), by the editor's own
table (``LIMITS``, its one-line texts ``ONE_LINE_LIMITS``), a text measured as the editor's save
measures it (``limits.over_saved``: as typed, then as the save would store it), once per content and process
(``found``: the content's frozen dataclass is the key, as ``common.content_cache`` keys the content
by its values; decision 17), and worded at each call in the reader's language.
Studio calls ``validate()`` for every block of a unit page; no learner request runs this.
"""

from functools import lru_cache

from . import limits
from .editor_json import markup_found, markup_message, saved_html, typed_html
from .numbers import count
from .places import place

CACHED = 256  # contents whose findings are kept per process (a course's blocks, a few units' worth)


@lru_cache(maxsize=CACHED)
def found(editor_module, content):
    """``(too_long, markup)`` of ``content`` as ``editor_module``'s editor loads it: ``[(path,
    limit)]`` of the texts over their limits, ``[(path, kinds, tags, attributes)]`` of the HTML
    fields holding markup the learner's page removes."""
    data = editor_module.to_editor(content)
    one_line = getattr(editor_module, "ONE_LINE_LIMITS", {})
    table = {**getattr(editor_module, "LIMITS", {}), **one_line}
    # measured as the editor's save measures (``limits.over_saved``): as the editor loads and counts
    # it (typed: "&", not "&amp;") and as its save would store it (an import's HTML is not cleaned:
    # a bare "&" is written "&amp;" by the save, which then refuses it)
    typed, cleaned = limits.over_saved(typed_html(data), saved_html(data), table, one_line)
    return tuple(typed + cleaned), tuple(markup_found(data))


def warnings(editor_module, content, _):
    """The sentences Studio's unit page says of ``content`` (``found``), each naming its place."""
    try:
        too_long, markup = found(editor_module, content)
    except TypeError:  # a content that cannot be a key (a list left in it): found afresh
        too_long, markup = found.__wrapped__(editor_module, content)
    where = _("Where: {place}.")
    said = [_("This text is longer than the editor allows ({max} characters at most): shorten it, or the "
              "editor will refuse to save. Nothing was cut.").format(max=count(limit, _))
            + " " + where.format(place=place(path, _)) for path, limit in too_long]
    said += [markup_message(kinds, tags, attributes, _) + " " + where.format(place=place(path, _))
             for path, kinds, tags, attributes in markup]
    return said
