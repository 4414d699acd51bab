"""Cancel in the Studio editors (emm-editor.js, Studio's modal closes on the runtime's "cancel"):
an editor left as it was loaded closes at once; one with changes asks first, in the author's
language, and keeps the work when the author says no. JSON typed in "Edit as JSON" and not applied is
a change too (bug hunt s44)."""

from importlib import resources

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.new_blocks import DESK, ER, new_block, open_studio, renamed_in_json
from tests.browser.test_role_play_browser import studio_notifications

pytestmark = pytest.mark.browser

EDITORS = {  # the French demo block, its editor's root
    "emm_likert-2-fr.xml": ".emm-likert-editor",
    "emm_case_study-2-fr.xml": ".emm-case-editor",
    "emm_knowledge_check-3-fr-pre.xml": ".emm-kc-editor",
    "emm_role_play-2-fr.xml": ".emm-rp-studio",
}


@pytest.mark.parametrize("demo", sorted(EDITORS))
def test_cancel_asks_before_discarding_changes_only(demo, workbench, new_page):
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", demo).read_text(encoding="utf-8")
    scenario = workbench.add_scenario(xml)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=fr")
    editor = EDITORS[demo]
    name = page.locator(f"{editor} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    notes = studio_notifications(page)
    dialogs, accept = [], []

    def answer(dialog):
        dialogs.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.on("dialog", answer)
    cancel = page.locator(f"{editor} [data-cancel]")
    cancel.click()
    assert (dialogs, notes()) == ([], [["cancel", {}]])  # nothing changed: closed at once

    name.fill("Une autre évaluation")
    cancel.click()
    assert dialogs == ["Abandonner vos modifications\u202f? Elles n’ont pas été enregistrées."]
    assert notes() == [["cancel", {}]]  # "no": the editor stays, with the author's text
    assert name.input_value() == "Une autre évaluation"

    accept.append(True)
    cancel.click()
    page.wait_for_function("window.emmNotes.length === 2")
    assert len(dialogs) == 2 and notes()[-1] == ["cancel", {}]
    assert page.js_errors == []


def test_cancel_asks_before_dropping_what_was_typed_in_edit_as_json(workbench, new_page):
    """Cancel compared the form only: JSON typed in the box and not applied was dropped without
    "Abandonner vos modifications ?" (bug hunt s44)."""
    scenario, _usage_id = new_block(workbench, "emm_evaluation_report")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, ER)
    notes = studio_notifications(page)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.locator(f"{ER} [data-json-tab] > summary").click()
    box = page.locator(f"{ER} [data-json]")
    page.wait_for_function("box => box.value.startsWith('{')", arg=box.element_handle())
    box.fill(renamed_in_json(box.input_value(), "Rapport de la formation de Niamey"))
    page.locator(f"{ER} [data-cancel]").click()
    page.wait_for_timeout(300)
    assert dialogs == ["Abandonner vos modifications\u202f? Elles n’ont pas été enregistrées."], (dialogs, notes())
    assert notes() == []  # the author said no: the editor stays open, the JSON with it
    assert page.js_errors == []
