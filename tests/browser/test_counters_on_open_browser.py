"""Trial s10, findings 1 and 2: the length counters as an author and a learner meet them, in Chromium.

* An editor opens with every counter on the text its field holds: the counters are made when the
  engine starts (emm-editor.js ``create``), before the editor puts the stored content in, so each
  editor recounts once its form is filled (``ed.recount()``), and the engine counts a row it adds.
  Before: every visible counter said the field's whole limit ("20000 caractères restants" under a
  229-character introduction), and a row's counter appeared only once its field took the focus.
* The counters write their numbers as the rest of the page does (``EMM.count``: Intl, the language
  of the block): "19 771" in French (a narrow no-break space, U+202F, as CLDR gives it; the
  server's Babel writes the same, ``common/numbers.py``), "49,699" in English.
* A comment put back from the device (Likert) shows its real count, in French.

The expected texts are computed as the page computes them: the msgid's translation for the raw
number (``ngettext``), the number written by ``common.numbers.number`` in the block's language."""

import pytest
from django.utils import translation

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.common import numbers
from emm_xblocks.common.settings import TEXT_MAX
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.role_play import editor as role_play_editor
from emm_xblocks.workbench.services import LmsI18nService
from tests.browser.conftest import DEMO_FR, DESKTOP, PHONE, open_json_tab, student_id

pytestmark = pytest.mark.browser

LIKERT, CASE, ROLE_PLAY = ".emm-likert-editor", ".emm-case-editor", ".emm-rp-studio"
CASE_DEMO = "emm_case_study.0"  # scenarios/emm_case_study-1-en.xml
ROLE_PLAY_DEMO = "emm_role_play.0"  # scenarios/emm_role_play-1-en.xml
NNBSP = "\u202f"  # French thousands separator in CLDR (Intl and Babel)
LEFT = ("{n} character left", "{n} characters left")
TOO_MANY = ("{n} character too many (limit {max}): nothing was cut, shorten the text.",
            "{n} characters too many (limit {max}): nothing was cut, shorten the text.")


def says(msgids, n, lang, **values):
    """What a counter says for ``n`` in ``lang``: the form chosen by ``n`` itself, the numbers
    written as the language writes them."""
    with translation.override(lang):
        text = LmsI18nService().ngettext(msgids[0], msgids[1], n)
    for key, value in dict(values, n=n).items():
        text = text.replace("{" + key + "}", numbers.number(value, lang, 0))
    return text


def counter(control):
    return control.locator("xpath=following-sibling::*[contains(@class, 'emm-counter')][1]")


def open_editor(page, url, root):
    """The editor at ``url`` once its script has set it up: its name filled and its counters drawn
    (``EMM.watchLimits``, the engine's last step), before a test clicks in it."""
    page.goto(url)
    page.wait_for_function("(el) => el.value !== ''", arg=page.locator(f"{root} [data-field=display_name]")
                           .element_handle())
    page.wait_for_selector(f"{root} .emm-counter", state="attached")


def test_the_french_likert_editor_opens_with_each_counter_on_its_text_in_french(workbench, new_page):
    page = new_page(DESKTOP)
    open_editor(page, f"{workbench.base_url}/scenario/{DEMO_FR}/studio_view/?student=staff_1&lang=fr", LIKERT)
    limits = likert_editor.COUNTED

    intro = page.locator(f"{LIKERT} [data-key=intro]")
    left = limits["intro"] - len(intro.input_value())
    assert 1000 <= left < limits["intro"] - 100  # a real text, and a count with a thousands separator
    assert counter(intro).is_visible()
    assert counter(intro).text_content() == says(LEFT, left, "fr")
    assert NNBSP in counter(intro).text_content() and "caractères restants" in counter(intro).text_content()

    # every statement drawn from the survey, counted before any of them takes the focus
    statements = page.locator(f"{LIKERT} [data-list=statements] [data-key=text]")
    assert statements.count() >= 3
    for i in range(statements.count()):
        text = statements.nth(i)
        assert counter(text).text_content() == says(LEFT, limits["statements.*.text"] - len(text.input_value()), "fr")
    # a one-line field's counter shows only near its limit, but it counts the text all the same
    name = page.locator(f"{LIKERT} [data-field=display_name]")
    assert counter(name).is_hidden()
    assert counter(name).text_content() == says(LEFT, TEXT_MAX - len(name.input_value()), "fr")

    # a statement added: counted as soon as it is drawn, in French
    page.locator(f"{LIKERT} [data-add=statements]").click()
    added = statements.last
    assert page.evaluate("() => document.activeElement.getAttribute('data-key')") == "text"
    assert counter(added).text_content() == says(LEFT, 1000, "fr") == f"1{NNBSP}000 caractères restants"
    added.fill("x" * 1004)
    assert counter(added).text_content() == says(TOO_MANY, 4, "fr", max=1000)
    assert f"(limite 1{NNBSP}000)" in counter(added).text_content()
    assert page.js_errors == []


