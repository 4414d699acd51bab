"""The Studio editors' short fields (the settings' numbers, "Attempt that counts" / "Meilleure
tentative" and the other selects, a row's id and points) on a 320 px wide phone whose reader has
doubled the text size (the root font size at 200 %, as a browser's text zoom gives it; WCAG 1.4.4
and 1.4.10: text at 200 %, content at 320 CSS px).

Issue 7: the page scrolled sideways (600 px): a row's short field (a question's points, an option's
id) kept its ``max-inline-size: 12rem``, 384 px at that size; and each nested box (a group, a row, a
row's list, a choice in a node) took its side paddings, in rem, doubled with the text, again: a
question's "Type de question" select was 58 px wide and showed "C", a role-play band's "From score"
box 26 px. Every short field must now show a short value whole, take its whole line where its text
is longer (an id; a select's chosen option: a native select cannot wrap it, the phone's picker shows
it whole), keep most of the editor's width, and the page must not scroll sideways."""

from importlib import resources

import pytest

from tests.browser.test_editors_narrow_browser import EDITORS, OVERFLOWS, SCROLLERS, unfold_all

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
# the short fields: the settings' numbers, a row's short ones (emm-form-studio.js: ids and numbers), the
# role-play's numbers, and every select
NUMBERS = ("[data-field][inputmode], .emm-ed-short input, input[data-key=min], input[data-key=points], "
           "input[data-key=min_points]")
# a short field keeps this share of the editor's width at least: the nested boxes' sides take the rest
KEPT = 0.7
PROBLEMS = """({root, numbers, kept}) => {
  const found = [], probe = document.createElement('span'), width = root.clientWidth;
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
  document.body.appendChild(probe);
  const name = (el) => `${el.tagName.toLowerCase()}[${el.getAttribute('data-field') || el.getAttribute('data-key')}]`;
  for (const el of root.querySelectorAll(`select, ${numbers}`)) {
    if (!el.getClientRects().length) { continue; }
    const style = getComputedStyle(el), line = el.parentElement;
    if (el.offsetWidth < Math.min(kept * width, el.scrollWidth)) {
      found.push(`${name(el)} is ${el.offsetWidth} px wide, of the editor's ${width} px`);
    }
    if (el.tagName !== 'SELECT') {
      // a number shows whole; an id is text (50 characters at most) and scrolls in its box as a title does
      if (el.getAttribute('data-key') !== 'id' && el.scrollWidth > el.clientWidth) {
        found.push(`${name(el)} "${el.value}" cut: ${el.scrollWidth} > ${el.clientWidth} px`);
      }
      continue;
    }
    // the chosen option's text, in the select's font, with its paddings and the arrow (1.25em)
    probe.style.font = style.font;
    probe.textContent = el.selectedIndex >= 0 ? el.options[el.selectedIndex].text : '';
    const need = probe.getBoundingClientRect().width + parseFloat(style.paddingInlineStart)
      + parseFloat(style.paddingInlineEnd) + 1.25 * parseFloat(style.fontSize);
    if (need > el.clientWidth + 1 && el.offsetWidth < line.clientWidth - 1) {
      found.push(`${name(el)} "${probe.textContent}" cut at ${el.offsetWidth} px, its line ${line.clientWidth} px`);
    }
  }
  probe.remove();
  return found;
}"""


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("demo", sorted(EDITORS))
def test_the_short_fields_fit_a_320px_phone_with_the_text_doubled(demo, lang, workbench, new_page):
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", demo).read_text("utf-8")
    editor = EDITORS[demo]
    page = new_page(PHONE, locale=lang)
    page.goto(f"{workbench.base_url}/scenario/{workbench.add_scenario(xml)}/studio_view/?student=staff_1&lang={lang}")
    name = page.locator(f"{editor} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    # the workbench's own "Reset State" button (not Studio's, not ours) is wider than the phone at 200 %
    page.evaluate("() => { document.querySelector('form[action=\"/reset_state\"]').hidden = true; }")
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    unfold_all(page, editor)
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "32px"
    root = page.locator(editor).element_handle()
    found = page.evaluate(OVERFLOWS, {"root": root, "scrollers": SCROLLERS})
    assert found == [], f"{demo} ({lang}), text at 200 %: wider than the 320 px phone:\n" + "\n".join(found)
    problems = page.evaluate(PROBLEMS, {"root": root, "numbers": NUMBERS, "kept": KEPT})
    assert problems == [], f"{demo} ({lang}), text at 200 % on a 320 px phone:\n" + "\n".join(problems)
    assert page.js_errors == []
