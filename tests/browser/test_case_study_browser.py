"""The case-study block (``emm_case_study``) in headless Chromium, as learners and authors use it.

Each test asserts what a person would notice: where the focus goes, what the live region says,
what is shown after a submit and a retry, the in-page document viewer and the low-data mode,
the page direction, the width of a phone, the editor's inline errors -- and that axe-core finds
nothing wrong inside the block.
"""

import base64
import json
import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, answer_asked, assert_axe_clean, axe_violations, student_id
from tests.browser.new_blocks import DESK, new_block, one_single_choice_question, open_studio, stored
from tests.browser.new_blocks import save as save_editor

pytestmark = pytest.mark.browser

BLOCK = ".emm-case"
EDITOR = ".emm-case-editor"
DEMO_AGADEZ = "emm_case_study.0"  # scenarios/emm_case_study-1-en.xml
IMAGE_URL = "/static/emm-browser-test/border-post.png"
# a 1x1 PNG, served by the test instead of the workbench (which has no such file)
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9aw"
                       "AAAABJRU5ErkJggg==")

CASE = f"""
<emm_case_study display_name="Two teenagers at the border post" max_attempts="2" show_answers="submitted"
    topic="Child migration" estimated_minutes="10">
  <narrative><![CDATA[<p>Two teenagers arrive at a border post with an adult who keeps their papers.</p>]]></narrative>
  <key_facts><fact>A child is anyone under 18.</fact></key_facts>
  <document size="2 KB">The three elements of trafficking<excerpt><![CDATA[<p>IN-PAGE-EXCERPT: act, means,
    purpose.</p>]]></excerpt></document>
  <document href="https://example.org/annual-report.pdf" size="2.4 MB">Annual report</document>
  <image src="{IMAGE_URL}" alt="The border post at dawn">The border post</image>
  <question id="consent" type="single" points="1">
    <prompt><![CDATA[<p>Does the consent of a child matter?</p>]]></prompt>
    <option id="no" correct="true">No<feedback>FEEDBACK-NO: no means is needed for a child.</feedback></option>
    <option id="yes">Yes<feedback>FEEDBACK-YES: consent is irrelevant for a child.</feedback></option>
    <explanation><![CDATA[<p>EXPLANATION-CONSENT</p>]]></explanation>
  </question>
  <question id="indicators" type="multiple" partial_credit="true" points="2">
    <prompt><![CDATA[<p>Which facts are trafficking indicators?</p>]]></prompt>
    <option id="papers" correct="true">The adult keeps their papers</option>
    <option id="debt" correct="true">A debt to work off</option>
    <option id="foot">They arrived on foot<feedback>FEEDBACK-FOOT: not by itself.</feedback></option>
  </question>
  <question id="next" type="reflection" points="2" min_words="3" max_words="60">
    <prompt><![CDATA[<p>What should staff do next?</p>]]></prompt>
    <model_answer><![CDATA[<p>MODEL-ANSWER: interview each apart, refer them.</p>]]></model_answer>
    <key_point id="apart">Interview each teenager apart from the adult</key_point>
    <key_point id="refer">Refer them to child protection</key_point>
  </question>
  <expert_analysis><![CDATA[<p>EXPERT-ANALYSIS: the teenagers are children.</p>]]></expert_analysis>
</emm_case_study>
"""


def open_block(page, url=None):
    """Open (or, without ``url``, reload) a page and wait until the block's JavaScript ran."""
    if url:
        page.goto(url)
    else:
        page.reload()
    page.wait_for_selector(f"{BLOCK} [data-status]", state="attached")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def serve_image(page):
    """Serve IMAGE_URL from the test; returns the list of its requests."""
    requests = []

    def handle(route):
        requests.append(route.request.url)
        route.fulfill(status=200, body=PNG, content_type="image/png")

    page.route("**" + IMAGE_URL, handle)
    return requests


def active(page):
    """What has the focus: tag, type, value, question id, data-* flags and text."""
    return page.evaluate("""() => {
        const el = document.activeElement, q = el && el.closest('[data-question]');
        return {tag: el.tagName.toLowerCase(), type: el.type || null, value: el.value === undefined ? null : el.value,
                question: q ? q.getAttribute('data-question') : null, text: el.textContent.trim(),
                results: !!el.closest('[data-feedback]'), heading: /^H[1-6]$/.test(el.tagName),
                submit: el.hasAttribute('data-submit'),
                keyPoint: !!el.closest('[data-key-points]')};
    }""")


