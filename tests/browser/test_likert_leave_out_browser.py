"""Staff leave out a rehearsal's answers (decision 72) in headless Chromium: the results panel's
"Answers by day", the question "Leave out…" asks in the page (the focus on "Cancel", Esc cancels),
the panel the server answers put in its place, axe clean, no script error.

The colleagues' rows are put on the rehearsal's day by updating ``Answer.day`` and ``Comment.day``
after their submits (the summary counts no day; nothing else of the platform sees a clock moved).
"""

import datetime

import pytest

from emm_xblocks.models import Answer, Comment
from emm_xblocks.workbench.services import user_opt_attrs
from tests.browser.conftest import DESKTOP, assert_axe_clean, student_id

pytestmark = pytest.mark.browser

BLOCK = ".emm-likert"
EVALUATION = ('<emm_likert display_name="Day 1 evaluation" comment="true" min_group_size="3">'
              '<item id="useful">The session was useful.</item><item id="clear">The session was clear.</item>'
              "</emm_likert>")
REHEARSAL = datetime.date(2026, 12, 3)


def seed(workbench, page, scenario, n, answers, comment):
    learners = [student_id("seed") for _ in range(n)]
    for learner in learners:
        r = workbench.submit(page, scenario, learner, answers, comment)
        assert r.status == 200, r.text()
    return learners


def open_results(page, url):
    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    page.get_by_role("button", name="Show results").click()
    page.locator(f"{BLOCK} [data-by-day]").wait_for()


def focused(page):
    return page.evaluate("[document.activeElement.tagName, document.activeElement.textContent.trim()]")


def test_staff_leave_out_a_rehearsal_s_answers(workbench, new_page):
    scenario = workbench.add_scenario(EVALUATION)
    page = new_page(DESKTOP)
    url = workbench.scenario_url(scenario, "staff_1")
    page.goto(url)  # sets the csrftoken cookie
    colleagues = seed(workbench, page, scenario, 4, {"useful": 1, "clear": 1}, "rehearsal")
    keys = [user_opt_attrs(c)["edx-platform.anonymous_user_id"] for c in colleagues]
    for model in (Answer, Comment):
        model.objects.filter(user_key__in=keys).update(day=REHEARSAL)
    seed(workbench, page, scenario, 3, {"useful": 5, "clear": 4}, "training")

    open_results(page, url)
    panel = page.locator(f"{BLOCK} [data-results]")
    assert panel.locator(".emm-respondents").text_content() == "7 respondents"
    rehearsal = panel.locator('[data-day="2026-12-03"]')
    assert rehearsal.locator("span").first.text_content() == "December 3, 2026: 4 answers"
    assert panel.locator("[data-day]").count() == 2
    confirm = rehearsal.locator("[data-confirm]")
    assert confirm.is_hidden()
    assert_axe_clean(page, BLOCK)

    # asked in the page: the question beside the day, the focus on "Cancel"; Esc cancels
    rehearsal.get_by_role("button", name="Leave out…").click()
    assert confirm.is_visible()
    assert confirm.locator("p").text_content() == (
        "Leave out the 4 answers of December 3, 2026? They are deleted: no figure of this evaluation nor the "
        "course report counts them any more. This cannot be undone.")
    assert focused(page) == ["BUTTON", "Cancel"]
    assert_axe_clean(page, BLOCK)
    page.keyboard.press("Escape")
    assert confirm.is_hidden()
    assert focused(page) == ["BUTTON", "Leave out…"]
    assert Answer.objects.filter(day=REHEARSAL).count() == 4 * 2  # nothing sent

    # "Cancel" too, then "Yes"
    page.keyboard.press("Enter")
    assert confirm.is_visible() and focused(page) == ["BUTTON", "Cancel"]
    page.keyboard.press("Enter")
    assert confirm.is_hidden() and focused(page) == ["BUTTON", "Leave out…"]
    rehearsal.get_by_role("button", name="Leave out…").click()
    confirm.get_by_role("button", name="Yes, leave them out").click()
    said = panel.locator("[data-left-out]")
    said.wait_for()
    assert said.text_content() == "The 4 answers of December 3, 2026 were left out."
    assert focused(page) == ["P", "The 4 answers of December 3, 2026 were left out."]
    assert panel.locator(".emm-respondents").text_content() == "3 respondents"
    assert panel.locator('[data-day="2026-12-03"]').count() == 0 and panel.locator("[data-day]").count() == 1
    assert sorted(panel.locator(".emm-comments li").all_text_contents()) == ["training"] * 3
    assert not Answer.objects.filter(day=REHEARSAL).exists() and not Comment.objects.filter(day=REHEARSAL).exists()
    assert_axe_clean(page, BLOCK)
    assert page.js_errors == []


def test_learners_see_no_answers_by_day(workbench, new_page):
    scenario = workbench.add_scenario(EVALUATION.replace('min_group_size="3"', 'min_group_size="3" results="learners"'))
    page = new_page(DESKTOP)
    learner = student_id()
    url = workbench.scenario_url(scenario, learner)
    page.goto(url)
    seed(workbench, page, scenario, 3, {"useful": 5, "clear": 4}, "")
    workbench.submit(page, scenario, learner, {"useful": 4, "clear": 4})
    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    page.get_by_role("button", name="Show results").click()
    page.locator(f"{BLOCK} [data-results] .emm-respondents").wait_for()
    assert page.locator(f"{BLOCK} [data-by-day]").count() == 0
    assert page.get_by_role("button", name="Leave out…").count() == 0
    assert page.js_errors == []
