"""The Studio editors on a 360 px wide screen (course authors in Niger edit on phones and small
laptops): nothing is wider than the screen, in every tab of every editor, so the page never
scrolls sideways and no field, button or table is cut. What genuinely needs more room (the
role-play's map, a wide table) scrolls inside its own box instead. The same in Arabic, where an
overflow would go out at the left edge, where nobody can scroll to."""

from importlib import resources

import pytest

pytestmark = pytest.mark.browser

NARROW = {"width": 360, "height": 740}
EDITORS = {"emm_likert-1-en.xml": ".emm-likert-editor", "emm_case_study-1-en.xml": ".emm-case-editor",
           "emm_knowledge_check-1-en-pre.xml": ".emm-kc-editor", "emm_role_play-1-en.xml": ".emm-rp-studio",
           "emm_evaluation_report-1-en.xml": ".emm-er-editor"}

# The boxes meant to scroll sideways (what they hold may be wider: the box is measured itself),
# and the screen readers' text clipped to a pixel. Any other box that scrolls excuses nothing:
# text cut at its edge is cut all the same.
SCROLLERS = ".emm-rp-map, .emm-table-wrap, .emm-sr"
# Every rendered element of the editor that reaches past either edge of the viewport, as
# "selector: +N px" where an overflow starts or grows; first, the page's own sideways scroll.
OVERFLOWS = """({root, scrollers}) => {
  const width = document.documentElement.clientWidth, found = [];
  const name = (el) => {
    const parts = [];
    for (let e = el; e && e !== root.parentElement && parts.length < 4; e = e.parentElement) {
      let part = e.tagName.toLowerCase();
      if (e.id) { part += '#' + e.id; }
      part += Array.from(e.classList).map((c) => '.' + c).join('');
      for (const attr of ['data-key', 'data-field', 'data-list', 'data-panel', 'data-tab', 'role']) {
        if (e.hasAttribute(attr)) { part += `[${attr}=${e.getAttribute(attr)}]`; }
      }
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const held = (el) => !!(el.parentElement && el.parentElement.closest(scrollers));
  const overs = new Map();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden' || held(el)) { continue; }
    const box = el.getBoundingClientRect();
    if (!box.width) { continue; }
    const over = Math.max(box.right - width, -box.left);
    if (over <= 0.5) { continue; }
    overs.set(el, over);
    // one line where an overflow starts or grows, not one for each thing inside it
    if (!(overs.get(el.parentElement) >= over - 0.5)) { found.push(`${name(el)}: +${Math.round(over)} px`); }
  }
  const page = document.documentElement.scrollWidth;
  if (page > window.innerWidth) { found.unshift(`the page scrolls sideways: ${page} px > ${window.innerWidth} px`); }
  return found;
}"""


