"""Issue 10, "readers", in Chromium: the focus lands on what changed, length limits show counters and
never cut a text, "how others answered" names each question and its respondents, and the
role-play map fits its panel or scrolls with a visible cue, mirrored in Arabic."""

import pytest

from emm_xblocks.models import Answer
from tests.browser.conftest import DESKTOP, PHONE, answer_asked, student_id

pytestmark = pytest.mark.browser

LIKERT = ('<emm_likert display_name="Evaluation" comment="true" anonymous="true">'
          '<item id="a">First statement.</item><item id="b">Second statement.</item></emm_likert>')
CASE = """
<emm_case_study display_name="Case" show_distribution="true" min_group_size="1" max_attempts="3">
  <narrative><![CDATA[<p>A case.</p>]]></narrative>
  <question id="consent" type="single">
    <prompt><![CDATA[<p>Does the consent of a child <em>matter</em>?</p>]]></prompt>
    <option id="no" correct="true">No</option><option id="yes">Yes</option>
  </question>
  <question id="write" type="reflection" min_words="50">
    <prompt><![CDATA[<p>What next?</p>]]></prompt>
  </question>
</emm_case_study>
"""


def open_likert(page, url):
    page.goto(url)
    page.wait_for_selector(".emm-likert [data-progress]", state="attached")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def test_a_long_paste_is_kept_counted_and_refused_never_cut(workbench, new_page):
    scenario = workbench.add_scenario(LIKERT)
    page = new_page(DESKTOP)
    learner = student_id()
    open_likert(page, workbench.scenario_url(scenario, learner))
    submits = []
    page.on("request", lambda req: submits.append(req.url) if "/submit/" in req.url else None)
    for sid in ("a", "b"):
        page.locator(f".emm-likert [data-statement={sid}] .emm-option").nth(3).click()
    comment = page.locator(".emm-likert textarea[name=comment]")
    counter = page.locator(".emm-likert .emm-counter")
    assert counter.text_content() == "2,000 characters left"
    assert comment.get_attribute("maxlength") is None  # a browser would cut the paste silently
    assert counter.get_attribute("id") in comment.get_attribute("aria-describedby")

    comment.fill("x" * 5000)  # a paste of 5,000 characters into a 2,000-character box
    assert len(comment.input_value()) == 5000  # kept whole
    assert counter.text_content() == "3,000 characters too many (limit 2,000): nothing was cut, shorten the text."
    assert comment.get_attribute("aria-invalid") == "true"
    page.locator(".emm-likert [data-status]").filter(has_text="3,000 characters too many").wait_for()  # said once

    page.locator(".emm-likert [data-submit]").click()
    alert = page.locator(".emm-likert [data-alert]")
    alert.filter(has_text="Not sent: a text is longer than its limit of 2,000 characters. Nothing was cut").wait_for()
    assert page.evaluate("() => document.activeElement.name") == "comment"
    assert submits == [] and not Answer.objects.filter(block_key=workbench.usage_id(scenario)).exists()

    comment.fill("Shorter, as asked.")
    assert counter.text_content() == f"{2000 - len('Shorter, as asked.'):,} characters left"
    assert comment.get_attribute("aria-invalid") is None
    page.locator(".emm-likert [data-submit]").click()
    page.locator(".emm-likert [data-status]").filter(has_text="Thank you").wait_for()
    assert len(submits) == 1
    assert page.js_errors == []


def test_the_green_status_stops_saying_a_text_is_too_long_once_it_is_shortened_or_refused(workbench, new_page):
    """The status is where a success is said, in green: "too many characters" said there once must
    not stay after the learner shortened the text, nor sit above the refusal's alert saying it again."""
    page = new_page(PHONE, locale="fr-FR")
    open_likert(page, workbench.scenario_url("emm_likert.1", student_id(), lang="fr"))  # the French demo
    comment, status = page.locator(".emm-likert textarea[name=comment]"), page.locator(".emm-likert [data-status]")
    comment.fill("x" * 2500)
    status.filter(has_text="500 caractères de trop").wait_for()
    comment.fill("Plus de travaux de groupe.")
    page.wait_for_function("() => !document.querySelector('.emm-likert [data-status]').textContent")
    assert status.is_hidden()

    for statement in page.locator(".emm-likert [data-statement]").all():
        statement.locator(".emm-option").nth(3).click()
    comment.fill("x" * 2500)
    status.filter(has_text="500 caractères de trop").wait_for()
    page.locator(".emm-likert [data-submit]").click()
    page.locator(".emm-likert [data-alert]").filter(has_text="Non envoyé").wait_for()
    assert status.text_content() == "" and status.is_hidden()  # said once, in the alert
    assert page.evaluate("() => document.activeElement.name") == "comment"
    assert page.js_errors == []


def test_after_a_keyboard_submit_the_focus_is_on_the_confirmation_not_the_page(workbench, new_page):
    scenario = workbench.add_scenario(LIKERT)
    page = new_page(PHONE)
    open_likert(page, workbench.scenario_url(scenario, student_id()))
    for sid in ("a", "b"):
        page.locator(f".emm-likert [data-statement={sid}] .emm-option").nth(1).click()
    page.locator(".emm-likert [data-submit]").focus()
    page.keyboard.press("Enter")
    page.locator(".emm-likert [data-status]").filter(has_text="Thank you").wait_for()
    page.wait_for_function("() => document.activeElement.hasAttribute('data-status')")
    assert page.locator(".emm-likert [data-submit]").is_hidden()  # anonymous: the button went away
    assert page.evaluate("() => document.activeElement !== document.body")


