"""The role-play's first screen says what a tap on a role spends (bug hunt "new": a newcomer on a
phone, in French). With ``attempts_allowed="3"`` nothing on the role screen spoke of attempts, yet a
tap on a role started attempt 1, and a learner who tapped the wrong role spent attempt 2 to take the
other; "2 tentatives restantes" only showed once it was spent."""

import pytest

from tests.browser.conftest import student_id

pytestmark = pytest.mark.browser
BLOCK = ".emm-role-play"
DEMO_FR = "emm_role_play.1"  # attempts_allowed="3"
SAID = ("Vous avez 3 tentatives. Choisir un rôle commence la première\u202f; rejouer, dans le même rôle ou un "
        "autre, utilise une autre tentative.")


def test_the_role_screen_says_a_role_starts_an_attempt(workbench, new_page):
    page = new_page({"width": 390, "height": 844}, locale="fr-FR", touch=True)
    page.goto(workbench.scenario_url(DEMO_FR, student_id(), lang="fr"))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    officer = page.get_by_role("button", name="Agent de la police des frontières")
    officer.wait_for()
    said = page.locator(f"{BLOCK} [data-attempts-ahead]")
    assert said.inner_text().strip() == SAID
    # read before the roles: under "Choisissez votre rôle", above the first role's button
    text = page.locator(BLOCK).first.inner_text()
    assert text.index("Choisissez votre rôle") < text.index(SAID) < text.index("Agent de la police des frontières")
    officer.tap()
    page.locator(f"{BLOCK} [data-choice]").first.wait_for()
    # the attempt is started: the sentence went with the role screen
    assert page.locator(f"{BLOCK} [data-attempts-ahead]").count() == 0
    assert page.js_errors == []
