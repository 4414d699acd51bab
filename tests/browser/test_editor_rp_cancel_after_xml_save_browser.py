"""Bug hunt s43: Cancel asks only when the editor differs from what was loaded or last saved
(emm-editor.js). A role-play saved from "Edit as XML", then shown again in "Form and map" with no
other edit, holds exactly what was saved: Cancel must close at once."""

import re

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_role_play_browser import studio_notifications

pytestmark = pytest.mark.browser
EDITOR = ".emm-rp-studio"


def test_cancel_after_saving_from_the_xml_tab_does_not_ask(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/emm_role_play.0/studio_view/?student=staff_1")
    name = page.locator(f"{EDITOR} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
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
    page.wait_for_function("(el) => el.value.endsWith('(v2)')", arg=name.element_handle())
    page.locator(f"{EDITOR} [data-cancel]").click()
    page.wait_for_timeout(300)
    assert dialogs == [], "Cancel says the saved scenario has unsaved changes"
    assert notes()[-1] == ["cancel", {}]
    assert page.js_errors == []