def tab_until(page, predicate, limit=40, key="Tab"):
    for _ in range(limit):
        page.keyboard.press(key)
        now = active(page)
        if predicate(now):
            return now
    raise AssertionError(f"never reached the element; focus is on {active(page)}")


def block_state(workbench, scenario, student):
    from workbench.runtime import WorkbenchRuntime

    return WorkbenchRuntime(student).get_block(workbench.usage_id(scenario))


def assert_no_horizontal_overflow(page, width):
    overflow = page.evaluate("""() => {
        const root = document.querySelector('.emm-case');
        const edge = root.getBoundingClientRect().right;
        const outside = [...root.querySelectorAll('*')].filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > edge + 0.5;
        }).map((el) => el.tagName + '.' + el.className);
        return {scroll: root.scrollWidth, client: root.clientWidth, right: edge, outside};
    }""")
    assert overflow["scroll"] <= overflow["client"], overflow
    assert overflow["right"] <= width, overflow
    assert overflow["outside"] == [], overflow


# ------------------------------------------------------------------ 1. keyboard: draft, submit, retry
def test_learner_answers_saves_submits_and_retries_with_the_keyboard_alone(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    serve_image(page)
    learner = student_id()
    open_block(page, workbench.scenario_url(scenario, learner))
    status = page.locator(f"{BLOCK} [data-status]")
    results = page.locator(f"{BLOCK} [data-feedback]")
    assert results.is_hidden() and "EXPERT-ANALYSIS" not in page.locator(BLOCK).inner_html()

    # Tab from the top of the page to the first question: Space picks "No".
    now = tab_until(page, lambda a: a["question"] == "consent")
    assert now["type"] == "radio" and now["value"] == "no"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the checkboxes of the multiple-choice question, one by one
    assert active(page)["value"] == "papers"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    # Enter ticks a box as Space does, and never sends the form (keyboard trial s39: it used up an attempt)
    page.keyboard.press("Enter")
    assert page.locator(f"{BLOCK} input[value=debt]").is_checked() and status.text_content().strip() == ""
    page.keyboard.press("Tab")
    assert active(page)["value"] == "foot"
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # ticked, then unticked
    assert not page.locator(f"{BLOCK} input[value=foot]").is_checked()
    page.keyboard.press("Tab")
    assert active(page)["tag"] == "textarea"
    page.keyboard.type("Interview each teenager apart.")
    # the counter keeps the rule in sight (issue 10)
    assert page.locator(f"{BLOCK} [data-word-count]").text_content() == "4 words (between 3 and 60)"

    # Save a draft, then come back to it (a reload): the answers are on the server.
    now = tab_until(page, lambda a: a["text"] == "Save draft")
    page.keyboard.press("Enter")
    status.filter(has_text="Draft saved.").wait_for()
    assert block_state(workbench, scenario, learner).draft == {
        "consent": "no", "indicators": ["papers", "debt"], "next": "Interview each teenager apart."}
    open_block(page)
    assert page.locator(f"{BLOCK} input[value=no]").is_checked()
    assert page.locator(f"{BLOCK} textarea").input_value() == "Interview each teenager apart."
    # and the page says so, above the questions (keyboard trial s39: a blind learner was not told)
    kept = page.locator(f"{BLOCK} [data-draft-kept]")
    assert kept.text_content() == "Your saved answers are in the form: change what you wish, then submit them."

    # Submit with Enter: the score and every question's verdict are read out, focus on the results.
    tab_until(page, lambda a: a["submit"])
    page.keyboard.press("Enter")
    status.filter(has_text="Submitted: 3 points out of 5.").wait_for()
    said = status.text_content()
    assert "Question 1: Correct." in said and "Question 2: Correct." in said
    assert "Question 3: Waiting for your self-assessment." in said
    now = active(page)  # issue 10: the results' heading, to read on from there
    assert now["results"] and now["heading"] and now["text"] == "Your results"
    verdicts = results.locator(".emm-verdict").all_text_contents()
    assert [v.split(" — ")[0] for v in verdicts] == ["Correct", "Correct", "Waiting for your self-assessment"]
    assert "FEEDBACK-NO" in results.text_content() and "EXPLANATION-CONSENT" in results.text_content()
    assert page.locator(f"{BLOCK} .emm-case-form input:enabled").count() == 0
    assert kept.count() == 0  # sent: no longer a draft

    # Self-assessment with the keyboard: tick the first key point, save it.
    now = tab_until(page, lambda a: a["keyPoint"])
    page.keyboard.press("Space")
    tab_until(page, lambda a: a["text"] == "Save my self-assessment")
    page.keyboard.press("Enter")
    status.filter(has_text="Submitted: 4 points out of 5.").wait_for()
    assert active(page)["results"]
    assert "Question 3: Partly correct." in status.text_content()
    # each verdict said to screen readers, not shown above the panel that shows them (trial s37)
    assert "Question 3: Partly correct." in status.locator(".emm-sr").text_content()
    assert status.evaluate("el => el.firstChild.data") == "Submitted: 4 points out of 5."

    # The expert analysis and the model answer are there to read (the author's policy allows).
    expert = results.locator(".emm-expert")
    assert expert.is_visible() and "EXPERT-ANALYSIS" in expert.text_content()
    assert "MODEL-ANSWER" in results.text_content()

    # Which attempt counts is said; "Try again" asks first, in the server's words.
    assert results.locator("[data-grade]").text_content().strip() == "Your best attempt counts for your grade."
    # Try again: asked in the page (a web view may answer window.confirm "no" unseen), then back in
    # the form with the last answers, focus on the first answer.
    tab_until(page, lambda a: a["text"] == "Try again")
    page.keyboard.press("Enter")
    question = answer_asked(page, BLOCK)
    status.filter(has_text="Your previous answers are in the form").wait_for()
    assert question == ("A new attempt cannot lower your grade: your best score so far, 4 points out of 5, counts "
                        "unless the new attempt scores more. Start your last attempt? You will not be able to try "
                        "again after it.")
    now = active(page)
    assert now["question"] == "consent" and now["type"] == "radio"
    # on the answer given before, not an unchecked first option (accessibility trial s35)
    assert page.evaluate("() => document.activeElement.checked") is True
    assert results.is_hidden()
    assert page.locator(f"{BLOCK} [data-attempts]").text_content().strip() == "1 attempt left"
    page.keyboard.press("ArrowDown")  # now "Yes"
    assert page.locator(f"{BLOCK} input[value=yes]").is_checked()
    tab_until(page, lambda a: a["submit"])
    page.keyboard.press("Enter")
    status.filter(has_text="Submitted: 2 points out of 5.").wait_for()
    assert "FEEDBACK-YES" in results.text_content()
    assert page.locator(f"{BLOCK} [data-retry]").count() == 0  # no attempt left
    # the poorer last attempt is shown with the score that still counts, and the grade is final
    grade = results.locator("[data-grade]").text_content()
    assert "Your grade keeps your best attempt: 4 points out of 5." in grade
    assert "You have no attempts left: your grade stays 4 points out of 5." in grade
    block = block_state(workbench, scenario, learner)
    assert block.attempts == 2 and block.raw_earned == 4.0  # the best attempt counts
    assert page.js_errors == []


# ------------------------------------------------------------------ 1b. word limits (trial s10, finding 3)
SHORT = "The girl says the adult keeps her papers; she owes him money."  # 12 words


def submits(page):
    """The submit requests the page sends (a list, filled as they go)."""
    sent = []
    page.on("request", lambda r: sent.append(json.loads(r.post_data)) if "/submit/" in r.url else None)
    return sent


def area_of(page, qid):
    return page.locator(f'{BLOCK} [data-question="{qid}"] textarea')


def test_an_answer_under_its_word_minimum_is_not_sent_and_is_marked_at_its_question(workbench, new_page):
    """As a missing answer is: the message under the question, the alert saying how many need
    attention, the focus in its text box, and nothing sent (a round trip on paid data)."""
    scenario = workbench.add_scenario(CASE.replace('min_words="3" max_words="60"', 'min_words="40" max_words="300"'))
    page = new_page(PHONE)
    serve_image(page)
    sent = submits(page)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    page.locator(f"{BLOCK} input[value=no]").check()
    page.locator(f"{BLOCK} input[value=papers]").check()
    area_of(page, "next").fill(SHORT)
    assert page.locator(f"{BLOCK} [data-word-count]").text_content() == "12 words (between 40 and 300)"
    page.locator(f"{BLOCK} [data-submit]").click()

    alert = page.locator(f"{BLOCK} [data-alert]")
    alert.filter(has_text="Not sent: 1 question needs attention (see the message under it).").wait_for()
    error = page.locator(f'{BLOCK} [data-question="next"] [data-error-for]')
    assert error.is_visible() and error.text_content() == "This answer is too short (40 words at least)."
    # the question is described by its message; the others carry none
    described = page.locator(f'{BLOCK} [data-question="next"]').get_attribute("aria-describedby")
    assert described == error.get_attribute("id")
    assert page.locator(f"{BLOCK} [data-error-for]:not([hidden])").count() == 1
    now = active(page)
    assert now["tag"] == "textarea" and now["question"] == "next"
    page.wait_for_timeout(300)
    assert sent == []  # nothing went to the server
    assert_axe_clean(page, BLOCK)

    # the hidden character count is not read beside the word rule (keyboard trial s39: "20 000 characters left")
    counters = page.evaluate("""(q) => (document.querySelector(q).getAttribute('aria-describedby') || '')
        .split(' ').filter((id) => id.startsWith('emm-counter-'))""", f'{BLOCK} [data-question="next"] textarea')
    assert counters == []
    # over the maximum: said as it is typed, once (keyboard trial s39: heard only at Submit) ...
    status = page.locator(f"{BLOCK} [data-status]")
    area_of(page, "next").fill(" ".join(["mot"] * 301))
    status.filter(has_text="This answer is too long (300 words at most).").wait_for()
    area_of(page, "next").fill(" ".join(["mot"] * 300))  # back under: no longer said
    page.wait_for_function("(q) => document.querySelector(q).textContent === ''", arg=f"{BLOCK} [data-status]")
    # ... and refused at Submit, with the maximum said at the question
    area_of(page, "next").fill(" ".join(["mot"] * 301))
    page.locator(f"{BLOCK} [data-submit]").click()
    error.filter(has_text="This answer is too long (300 words at most).").wait_for()
    assert active(page)["question"] == "next" and sent == []

    # 40 words: sent once, the marks gone
    area_of(page, "next").fill(" ".join([SHORT] * 3) + " Refer them today to child protection.")
    assert page.locator(f"{BLOCK} [data-word-count]").text_content() == "42 words (between 40 and 300)"
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-status]").filter(has_text="Submitted:").wait_for()
    assert len(sent) == 1 and error.is_hidden()
    assert page.js_errors == []


