"""Bug hunt s43: "Save anyway" confirms the form as it was when it was offered (emm-editor.js: "an edit
after 'Save anyway' was offered: that confirmation was for the form as it was"). Removing, adding
or moving a row is such an edit, as typing is: the offer must go."""

import uuid

import pytest

from tests.browser.conftest import DESKTOP, student_id

pytestmark = pytest.mark.browser


def test_removing_another_row_withdraws_save_anyway(workbench, new_page):
    xml = (f'<emm_knowledge_check display_name="Pre" phase="pre" pair="h5-{uuid.uuid4().hex[:8]}">'
           + "".join(f'<question id="q{i}" type="single"><prompt><![CDATA[<p>Question {i}?</p>]]></prompt>'
                     f'<option id="a" correct="true">Alpha</option><option id="b">Beta</option></question>'
                     for i in (1, 2, 3)) + "</emm_knowledge_check>")
    scenario = workbench.add_scenario(xml)
    page = new_page(DESKTOP)
    learner = student_id()
    page.goto(workbench.scenario_url(scenario, learner))
    assert workbench.submit(page, scenario, learner, {"q1": "a", "q2": "b", "q3": "a"}).ok

    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    editor = page.locator(".emm-kc-editor")
    editor.locator("[data-row=questions]").nth(2).wait_for()
    page.get_by_role("button", name="Remove Question 2").click()
    page.get_by_role("button", name="Save", exact=True).click()
    editor.locator("[data-save-alert]").filter(has_text="Save anyway").wait_for()
    assert editor.locator("[data-confirm]").is_visible()

    # the author goes on editing: removes one more question the learners answered
    page.get_by_role("button", name="Remove Question 2").click()  # was Question 3
    page.wait_for_timeout(800)  # the live check has answered
    # what was confirmable was "remove q2"; the form now also removes q3: the offer is withdrawn,
    # as it is after typing in any field
    assert not editor.locator("[data-confirm]").is_visible(), \
        "'Save anyway' still offered for a form the author changed since it was offered"
    assert page.js_errors == []
