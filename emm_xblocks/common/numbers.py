"""Numbers, percentages and plurals in the learner's language, from CLDR (Babel) (pure).

Every figure a page or a report shows goes through here on the server (``static/js/emm-common.js``
has the browser's twin, ``EMM.number`` / ``EMM.pluralN``, on ``Intl``): never
``f"{x:.1f}"`` or ``str(x) + "%"``. French writes "3,83" and "16,7 %" (a no-break space before
the sign), Arabic follows its CLDR locale, English "3.83" and "16.7%".

Values are rounded half away from zero to the digits shown (as ``Intl.NumberFormat`` does by
default, so that server and browser print the same figure), then formatted with the locale's
pattern; trailing zeros are never shown ("20 %", not "20,0 %").

``plural_n`` gives ``ngettext`` the whole number whose plural form is the one CLDR gives ``value``:
gettext's plural formulas only know non-negative integers, so "-2" and "1.5" were sent to the
wrong form ("-2 point", "1,5 points" in French, where CLDR says "-2 points", "1,5 point").
"""

import copy
import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_timedelta
from babel.numbers import format_decimal, format_percent

DEFAULT = "en"


@lru_cache(maxsize=64)
def locale_of(language):
    """The Babel ``Locale`` of a Django language code (``fr``, ``en-us``, ``ar``, ``zh-hans``);
    the base language if the region is unknown, English if the language is."""
    for tag in (language or DEFAULT, (language or DEFAULT).replace("_", "-").split("-")[0], DEFAULT):
        try:
            return Locale.parse(tag.replace("_", "-"), sep="-")
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return Locale.parse(DEFAULT)


def _rounded(value, digits):
    try:
        exact = Decimal(str(value))
    except (InvalidOperation, ValueError):
        exact = Decimal(0)
    if not exact.is_finite():
        exact = Decimal(0)
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


_EXACT = 10**15  # a whole number below this in size is its own rounding at any number of digits


def _rounded_text(value, digits):
    """``str(_rounded(value, digits))`` (the key of ``_formatted``). A whole number (an ``int``,
    not a bool, or a float such as ``2.0``; not ``-0.0``, which ``Decimal`` writes "-0") is
    written straight, with ``digits`` zeros as ``Decimal.quantize`` writes them ("5.00"): most
    figures are counts, points and whole percents, and ``Decimal``'s work is most of a cached
    format."""
    kind = type(value)
    if kind is float and value.is_integer() and value and -_EXACT < value < _EXACT:
        value, kind = int(value), int
    if kind is int and -_EXACT < value < _EXACT and digits >= 0:
        return f"{value}.{'0' * digits}" if digits else str(value)
    return str(_rounded(value, digits))


def rounded(value, digits=0):
    """``value`` rounded half away from zero to ``digits`` decimals, as the figure is shown (an
    ``int`` for 0 digits): what a band or a threshold compares, so that it agrees with the page."""
    exact = _rounded(value, digits)
    return int(exact) if digits == 0 else float(exact)


def per_cent(ratio):
    """``ratio`` (0-1) in per cent, rid of the float's noise: ``100 * (23 / 40)`` is
    57.49999999999999, which ``rounded`` shows as 57 % where 57.5 % is meant and rounds half up to
    58 %. Nine decimals keep every digit a page shows and none of the noise."""
    return round(100 * ratio, 9)


def plain(value, digits=2):
    """``value`` for a file a program reads (the LMS's reports, CSV): no grouping, a decimal point,
    at most ``digits`` decimals, no trailing zeros ("2", "2.5", "0.33"); never localised."""
    return format(_rounded(value, digits).normalize(), "f")


def number(value, language, digits=2, fixed=False):
    """``value`` with at most ``digits`` decimals: ``3.8333`` is "3,83" in French, ``2.0`` is "2",
    ``12345.5`` is "12 345,5" (CLDR's grouping); ``fixed``: exactly ``digits`` ("2,00", "4,40"),
    for a column of figures read side by side (a report's means)."""
    return _formatted(_rounded_text(value, digits), language, False, digits if fixed else None)


def percent(value, language, digits=1):
    """``value`` given in percent (``16.666`` for 16.7 %), with at most ``digits`` decimals and the
    locale's sign and spacing: "16,7 %" in French, "16.7%" in English."""
    return _formatted(_rounded_text(value, digits), language, True)


# The locales whose CLDR ``minimumGroupingDigits`` is 2 (``common/main/<locale>.xml``,
# ``<numbers>``): a number of four whole digits is written without a group separator ("2736", then
# "12.736"), as ``Intl.NumberFormat`` writes it in the browser; Babel (2.19) groups from four
# digits everywhere. Spain's Spanish (``es``), not Latin America's (``es-419``, Open edX's
# Spanish, groups "2,736" as Intl does), nor Arabic, English or French.
MINIMUM_GROUPING_TWO = frozenset({"es", "es_ES", "pl", "pl_PL", "pt_PT"})


