"""Bug hunt s43: "Apply to the form" with text that is not a JSON object is refused, the form kept
(emm-editor.js). Its refusal was written in the form's top alert ([data-alert]), thousands of
pixels above the JSON box and its button at the bottom of the form, never scrolled into view nor
focused: a sighted author who pressed Apply sees nothing happen."""

import pytest

from tests.browser.conftest import DESKTOP, open_json_tab

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
