"""Bug hunt s43: a refused save moves the focus to the first problem in the form's order, whatever its
kind (emm-editor.js, header and ``focusFirstError``). In the role-play's editor the focus follows
the order of the server's list instead (``refused`` -> ``goTo(problems[0])``), which is the
settings' declaration order, then roles before grade bands: a problem above is skipped."""

import pytest

from tests.browser.conftest import DESKTOP

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
