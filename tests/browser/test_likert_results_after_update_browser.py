"""A named learner who opened the results and then changes an answer (bug hunt s46, angle: the
Likert after submit): "Update my answers" says the answers were saved, yet the results panel
under the form keeps the figures of before, their old answer counted in them, and "Show
results" is gone, so the page offers no way to read the figures with the new answer but a
reload."""

import pytest

from tests.browser.conftest import DESKTOP, student_id
from tests.browser.test_likert_leave_out_browser import BLOCK, EVALUATION, seed
from tests.browser.test_recovery_browser import handler

pytestmark = pytest.mark.browser


# 3 of 4 strongly agree with "useful" once the learner's update is counted (the row drawn anew: looked up each time)
NEW_FIGURES = ("(panel) => (panel.querySelector('tr[data-row=useful]') || {textContent: ''})"
               ".textContent.includes('3 (75%)')")


def open_results_then_update(workbench, new_page, before_update=None):
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
    if before_update:
        before_update(page)
    page.locator(f'{BLOCK} fieldset[data-statement="useful"] input[value="1"]').check()
    # the line already says "saved" (the first submit): wait for the update's own reply
    with page.expect_response(handler("submit")):
        page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-status]").filter(has_text="Thank you: your answers were saved.").wait_for()
    return page, panel


def test_the_results_shown_follow_the_learner_s_updated_answer(workbench, new_page):
    def all_four_strongly_agree(page):  # 4 learners, all "Strongly agree": 100 % on "useful"
        assert "4 (100%)" in page.locator(f'{BLOCK} [data-results] tr[data-row="useful"]').text_content()

    # the learner changes "useful" to "Strongly disagree" and updates: 3 of 4 strongly agree now (75 %)
    page, panel = open_results_then_update(workbench, new_page, all_four_strongly_agree)
    from emm_xblocks.models import Answer
    assert sorted(Answer.objects.filter(group="useful").values_list("value", flat=True)) == ["1", "5", "5", "5"]
    # the panel on the page is the server's figures now, or gone: never the figures of before the update
    page.wait_for_timeout(500)
    useful = panel.locator('tr[data-row="useful"]')
    shown = panel.is_visible() and "4 (100%)" in useful.text_content()
    assert not shown, "the results panel still shows the figures from before the update: " + useful.text_content()
    assert page.js_errors == []


def test_the_panel_shown_is_asked_again_with_the_new_figures_the_focus_left_on_the_saved_line(workbench, new_page):
    page, panel = open_results_then_update(workbench, new_page)
    page.wait_for_function(NEW_FIGURES, arg=panel.element_handle())
    assert not page.get_by_role("button", name="Show results").is_visible(), "the panel is shown: no button to show it"
    focused = page.evaluate("() => document.activeElement.hasAttribute('data-status')")
    assert focused, "the focus stays on what was saved"
    assert page.js_errors == []


def test_the_panel_asked_again_without_a_link_offers_show_results_again(workbench, new_page):
    def no_link(page):
        page.route(handler("get_results"), lambda route: route.abort("internetdisconnected"))
    page, panel = open_results_then_update(workbench, new_page, no_link)
    show = page.get_by_role("button", name="Show results")
    show.wait_for()
    page.locator(f"{BLOCK} [data-alert]").filter(has_text="the results could not be shown").wait_for()
    assert panel.text_content().strip() == "", "no figures of before the update"
    page.unroute(handler("get_results"))
    show.click()
    page.wait_for_function(NEW_FIGURES, arg=panel.element_handle())
    assert page.js_errors == []
