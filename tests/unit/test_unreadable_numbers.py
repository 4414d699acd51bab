"""What an editor says of a number it cannot read (``common.validation.unreadable_number``): a
number too large or too small for any bound says so (trial s30: "99999999999999999999999" was
told "Enter a whole number.", which it is), or the setting's range when it has one; anything else,
a fraction where a whole number is asked included, asks for a (whole) number."""

import pytest

from emm_xblocks.common.validation import UNREADABLE_VALUE, has_unreadable_values, unreadable_number


def said(raw, whole, out_of_range="", not_a_number=""):
    return unreadable_number("f", raw, whole, lambda s: s, out_of_range, not_a_number).message


@pytest.mark.parametrize("raw,whole,message", [
    ("99999999999999999999999", True, "This number is too large."),
    (" 1234567890123 ", True, "This number is too large."),
    (10**20, True, "This number is too large."),
    ("-99999999999999999999999", True, "This number is too small."),
    (1e30, True, "This number is too large."),
    ("1e999", False, "This number is too large."),
    (float("-inf"), False, "This number is too small."),
    ("9" * 500, False, "This number is too large."),
    ("2.5", True, "Enter a whole number."),
    (2.5, True, "Enter a whole number."),
    ("many", True, "Enter a whole number."),
    ("", True, "Enter a whole number."),
    (None, False, "Enter a number."),
    (True, True, "Enter a whole number."),
    ("nan", False, "Enter a number."),
    ("0." + "0" * 40 + "1", False, "Enter a number."),  # long but small: not "too large"
    ([5], False, "Enter a number."),
])
def test_what_an_unreadable_number_is_told(raw, whole, message):
    assert said(raw, whole) == message


def test_a_setting_s_range_is_said_in_place_of_too_large():
    assert said("1e999", False, "The weight must be between 0 and 1,000.") == "The weight must be between 0 and 1,000."
    assert said("heavy", False, "The weight must be between 0 and 1,000.") == "Enter a number."


def test_a_field_s_own_words_name_its_place():
    """Bug hunt "new": the role-play's list of problems showed "Enter a whole number." apart from
    its field, naming no node, choice or band; each caller now gives its field's words."""
    words = ("Node “a”: choice 2: points must be between -1,000 and 1,000.",
             "Node “a”: choice 2: the points must be a whole number.")
    assert said("two", True, *words) == words[1]
    assert said("2.5", True, *words) == words[1]
    assert said("99999999999999999999999", True, *words) == words[0]
    assert said("-99999999999999999999999", True, *words) == words[0]


def test_a_number_that_does_not_read_is_marked_as_a_value_not_read():
    """What ``has_unreadable_values`` looks for: the role-play's tab switch is then refused."""
    problem = unreadable_number("f", "two", True, lambda s: s)
    assert problem.code == UNREADABLE_VALUE and has_unreadable_values([problem])
