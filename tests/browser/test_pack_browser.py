"""The facilitator pack (issue 12 §3) in headless Chromium: staff open it from the block's link,
and it prints on A4 without the learner chrome, a new sheet for each part, in Arabic right to
left; axe-core finds nothing wrong on the page; a learner who finds the address is refused."""

import re
from urllib.parse import urljoin

import pytest

from tests.browser.conftest import DEMO_EN, DEMO_FR, DESKTOP, PHONE, assert_axe_clean, student_id

pytestmark = pytest.mark.browser

DEMOS = {  # workbench scenario -> the block's selector
    "emm_role_play.0": ".emm-role-play",  # scenarios/emm_role_play-1-en.xml
    "emm_case_study.2": ".emm-case",  # scenarios/emm_case_study-3-en.xml (documents with excerpts)
    "emm_likert.0": ".emm-likert",  # scenarios/emm_likert-1-en.xml
    "emm_knowledge_check.0": ".emm-kc",  # scenarios/emm_knowledge_check-1-en-pre.xml
}
PDF_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")  # a page object of the PDF Chromium writes

CHROME = """() => [...document.querySelectorAll('button, input, select, textarea, form, nav, header, [data-pack-link]')]
    .filter((el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; })
    .map((el) => el.tagName.toLowerCase())"""
BREAKS = """() => [...document.querySelectorAll('.emm-pack-part')].map((el) => getComputedStyle(el).breakBefore)"""
CARDS = """() => [...document.querySelectorAll(
    '.emm-pack-card, .emm-pack-question, .emm-pack-block, .emm-pack-table tr')]
    .map((el) => getComputedStyle(el).breakInside)"""


def pack_url(page, workbench, scenario, selector, lang="en"):
    """The address staff follow from the block's "Facilitator pack" link."""
    page.goto(workbench.scenario_url(scenario, "staff_1", lang=lang))
    link = page.locator(f"{selector} [data-pack-link]")
    assert link.get_attribute("target") == "_blank"
    return urljoin(page.url, link.get_attribute("href"))


@pytest.mark.parametrize("scenario", sorted(DEMOS))
def test_the_pack_prints_without_learner_chrome_each_part_on_a_new_sheet(workbench, new_page, scenario):
    page = new_page(DESKTOP)
    url = pack_url(page, workbench, scenario, DEMOS[scenario])
    page.goto(url)
    assert page.title().endswith("facilitator pack")
    assert page.locator(".emm-pack-screen").is_visible()  # on screen: how to print, the languages
    page.emulate_media(media="print")
    assert page.evaluate(CHROME) == []
    assert not page.locator(".emm-pack-screen").is_visible()
    breaks = page.evaluate(BREAKS)
    assert breaks[0] == "auto" and breaks[1:] and set(breaks[1:]) == {"page"}
    assert set(page.evaluate(CARDS)) == {"avoid"}
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    assert len(PDF_PAGE.findall(pdf)) >= len(breaks)  # at least one sheet per part
    assert page.js_errors == []


