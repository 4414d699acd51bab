"""Bug hunt s43: "R reveal" (the key hint, aria-keyshortcuts="R") does nothing on a laptop whose
keyboard layout is Arabic: the R key then sends the letter "ق" (KeyboardEvent.key), and the
projection compares the letter, not the key (KeyboardEvent.code "KeyR"). The same key Chromium
sends for R under an Arabic layout is dispatched here as the browser would.

Bug hunt s44: the bars' figures were written with the browser's default digits for the page's
language ("١٢ · ٥٠٪" in ar-EG, Persian digits in fa) under the server's line in Latin digits
(decision 28)."""

from pathlib import Path

import pytest

from tests.browser.test_live_browser import DIALOG, PROJECTOR, open_projection

pytestmark = pytest.mark.browser

CASE = "emm_case_study.0"  # scenarios/emm_case_study-1-en.xml: options marked correct


def test_the_r_key_reveals_under_an_arabic_keyboard_layout(workbench, new_page):
    page = new_page(PROJECTOR)
    open_projection(page, workbench, CASE)
    page.keyboard.press("ArrowRight")
    page.get_by_role("button", name="Reveal").wait_for()
    marks = page.locator(f"{DIALOG} [data-slide]:not([hidden]) [data-correct]:not([hidden])")
    assert marks.count() == 0
    # the physical R key, Arabic (101) layout: key "ق", code "KeyR"
    page.evaluate("""() => document.activeElement.dispatchEvent(new KeyboardEvent("keydown",
        {key: "ق", code: "KeyR", keyCode: 82, bubbles: true, cancelable: true}))""")
    shown = f"{DIALOG} [data-slide]:not([hidden]) [data-correct]:not([hidden])"
    page.wait_for_function("(s) => document.querySelectorAll(s).length > 0", arg=shown, timeout=5_000)
    assert page.js_errors == []


STATIC = Path(__file__).resolve().parents[2] / "static" / "js"
SLIDE = """<section data-slide>
  <div class="emm-present-option" data-index="0"><span data-fill></span><span data-figure></span>
    <span data-correct hidden></span></div>
  <div class="emm-present-option" data-index="1"><span data-fill></span><span data-figure></span>
    <span data-correct hidden></span></div>
  <p data-total></p>
</section>"""
UPDATE = """(lang) => {
  const slide = document.querySelector('[data-slide]');
  const presenter = {lang: lang, earlier: false, slides: [], index: 0, fit() {}};
  // what the server's poll answers: counts, shares (percent), the total line it wrote with Babel
  EMM.Presenter.prototype.update.call(presenter, slide,
      {shown: true, s: "open", c: [12, 12], p: [50, 50], r: [], t: "24 answers"});
  return Array.from(slide.querySelectorAll('[data-figure]')).map((f) => f.textContent);
}"""


@pytest.mark.parametrize("lang", ["ar-EG", "fa"])
def test_the_projected_counts_are_written_in_the_digits_the_server_writes(new_page, lang):
    page = new_page()
    page.set_content(f'<!DOCTYPE html><html lang="{lang}"><body>{SLIDE}</body></html>')
    page.add_script_tag(path=str(STATIC / "emm-common.js"))
    page.add_script_tag(path=str(STATIC / "emm-present.js"))
    figures = page.evaluate(UPDATE, lang)
    assert all("12" in figure and "50" in figure for figure in figures), figures
    assert not any(ch in figure for figure in figures for ch in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"), figures