def test_the_french_demo_counts_words_as_the_server_and_marks_a_short_answer_in_french(workbench, new_page):
    """The trial's steps (scenarios/emm_case_study-2-fr.xml, a 40-word minimum): apostrophes and
    hyphens join words, a no-break space parts them, as the server counts; 13 words are not sent."""
    page = new_page(PHONE, locale="fr-FR")
    sent = submits(page)
    open_block(page, workbench.scenario_url("emm_case_study.1", student_id(), lang="fr"))
    page.locator(f"{BLOCK} input[value=smuggling]").check()
    page.locator(f"{BLOCK} input[value=nonrefoulement]").check()
    text = "L’enfant de quinze ans a-t-il un porte-monnaie ? Oui, c’est noté aujourd’hui !"
    area_of(page, "policy").fill(text)
    assert page.locator(f"{BLOCK} [data-word-count]").text_content() == "13 mots (entre 40 et 300)"
    from emm_xblocks.case_study.content import word_count

    assert word_count(text) == 13  # the server's count
    page.get_by_role("button", name="Envoyer").click()
    error = page.locator(f'{BLOCK} [data-question="policy"] [data-error-for]')
    error.filter(has_text="Cette réponse est trop courte (40 mots au minimum).").wait_for()
    assert page.locator(f"{BLOCK} [data-alert]").is_visible()
    now = active(page)
    assert now["tag"] == "textarea" and now["question"] == "policy"
    page.wait_for_timeout(300)
    assert sent == [] and page.js_errors == []


