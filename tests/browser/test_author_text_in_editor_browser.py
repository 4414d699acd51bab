"""An author's text holding ``</script>`` reopens whole in the editor, and nothing of it runs
(trial s31): the workbench writes the editor's init args as the LMS and Studio do
(``emm_xblocks/workbench/wrapper.py``). Before, the Likert editor reopened empty (saved, that would
have emptied the evaluation) and the rest of the statement ran as the page's markup.

Bug hunt s44: an HTML field reopens with the characters the author typed (a no-break space, "&"),
not the references nh3 writes ("&nbsp;", "&amp;")."""

import pytest

from tests.browser.conftest import DESKTOP, open_json_tab
from tests.browser.new_blocks import CASE, DESK, new_block, open_studio, save

pytestmark = pytest.mark.browser

POISON = 'Intitulé </script><img src=x onerror="document.title=&quot;PWNED&quot;"> & fin'
LIKERT = (f'<emm_likert display_name="Évaluation"><item id="a">{POISON.replace("&", "&amp;").replace("<", "&lt;")}'
          '</item><item id="b">Seconde</item></emm_likert>')


def test_a_statement_holding_a_script_end_reopens_whole_in_the_editor(workbench, new_page):
    scenario = workbench.add_scenario(LIKERT)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=fr")
    name = page.locator(".emm-likert-editor [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    assert name.input_value() == "Évaluation"
    texts = page.locator(".emm-likert-editor [data-list=statements] textarea, "
                         ".emm-likert-editor [data-list=statements] input[type=text]")
    values = [t.input_value() for t in texts.all()]
    assert POISON in values and "Seconde" in values, values  # the statement, character for character
    assert "PWNED" not in page.title()
    assert page.locator("img[onerror]").count() == 0
    assert page.js_errors == []


def test_json_of_the_wrong_shape_fills_the_case_study_form_without_a_script_error(workbench, new_page):
    """Trial s31: "Apply to the form" with a question whose options are an object stopped on a
    script error half way (the name and sections replaced, the old questions kept, no message).
    Now a list that is not one reads as empty and the server's check says what is missing."""
    from tests.browser.test_counters_on_open_browser import CASE, CASE_DEMO, open_editor

    page = new_page(DESKTOP)
    open_editor(page, f"{workbench.base_url}/scenario/{CASE_DEMO}/studio_view/?student=staff_1", CASE)
    open_json_tab(page, CASE).fill(
        '{"display_name": "Nouveau nom", "questions": [{"kind": "single", "options": {"a": 1}}], "sections": "x"}')
    page.locator(f"{CASE} [data-json-apply]").click()
    page.locator(f"{CASE} [data-status]").filter(has_text="The form now shows the JSON.").wait_for()
    assert page.locator(f"{CASE} [data-field=display_name]").input_value() == "Nouveau nom"
    questions = page.locator(f"{CASE} [data-list=questions] > [data-row]")
    assert questions.count() == 1 and questions.locator("[data-list=options] > [data-row]").count() == 0
    page.locator(f"{CASE} [data-error-key]:not(:empty)").first.wait_for()  # the server's check of it
    assert page.js_errors == []


@pytest.mark.parametrize("typed, shown_as", [
    ("Qu’est-ce que la traite\u00a0? «\u00a0Non\u00a0», dit-il.", "&nbsp;"),
    ("Droits & devoirs des migrants.", "&amp;"),
])
def test_an_html_field_reopens_with_the_characters_the_author_typed(typed, shown_as, workbench, new_page):
    """French typography's no-break spaces (typed by Word, LibreOffice, a French keyboard) and an
    "&" typed in "Récit (HTML)": saved, then the editor reopened, the field showed "&nbsp;" and
    "&amp;" where the author typed a space and "&" (nh3 serialises them so) (bug hunt s44). A
    non-technical author found entities all through their French text (and each "&nbsp;" counted
    6 characters towards the limit)."""
    scenario, _usage_id = new_block(workbench, "emm_case_study")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, CASE)
    page.locator(f"{CASE} [data-key=narrative]").fill(typed)
    assert save(page, CASE).startswith("Enregistré")
    again = new_page(DESK, locale="fr-FR")
    open_studio(again, workbench, scenario, CASE)
    shown = again.locator(f"{CASE} [data-key=narrative]").input_value()
    assert shown_as not in shown, f"typed {typed!r}, reopened as {shown!r}"
    assert page.js_errors == again.js_errors == []