def test_the_word_counter_keeps_the_minimum_and_others_answers_name_their_question(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    page.goto(workbench.scenario_url(scenario, student_id()))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    area = page.locator(".emm-case textarea")
    area.fill(" ".join(["word"] * 12))
    assert page.locator(".emm-case [data-word-count]").text_content() == "12 words (minimum 50)"
    area.fill("one")
    assert page.locator(".emm-case [data-word-count]").text_content() == "1 word (minimum 50)"
    assert page.locator(".emm-case .emm-counter").text_content() == "19,997 characters left"  # "one": 3 of 20,000

    page.locator(".emm-case input[value=no]").check()
    area.fill(" ".join(["word"] * 50))
    page.locator(".emm-case [data-submit]").click()
    page.wait_for_function("() => document.activeElement.textContent.trim() === 'Your results'")
    dist = page.locator(".emm-case .emm-distribution")
    assert dist.locator("h5").all_text_contents() == ["Question 1: Does the consent of a child matter?"]
    assert dist.locator(".emm-dist-n").text_content() == "1 participant answered"

    page.locator(".emm-case [data-retry]").click()
    answer_asked(page, ".emm-case")  # the server's question before a new attempt
    page.wait_for_function("() => { const q = document.activeElement.closest('[data-question]');"
                           " return q && q.getAttribute('data-question') === 'consent'; }")
    assert page.js_errors == []


def wide_scenario(n=6):
    """A start with ``n`` choices to ``n`` endings: one row of ``n`` boxes (wider than a phone)."""
    choices = "".join(f'<choice goto="end{i}">Choice {i}</choice>' for i in range(n))
    endings = "".join(f'<node id="end{i}" ending="true"><narrative>End {i}.</narrative>'
                      f'<debrief>Debrief {i}.</debrief></node>' for i in range(n))
    return (f'<emm_role_play display_name="Wide"><role id="r" start="start">Officer</role>'
            f'<node id="start"><narrative>Start.</narrative>{choices}</node>{endings}</emm_role_play>')


def map_geometry(page):
    return page.evaluate("""() => {
        const box = document.querySelector('.emm-rp-studio [data-map]'), b = box.getBoundingClientRect();
        const node = (id) => [...box.querySelectorAll('.emm-rp-box')]
            .find((g) => g.querySelector('.emm-rp-id').textContent === id);
        const start = node('start'), first = node('end0'), last = node('end5');
        const cue = box.querySelector('[data-scroll-cue]');
        return {scroll: box.scrollWidth, client: box.clientWidth, left: b.left, right: b.right,
                start: start.getBoundingClientRect().toJSON(), first: first.getBoundingClientRect().toJSON(),
                last: last.getBoundingClientRect().toJSON(),
                cue: cue ? cue.getBoundingClientRect().toJSON() : null, cueText: cue ? cue.textContent : null};
    }""")


def open_map(page, workbench, scenario, lang):
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang={lang}")
    page.wait_for_selector(".emm-rp-studio [data-map] .emm-rp-box")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_map_scrolls_with_a_visible_cue_on_a_phone_and_mirrors_in_arabic(workbench, new_page, lang):
    scenario = workbench.add_scenario(wide_scenario())
    page = new_page(PHONE, locale=lang)
    open_map(page, workbench, scenario, lang)
    g = map_geometry(page)
    assert g["scroll"] > g["client"]  # wider than the panel: it scrolls...
    assert g["cue"] is not None and g["cue"]["width"] > 0  # ... and says so, in view
    assert g["left"] - 1 <= g["cue"]["left"] and g["cue"]["right"] <= g["right"] + 1
    assert page.locator(".emm-rp-studio [data-map]").evaluate("(el) => el.classList.contains('emm-rp-scrolls')")
    if lang == "ar":  # the map starts on the right, where an Arabic reader starts: end0 right of end5
        assert g["first"]["left"] > g["last"]["left"]
        assert abs(g["right"] - g["first"]["right"]) < 60 and g["first"]["right"] <= g["right"] + 1
    else:
        assert g["first"]["left"] < g["last"]["left"]
        assert abs(g["first"]["left"] - g["left"]) < 60
    page.locator(".emm-rp-studio [data-map]").evaluate(
        "(el) => { el.scrollLeft += getComputedStyle(el).direction === 'rtl' ? -400 : 400; }")
    after = map_geometry(page)
    assert after["first"]["left"] != g["first"]["left"]  # it did scroll
    assert after["cue"]["left"] >= after["left"] - 1 and after["cue"]["right"] <= after["right"] + 1  # sticky
    assert page.js_errors == []


def test_the_map_fits_a_desktop_panel_without_scrolling(workbench, new_page):
    scenario = workbench.add_scenario(wide_scenario())
    page = new_page(DESKTOP)
    open_map(page, workbench, scenario, "en")
    g = map_geometry(page)
    assert g["scroll"] <= g["client"] and g["cue"] is None
    assert g["last"]["right"] <= g["right"] + 1