def test_the_servers_refusal_of_a_short_answer_is_shown_at_its_question(workbench, new_page):
    """A page opened before the author raised the minimum (a stale page) counts against the old
    one: the server refuses (400 ``answer_too_short``, naming the question) and the page puts the
    message under that question, with the focus in its text box."""
    from dataclasses import replace

    scenario = workbench.add_scenario(CASE)  # the minimum is 3 words
    page = new_page(PHONE)
    serve_image(page)
    sent = submits(page)
    open_block(page, workbench.scenario_url(scenario, student_id()))

    block = block_state(workbench, scenario, "staff_1")  # the author raises it to 40
    case = block.load_content()
    block.store_content(replace(case, questions=(*case.questions[:2], replace(case.questions[2], min_words=40))))
    block.save()

    page.locator(f"{BLOCK} input[value=no]").check()
    page.locator(f"{BLOCK} input[value=papers]").check()
    area_of(page, "next").fill(SHORT)
    with page.expect_response(lambda r: "/submit/" in r.url) as answered:
        page.locator(f"{BLOCK} [data-submit]").click()
    error = page.locator(f'{BLOCK} [data-question="next"] [data-error-for]')
    error.filter(has_text="This answer is too short (40 words at least).").wait_for()
    assert len(sent) == 1 and answered.value.status == 400
    refusal = {k: answered.value.json()[k] for k in ("error", "question")}
    assert refusal == {"error": "answer_too_short", "question": "next"}
    now = active(page)
    assert now["tag"] == "textarea" and now["question"] == "next"
    page.locator(f"{BLOCK} [data-alert]").filter(has_text="This answer is too short (40 words at least).").wait_for()
    assert page.js_errors == []


