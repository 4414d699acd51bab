"""The Studio editors in Chromium, in Arabic: every text an author types runs in its own
direction (``dir="auto"``), so a French statement, question or option reads left to right in a
right-to-left Studio, and an Arabic one right to left in a French Studio; an id, an address and the
JSON view stay left to right. The rows the editor builds in the browser (emm-form-studio.js) as
well as the fields of the page's template."""

from importlib import resources

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser

EDITORS = {"emm_likert-1-en.xml": ".emm-likert-editor", "emm_case_study-1-en.xml": ".emm-case-editor",
           "emm_knowledge_check-1-en-pre.xml": ".emm-kc-editor", "emm_role_play-1-en.xml": ".emm-rp-studio",
           "emm_evaluation_report-1-en.xml": ".emm-er-editor"}
# a field without a direction of its own: its tag, its data-key or data-field, its row's kind
UNDIRECTED = """(root) => Array.from(root.querySelectorAll(
    'textarea, input:not([type]), input[type=text], input[type=url]'))
  .filter((el) => !['auto', 'ltr'].includes(el.getAttribute('dir')))
  .map((el) => [el.tagName, el.getAttribute('data-key') || el.getAttribute('data-field'),
                (el.closest('[data-row]') || root).getAttribute('data-row')])"""


@pytest.mark.parametrize("demo", sorted(EDITORS))
def test_every_text_an_author_types_runs_in_its_own_direction(demo, workbench, new_page):
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", demo).read_text("utf-8")
    scenario = workbench.add_scenario(xml)
    editor = EDITORS[demo]
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=ar")
    name = page.locator(f"{editor} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    root = page.locator(editor).element_handle()
    assert page.evaluate("(root) => getComputedStyle(root).direction", root) == "rtl"  # an Arabic Studio
    assert page.evaluate(UNDIRECTED, root) == []
    # a French text typed in a row the script built (the report's editor has no rows) reads left
    # to right; the name, an Arabic one, right to left
    rows = page.locator(f"{editor} [data-row] textarea[dir=auto], {editor} [data-row] input[type=text][dir=auto]")
    if "report" not in demo:
        text = rows.first
        text.evaluate("(el) => { for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) "
                      "d.open = true; }")
        text.fill("Le rythme était trop rapide pour moi.")
        assert text.evaluate("(el) => el.matches(':dir(ltr)')")
    name.fill("تقييم التدريب")
    assert name.evaluate("(el) => el.matches(':dir(rtl)')")
