"""The live room at 640x360 CSS px (a laptop at 200 % zoom) with the author's long words: a
400-character French decision or question holding an address whose path is one word and a word
joined by non-breaking hyphens, its options as long (the projection's words ran off its right edge,
the slide scrolling sideways: bug hunt). On every screen of the room (the staff's page with "Present", the projection's
join screen, each item's screen, the "End the session?" question; the learner's screens the QR
code leads to: the role-play's role and decision, the case study's question) the page does not
scroll sideways and every line of text stays inside the screen, wrapped where it must be."""

import pytest

from tests.browser.conftest import student_id
from tests.browser.test_live_browser import DIALOG, visible_slide

pytestmark = pytest.mark.browser

ZOOMED = {"width": 640, "height": 360}
# no break opportunity in either but where a word may break anywhere: the address's path is one word
# (underscores), the hyphen a non-breaking one (U+2011, as a word processor puts it)
ADDRESS = "https://www.exemple.org/rapports/cooperation_interministerielle_transfrontaliere_2024_annexe_statistique.pdf"
LONG = ("Le coordonnateur des réunions interministérielles\u2011transfrontalières vous transmet le rapport publié sur "
        f"{ADDRESS} alors que trois familles attendent au poste-frontière depuis ce matin même et qu’un enfant "
        "de onze ans semble voyager seul avec un adulte qui répond pour lui : que décidez-vous de faire ?")
WORD = "Coopération\u2011interministérielles\u2011transfrontalières"
assert len(LONG) == 400, len(LONG)

ROLE_PLAY = (f'<emm_role_play display_name="{WORD} {WORD}" content_language="fr" min_group_size="1">'
             f'<role id="r1" start="a">Agente {WORD}</role>'
             f'<node id="a" speaker="{WORD}"><narrative><![CDATA[<p>{LONG}</p>]]></narrative>'
             f'<choice goto="end" points="2">{LONG}</choice><choice goto="end" points="0">Écouter {ADDRESS}</choice>'
             '</node><node id="end" ending="true"><narrative>Fin.</narrative></node></emm_role_play>')
CASE = (f'<emm_case_study display_name="{WORD}" content_language="fr" min_group_size="1">'
        f"<narrative><![CDATA[<p>{LONG}</p>]]></narrative>"
        f'<question id="q1" type="single" points="1"><prompt><![CDATA[<p>{LONG}</p>]]></prompt>'
        f'<option id="a" correct="true">{LONG}</option><option id="b">{ADDRESS}</option></question></emm_case_study>')

# what sticks out: the page wider than the screen, a box whose text overflows it, a line of text
# past the screen's edges (a text's own boxes: a long word that did not wrap)
OVERFLOW = """(root) => {
  const width = document.documentElement.clientWidth, out = [];
  if (document.documentElement.scrollWidth > width) { out.push('page ' + document.documentElement.scrollWidth); }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const box = node.parentElement;
    // what is drawn: not a list's options, nor a screen reader's words (.emm-sr, clipped to 1 px)
    if (!node.textContent.trim() || !box.checkVisibility() || box.closest('select, svg, .emm-sr')) { continue; }
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width && (r.left < -1 || r.right > width + 1)) {
        const words = node.textContent.trim().slice(0, 40);
        out.push(`text past the edge (${Math.round(r.left)}..${Math.round(r.right)}): ${words}`);
        break;
      }
    }
    for (let el = box; el && el !== root.parentElement; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') {
        out.push(`scrolls sideways (${el.scrollWidth} > ${el.clientWidth}): ${el.className || el.tagName}`);
        break;
      }
    }
  }
  return [...new Set(out)];
}"""


BLOCK = "[data-block-type^=emm_]"  # the block on the workbench's page (which shows its XML below it)


def overflow(page, selector):
    return page.locator(selector).first.evaluate(OVERFLOW)


def present(page, workbench, scenario):
    page.goto(workbench.scenario_url(scenario, "staff_1", lang="fr"))
    page.wait_for_function("() => document.readyState === 'complete' && !!(window.EMM && window.EMM.Presenter)")
    assert overflow(page, BLOCK) == [], "the staff's page"
    page.get_by_role("button", name="Présenter").click()
    page.locator(f"{DIALOG}[open]").wait_for()
    screens = {"join": overflow(page, DIALOG)}
    page.get_by_role("button", name="Ouvrir la séance").click()
    page.locator(f"{DIALOG} .emm-present[data-state=open]").wait_for()
    page.keyboard.press("ArrowRight")
    visible_slide(page).locator("[data-total]:not(:empty)").wait_for()
    screens["item"] = overflow(page, DIALOG)
    page.get_by_role("button", name="Terminer la séance").click()
    page.locator(f"{DIALOG} [data-confirm]:not([hidden])").wait_for()
    screens["end?"] = overflow(page, DIALOG)
    return screens


def test_a_role_play_decision_of_long_words_fits_the_zoomed_screen(workbench, new_page):
    scenario = workbench.add_scenario(ROLE_PLAY)
    page = new_page(ZOOMED, locale="fr-FR")
    assert present(page, workbench, scenario) == {"join": [], "item": [], "end?": []}

    learner = new_page(ZOOMED, locale="fr-FR")
    learner.goto(workbench.scenario_url(scenario, student_id(), lang="fr"))
    learner.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    assert overflow(learner, BLOCK) == [], "the roles"
    learner.locator(".emm-role-play [data-role=r1]").click()
    learner.locator(".emm-role-play [data-choice]").first.wait_for()
    assert overflow(learner, BLOCK) == [], "the decision"
    assert page.js_errors == [] and learner.js_errors == []


def test_a_case_study_question_of_long_words_fits_the_zoomed_screen(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(ZOOMED, locale="fr-FR")
    assert present(page, workbench, scenario) == {"join": [], "item": [], "end?": []}

    learner = new_page(ZOOMED, locale="fr-FR")
    learner.goto(workbench.scenario_url(scenario, student_id(), lang="fr"))
    learner.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    assert overflow(learner, BLOCK) == [], "the question"
    assert page.js_errors == [] and learner.js_errors == []
