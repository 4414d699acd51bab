"""The role-play editor's "Edit as XML" tab: its "Check" button, pressed from the keyboard, says
what it found, as the form's tab says it ("No problems found." / "3 problems found.", in the
editor's status line, a live region).

Bug hunt a11y: in the XML tab the check's answer goes to ``showXml`` (``emm-role-play-studio.js``),
which only redraws ``ul[data-xml-problems]`` (``EmmRolePlayMap.list``): no count, no status, no
live region. With valid XML that list stays empty, so "Check" does nothing anyone can see or hear;
with a problem, the list appears above the button, silently, and the focus stays on "Check"
(WCAG 4.1.3 Status Messages). The form's tab has its count line and ``ed.say`` (``show``)."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_role_play_browser import DEMO_EN, EDITOR, open_editor

pytestmark = pytest.mark.browser

LIVE = "[role=status], [role=alert], [aria-live]"


def press_check(page):
    """Focus "Check" and press Enter, as a keyboard does; returns what the editor's live regions were
    given to say meanwhile (what a screen reader announces: the texts written into them), once the
    server's check came back and the page had time to say it (EMM.say writes 30 ms after it empties
    a region)."""
    page.evaluate(f"""() => {{ window.emmSaid = [];
        const observer = new MutationObserver(() => document.querySelectorAll('{EDITOR} :is({LIVE})').forEach((r) => {{
            const text = r.textContent.trim();
            const last = window.emmSaid[window.emmSaid.length - 1];
            if (text && !r.closest('[hidden]') && last !== text) {{ window.emmSaid.push(text); }}
        }}));
        observer.observe(document.querySelector('{EDITOR}'), {{subtree: true, childList: true, characterData: true}});
        window.emmStopListening = () => observer.disconnect(); }}""")
    check = page.locator(f"{EDITOR} [data-panel=xml] [data-check]")
    check.focus()
    with page.expect_response(lambda r: "studio_validate" in r.url):
        page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.activeElement.hasAttribute('data-check')")
    return page.evaluate("() => { window.emmStopListening(); return window.emmSaid; }")


def test_check_in_the_xml_tab_says_what_it_found(workbench, new_page):
    page = new_page(DESKTOP)
    open_editor(page, workbench, DEMO_EN)
    page.get_by_role("tab", name="Edit as XML").click()
    page.locator(f"{EDITOR} [data-panel=xml]:not([hidden])").wait_for()
    xml = page.locator(f"{EDITOR} [data-xml]")
    page.wait_for_function("(box) => box.value.includes('<emm_role_play')", arg=xml.element_handle())
    page.wait_for_timeout(800)  # the tab's own check (the XML as converted) came back

    said = press_check(page)  # the demo's XML: nothing wrong
    assert said, "Check found nothing wrong and said nothing: no status, nothing on the screen"
    assert page.locator(f"{EDITOR} [data-panel=xml]").get_by_text("No problems found").is_visible()

    # a choice that leads nowhere: the check finds it, and says so
    xml.fill(xml.input_value().replace('goto="po-interview"', 'goto="po-nowhere"', 1))
    page.wait_for_timeout(800)  # the check typing asks for (ed.DELAY) came back
    said = press_check(page)
    assert page.locator(f"{EDITOR} [data-xml-problems] li").count() >= 1
    assert said, "Check found a problem and said nothing where a screen reader hears it"
    assert page.js_errors == []
