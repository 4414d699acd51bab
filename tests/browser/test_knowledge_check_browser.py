"""The knowledge check (``emm_knowledge_check``) in headless Chromium: a learner takes the
English demo's pre-test, then its post-test (workbench/scenarios/emm_knowledge_check-1-en-pre.xml,
-2-en-post.xml, one pair); the pre-test tells nothing of the answers, the post-test shows both
scores side by side and the feedback; axe finds nothing in either. The editor (the case study's,
on this block's form) loads and saves the demo unchanged.

Needs the ``emm_knowledge_check`` entry point (the workbench loads blocks by entry point): run
with a venv installed from this tree (``make .venv312/.installed``)."""

import pytest

from emm_xblocks.models import PairedResult
from tests.browser.conftest import DESKTOP, PHONE, assert_axe_clean, student_id
from tests.browser.test_recovery_browser import handler, lose_replies

pytestmark = pytest.mark.browser

BLOCK = ".emm-kc"
PRE, POST = "emm_knowledge_check.0", "emm_knowledge_check.1"  # the English pre- and post-test
WRONG = {"smuggling": "trafficking", "child_means": "yes", "nonrefoulement": "before",
         "trafficking_traits": ["exploitation", "consent"]}  # 1 of 4 points
RIGHT = {"smuggling": "smuggling", "child_means": "no", "nonrefoulement": "before",
         "trafficking_traits": ["exploitation", "no_border", "person"]}


def open_block(page, url):
    page.goto(url)
    page.wait_for_selector(f"{BLOCK} [data-status]", state="attached")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def answer(page, answers):
    for qid, value in answers.items():
        fieldset = page.locator(f'{BLOCK} [data-question="{qid}"]')
        for option in value if isinstance(value, list) else [value]:
            fieldset.locator(f'input[value="{option}"]').check()


def test_a_learner_takes_the_pre_test_then_the_post_test(workbench, new_page):
    learner = student_id()
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(PRE, learner))
    assert_axe_clean(page, BLOCK)

    # submitting with a question left out: the form says which, nothing is sent
    answer(page, {k: v for k, v in WRONG.items() if k != "child_means"})
    page.get_by_role("button", name="Submit").click()
    page.locator(f'{BLOCK} [data-question="child_means"] [data-error-for]').filter(
        has_text="Please answer this question.").wait_for()
    answer(page, {"child_means": "yes"})
    page.get_by_role("button", name="Submit").click()
    kept = page.locator(f"{BLOCK} [data-results]")
    kept.filter(has_text="your answers are kept").wait_for()
    block_text = page.locator(BLOCK).inner_text()
    for revealing in ("Correct", "Incorrect", "Points", "Not on these facts", "1 / 4", "25%"):
        assert revealing not in block_text, revealing
    assert page.locator(f"{BLOCK} input:enabled").count() == 0  # answered once
    assert page.evaluate("document.activeElement.hasAttribute('data-results')")
    assert_axe_clean(page, BLOCK)

    open_block(page, workbench.scenario_url(POST, learner))
    answer(page, RIGHT)
    page.get_by_role("button", name="Submit").click()
    scores = page.locator(f"{BLOCK} .emm-kc-scores")
    scores.wait_for()
    assert page.locator(f'{BLOCK} tr[data-score="pre"]').inner_text().split("\t")[1:] == ["1 / 4", "25%"]
    assert page.locator(f'{BLOCK} tr[data-score="post"]').inner_text().split("\t")[1:] == ["4 / 4", "100%"]
    assert "Up 75 percentage points since the pre-test." in page.locator(f"{BLOCK} [data-gain]").inner_text()
    results = page.locator(f"{BLOCK} [data-results]").inner_text()
    assert "Correct answer:" in results and "Non-refoulement: 1951 Refugee Convention" in results
    status = page.locator(f"{BLOCK} [data-status]")
    status.filter(has_text="Pre-test: 1 point out of 4.").wait_for()
    assert_axe_clean(page, BLOCK)
    assert page.js_errors == []

    # on a phone the scores table fits the screen
    phone = new_page(PHONE)
    open_block(phone, workbench.scenario_url(POST, learner))
    width = phone.evaluate(f"document.querySelector('{BLOCK} .emm-kc-scores').getBoundingClientRect().right")
    assert width <= PHONE["width"]


