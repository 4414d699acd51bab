"""Bug hunt s43: a learner on a phone, French first, a slow or absent link.

* an answer erased (a text cleared, a multiple choice's boxes all unticked) is "Saved on this
  device", but after a reload the server's older draft comes back into that question;
* a document opened in the viewer without a connection says "your answers are still on this
  page", in the document, and the alert stays once the link is back;
* the word limits under a written question are written "1000", where every other number of the
  page (its counter, its refusal) is written by CLDR, "1 000" in French (decision 28).
"""

import pytest

from tests.browser.conftest import PHONE, student_id
from tests.browser.test_case_study_browser import BLOCK, CASE, open_block
from tests.browser.test_recovery_browser import (
    answer_case,
    draft_status,
    fast_link,
    link_drops_and_comes_back,
    slow_link,
    tap_if_enabled,
    wait_sending,
    wait_sent,
)
from tests.browser.test_recovery_browser import open_block as open_fr

pytestmark = pytest.mark.browser


def test_an_answer_erased_on_the_phone_stays_erased_after_a_reload(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(PHONE, touch=True)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    answer_case(page)
    page.locator(f"{BLOCK} [data-save]").click()
    page.locator(f"{BLOCK} [data-status]").filter(has_text="Draft saved.").wait_for()

    # the learner erases the written answer to write it anew, and unticks the multiple choice
    page.locator(f"{BLOCK} textarea").fill("")
    page.locator(f"{BLOCK} input[value=papers]").uncheck()
    page.locator(f"{BLOCK} input[value=debt]").uncheck()
    assert draft_status(page, BLOCK).text_content() == "Saved on this device"

    open_block(page)  # the phone reloads the tab (memory, a lost signal, the learner)
    assert draft_status(page, BLOCK).text_content() == "Saved on this device"
    assert page.locator(f"{BLOCK} textarea").input_value() == ""
    assert not page.locator(f"{BLOCK} input[value=papers]").is_checked()
    assert not page.locator(f"{BLOCK} input[value=debt]").is_checked()
    assert page.js_errors == []


def test_a_document_opened_offline_does_not_speak_of_answers_and_the_alert_goes_with_the_link_back(
        workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(PHONE, touch=True)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    page.context.set_offline(True)
    page.locator(f"{BLOCK} [data-viewer] summary").click()
    viewer = page.locator(f"{BLOCK} [data-doc-text]")
    viewer.filter(has_text="No connection").wait_for()
    # what the learner reads in the document and in the alert: nothing about answers (none was sent)
    assert "answers" not in viewer.text_content(), viewer.text_content()
    assert "answers" not in page.locator(f"{BLOCK} [data-alert]").text_content()
    page.context.set_offline(False)
    page.wait_for_timeout(2500)  # the page's `online` handling ran
    assert page.locator(f"{BLOCK} [data-alert]").is_hidden()
    assert page.js_errors == []


BIG = """
<emm_case_study display_name="Un rapport" content_language="fr">
  <narrative><![CDATA[<p>Rédigez un rapport.</p>]]></narrative>
  <question id="report" type="reflection" points="1" min_words="1000" max_words="2500">
    <prompt><![CDATA[<p>Votre rapport</p>]]></prompt>
  </question>
  <question id="note" type="reflection" points="1" min_words="1500">
    <prompt><![CDATA[<p>Votre note</p>]]></prompt>
  </question>
</emm_case_study>
"""
NNBSP = "\u202f"  # CLDR's French group separator (what Babel and Intl write)


def test_the_word_limits_under_a_french_question_are_written_as_its_counter_writes_them(workbench, new_page):
    scenario = workbench.add_scenario(BIG)
    page = new_page(PHONE, locale="fr-FR", touch=True)
    open_block(page, workbench.scenario_url(scenario, student_id(), lang="fr"))
    hints = page.locator(f"{BLOCK} [data-word-count]")
    page.locator(f"{BLOCK} textarea").first.fill("un deux")
    # the counter once typed: the browser's CLDR numbers
    assert hints.nth(0).text_content() == f"2 mots (entre 1{NNBSP}000 et 2{NNBSP}500)"
    # the hint the server wrote, before anything is typed: the same numbers, the same way
    assert hints.nth(1).text_content() == f"Au moins 1{NNBSP}500 mots."
    assert page.js_errors == []


def test_after_try_again_the_line_under_submit_does_not_say_sent(workbench, new_page):
    """"Sent" under Submit was true of the attempt just submitted; after "Try again" the same line,
    under the same buttons, sits below a form whose answers nobody has sent (French: "Envoyé")."""
    scenario = workbench.add_scenario(CASE)
    page = new_page(PHONE, touch=True)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    answer_case(page)
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-feedback] [data-retry]").click()
    page.locator(f"{BLOCK} .emm-ask [data-ask-yes]").click()
    page.locator(f"{BLOCK} [data-status]").filter(has_text="Your previous answers are in the form").wait_for()
    assert page.locator(f"{BLOCK} [data-form-actions]").is_visible()
    line = draft_status(page, BLOCK)
    assert not (line.is_visible() and line.text_content() == "Sent"), "the open form says: Sent"
    assert page.js_errors == []


# ----------------------------------------------------------------- bug hunt s44: a slow link that drops

PHONE_360 = {"width": 360, "height": 740}
CASE_FR = "emm_case_study.1"  # scenarios/emm_case_study-2-fr.xml


def test_a_case_study_answer_corrected_while_the_submit_is_on_its_way_is_not_shown_as_sent(workbench, new_page):
    """On a slow link a submit takes seconds and the form stayed editable: a slip corrected before the reply was
    then shown, locked, under "Envoyé", while the course graded the answer before it (bug hunt s44)."""
    page = new_page(PHONE_360, locale="fr-FR", touch=True)
    block = ".emm-case"
    open_fr(page, workbench.scenario_url(CASE_FR, student_id(), lang="fr"), block)
    first = page.locator(f"{block} [data-question]").nth(0)
    first.locator("input[value=trafficking]").check()  # a slip
    page.locator(f"{block} [data-question]").nth(1).locator("input[type=checkbox]").first.check()
    page.locator(f"{block} textarea").first.fill(" ".join(["mot"] * 45))
    cdp = slow_link(page)
    page.locator(f"{block} [data-submit]").click()
    wait_sending(page, block)
    tap_if_enabled(first.locator("input[value=smuggling]"))  # seen and corrected before the reply
    wait_sent(page, block)
    shown = first.locator("input:checked").get_attribute("value")
    fast_link(cdp)

    open_fr(page, page.url, block)  # what the course kept
    kept = page.locator(f"{block} [data-question]").nth(0).locator("input:checked").get_attribute("value")
    assert kept == "trafficking"
    # the locked form showed the learner, under "Envoyé", an answer the course never received
    assert shown == kept, f"the page showed {shown!r} as sent; the course graded {kept!r}"
    assert page.js_errors == []


def submit_case_fr(page, block):
    questions = page.locator(f"{block} [data-question]")
    questions.nth(0).locator("input[value=smuggling]").check()
    questions.nth(1).locator("input[type=checkbox]").first.check()
    page.locator(f"{block} textarea").first.fill(" ".join(["mot"] * 45))
    page.locator(f"{block} [data-submit]").click()
    page.locator(f"{block} [data-key-points] input").first.wait_for()


def test_key_points_ticked_for_the_self_assessment_survive_the_link_dropping_and_coming_back(workbench, new_page):
    """Every ``online`` (a phone passing between cells, Wi-Fi and data) re-read the state and drew the feedback
    panel anew: the key points ticked for the self-assessment were unticked, and the page jumped back to "Vos
    résultats" (bug hunt s44)."""
    page = new_page(PHONE_360, locale="fr-FR", touch=True)
    block = ".emm-case"
    open_fr(page, workbench.scenario_url(CASE_FR, student_id(), lang="fr"), block)
    submit_case_fr(page, block)
    points = page.locator(f"{block} [data-key-points] input")
    points.nth(0).check()
    points.nth(2).check()
    points.nth(3).scroll_into_view_if_needed()
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    reading_at = page.evaluate("() => window.scrollY")

    link_drops_and_comes_back(page)  # a phone passing from one cell to another

    ticked = [points.nth(i).is_checked() for i in range(points.count())]
    assert ticked == [True, False, True, False], ticked
    assert abs(page.evaluate("() => window.scrollY") - reading_at) < 50, "the page jumped back to its results"
    assert page.js_errors == []


SECTION_IMAGE = "/static/emm-browser-test/map-of-the-route.png"
LOW_DATA_CASE = f"""
<emm_case_study display_name="Deux adolescents au poste frontière" content_language="fr">
  <narrative><![CDATA[<p>Deux adolescents arrivent au poste frontière.</p>]]></narrative>
  <section title="La route"><![CDATA[<p>La route suivie :</p>
    <p><img src="{SECTION_IMAGE}" alt="Carte de la route"></p>]]></section>
  <image src="/static/emm-browser-test/border-post.png" alt="Le poste frontière à l’aube">Le poste frontière</image>
  <question id="consent" type="single" points="1">
    <prompt><![CDATA[<p>Le consentement d’un enfant compte-t-il ?</p>]]></prompt>
    <option id="no" correct="true">Non</option>
    <option id="yes">Oui</option>
  </question>
</emm_case_study>
"""


def test_low_data_mode_also_holds_back_an_image_the_author_put_in_the_case_s_text(workbench, new_page):
    """The switch says "images and large files only when you ask" ("Mode économie de données : images et
    gros fichiers seulement à la demande"); an image in a section's (or the narrative's) HTML loaded at
    every visit all the same, lazily or not, at the learner's cost (bug hunt s44). Now it waits for its own
    "Afficher l’image" button, as the case's images do, and loads at once with the switch off."""
    from tests.browser.test_case_study_browser import PNG

    scenario = workbench.add_scenario(LOW_DATA_CASE)
    page = new_page(PHONE_360, locale="fr-FR", touch=True)
    fetched = []

    def serve(route):
        fetched.append(route.request.url)
        route.fulfill(status=200, body=PNG, content_type="image/png")

    page.route("**/static/emm-browser-test/**", serve)
    block = ".emm-case"
    open_fr(page, workbench.scenario_url(scenario, student_id(), lang="fr"), block)
    page.locator(f"{block} [data-low-data]").check()  # the learner asks to save data
    fetched.clear()
    open_fr(page, page.url, block)  # next visit, remembered on the phone
    page.locator(f"{block} img[alt='Carte de la route']").scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    assert page.locator(f"{block} [data-low-data]").is_checked()
    assert fetched == [], f"loaded in low-data mode: {fetched}"

    # asked for: that one image, its button gone, the focus on it
    show = page.get_by_role("button", name="Afficher l’image : Carte de la route")
    show.click()
    page.wait_for_function("() => [...document.querySelectorAll('.emm-case img')].some((i) => i.alt === "
                           "'Carte de la route' && i.complete && i.naturalWidth > 0)")
    assert len(fetched) == 1 and fetched[0].endswith(SECTION_IMAGE), fetched
    assert not show.is_visible()
    assert page.evaluate("() => document.activeElement.alt") == "Carte de la route"

    # the switch off: every image shown, its address given (lazy: loaded as it comes into sight)
    page.locator(f"{block} [data-low-data]").uncheck()
    assert page.evaluate("() => [...document.querySelectorAll('.emm-case img')].map((i) => [i.alt, "
                         "!!i.getAttribute('src'), i.hidden])") == [["Carte de la route", True, False],
                                                                     ["Le poste frontière à l’aube", True, False]]
    assert page.locator(f"{block} [data-show-image]:visible").count() == 0
    assert page.js_errors == []
