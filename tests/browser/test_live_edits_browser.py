"""Issue 10, "live content is safe to edit", in Chromium: once learners have answered, a save that
changes the scale is held back with the reason next to the Save button, and "Save anyway" saves it."""

import re

import pytest

from tests.browser.conftest import DESKTOP, student_id

pytestmark = pytest.mark.browser
SAVED = re.compile(r"^Saved(\.|, with \d+ warnings?: see)")  # with the warnings it left beside their fields

EDITOR = ".emm-likert-editor"
SCALE_CHANGED = "The answer scale of this evaluation has changed"  # the page's alert (likert/learner.py)
DRAFTS = ("() => Object.keys(localStorage).filter(k => k.startsWith('emm-draft-'))"
          ".map(k => JSON.parse(localStorage.getItem(k)))")  # what the pages keep on the device
XML = ('<emm_likert display_name="Live evaluation" min_group_size="1">'
       '<item id="a">First statement.</item><item id="b">Second statement.</item></emm_likert>')


def test_a_scale_change_after_answers_waits_for_save_anyway(workbench, new_page):
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    learner = student_id()
    page.goto(workbench.scenario_url(scenario, learner))
    assert workbench.submit(page, scenario, learner, {"a": 3, "b": 4}).ok

    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{EDITOR} [data-list=statements] > [data-row]")
    page.get_by_label("Scale").select_option("agree4")
    warning = page.locator(f"{EDITOR} [data-error=scale]")
    warning.filter(has_text="Learners answered on the scale").wait_for()  # the live check warns at the field
    save = page.get_by_role("button", name="Save", exact=True)
    save.click()

    alert = page.locator(f"{EDITOR} [data-save-alert]")
    alert.filter(has_text="Save anyway").wait_for()
    anyway = page.get_by_role("button", name="Save anyway")
    assert anyway.is_visible()
    box, button = alert.bounding_box(), save.bounding_box()
    assert 0 <= button["y"] - (box["y"] + box["height"]) < 120  # beside the button the author pressed
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-save-alert]')")

    from workbench.runtime import WorkbenchRuntime

    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    assert block.scale == "agree5"  # held back
    anyway.click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text=SAVED).wait_for()
    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    assert block.scale == "agree4" and block.content["scale_epoch"] == 1
    assert block.content["past_scales"] == [{"epoch": 0, "scale": "agree5", "custom_labels": []}]
    assert not anyway.is_visible()
    assert page.js_errors == []


def test_an_edit_after_the_warning_takes_save_anyway_back(workbench, new_page):
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    learner = student_id()
    page.goto(workbench.scenario_url(scenario, learner))
    assert workbench.submit(page, scenario, learner, {"a": 3, "b": 4}).ok
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{EDITOR} [data-list=statements] > [data-row]")
    page.locator(f"{EDITOR} [data-list=statements] [data-key=id]").nth(1).fill("b2")
    page.get_by_role("button", name="Save", exact=True).click()
    anyway = page.get_by_role("button", name="Save anyway")
    anyway.wait_for()
    page.locator(f"{EDITOR} [data-list=statements] [data-key=id]").nth(1).fill("b")  # the author changes their mind
    assert not anyway.is_visible()


def test_staff_see_answers_on_the_old_scale_apart_and_labelled(workbench, new_page):
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    first = student_id()
    page.goto(workbench.scenario_url(scenario, first))
    assert workbench.submit(page, scenario, first, {"a": 3, "b": 5}).ok
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{EDITOR} [data-list=statements] > [data-row]")
    page.get_by_label("Scale").select_option("agree4")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Save anyway").click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text=SAVED).wait_for()
    second = student_id()
    page.goto(workbench.scenario_url(scenario, second))
    assert workbench.submit(page, scenario, second, {"a": 3, "b": 4}).ok

    page.goto(workbench.scenario_url(scenario, "staff_1"))
    page.get_by_role("button", name="Show results").click()
    apart = page.locator(".emm-likert [data-results] [data-apart]")
    apart.wait_for()
    assert apart.locator("h5").text_content() == "Answers given on an earlier scale (Agreement, 5 points)"
    headers = apart.locator("thead th").all_text_contents()
    assert "Neither agree nor disagree" in headers
    cells = apart.locator("tbody tr").first.locator("th, td").all_text_contents()
    assert cells[0] == "First statement." and cells[1] == "1" and cells[2 + 2] == "1"  # 3 = Neither
    main = page.locator(".emm-likert [data-results] > .emm-table-wrap thead th").all_text_contents()
    assert "Neither agree nor disagree" not in main and "Agree" in main
    assert page.js_errors == []


