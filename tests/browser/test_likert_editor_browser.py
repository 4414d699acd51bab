"""The Likert editor (studio_view) in Chromium: an author edits statements without typing XML,
sees the server's validators next to the field, reorders and saves; several lines pasted into one
statement are said at it, not joined in silence (bug hunt s44)."""

import pytest

from tests.browser.conftest import DESKTOP, assert_axe_clean, open_json_tab
from tests.browser.new_blocks import DESK, LIKERT, new_block, open_studio, save, stored

pytestmark = pytest.mark.browser

EDITOR = ".emm-likert-editor"
XML = ('<emm_likert display_name="Pilot evaluation">'
       '<item id="a">First statement.</item><item id="b">Second statement.</item></emm_likert>')


def rows(page):
    return page.locator(f"{EDITOR} [data-row]")


def test_author_adds_fixes_reorders_and_saves_statements(workbench, new_page):
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{EDITOR} [data-row]")
    assert page.get_by_label("Display name").input_value() == "Pilot evaluation"
    assert rows(page).count() == 2

    add = page.get_by_role("button", name="Add a statement")
    add.focus()
    page.keyboard.press("Enter")
    assert rows(page).count() == 3
    new = rows(page).nth(2)
    page.keyboard.type("The case studies were close to my daily work.")  # focus went to the new text box
    new.locator("[data-key=id]").fill("a")
    id_error = new.locator("[data-error-key=id]")
    id_error.wait_for(state="visible")
    assert "used twice" in id_error.text_content()
    assert new.locator("[data-key=id]").get_attribute("aria-invalid") == "true"

    new.locator("[data-key=id]").fill("cases")
    page.wait_for_function("() => !document.querySelector('.emm-likert-editor [data-error-key=id]:not(:empty)')")
    new.get_by_role("button", name="Move up").click()
    assert rows(page).nth(1).locator("[data-key=id]").input_value() == "cases"

    assert_axe_clean(page, EDITOR)

    page.get_by_role("button", name="Save").click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text="Saved.").wait_for()
    from workbench.runtime import WorkbenchRuntime

    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    assert [s["id"] for s in block.content["statements"]] == ["a", "cases", "b"]
    assert block.content["statements"][1]["text"] == "The case studies were close to my daily work."
    assert page.js_errors == []


def test_refused_save_keeps_the_form_and_marks_the_field(workbench, new_page):
    """Issue 10: the refusal is said next to the Save button (not at the top of a long form) and
    the focus goes to the first field in error."""
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{EDITOR} [data-row]")
    rows(page).nth(0).locator("[data-key=text]").fill("")
    save = page.get_by_role("button", name="Save")
    save.click()
    alert = page.locator(f"{EDITOR} [data-save-alert]")
    alert.filter(has_text="was not saved").wait_for()
    assert "has no text" in rows(page).nth(0).locator("[data-error-key=text]").text_content()
    box, button = alert.bounding_box(), save.bounding_box()
    assert 0 <= button["y"] - (box["y"] + box["height"]) < 100  # right above the button
    page.wait_for_function("() => document.activeElement && document.activeElement.matches("
                           "'.emm-likert-editor [data-row] [data-key=text]')")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-invalid')") == "true"
    assert page.evaluate("() => document.activeElement.closest('[data-row]') === "
                         "document.querySelector('.emm-likert-editor [data-row]')")
    from workbench.runtime import WorkbenchRuntime

    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    assert block.content["statements"][0]["text"] == "First statement."


def test_editor_speaks_french_from_both_catalogues(workbench, new_page):
    """The editor's JavaScript strings, its own and those of the shared scripts it loads
    (emm-common.js, emm-forms.js), come from one catalogue, fr-studio.js (common/assets.py)."""
    from django.utils import translation

    from emm_xblocks.workbench.services import LmsI18nService

    with translation.override("fr"):
        move_up, statement_label = LmsI18nService().gettext("Move up"), LmsI18nService().gettext("Statement")
        row_name = LmsI18nService().gettext("Statement {n}").format(n=1)
    assert move_up != "Move up"
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=fr")
    page.wait_for_selector(f"{EDITOR} [data-row]")
    # "Monter", and for screen readers the row it moves ("Affirmation 1")
    assert rows(page).nth(0).locator("[data-move='-1']").text_content() == f"{move_up} {row_name}"
    assert rows(page).nth(0).locator("legend").first.text_content() == row_name != "Statement 1"
    assert rows(page).nth(0).locator("label").first.text_content() == statement_label
    assert page.evaluate("() => EMM.gettext('Something went wrong. Please try again.')") != \
        "Something went wrong. Please try again."
    with translation.override("fr"):  # plural forms from the catalogue's own rule (fr: n > 1)
        expected = [LmsI18nService().ngettext("{n} character left", "{n} characters left", n) for n in (1, 2)]
    assert page.evaluate("() => [1, 2].map((n) => EMM.ngettext('{n} character left', '{n} characters left', n))") \
        == expected
    assert expected[0] != expected[1] and expected[1] != "{n} characters left"
    catalogues = page.evaluate("() => [...document.scripts].map((s) => s.src).filter((u) => u.includes('/i18n/'))")
    assert [url.rsplit("/", 1)[-1] for url in catalogues] == ["fr-studio.js"]


