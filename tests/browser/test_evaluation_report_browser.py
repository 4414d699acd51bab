"""The evaluation report (``emm_evaluation_report``, issue 11 §2 reaction) in headless Chromium:
after learners answer the English demo evaluation, course staff read its figures and the IOM-style
headline in the report; axe finds nothing; a learner sees nothing of it. Needs the
``emm_evaluation_report`` entry point (a venv installed from this tree)."""

import re

import pytest

from tests.browser.conftest import DEMO_EN, DESKTOP, PHONE, assert_axe_clean, landmark_names, student_id
from tests.browser.test_likert_browser import SEED

pytestmark = pytest.mark.browser

REPORT = "emm_evaluation_report.0"  # scenarios/emm_evaluation_report-1-en.xml
DEMO_COURSE = "emm_evaluation_report.2"  # the English three-day demo course (workbench/scenarios/course/)
BLOCK = ".emm-er"


def test_staff_read_the_courses_evaluations_and_learners_see_nothing(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(DEMO_EN, "staff_1"))  # sets the csrftoken cookie
    for answers in SEED:
        assert workbench.submit(page, DEMO_EN, student_id("seed"), answers).status == 200

    page.goto(workbench.scenario_url(REPORT, "staff_1"))
    page.locator(f"{BLOCK} [data-headline]").wait_for()
    # relevance in SEED: 5, 4, 5, 3, ... -> the headline is its pooled top box
    relevance = [a["relevance"] for a in SEED if a["relevance"] != "na"]
    top = round(100 * sum(1 for v in relevance if v == 5) / len(relevance))
    headline = page.locator(f"{BLOCK} [data-headline]").inner_text()
    assert headline.startswith(f"{top}% strongly agreed that “The knowledge and skills acquired in this training are")
    evaluation = page.locator(f"{BLOCK} [data-evaluation]")
    assert evaluation.count() == 1 and f"{len(SEED)} respondents" in evaluation.inner_text()
    rows = evaluation.locator("tbody tr")
    assert rows.count() == 8
    cells = rows.first.locator("td").all_inner_texts()
    assert cells[0] == str(len(relevance)) and re.fullmatch(r"\d+(\.\d)?%", cells[-3])
    assert_bars_match_their_tables(page, "ltr")
    assert_axe_clean(page, BLOCK)

    # the one-page summary: "Print" opens the browser's print dialog; printed, only the title, the
    # headline and the summary tables remain
    page.evaluate("window.print = () => { window.emmPrinted = true; }")
    page.get_by_role("button", name="Print the one-page summary").click()
    assert page.evaluate("window.emmPrinted === true")
    page.emulate_media(media="print")
    assert page.locator(f"{BLOCK} [data-summary]").is_visible()
    assert page.locator(f"{BLOCK} [data-headline]").is_visible()
    assert page.locator(f"{BLOCK} [data-summary-evaluations] tbody tr").count() == 1
    assert not evaluation.is_visible() and not page.locator(f"{BLOCK} [data-csv]").is_visible()
    # the summary's chart prints, in its colours (browsers drop backgrounds unless told), beside its table
    summary_bar = page.locator(f"{BLOCK} [data-summary] .emm-chart .emm-seg")
    assert summary_bar.count() == 1 and summary_bar.is_visible()
    assert summary_bar.evaluate("(el) => getComputedStyle(el).printColorAdjust") == "exact"
    favourable = page.locator(f"{BLOCK} [data-summary-evaluations] tbody td").last.inner_text()
    assert page.locator(f"{BLOCK} [data-summary] .emm-chart-value").inner_text() == favourable
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1  # one page
    page.emulate_media(media="screen")
    assert evaluation.is_visible()
    assert page.js_errors == []

    learner = new_page(DESKTOP)
    learner.goto(workbench.scenario_url(REPORT, student_id()))
    learner.wait_for_load_state("load")
    assert learner.locator(BLOCK).count() == 0


