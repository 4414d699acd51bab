"""The Studio editors in Chromium: each setting drawn from the block's SETTINGS shows the
block's value once the editor has loaded, and saving the editor unchanged keeps the content the
same (every setting read back by the editor's script from the fields the server drew); a
setting's problem is shown in its own slot."""

import pytest

from emm_xblocks.common.settings import CHECKBOX, NUMBER, WHOLE
from tests.browser.conftest import DESKTOP, assert_axe_clean
from tests.browser.new_blocks import DESK, LIKERT, new_block, open_studio, save, stored
from tests.editor_settings import BLOCKS, ROOTS, away_from_default, demo_xml

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_the_editor_shows_every_setting_and_saves_it_unchanged(block_type, workbench, new_page):
    from workbench.runtime import WorkbenchRuntime

    scenario = workbench.add_scenario(demo_xml(block_type))
    usage_id = workbench.usage_id(scenario)
    before = WorkbenchRuntime("staff_1").get_block(usage_id).load_content()
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    editor = ROOTS[block_type]
    field = page.locator(f"{editor} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=field.element_handle())

    for setting in BLOCKS[block_type]:
        control = page.locator(f"{editor} [data-field={setting.name}]")
        expected = away_from_default(setting)
        if setting.kind == CHECKBOX:
            assert control.is_checked() is (expected == "true"), setting.name
        elif setting.kind in (NUMBER, WHOLE):  # "2.5", "6": as the browser shows the number
            assert float(control.input_value()) == float(expected), setting.name
        else:
            assert control.input_value() == expected, setting.name
        assert page.get_by_label(setting.label, exact=True).count() == 1, setting.name

    assert_axe_clean(page, editor)
    page.get_by_role("button", name="Save").click()
    page.locator(f"{editor} [data-status]").filter(has_text="Saved.").wait_for()
    assert WorkbenchRuntime("staff_1").get_block(usage_id).load_content() == before

    # a setting the server refuses: its message in the setting's own slot, the control marked
    page.locator(f"{editor} [data-field=min_group_size]").fill("0")
    slot = page.locator(f"{editor} [data-error=min_group_size]")
    slot.filter(has_text="The minimum group size must be between 1 and 1,000.").wait_for()
    assert page.locator(f"{editor} [data-field=min_group_size]").get_attribute("aria-invalid") == "true"
    assert page.js_errors == []


def test_french_decimal_comma_in_the_weight_is_not_saved_as_fifteen(workbench, new_page):
    """The same in a setting (bug hunt s44): "Pondération de l’exercice" 1,5 was saved as 15 (the
    range is 0–1000): Chromium's number field dropped the comma."""
    scenario, usage_id = new_block(workbench, "emm_likert")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, LIKERT)
    page.get_by_role("button", name="Ajouter une affirmation").click()
    page.locator(f"{LIKERT} [data-list=statements] [data-key=text]").first.fill(
        "Les connaissances acquises sont utiles à mon travail.")
    weight = page.locator(f"{LIKERT} [data-field=weight]")
    weight.fill("")
    weight.press_sequentially("1,5")
    status = save(page, LIKERT)
    if status.startswith("Enregistré"):
        assert stored(usage_id).weight == 1.5, f"typed 1,5, saved weight {stored(usage_id).weight}"
    else:
        assert weight.get_attribute("aria-invalid") == "true"
    assert page.js_errors == []
