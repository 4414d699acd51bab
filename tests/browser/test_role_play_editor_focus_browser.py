"""The role-play's Studio editor, where the author's focus goes and what Cancel compares (bug hunt
s43; each test failed before its fix):

* a refused save focuses the first problem in the form's order, whatever its kind (emm-editor.js,
  ``focusFirstError``), not the first of the server's list;
* a problem about a list as a whole ("Add at least one role") in the list of problems takes the
  author to that list's add button;
* removing the last choice of a node marked as an ending (its choices box hidden) leaves the focus
  in the node, not on the page's <body>;
* Cancel after a save from "Edit as XML", back in "Form and map", closes at once;
* a save refused from "Edit as XML" puts the focus in the XML, the caret at the line and column the
  message names (bug hunt s44).
"""

import re

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.new_blocks import DESK, RP, new_block, open_studio
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


XML_WITH_A_LONE_AMPERSAND = (
    '<emm_role_play display_name="Le filtrage à Assamaka">\n'
    '  <role id="agent" start="accueil">Agent de l’OIM</role>\n'
    '  <node id="accueil"><narrative>Un groupe arrive.</narrative>\n'
    '    <choice goto="fin">Orienter vers l’OIM & le HCR</choice></node>\n'
    '  <node id="fin" ending="true"><narrative>Fin.</narrative></node>\n'
    '</emm_role_play>')


def saved_from_the_xml_tab(workbench, new_page, text):
    """A new role-play's "Modifier en XML" holding ``text``, saved, the save's refusal shown (not
    the live check's list): ``(page, the XML box)``."""
    scenario, _usage_id = new_block(workbench, "emm_role_play")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, RP)
    page.get_by_role("tab", name="Modifier en XML").click()
    xml = page.locator(f"{RP} [data-xml]")
    page.wait_for_function("(el) => !el.closest('[data-panel]').hidden", arg=xml.element_handle())
    xml.fill(text)
    page.locator(f"{RP} [data-save]").click()
    page.locator(f"{RP} [data-save-alert]:not([hidden])").wait_for()
    page.locator(f"{RP} [data-xml-problems] li").first.wait_for()
    return page, xml


def test_a_save_refused_from_the_xml_tab_puts_the_focus_in_the_xml(workbench, new_page):
    """Role-play, "Modifier en XML": an "&" alone in a choice; "Enregistrer" is refused ("Le jeu de
    rôle n’a pas été enregistré…", the problem "ligne 4, colonne …" under the box) and the focus
    stayed on "Enregistrer": the author (or a screen reader) was not taken to the XML, and the caret
    was not at the line the message names (bug hunt s44)."""
    page, xml = saved_from_the_xml_tab(workbench, new_page, XML_WITH_A_LONE_AMPERSAND)
    assert "ligne 4" in page.locator(f"{RP} [data-xml-problems]").inner_text()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-xml')"), page.evaluate(
        "() => document.activeElement.outerHTML.slice(0, 80)")
    # the caret just after the "&" (line 4, column 45: where libxml2 expected a name)
    caret = xml.evaluate("(el) => el.selectionStart")
    assert XML_WITH_A_LONE_AMPERSAND[:caret].endswith("l’OIM &"), XML_WITH_A_LONE_AMPERSAND[caret - 20:caret]
    assert page.js_errors == []


def test_a_number_the_xml_tab_cannot_read_takes_the_caret_to_its_line(workbench, new_page):
    """The same for a value the XML's reader cannot read (``points="1,5"``: a whole number): the
    caret at the start of its element's line."""
    text = XML_WITH_A_LONE_AMPERSAND.replace(" & ", " et ").replace('goto="fin"', 'goto="fin" points="1,5"')
    page, xml = saved_from_the_xml_tab(workbench, new_page, text)
    assert page.evaluate("() => document.activeElement.hasAttribute('data-xml')")
    caret = xml.evaluate("(el) => el.selectionStart")
    assert caret == text.index("    <choice"), text[caret:caret + 20]
    assert page.js_errors == []
