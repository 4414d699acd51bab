"""The markup several blocks share looks the same in each of them, and two blocks on one unit page
never restyle each other (decision 52), in headless Chromium:

* the knowledge check's questions (common/question_views.py) have the case study's look: options
  44 px tall to touch on a phone, each result's colour (green, red) on its edge;
* a Likert and a case study on one page keep each one's option layout, whichever block's
  stylesheet the page loads last (the Likert's options stand in a column from 40rem, the case
  study's stay a row; the sheets used to restyle the other block's ``.emm-option``);
* the knowledge check's editor (the case study's, on its form) draws its rows with their border,
  and the evaluation report's its JSON box in a monospace font (templates/common/editor_*.html,
  styled by emm-editor.css, which every editor loads).
"""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, student_id

pytestmark = pytest.mark.browser

PRE, POST = "emm_knowledge_check.0", "emm_knowledge_check.1"  # the English pre- and post-test
# every answer right but child_means
POST_ANSWERS = {"smuggling": "smuggling", "child_means": "yes", "nonrefoulement": "before",
                "trafficking_traits": ["exploitation", "no_border", "person"]}
GREEN, RED, LINE = "rgb(26, 127, 55)", "rgb(180, 35, 24)", "rgb(201, 209, 217)"  # emm-common.css
LIKERT = ('<emm_likert display_name="Evaluation" allow_na="true"><item id="useful">The session was useful.</item>'
          "</emm_likert>")
CASE = ('<emm_case_study display_name="Case"><narrative><![CDATA[<p>A case.</p>]]></narrative>'
        '<question id="q1" type="single" points="1"><prompt><![CDATA[<p>Which one?</p>]]></prompt>'
        '<option id="a" correct="true">A rather long first option that wraps on a narrow screen</option>'
        '<option id="b">B</option></question></emm_case_study>')
# what makes an option's layout: the label, then its radio button
LAYOUT = """(root) => {
  const option = document.querySelector(root + ' .emm-option'), input = option.querySelector('input');
  const css = getComputedStyle(option), box = option.getBoundingClientRect();
  return {display: css.display, direction: css.flexDirection, align: css.alignItems, textAlign: css.textAlign,
          padding: css.padding, minHeight: css.minHeight, height: box.height >= 44,
          inputMargin: getComputedStyle(input).margin};
}"""


def open_page(page, url, root):
    page.goto(url)
    page.wait_for_selector(f"{root} [data-status]", state="attached")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def answer(page, answers):
    for qid, value in answers.items():
        for option in value if isinstance(value, list) else [value]:
            page.locator(f'.emm-kc [data-question="{qid}"] input[value="{option}"]').check()