# ------------------------------------------------------------------ 2. documents and low data
def test_documents_open_in_the_page_and_low_data_mode_keeps_images_behind_a_tap(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    image_requests = serve_image(page)
    opened = []
    page.on("request", lambda r: opened.append(json.loads(r.post_data)) if "/document_opened/" in r.url else None)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    assert "IN-PAGE-EXCERPT" not in page.locator(BLOCK).inner_html()  # loaded when the learner opens it

    # The in-page viewer: a <details> opened with the keyboard; its excerpt arrives then.
    tab_until(page, lambda a: a["tag"] == "summary")
    page.keyboard.press("Enter")
    viewer = page.locator(f"{BLOCK} [data-viewer]")
    viewer.locator("[data-doc-text]").filter(has_text="IN-PAGE-EXCERPT").wait_for()
    assert viewer.evaluate("(d) => d.open") and opened == [{"index": 0, "via": "viewer"}]
    page.keyboard.press("Enter")  # closing and opening again does not load it twice
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert len(opened) == 1

    # A file on the web opens in a new tab, safely, with its size shown.
    link = page.locator(f"{BLOCK} [data-document-link]")
    assert link.get_attribute("target") == "_blank"
    assert set(link.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
    assert "(2.4 MB)" in link.text_content() and "opens in a new tab" in link.text_content()

    # Normal mode: the image loads, lazily.
    img = page.locator(f"{BLOCK} .emm-case-image img")
    assert img.get_attribute("loading") == "lazy"
    img.wait_for(state="visible")
    assert len(image_requests) == 1

    # Low-data mode, remembered on this device: after a reload nothing big loads by itself.
    page.get_by_label("Low data mode: images and large files only when you ask").check()
    assert page.evaluate("localStorage.getItem('emm-low-data')") == "1"
    image_requests.clear()
    open_block(page)
    page.wait_for_timeout(300)
    assert page.locator(f"{BLOCK} [data-low-data]").is_checked()
    assert image_requests == [] and img.get_attribute("src") is None and img.is_hidden()
    assert link.is_hidden()
    show_link = page.get_by_role("button", name="Show the link to this file (2.4 MB)")
    # which file: its title, as the link's (a list of documents has one such button each)
    assert show_link.evaluate("(b) => document.getElementById(b.getAttribute('aria-describedby')).textContent") == (
        "Annual report")
    show_link.click()
    assert link.is_visible() and page.evaluate("document.activeElement.hasAttribute('data-document-link')")
    page.get_by_role("button", name="Show image: The border post at dawn").click()
    img.wait_for(state="visible")
    assert len(image_requests) == 1
    assert page.js_errors == []


def test_a_documents_links_are_44px_to_touch_on_a_phone(workbench, new_page):
    """"Ouvrir (page web)" was a line of text, 17 px tall, on the French demo: hard to hit with a thumb.
    A document's link (and in low-data mode the button that shows it) is as tall as the page's
    other touch targets."""
    page = new_page(PHONE, locale="fr-FR")
    open_block(page, workbench.scenario_url("emm_case_study.1", student_id(), lang="fr"))  # the French demo
    link = page.locator(f"{BLOCK} [data-document-link]")
    assert link.text_content().startswith("Ouvrir")
    assert link.bounding_box()["height"] >= 44, link.bounding_box()
    scenario = workbench.add_scenario(CASE)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    page.get_by_label("Low data mode: images and large files only when you ask").check()
    open_block(page)
    show_link = page.get_by_role("button", name="Show the link to this file (2.4 MB)")
    assert show_link.bounding_box()["height"] >= 44
    show_link.click()
    assert link.bounding_box()["height"] >= 44, link.bounding_box()


def test_a_phones_checkboxes_are_as_big_as_its_choices_and_beside_their_labels_first_line(workbench, new_page):
    """The self-assessed key points and the low-data switch had the browser's 13 px box, beside the
    20 px box of every choice of the same page: hard to see and to hit with a thumb. Each is now a
    choice's size, still on its label's first line when the label wraps."""
    scenario = workbench.add_scenario(CASE.replace(
        "Refer them to child protection", "Refer them to child protection services, who decide with the "
        "two teenagers where they will stay while their families are traced"))
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    page.locator(f"{BLOCK} input[value=no]").check()
    page.locator(f"{BLOCK} input[value=papers]").check()
    page.locator(f"{BLOCK} textarea").fill("Speak with them apart, then refer them.")
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-key-points] input[type=checkbox]").first.wait_for()
    rows = page.evaluate("""(root) => Array.from(document.querySelectorAll(root + ' .emm-check')).map((row) => {
        const box = row.querySelector('input[type=checkbox]').getBoundingClientRect();
        const text = row.querySelector('label').getBoundingClientRect();
        const line = parseFloat(getComputedStyle(row.querySelector('label')).lineHeight);
        return {label: row.textContent.trim().slice(0, 30), width: box.width, height: box.height, boxTop: box.top,
                boxBottom: box.bottom, boxEnd: box.right, textStart: text.left, textTop: text.top, line,
                lines: Math.round(text.height / line)};
    })""", BLOCK)
    choice = page.locator(f"{BLOCK} .emm-option input").first.bounding_box()
    assert len(rows) == 3 and any(r["lines"] > 1 for r in rows), rows  # two key points, the low-data switch
    for r in rows:
        assert r["width"] == r["height"] == choice["height"] >= 20, (r, choice)
        assert r["boxEnd"] <= r["textStart"], r
        assert r["textTop"] <= r["boxTop"] and r["boxBottom"] <= r["textTop"] + r["line"], r
    # a key point sets the answer's points: its label, the whole line's target, is 44px tall at least
    # (facilitator trial s34: 24px), and tapping its words ticks it
    points = page.locator(f"{BLOCK} [data-key-points] label")
    assert min(points.evaluate_all("ls => ls.map(l => l.getBoundingClientRect().height)")) >= 44
    points.first.click()
    assert page.locator(f"{BLOCK} [data-key-points] input[type=checkbox]").first.is_checked()
    assert page.js_errors == []
    assert_no_horizontal_overflow(page, PHONE["width"])
    assert page.js_errors == []


# ------------------------------------------------------------------ 3. accessibility
def test_axe_finds_no_violation_before_and_after_submit(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    serve_image(page)
    open_block(page, workbench.scenario_url(scenario, student_id()))
    page.locator(f"{BLOCK} [data-viewer] summary").click()
    page.locator(f"{BLOCK} [data-doc-text] p").wait_for()
    results = axe_violations(page, BLOCK)
    assert results.violations_count == 0, results.generate_report()

    # ... with an unanswered question marked, then after the submit (feedback, key points, expert)
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-alert]:not(:empty)").wait_for()
    results = axe_violations(page, BLOCK)
    assert results.violations_count == 0, results.generate_report()
    page.locator(f"{BLOCK} input[value=yes]").check()
    page.locator(f"{BLOCK} input[value=papers]").check()
    page.locator(f"{BLOCK} textarea").fill("Speak with them apart.")
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} .emm-expert").wait_for()
    results = axe_violations(page, BLOCK)
    assert results.violations_count == 0, results.generate_report()
    assert page.js_errors == []