def test_ticking_reverse_coded_after_answers_warns_at_that_checkbox_and_waits(workbench, new_page):
    """Trial s12 B4: the warning is at the statement's checkbox, and the save waits for Save anyway."""
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    learner = student_id()
    page.goto(workbench.scenario_url(scenario, learner))
    assert workbench.submit(page, scenario, learner, {"a": 3, "b": 4}).ok
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{EDITOR} [data-list=statements] > [data-row]")
    second = page.locator(f"{EDITOR} [data-list=statements] > [data-row]").nth(1)
    second.locator("[data-key=reverse]").check()
    warning = second.locator("[data-error-key=reverse]")
    warning.filter(has_text="other way round").wait_for()  # the live check, at that statement
    first = page.locator(f"{EDITOR} [data-list=statements] > [data-row]").nth(0)
    assert first.locator("[data-error-key=reverse]").text_content() == ""
    checkbox = second.locator("[data-key=reverse]")
    assert warning.get_attribute("id") in checkbox.get_attribute("aria-describedby")
    page.get_by_role("button", name="Save", exact=True).click()
    anyway = page.get_by_role("button", name="Save anyway")
    anyway.wait_for()
    from workbench.runtime import WorkbenchRuntime

    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    assert block.content["statements"][1]["reverse"] is False  # held back
    anyway.click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text=SAVED).wait_for()
    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    assert block.content["statements"][1]["reverse"] is True
    assert page.js_errors == []


def test_a_removed_statement_shows_by_its_words_under_one_heading(workbench, new_page):
    """Trial s12 C9: its id only, under a heading printed twice (the caption meant for screen readers)."""
    scenario = workbench.add_scenario(XML)
    page = new_page(DESKTOP)
    learner = student_id()
    page.goto(workbench.scenario_url(scenario, learner))
    assert workbench.submit(page, scenario, learner, {"a": 3, "b": 4}).ok
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{EDITOR} [data-list=statements] > [data-row]")
    page.locator(f"{EDITOR} [data-list=statements] > [data-row]").nth(1).get_by_role("button", name="Remove").click()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Save anyway").click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text=SAVED).wait_for()

    page.goto(workbench.scenario_url(scenario, "staff_1"))
    page.get_by_role("button", name="Show results").click()
    apart = page.locator(".emm-likert [data-results] [data-apart]")
    apart.wait_for()
    assert apart.locator("h5").text_content() == "Answers to removed statements"
    assert apart.locator("tbody th").first.text_content() == "Second statement."
    caption = apart.locator("caption")
    assert caption.text_content() == "Answers to removed statements"  # still there for screen readers
    # out of the layout (.emm-sr): no second line, not even a blank one, between heading and table
    heading, header = apart.locator("h5").bounding_box(), apart.locator("thead").bounding_box()
    gap = header["y"] - (heading["y"] + heading["height"])
    assert gap < 30  # 39 px while the caption kept its line (23 px: the heading's margin)
    assert page.js_errors == []


ROLE_PLAY = ('<emm_role_play display_name="Live role-play"><role id="r1" start="a">Officer</role>'
             '<node id="a"><narrative>Her papers are missing.</narrative>'
             '<choice goto="end" points="2">Listen first</choice><choice goto="end" points="3">Refer at once</choice>'
             '</node><node id="end" ending="true"><narrative>The end.</narrative></node></emm_role_play>')


def test_a_role_play_choice_s_points_changed_after_an_ending_warns_at_that_field_as_a_warning(workbench, new_page):
    """Decision 64 in the role-play's own editor: the warning sits at the choice's points, looks
    like a warning (the editors' shared marking, emm-editor.js), and the save waits for "Save anyway"."""
    scenario = workbench.add_scenario(ROLE_PLAY)
    page = new_page(DESKTOP)
    learner = student_id()
    page.goto(workbench.scenario_url(scenario, learner))
    page.locator(".emm-role-play [data-role=r1]").click()
    page.locator(".emm-role-play [data-choice]").first.click()
    page.locator(".emm-role-play .emm-rp-ending").wait_for()

    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    editor = page.locator(".emm-rp-studio")
    editor.locator("[data-problem-count]:not(:empty)").wait_for()
    first = editor.locator("[data-list=nodes] > li").first
    first.locator("details").first.evaluate("(d) => { d.open = true; }")
    points = first.locator("[data-list=choices] > li").first.locator("[data-key=points]")
    points.fill("0")
    slot = first.locator("[data-list=choices] > li").first.locator("[data-error-key=points]")
    slot.filter(has_text="its points were 2").wait_for()  # the live check, at the field
    assert "emm-warning-text" in slot.get_attribute("class") and points.get_attribute("aria-invalid") is None
    page.get_by_role("button", name="Save", exact=True).click()
    anyway = page.get_by_role("button", name="Save anyway")
    anyway.wait_for()
    assert "emm-warning-text" in slot.get_attribute("class")
    anyway.click()
    editor.locator("[data-status]").filter(has_text=SAVED).wait_for()
    assert page.js_errors == []


