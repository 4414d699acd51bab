"""Bug hunt s43: removing a row moves the focus to the row that takes its place, or to the list's add
button (emm-editor.js ``remove``). In the role-play, removing the last choice of a node marked as
an ending hides the whole choices box (``updateNode``), add button included, right after the engine
focused that button: the focus falls to the page's <body> and a keyboard author is thrown back to
the top of the page."""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser
EDITOR = ".emm-rp-studio"


def test_removing_the_last_choice_of_an_ending_keeps_the_focus_in_the_node(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/emm_role_play.0/studio_view/?student=staff_1")
    node = page.locator(f"{EDITOR} [data-list=nodes] > [data-row]").first
    choices = node.locator("[data-list=choices] > [data-row]")
    choices.first.wait_for(state="attached")
    node.locator("[data-details]").evaluate("(d) => { d.open = true; }")  # the demo has more than 3 nodes: closed
    node.locator("[data-key=ending]").check()  # the author makes it an ending, then drops its choices
    while choices.count() > 1:
        choices.first.locator("[data-remove]").press("Enter")
    choices.first.locator("[data-remove]").press("Enter")  # the last one, from the keyboard
    assert choices.count() == 0
    where = page.evaluate("""(node) => { const a = document.activeElement;
        return {inNode: node.contains(a), tag: a.tagName.toLowerCase()}; }""", node.element_handle())
    assert where["tag"] != "body" and where["inNode"], f"focus lost after removing the last choice: {where}"
    assert page.js_errors == []