def test_arabic_page_is_right_to_left_and_axe_clean(workbench, new_page):
    page = new_page(PHONE, locale="ar")
    open_block(page, workbench.scenario_url(DEMO_AGADEZ, student_id(), lang="ar"))
    root = page.locator(BLOCK)
    assert root.get_attribute("dir") == "rtl" and root.get_attribute("lang") == "ar"
    assert root.evaluate("(el) => getComputedStyle(el).direction") == "rtl"
    facts = page.locator(f"{BLOCK} .emm-key-facts")  # its accent bar is on the right
    assert facts.evaluate("(el) => getComputedStyle(el).borderRightWidth") == "4px"
    assert facts.evaluate("(el) => getComputedStyle(el).borderLeftWidth") == "0px"
    option = page.locator(f"{BLOCK} .emm-option").first  # each radio to the right of its text
    assert option.locator("input").bounding_box()["x"] > option.locator("span").bounding_box()["x"]
    assert_no_horizontal_overflow(page, PHONE["width"])
    results = axe_violations(page, BLOCK)
    assert results.violations_count == 0, results.generate_report()
    assert page.js_errors == []


# ------------------------------------------------------------------ 4. a 320 px phone
def test_the_block_fits_a_320_px_phone_before_and_after_submit(workbench, new_page):
    page = new_page(PHONE)
    learner = student_id()
    open_block(page, workbench.scenario_url(DEMO_AGADEZ, learner))
    assert_no_horizontal_overflow(page, PHONE["width"])
    answers = {"smuggling": "smuggling", "still_apply": ["nonrefoulement", "ecowas_90"],
               "policy": " ".join(["Evidence, partners and protection for everyone."] * 8)}
    r = workbench.submit(page, DEMO_AGADEZ, learner, answers)
    assert r.status == 200, r.text()
    open_block(page)
    page.locator(f"{BLOCK} .emm-result-list").wait_for()
    page.locator(f"{BLOCK} [data-viewer], {BLOCK} .emm-doc").first.wait_for()
    assert_no_horizontal_overflow(page, PHONE["width"])
    assert page.js_errors == []


