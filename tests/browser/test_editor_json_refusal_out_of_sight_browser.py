"""Bug hunt s43: "Apply to the form" with text that is not a JSON object is refused, the form kept
(emm-editor.js). Its refusal was written in the form's top alert ([data-alert]), thousands of
pixels above the JSON box and its button at the bottom of the form, never scrolled into view nor
focused: a sighted author who pressed Apply sees nothing happen.

Bug hunt s44: JSON typed in the box and not applied was dropped by Save ("Saved.", the form saved as
it was): Save now applies it first, or refuses beside the box with the caret in it."""

import pytest

from tests.browser.conftest import DESKTOP, open_json_tab
from tests.browser.new_blocks import DESK, ER, new_block, open_studio, renamed_in_json, stored

pytestmark = pytest.mark.browser

IN_VIEW = """(el) => { const r = el.getBoundingClientRect();
    return !el.hidden && r.bottom > 0 && r.top < window.innerHeight; }"""


@pytest.mark.parametrize("scenario, root", [("emm_case_study.0", ".emm-case-editor"),
                                            ("emm_likert.0", ".emm-likert-editor")])
def test_a_refused_json_apply_is_seen_where_the_author_is(scenario, root, workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{root} [data-row]")
    box = open_json_tab(page, root)
    box.fill(box.input_value()[:-5])  # the end of the object lost in a copy
    page.get_by_role("button", name="Apply to the form").click()
    alert = page.locator(f"{root} [data-json-alert]").filter(has_text="The content is not valid JSON.")
    alert.wait_for()
    assert page.evaluate(IN_VIEW, alert.element_handle()), \
        "the refusal is written far above, out of sight of the Apply button"
    assert page.js_errors == []


def test_save_does_not_drop_what_was_typed_in_edit_as_json(workbench, new_page):
    """The author opens "Modifier en JSON (avancé)", renames the report there, then presses
    "Enregistrer" (not "Appliquer au formulaire") (bug hunt s44). The editor saved the form as it
    was and said "Enregistré." (in Studio the modal then closes): what was typed in the box was
    gone. Now: what the box holds is saved, or the save is held with a message beside the box,
    and nothing else is saved."""
    scenario, usage_id = new_block(workbench, "emm_evaluation_report")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, ER)
    page.locator(f"{ER} [data-json-tab] > summary").click()
    box = page.locator(f"{ER} [data-json]")
    page.wait_for_function("box => box.value.startsWith('{')", arg=box.element_handle())
    typed = renamed_in_json(box.input_value(), "Rapport d’évaluation de la formation")
    assert typed != box.input_value()
    box.fill(typed)
    page.locator(f"{ER} [data-save]").click()
    page.wait_for_timeout(1500)
    status = page.locator(f"{ER} [data-status]").inner_text().strip()
    name = stored(usage_id).display_name
    held = page.locator(f"{ER} [data-json-alert]").is_visible() or page.locator(f"{ER} [data-save-alert]").is_visible()
    assert name == "Rapport d’évaluation de la formation" or (held and not status.startswith("Enregistré")), (
        f"status {status!r}, saved name {name!r}: the JSON typed was dropped")
    assert page.js_errors == []


def test_save_with_json_typed_that_does_not_read_is_refused_beside_the_box(workbench, new_page):
    """JSON typed and not applied that is not an object (the end lost in a copy): Save refuses it
    where it is, the caret in the box, and saves nothing, not the form without it (bug hunt s44).
    Emptied, the box is dropped: Save saves the form."""
    scenario, usage_id = new_block(workbench, "emm_evaluation_report")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, ER)
    page.locator(f"{ER} [data-field=display_name]").fill("Rapport de Niamey")
    box = open_json_tab(page, ER)
    box.fill(box.input_value()[:-5])
    page.locator(f"{ER} [data-save]").click()
    page.locator(f"{ER} [data-json-alert]").filter(has_text="Le contenu n’est pas un JSON valide.").wait_for()
    page.locator(f"{ER} [data-save-alert]").filter(has_text="Non enregistré").wait_for()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-json')")
    assert page.locator(f"{ER} [data-status]").inner_text().strip() == ""
    assert stored(usage_id).display_name != "Rapport de Niamey"
    box.fill("")
    page.locator(f"{ER} [data-save]").click()
    page.locator(f"{ER} [data-status]").filter(has_text="Enregistré").wait_for()
    assert stored(usage_id).display_name == "Rapport de Niamey"
    assert page.js_errors == []