def test_the_settings_editor_saves_and_checks_the_headline_statement(workbench, new_page):
    from workbench.runtime import WorkbenchRuntime

    usage_id = workbench.usage_id(REPORT)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{REPORT}/studio_view/?student=staff_1")
    editor = ".emm-er-editor"
    field = page.locator(f"{editor} [data-field=headline_statement]")
    page.wait_for_function("(el) => el.value !== ''", arg=field.element_handle())
    assert field.input_value() == "relevance"
    assert_axe_clean(page, editor)
    field.fill("job_needs")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{editor} [data-status]").filter(has_text="Saved.").wait_for()
    assert WorkbenchRuntime("staff_1").get_block(usage_id).load_content().headline_statement == "job_needs"
    field.fill("job needs")
    page.locator(f"{editor} [data-error=headline_statement]").filter(has_text="Give a statement id").wait_for()
    assert page.js_errors == []


def test_in_arabic_the_report_reads_right_to_left(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(REPORT, "staff_1", lang="ar"))
    root = page.locator(BLOCK)
    root.wait_for()
    assert root.get_attribute("dir") == "rtl" and root.get_attribute("lang") == "ar"
    assert page.evaluate(f"getComputedStyle(document.querySelector('{BLOCK}')).direction") == "rtl"
    assert_axe_clean(page, BLOCK)


# the order a keyboard meets the report's parts (a region is a table's scrollable wrapper)
TAB_STOPS = """(root) => Array.from(root.querySelectorAll('a[href], button, [tabindex="0"]'))
    .filter((el) => el.offsetParent !== null)
    .map((el) => el.matches('[data-csv]') ? 'csv' : el.matches('[data-csv-excel]') ? 'excel'
         : el.matches('[data-print]') ? 'print'
         : el.getAttribute('role') === 'region' && el.querySelector('table') ? 'table' : el.outerHTML.slice(0, 80))"""
# every table's box a tab stop exactly while its table is wider than it (emm-common.js, EMM.tableStops)
SETTLED = """(root) => Array.from(root.querySelectorAll('[role=region]')).filter((w) => w.querySelector('table'))
    .every((w) => (w.scrollWidth > w.clientWidth) === (w.getAttribute('tabindex') === '0'))"""
SCROLLING = """(root) => Array.from(root.querySelectorAll('[role=region]'))
    .filter((w) => w.querySelector('table') && w.scrollWidth > w.clientWidth).length"""
REGION_NAMES = """(root) => Array.from(root.querySelectorAll('[role=region]')).filter((w) => w.querySelector('table'))
    .map((w) => w.getAttribute('aria-labelledby').split(' ')
        .map((id) => document.getElementById(id).textContent.trim()).join(' '))"""
FOCUSED = """(root) => {
  const el = document.activeElement;
  if (!root.contains(el)) return null;
  const style = getComputedStyle(el);
  const labels = (el.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id).textContent.trim()).join(' ');
  return {kind: el.matches('[data-csv]') ? 'csv' : el.matches('[data-csv-excel]') ? 'excel'
                : el.matches('[data-print]') ? 'print'
                : el.getAttribute('role') === 'region' && el.querySelector('table') ? 'table' : el.tagName,
          visible: el.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
          caption: el.querySelector('caption') ? el.querySelector('caption').textContent.trim() : null,
          name: labels, scrolls: el.scrollWidth > el.clientWidth};
}"""


# Per statement of each evaluation: the share of the chart's favourable half that its bar fills
# (measured on the screen: the half towards the end of the line, the right in English, the left in
# Arabic), the side its most favourable colour lies on, and its table row's cells.
BARS = """(root) => [...root.querySelectorAll('[data-evaluation]')].flatMap((section) =>
  [...section.querySelectorAll('.emm-chart-row')].map((row) => {
    const cells = [...section.querySelectorAll('tr[data-statement]')]
      .find((tr) => tr.dataset.statement === row.dataset.chart).querySelectorAll('td');
    const track = row.querySelector('.emm-track');
    const out = {id: row.dataset.chart, cells: [...cells].map((c) => c.textContent.trim()),
                 hidden: row.closest('[aria-hidden="true"]') !== null, share: null, top: null};
    if (!track) return Object.assign(out, {empty: row.querySelector('.emm-chart-empty').textContent});
    const box = track.getBoundingClientRect(), centre = box.left + box.width / 2;
    const rtl = getComputedStyle(track).direction === 'rtl';
    const segs = [...track.querySelectorAll('.emm-seg')];
    const favourable = segs.filter((s) => rtl ? s.getBoundingClientRect().right <= centre + 0.5
                                              : s.getBoundingClientRect().left >= centre - 0.5);
    out.share = favourable.reduce((sum, s) => sum + s.getBoundingClientRect().width, 0) / (box.width / 2) * 100;
    const top = segs.find((s) => /emm-p(\\d)of\\1/.test(s.className));
    if (top) out.top = top.getBoundingClientRect().left >= centre - 0.5 ? 'right' : 'left';
    return out;
  }))"""


