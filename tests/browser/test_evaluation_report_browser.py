"""The evaluation report (``emm_evaluation_report``, issue 11 §2 reaction) in headless Chromium:
after learners answer the English demo evaluation, course staff read its figures and the IOM-style
headline in the report; axe finds nothing; a learner sees nothing of it. Needs the
``emm_evaluation_report`` entry point (a venv installed from this tree)."""

import re

import pytest

from tests.browser.conftest import DEMO_EN, DESKTOP, assert_axe_clean, student_id
from tests.browser.test_likert_browser import SEED

pytestmark = pytest.mark.browser

REPORT = "emm_evaluation_report.0"  # scenarios/emm_evaluation_report-1-en.xml
BLOCK = ".emm-er"


def test_staff_read_the_courses_evaluations_and_learners_see_nothing(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(DEMO_EN, "staff_1"))  # sets the csrftoken cookie
    for answers in SEED:
        assert workbench.submit(page, DEMO_EN, student_id("seed"), answers).status == 200

    page.goto(workbench.scenario_url(REPORT, "staff_1"))
    page.locator(f"{BLOCK} [data-headline]").wait_for()
    # relevance in SEED: 5, 4, 5, 3, ... -> the headline is its pooled top box
    relevance = [a["relevance"] for a in SEED if a["relevance"] != "na"]
    top = round(100 * sum(1 for v in relevance if v == 5) / len(relevance))
    headline = page.locator(f"{BLOCK} [data-headline]").inner_text()
    assert headline.startswith(f"{top}% strongly agreed that “The knowledge and skills acquired in this training are")
    evaluation = page.locator(f"{BLOCK} [data-evaluation]")
    assert evaluation.count() == 1 and f"{len(SEED)} respondents" in evaluation.inner_text()
    rows = evaluation.locator("tbody tr")
    assert rows.count() == 8
    cells = rows.first.locator("td").all_inner_texts()
    assert cells[0] == str(len(relevance)) and re.fullmatch(r"\d+(\.\d)?%", cells[-3])
    assert_axe_clean(page, BLOCK)

    # the one-page summary: "Print" opens the browser's print dialog; printed, only the title, the
    # headline and the summary tables remain
    page.evaluate("window.print = () => { window.emmPrinted = true; }")
    page.get_by_role("button", name="Print the one-page summary").click()
    assert page.evaluate("window.emmPrinted === true")
    page.emulate_media(media="print")
    assert page.locator(f"{BLOCK} [data-summary]").is_visible()
    assert page.locator(f"{BLOCK} [data-headline]").is_visible()
    assert page.locator(f"{BLOCK} [data-summary-evaluations] tbody tr").count() == 1
    assert not evaluation.is_visible() and not page.locator(f"{BLOCK} [data-csv]").is_visible()
    page.emulate_media(media="screen")
    assert evaluation.is_visible()
    assert page.js_errors == []

    learner = new_page(DESKTOP)
    learner.goto(workbench.scenario_url(REPORT, student_id()))
    learner.wait_for_load_state("load")
    assert learner.locator(BLOCK).count() == 0


def test_the_settings_editor_saves_and_checks_the_headline_statement(workbench, new_page):
    from workbench.runtime import WorkbenchRuntime

    usage_id = workbench.usage_id(REPORT)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{REPORT}/studio_view/?student=staff_1")
    editor = ".emm-er-editor"
    field = page.locator(f"{editor} [data-field=headline_statement]")
    page.wait_for_function("(el) => el.value !== ''", arg=field.element_handle())
    assert field.input_value() == "relevance"
    assert_axe_clean(page, editor)
    field.fill("job_needs")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{editor} [data-status]").filter(has_text="Saved.").wait_for()
    assert WorkbenchRuntime("staff_1").get_block(usage_id).load_content().headline_statement == "job_needs"
    field.fill("job needs")
    page.locator(f"{editor} [data-error=headline_statement]").filter(has_text="Give a statement id").wait_for()
    assert page.js_errors == []


def test_in_arabic_the_report_reads_right_to_left(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(REPORT, "staff_1", lang="ar"))
    root = page.locator(BLOCK)
    root.wait_for()
    assert root.get_attribute("dir") == "rtl" and root.get_attribute("lang") == "ar"
    assert page.evaluate(f"getComputedStyle(document.querySelector('{BLOCK}')).direction") == "rtl"
    assert_axe_clean(page, BLOCK)
