"""Issue 10, "length limits show counters and never cut silently", in a Studio editor in Chromium:
a 5,000-character paste into a case-study field limited to 1,000 characters is kept whole, the
counter says how many characters are too many, and the save is refused before sending, with the
focus on the field; a save that reaches the server anyway (its script's check removed) is refused
there (``text_too_long``) next to the field, the text still in it. Nothing is saved or cut."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_case_study_browser import CASE, EDITOR, block_state

pytestmark = pytest.mark.browser


def test_a_5000_character_paste_into_a_case_study_editor_field_is_counted_refused_and_kept(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    saves = []
    page.on("request", lambda req: saves.append(req.url) if "/studio_submit/" in req.url else None)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.locator(f"{EDITOR} [data-list=questions] > [data-item]").first.wait_for()
    before = block_state(workbench, scenario, "staff_1").load_content()

    page.get_by_role("button", name="Add an image").click()
    image = page.locator(f"{EDITOR} [data-list=images] > [data-item]").last
    image.get_by_label("Image address or course file (/static/...)").fill("/static/border-post.png")
    alt = image.get_by_label("Alternative text (required): what the image shows")
    assert alt.get_attribute("maxlength") is None  # a browser would cut the paste without a word
    pasted = "Le poste frontière, vu du nord. " * 156 + "The end."  # 5,000 characters
    assert len(pasted) == 5000
    alt.fill(pasted)
    assert alt.input_value() == pasted  # kept whole
    counter = alt.locator("xpath=following-sibling::*[contains(@class, 'emm-counter')]")
    assert counter.text_content() == "4000 characters too many (limit 1000): nothing was cut, shorten the text."
    assert alt.get_attribute("aria-invalid") == "true"
    assert counter.get_attribute("id") in alt.get_attribute("aria-describedby")

    page.get_by_role("button", name="Save").click()
    refusal = page.locator(f"{EDITOR} [data-save-alert]")
    refusal.filter(has_text="Not sent: a text is longer than its limit of 1000 characters. Nothing was cut").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-key')") == "alt"
    assert saves == [] and alt.input_value() == pasted

    # A script that did not stop it (the limit taken off the field): the server refuses it, at the field.
    alt.evaluate("(el) => el.removeAttribute('data-max-chars')")
    page.get_by_role("button", name="Save").click()
    refusal.filter(has_text="Not saved: a text is longer than its limit. Nothing was cut").wait_for()
    assert len(saves) == 1
    image.locator("[data-error-key=alt]").filter(
        has_text="This text is longer than 1000 characters: shorten it (nothing was cut).").wait_for()
    assert alt.input_value() == pasted
    assert block_state(workbench, scenario, "staff_1").load_content() == before  # nothing saved

    alt.fill("The border post, seen from the north.")
    page.get_by_role("button", name="Save").click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text="Saved.").wait_for()
    saved = block_state(workbench, scenario, "staff_1").load_content()
    assert (saved.images[-1].src, saved.images[-1].alt) == ("/static/border-post.png",
                                                            "The border post, seen from the north.")
    assert page.js_errors == []