def assert_bars_match_their_tables(page, direction):
    """Every statement's bar fills its favourable half as far as its "Top two box" cell says (a
    reverse-coded statement's too: both count it rescored), mirrored in Arabic; a withheld
    statement has no bar and its row says why; every chart is hidden from screen readers."""
    bars = page.locator(BLOCK).evaluate(BARS)
    assert bars and all(bar["hidden"] for bar in bars)
    drawn = [bar for bar in bars if bar["share"] is not None]
    assert drawn
    for bar in bars:
        if bar["share"] is None:
            assert bar["empty"] in bar["cells"][-1] or bar["cells"][0] == "0", bar
            continue
        top_two = float(re.search(r"[\d.]+", bar["cells"][-2]).group())  # n, the points, top, top two, mean
        assert abs(bar["share"] - top_two) < 1.0, bar
        if bar["top"]:
            assert bar["top"] == ("left" if direction == "rtl" else "right"), bar


def fill_the_demo_course(participants, lang="en"):
    """``scripts/fill_demo.py``'s participants, through the workbench's handler URLs (Django's
    test client, in this process: the live server shares the test database)."""
    import importlib.util

    from tests.throwaway_venv import ROOT

    spec = importlib.util.spec_from_file_location("fill_demo", ROOT / "scripts" / "fill_demo.py")
    fill_demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fill_demo)
    counts = fill_demo.fill(lang, participants, out=lambda *_: None)
    assert counts["failed"] == 0 and counts["sent"] == participants * 5


def assert_tab_walk(page, root, expected):
    """Tab from the top of the page through the report: its stops are ``expected`` (``TAB_STOPS``'s),
    each with a visible focus ring, a table named by its caption."""
    met = []
    for _ in range(60):  # the workbench's own links come first
        page.keyboard.press("Tab")
        focused = root.evaluate(FOCUSED)
        if focused is None and met:
            break  # out of the report again
        if focused is not None:
            met.append(focused)
    assert [f["kind"] for f in met] == expected
    for focused in met:
        assert focused["visible"] and focused["outline"] == "solid" and focused["width"] >= 2, focused
        if focused["kind"] == "table":
            assert focused["caption"] and focused["caption"] in focused["name"], focused  # named by its caption
            assert focused["scrolls"], focused  # a stop only to scroll it


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_staff_read_the_report_with_the_keyboard_only(workbench, new_page, lang):
    """Tab from the top of the page: the CSV links, the Print button, then, on a phone, every table
    wider than the screen (each in a region named by its caption) in reading order, each with a
    visible focus ring; Enter downloads the CSV and opens the print dialog; on a phone the arrow
    keys scroll a wide table, also right to left in Arabic."""
    fill_the_demo_course(6)  # three evaluations and one pair, above the minimum group size (5)
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(REPORT, "staff_1", lang=lang))
    root = page.locator(BLOCK)
    root.wait_for()
    assert root.get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    # 2 summary tables, 3 evaluations, the 2 day evaluations' figures by profile, the shared
    # statements, the pair's 2 tables, each in a region; the charts add no stop, and a table is a
    # stop only while it is wider than its box, so that the keyboard scrolls it (trial s35: a stop
    # for each table that fits was one more Tab for nothing)
    assert root.locator("[role=region] > table").count() == 10
    page.wait_for_function(SETTLED, arg=root.element_handle())
    expected = root.evaluate(TAB_STOPS)
    assert expected == ["csv", "excel", "print"]  # on a desktop every table fits its box
    assert root.locator(".emm-chart").count() == 2 + 3 + 1  # the summary's two, an evaluation's each, the pair's
    assert_bars_match_their_tables(page, "rtl" if lang == "ar" else "ltr")
    assert len(re.findall(rb"/Type\s*/Page\b", page.pdf(format="A4"))) == 1  # the summary, charts too, on one page

    assert_tab_walk(page, root, expected)
    # the pair's two tables are told apart by the pair's heading in their names
    pair_tables = root.evaluate(REGION_NAMES)[-2:]
    assert all("niger-course-en" in name for name in pair_tables)
    assert_axe_clean(page, BLOCK)

    # Enter on the link downloads the CSV; Enter on the button opens the print dialog
    page.evaluate("window.print = () => { window.emmPrinted = true; }")
    root.locator("[data-csv]").focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".csv")
    root.locator("[data-print]").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.emmPrinted === true")
    assert page.js_errors == []

    # on a phone the evaluation tables are wider than the screen: a focused region scrolls with the
    # arrow keys, towards the end of the line (right in English, left in Arabic)
    phone = new_page(PHONE)
    phone.goto(workbench.scenario_url(REPORT, "staff_1", lang=lang))
    region = phone.locator(f"{BLOCK} [data-evaluation] [role=region]").first
    region.wait_for()
    assert region.evaluate("(el) => el.scrollWidth > el.clientWidth")
    phone_root = phone.locator(BLOCK)
    phone.wait_for_function(SETTLED, arg=phone_root.element_handle())
    assert region.get_attribute("tabindex") == "0"  # wider than its box: a stop
    stops = phone_root.evaluate(TAB_STOPS)
    assert stops == ["csv", "excel", "print"] + ["table"] * phone_root.evaluate(SCROLLING) and "table" in stops
    assert_tab_walk(phone, phone_root, stops)
    region.focus()
    for _ in range(5):
        phone.keyboard.press("ArrowLeft" if lang == "ar" else "ArrowRight")
    # the browser may scroll smoothly: wait until it has moved at all (RTL scrolls to negative offsets)
    moved = "(el) => el.scrollLeft < 0" if lang == "ar" else "(el) => el.scrollLeft > 0"
    phone.wait_for_function(moved, arg=region.element_handle(), timeout=5000)
    scrolled = region.evaluate("(el) => el.scrollLeft")
    assert (scrolled < 0) if lang == "ar" else (scrolled > 0), scrolled


