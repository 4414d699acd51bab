"""The role-play editor in Chromium says a problem of a whole list (no role, no node, a profile
question with too few options) in that list's slot, [data-error-key=<list>] as in every editor
(docs/javascript.md), never in a setting's [data-error] slot."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_role_play_browser import DRAFT, EDITOR, open_editor

pytestmark = pytest.mark.browser


def test_a_problem_of_a_whole_list_shows_in_that_lists_slot(workbench, new_page):
    page = new_page(DESKTOP)
    open_editor(page, workbench, workbench.add_scenario(DRAFT))

    def slot(name):  # the list's own slot, not a row's
        return page.locator(f"{EDITOR} form [data-error-key={name}]:not([data-row] *)")

    slot("roles").filter(has_text="Add at least one role").wait_for()
    slot("nodes").filter(has_text="Add at least one node").wait_for()
    assert slot("bands").text_content() == "" and slot("profile_options").text_content() == ""

    prompt = page.get_by_label("Profile question (e.g. “You work for”)")
    prompt.fill("You work for")  # a question without options: the live check says so at the options
    slot("profile_options").filter(has_text="needs between 2 and").wait_for()
    assert "Add at least one role" in slot("roles").text_content()  # the other lists keep theirs
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{EDITOR} [data-save-alert]").wait_for(state="visible")
    assert page.locator(f"{EDITOR} form [data-error]:not(:empty)").count() == 0  # no setting's slot used
    assert page.js_errors == []
