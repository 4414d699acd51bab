"""Who answered (issue 11), the Studio editor's profile field in Chromium, in French, with the
keyboard only: an author adds, orders and fixes the options of the participant profile question
(the server's validators next to the field, the focus on the first error), saves, and, once
learners have answered, removes an option only past "Save anyway"."""


import pytest

from tests.browser.conftest import DESKTOP, assert_axe_clean, student_id
from tests.browser.test_likert_profile_browser import post

pytestmark = pytest.mark.browser

EDITOR = ".emm-likert-editor"
XML = ('<emm_likert display_name="Évaluation du jour 1" min_group_size="1">'
       '<item id="useful">La session était utile.</item>'
       '<profile prompt="Vous travaillez pour"><option id="gov">Gouvernement</option>'
       '<option id="cso">Société civile</option></profile></emm_likert>')


def fr(*texts):
    """The French of each msgid, from the block's own catalogue (as the page gets it)."""
    from django.utils import translation

    from emm_xblocks.workbench.services import LmsI18nService

    with translation.override("fr"):
        return [LmsI18nService().gettext(text) for text in texts]


def options(page):
    return page.locator(f"{EDITOR} [data-list=profile_options] [data-row]")


def stored(workbench, scenario):
    from workbench.runtime import WorkbenchRuntime

    return WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))


def open_editor(workbench, page, scenario):
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=fr")
    page.wait_for_selector(f"{EDITOR} [data-list=profile_options] [data-row]")


def focused(page, selector):
    page.wait_for_function(f"() => document.activeElement && document.activeElement.matches({selector!r})")


def test_an_author_adds_orders_fixes_and_saves_profile_options_with_the_keyboard(workbench, new_page):
    add, option_text, move_up, save, saved = fr("Add a profile option", "Option text", "Move up", "Save", "Saved.")
    assert add != "Add a profile option" and move_up != "Move up"  # French indeed
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP, locale="fr-FR")
    open_editor(workbench, page, scenario)
    section = page.locator(f"{EDITOR} [data-profile]")
    assert section.locator("[data-key=profile_prompt]").input_value() == "Vous travaillez pour"
    assert [options(page).nth(i).get_by_label(option_text).input_value() for i in range(2)] == [
        "Gouvernement", "Société civile"]

    section.get_by_role("button", name=add).focus()
    page.keyboard.press("Enter")
    assert options(page).count() == 3
    focused(page, "[data-list=profile_options] [data-row]:nth-child(3) [data-key=text]")  # the new option's text
    page.keyboard.type("Organisation internationale")
    page.keyboard.press("Tab")  # to its id, filled in ("p1"): the author makes it a duplicate
    page.keyboard.press("Control+A")
    page.keyboard.type("gov")
    error = options(page).nth(2).locator("[data-error-key=id]")
    [twice] = fr("Profile option {n}: the id “{id}” is used twice.")
    error.filter(has_text=twice.format(n=3, id="gov")).wait_for()  # the live check, in French, at the field
    assert twice != "Profile option {n}: the id “{id}” is used twice."

    page.get_by_role("button", name=save, exact=True).focus()
    page.keyboard.press("Enter")  # refused: the focus goes to the first field in error
    page.locator(f"{EDITOR} [data-save-alert]").wait_for(state="visible")
    focused(page, "[data-list=profile_options] [data-row]:nth-child(3) [data-key=id]")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-invalid')") == "true"
    page.keyboard.press("Control+A")
    page.keyboard.type("io")
    page.wait_for_function("() => !document.querySelector("
                           "'.emm-likert-editor [data-list=profile_options] [data-error-key]:not(:empty)')")

    options(page).nth(2).get_by_role("button", name=move_up).focus()
    page.keyboard.press("Enter")
    focused(page, "[data-list=profile_options] [data-row]:nth-child(2) [data-move='-1']")  # the focus moved with it
    assert options(page).nth(1).locator("[data-key=id]").input_value() == "io"
    status = page.locator(f"{EDITOR} [data-status]")
    moved, name = fr("Moved up: now {item}.", "Profile option {n}")
    status.filter(has_text=moved.format(item=name.format(n=2))).wait_for()  # said, in French

    assert_axe_clean(page, EDITOR)
    page.get_by_role("button", name=save, exact=True).focus()
    page.keyboard.press("Enter")
    status.filter(has_text=saved).wait_for()
    assert stored(workbench, scenario).content["profile_options"] == [
        {"id": "gov", "text": "Gouvernement"}, {"id": "io", "text": "Organisation internationale"},
        {"id": "cso", "text": "Société civile"}]
    assert page.js_errors == []


def test_removing_an_option_learners_chose_waits_for_save_anyway(workbench, new_page):
    remove, save, anyway, saved = fr("Remove", "Save", "Save anyway", "Saved.")
    scenario = workbench.add_scenario(XML.replace("</profile>", '<option id="io">Organisation internationale</option>'
                                                               "</profile>"))
    page = new_page(DESKTOP, locale="fr-FR")
    page.goto(workbench.scenario_url(scenario, student_id()))
    post(workbench, page, scenario, "cso", 4)

    open_editor(workbench, page, scenario)
    options(page).nth(1).get_by_role("button", name=remove).focus()
    page.keyboard.press("Enter")
    assert options(page).count() == 2
    focused(page, "[data-list=profile_options] [data-row]:nth-child(2) [data-key=text]")  # the option now in its place
    warning = page.locator(f"{EDITOR} [data-error-key=profile_options]")
    [gone] = fr("Profile option “{id}” was removed: the participants who chose it are still counted under "
                "that id, in a column of their own.")
    warning.filter(has_text=gone.format(id="cso")).wait_for()  # the live check warns before the save
    page.get_by_role("button", name=save, exact=True).focus()
    page.keyboard.press("Enter")
    button = page.get_by_role("button", name=anyway)
    button.wait_for()
    focused(page, "[data-save-alert]")
    # the removal's "Item removed" is not left beside the save's alert (facilitator trial s34)
    assert page.locator(f"{EDITOR} [data-status]").inner_text().strip() == ""
    # held back
    assert [o["id"] for o in stored(workbench, scenario).content["profile_options"]] == ["gov", "cso", "io"]
    button.focus()
    page.keyboard.press("Enter")
    # saved, the removal's warning still beside the options: the status says it is there
    page.locator(f"{EDITOR} [data-status]").filter(has_text=saved.rstrip(".") + ", avec 1 avertissement").wait_for()
    assert [o["id"] for o in stored(workbench, scenario).content["profile_options"]] == ["gov", "io"]
    assert page.js_errors == []
