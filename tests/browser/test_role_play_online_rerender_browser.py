"""Bug hunt s43: with nothing waiting, the browser's ``online`` event (a phone's link coming back,
as it does often on a slow network) makes the role-play re-read its state and draw the whole panel
again (``emm-role-play.js``: ``EMM.whenOnline`` -> ``refresh`` -> ``show``), even though nothing
changed. What the learner had done on the page and not yet sent is lost, and the focus jumps:

* on the choice of a role, a participant profile picked (not sent until a role is tapped) goes back
  to "I prefer not to say": the learner then taps a role and is counted under no profile;
* at the ending, a learner reading the debrief is taken back to its top and hears the score again.
"""

import pytest

from tests.browser.conftest import PHONE, student_id
from tests.browser.test_role_play_browser import BLOCK, open_block
from tests.browser.test_role_play_profile_browser import XML as PROFILE_XML

pytestmark = pytest.mark.browser

# the profile split's scenario, its good ending with a debrief to read
XML = PROFILE_XML.replace("<p>She is safe.</p>]]></narrative></node>",
                          "<p>She is safe.</p>]]></narrative><debrief><![CDATA[<p>Good practice.</p>]]></debrief>"
                          "</node>")


def link_flaps(page):
    """The phone loses its link a moment and gets it back (``offline`` then ``online``), nothing sent meanwhile."""
    page.context.set_offline(True)
    page.wait_for_function("() => navigator.onLine === false")
    page.context.set_offline(False)
    page.wait_for_function("() => navigator.onLine === true")
    page.wait_for_timeout(1000)  # the state read that follows ``online`` has come back


def test_a_profile_picked_before_the_link_comes_back_is_kept_and_sent_with_the_role(workbench, new_page):
    scenario = workbench.add_scenario(XML)
    student = student_id()
    page = new_page(PHONE, touch=True)
    open_block(page, workbench.scenario_url(scenario, student))
    page.get_by_role("radio", name="Civil society").check()
    link_flaps(page)
    assert page.get_by_role("radio", name="Civil society").is_checked(), \
        "the profile picked was reset by the state read at `online`"
    page.locator(f"{BLOCK} [data-role=officer]").tap()
    page.locator(f"{BLOCK} [data-choice]").first.wait_for()
    from workbench.runtime import WorkbenchRuntime

    block = WorkbenchRuntime(student).get_block(workbench.usage_id(scenario))
    assert block.learner_state().learner_profile == "cso"
    assert page.js_errors == []


def test_the_link_coming_back_does_not_move_a_reader_of_the_debrief(workbench, new_page):
    scenario = workbench.add_scenario(XML)
    page = new_page(PHONE, touch=True)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    page.locator(f"{BLOCK} [data-role=officer]").tap()
    page.locator(f"{BLOCK} [data-choice]").first.tap()
    page.locator(f"{BLOCK} .emm-rp-ending").wait_for()
    page.wait_for_timeout(300)
    # the learner goes on reading: the focus on the "Start again" button below the debrief
    page.locator(f"{BLOCK} [data-restart]").focus()
    page.locator(f"{BLOCK} [data-status]").evaluate("s => { s.textContent = ''; }")
    link_flaps(page)
    assert page.evaluate("() => document.activeElement.hasAttribute('data-restart')"), \
        page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
    assert page.locator(f"{BLOCK} [data-status]").text_content() == ""  # nothing new to say
    assert page.js_errors == []