def test_author_edits_the_evaluation_as_json_and_saves_it(workbench, new_page):
    """"Edit as JSON (advanced)", as the case study's editor has it: the box shows the form's data,
    an object applied fills the form (its counters, its scale's labels) and is checked by the
    server's validators; a save keeps it. Text that is not a JSON object is refused, the form kept."""
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{EDITOR} [data-row]")
    open_json_tab(page, EDITOR)
    box = page.get_by_label("The whole evaluation as JSON")
    data = page.evaluate("(box) => JSON.parse(box.value)", box.element_handle())
    assert data["display_name"] == "Pilot evaluation"
    assert [(s["id"], s["text"]) for s in data["statements"]] == [("a", "First statement."), ("b", "Second statement.")]

    box.fill('{"display_name": "Pilot evaluation", "statements": ')  # cut short
    page.get_by_role("button", name="Apply to the form").click()
    # said beside "Apply", not at the top of the form (bug hunt s43)
    page.locator(f"{EDITOR} [data-json-alert]").filter(has_text="The content is not valid JSON.").wait_for()
    assert rows(page).count() == 2 and page.get_by_label("Display name").input_value() == "Pilot evaluation"

    data["display_name"] = "Évaluation pilote"
    data["scale"] = "custom"
    data["custom_labels"] = ["Pas du tout", "Un peu", "Beaucoup"]
    data["statements"] = [{"id": "a", "text": "First statement.", "reverse": False, "required": True},
                          {"id": "a", "text": "Pasted twice.", "reverse": True, "required": False},
                          {"id": "c", "text": "Pasted without saying whether it is required."}]
    box.evaluate("(box, data) => { box.value = JSON.stringify(data); }", data)
    page.get_by_role("button", name="Apply to the form").click()
    assert page.locator(f"{EDITOR} [data-alert]").is_hidden()
    assert page.locator(f"{EDITOR} [data-json-alert]").is_hidden()
    page.locator(f"{EDITOR} [data-status]").filter(has_text="The form now shows the JSON.").wait_for()
    assert page.get_by_label("Display name").input_value() == "Évaluation pilote"
    assert rows(page).count() == 3
    assert rows(page).nth(1).locator("[data-key=reverse]").is_checked()
    assert not rows(page).nth(1).locator("[data-key=required]").is_checked()
    # the third says nothing: required, as the server reads a statement
    assert rows(page).nth(2).locator("[data-key=required]").is_checked()
    assert page.locator(f"{EDITOR} [data-when='scale=custom']").is_visible()  # the custom scale's box, shown
    id_error = rows(page).nth(1).locator("[data-error-key=id]")
    id_error.wait_for(state="visible")  # the server's check of what the JSON put in
    assert "used twice" in id_error.text_content()

    rows(page).nth(1).locator("[data-key=id]").fill("pasted")
    page.get_by_role("button", name="Save").click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text="Saved.").wait_for()
    from workbench.runtime import WorkbenchRuntime

    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    assert block.display_name == "Évaluation pilote"
    assert [(s["id"], s["reverse"], s["required"]) for s in block.content["statements"]] == [
        ("a", False, True), ("pasted", True, False), ("c", False, True)]
    assert block.scale == "custom" and block.content["custom_labels"] == ["Pas du tout", "Un peu", "Beaucoup"]
    assert_axe_clean(page, EDITOR)
    assert page.js_errors == []


def test_several_lines_pasted_in_one_statement_are_not_joined_in_silence(workbench, new_page):
    """The author pastes three statements from a Word list into the first statement's box (a
    textarea, which takes the line breaks). The save said "Enregistré." and kept one statement,
    the three sentences joined: learners rate three things with one answer (bug hunt s44). Now:
    three statements, or a message at the statement saying that its lines will be joined."""
    scenario, usage_id = new_block(workbench, "emm_likert")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, LIKERT)
    page.get_by_role("button", name="Ajouter une affirmation").click()
    row = page.locator(f"{LIKERT} [data-list=statements] > [data-row]").first
    row.locator("[data-key=text]").fill("Les contenus étaient pertinents.\nLe rythme était adapté.\n"
                                        "Les exercices étaient utiles.")
    page.wait_for_timeout(1000)  # the live check
    status = save(page, LIKERT)
    said = row.locator("[data-error-key=text]").inner_text().strip()
    items = stored(usage_id).statements if status.startswith("Enregistré") else ()
    assert len(items) == 3 or said, f"status {status!r}, statements saved {[i.text for i in items]!r}, nothing said"
    assert page.js_errors == []