def test_the_knowledge_checks_options_are_44px_on_a_phone_and_its_results_show_their_colours(workbench, new_page):
    learner = student_id()
    page = new_page(PHONE)
    open_page(page, workbench.scenario_url(PRE, learner), ".emm-kc")
    heights = page.eval_on_selector_all(".emm-kc .emm-option", "els => els.map(e => e.getBoundingClientRect().height)")
    assert len(heights) >= 8 and min(heights) >= 44, heights
    assert page.evaluate("document.querySelector('.emm-kc').getBoundingClientRect().right") <= PHONE["width"]
    answer(page, {"smuggling": "trafficking", "child_means": "yes", "nonrefoulement": "before",
                  "trafficking_traits": ["exploitation"]})
    page.get_by_role("button", name="Submit").click()
    page.locator(".emm-kc [data-feedback]").filter(has_text="your answers are kept").wait_for()

    open_page(page, workbench.scenario_url(POST, learner), ".emm-kc")
    answer(page, POST_ANSWERS)
    page.get_by_role("button", name="Submit").click()
    page.locator(".emm-kc .emm-result").first.wait_for()
    edges = page.eval_on_selector_all(".emm-kc .emm-result", """els => Object.fromEntries(els.map(e => [
        e.getAttribute('data-result'), [e.className.replace('emm-result ', ''),
        getComputedStyle(e).borderInlineStartColor, getComputedStyle(e).borderInlineStartWidth]]))""")
    assert edges == {"smuggling": ["emm-correct", GREEN, "4px"], "child_means": ["emm-incorrect", RED, "4px"],
                     "nonrefoulement": ["emm-correct", GREEN, "4px"],
                     "trafficking_traits": ["emm-correct", GREEN, "4px"]}
    verdict = page.locator(".emm-kc .emm-verdict").first.evaluate("e => getComputedStyle(e).fontWeight")
    assert verdict == "600"
    assert page.js_errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_likert_and_a_case_study_on_one_page_keep_their_own_option_layout(workbench, new_page, viewport):
    alone = {}
    for root, xml in ((".emm-likert", LIKERT), (".emm-case", CASE)):
        page = new_page(viewport)
        open_page(page, workbench.scenario_url(workbench.add_scenario(xml), student_id()), root)
        alone[root] = page.evaluate(LAYOUT, root)
    # the two blocks' own layouts differ (else this test would prove nothing)
    assert alone[".emm-likert"]["align"] == "center" and alone[".emm-case"]["align"] == "flex-start"
    assert alone[".emm-likert"]["inputMargin"] != alone[".emm-case"]["inputMargin"]
    if viewport is DESKTOP:
        assert alone[".emm-likert"]["direction"] == "column" and alone[".emm-case"]["direction"] == "row"
    assert alone[".emm-likert"]["height"] and alone[".emm-case"]["height"]

    last = []
    for first, second in ((LIKERT, CASE), (CASE, LIKERT)):
        page = new_page(viewport)
        open_page(page, workbench.scenario_url(workbench.add_scenario(first + second), student_id()), ".emm-case")
        sheets = page.eval_on_selector_all('link[rel="stylesheet"]', "ls => ls.map(l => l.href.split('/').pop())")
        last.append(max(("emm-likert.css", "emm-case-study.css"), key=sheets.index))
        for root in (".emm-likert", ".emm-case"):
            assert page.evaluate(LAYOUT, root) == alone[root], (root, "after", first[:15])
        assert page.js_errors == []
    assert last == ["emm-case-study.css", "emm-likert.css"]  # each block's sheet came last once


@pytest.mark.parametrize(("scenario", "editor"),
                         [(PRE, ".emm-kc-editor"), ("emm_evaluation_report.0", ".emm-er-editor")])
def test_the_editors_that_reuse_the_case_study_editor_get_its_look(workbench, new_page, scenario, editor):
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    page.locator(f"{editor} [data-json]").wait_for(state="attached")
    json_font = page.locator(f"{editor} [data-json]").evaluate("e => getComputedStyle(e).fontFamily")
    assert "monospace" in json_font
    if editor == ".emm-kc-editor":
        row = page.locator(f"{editor} .emm-ed-row").first
        row.wait_for()
        border = row.evaluate("""e => { const s = getComputedStyle(e);
            return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.borderTopLeftRadius]; }""")
        assert border == ["1px", "solid", LINE, "6px"]
        assert page.locator(f"{editor} .emm-ed-list").first.evaluate("e => getComputedStyle(e).listStyleType") == "none"
    assert page.js_errors == []


