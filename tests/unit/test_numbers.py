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


def test_whole_values_lose_their_decimals_and_halves_round_up():
    assert numbers.percent(70.0, "fr") == f"70{NBSP}%" and numbers.number(2.0, "fr") == "2"
    assert numbers.percent(12.25, "en") == "12.3%"  # half up, as Intl.NumberFormat (round() gives 12.2)
    assert numbers.number(0.999, "en") == "1"


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
