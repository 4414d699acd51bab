"""The "Present" button under every block, for staff (review s25, item 4), in headless Chromium: it
follows the block's root, outside its ``.emm`` (common/live_room.py), where the colours of
``.emm-button`` are defined; it is drawn as every other button of the block (border, background,
colour, font), and its hint in the block's type, as the block's other hints."""

import pytest

from tests.browser.conftest import DEMO_FR, PHONE

pytestmark = pytest.mark.browser

STYLE = """(el) => {
  const css = getComputedStyle(el);
  return {border: css.borderTopWidth + ' ' + css.borderTopStyle + ' ' + css.borderTopColor,
          radius: css.borderTopLeftRadius, background: css.backgroundColor, color: css.color,
          font: css.fontFamily + ' ' + css.fontSize, minHeight: css.minHeight};
}"""
# the type of a text: its font and its line height as a share of its size (1.5 in a block)
TYPE = """(el) => {
  const css = getComputedStyle(el);
  return {font: css.fontFamily, leading: parseFloat(css.lineHeight) / parseFloat(css.fontSize)};
}"""


@pytest.mark.parametrize("scenario", [DEMO_FR, "emm_case_study.1"])
def test_the_present_button_looks_like_the_block_s_other_buttons(workbench, new_page, scenario):
    page = new_page(PHONE)
    page.goto(workbench.scenario_url(scenario, "staff_1", lang="fr"))
    page.wait_for_function("() => document.readyState === 'complete' && !!(window.EMM && window.EMM.Presenter)")
    present = page.get_by_role("button", name="Présenter")
    assert present.evaluate("el => !el.closest('.emm')")  # outside the block's root, as the LMS gets it
    other = page.locator(".emm .emm-button:not(.emm-primary)").first
    drawn, expected = present.evaluate(STYLE), other.evaluate(STYLE)
    assert drawn == expected
    assert drawn["border"] == "1px solid rgb(11, 83, 148)" and drawn["background"] == "rgb(255, 255, 255)"
    assert drawn["color"] == "rgb(11, 83, 148)"  # --emm-accent, as every .emm-button
    hint = page.locator(".emm-present-hint")
    assert hint.evaluate(TYPE) == page.locator(".emm").first.evaluate(TYPE) == {
        "font": present.evaluate("el => getComputedStyle(el).fontFamily"), "leading": 1.5}  # the block's type
    assert hint.evaluate("el => getComputedStyle(el).color") == "rgb(87, 96, 106)"  # --emm-muted, as .emm-hint
    assert page.js_errors == []
