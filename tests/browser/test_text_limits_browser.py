"""Issue 10, "length limits show counters and never cut silently", in a Studio editor in Chromium:
a 5,000-character paste into a case-study field limited to 1,000 characters is kept whole, the
counter says how many characters are too many, and the save is refused before sending, with the
focus on the field; a save that reaches the server anyway (its script's check removed) is refused
there (``text_too_long``) next to the field, the text still in it. Nothing is saved or cut. The
case study's key facts and the Likert's custom scale labels, boxes limited line by line, are counted and
refused the same way."""

import re

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_case_study_browser import CASE, EDITOR, block_state
from tests.browser.test_likert_editor_browser import EDITOR as LIKERT
from tests.browser.test_likert_editor_browser import XML as LIKERT_XML

pytestmark = pytest.mark.browser


def test_a_5000_character_paste_into_a_case_study_editor_field_is_counted_refused_and_kept(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    saves = []
    page.on("request", lambda req: saves.append(req.url) if "/studio_submit/" in req.url else None)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.locator(f"{EDITOR} [data-list=questions] > [data-row]").first.wait_for()
    before = block_state(workbench, scenario, "staff_1").load_content()

    page.get_by_role("button", name="Add an image").click()
    image = page.locator(f"{EDITOR} [data-list=images] > [data-row]").last
    image.get_by_label("Image address or course file (/static/...)").fill("/static/border-post.png")
    alt = image.get_by_label("Alternative text (required): what the image shows")
    assert alt.get_attribute("maxlength") is None  # a browser would cut the paste without a word
    pasted = "Le poste frontière, vu du nord. " * 156 + "The end."  # 5,000 characters
    assert len(pasted) == 5000
    alt.fill(pasted)
    assert alt.input_value() == pasted  # kept whole
    counter = alt.locator("xpath=following-sibling::*[contains(@class, 'emm-counter')]")
    assert counter.text_content() == "4,000 characters too many (limit 1,000): nothing was cut, shorten the text."
    assert alt.get_attribute("aria-invalid") == "true"
    assert counter.get_attribute("id") in alt.get_attribute("aria-describedby")

    page.get_by_role("button", name="Save").click()
    refusal = page.locator(f"{EDITOR} [data-save-alert]")
    refusal.filter(
        has_text="Not saved: a text is longer than its limit of 1,000 characters (nothing was cut)").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-key')") == "alt"
    assert saves == [] and alt.input_value() == pasted

    # A script that did not stop it (the limit taken off the field): the server refuses it, at the field.
    alt.evaluate("(el) => el.removeAttribute('data-max-chars')")
    page.get_by_role("button", name="Save").click()
    refusal.filter(has_text="Not saved: a text is longer than its limit. Nothing was cut").wait_for()
    assert len(saves) == 1
    image.locator("[data-error-key=alt]").filter(
        has_text="This text is longer than 1,000 characters: shorten it (nothing was cut).").wait_for()
    assert alt.input_value() == pasted
    assert block_state(workbench, scenario, "staff_1").load_content() == before  # nothing saved

    alt.fill("The border post, seen from the north.")
    page.get_by_role("button", name="Save").click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text=re.compile(r"^Saved(\.|, with)")).wait_for()
    saved = block_state(workbench, scenario, "staff_1").load_content()
    assert (saved.images[-1].src, saved.images[-1].alt) == ("/static/border-post.png",
                                                            "The border post, seen from the north.")
    assert page.js_errors == []


def test_a_key_fact_over_its_limit_is_counted_line_by_line_refused_before_sending_and_kept(workbench, new_page):
    """The key facts share one box, one fact a line, each fact limited to 5,000 characters on its
    own (the server checks item by item): the box's counter speaks of its longest line, a line
    over the limit is refused before sending with the caret put at its start, and the box may
    hold more than 5,000 characters in all when no line is over."""
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    saves = []
    page.on("request", lambda req: saves.append(req.url) if "/studio_submit/" in req.url else None)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.locator(f"{EDITOR} [data-list=questions] > [data-row]").first.wait_for()
    before = block_state(workbench, scenario, "staff_1").load_content()

    facts = page.get_by_label("Key facts, one per line")
    assert facts.get_attribute("data-max-chars") == "5000" and facts.get_attribute("maxlength") is None
    counter = facts.locator("xpath=following-sibling::*[contains(@class, 'emm-counter')]")
    first, long_fact = "A child is anyone under 18.", "Les documents de voyage sont gardés par l'adulte. " * 120
    assert len(long_fact.strip()) == 5999
    typed = f"{first}\n{long_fact}\nThe adult says he is their uncle."
    facts.fill(typed)
    assert facts.input_value() == typed  # kept whole
    assert counter.text_content() == ("A line is 999 characters too long (limit 5,000 a line): nothing was cut, "
                                      "shorten it.")
    assert facts.get_attribute("aria-invalid") == "true"
    assert counter.get_attribute("id") in facts.get_attribute("aria-describedby")

    page.get_by_role("button", name="Save").click()
    refusal = page.locator(f"{EDITOR} [data-save-alert]")
    refusal.filter(
        has_text="Not saved: a text is longer than its limit of 5,000 characters (nothing was cut)").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-key')") == "key_facts"
    assert facts.evaluate("(el) => el.selectionStart") == len(first) + 1  # the caret at the long line
    assert saves == [] and facts.input_value() == typed

    # A script that did not stop it: the server refuses the fact at the box, the text still in it.
    facts.evaluate("(el) => el.removeAttribute('data-max-chars')")
    page.get_by_role("button", name="Save").click()
    refusal.filter(has_text="Not saved: a text is longer than its limit. Nothing was cut").wait_for()
    assert len(saves) == 1
    page.locator(f"{EDITOR} [data-error-key=key_facts]").filter(
        has_text="This text is longer than 5,000 characters: shorten it (nothing was cut).").wait_for()
    assert facts.input_value() == typed
    assert block_state(workbench, scenario, "staff_1").load_content() == before  # nothing saved

    # Two facts of 4,500 characters each: 9,000 in the box, no line over its limit, saved whole.
    facts.evaluate("(el) => el.setAttribute('data-max-chars', '5000')")
    near = ("Le poste frontière est à 80 km d'Agadez. " * 110)[:4499] + "."
    assert len(near) == 4500
    facts.fill(f"{near}\n{near}")
    assert counter.text_content() == "500 characters left on the longest line" and counter.is_visible()
    assert facts.get_attribute("aria-invalid") is None
    page.get_by_role("button", name="Save").click()
    page.locator(f"{EDITOR} [data-status]").filter(has_text=re.compile(r"^Saved(\.|, with)")).wait_for()
    saved = block_state(workbench, scenario, "staff_1").load_content()
    assert saved.key_facts == (near, near)
    assert page.js_errors == []


