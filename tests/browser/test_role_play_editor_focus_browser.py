"""The role-play's Studio editor, where the author's focus goes and what Cancel compares (bug hunt
s43; each test failed before its fix):

* a refused save focuses the first problem in the form's order, whatever its kind (emm-editor.js,
  ``focusFirstError``), not the first of the server's list;
* a problem about a list as a whole ("Add at least one role") in the list of problems takes the
  author to that list's add button;
* removing the last choice of a node marked as an ending (its choices box hidden) leaves the focus
  in the node, not on the page's <body>;
* Cancel after a save from "Edit as XML", back in "Form and map", closes at once.
"""

import re

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_role_play_browser import studio_notifications

pytestmark = pytest.mark.browser
EDITOR = ".emm-rp-studio"
FOCUSED = ("() => { const a = document.activeElement; "
           "return a.getAttribute('data-field') || a.getAttribute('data-key'); }")


def open_editor(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/emm_role_play.0/studio_view/?student=staff_1")
    name = page.locator(f"{EDITOR} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    return page


def above(page, a, b):
    return page.evaluate("([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
                         [a.element_handle(), b.element_handle()])


def test_weight_above_estimated_minutes_takes_the_focus(workbench, new_page):
    page = open_editor(workbench, new_page)
    weight = page.locator(f"{EDITOR} [data-field=weight]")
    minutes = page.locator(f"{EDITOR} [data-field=estimated_minutes]")
    assert above(page, weight, minutes)  # the form shows the weight first
    weight.fill("5000")
    minutes.fill("1.5")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{EDITOR} [data-error=weight]").filter(has_text="weight").wait_for()
    page.locator(f"{EDITOR} [data-error=estimated_minutes]").filter(has_text="whole number").wait_for()
    assert page.evaluate(FOCUSED) == "weight", "the focus skipped the first problem of the form"
    assert page.js_errors == []


def test_a_grade_band_above_the_roles_takes_the_focus(workbench, new_page):
    page = open_editor(workbench, new_page)
    band = page.locator(f"{EDITOR} [data-list=bands] > [data-row]").first.locator("[data-key=min]")
    role = page.locator(f"{EDITOR} [data-list=roles] > [data-row]").first.locator("[data-key=id]")
    assert above(page, band, role)
    band.fill("150")
    role.fill("")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{EDITOR} [data-save-alert]").filter(has_text="not saved").wait_for()
    assert band.get_attribute("aria-invalid") == "true" and role.get_attribute("aria-invalid") == "true"
    assert page.evaluate(FOCUSED) == "min", "the focus went to the role below, past the band's problem"
    assert page.js_errors == []


def test_a_refusal_for_a_list_level_problem_moves_the_focus(workbench, new_page):
    """Only problem: "Add at least one role" (field "roles", no control of its own). The engine would
    focus the first control beside its message (the roles' add button); the role-play's
    ``refused`` finds no input nor node for it and leaves the focus on Save."""
    page = open_editor(workbench, new_page)
    roles = page.locator(f"{EDITOR} [data-list=roles] > [data-row]")
    while roles.count():
        roles.first.locator("[data-remove]").click()
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{EDITOR} [data-save-alert]").filter(has_text="not saved").wait_for()
    slot = page.locator(f"{EDITOR} [data-error-key=roles]:not([data-row] *)")
    slot.filter(has_text="Add at least one role").wait_for()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-save')") is False, \
        "the focus stayed on Save: nothing points the author at the problem"
    assert page.js_errors == []


def test_a_list_level_problem_takes_the_author_to_its_list(workbench, new_page):
    page = open_editor(workbench, new_page)
    roles = page.locator(f"{EDITOR} [data-list=roles] > [data-row]")
    roles.first.wait_for()
    while roles.count():
        roles.first.locator("[data-remove]").click()
    go = page.locator(f"{EDITOR} [data-problem-list] button").filter(has_text="Add at least one role")
    go.click()
    where = page.evaluate("""() => { const a = document.activeElement;
        return {go: a.classList.contains('emm-rp-go'), inRoles: !!a.closest('fieldset') &&
                !!a.closest('fieldset').querySelector('[data-list=roles]')}; }""")
    assert not where["go"] and where["inRoles"], f"the problem's button took the author nowhere: {where}"
    assert page.js_errors == []


def test_removing_the_last_choice_of_an_ending_keeps_the_focus_in_the_node(workbench, new_page):
    page = open_editor(workbench, new_page)
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


def test_cancel_after_saving_from_the_xml_tab_does_not_ask(workbench, new_page):
    page = open_editor(workbench, new_page)
    notes = studio_notifications(page)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    page.get_by_role("tab", name="Edit as XML").click()
    xml = page.locator(f"{EDITOR} [data-xml]")
    page.wait_for_function("(el) => !el.closest('[data-panel]').hidden", arg=xml.element_handle())
    xml.fill(re.sub(r'display_name="([^"]*)"', r'display_name="\1 (v2)"', xml.input_value(), count=1))
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text="Saved.").wait_for()

    page.get_by_role("tab", name="Form and map").click()
    name = page.locator(f"{EDITOR} [data-field=display_name]")
    page.wait_for_function("(el) => el.value.endsWith('(v2)')", arg=name.element_handle())
    page.locator(f"{EDITOR} [data-cancel]").click()
    page.wait_for_timeout(300)
    assert dialogs == [], "Cancel says the saved scenario has unsaved changes"
    assert notes()[-1] == ["cancel", {}]
    assert page.js_errors == []
