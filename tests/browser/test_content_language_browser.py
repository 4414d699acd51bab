"""Author content says its language, in Chromium (WCAG 2.1 SC 3.1.2, decision 56): on an Arabic
page over the French demos (``content_language="fr"``), the language a screen reader takes for an
element (the ``lang`` of its nearest element that has one, as the browser resolves it) is French
for the author's words and Arabic for the interface's, on the page, in the results panel the
script draws, and in the live room, whose arrow keys read as they work right to left."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, student_id
from tests.browser.test_likert_browser import SEED, seed

pytestmark = pytest.mark.browser

DEMO_FR = "emm_likert.1"  # scenarios/emm_likert-2-fr.xml
CASE_FR = "emm_case_study.1"  # scenarios/emm_case_study-2-fr.xml
ROLE_PLAY_FR = "emm_role_play.1"  # scenarios/emm_role_play-2-fr.xml
LANGUAGE = "(el) => el.closest('[lang]').getAttribute('lang')"  # the language the element is read in
PROJECTOR = {"width": 1280, "height": 720}


def read_in(locator):
    return locator.evaluate(LANGUAGE)


def test_an_arabic_likert_page_reads_the_french_statements_in_french_and_its_own_words_in_arabic(
        workbench, new_page):
    page = new_page(PHONE, locale="ar")
    page.goto(workbench.scenario_url(DEMO_FR, student_id(), lang="ar"))
    page.wait_for_selector(".emm-likert [data-progress]", state="attached")
    root = page.locator(".emm-likert")
    assert root.get_attribute("lang") == "ar"
    statement = root.locator('[data-statement="relevance"] legend span[dir=auto]')
    assert statement.text_content().startswith("Les connaissances et compétences acquises")
    # the author's: the title, the introduction, every statement, the comment's prompt
    assert read_in(root.locator(".emm-title")) == "fr"
    assert read_in(root.locator(".emm-intro p").first) == "fr"
    assert {read_in(s) for s in root.locator("legend span[dir=auto]").all()} == {"fr"}
    # the interface's: the scale's points (a preset), "Not applicable", the count, the notes, Submit
    assert {read_in(label) for label in root.locator('[data-statement="relevance"] .emm-option span').all()} == {"ar"}
    for interface in (root.locator("[data-progress]"), root.locator(".emm-required-note"),
                      root.locator("[data-submit]"), root.locator(".emm-notice").first,
                      root.locator('[data-statement="relevance"] .emm-num')):
        assert read_in(interface) == "ar"
    # what a learner types is theirs: nothing declared for it
    assert root.locator("textarea").get_attribute("lang") is None
    assert read_in(root.locator("textarea")) == "ar"
    assert page.js_errors == []


def test_the_arabic_results_panel_reads_the_statements_in_french(workbench, new_page):
    """The panel is the server's HTML (likert/results_html.py): the author's words marked with
    their language, the reader's not."""
    page = new_page(DESKTOP, locale="ar")
    page.goto(workbench.scenario_url(DEMO_FR, "staff_1", lang="ar"))
    seed(workbench, page, DEMO_FR, SEED, comments=["Très utile, merci."])
    page.goto(workbench.scenario_url(DEMO_FR, "staff_1", lang="ar"))
    page.locator(".emm-likert [data-show-results]").click()
    panel = page.locator(".emm-likert [data-results]")
    panel.locator("table.emm-table").wait_for()
    row = panel.locator('tr[data-row="pace"] th[scope=row]')
    assert read_in(row.locator("span", has_text="Le rythme de la formation")) == "fr"
    assert read_in(row.locator("bdi")) == "ar"  # "(reverse-coded)": the reader's note
    chart = panel.locator('[data-chart="relevance"] .emm-chart-label span')
    assert read_in(chart) == "fr"
    assert read_in(panel.locator("h4").first) == "ar"  # "Results"
    assert {read_in(h) for h in panel.locator("thead th bdi").all()} == {"ar"}  # a preset's points
    assert read_in(panel.locator(".emm-comments li").first) == "ar"  # a learner's comment: theirs
    assert page.js_errors == []


def test_an_arabic_case_study_reads_its_french_case_and_questions_in_french(workbench, new_page):
    page = new_page(PHONE, locale="ar")
    page.goto(workbench.scenario_url(CASE_FR, student_id(), lang="ar"))
    root = page.locator(".emm-case")
    root.locator("[data-question]").first.wait_for()
    assert read_in(root.locator(".emm-title")) == "fr"
    assert read_in(root.locator(".emm-narrative p").first) == "fr"
    assert read_in(root.locator(".emm-key-facts li").first) == "fr"
    assert read_in(root.locator("[data-question] .emm-prompt div[dir=auto]").first) == "fr"
    assert read_in(root.locator("[data-question] .emm-option span").first) == "fr"
    assert read_in(root.locator(".emm-key-facts h4")) == "ar"  # "Key facts"
    assert read_in(root.locator("form h4")) == "ar"  # "Questions"
    assert read_in(root.locator("[data-submit]")) == "ar"
    assert page.js_errors == []


def test_the_arabic_live_room_reads_the_french_decision_in_french_and_its_keys_as_they_work(
        workbench, new_page):
    page = new_page(PROJECTOR, locale="ar")
    page.goto(workbench.scenario_url(ROLE_PLAY_FR, "staff_1", lang="ar"))
    page.wait_for_function("() => document.readyState === 'complete' && !!(window.EMM && window.EMM.Presenter)")
    page.locator(".emm-present-open").click()
    dialog = page.locator(".emm-present-dialog[open]")
    dialog.wait_for()
    assert read_in(dialog.locator(".emm-present-title")) == "fr"
    # right to left, ← is "next": the hint says so, and the key does it
    hint = dialog.locator(".emm-present-keys:visible").text_content()
    assert hint.index("←") < hint.index("→")
    assert dialog.locator('[data-act="next"]').get_attribute("aria-keyshortcuts") == "ArrowLeft"
    page.keyboard.press("ArrowLeft")
    slide = dialog.locator("[data-slide]:not([hidden])")
    assert slide.get_attribute("data-item")  # a decision's screen, not the join screen
    assert read_in(slide.locator(".emm-present-prompt")) == "fr"
    assert {read_in(label) for label in slide.locator(".emm-present-label").all()} == {"fr"}
    assert read_in(slide.locator(".emm-present-count")) == "ar"  # "Decision 1 of 6"
    assert read_in(dialog.locator('[data-act="next"]')) == "ar"
    assert page.js_errors == []