@lru_cache(maxsize=4096)
def _formatted(rounded, language, as_percent, fixed=None):
    """Babel's text of the rounded value ``rounded`` (its ``Decimal`` as a string, so "20" and
    "20.0" stay two entries): a page shows the same few figures (whole percents, counts, scores)
    many times, and each format reads the locale's pattern anew (some 20 µs). ``fixed``: that many
    decimals exactly (the locale's own pattern, its fraction digits set; ``rounded`` has them)."""
    locale = locale_of(language)
    value = Decimal(rounded)
    # a four-digit number ungrouped where CLDR says so (``MINIMUM_GROUPING_TWO``)
    grouped = str(locale) not in MINIMUM_GROUPING_TWO or abs(value) >= 10_000
    if fixed is not None:  # a number (never a percent: ``percent`` has no ``fixed``)
        pattern = copy.copy(locale.decimal_formats[None])
        pattern.frac_prec = (fixed, fixed)
        return pattern.apply(value, locale, group_separator=grouped)
    if as_percent:
        return format_percent(value / 100, locale=locale, decimal_quantization=False, group_separator=grouped)
    return format_decimal(value, locale=locale, decimal_quantization=False, group_separator=grouped)


def plural_category(value, language):
    """CLDR's plural category of ``value`` in ``language`` (``one``, ``few``, ``other``...)."""
    rounded = abs(_rounded(value, 3))
    whole = rounded == rounded.to_integral_value()
    return locale_of(language).plural_form(int(rounded) if whole else rounded.normalize())


@lru_cache(maxsize=64)
def _representatives(language):
    """``{category: the smallest whole number of that category}`` for ``language``."""
    found = {}
    for n in range(0, 1_000):
        found.setdefault(locale_of(language).plural_form(n), n)
    found.setdefault("many", 1_000_000)  # French's "many" is a million
    return found


def plural_n(value, language):
    """The whole number to give ``ngettext`` so that it picks CLDR's form for ``value``: the value
    absolute value when that is a whole number (``-2`` → 2), else the smallest whole number of
    the same category (``1.5``: French "one" → 0, English "other" → 0, Arabic "other" → 100)."""
    if type(value) is int:  # a count (not a bool): its own absolute value, without Decimal's work
        return abs(value)
    rounded = abs(_rounded(value, 3))
    if rounded == rounded.to_integral_value():  # CLDR reads a negative number's absolute value
        return int(rounded)
    category = plural_category(value, language)
    return _representatives(language).get(category, int(rounded))


def long_date(value, language):
    """The date ``value`` written out in ``language`` (CLDR's long format): "1 décembre 2026" in
    French, "December 1, 2026" in English."""
    return format_date(value, format="long", locale=locale_of(language))


def time_ago(delta, language):
    """How long ago, ``delta`` (a ``timedelta``) before now, in ``language`` (CLDR's relative
    time): in minutes below an hour (a minute at least: "7 minutes ago"), then in hours, rounded
    half up ("il y a 2 heures" for 1 h 30). ``delta`` is first rounded to the minute, so that
    59 min 40 s is "1 hour ago", not "60 minutes ago". Babel is given whole hours (or days, past
    a day): its ``format_timedelta`` rounds with Python's ``round``, half to even ("2 hours" for
    2 h 30, "4 hours" for 3 h 30)."""
    minutes = max(1, int((delta.total_seconds() + 30) // 60))
    if minutes >= 60:
        hours = (minutes + 30) // 60
        whole = datetime.timedelta(hours=hours) if hours < 24 else datetime.timedelta(days=(hours + 12) // 24)
    else:
        whole = datetime.timedelta(minutes=minutes)
    return format_timedelta(-whole, granularity="minute", threshold=1.0, add_direction=True,
                            locale=locale_of(language))


def count(value, _):
    """A whole number of an author's message (a limit, a bound: "longer than 1 000 characters") as
    the language of the translator ``_`` writes it (``i18n.Gettext``'s ``language``); as Python
    writes it for a translator that does not say its language (a plain ``gettext``, ``str``)."""
    language = getattr(_, "language", None)
    return str(value) if language is None else number(value, language, 0)


class Numbers:
    """The functions above for one language: ``Numbers("fr").percent(16.67)`` is "16,7 %"."""

    def __init__(self, language=DEFAULT):
        self.language = language or DEFAULT

    def number(self, value, digits=2, fixed=False):
        return number(value, self.language, digits, fixed)

    def percent(self, value, digits=1):
        return percent(value, self.language, digits)

    def plural_n(self, value):
        return plural_n(value, self.language)


ENGLISH = Numbers(DEFAULT)
