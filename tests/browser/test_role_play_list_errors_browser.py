"""The role-play editor in Chromium says a problem of a whole list (no role, no node, a profile
question with too few options) in that list's slot, [data-error-key=<list>] as in every editor
(docs/javascript.md), never in a setting's [data-error] slot."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_role_play_browser import DRAFT, EDITOR, open_editor

pytestmark = pytest.mark.browser


def test_a_problem_of_a_whole_list_shows_in_that_lists_slot(workbench, new_page):
    page = new_page(DESKTOP)
    open_editor(page, workbench, workbench.add_scenario(DRAFT))

    def slot(name):  # the list's own slot, not a row's
        return page.locator(f"{EDITOR} form [data-error-key={name}]:not([data-row] *)")

    slot("roles").filter(has_text="Add at least one role").wait_for()
    slot("nodes").filter(has_text="Add at least one node").wait_for()
    assert slot("bands").text_content() == "" and slot("profile_options").text_content() == ""

    prompt = page.get_by_label("Profile question (e.g. “You work for”)")
    prompt.fill("You work for")  # a question without options: the live check says so at the options
    slot("profile_options").filter(has_text="needs between 2 and").wait_for()
    assert "Add at least one role" in slot("roles").text_content()  # the other lists keep theirs
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{EDITOR} [data-save-alert]").wait_for(state="visible")
    assert page.locator(f"{EDITOR} form [data-error]:not(:empty)").count() == 0  # no setting's slot used
    assert page.js_errors == []


def test_each_row_s_buttons_say_which_row_they_act_on_and_titled_rows_are_not_numbered_twice(workbench, new_page):
    """Author trial s38: the role-play's rows had bare "Move up / Move down / Remove" (the other
    editors say "Remove Question 4"), and its choices showed "1." beside their legend "Choice 1"."""
    from tests.browser.test_role_play_browser import DEMO_EN

    page = new_page(DESKTOP)
    open_editor(page, workbench, DEMO_EN)
    form = page.locator(f"{EDITOR} form")
    assert form.get_by_role("button", name="Remove Grade band 1", exact=True).count() == 1
    assert form.get_by_role("button", name="Move down Role 1", exact=True).count() == 1
    first_node = form.locator("[data-list=nodes] > [data-row]").first
    first_node.locator("[data-details]").first.evaluate("(d) => { d.open = true; }")  # folded on a long scenario
    node = first_node.locator("[data-title]").first.text_content()
    assert node.startswith("Node 1: ")
    assert form.get_by_role("button", name=f"Remove Choice 2, {node}", exact=True).count() == 1
    assert form.get_by_role("button", name=f"Remove {node}", exact=True).count() == 1
    for kind in ("choices", "nodes"):
        style = form.locator(f"[data-list={kind}]").first.evaluate("(ol) => getComputedStyle(ol).listStyleType")
        assert style == "none", kind
    assert page.js_errors == []
