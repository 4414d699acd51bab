"""The shared JavaScript (static/js/emm-common.js) in headless Chromium: what Node's unit tests
(tests/js) cannot show, because it takes a real browser -- HTML parsing that runs nothing, and a
learner action that is slow, then fails, then goes through.
"""

import pytest

from tests.browser.conftest import DEMO_EN, DESKTOP, student_id

pytestmark = pytest.mark.browser

BLOCK = ".emm-likert"
STATEMENTS = ["relevance", "job_needs", "objectives", "pace", "facilitators", "exchange",
              "child_trafficking", "recommend"]  # the demo evaluation (scenarios/emm_likert-1-en.xml)

# what a broken sanitiser could let through: each piece would record itself if it ran
HOSTILE = ('<p id="ok">Step <b>2</b></p><script>window.ran.push("script")</script>'
           '<img src="/no-such-image.png" alt="" onerror="window.ran.push(\'onerror\')">')

PUT_IN = """([how, html]) => {
    window.ran = window.ran || [];
    const box = document.createElement('div');
    box.className = 'test-' + how;
    document.body.appendChild(box);
    if (how === 'inert') { EMM.setServerHtml(box, html); }
    else { box.replaceChildren(document.createRange().createContextualFragment(html)); }
}"""


def open_block(page, url):
    page.goto(url)
    page.wait_for_selector(f"{BLOCK} [data-status]", state="attached")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def test_server_html_is_put_in_without_running_anything(workbench, new_page):
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(DEMO_EN, student_id()))

    # the control: the way the case study used to insert HTML runs both the script and the handler
    page.evaluate(PUT_IN, ["live", HOSTILE])
    page.wait_for_function("() => document.querySelector('.test-live img').complete")
    assert sorted(page.evaluate("() => window.ran")) == ["onerror", "script"]

    page.evaluate("() => { window.ran = []; }")
    page.evaluate(PUT_IN, ["inert", HOSTILE])
    # a broken image is "complete" once its error event has been fired
    page.wait_for_function("() => document.querySelector('.test-inert img').complete")
    assert page.evaluate("() => window.ran") == []
    assert page.locator(".test-inert #ok").text_content() == "Step 2"
    assert page.locator(".test-inert b").count() == 1
    assert page.locator(".test-inert script").count() == 0
    assert page.locator(".test-inert img").get_attribute("onerror") is None
    assert page.js_errors == []


def test_a_slow_submit_shows_sending_a_failed_one_says_why_and_the_next_goes_through(workbench, new_page):
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(DEMO_EN, student_id()))
    held = []
    page.route("**/submit/**", lambda route: held.append(route))  # answered below, when the test says
    for sid in STATEMENTS:
        page.locator(f'{BLOCK} [data-statement="{sid}"] .emm-option').nth(3).click()

    submit = page.locator(f"{BLOCK} [data-submit]")
    submit.click()
    sign = page.locator(f"{BLOCK} .emm-sending")
    sign.filter(has_text="Sending…").wait_for()  # shown once the answer is slow
    assert sign.get_attribute("role") == "status"
    assert submit.is_disabled()
    assert submit.get_attribute("aria-busy") == "true"
    assert len(held) == 1

    held[0].abort("internetdisconnected")
    alert = page.locator(f"{BLOCK} [data-alert]")
    alert.filter(has_text="No connection: your answers are still on this page.").wait_for()
    assert alert.is_visible()
    assert submit.is_enabled()
    assert submit.get_attribute("aria-busy") is None
    assert sign.count() == 0
    assert page.locator(f"{BLOCK} input[type=radio]:checked").count() == len(STATEMENTS)

    page.unroute("**/submit/**")
    submit.click()
    page.locator(f"{BLOCK} [data-status]").filter(has_text="Thank you: your answers were saved.").wait_for()
    assert alert.is_hidden()
    assert sign.count() == 0
    assert page.js_errors == []


# ------------------------------------------------------------------ the editor engine (emm-editor.js)
LIKERT_XML = ('<emm_likert display_name="Pilot evaluation"><item id="a">First statement.</item>'
              '<item id="b">Second statement.</item><item id="c">Third statement.</item></emm_likert>')


def focused(page):
    return page.evaluate("""() => {
        const el = document.activeElement, row = el.closest('[data-row]');
        return {key: el.getAttribute('data-key'), add: el.hasAttribute('data-add'),
                row: row ? Array.prototype.indexOf.call(row.parentNode.children, row) : null};
    }""")


def test_likert_editor_removes_rows_says_so_keeps_the_focus_and_saves(workbench, new_page):
    from workbench.runtime import WorkbenchRuntime

    scenario = workbench.add_scenario(LIKERT_XML)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    editor = ".emm-likert-editor"
    rows = page.locator(f"{editor} [data-list=statements] > [data-row]")
    rows.first.wait_for()
    rows.nth(0).get_by_role("button", name="Remove").click()
    assert rows.count() == 2
    assert focused(page) == {"key": "text", "add": False, "row": 0}  # the row that took its place
    assert rows.nth(0).locator("[data-key=text]").input_value() == "Second statement."
    page.locator(f"{editor} [data-status]").filter(has_text="Statement 1 removed.").wait_for()
    rows.nth(1).get_by_role("button", name="Remove").click()
    assert focused(page) == {"key": "text", "add": False, "row": 0}  # the last gone: the one before it
    rows.nth(0).get_by_role("button", name="Remove").click()
    assert rows.count() == 0
    assert focused(page)["add"]  # none left: the add button

    page.get_by_role("button", name="Add a statement").click()
    page.keyboard.type("Only statement.")
    page.get_by_role("button", name="Save").click()
    page.locator(f"{editor} [data-status]").filter(has_text="Saved.").wait_for()
    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    assert [(s["id"], s["text"]) for s in block.content["statements"]] == [("s1", "Only statement.")]
    assert page.js_errors == []
