"""Staff leave out a rehearsal's answers under a case study (decision 73, ``common.answers_by_day``)
in headless Chromium: the "Answers by day" button under the block asks for its section, "Leave
out…" asks in the page (the focus on "Cancel", Esc cancels), the section the server answers says
what was left out; axe clean, no script error; a learner's page has neither the button nor its
script. The rows are put on the rehearsal's day as ``test_likert_leave_out_browser.py`` does."""

import pytest

from emm_xblocks.models import Answer
from emm_xblocks.workbench.services import user_opt_attrs
from tests.browser.conftest import DESKTOP, PHONE, assert_axe_clean, student_id
from tests.browser.test_likert_leave_out_browser import REHEARSAL, focused

pytestmark = pytest.mark.browser

CASE = ('<emm_case_study display_name="Assamaka" show_distribution="true" min_group_size="3">'
        "<narrative><![CDATA[<p>A 16-year-old at Assamaka.</p>]]></narrative>"
        '<question id="q1" type="single" points="1"><prompt><![CDATA[<p>First step?</p>]]></prompt>'
        '<option id="refer" correct="true">Refer her to child protection</option>'
        '<option id="leave">Leave her at the border</option></question></emm_case_study>')
LAUNCH = ".emm-by-day-launch"


def seed(workbench, page, scenario, n, answers):
    learners = [student_id("seed") for _ in range(n)]
    for learner in learners:
        r = workbench.submit(page, scenario, learner, answers)
        assert r.status == 200, r.text()
    return learners


def test_staff_leave_out_a_rehearsal_under_a_case_study(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    url = workbench.scenario_url(scenario, "staff_1")
    page.goto(url)  # sets the csrftoken cookie
    colleagues = seed(workbench, page, scenario, 4, {"q1": "leave"})
    keys = [user_opt_attrs(c)["edx-platform.anonymous_user_id"] for c in colleagues]
    Answer.objects.filter(user_key__in=keys).update(day=REHEARSAL)
    seed(workbench, page, scenario, 3, {"q1": "refer"})

    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    opener = page.locator(LAUNCH).get_by_role("button", name="Answers by day")
    assert opener.get_attribute("aria-expanded") == "false"
    opener.click()
    section = page.locator(f"{LAUNCH} [data-by-day]")
    section.wait_for()
    assert opener.get_attribute("aria-expanded") == "true" and focused(page) == ["H4", "Answers by day"]
    rehearsal = section.locator('[data-day="2026-12-03"]')
    assert rehearsal.locator("span").first.text_content() == "December 3, 2026: 4 answers"
    assert section.locator("[data-day]").count() == 2
    assert_axe_clean(page, LAUNCH)

    rehearsal.get_by_role("button", name="Leave out…").click()
    confirm = rehearsal.locator("[data-confirm]")
    assert confirm.locator("p").text_content() == (
        "Leave out the 4 answers of December 3, 2026? They are deleted: “How other participants answered” and "
        "its download count them no more. This cannot be undone.")
    assert focused(page) == ["BUTTON", "Cancel"]
    page.keyboard.press("Escape")
    assert confirm.is_hidden() and focused(page) == ["BUTTON", "Leave out…"]
    assert Answer.objects.filter(day=REHEARSAL).count() == 4  # nothing sent

    rehearsal.get_by_role("button", name="Leave out…").click()
    confirm.get_by_role("button", name="Yes, leave them out").click()
    said = page.locator(f"{LAUNCH} [data-left-out]")
    said.wait_for()
    assert said.text_content() == "The 4 answers of December 3, 2026 were left out."
    assert focused(page) == ["P", "The 4 answers of December 3, 2026 were left out."]
    assert page.locator(f"{LAUNCH} [data-day]").count() == 1
    assert not Answer.objects.filter(day=REHEARSAL).exists()
    assert_axe_clean(page, LAUNCH)

    opener.click()  # pressed again, the section closes
    assert section.is_hidden() and opener.get_attribute("aria-expanded") == "false"
    seed(workbench, page, scenario, 1, {"q1": "refer"})
    opener.click()  # and a third time it shows the figures as they are now
    page.wait_for_function("() => document.querySelector('.emm-by-day-launch [data-day] span')"
                           ".textContent.endsWith(': 4 answers')")
    assert section.is_visible() and opener.get_attribute("aria-expanded") == "true"
    assert page.locator(f"{LAUNCH} [data-left-out]").count() == 0  # what was left out was said once
    assert page.js_errors == []


def test_a_learner_s_page_has_no_answers_by_day(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(PHONE)
    page.goto(workbench.scenario_url(scenario, student_id()))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    assert page.locator(LAUNCH).count() == 0
    assert page.evaluate("[...document.scripts].some(s => s.src.includes('emm-by-day'))") is False
    assert page.js_errors == []


def test_offline_staff_read_why_the_answers_by_day_did_not_open(workbench, new_page):
    """Accessibility trial s35: offline, "Answers by day" said "No connection: your answers are still
    on this page", a learner's words, to staff who had typed nothing. It now says what did not
    happen; back online, the same button opens the section."""
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    url = workbench.scenario_url(scenario, "staff_1")
    page.goto(url)
    seed(workbench, page, scenario, 3, {"q1": "refer"})
    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    opener = page.locator(LAUNCH).get_by_role("button", name="Answers by day")
    page.context.set_offline(True)
    opener.click()
    alert = page.locator(f"{LAUNCH} [data-alert]")
    alert.filter(has_text="No connection").wait_for()
    assert alert.text_content() == ("No connection: the answers by day could not be shown. "
                                    "Check your connection and try again.")
    assert opener.get_attribute("aria-expanded") == "false" and opener.is_enabled()
    page.context.set_offline(False)
    opener.click()
    page.locator(f"{LAUNCH} [data-by-day]").wait_for()
    assert alert.is_hidden() and opener.get_attribute("aria-expanded") == "true"
    assert page.js_errors == []
