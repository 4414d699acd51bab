"""Template filters for author text inside a translated sentence (fresh-user trial, session 11).

``{% load emm_text %}`` (``common.templates`` registers this library under that name), then
``{% blocktrans with name=e.name|isolated %}Answers to “{{ name }}”…{% endblocktrans %}``: the
value escaped and set in a ``<bdi>``, so that a French name keeps its own direction (its full
stop, its brackets) inside an Arabic sentence. The msgid stays the same: the markup is the
value's, never the catalogue's.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(name="isolated")
def isolated(value):
    """``value`` escaped, in a ``<bdi>`` (its direction its own)."""
    return mark_safe(f"<bdi>{escape(str(value))}</bdi>")  # noqa: S308 - escaped
