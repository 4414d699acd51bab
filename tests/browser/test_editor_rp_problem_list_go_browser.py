"""Bug hunt s43: the role-play's list of problems is the map's text alternative, "every problem, each a
button that takes the author to its field" (emm-role-play-map.js ``list``). A problem about a
list as a whole ("Add at least one role", field "roles"; "The scenario has no ending", field
"nodes") is a button that does nothing: ``goTo`` finds no input and no node for it
(emm-role-play-studio.js ``locate`` / ``goTo``)."""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser
EDITOR = ".emm-rp-studio"


def test_a_list_level_problem_takes_the_author_to_its_list(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/emm_role_play.0/studio_view/?student=staff_1")
    roles = page.locator(f"{EDITOR} [data-list=roles] > [data-row]")
    roles.first.wait_for()
    while roles.count():
        roles.first.locator("[data-remove]").click()
    go = page.locator(f"{EDITOR} [data-problem-list] button").filter(has_text="Add at least one role")
    go.click()
    where = page.evaluate("""() => { const a = document.activeElement;
        return {go: a.classList.contains('emm-rp-go'), inRoles: !!a.closest('fieldset') &&
                !!a.closest('fieldset').querySelector('[data-list=roles]')}; }""")
    assert not where["go"] and where["inRoles"], f"the problem's button took the author nowhere: {where}"
    assert page.js_errors == []
