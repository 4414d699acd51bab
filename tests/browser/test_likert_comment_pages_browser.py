"""Staff read the comments of a Likert evaluation a page at a time (decision 98) in headless
Chromium: the results panel shows the first 20 and how many there are; "Show more comments" adds
the next ones as text (a comment that looks like HTML stays words), says how many it added, puts
the focus on the first one added (Tab goes on to the button), and goes away once all are shown;
axe clean, no script error.

The comments are stored with ``store.record`` (what a submit keeps), not submitted one by one."""

import pytest

from emm_xblocks.common import store
from tests.browser.conftest import DESKTOP, assert_axe_clean

pytestmark = pytest.mark.browser

BLOCK = ".emm-likert"
EVALUATION = ('<emm_likert display_name="Day 1 evaluation" comment="true" min_group_size="3" anonymous="true">'
              '<item id="useful">The session was useful.</item><item id="clear">The session was clear.</item>'
              "</emm_likert>")
MARKUP = "Comment 25 <img src=x onerror=window.pwned=1>"  # a learner's text that looks like HTML
TEXTS = [MARKUP if i == 25 else f"Comment {i:02}" for i in range(45)]


def focused(page):
    return page.evaluate("[document.activeElement.tagName, document.activeElement.textContent.trim()]")


def test_staff_show_more_comments(workbench, new_page):
    scenario = workbench.add_scenario(EVALUATION)
    key = str(workbench.usage_id(scenario))
    for text in TEXTS:
        store.record(key, {"useful": "5", "clear": "4"}, comment=text)
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(scenario, "staff_1"))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    page.get_by_role("button", name="Show results").click()
    section = page.locator(f"{BLOCK} [data-comments]")
    section.wait_for()
    items = section.locator("ul.emm-comments > li")
    count = section.locator("[data-comments-count]")
    assert items.all_text_contents() == TEXTS[:20]
    assert count.text_content() == "20 of 45 comments shown"
    assert_axe_clean(page, BLOCK)

    more = section.get_by_role("button", name="Show more comments")
    more.click()
    page.wait_for_function("n => document.querySelectorAll('.emm-likert ul.emm-comments > li').length === n", arg=40)
    assert items.all_text_contents() == TEXTS[:40]
    assert count.text_content() == "40 of 45 comments shown"
    # the learner's text is words, never markup: no image made, nothing run
    assert section.locator("ul.emm-comments img").count() == 0
    assert page.evaluate("() => window.pwned === undefined")
    assert items.nth(20).get_attribute("dir") == "auto"
    # said for a screen reader; the focus on the first comment added, Tab on to the button
    said = section.locator("[data-comments-said]")
    page.wait_for_function("el => el.textContent !== ''", arg=said.element_handle())
    assert said.text_content() == "20 comments added. 40 of 45 comments shown"
    assert said.get_attribute("role") == "status"
    assert focused(page) == ["LI", "Comment 20"]
    page.keyboard.press("Tab")
    assert focused(page) == ["BUTTON", "Show more comments"]
    assert_axe_clean(page, BLOCK)

    page.keyboard.press("Enter")  # the last 5: the button goes, the count says all
    page.wait_for_function("n => document.querySelectorAll('.emm-likert ul.emm-comments > li').length === n", arg=45)
    assert items.all_text_contents() == TEXTS
    assert count.text_content() == "45 comments"
    assert more.is_hidden()
    page.wait_for_function("el => el.textContent.startsWith('5 ')", arg=said.element_handle())
    assert said.text_content() == "5 comments added. 45 comments"
    assert focused(page) == ["LI", "Comment 40"]
    assert_axe_clean(page, BLOCK)
    assert page.js_errors == []


def test_a_learner_s_page_loads_no_comment_script(workbench, new_page):
    scenario = workbench.add_scenario(EVALUATION)
    page = new_page(DESKTOP)
    scripts = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(workbench.scenario_url(scenario, "learner_comments"))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    assert [url for url in scripts if "emm-likert.js" in url]  # the page's own script came
    assert not [url for url in scripts if "likert-comments" in url]
    assert page.js_errors == []
