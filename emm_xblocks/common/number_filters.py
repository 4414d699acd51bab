"""Template filters writing numbers in the language the template is rendered in (``common.numbers``).

``{% load emm_numbers %}`` (``common.templates`` registers this library under that name), then
``{{ value|number }}`` (at most 2 decimals: "3,83" in French), ``{{ value|number:0 }}`` (a count:
"12 345"), ``{{ value|percent }}`` (a value given in percent, at most 1 decimal: "16,7 %") or
``{{ value|percent:0 }}``; ``{{ value|number_fixed }}`` writes exactly that many decimals
("4,40", "4,00": a report's column of means, where "4" would read as an answer). ``None`` is
written "—" (nothing to divide is not zero, decision 26).

The language is Django's active one: ``common.templates.render`` activates the block's language
for the render, so it is the language of the block's ``{% trans %}`` strings. Plural counters keep
the number for the plural form and show the formatted one:
``{% blocktrans count counter=g.linked with n=g.linked|number:0 %}{{ n }} learner…{% endblocktrans %}``
(the msgid is the same as with ``count n=g.linked``).
"""

from django import template
from django.utils import translation

from . import numbers

register = template.Library()
NOTHING = "—"


def _language():
    return translation.get_language() or numbers.DEFAULT


@register.filter(name="number")
def number(value, digits=2):
    """``value`` in the active language with at most ``digits`` decimals."""
    return NOTHING if value is None or value == "" else numbers.number(value, _language(), int(digits))


@register.filter(name="number_fixed")
def number_fixed(value, digits=2):
    """``value`` in the active language with exactly ``digits`` decimals ("4,40"): a report's column."""
    return NOTHING if value is None or value == "" else numbers.number(value, _language(), int(digits), fixed=True)


@register.filter(name="percent")
def percent(value, digits=1):
    """``value``, given in percent (``16.67``), in the active language with at most ``digits`` decimals."""
    return NOTHING if value is None or value == "" else numbers.percent(value, _language(), int(digits))
