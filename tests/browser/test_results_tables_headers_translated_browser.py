"""The staff's results tables in Arabic: every column header is the interface's Arabic, none left in
English (the statements, rows' headers, are the author's).

Bug hunt a11y: the answers' count column is headed "n", written as is in
``likert/results_html.py`` (``heads = [escape(_("Statement")), "n", ...]``, twice) and in
``templates/evaluation_report/report.html`` (``<th scope="col">n</th>``), outside the catalogue:
no translator can give it its Arabic (or French, or Spanish) word, and a screen reader, reading the
header with each cell, says a Latin letter in the Arabic voice: "n, 6"."""

import re

import pytest

from tests.browser.conftest import DESKTOP, student_id
from tests.browser.test_likert_browser import SEED, seed

pytestmark = pytest.mark.browser

LIKERT, REPORT = "emm_likert.0", "emm_evaluation_report.0"  # the English demo evaluation, the report that reads it
LATIN = re.compile(r"[A-Za-z]")


def column_headers(table):
    return [th.inner_text().strip() for th in table.locator("thead th").all()]


@pytest.mark.parametrize("where", ["likert results panel", "evaluation report"])
def test_the_arabic_results_tables_head_every_column_in_arabic(workbench, new_page, where):
    page = new_page(DESKTOP, locale="ar")
    page.goto(workbench.scenario_url(LIKERT, student_id(), lang="ar"))
    seed(workbench, page, LIKERT, SEED)
    if where == "likert results panel":
        page.goto(workbench.scenario_url(LIKERT, "staff_1", lang="ar"))
        page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
        page.locator(".emm-likert [data-show-results]").click()
        table = page.locator(".emm-likert [data-results] table.emm-table").first
    else:
        page.goto(workbench.scenario_url(REPORT, "staff_1", lang="ar"))
        table = page.locator(".emm-er table.emm-table").filter(has=page.locator("thead th", has_text="العبارة")).first
    table.wait_for()
    heads = column_headers(table)
    assert len(heads) > 3, heads
    left = [h for h in heads if LATIN.search(h)]
    assert left == [], f"column headers not in Arabic: {left} (of {heads})"
    assert page.js_errors == []