def test_a_custom_scale_label_over_its_limit_is_counted_line_by_line_refused_and_kept(workbench, new_page):
    """The Likert's custom scale labels share one box, one label a line, each limited to 100
    characters as the server counts it (on one line: white space runs joined): the box counts its
    longest line, refuses before sending with the caret at the long label, and the server, reached
    anyway, refuses it at the box (``text_too_long``); nothing saved, nothing cut."""
    scenario = workbench.add_scenario(LIKERT_XML)
    page = new_page(DESKTOP)
    saves = []
    page.on("request", lambda req: saves.append(req.url) if "/studio_submit/" in req.url else None)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.wait_for_selector(f"{LIKERT} [data-row]")
    before = block_state(workbench, scenario, "staff_1").load_content()

    page.locator(f"{LIKERT} [data-field=scale]").select_option("custom")
    labels = page.get_by_label("Custom labels, lowest first, one per line")
    assert labels.get_attribute("data-max-chars") == "100" and labels.get_attribute("maxlength") is None
    counter = labels.locator("xpath=following-sibling::*[contains(@class, 'emm-counter')]")
    long_label = "Tout à fait d'accord,   sans   la   moindre   réserve, " * 3  # 165 typed, 140 once saved
    typed = f"Pas du tout d'accord\nPlutôt pas d'accord\n{long_label}"
    labels.fill(typed)
    assert labels.input_value() == typed  # kept whole
    assert counter.text_content() == ("A line is 40 characters too long (limit 100 a line): nothing was cut, "
                                      "shorten it.")
    assert labels.get_attribute("aria-invalid") == "true"

    page.get_by_role("button", name="Save").click()
    refusal = page.locator(f"{LIKERT} [data-save-alert]")
    refusal.filter(
        has_text="Not saved: a text is longer than its limit of 100 characters (nothing was cut)").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-key')") == "custom_labels"
    assert labels.evaluate("(el) => el.selectionStart") == typed.index(long_label)  # the caret at the long label
    assert saves == []

    # A script that did not stop it: the server refuses the label at the box, the text still in it.
    labels.evaluate("(el) => el.removeAttribute('data-max-chars')")
    page.get_by_role("button", name="Save").click()
    refusal.filter(has_text="Not saved: a text is longer than its limit. Nothing was cut").wait_for()
    assert len(saves) == 1
    page.locator(f"{LIKERT} [data-error-key=custom_labels]").filter(
        has_text="A label of the custom scale is longer than 100 characters: shorten it (nothing was cut).").wait_for()
    assert labels.input_value() == typed
    assert block_state(workbench, scenario, "staff_1").load_content() == before  # nothing saved

    # 100 characters once saved (its runs of spaces joined): counted so by both, saved whole.
    labels.evaluate("(el) => el.setAttribute('data-max-chars', '100')")
    kept = ("Tout à fait d'accord, sans aucune réserve, " * 3)[:99] + "."
    label = kept.replace(" ", "   ", 3)
    assert " ".join(label.split()) == kept and len(kept) == 100 < len(label)
    labels.fill(f"Pas du tout d'accord\n{label}")
    assert counter.text_content() == "0 characters left on the longest line"
    page.get_by_role("button", name="Save").click()
    page.locator(f"{LIKERT} [data-status]").filter(has_text="Saved.").wait_for()
    saved = block_state(workbench, scenario, "staff_1").load_content()
    assert saved.custom_labels == ("Pas du tout d'accord", kept)

    # A preset scale hides the labels: they are kept as typed, neither counted nor refused.
    labels.fill(typed)
    page.locator(f"{LIKERT} [data-field=scale]").select_option("agree5")
    assert labels.is_hidden() and labels.is_disabled()
    page.locator(f"{LIKERT} [data-status]").evaluate("(el) => { el.textContent = ''; }")
    page.get_by_role("button", name="Save").click()
    page.locator(f"{LIKERT} [data-status]").filter(has_text="Saved.").wait_for()
    saved = block_state(workbench, scenario, "staff_1").load_content()
    assert (saved.scale, saved.custom_labels[-1]) == ("agree5", " ".join(long_label.split()))
    assert page.js_errors == []