def test_the_facilitators_page_starts_a_new_sheet_after_the_case_and_its_questions(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(pack_url(page, workbench, "emm_case_study.2", DEMOS["emm_case_study.2"]))
    page.emulate_media(media="print")
    facilitator = page.locator(".emm-pack-facilitator")
    assert facilitator.evaluate("(el) => getComputedStyle(el).breakBefore") == "page"
    assert "Expert analysis" in facilitator.inner_text()
    participants = " ".join(page.locator(".emm-pack-part:not(.emm-pack-facilitator)").all_inner_texts())
    assert "Correct answer" not in participants and "Expert analysis" not in participants
    # ticking boxes on paper: one per option, none filled in
    assert page.locator(".emm-pack-question .emm-pack-box").count() > 0


@pytest.mark.parametrize("scenario", sorted(DEMOS))
def test_copies_for_the_participants_leave_the_facilitators_pages_out(workbench, new_page, scenario):
    """Trial s33: 25 copies of a case study's pack, printed as it came, handed the participants the
    answers. Ticking "Copies for the participants" takes every facilitator's part off the page and
    the paper (fewer sheets), untouched, all of it prints as before."""
    page = new_page(DESKTOP)
    page.goto(pack_url(page, workbench, scenario, DEMOS[scenario]))
    whole = len(PDF_PAGE.findall(page.pdf(format="A4", prefer_css_page_size=True)))
    facilitator = page.locator(".emm-pack-facilitator")
    # the role-play's decision cards too, which the facilitator keeps and reads aloud (trial s38:
    # the participants' copies printed every card, consequences and "→ Go to card N" included)
    assert facilitator.count() == (2 if scenario.startswith("emm_role_play") else 1)
    assert all(facilitator.nth(i).is_visible() for i in range(facilitator.count()))
    # "Facilitator's page: answers…", "Tally sheet (facilitator only)", "Decision cards (facilitator only)"
    headings = facilitator.locator("h2").all_inner_texts()
    tick = page.locator("[data-participants-only]")
    assert tick.evaluate("(el) => el.closest('label').textContent.trim()").startswith("Copies for the participants")
    tick.check()
    assert all(facilitator.nth(i).is_hidden() for i in range(facilitator.count()))
    assert_axe_clean(page, ".emm-pack-screen")
    page.emulate_media(media="print")
    printed = page.locator("main").inner_text()
    assert not any(h in printed for h in headings)
    assert "Correct answer" not in printed and "Expert analysis" not in printed and "Go to card" not in printed
    assert len(PDF_PAGE.findall(page.pdf(format="A4", prefer_css_page_size=True))) < whole
    assert page.locator(".emm-pack-part").first.is_visible()
    assert page.js_errors == []


def test_the_writing_lines_print_where_the_browser_leaves_backgrounds_out(workbench, new_page):
    """The lines under a written question are a background, which Chrome and Firefox leave out of
    print by default (trial s32: a blank space on paper): the pack asks for them to be printed as
    they are, and keeps a question's lines on one sheet."""
    page = new_page(DESKTOP)
    page.goto(pack_url(page, workbench, "emm_case_study.2", DEMOS["emm_case_study.2"]))
    page.emulate_media(media="print")
    lines = page.locator(".emm-pack-lines")
    assert lines.count() > 0
    for style in lines.evaluate_all("(els) => els.map((el) => { const s = getComputedStyle(el); "
                                    "return [s.webkitPrintColorAdjust, s.backgroundImage.startsWith('repeating'), "
                                    "s.breakInside]; })"):
        assert style == ["exact", True, "avoid"]


# A4 less the pack's margins (@page: 15mm 14mm), at 96 px per inch: where a sheet's text goes
A4_TEXT = {"width": round((210 - 2 * 14) / 25.4 * 96), "height": round((297 - 2 * 15) / 25.4 * 96)}
MM = 96 / 25.4  # CSS pixels in a millimetre
FORM = """() => {
  const form = document.querySelector('.emm-pack-form');
  const lines = form.querySelector('.emm-pack-comment .emm-pack-lines');
  const sizes = [...form.querySelectorAll('*')]
    .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
    .map((el) => parseFloat(getComputedStyle(el).fontSize));
  return {
    statements: form.querySelectorAll('tbody tr').length,
    boxes: [...form.querySelectorAll('.emm-pack-box')].map((el) => {
      const r = el.getBoundingClientRect(); return Math.min(r.width, r.height); }),
    smallest: Math.min(...sizes),
    lines: lines ? { bottom: lines.getBoundingClientRect().bottom, height: lines.getBoundingClientRect().height,
                     gap: parseFloat(getComputedStyle(lines).getPropertyValue('--emm-gap')) * 96 / 25.4 } : null,
  };
}"""


@pytest.mark.parametrize("scenario, lang", [(DEMO_EN, "en"), (DEMO_FR, "fr")])
def test_the_demo_evaluation_form_prints_on_one_side_of_one_sheet(workbench, new_page, scenario, lang):
    """In a facilitator trial, printed on A4, the demo evaluation's paper form ran onto a second
    sheet, its comment's six writing lines alone there. The form a facilitator photocopies for the
    room fits one side of one sheet, in English and in (longer) French, with its comment lines on
    it, no type under 9pt and boxes big enough to tick; the tally sheet follows on its own sheet."""
    page = new_page(A4_TEXT)
    page.goto(pack_url(page, workbench, scenario, DEMOS["emm_likert.0"], lang=lang) + f"&lang={lang}")
    assert page.evaluate("() => document.documentElement.lang") == lang
    page.emulate_media(media="print")
    form = page.evaluate(FORM)
    lines = form["lines"]
    assert lines and lines["bottom"] <= A4_TEXT["height"], (
        f"the comment's lines end {lines['bottom']:.0f}px down a sheet {A4_TEXT['height']}px high")
    sheets = len(PDF_PAGE.findall(page.pdf(format="A4", prefer_css_page_size=True)))
    assert sheets == 2, f"{sheets} sheets: the form, then the tally sheet, were expected"
    assert form["statements"] == 8
    assert round(lines["height"] / lines["gap"]) == 6 and lines["gap"] >= 8 * MM - 0.5  # room to write
    assert len(form["boxes"]) == 8 * 6 and min(form["boxes"]) >= 4 * MM  # five points and "Not applicable"
    assert form["smallest"] >= 12  # 9pt
    page.evaluate("() => document.querySelector('.emm-pack-facilitator').remove()")
    assert len(PDF_PAGE.findall(page.pdf(format="A4", prefer_css_page_size=True))) == 1  # the form alone
    assert page.js_errors == []


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_evaluation_pack_fits_a_phone_without_sideways_scroll(workbench, new_page, lang):
    """A facilitator opens an evaluation's "Facilitator pack (printable)" on their phone (320 px, or
    a laptop at 400 % zoom) to check the paper form before printing it. The form's and the tally
    sheet's tables were wider than the screen (520 px in English, 515 px in French, 390 px in
    Arabic at 320; still wider than a 412 px phone in English and French), so the whole page
    scrolled sideways (in Arabic, its end ran off the left edge). The other packs (case study,
    role-play, knowledge check) fit. On a screen each table scrolls in its own named box, which
    the keyboard reaches; paper is as it was (``test_the_demo_evaluation_form_prints_on_one_side_of_one_sheet``)
    (bug hunt s44)."""
    page = new_page(PHONE)
    scenario = DEMO_FR if lang == "fr" else DEMO_EN  # the French demo, or the English one
    page.goto(pack_url(page, workbench, scenario, DEMOS[DEMO_EN], lang=lang) + f"&lang={lang}")
    page.locator(".emm-pack-likert").first.wait_for()
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the pack scrolls sideways on a 320 px phone: {widths}"
    boxes = page.locator("[role=region][tabindex='0']:has(> .emm-pack-likert)")  # a named box round each table
    assert boxes.count() == 2
    for i in range(2):
        box = boxes.nth(i)
        assert box.evaluate("(el) => el.scrollWidth > el.clientWidth")  # the table scrolls in its box
        box.focus()  # a keyboard reaches it, and scrolls it with the arrows
        page.keyboard.press("ArrowRight" if lang != "ar" else "ArrowLeft")
        page.wait_for_function("(el) => el.scrollLeft !== 0", arg=box.element_handle())
    assert_axe_clean(page, "html")
    assert page.js_errors == []


def test_an_arabic_pack_reads_right_to_left(workbench, new_page):
    page = new_page(DESKTOP, locale="ar")
    page.goto(pack_url(page, workbench, "emm_role_play.0", DEMOS["emm_role_play.0"]) + "&lang=ar")
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    card = page.locator(".emm-pack-decision").first
    assert card.evaluate("(el) => getComputedStyle(el).direction") == "rtl"
    # the choices' numbers stand on the start side: the right, in Arabic (the author's English
    # text inside keeps its own direction, dir="auto")
    indent = page.locator(".emm-pack-choices").first.evaluate(
        "(el) => [getComputedStyle(el).paddingRight, getComputedStyle(el).paddingLeft]")
    assert indent[0] != "0px" and indent[1] == "0px"
    assert page.locator(".emm-pack-consequence").first.evaluate("(el) => getComputedStyle(el).direction") == "ltr"
    page.emulate_media(media="print")
    assert page.evaluate(CHROME) == []
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_an_arabic_case_pack_stays_within_the_sheet(workbench, new_page):
    """A list of the author's English text inside an Arabic page keeps its bullets on the page's
    side: a list item with its own direction would push its bullet off the sheet's left edge."""
    page = new_page({"width": 794, "height": 1123}, locale="ar")  # A4 at 96 dpi
    page.goto(pack_url(page, workbench, "emm_case_study.2", DEMOS["emm_case_study.2"]) + "&lang=ar")
    page.emulate_media(media="print")
    assert page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    assert page.locator(".emm-pack-facilitator li").count() > 0


@pytest.mark.parametrize("scenario", sorted(DEMOS))
def test_axe_finds_no_violation_in_the_pack(workbench, new_page, scenario):
    page = new_page(DESKTOP)
    page.goto(pack_url(page, workbench, scenario, DEMOS[scenario]))
    assert_axe_clean(page, "html")


def test_a_learner_gets_neither_the_link_nor_the_pack(workbench, new_page):
    page = new_page(DESKTOP)
    learner = student_id()
    page.goto(workbench.scenario_url("emm_case_study.2", learner))
    assert page.locator("[data-pack-link]").count() == 0
    # the address pasted into a tab: a page that says why, not raw JSON
    response = page.goto(workbench.handler_url("emm_case_study.2", "facilitator_pack", learner))
    assert response.status == 403 and response.headers["content-type"].startswith("text/html")
    assert page.get_by_role("heading", level=1).inner_text() == "This page cannot be shown"
    assert "Only course staff can do this." in page.locator("body").inner_text()
    assert page.locator("body[data-error=staff_only]").count() == 1
    assert "{" not in page.locator("body").inner_text()

