"""Who answered (issue 11 §2) in headless Chromium: a learner answers the optional profile
question with the keyboard, staff read the figures by profile (withheld cells say so), and axe
finds nothing wrong in the panel."""

import json

import pytest

from tests.browser.conftest import DESKTOP, assert_axe_clean, student_id
from tests.browser.test_likert_browser import BLOCK, open_block

pytestmark = pytest.mark.browser

XML = ('<emm_likert display_name="Profiles" anonymous="true" min_group_size="5">'
       '<item id="useful">The session was useful.</item>'
       '<profile prompt="You work for"><option id="gov">Government</option>'
       '<option id="cso">Civil society</option><option id="io">International organisation</option></profile>'
       "</emm_likert>")


def post(workbench, page, scenario, profile, useful):
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    r = page.request.post(workbench.handler_url(scenario, "submit", student_id("seed")),
                          data=json.dumps({"answers": {"useful": useful}, "profile": profile}),
                          headers={"Content-Type": "application/json", "X-CSRFToken": token})
    assert r.status == 200, r.text()


def test_a_learner_answers_the_profile_and_staff_read_the_figures_by_profile(workbench, new_page):
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    learner = student_id("learner")
    open_block(page, workbench.scenario_url(scenario, learner))
    # the profile question comes first, as a group of radio buttons named by its prompt
    group = page.get_by_role("group", name="You work for")
    group.get_by_role("radio", name="Government").check()
    page.locator(f'{BLOCK} [data-statement="useful"] input[value="5"]').check()
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-status]").get_by_text("Thank you").wait_for()
    for _ in range(5):
        post(workbench, page, scenario, "gov", 5)
    for _ in range(5):
        post(workbench, page, scenario, "cso", 2)
    post(workbench, page, scenario, "io", 1)  # one person: withheld, and the smallest other group (cso) with it

    open_block(page, workbench.scenario_url(scenario, "staff_1"))
    page.get_by_role("button", name="Show results").click()
    section = page.locator(f"{BLOCK} [data-profiles]")
    section.wait_for()
    assert section.get_by_role("heading").inner_text() == "By profile: You work for"
    heads = section.locator("thead th").all_inner_texts()
    assert [" ".join(h.split()) for h in heads] == [
        "Statement", "Government 6 answered", "Civil society not shown",
        "International organisation withheld: too few answers", "Did not say withheld: too few answers"]
    # civil society (5) is not too few: it is withheld only because io's one answer could be worked out from it
    cells = section.locator('[data-profile-row="useful"] td').all_inner_texts()
    assert cells == ["100% favourable (100% top box)", "not shown"] + ["withheld: too few answers"] * 2
    assert section.get_by_role("link", name="Download the figures by profile (CSV)", exact=True).count() == 1
    assert_axe_clean(page, BLOCK)
    assert page.js_errors == []


def test_a_keyboard_that_walked_the_options_can_give_no_profile_back(workbench, new_page):
    """Keyboard and screen-reader trial s39: the arrow keys pick each option they pass, and nothing put
    the question back to none; a last option, "I prefer not to say", checked at first, does."""
    from emm_xblocks.models import Answer

    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(scenario, student_id("walker")))
    group = page.get_by_role("group", name="You work for (optional)")
    none = group.get_by_role("radio", name="I prefer not to say")
    assert none.is_checked() and group.get_by_role("radio").count() == 4
    none.focus()
    page.keyboard.press("ArrowDown")  # round to the first option: picked as it passes
    assert group.get_by_role("radio", name="Government").is_checked()
    page.keyboard.press("ArrowUp")  # and back
    assert none.is_checked() and page.evaluate("document.activeElement.value") == ""
    page.locator(f'{BLOCK} [data-statement="useful"] input[value="4"]').check()
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-status]").get_by_text("Thank you").wait_for()
    groups = set(Answer.objects.filter(block_key=workbench.usage_id(scenario)).values_list("group", flat=True))
    assert groups == {"useful"}  # no profile row
    assert page.js_errors == []
