"""Bug hunt s43: "R reveal" (the key hint, aria-keyshortcuts="R") does nothing on a laptop whose
keyboard layout is Arabic: the R key then sends the letter "ق" (KeyboardEvent.key), and the
projection compares the letter, not the key (KeyboardEvent.code "KeyR"). The same key Chromium
sends for R under an Arabic layout is dispatched here as the browser would."""

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
