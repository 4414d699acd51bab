"""What a French-speaking learner reads (issue 10, in headless Chromium): figures written the French
way (CLDR: "1,5 point sur 3", "43 %"), which attempt counts and what a new one can cost, a
role-play step with every choice closed, and a Likert statement answered only "N/A".

The words come from the package's French catalogue; these tests need the translations of issue 10's
figures (``Submitted: {score}.``...) to be in it, and say so rather than fail on English text.
"""

import pytest
from django.utils import translation

from emm_xblocks.workbench.services import LmsI18nService
from tests.browser.conftest import DESKTOP, PHONE, answer_asked, student_id
from tests.browser.new_blocks import DESK, new_block, open_studio, stored

pytestmark = pytest.mark.browser

NBSP = "\xa0"


def fr(text):
    with translation.override("fr"):
        return LmsI18nService().gettext(text)


CASE = """
<emm_case_study display_name="Deux questions" attempts_allowed="2" grade_policy="last">
  <question id="q1" type="multiple" partial_credit="true" points="3">
    <prompt><![CDATA[<p>Quels indices de traite ?</p>]]></prompt>
    <option id="x" correct="true">Une dette envers le recruteur</option>
    <option id="y" correct="true">Des papiers confisqués</option>
    <option id="z">Un téléphone</option>
  </question>
</emm_case_study>
"""

ROLE_PLAY = """
<emm_role_play display_name="Au poste frontière" attempts_allowed="1">
  <role id="r1" start="a">Agente de police</role>
  <node id="a"><narrative><![CDATA[<p>AU-DEBUT</p>]]></narrative>
    <choice goto="b" points="-2">Enregistrer et passer</choice><choice goto="c" points="1">Écouter</choice></node>
  <node id="c"><narrative><![CDATA[<p>EN-ECOUTE</p>]]></narrative><choice goto="b">Continuer</choice></node>
  <node id="b"><narrative><![CDATA[<p>AU-GUICHET</p>]]></narrative>
    <choice goto="end" if_visited="c">Orienter vers la protection de l’enfance</choice></node>
  <node id="end" ending="true"><narrative><![CDATA[<p>FIN</p>]]></narrative>
    <debrief><![CDATA[<p>DEBRIEF</p>]]></debrief></node>
</emm_role_play>
"""

LIKERT = """
<emm_likert display_name="Évaluation" allow_na="true" min_group_size="2">
  <item id="utile">La formation est utile.</item>
  <item id="rythme" reverse="true" required="false">Le rythme était trop rapide.</item>
</emm_likert>
"""


