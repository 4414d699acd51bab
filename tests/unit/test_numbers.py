"""Numbers, percentages and plurals per locale from CLDR (common/numbers.py), as learners read them."""

import pytest

from emm_xblocks.common import numbers

NBSP = "\xa0"


@pytest.mark.parametrize("language,mean,share,big", [
    ("fr", "3,83", f"16,7{NBSP}%", "12\u202f345,5"),
    ("en", "3.83", "16.7%", "12,345.5"),
    ("en-us", "3.83", "16.7%", "12,345.5"),
    ("es", "3,83", f"16,7{NBSP}%", "12.345,5"),
    ("ar", "3.83", "16.7%", "12,345.5"),  # CLDR's "ar" writes Latin digits since CLDR 42, as Intl does
])
def test_figures_follow_the_locale(language, mean, share, big):
    assert numbers.number(3.8333, language) == mean
    assert numbers.percent(16.6667, language) == share
    assert numbers.number(12345.5, language) == big


@pytest.mark.parametrize("language,four,five", [
    # as Intl.NumberFormat writes them in Chromium and Node (CLDR's minimumGroupingDigits)
    ("es", "2736", "12.736"), ("es-es", "-2736,5", "12.736"),
    ("es-419", "2,736", "12,736"), ("es-mx", "-2,736.5", "12,736"),
    ("fr", "2\u202f736", "12\u202f736"), ("en", "2,736", "12,736"), ("ar", "2,736", "12,736"),
])
def test_four_digits_are_grouped_where_cldr_groups_them(language, four, five):
    assert numbers.number(-2736.5 if four.startswith("-") else 2736, language) == four
    assert numbers.number(12736, language) == five


def test_whole_values_lose_their_decimals_and_halves_round_up():
    assert numbers.percent(70.0, "fr") == f"70{NBSP}%" and numbers.number(2.0, "fr") == "2"
    assert numbers.percent(12.25, "en") == "12.3%"  # half up, as Intl.NumberFormat (round() gives 12.2)
    assert numbers.number(0.999, "en") == "1"


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_whole_numbers_read_as_their_rounding_writes_them(language):
    """A count, a whole percent or points such as 2.0 skip Decimal's rounding: the text must be
    the one it gave (-0.0 included, which Decimal writes "-0")."""
    for value in (0, 1, 7, -7, 100, 1234, -98765, 10**14, 2.0, -3.0, 0.0, -0.0, 12.5, 1e15):
        for digits in (0, 1, 2):
            rounded = str(numbers._rounded(value, digits))  # noqa: SLF001 - the path ints skip
            assert numbers.number(value, language, digits) == numbers._formatted(rounded, language, False)  # noqa: SLF001
            assert numbers.percent(value, language, digits) == numbers._formatted(rounded, language, True)  # noqa: SLF001


def test_unknown_or_empty_languages_fall_back():
    assert numbers.number(1.5, "fr-xx") == "1,5"  # the base language
    assert numbers.number(1.5, "qq") == "1.5" and numbers.number(1.5, None) == "1.5"


@pytest.mark.parametrize("language,value,n", [
    ("fr", -2, 2), ("fr", 1, 1), ("fr", 0, 0), ("fr", 1.5, 0),  # French: 0 and 1.5 are "one"
    ("en", -2, 2), ("en", 1.5, 0),  # English: 1.5 is "other" (0 is "other" too)
    ("ar", 1.5, 100), ("ar", -3, 3),
])
def test_plural_n_picks_the_cldr_form_for_gettext(language, value, n):
    assert numbers.plural_n(value, language) == n
    assert numbers.plural_category(n, language) == numbers.plural_category(value, language)


def test_a_fixed_number_keeps_its_decimals_in_every_language():
    """A report's column of means: "4" read as an answer beside "4,97" (facilitator trial s34); now
    "4,00", "4,40", "4,97", rounded half up as every figure, grouped as CLDR says."""
    from django.utils import translation

    from emm_xblocks.common.number_filters import number_fixed

    assert [numbers.number(v, "fr", 2, fixed=True) for v in (4, 4.4, 4.966, 2.005)] == ["4,00", "4,40", "4,97", "2,01"]
    assert numbers.number(12345.5, "en", 2, fixed=True) == "12,345.50"
    assert numbers.number(2736.5, "es", 2, fixed=True) == "2736,50"  # four digits ungrouped in Spain's Spanish
    assert numbers.number(0.675, "ar", 2, fixed=True) == numbers.number(0.68, "ar", 2)
    with translation.override("fr"):
        assert number_fixed(4) == "4,00" and number_fixed(0.6789, 2) == "0,68" and number_fixed(None) == "—"


def test_how_long_ago_is_said_in_minutes_then_hours_in_the_page_s_language():
    """The live room's "A session started {ago} is open" (review s35: 59 min 40 s read "60 minutes ago")."""
    import datetime

    from emm_xblocks.common.numbers import time_ago

    ago = lambda language, **kw: time_ago(datetime.timedelta(**kw), language)  # noqa: E731
    assert ago("en", seconds=0) == ago("en", seconds=40) == "1 minute ago"
    assert ago("en", minutes=7, seconds=20) == "7 minutes ago"
    assert ago("en", minutes=59, seconds=40) == "1 hour ago"
    assert ago("en", hours=2, minutes=10) == "2 hours ago"
    assert ago("fr", minutes=7) == "il y a 7 minutes" and ago("es", hours=3) == "hace 3 horas"
