"""How others answered, by participant profile (issue 12 §1), in headless Chromium: a learner answers
the case study's optional profile question with the keyboard only, submits, and reads the split in
"How other participants answered" -- a table per question whose small groups say they are withheld
-- reachable with the keyboard (a scrollable region takes the focus), and axe finds nothing wrong;
an author edits the question in the Studio editor's "Participant profile" group."""

import json
import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_axe_clean, axe_violations, landmark_names, student_id
from tests.browser.test_case_study_browser import BLOCK, open_block

pytestmark = pytest.mark.browser

XML = """
<emm_case_study display_name="Case meeting" max_attempts="2" show_distribution="true" min_group_size="3">
  <narrative><![CDATA[<p>A 16-year-old arrives at Assamaka alone.</p>]]></narrative>
  <question id="step" type="single" points="1">
    <prompt><![CDATA[<p>What is the first step?</p>]]></prompt>
    <option id="refer" correct="true">Refer her to child protection</option>
    <option id="return">Return her to the border</option>
  </question>
  <profile prompt="You work for">
    <option id="gov">Government</option>
    <option id="cso">Civil society</option>
    <option id="io">International organisation</option>
  </profile>
</emm_case_study>
"""


def post(workbench, page, scenario, step, profile):
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    r = page.request.post(workbench.handler_url(scenario, "submit", student_id("seed")),
                          data=json.dumps({"answers": {"step": step}, "profile": profile}),
                          headers={"Content-Type": "application/json", "X-CSRFToken": token})
    assert r.status == 200, r.text()


def test_a_learner_answers_the_profile_and_reads_how_others_answered_by_profile(workbench, new_page):
    scenario = workbench.add_scenario(XML)
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    for _ in range(3):
        post(workbench, page, scenario, "refer", "gov")
    for _ in range(2):
        post(workbench, page, scenario, "return", "cso")
    post(workbench, page, scenario, "return", "io")  # cso (2) and io (1) are below 3

    # the keyboard only: Tab to the question's first option, Space picks it; Tab to the profile
    # group, arrows move within it; Enter on Submit
    page.locator(f"{BLOCK} [data-question=step] input").first.focus()
    page.keyboard.press("Space")
    group = page.get_by_role("group", name="You work for")
    group.get_by_role("radio", name="Government").focus()
    page.keyboard.press("ArrowDown")  # radios: the arrow moves and checks
    assert group.get_by_role("radio", name="Civil society").is_checked()
    page.keyboard.press("ArrowUp")
    assert group.get_by_role("radio", name="Government").is_checked()
    page.locator(f"{BLOCK} [data-submit]").focus()
    page.keyboard.press("Enter")

    region = page.get_by_role("region", name="Question 1 by profile: You work for")
    region.wait_for()
    table = region.get_by_role("table")
    heads = [" ".join(t.split()) for t in table.locator("thead th").all_inner_texts()]
    assert heads == ["You work for", "Refer her to child protection", "Return her to the border"]
    rows = {" ".join(r.split("\t")[0].split()): " ".join(r.split())
            for r in table.locator("tbody tr").all_inner_texts()}
    assert rows["Government 4 participants"].endswith("100% 0%")  # 3 seeded and this learner
    # cso (2) and io (1) together are 3: below-the-minimum groups withheld, nobody else needs to go
    assert rows["Civil society"].endswith("withheld: too few answers")
    assert rows["International organisation"].endswith("withheld: too few answers")
    # the table's box is a tab stop while the table is wider than it, so that a keyboard scrolls it,
    # and no stop once it fits (accessibility trial s35: a stop per table, seven in a feedback panel)
    wide = {"width": 300, "height": 800}
    for size, scrolls in ((wide, True), (DESKTOP, False)):
        page.set_viewport_size(size)
        page.wait_for_function("""([wrap, scrolls]) => (wrap.scrollWidth > wrap.clientWidth) === scrolls
            && wrap.hasAttribute('tabindex') === scrolls""", arg=[region.element_handle(), scrolls])
        if scrolls:
            region.focus()
            assert page.evaluate("document.activeElement.getAttribute('data-dist-profiles')") == "step"
            assert_axe_clean(page, BLOCK)  # axe's scrollable-region-focusable too
            # widened under the focus, the box keeps its stop (and the focus) until left
            page.set_viewport_size(DESKTOP)
            page.wait_for_function("wrap => wrap.scrollWidth <= wrap.clientWidth", arg=region.element_handle())
            page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")  # observed
            assert page.evaluate("document.activeElement.getAttribute('data-dist-profiles')") == "step"
            assert region.get_attribute("tabindex") == "0"
            page.keyboard.press("Shift+Tab")
        else:
            assert_axe_clean(page, BLOCK)
    assert page.js_errors == []


