"""Template filters for author text inside a translated sentence (fresh-user trial, session 11).

``{% load emm_text %}`` (``common.templates`` registers this library under that name), then
``{% blocktrans with name=e.name|isolated %}Answers to “{{ name }}”…{% endblocktrans %}``: the
value escaped and set in a ``<bdi>``, so that a French name keeps its own direction (its full
stop, its brackets) inside an Arabic sentence. The msgid stays the same: the markup is the
value's, never the catalogue's.

Both filters take the author's language attribute as their argument (``|isolated:e.lang``,
``|in_lang:e.lang``: ``' lang="fr"'`` or "", ``common.content_language.attr``, decision 56), so
that a screen reader reads the value in its language; ``in_lang`` writes a ``<span>`` only when
there is one (author text beside the reader's words in one element: a statement and its
"(reverse-coded)").
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(name="isolated")
def isolated(value, lang=""):
    """``value`` escaped, in a ``<bdi>`` (its direction its own; its language ``lang``, if any)."""
    return mark_safe(f"<bdi{lang or ''}>{escape(str(value))}</bdi>")  # noqa: S308 - escaped, lang ours


@register.filter(name="in_lang")
def in_lang(value, lang=""):
    """``value`` escaped; in a ``<span>`` with ``lang`` when the page declares the author's language."""
    text = escape(str(value))
    return mark_safe(f"<span{lang}>{text}</span>" if lang else text)  # noqa: S308 - escaped, lang ours