# ------------------------------------------------------------------ 5. the editor
def test_author_adds_a_question_sees_the_inline_error_fixes_it_and_saves(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    questions = page.locator(f"{EDITOR} [data-list=questions] > [data-row]")
    questions.first.wait_for()
    assert questions.count() == 3
    assert page.get_by_label("Display name").input_value() == "Two teenagers at the border post"

    add = page.get_by_role("button", name="Add a question")
    add.focus()
    with page.expect_response(lambda r: "studio_validate" in r.url):
        page.keyboard.press("Enter")
    assert questions.count() == 4
    new = questions.nth(3)
    assert new.locator("legend").first.text_content() == "Question 4"
    # the live check has answered: a question just added is not yet wrong (facilitator trial s34:
    # "Question 4 has no text." in red before anything was typed); its problems wait for its first edit
    page.wait_for_timeout(200)  # the answer put in the page (a microtask after the response)
    assert [t for t in new.locator("[data-error-key]").all_text_contents() if t.strip()] == []
    page.keyboard.type("Who should interview the teenagers?")  # the focus went to the new question's text
    options = new.locator("[data-list=options] > [data-row]")
    assert options.count() == 2
    options.nth(0).get_by_label("Option text").fill("A child protection officer")
    options.nth(1).get_by_label("Option text").fill("The adult travelling with them")

    # No option marked correct: the server's validator says so, next to the options.
    error = new.locator("[data-error-key=options]")
    error.filter(has_text="mark exactly one option as correct (0 marked)").wait_for()
    assert "Question 4 is single choice" in error.text_content()
    assert new.locator("[data-error-key=explanation]").text_content() == "Warning: Question 4 has no explanation."

    # Saving now is refused: nothing stored, the focus goes to the options.
    page.get_by_role("button", name="Save").click()
    page.locator(f"{EDITOR} [data-save-alert]").filter(has_text="The case was not saved").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-key')") == "text"
    assert len(block_state(workbench, scenario, "staff_1").load_content().questions) == 3

    # Fixing it clears the error; saving stores the question.
    options.nth(0).get_by_label("Correct answer").check()
    page.wait_for_function("""() => !document.querySelector(
        '.emm-case-editor [data-list=questions] > [data-row]:nth-child(4) [data-error-key=options]').textContent""")
    new.get_by_role("button", name="Move up Question 4").click()
    assert questions.nth(2).locator("legend").first.text_content() == "Question 3"
    assert "Who should interview" in questions.nth(2).get_by_label("Question (HTML)").input_value()
    results = axe_violations(page, EDITOR)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Save").click()
    # its warnings (no explanation...) are beside their fields, and the status says how many
    page.locator(f"{EDITOR} [data-status]").filter(has_text=re.compile(r"^Saved, with \d+ warnings?: see")).wait_for()
    case = block_state(workbench, scenario, "staff_1").load_content()
    assert [q.id for q in case.questions] == ["consent", "indicators", "q1", "next"]
    added = case.questions[2]
    assert added.prompt == "Who should interview the teenagers?" and added.kind == "single"
    assert [(o.text, o.correct) for o in added.options] == [
        ("A child protection officer", True), ("The adult travelling with them", False)]
    assert page.js_errors == []


def test_the_editor_names_a_new_question_and_its_options_past_the_ids_that_hold_answers(workbench, new_page):
    """Bug hunt (course's life): the editor named a new row with the first free id, the id of a
    question or option removed while answered, whose answers the new one then took (the server holds
    such a save, ``common.retired``). It skips the ids the server says still hold answers
    (``retired_ids``): here q1 and o1, removed earlier."""
    retired_xml = ('<retired_id list="questions" value="q1" key="0">An old question</retired_id>'
                   '<retired_id list="options" of="consent" value="o1" key="0">An old option</retired_id>'
                   "</emm_case_study>")
    scenario = workbench.add_scenario(CASE.replace("</emm_case_study>", retired_xml))
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    questions = page.locator(f"{EDITOR} [data-list=questions] > [data-row]")
    questions.first.wait_for()
    page.get_by_role("button", name="Add a question").click()
    new = questions.nth(3)
    ids = "(row) => [...row.querySelectorAll('[data-key=id]')].map((input) => input.value)"
    assert new.evaluate(ids) == ["q2", "o2", "o3"]  # the question's id, then its two options'
    assert page.js_errors == []


def test_french_decimal_comma_in_a_question_s_points_is_not_saved_as_fifteen(workbench, new_page):
    """The author gives a question 1,5 point, as French writes it (bug hunt s44). Chromium's number
    field dropped the comma it did not take for a decimal mark: the field held "15", the check found
    nothing wrong (15 is within 0–100), and the question was saved worth 15 points — ten times the
    grade the author meant, without a word. Now: 1.5 is saved, or the field is refused with a
    message that says to write the number another way, and nothing is saved."""
    scenario, usage_id = new_block(workbench, "emm_case_study")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, EDITOR)
    page.locator(f"{EDITOR} [data-key=narrative]").fill("Le 17 septembre 2022, 669 personnes arrivent à Assamaka.")
    q = one_single_choice_question(page, points_keys="1,5")
    status = save_editor(page, EDITOR)
    saved = stored(usage_id).questions
    if status.startswith("Enregistré"):
        assert saved[0].points == 1.5, f"typed 1,5, saved {saved[0].points} points"
    else:  # refused: the field says what to do, nothing was saved
        assert saved == ()
        assert q.locator("[data-key=points]").get_attribute("aria-invalid") == "true"
        assert q.locator("[data-error-key=points]").inner_text().strip()
    assert page.js_errors == []