REPORT_FR = "emm_evaluation_report.3"  # the French three-day demo course (workbench/scenarios/course/)


def test_a_french_reader_is_told_what_a_reverse_coded_figure_counts_and_reads_the_pair_by_its_tests(
        workbench, new_page):
    """Fresh-user trial 11, findings 1 and 12, as the trial read them: the French demo course's
    report. The shared statements' caption says which answers it counts, for a reverse-coded
    statement too, and the row is marked as in the evaluation's own table; the printed summary
    names the knowledge-check pair by its tests, never by its key."""
    fill_the_demo_course(6, "fr")
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(REPORT_FR, "staff_1", lang="fr"))
    root = page.locator(BLOCK)
    root.wait_for()
    shared = root.locator("[data-shared]")
    assert shared.locator("caption").inner_text() == (
        "Pourcentage ayant répondu «\u00a0D’accord\u00a0» ou «\u00a0Tout à fait d’accord\u00a0» "
        "(les deux réponses les plus favorables), par évaluation\u202f; pour une affirmation marquée "
        "«\u00a0codée à l’inverse\u00a0», ayant répondu «\u00a0Pas d’accord\u00a0» ou "
        "«\u00a0Pas du tout d’accord\u00a0»")
    pace = shared.locator("tr[data-shared-statement=pace] th").inner_text()
    assert pace == "Le rythme des sessions du jour était trop rapide. (codée à l’inverse)"
    # the end-of-training evaluation asked it in other words: its cell says how
    worded = shared.locator("tr[data-shared-statement=pace] [data-worded]")
    assert worded.all_inner_texts() == [
        "formulée ainsi\u00a0: «\u00a0Le rythme de la formation était trop rapide.\u00a0» (codée à l’inverse)"]
    own = root.locator("[data-evaluation] tr[data-statement=pace] th").first.inner_text()
    assert own.endswith("(codée à l’inverse)")  # the mark the evaluation's own table gives it

    # the one-page summary, printed: the pair by its tests' names, what "favourable" counts
    page.emulate_media(media="print")
    summary = root.locator("[data-summary]")
    text = summary.inner_text()
    assert "niger-course-fr" not in text and "Clé de paire" not in text
    # the French course's titles, with French typography's no-break space before "?"
    pre, post = "Jour 1 – que savez-vous\u00a0? (test initial)", "Jour 3 – qu’avez-vous appris\u00a0? (test final)"
    assert summary.locator("[data-summary-pairs] tbody th").all_inner_texts() == [f"{pre} · {post}"]
    assert summary.locator(".emm-chart-label").all_inner_texts()[-2:] == [pre, post]
    assert summary.locator("[data-favourable-note]").inner_text() == (
        "Réponses favorables\u00a0: «\u00a0D’accord\u00a0» ou «\u00a0Tout à fait d’accord\u00a0»\u202f; "
        "pour une affirmation formulée négativement (codée à l’inverse), «\u00a0Pas d’accord\u00a0» ou "
        "«\u00a0Pas du tout d’accord\u00a0».")
    assert summary.locator("[data-favourable-note]").is_visible()  # printed (the page is the whole course:
    # the keyboard test prints the report's own page, the note too, on one A4 page)
    # "Print the one-page summary" on the whole course's page prints the summary alone, on one sheet
    # (trial s32: 14 sheets, every block of the three days); Ctrl+P still prints the page
    whole = len(re.findall(rb"/Type\s*/Page\b", page.pdf(format="A4")))
    assert whole > 1
    page.evaluate("window.print = () => { window.emmPrinted = true; }")
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Imprimer le résumé d’une page").click()
    assert page.evaluate("window.emmPrinted === true")
    page.emulate_media(media="print")
    assert len(re.findall(rb"/Type\s*/Page\b", page.pdf(format="A4"))) == 1
    assert summary.locator("[data-favourable-note]").is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")  # printed: the page is whole again
    assert len(re.findall(rb"/Type\s*/Page\b", page.pdf(format="A4"))) == whole
    page.emulate_media(media="screen")
    assert_axe_clean(page, BLOCK)

    # projected (1366 x 768: facilitator trial s38): every table fits beside the room's screen, its
    # statements a few words a line, not one (the block kept to 48rem cut the widest table's last
    # column, 530 px beside it empty)
    page.set_viewport_size({"width": 1366, "height": 768})
    cut = page.evaluate("""() => Array.from(document.querySelectorAll('.emm-er .emm-table-wrap'))
        .filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.querySelector('caption').textContent)""")
    assert cut == []
    statement = root.locator("[data-evaluation] tr[data-statement=relevance] th").first
    assert statement.evaluate("(th) => th.getBoundingClientRect().width") >= 14 * 16
    assert page.js_errors == []


