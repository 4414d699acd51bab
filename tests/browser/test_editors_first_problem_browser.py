"""The Studio editors in Chromium: a save refused before sending (a text over its limit)
puts the focus on the first problem in the form's order, whatever its kind, as the server's
refusal orders them. With an empty name (at the top of the form) and a long text further down,
the name takes the focus, not the long text; nothing is sent, nothing cut. The same when Save is
pressed before the live check has seen the empty name: the focus goes to the name once it has
(emm-editor.js ``save``, ``focusFirstError``)."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.editor_settings import ROOTS, demo_xml

pytestmark = pytest.mark.browser

# a text the author makes too long, well below the name: the Likert's last statement, the case
# study's last question's prompt, the role-play's first node's narrative
LONG = {"emm_likert": "[data-list=statements] > [data-row]:last-child [data-key=text]",
        "emm_case_study": "[data-list=questions] > [data-row]:last-child [data-key=prompt]",
        "emm_role_play": "[data-list=nodes] > [data-row]:first-child [data-key=narrative]"}
OPEN = "(el) => { for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }"
NAMELESS = {"emm_likert": "Give the evaluation a name.", "emm_case_study": "Give the case a name.",
            "emm_role_play": "Give the role-play a name."}


@pytest.mark.parametrize("block_type", sorted(ROOTS))
def test_a_save_refused_before_sending_focuses_the_first_problem_in_the_form_s_order(block_type, workbench, new_page):
    from workbench.runtime import WorkbenchRuntime

    scenario = workbench.add_scenario(demo_xml(block_type))
    before = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario)).load_content()
    editor = ROOTS[block_type]
    page = new_page(DESKTOP)
    saves = []
    page.on("request", lambda req: saves.append(req.url) if "/studio_submit/" in req.url else None)
    focused = "() => document.activeElement && document.activeElement.getAttribute('data-field')"
    for checked_first in (True, False):
        page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
        name = page.locator(f"{editor} [data-field=display_name]")
        page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
        long = page.locator(f"{editor} {LONG[block_type]}")
        limit, phrase = int(long.get_attribute("data-max-chars")), "Le rythme était trop rapide pour moi. "
        text = phrase * (limit // len(phrase) + 1)  # a sentence over its limit
        assert len(text) > limit
        name_problem = page.locator(f"{editor} [data-error=display_name]").filter(has_text=NAMELESS[block_type])
        name.fill("")
        if checked_first:
            name_problem.wait_for()
        long.evaluate(OPEN)  # the author opens its node (the role-play's nodes are closed past three)
        long.fill(text)
        assert long.get_attribute("aria-invalid") == "true"
        page.get_by_role("button", name="Save").click()
        refusal = page.locator(f"{editor} [data-save-alert]")
        refusal.filter(has_text="Not saved: a text is longer than its limit").wait_for()
        if checked_first:  # the name's problem was on the form: the focus goes there at once
            assert page.evaluate(focused) == "display_name"
        page.wait_for_function(f"() => ({focused})() === 'display_name'")
        name_problem.wait_for()
        assert page.evaluate(focused) == "display_name"
        assert long.input_value() == text
        assert saves == []
    assert WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario)).load_content() == before
    assert page.js_errors == []