def test_answers_kept_offline_on_the_old_scale_are_not_recorded_on_the_new_one(workbench, new_page):
    """Bug hunt (course's life): a learner on a phone answers on the 5-point scale, taps Submit
    offline (the page keeps the submission on the device and sends it when the link is back,
    decision 22); meanwhile the author changes the scale to 4 points ("Save anyway", decision 27).
    The submission that then goes carries the old scale's points with nothing to say which scale they
    were given on: "3" (Neither agree nor disagree) must not be kept as "3" on the new scale (Agree),
    nor "4" (Agree) as Strongly agree. Decision 27: an edit may change what comes next, never what
    learners said."""
    from emm_xblocks.models import Answer
    from tests.browser.conftest import PHONE

    scenario = workbench.add_scenario(XML)
    author = new_page(DESKTOP)
    first = student_id()
    author.goto(workbench.scenario_url(scenario, first))
    assert workbench.submit(author, scenario, first, {"a": 3, "b": 4}).ok  # answers are stored

    learner = student_id()
    phone = new_page(PHONE)
    phone.goto(workbench.scenario_url(scenario, learner))
    phone.wait_for_selector(".emm-likert [data-status]", state="attached")
    phone.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    phone.locator(".emm-likert [data-statement=a] input[value='3']").check()  # Neither agree nor disagree
    phone.locator(".emm-likert [data-statement=b] input[value='4']").check()  # Agree
    phone.context.set_offline(True)
    phone.wait_for_function("() => navigator.onLine === false")
    phone.locator(".emm-likert [data-submit]").click()
    phone.locator(".emm-likert [data-draft-status]").filter(has_text="will be submitted").wait_for()

    # meanwhile, the author changes the scale (learners answered: "Save anyway")
    author.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    author.wait_for_selector(f"{EDITOR} [data-list=statements] > [data-row]")
    author.get_by_label("Scale").select_option("agree4")
    author.get_by_role("button", name="Save", exact=True).click()
    author.get_by_role("button", name="Save anyway").click()
    author.locator(f"{EDITOR} [data-status]").filter(has_text=SAVED).wait_for()

    phone.context.set_offline(False)  # the link is back: what waits goes
    phone.wait_for_timeout(4000)
    key = str(workbench.usage_id(scenario))
    on_new_scale = {(a.group, a.value) for a in Answer.objects.filter(block_key=key) if a.group.endswith("@1")}
    # the learner never saw the 4-point scale: "Neither" is not an "Agree", "Agree" not a "Strongly agree"
    assert on_new_scale == set(), on_new_scale
    # refused (409 scale_changed): the page again, on the new scale, saying why; nothing kept on the device
    phone.locator(".emm-likert [data-alert]").filter(has_text=SCALE_CHANGED).wait_for()
    assert phone.locator(".emm-likert [data-statement=a] input[type=radio]").count() == 4
    assert phone.locator(".emm-likert input[type=radio]:checked").count() == 0
    assert phone.evaluate(DRAFTS) == []
    assert phone.js_errors == []


def test_a_draft_kept_on_another_scale_is_not_put_on_the_new_one(workbench, new_page):
    """A learner answers on the 5-point scale and leaves the page without submitting (the page keeps
    the answers on the device); the author changes the scale before anyone answered, so its epoch
    stays (decision 27). Back on the page, the kept "3" is not checked on the 4-point scale ("Agree"):
    the answers are left out, said, and the comment typed with them is put back."""
    from tests.browser.conftest import PHONE

    scenario = workbench.add_scenario(XML.replace(' min_group_size="1"', ' min_group_size="1" comment_box="true"'))
    learner, phone = student_id(), new_page(PHONE)
    phone.goto(workbench.scenario_url(scenario, learner))
    phone.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    phone.locator(".emm-likert [data-statement=a] input[value='3']").check()
    phone.locator(".emm-likert textarea[name=comment]").fill("Très utile.")
    phone.locator(".emm-likert [data-draft-status]").filter(has_text="Saved on this device").wait_for()

    author = new_page(DESKTOP)
    author.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    author.wait_for_selector(f"{EDITOR} [data-list=statements] > [data-row]")
    author.get_by_label("Scale").select_option("agree4")
    author.get_by_role("button", name="Save", exact=True).click()  # nobody answered: saved at once
    author.locator(f"{EDITOR} [data-status]").filter(has_text=SAVED).wait_for()

    phone.goto(workbench.scenario_url(scenario, learner))
    phone.locator(".emm-likert [data-alert]").filter(has_text=SCALE_CHANGED).wait_for()
    assert phone.locator(".emm-likert [data-statement=a] input[type=radio]").count() == 4
    assert phone.locator(".emm-likert input[type=radio]:checked").count() == 0
    assert phone.locator(".emm-likert textarea[name=comment]").input_value() == "Très utile."
    [kept] = phone.evaluate(DRAFTS)  # the comment, kept on the device with the new scale
    assert kept["data"]["answers"] == {} and kept["data"]["comment"] == "Très utile." and not kept["queued"]
    assert phone.js_errors == []