def wait_ready(page, selector):
    page.wait_for_selector(selector, state="attached")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def test_case_study_in_french_half_points_the_counted_attempt_and_the_warning(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(PHONE, locale="fr-FR")
    page.goto(workbench.scenario_url(scenario, student_id(), lang="fr"))
    wait_ready(page, ".emm-case [data-status]")
    page.locator(".emm-case input[value=x]").check()
    page.locator(".emm-case [data-submit]").click()
    results = page.locator(".emm-case [data-feedback]")
    results.locator("[data-grade]").wait_for()
    score = results.locator(".emm-score").text_content()
    # CLDR: 1.5 is singular in French ("1,5 point"), with a decimal comma
    assert score.startswith("Envoyé\u00a0: 1,5 point sur 3."), score
    assert results.locator("[data-grade]").text_content().strip() == fr("Your last attempt counts for your grade.")
    warning = results.locator("[data-retry-warning]").text_content()
    assert warning == ("Une nouvelle tentative remplace votre note, même si elle obtient moins que votre score "
                       "actuel (1,5 point sur 3).")
    page.locator(".emm-case [data-retry]").click()
    ask = page.locator(".emm-case .emm-ask")
    ask.wait_for()
    assert ask.locator("[data-ask-yes]").text_content() == "Réessayer"
    assert ask.locator("[data-ask-no]").text_content() == "Annuler"
    assert answer_asked(page, ".emm-case") == (f"{warning} Commencer votre dernière tentative\u202f? "
                                               "Vous ne pourrez plus réessayer ensuite.")
    page.locator(".emm-case [data-submit]:visible").wait_for()
    assert page.js_errors == []


def test_role_play_in_french_a_closed_step_offers_a_way_on_and_the_score_reads_french(workbench, new_page):
    scenario = workbench.add_scenario(ROLE_PLAY)
    page = new_page(DESKTOP, locale="fr-FR")
    page.goto(workbench.scenario_url(scenario, student_id(), lang="fr"))
    wait_ready(page, ".emm-role-play [data-panel]")
    page.locator(".emm-role-play [data-role=r1]").click()
    page.locator(".emm-role-play [data-choice]", has_text="Enregistrer et passer").click()
    notice = page.locator(".emm-role-play [data-stranded]")
    notice.wait_for()
    assert notice.text_content() == fr("No choice is open to you at this step. Go back one step, or start again "
                                       "from the beginning of your role: starting again from here does not use an "
                                       "attempt.")
    assert page.locator(".emm-role-play [data-choice]").count() == 0
    status = page.locator(".emm-role-play [data-status]")
    status.filter(has_text=fr("No choice is open to you at this step.")).wait_for()
    # no question: starting again from here spends nothing (one attempt only, none used up)
    page.locator(".emm-role-play [data-restart]").click()
    page.locator(".emm-role-play .emm-rp-narrative", has_text="AU-DEBUT").wait_for()
    page.locator(".emm-role-play [data-choice]", has_text="Écouter").click()
    page.locator(".emm-role-play [data-choice]", has_text="Continuer").click()
    page.locator(".emm-role-play [data-choice]", has_text="Orienter").click()
    score = page.locator(".emm-role-play .emm-rp-score")
    score.wait_for()
    assert score.text_content() == f"Votre score{NBSP}: 100{NBSP}% (1 point sur 1)"
    grade = page.locator(".emm-role-play [data-grade]").text_content()
    assert f"Il ne vous reste aucune tentative{NBSP}: votre note reste 100{NBSP}%." in grade
    assert page.js_errors == []


def likert_results(workbench, new_page, viewport, pace):
    """Staff's French Likert results after three learners answered "utile" 4, 5, 2 and "rythme" ``pace``."""
    scenario = workbench.add_scenario(LIKERT)
    page = new_page(viewport, locale="fr-FR")
    page.goto(workbench.scenario_url(scenario, "staff_1", lang="fr"))
    for value in (4, 5, 2):
        r = workbench.submit(page, scenario, student_id("seed"), {"utile": value, "rythme": pace})
        assert r.status == 200, r.text()
    page.goto(workbench.scenario_url(scenario, "staff_1", lang="fr"))
    wait_ready(page, ".emm-likert [data-show-results]")
    page.locator(".emm-likert [data-show-results]").click()
    return page


def test_likert_in_french_a_statement_answered_only_na_reads_n_0(workbench, new_page):
    page = likert_results(workbench, new_page, DESKTOP, "na")
    row = page.locator(".emm-likert [data-chart=rythme]")
    row.wait_for()
    assert row.locator(".emm-chart-empty").text_content() == \
        "Aucune réponse sur l’échelle\u00a0: 3 personnes ont choisi «\u00a0Sans objet\u00a0»."
    headline = page.locator(".emm-likert .emm-headline").text_content()
    assert f"66,7{NBSP}%" in headline  # 2 of 3 agree; no reverse-coded statement was rated: one figure
    assert page.locator(".emm-likert .emm-headline-literal").count() == 0
    cells = page.locator(".emm-likert [data-row=rythme] td").all_text_contents()
    assert cells[0] == "0" and cells[6] == "3" and cells[7] == "–"  # n, N/A, top box
    assert page.js_errors == []


def test_likert_results_on_a_phone_keep_each_statement_beside_its_figures_as_the_table_scrolls(workbench, new_page):
    """The results table is wider than a phone (a column per answer of the scale): scrolled to its
    last column, each row still shows its statement, which used to scroll away with the rest."""
    page = likert_results(workbench, new_page, PHONE, 3)
    row = page.locator(".emm-likert [data-row=utile]")
    row.wait_for()
    wrap = row.locator("xpath=ancestor::div[contains(@class, 'emm-table-wrap')]")
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth + 100")  # wider than the phone
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    box, statement = wrap.bounding_box(), row.locator("th").bounding_box()
    assert box["x"] - 1 <= statement["x"] <= box["x"] + 1  # at the start of the visible box, not scrolled away
    last = row.locator("td").last.bounding_box()
    assert last["x"] + last["width"] <= box["x"] + box["width"] + 1  # the last column in view beside it
    assert statement["x"] + statement["width"] <= last["x"]
    assert page.js_errors == []


@pytest.mark.parametrize("block_type, english, editor", [
    ("emm_case_study", "Case study", ".emm-case-editor"), ("emm_role_play", "Role-play", ".emm-rp-studio"),
    ("emm_likert", "End-of-training evaluation", ".emm-likert-editor"),
    ("emm_knowledge_check", "Knowledge check", ".emm-kc-editor"),
])
def test_a_new_block_s_default_title_is_in_the_page_s_language(block_type, english, editor, workbench, new_page):
    """A block added in a French Studio and not yet renamed: the French learner's page had an
    English heading ("Case study") above French text ("Cette étude de cas ne comporte encore
    aucune question."), and so did the editor's "Nom affiché" that the author starts from (bug hunt
    s44). The defaults were marked for translation (``N_``) but shown untranslated; only "Case
    study" had a French entry in the catalogue. The stored value stays the default."""
    scenario, usage_id = new_block(workbench, block_type)
    page = new_page(DESK, locale="fr-FR")
    page.goto(workbench.scenario_url(scenario, student_id(), lang="fr"))
    title = page.locator(".emm-title").first
    title.wait_for()
    assert title.inner_text().strip() != english
    open_studio(page, workbench, scenario, editor)
    assert page.locator(f"{editor} [data-field=display_name]").input_value() != english
    assert stored(usage_id).display_name == english
