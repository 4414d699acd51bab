"""A row's "Move up" on the first row, and "Move down" on the last, in a form editor (the Likert's),
pressed from the keyboard: the button is marked as doing nothing there (disabled or
``aria-disabled``), or what it did is said, as every other move is ("Moved up: now Statement 1.").

Bug hunt a11y: ``ed.move`` (``emm-editor.js``) returns false at the list's end and the click handler
returns at once: the button stays enabled and announced as "Move up Statement 1, button", Enter does
nothing and nothing is said or shown, so a screen-reader or keyboard author cannot tell whether the
move happened (the other moves speak through the editor's status line, ``told``)."""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser

EDITOR = ".emm-likert-editor"
DEMO = "emm_likert.0"


def heard(page, press):
    """What the editor's live regions are given to say while ``press()`` runs (and 300 ms after)."""
    page.evaluate(f"""() => {{ window.emmSaid = [];
        const observer = new MutationObserver(() => document.querySelectorAll(
            '{EDITOR} :is([role=status], [role=alert], [aria-live])').forEach((r) => {{
            const text = r.textContent.trim();
            if (text && window.emmSaid[window.emmSaid.length - 1] !== text) {{ window.emmSaid.push(text); }} }}));
        observer.observe(document.querySelector('{EDITOR}'), {{subtree: true, childList: true, characterData: true}});
        window.emmStop = () => observer.disconnect(); }}""")
    press()
    page.wait_for_timeout(300)
    return page.evaluate("() => { window.emmStop(); return window.emmSaid; }")


def inert(button):
    return button.evaluate("(b) => b.disabled || b.getAttribute('aria-disabled') === 'true'")


@pytest.mark.parametrize(("which", "name"), [(0, "Move up"), (-1, "Move down")])
def test_a_move_past_the_list_s_end_is_marked_or_said(workbench, new_page, which, name):
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{DEMO}/studio_view/?student=staff_1&lang=en")
    rows = page.locator(f"{EDITOR} [data-list] > [data-row]")
    rows.first.wait_for()
    page.wait_for_timeout(500)  # the editor's first check came back
    row = rows.nth(which if which >= 0 else rows.count() - 1)
    button = row.get_by_role("button", name=name)

    # a move that can be done is said (the engine's status line)
    assert heard(page, lambda: rows.nth(1).get_by_role("button", name=name).press("Enter")), "a move said nothing"
    page.wait_for_timeout(600)

    button.focus()
    said = heard(page, lambda: page.keyboard.press("Enter"))
    assert inert(button) or said, f"“{name}” at the list's end: enabled, and pressing it says nothing"
    assert page.js_errors == []
