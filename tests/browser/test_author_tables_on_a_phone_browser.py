"""Bug hunt s43: an author's table (the sanitiser's allow-list keeps tables) in the narrative, a
question's explanation or the expert analysis is as wide as its words on a 320 px phone: the whole
page scrolls sideways. Only the document viewer's excerpt wraps (``overflow-wrap: anywhere``)."""

import pytest

from tests.browser.conftest import PHONE, student_id
from tests.browser.test_case_study_browser import BLOCK, assert_no_horizontal_overflow, open_block

pytestmark = pytest.mark.browser

# four short columns of ordinary French words: no long address, nothing unusual for a case
TABLE = ("<table><thead><tr><th>Organisation</th><th>Responsabilités</th><th>Coordonnées</th>"
         "<th>Disponibilité</th></tr></thead><tbody><tr><td>Organisation internationale pour les migrations</td>"
         "<td>Identification, orientation</td><td>Niamey, quartier Plateau</td><td>Permanente</td></tr>"
         "</tbody></table>")
CASE = f"""
<emm_case_study display_name="Qui contacter" show_answers="submitted" content_language="fr">
  <narrative><![CDATA[<p>Les services à Niamey :</p>{TABLE}]]></narrative>
  <question id="who" type="single" points="1">
    <prompt><![CDATA[<p>Qui orienter en premier ?</p>]]></prompt>
    <option id="iom" correct="true">L’OIM</option>
    <option id="none">Personne</option>
    <explanation><![CDATA[{TABLE}]]></explanation>
  </question>
  <expert_analysis><![CDATA[{TABLE}]]></expert_analysis>
</emm_case_study>
"""


def test_an_authors_table_in_the_case_and_its_results_fits_a_320_px_phone(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(PHONE, locale="fr-FR", touch=True)
    open_block(page, workbench.scenario_url(scenario, student_id(), lang="fr"))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_horizontal_overflow(page, PHONE["width"])  # the narrative's table

    page.locator(f"{BLOCK} input[value=none]").check()
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} .emm-expert table").wait_for()
    assert_no_horizontal_overflow(page, PHONE["width"])  # the explanation's and the expert analysis's
    assert page.js_errors == []
