"""The role-play editor's own lists (grade bands, roles, nodes, a node's choices, the profile's
options) say their problems to a screen reader wherever the author meets them, not only after a
refused save.

Issue 7 (decision 103, *Not done*): the engine describes a list's group by its message in every
other editor (``templates/common/editor_lists.html``, ``emm-form-studio.js`` ``listBlock``), so
the message is heard on entering the group whenever it is shown. The role-play's template left its
groups and its nodes undescribed: only a refused save's focus (``focusFirstError``, ``EmmEditor.tie``)
tied a message to a control. An author opening an invalid scenario, or coming back from "Edit as
XML", and tabbing to "Add a role", a node or a node's "Add a choice" heard nothing of "Add at
least one role", "cannot be reached" or "has no choices", although a sighted author saw them."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_editor_list_problem_said_browser import described_from_focus
from tests.browser.test_role_play_browser import EDITOR, open_editor

pytestmark = pytest.mark.browser

# no role; node "a" leads only back to itself, "b" is no ending and has no choice, "c" is the ending
INVALID = ('<emm_role_play display_name="Unfinished">\n'
           '  <node id="a"><narrative>Round.</narrative><choice goto="a">Again</choice></node>\n'
           '  <node id="b"><narrative>Stuck.</narrative></node>\n'
           '  <node id="c" ending="true"><narrative>End.</narrative></node>\n'
           '</emm_role_play>')


def heard_at(page, locator):
    """What a screen reader says of `locator` focused (its own description and its groups')."""
    locator.focus()
    return " | ".join(described_from_focus(page))


def assert_every_list_problem_heard(page):
    form = page.locator(f"{EDITOR} form")
    said = heard_at(page, form.get_by_role("button", name="Add a role", exact=True))
    assert "Add at least one role" in said, f"on Add a role, a screen reader hears {said!r}"
    nodes = form.locator("[data-list=nodes] > [data-row]")
    said = heard_at(page, nodes.nth(0).locator("summary"))
    assert "no ending can be reached" in said, f"on node a, a screen reader hears {said!r}"
    said = heard_at(page, nodes.nth(1).get_by_role("button", name="Add a choice", exact=True))
    assert "is not an ending and has no choices" in said, f"on node b's Add a choice, a screen reader hears {said!r}"


def test_a_list_s_problem_is_heard_on_load_after_a_tab_switch_and_a_check_without_a_save(workbench, new_page):
    page = new_page(DESKTOP)
    open_editor(page, workbench, workbench.add_scenario(INVALID))
    page.locator(f"{EDITOR} form [data-error-key=roles]").filter(has_text="Add at least one role").wait_for()
    assert_every_list_problem_heard(page)  # as loaded: no save, nothing focused by the editor

    page.get_by_role("tab", name="Edit as XML").click()
    page.locator(f"{EDITOR} [data-panel=xml]").wait_for(state="visible")
    page.get_by_role("tab", name="Form and map").click()
    page.locator(f"{EDITOR} [data-panel=form]").wait_for(state="visible")
    page.locator(f"{EDITOR} form [data-error-key=roles]").filter(has_text="Add at least one role").wait_for()
    assert_every_list_problem_heard(page)  # the rows drawn again from the XML

    # the participant profile's options (the same group in every editor): a question without them
    page.get_by_label("Profile question (e.g. “You work for”)").fill("You work for")
    page.locator(f"{EDITOR} form [data-error-key=profile_options]").filter(has_text="needs between 2 and").wait_for()
    said = heard_at(page, page.get_by_role("button", name="Add a profile option", exact=True))
    assert "needs between 2 and" in said, f"on Add a profile option, a screen reader hears {said!r}"

    # the live check after an edit: what it writes in a list's slot is heard there, and no more once it goes
    nodes = page.locator(f"{EDITOR} form [data-list=nodes] > [data-row]")
    nodes.nth(2).locator("[data-key=ending]").uncheck()
    page.locator(f"{EDITOR} form [data-error-key=nodes]:not([data-row] *)").filter(
        has_text="The scenario has no ending").wait_for()
    said = heard_at(page, page.get_by_role("button", name="Add a node", exact=True))
    assert "The scenario has no ending" in said, f"after the check, on Add a node, a screen reader hears {said!r}"
    said = heard_at(page, nodes.nth(0).locator("summary"))
    assert "no ending can be reached" not in said, f"a problem gone is still heard on node a: {said!r}"
    assert page.js_errors == []
