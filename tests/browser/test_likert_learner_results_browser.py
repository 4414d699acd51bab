"""What a learner reads of an evaluation's results on a phone (facilitator trial s34): the count,
the headline and the chart, with every figure's table folded under "Every figure, in tables" (a
wide table of staff's terms otherwise filled the phone), one tap away and axe clean once opened;
course staff read the tables at once."""

import pytest

from tests.browser.conftest import PHONE, assert_axe_clean, student_id
from tests.browser.test_likert_leave_out_browser import BLOCK, EVALUATION, seed

pytestmark = pytest.mark.browser


def show_results(page, url):
    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    page.get_by_role("button", name="Show results").click()
    page.locator(f"{BLOCK} [data-results] .emm-respondents").wait_for()


def test_a_learner_reads_the_chart_and_opens_the_tables_staff_read_them_at_once(workbench, new_page):
    scenario = workbench.add_scenario(EVALUATION.replace('min_group_size="3"', 'min_group_size="3" results="learners"')
                                      .replace('<item id="clear">', '<item id="clear" reverse="true">'))
    page = new_page(PHONE, touch=True)
    learner = student_id()
    url = workbench.scenario_url(scenario, learner)
    page.goto(url)
    seed(workbench, page, scenario, 3, {"useful": 5, "clear": 4}, "")
    workbench.submit(page, scenario, learner, {"useful": 4, "clear": 4})
    show_results(page, url)
    panel = page.locator(f"{BLOCK} [data-results]")
    assert panel.locator(".emm-chart, svg").first.is_visible()
    table = panel.locator("table.emm-table").first
    assert table.is_hidden()
    # how the figures are counted (literal agreement, reverse coding) goes with the tables, not over the chart
    basis = panel.locator(".emm-headline-literal, .emm-basis")
    assert basis.count() >= 1 and basis.evaluate_all("els => els.every(e => e.closest('details') !== null)")
    fold = panel.get_by_text("Every figure, in tables")
    assert fold.bounding_box()["height"] >= 44
    fold.click()
    assert table.is_visible() and "Most favourable answer" in table.inner_text()
    assert "Top box" not in table.inner_text()  # staff's terms stay staff's (learner trial s41)
    assert_axe_clean(page, BLOCK)
    assert page.js_errors == []

    show_results(page, workbench.scenario_url(scenario, "staff_1"))
    staff = page.locator(f"{BLOCK} [data-results]")
    assert staff.locator("table.emm-table").first.is_visible()
    assert staff.locator("details.emm-every-figure").count() == 0
    assert "Top box (favourable)" in staff.locator("table.emm-table").first.inner_text()
    assert page.js_errors == []