# each checkbox of a `.emm-check` row and its label: the box's edges, the label's and its first line's height
CHECK_ROWS = """(root) => Array.from(document.querySelectorAll(root + ' .emm-check')).filter(
  (row) => row.offsetParent !== null).map((row) => {
  const box = row.querySelector('input[type=checkbox]').getBoundingClientRect();
  const label = row.querySelector('label'), text = label.getBoundingClientRect();
  return {label: label.textContent.trim().slice(0, 40), boxEnd: box.right, boxTop: box.top, boxBottom: box.bottom,
          textStart: text.left, textTop: text.top, line: parseFloat(getComputedStyle(label).lineHeight),
          lines: Math.round(text.height / parseFloat(getComputedStyle(label).lineHeight))};
})"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_checkbox_stands_beside_its_label_however_long_the_label(workbench, new_page, viewport):
    """A `.emm-check` row (an editor's yes/no setting, a self-assessed key point) keeps the box on
    the first line of its label, the label wrapping beside it: a long label once dropped whole to
    the line below, leaving the box alone above it (found on the French Likert editor's
    "Anonymous" and on a phone's key points)."""
    page = new_page(viewport)
    page.goto(f"{workbench.base_url}/scenario/emm_likert.1/studio_view/?student=staff_1&lang=fr")
    page.locator(".emm-likert-editor .emm-check").first.wait_for()
    rows = page.evaluate(CHECK_ROWS, ".emm-likert-editor")
    assert len(rows) >= 3 and any(r["lines"] > 1 for r in rows), rows  # some labels wrap at this width
    for r in rows:
        assert r["boxEnd"] <= r["textStart"], r  # beside, before the text (left to right here)
        assert r["textTop"] - 2 <= r["boxTop"] and r["boxBottom"] <= r["textTop"] + r["line"] + 2, r  # its first line
    assert page.js_errors == []


CARD = """(root) => { const s = getComputedStyle(document.querySelector(root + ' [data-profile]'));
  return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.borderTopLeftRadius]; }"""


def test_the_profile_question_is_the_same_card_in_the_role_play_as_in_the_case_study(workbench, new_page):
    """The participant profile question ("You work for") is a light card with rounded corners in
    the case study; the role-play drew the browser's default grey fieldset border around it."""
    page = new_page(PHONE)
    page.goto(workbench.scenario_url("emm_case_study.0", student_id()))
    page.locator(".emm-case [data-profile]").wait_for()
    case = page.evaluate(CARD, ".emm-case")
    page.goto(workbench.scenario_url("emm_role_play.0", student_id()))
    page.locator(".emm-role-play [data-profile]").wait_for()
    assert page.evaluate(CARD, ".emm-role-play") == case == ["1px", "solid", LINE, "6px"]
    assert page.js_errors == []


# the keyboard focus ring's colour against the white page it is drawn on (outline-offset: a gap of page)
FOCUS_RING = """() => {
  const lum = (rgb) => rgb.match(/\\d+/g).slice(0, 3).map(Number).map((c) => c / 255)
    .map((c) => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const el = document.activeElement, s = getComputedStyle(el), page = getComputedStyle(document.body).backgroundColor;
  const [a, b] = [lum(s.outlineColor), lum(page === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : page)];
  return {tag: el.tagName, visible: el.matches(':focus-visible'), style: s.outlineStyle,
          width: parseFloat(s.outlineWidth), contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


def test_the_keyboard_focus_ring_stands_out_from_the_page(workbench, new_page):
    """A keyboard user sees where the focus is: the ring around an option or a button has 3:1
    against the page (WCAG 1.4.11, non-text contrast). The light amber ring was 1.6:1 on white: a
    low-vision learner lost it on an unselected radio button (fresh-user trial, session 11)."""
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url("emm_likert.1", student_id()) + "&lang=fr")
    page.locator(".emm-likert input[type=radio]").first.wait_for()
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    page.locator(".emm-likert input[type=radio]").first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # focus by keyboard: :focus-visible
    ring = page.evaluate(FOCUS_RING)
    assert ring["tag"] == "INPUT" and ring["visible"] and ring["style"] == "solid" and ring["width"] >= 2, ring
    assert ring["contrast"] >= 3, ring
    page.locator(".emm-likert [data-submit]").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    ring = page.evaluate(FOCUS_RING)
    assert ring["tag"] == "BUTTON" and ring["visible"] and ring["contrast"] >= 3, ring
    assert page.js_errors == []


# every question box of a block inside the block: its edges, the block's
BOXES_INSIDE = """() => {
  const root = document.querySelector('.emm'), edge = root.getBoundingClientRect();
  return [...root.querySelectorAll('fieldset')].filter((f) => f.offsetParent !== null).map((f) => {
    const box = f.getBoundingClientRect();
    return {box: (f.getAttribute('data-question') || f.getAttribute('data-statement') || f.className).slice(0, 30),
            left: Math.round(box.left - edge.left), right: Math.round(edge.right - box.right)};
  });
}"""


TWICE = [("emm_case_study.1", "fr"), ("emm_knowledge_check.2", "fr"), ("emm_likert.1", "fr"), ("emm_role_play.1", "fr"),
         ("emm_case_study.1", "ar")]


@pytest.mark.parametrize(("scenario", "lang"), TWICE,
                         ids=["case-study", "knowledge-check", "likert", "role-play", "case-study-arabic"])
def test_at_twice_the_text_size_on_a_phone_no_question_box_is_wider_than_the_block(workbench, new_page, scenario,
                                                                                  lang):
    """A phone whose owner doubled the text size: a question box (a fieldset) took the width of its
    longest word ("non-refoulement", "gouvernement": a fieldset's minimum is its content's, the
    browser's default), and so did the options' grid, a statement's legend and a button, up to
    180 px wider than the block: every line had to be scrolled sideways, and in Arabic the part
    outside could not be reached at all. Now a word longer than its line wraps inside it."""
    page = new_page(PHONE, locale="fr-FR" if lang == "fr" else "ar")
    page.goto(workbench.scenario_url(scenario, student_id(), lang=lang))
    page.locator(".emm fieldset").first.wait_for()
    page.add_style_tag(content="html { font-size: 200% !important; }")
    boxes = page.evaluate(BOXES_INSIDE)
    assert boxes and all(b["left"] >= 0 and b["right"] >= 0 for b in boxes), boxes
    outside = page.evaluate("""() => { const r = document.querySelector('.emm'), e = r.getBoundingClientRect();
      return [...r.querySelectorAll('*')].filter((n) => { const b = n.getBoundingClientRect();
        return b.width > 0 && (b.right > e.right + 0.5 || b.left < e.left - 0.5); })
        .map((n) => n.tagName + '.' + n.className + ' ' + Math.round(n.getBoundingClientRect().right - e.right)); }""")
    assert outside == [], outside
    assert page.js_errors == []


def test_the_knowledge_check_scores_at_twice_the_text_size_do_not_make_the_page_scroll_sideways(workbench, new_page):
    """As the check of the forms above, after the French post-test's submit: every other learner table (case-study
    distribution, Likert results, role-play split, the pair's figures) is in a scrolling region; the scores table
    was not, and the whole page scrolled sideways (bug hunt s44)."""
    page = new_page(PHONE, locale="fr-FR", touch=True)
    block = ".emm-kc"
    open_page(page, workbench.scenario_url("emm_knowledge_check.3", student_id(), lang="fr"), block)
    questions = page.locator(f"{block} [data-question]")
    for i in range(questions.count()):
        questions.nth(i).locator("input").first.check()
    page.locator(f"{block} [data-submit]").click()
    page.locator(f"{block} .emm-kc-scores").wait_for()
    page.add_style_tag(content="html { font-size: 200% !important; }")
    page.wait_for_timeout(300)
    outside = page.evaluate("""() => { const r = document.querySelector('.emm'), e = r.getBoundingClientRect();
      return [...r.querySelectorAll('*')].filter((n) => {
        if (n.closest('[role=region]') && !n.matches('[role=region]')) { return false; }  /* scrolls in its box */
        const b = n.getBoundingClientRect();
        return b.width > 0 && (b.right > e.right + 0.5 || b.left < e.left - 0.5); })
        .map((n) => n.tagName + '.' + n.className + ' ' + Math.round(n.getBoundingClientRect().right - e.right)); }""")
    assert outside == [], outside
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    assert page.js_errors == []