def test_two_case_studies_on_one_page_name_their_landmarks_apart(workbench, new_page):
    """The LMS shows a unit's blocks on one page. With two case studies there, a screen reader's
    list of landmarks (NVDA's D, VoiceOver's rotor) offered two "Your results", and two
    "Question 1 by profile: You work for" once both were submitted, with nothing to tell which
    case each belongs to. Each is named after its case first (bug hunt s44)."""
    first = XML.replace('min_group_size="3"', 'min_group_size="1"')
    second = first.replace('display_name="Case meeting"', 'display_name="Case meeting, day 2"')
    scenario = workbench.add_scenario(first + second)
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    for i in range(2):
        case = page.locator(BLOCK).nth(i)
        case.get_by_role("radio", name="Refer her to child protection").check()
        case.get_by_role("group", name="You work for").get_by_role("radio", name="Government").check()
        case.locator("[data-submit]").click()
        case.locator("[data-dist-profiles]").wait_for()
    landmarks = landmark_names(page)
    for name in ("Case meeting Your results", "Case meeting, day 2 Your results",
                 "Case meeting Question 1 by profile: You work for",
                 "Case meeting, day 2 Question 1 by profile: You work for"):
        assert name in landmarks, landmarks
    assert len(landmarks) == len(set(landmarks)), f"landmarks named alike: {landmarks}"
    assert page.js_errors == []


def test_an_author_adds_a_profile_answer_in_the_editor_and_saves_it(workbench, new_page):
    from tests.browser.test_case_study_browser import EDITOR, block_state

    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    answers = page.locator(f"{EDITOR} [data-list=profile_options] > [data-row]")
    answers.first.wait_for()
    assert page.get_by_label("Profile question (e.g. “You work for”)").input_value() == "You work for"
    assert [answers.nth(i).get_by_label("Option text").input_value() for i in range(answers.count())] == [
        "Government", "Civil society", "International organisation"]
    page.get_by_role("button", name="Add a profile option").click()
    assert answers.count() == 4 and answers.nth(3).locator("legend").first.text_content() == "Profile option 4"
    answers.nth(3).get_by_label("Option text").fill("Other")
    results = axe_violations(page, EDITOR)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Save").click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text=re.compile(r"^Saved(\.|, with)")).wait_for()
    case = block_state(workbench, scenario, "staff_1").load_content()
    assert [(o.id, o.text) for o in case.profile_options][-1] == ("p1", "Other")
    assert case.profile_prompt == "You work for" and len(case.profile_options) == 4
    assert page.js_errors == []


def test_a_draft_saved_on_the_server_comes_back_with_its_profile_in_another_browser(workbench, new_page):
    """Trial s10 finding 9: "Save draft" on one phone, the draft opened in another browser: the
    answers and the profile are checked again (nothing of it is on the second browser's device).
    On the phone itself the device keeps the profile too, and a draft saved while offline takes
    it along when the link is back."""
    from tests.browser.test_case_study_browser import block_state

    scenario = workbench.add_scenario(XML)
    learner = student_id()
    phone = new_page(PHONE)
    url = workbench.scenario_url(scenario, learner)
    open_block(phone, url)
    phone.get_by_role("radio", name="Refer her to child protection").check()
    phone.get_by_role("group", name="You work for").get_by_role("radio", name="Civil society").check()
    open_block(phone, url)  # a reload: both come back from the device
    assert phone.get_by_role("radio", name="Civil society").is_checked()
    assert phone.get_by_role("radio", name="Refer her to child protection").is_checked()

    phone.context.set_offline(True)
    phone.wait_for_function("() => navigator.onLine === false")
    phone.get_by_role("button", name="Save draft").click()
    phone.locator(f"{BLOCK} [data-draft-status]").filter(
        has_text="your draft will be saved on the course when the connection is back").wait_for()
    assert phone.locator(f"{BLOCK} [data-alert]").is_hidden()  # that line says it: no "try again"
    kept = phone.evaluate("JSON.parse(localStorage.getItem(Object.keys(localStorage).find("
                          "(k) => k.startsWith('emm-draft-'))))")
    assert kept["queued"]["handler"] == "save_draft" and kept["data"]["profile"] == "cso"
    phone.context.set_offline(False)  # the page sends the kept draft by itself
    phone.locator(f"{BLOCK} [data-status]").filter(has_text="Draft saved.").wait_for()
    state = block_state(workbench, scenario, learner)
    assert state.draft == {"step": "refer"} and state.learner_profile == "cso"

    other = new_page(DESKTOP)  # another browser: its own storage
    open_block(other, workbench.scenario_url(scenario, learner))
    assert other.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('emm-draft-'))") == []
    group = other.get_by_role("group", name="You work for")
    assert group.get_by_role("radio", name="Civil society").is_checked()
    assert [group.get_by_role("radio", name=n).is_checked() for n in ("Government", "International organisation")] == [
        False, False]
    assert other.get_by_role("radio", name="Refer her to child protection").is_checked()
    assert phone.js_errors == [] and other.js_errors == []
