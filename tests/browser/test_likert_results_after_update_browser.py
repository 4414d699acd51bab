"""A named learner who opened the results and then changes an answer (bug hunt s46, angle: the
Likert after submit): "Update my answers" says the answers were saved, yet the results panel
under the form keeps the figures of before, their old answer counted in them, and "Show
results" is gone, so the page offers no way to read the figures with the new answer but a
reload."""

import pytest

from tests.browser.conftest import DESKTOP, student_id
from tests.browser.test_likert_leave_out_browser import BLOCK, EVALUATION, seed

pytestmark = pytest.mark.browser


def test_the_results_shown_follow_the_learner_s_updated_answer(workbench, new_page):
    scenario = workbench.add_scenario(EVALUATION.replace('min_group_size="3"', 'min_group_size="3" results="learners"'))
    page = new_page(DESKTOP)
    learner = student_id()
    url = workbench.scenario_url(scenario, learner)
    page.goto(url)
    seed(workbench, page, scenario, 3, {"useful": 5, "clear": 5}, "")
    assert workbench.submit(page, scenario, learner, {"useful": 5, "clear": 5}).status == 200
    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    page.get_by_role("button", name="Show results").click()
    panel = page.locator(f"{BLOCK} [data-results]")
    panel.locator(".emm-respondents").wait_for()
    useful = panel.locator('tr[data-row="useful"]')
    # 4 learners, all "Strongly agree": 100 % strongly agree on "useful"
    assert "4 (100%)" in useful.text_content()

    # the learner changes "useful" to "Strongly disagree" and updates: 3 of 4 strongly agree now (75 %)
    page.locator(f'{BLOCK} fieldset[data-statement="useful"] input[value="1"]').check()
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-status]").filter(has_text="Thank you: your answers were saved.").wait_for()
    from emm_xblocks.models import Answer
    assert sorted(Answer.objects.filter(group="useful").values_list("value", flat=True)) == ["1", "5", "5", "5"]
    # the panel on the page is the server's figures now, or gone: never the figures of before the update
    page.wait_for_timeout(500)
    shown = panel.is_visible() and "4 (100%)" in useful.text_content()
    assert not shown, "the results panel still shows the figures from before the update: " + useful.text_content()
    assert page.js_errors == []