def test_the_role_play_editor_opens_with_its_counters_on_its_text_in_english(workbench, new_page):
    page = new_page(DESKTOP)
    open_editor(page, f"{workbench.base_url}/scenario/{ROLE_PLAY_DEMO}/studio_view/?student=staff_1&lang=en",
                ROLE_PLAY)
    limits = role_play_editor.COUNTED
    intro = page.locator(f"{ROLE_PLAY} [data-key=intro]")
    left = limits["intro"] - len(intro.input_value())
    assert 1000 <= left < limits["intro"] - 100
    assert counter(intro).text_content() == says(LEFT, left, "en")
    assert "," in counter(intro).text_content()  # "49,699 characters left"

    narratives = page.locator(f"{ROLE_PLAY} [data-list=nodes] [data-key=narrative]")  # the nodes, drawn by the editor
    assert narratives.count() >= 3
    for i in range(narratives.count()):
        text = narratives.nth(i)
        assert counter(text).text_content() == says(LEFT, limits["nodes.*.narrative"] - len(text.input_value()), "en")
    assert page.js_errors == []


def test_the_case_study_editor_counts_the_text_it_opens_with_and_the_text_a_json_apply_puts_in(workbench, new_page):
    page = new_page(DESKTOP)
    open_editor(page, f"{workbench.base_url}/scenario/{CASE_DEMO}/studio_view/?student=staff_1", CASE)
    limit = case_editor.COUNTED["narrative"]
    narrative = page.locator(f"{CASE} [data-key=narrative]")
    assert narrative.input_value() and counter(narrative).is_visible()
    assert counter(narrative).text_content() == says(LEFT, limit - len(narrative.input_value()), "en")
    prompts = page.locator(f"{CASE} [data-list=questions] > [data-row] [data-key=prompt]")
    for i in range(prompts.count()):
        prompt = prompts.nth(i)
        assert counter(prompt).text_content() == says(
            LEFT, case_editor.COUNTED["questions.*.prompt"] - len(prompt.input_value()), "en")

    # "Edit as JSON": the form shows the JSON, its counters count what the JSON put in
    longer = "<p>" + "The border post at Assamaka. " * 40 + "</p>"
    open_json_tab(page, CASE).evaluate(
        "(box, text) => { const data = JSON.parse(box.value); data.narrative = text;"
        " box.value = JSON.stringify(data); }", longer)
    page.locator(f"{CASE} [data-json-apply]").click()
    assert narrative.input_value() == longer
    assert counter(narrative).text_content() == says(LEFT, limit - len(longer), "en")
    assert page.js_errors == []


LIKERT_COMMENT = """
<emm_likert display_name="Fin de formation" anonymous="false" comment="true">
  <item id="relevance">La formation est utile pour mon travail.</item>
</emm_likert>
"""


CASE_REFLECTION = """
<emm_case_study display_name="Au poste frontière">
  <narrative><![CDATA[<p>Deux adolescents au poste frontière.</p>]]></narrative>
  <question id="write" type="reflection" min_words="5">
    <prompt><![CDATA[<p>Que faites-vous ?</p>]]></prompt>
  </question>
</emm_case_study>
"""


@pytest.mark.parametrize(("xml", "box", "text", "limit", "shown"), [
    (LIKERT_COMMENT, ".emm-likert textarea[name=comment]", "Très utile, surtout les études de cas sur le terrain.",
     2000, f"1{NNBSP}947 caractères restants"),
    (CASE_REFLECTION, ".emm-case textarea", "J'écoute chaque adolescent à part, avec une interprète et une collègue.",
     None, f"19{NNBSP}9"),
], ids=["likert comment", "case-study answer"])
def test_a_text_put_back_from_the_device_shows_its_count_in_french(workbench, new_page, xml, box, text, limit, shown):
    """A learner's text kept on the phone and put back at the next visit is counted as it stands
    (the case study counted it before putting it back: "20 000 caractères restants")."""
    from emm_xblocks.common.questions import MAX_ANSWER_CHARS

    limit = limit or MAX_ANSWER_CHARS
    scenario = workbench.add_scenario(xml)
    page = new_page(PHONE)
    url = workbench.scenario_url(scenario, student_id(), lang="fr")
    area = page.locator(box)
    page.goto(url)
    area.fill(text)
    page.locator("[data-draft-status]").filter(has_text="appareil").wait_for()  # kept on the device

    page.goto(url)  # a reload: the text comes back from the device
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    assert area.input_value() == text
    assert counter(area).text_content() == says(LEFT, limit - len(text), "fr")
    assert shown in counter(area).text_content()
    assert page.js_errors == []
