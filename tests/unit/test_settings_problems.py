"""``common.settings.problems``: every block's settings checked against their own bounds and
choices, in one place, with the block's words for each."""

from types import SimpleNamespace

from emm_xblocks.common import settings
from emm_xblocks.common.settings import NUMBER, SELECT, TEXT, Setting

SETTINGS = (
    Setting("display_name", TEXT, "", "Name"),
    settings.weight(),
    settings.min_group_size("Minimum"),
    Setting("policy", SELECT, "best", "Policy", choices={"best": "Best", "last": "Last"}, problem="Choose one."),
    Setting("unchecked", NUMBER, 1.0, "Left to the block", high=10),
)


def content(**values):
    return SimpleNamespace(**{"display_name": "", "weight": 1.0, "min_group_size": 5, "policy": "best",
                              "unchecked": 1.0, **values})


def test_values_out_of_bounds_or_choices_are_named_in_settings_order_with_their_words():
    problems = settings.problems(content(policy="worst", weight=1001, min_group_size=0, unchecked=99), SETTINGS,
                                 lambda text: f"[{text}]")
    assert [(p.field, p.message, p.error, p.code) for p in problems] == [
        ("weight", "[The weight must be between 0 and 1000.]", True, ""),
        ("min_group_size", "[The minimum group size must be between 1 and 1000.]", True, ""),
        ("policy", "[Choose one.]", True, ""),
    ]  # a setting with no ``problem`` is the block's to check (here: none)


def test_bounds_are_inclusive_and_coded_problems_carry_their_setting_name():
    assert settings.problems(content(weight=0, min_group_size=1000), SETTINGS, str) == []
    assert settings.problems(content(weight=1000, min_group_size=1), SETTINGS, str) == []
    [problem] = settings.problems(content(weight=-1), SETTINGS, str, coded=True)
    assert problem.code == "weight"


def test_a_default_name_is_shown_in_the_reader_s_language_and_an_author_s_name_as_it_is():
    """Bug hunt s44: a new block's heading ("Case study") was English on a French page. Shown (not
    stored) in the reader's language while it is the default; one object per language, so the
    views' caches, keyed by the content, keep hitting."""
    from emm_xblocks.case_study.content import SETTINGS as CASE_SETTINGS
    from emm_xblocks.case_study.content import Case
    from emm_xblocks.common.settings import default_named

    french = {"Case study": "Étude de cas"}.get
    new = Case()
    shown = default_named(new, CASE_SETTINGS, lambda s: french(s, s))
    assert (shown.display_name, new.display_name) == ("Étude de cas", "Case study")
    assert default_named(new, CASE_SETTINGS, lambda s: french(s, s)) is shown
    named = Case(display_name="Deux adolescents à Assamaka")
    assert default_named(named, CASE_SETTINGS, lambda s: "x") is named