def open_editor(workbench, new_page, demo, lang="en", locale="en-US"):
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", demo).read_text("utf-8")
    scenario = workbench.add_scenario(xml)
    editor = EDITORS[demo]
    page = new_page(NARROW, locale=locale)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang={lang}")
    name = page.locator(f"{editor} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    if "role_play" in demo:
        page.wait_for_selector(f"{editor} [data-problem-count]:not(:empty)")  # the map is drawn
    return page, editor


def unfold_all(page, editor):
    """Every folded part open (nodes, questions, "Edit as JSON"), so that it is measured too."""
    page.evaluate("(root) => root.querySelectorAll('details').forEach((d) => { d.open = true; })",
                  page.locator(editor).element_handle())
    page.wait_for_timeout(100)  # the toggle events run (the JSON tab fills its box)


def assert_fits(page, editor, where):
    found = page.evaluate(OVERFLOWS, {"root": page.locator(editor).element_handle(), "scrollers": SCROLLERS})
    assert found == [], f"{where}: wider than the 360 px screen:\n" + "\n".join(found)


@pytest.mark.parametrize("demo", sorted(EDITORS))
def test_each_editor_and_each_of_its_tabs_fits_a_360px_screen(demo, workbench, new_page):
    page, editor = open_editor(workbench, new_page, demo)
    assert_fits(page, editor, f"{demo}, as opened")
    unfold_all(page, editor)
    assert_fits(page, editor, f"{demo}, every part unfolded")
    if "role_play" in demo:
        page.get_by_role("tab", name="Edit as XML").click()
        page.locator(f"{editor} [data-panel=xml]:not([hidden])").wait_for()
        assert_fits(page, editor, f"{demo}, Edit as XML")
        page.get_by_role("tab", name="Form and map").click()
        page.locator(f"{editor} [data-panel=form]:not([hidden])").wait_for()
        assert_fits(page, editor, f"{demo}, back to the form and map")
    else:
        json_box = page.locator(f"{editor} [data-json-tab] [data-json]")
        page.wait_for_function("(el) => el.value !== ''", arg=json_box.element_handle())
        assert_fits(page, editor, f"{demo}, Edit as JSON")
    assert page.js_errors == []


@pytest.mark.parametrize("demo", ["emm_role_play-1-en.xml", "emm_likert-1-en.xml"])
def test_an_arabic_editor_fits_a_360px_screen(demo, workbench, new_page):
    page, editor = open_editor(workbench, new_page, demo, lang="ar", locale="ar")
    assert page.locator(editor).evaluate("(root) => getComputedStyle(root).direction") == "rtl"
    unfold_all(page, editor)
    assert_fits(page, editor, f"{demo} in Arabic")
    if "role_play" in demo:
        page.locator(f"{editor} [data-tab=xml]").click()
        page.locator(f"{editor} [data-panel=xml]:not([hidden])").wait_for()
        assert_fits(page, editor, f"{demo} in Arabic, the XML tab")
    assert page.js_errors == []


LONG_ID = "po_arrival_at_the_screening_desk_of_assamaka_posts"  # 50 characters, the most an id has
GONE_ID = "po_interview_with_the_girl_through_the_interpreter"  # a node no node is


def long_words_scenario(workbench):
    """The role-play demo with the longest id an author may give a node, and a choice leading to a
    node that does not exist: the summary, the map's problem list and the selects name them."""
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", "emm_role_play-1-en.xml").read_text("utf-8")
    assert len(LONG_ID) == len(GONE_ID) == 50
    xml = xml.replace('"po-arrival"', f'"{LONG_ID}"').replace('<choice goto="po-uncle"', f'<choice goto="{GONE_ID}"', 1)
    return workbench.add_scenario(xml)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_longest_ids_and_their_problems_fit_a_360px_screen(lang, workbench, new_page):
    scenario = long_words_scenario(workbench)
    editor = EDITORS["emm_role_play-1-en.xml"]
    page = new_page(NARROW, locale=lang)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang={lang}")
    page.wait_for_selector(f"{editor} [data-problem-list] li")  # the check came back: the goto is broken
    assert GONE_ID in page.locator(f"{editor} [data-problem-list]").inner_text()
    unfold_all(page, editor)
    assert LONG_ID in page.locator(f"{editor} [data-list=nodes] summary").first.inner_text()
    assert_fits(page, editor, f"the role-play with 50-character ids ({lang})")
    assert page.js_errors == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_long_id_used_twice_and_its_problem_fit_a_360px_screen(lang, workbench, new_page):
    demo = "emm_knowledge_check-1-en-pre.xml"
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", demo).read_text("utf-8")
    xml = xml.replace('<question id="smuggling"', f'<question id="{GONE_ID}"').replace(
        '<question id="child_means"', f'<question id="{GONE_ID}"')
    scenario = workbench.add_scenario(xml)
    editor = EDITORS[demo]
    page = new_page(NARROW, locale=lang)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang={lang}")
    name = page.locator(f"{editor} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    unfold_all(page, editor)
    page.locator(f"{editor} [data-save]").click()  # refused: the problems are shown, the alert says why
    page.locator(f"{editor} [data-save-alert]:not([hidden])").wait_for()
    page.locator(f"{editor} [data-error-key]").filter(has_text=GONE_ID).first.wait_for()
    assert_fits(page, editor, f"the knowledge check with a 50-character id used twice ({lang})")
    assert page.js_errors == []
