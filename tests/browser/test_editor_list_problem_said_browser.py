"""A save refused for a problem of a whole list (a question's options: "mark exactly one option as
correct"), as a screen-reader author meets it in the case study's Studio editor.

Bug hunt a11y: the engine (``emm-editor.js`` ``focusFirstError``) puts the focus on the first control
beside the list's message (option 1's text, which is not wrong), but the message
(``p.emm-field-error[data-error-key=options]``, filled by ``EmmEditor.mark``) describes nothing:
neither that text box (its ``aria-describedby`` names only its own, empty, slot) nor the "Options"
group around it. The alert says only "not saved: fix the errors", so the author hears "Option text,
edit, Option 1, Options" and never what is wrong (WCAG 3.3.1; the learner's forms tie their
messages, ``EMM.mark`` in emm-common.js, accessibility trial s35)."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.new_blocks import CASE, new_block

pytestmark = pytest.mark.browser

PROBLEM = "Question 1 is single choice: mark exactly one option as correct"


def described_from_focus(page):
    """The accessible descriptions of the focused control and of every node around it, as Chromium
    gives them to a screen reader (its accessibility tree, through the DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    focused = cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})["result"]["objectId"]
    nodes = cdp.send("Accessibility.getPartialAXTree", {"objectId": focused, "fetchRelatives": True})["nodes"]
    return [n.get("description", {}).get("value", "") for n in nodes if not n.get("ignored")]


def test_a_refused_save_for_a_list_problem_says_the_problem_where_the_focus_lands(workbench, new_page):
    scenario, _ = new_block(workbench, "emm_case_study")
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=en")
    name = page.locator(f"{CASE} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    page.get_by_role("button", name="Add a question").click()
    question = page.locator(f"{CASE} [data-list=questions] > [data-row]").first
    question.locator("[data-key=prompt]").fill("What is this?")
    options = question.locator("[data-list=options] > [data-row]")
    options.nth(0).locator("[data-key=text]").fill("Smuggling")
    options.nth(1).locator("[data-key=text]").fill("Trafficking")
    question.locator("[data-key=explanation]").fill("Because.")  # no option marked correct: the one problem

    page.locator(f"{CASE} [data-save]").click()
    slot = question.locator("[data-error-key=options]")
    slot.filter(has_text=PROBLEM).wait_for()
    assert page.evaluate("() => !!document.activeElement.closest('[data-list=options]')"), \
        "the focus is not in the options the problem is about"
    said = described_from_focus(page)
    assert any(PROBLEM in text for text in said), (
        f"where the focus landed, nothing says {PROBLEM!r}: descriptions {said}")
    assert page.js_errors == []