# every table's region on the page, by the name it gets (an id of the region itself: its aria-label)
PAGE_REGION_NAMES = """() => [...document.querySelectorAll('.emm [role=region]')].filter(r => r.offsetParent).map(r => {
  const by = r.getAttribute('aria-labelledby');
  const text = (id) => { const e = document.getElementById(id) || {textContent: ''};
                         return e === r ? (r.getAttribute('aria-label') || '').trim() : e.textContent.trim(); };
  return by ? by.split(/\\s+/).map(text).join(' ')
            : (r.getAttribute('aria-label') || '').trim(); })"""


def test_two_evaluations_on_one_unit_page_name_their_results_regions_apart(workbench, new_page):
    """The LMS shows a unit's blocks on one page. Staff open "Show results" under each of the demo
    course's evaluations (Day 1, Day 2, Day 3): every results table sat in a scrollable region
    named "Results table", so a screen reader's list of regions (NVDA's D, VoiceOver's rotor)
    offered three identical "Results table" (and two "By profile: You work for") with nothing to
    tell which evaluation each belongs to (axe's landmark-unique on the page; the suite runs axe
    on one block at a time, where it cannot see this). Each region is named after its block too,
    the knowledge checks' staff figures and the report's tables as well (bug hunt s44)."""
    fill_the_demo_course(8)
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(DEMO_COURSE, "staff_1"))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    shown = page.locator(".emm [data-show-results]:visible")
    opened = 0
    while shown.count():
        shown.first.click()
        opened += 1
        page.locator(".emm [data-results] [data-results-title]").nth(opened - 1).wait_for()
    assert opened >= 2  # two evaluations or more on the page
    names = page.evaluate(PAGE_REGION_NAMES)
    assert names.count("Results table") <= 1, names
    assert len(names) == len(set(names)), f"regions named alike: {names}"
    # as Chromium names them for a screen reader, with the named sections (the tests' "Your results"...)
    landmarks = landmark_names(page)
    assert "Day 1 — evaluation of the day Results table" in landmarks, landmarks
    assert len(landmarks) == len(set(landmarks)), f"landmarks named alike: {landmarks}"