def test_a_new_case_study_s_defaults_do_not_give_away_full_marks(workbench, new_page):
    """A brand-new case study: attempts without limit, answers shown "Après chaque envoi", the best
    attempt counts. The author adds one question and saves, changing no setting. A learner
    answered wrong, was shown the right answer and "Réessayer", answered it, and held full marks:
    the grade said nothing (bug hunt s44). Now (the defaults kept: existing blocks rely on them)
    the author is warned beside "Afficher les réponses" before saving; else the first page after a
    wrong submit must not both name the right answer and offer another try."""
    scenario, _usage_id = new_block(workbench, "emm_case_study")
    page = new_page(DESK, locale="fr-FR")
    open_studio(page, workbench, scenario, EDITOR)
    page.locator(f"{EDITOR} [data-key=narrative]").fill("Le 17 septembre 2022, 669 personnes arrivent à Assamaka.")
    one_single_choice_question(page)
    page.wait_for_timeout(1000)
    warned = " ".join(page.locator(f"{EDITOR} [data-error]").all_inner_texts()).strip()
    assert save_editor(page, EDITOR).startswith("Enregistré")
    if warned:
        assert "note maximale" in page.locator(f"{EDITOR} [data-error=show_answers]").inner_text()
        return  # the author was told, beside a setting
    learner = new_page(DESK, locale="fr-FR")
    learner.goto(workbench.scenario_url(scenario, student_id(), lang="fr"))
    learner.locator(".emm-case-form input[type=radio]").nth(1).check()  # the wrong option
    learner.locator(".emm-case-form [data-submit]").click()
    feedback = learner.locator("[data-feedback]")
    feedback.locator("button").first.wait_for()
    text = feedback.inner_text()
    shows_key = "Le recrutement d’une personne" in text
    retry = feedback.get_by_role("button", name="Réessayer").count() > 0
    assert not (shows_key and retry), f"the key and another try on the first page:\n{text}"
