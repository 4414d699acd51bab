"""The role-play editor in Chromium (bug hunt "new", a newcomer as an author): a number the form
cannot read ("two", "fifty") is never turned into 0 by "Edit as XML": the tab switch is refused and
the form keeps the author's text; each problem in the list names its place; a grade band whose start
does not read is not said to clash with another. (The French grading settings' width:
test_editors_selects_whole_browser.py.)"""

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.new_blocks import stored

pytestmark = pytest.mark.browser
EDITOR = ".emm-rp-studio"
DEMO_EN = "emm_role_play.0"


def open_editor(workbench, new_page, scenario=DEMO_EN, lang="en", viewport=DESKTOP):
    page = new_page(viewport, locale="fr-FR" if lang == "fr" else "en-US")
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang={lang}")
    name = page.locator(f"{EDITOR} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    return page


def first_choice_points(page):
    node = page.locator(f"{EDITOR} [data-list=nodes] > [data-row]").first
    node.locator("summary").click()
    return node.locator("[data-list=choices] > [data-row]").first.locator("[data-key=points]")


def problems(page):
    return [t.strip() for t in page.locator(f"{EDITOR} [data-problem-list] li").all_inner_texts()]


def test_points_the_form_cannot_read_are_not_saved_as_zero_from_the_xml_tab(workbench, new_page):
    """The author means 2 points, types "two", and goes to "Edit as XML": the XML showed no
    ``points`` on that choice (0), and Save there stored 0, "Saved.", the 2 points gone. Now the
    switch is refused, as for any input it cannot read: the form keeps "two" and says where."""
    usage_id = workbench.usage_id(DEMO_EN)
    assert stored(usage_id).nodes[0].choices[0].points == 2
    page = open_editor(workbench, new_page)
    points = first_choice_points(page)
    points.fill("two")
    page.get_by_role("tab", name="Edit as XML").click()
    page.locator(f"{EDITOR} [data-alert]").filter(
        has_text="The content could not be converted: please fix the errors first.").wait_for()
    assert page.locator(f"{EDITOR} [data-xml]").is_hidden()  # still the form, the author's text in it
    assert page.get_by_role("tab", name="Form and map").get_attribute("aria-selected") == "true"
    assert points.input_value() == "two"
    assert "Node “po-arrival”: choice 1: the points must be a whole number." in problems(page)
    points.fill("3")  # corrected, the switch goes through and the XML says it
    page.get_by_role("tab", name="Edit as XML").click()
    page.locator(f"{EDITOR} [data-xml]").wait_for()
    assert 'points="3"' in page.locator(f"{EDITOR} [data-xml]").input_value().split("<choice", 2)[1][:200]
    assert stored(usage_id).nodes[0].choices[0].points == 2  # converting never saves
    assert page.js_errors == []


def test_each_problem_in_the_list_names_its_place(workbench, new_page):
    """"Node “po-arrival”: choice 2 leads to …" names its place; "Enter a whole number." did not
    (the list is what the author, or a screen reader, reads first; in the XML tab it is all there is)."""
    page = open_editor(workbench, new_page)
    first_choice_points(page).fill("two")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{EDITOR} [data-problem-list] li").first.wait_for()
    listed = problems(page)
    assert listed and all("po-arrival" in p or "choice" in p.lower() for p in listed), listed


def test_a_band_start_it_cannot_read_is_not_said_to_clash_with_another(workbench, new_page):
    """Band 1 starts at "fifty": "Enter a whole number." and, wrongly, "Another grade band starts at
    this score" (read as 0, the last band's start)."""
    page = open_editor(workbench, new_page)
    page.locator(f"{EDITOR} [data-list=bands] > [data-row]").first.locator("[data-key=min]").fill("fifty")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{EDITOR} [data-problem-list] li").first.wait_for()
    listed = problems(page)
    assert listed == ["Grade band 1: the starting score must be a whole number."], listed