# ------------------------------------------------------------------ a refused answer (trial s10, finding 3)
def test_the_servers_refusal_of_one_answer_is_shown_at_its_question_with_the_focus_in_it(workbench, new_page):
    """A page opened before the author renamed an option (a stale page) sends the old id: the
    server refuses it (400 ``unknown_option``, naming the question), and the page puts the message
    under that question and moves the focus into it, as it does for a missing answer."""
    from dataclasses import replace

    from workbench.runtime import WorkbenchRuntime

    learner = student_id()
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(PRE, learner))
    block = WorkbenchRuntime("staff_1").get_block(workbench.usage_id(PRE))
    check = block.load_content()
    renamed = tuple(replace(q, options=tuple(replace(o, id="oui") if o.id == "yes" else o for o in q.options))
                    if q.id == "child_means" else q for q in check.questions)
    block.store_content(replace(check, questions=renamed))
    block.save()

    answer(page, WRONG)  # "yes", the old id, to child_means
    with page.expect_response(lambda r: "/submit/" in r.url) as answered:
        page.get_by_role("button", name="Submit").click()
    error = page.locator(f'{BLOCK} [data-question="child_means"] [data-error-for]')
    error.filter(has_text="This answer is not one of the options.").wait_for()
    assert answered.value.status == 400
    refusal = {k: answered.value.json()[k] for k in ("error", "question")}
    assert refusal == {"error": "unknown_option", "question": "child_means"}
    assert page.locator(f"{BLOCK} [data-error-for]:not([hidden])").count() == 1
    focused = page.evaluate("(() => { const el = document.activeElement; const q = el.closest('[data-question]');"
                            " return [el.tagName, q && q.getAttribute('data-question')]; })()")
    assert focused == ["INPUT", "child_means"]
    assert PairedResult.objects.count() == 0
    assert page.js_errors == []


# ------------------------------------------------------------------ a lost reply (decision 22)
def assert_post_test_results_shown(page):
    """The post-test's results are on the page, the form locked, no error left."""
    assert page.locator(f'{BLOCK} tr[data-score="post"]').inner_text().split("\t")[1:] == ["4 / 4", "100%"]
    assert "Correct answer:" in page.locator(f"{BLOCK} [data-results]").inner_text()
    assert page.locator(f"{BLOCK} [data-alert]").is_hidden()  # no "already answered", no "No connection"
    assert page.locator(f"{BLOCK} [data-form-actions]").is_hidden()
    assert page.locator(f"{BLOCK} input:enabled").count() == 0


def test_a_submit_whose_reply_is_lost_shows_its_results(workbench, new_page):
    """The submit reaches the server, its answer never reaches the page (``page.route``:
    ``route.fetch()`` then ``route.abort()``): the page re-reads the state and shows the results."""
    learner = student_id()
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(POST, learner))
    answer(page, RIGHT)
    statuses = lose_replies(page, "submit")
    page.get_by_role("button", name="Submit").click()

    page.locator(f"{BLOCK} .emm-kc-scores").wait_for()
    assert statuses == [200]
    assert_post_test_results_shown(page)
    assert PairedResult.objects.filter(phase="post").count() == 1
    assert page.js_errors == []


def test_a_submit_sent_again_after_a_lost_reply_gets_its_results_not_already_answered(workbench, new_page):
    """The reply is lost and the state cannot be re-read either: the learner presses Submit again,
    the same action (same id) answers with the first submit's results; one result is filed."""
    learner = student_id()
    page = new_page(DESKTOP)
    open_block(page, workbench.scenario_url(POST, learner))
    answer(page, RIGHT)
    lose_replies(page, "submit")
    page.route(handler("state"), lambda route: route.abort())
    submit = page.get_by_role("button", name="Submit")
    submit.click()
    page.locator(f"{BLOCK} [data-alert]").filter(has_text="No connection").wait_for()
    assert page.locator(f"{BLOCK} .emm-kc-scores").count() == 0

    submit.click()
    page.locator(f"{BLOCK} .emm-kc-scores").wait_for()
    assert_post_test_results_shown(page)
    assert PairedResult.objects.filter(phase="post").count() == 1
    assert page.js_errors == []


def test_the_editor_loads_and_saves_the_demo_unchanged(workbench, new_page):
    from workbench.runtime import WorkbenchRuntime

    usage_id = workbench.usage_id(PRE)
    before = WorkbenchRuntime("staff_1").get_block(usage_id).load_content()
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{PRE}/studio_view/?student=staff_1")
    editor = ".emm-kc-editor"
    field = page.locator(f"{editor} [data-field=pair]")
    page.wait_for_function("(el) => el.value !== ''", arg=field.element_handle())
    assert field.input_value() == "emm-niger-en"
    assert page.locator(f"{editor} [data-list=questions] > li").count() == 4
    assert_axe_clean(page, editor)
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(f"{editor} [data-status]").filter(has_text="Saved.").wait_for()
    assert WorkbenchRuntime("staff_1").get_block(usage_id).load_content() == before
    # the pair key is checked by the server's validators, in its own slot
    field.fill("day one")
    page.locator(f"{editor} [data-error=pair]").filter(has_text="Give a pair key").wait_for()
    assert page.js_errors == []
