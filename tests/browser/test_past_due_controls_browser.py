"""Decision 93, completed: past the due date a page offers no control whose action the server
refuses. The case study's self-assessment was still offered (its key points to tick, "then save
your self-assessment", and after a refused save the same panel again); the case study's form never
submitted, the knowledge check's and the Likert evaluation's stayed open after a submit the due date
refused, and kept the answers on the phone."""

import pytest

from emm_xblocks.common import platform
from tests.browser.conftest import PHONE, student_id
from tests.browser.test_case_study_browser import CASE
from tests.browser.test_recovery_browser import CASE_BLOCK, LIKERT, LIKERT_BLOCK, answer_case, block_of, open_block

pytestmark = pytest.mark.browser

KEPT = "() => Object.keys(localStorage).filter((k) => k.startsWith('emm-draft-'))"
CLOSED = "The due date has passed: your self-assessment can no longer be saved."
REFUSED = "The due date has passed: answers are no longer accepted."
NOT_SENT = "were not submitted before the due date"


def _submitted(workbench, page):
    """A learner's case study submitted, its written answer waiting for the self-assessment."""
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    url = workbench.scenario_url(scenario, learner)
    open_block(page, url, CASE_BLOCK)
    answer_case(page)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-assess]").wait_for()
    return scenario, learner, url


def _assessment_closed(page):
    panel = page.locator(f"{CASE_BLOCK} [data-feedback]")
    panel.filter(has_text=CLOSED).wait_for()
    assert panel.locator("[data-assess]").count() == 0
    boxes = panel.locator("[data-key-points] input[type=checkbox]")
    assert boxes.count() == 2 and all(boxes.nth(i).is_disabled() for i in range(boxes.count()))
    text = panel.inner_text()
    assert "tick the ones your answer covered" not in text and "Waiting for your self-assessment" not in text
    assert "Not self-assessed" in text and "Refer them to child protection" in text  # the key points, to compare


def test_past_the_due_date_the_self_assessment_is_not_offered(workbench, new_page, monkeypatch):
    page = new_page(PHONE)
    scenario, learner, url = _submitted(workbench, page)
    monkeypatch.setattr(platform, "is_past_due", lambda block: True)  # the due date passes
    open_block(page, url, CASE_BLOCK)
    _assessment_closed(page)
    assert block_of(workbench, scenario, learner).assessed is False
    assert page.js_errors == []


def test_a_self_assessment_the_due_date_refuses_while_the_page_was_open_is_offered_no_more(
        workbench, new_page, monkeypatch):
    page = new_page(PHONE)
    scenario, learner, _url = _submitted(workbench, page)
    monkeypatch.setattr(platform, "is_past_due", lambda block: True)
    page.locator(f"{CASE_BLOCK} [data-key-points] input").first.check()
    page.locator(f"{CASE_BLOCK} [data-feedback] [data-assess]").click()
    page.locator(f"{CASE_BLOCK} [data-alert]").filter(has_text=REFUSED).wait_for()
    _assessment_closed(page)  # the panel drawn again as the next page shows it
    assert block_of(workbench, scenario, learner).assessed is False
    assert page.js_errors == []


def test_a_case_study_form_the_due_date_closes_while_it_was_open_is_closed(workbench, new_page, monkeypatch):
    """Nothing submitted yet: the refused Submit left Save draft and every field usable, and the
    answers on the phone, though the server takes none of them any more."""
    scenario = workbench.add_scenario(CASE)
    learner = student_id()
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(scenario, learner), CASE_BLOCK)
    answer_case(page)
    monkeypatch.setattr(platform, "is_past_due", lambda block: True)
    page.locator(f"{CASE_BLOCK} [data-submit]").click()
    page.locator(f"{CASE_BLOCK} [data-alert]").filter(has_text=NOT_SENT).wait_for()
    page.locator(f"{CASE_BLOCK} [data-form-actions]").wait_for(state="hidden")
    assert page.locator(f"{CASE_BLOCK} textarea").is_disabled()
    assert page.locator(f"{CASE_BLOCK} input[value=no]").is_disabled()
    assert page.evaluate(KEPT) == []
    assert block_of(workbench, scenario, learner).submitted is False
    assert page.js_errors == []


def _graded_likert_answered(workbench, new_page, anonymous):
    """A graded Likert with a comment box on a phone, its two statements answered, not sent."""
    scenario = workbench.add_scenario(LIKERT.format(anonymous="true" if anonymous else "false")
                                      .replace('comment="true"', 'comment="true" graded="true"'))
    learner = student_id()
    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(scenario, learner), LIKERT_BLOCK)
    page.locator(f"{LIKERT_BLOCK} [data-statement=relevance] input[value='4']").check()
    page.locator(f"{LIKERT_BLOCK} [data-statement=pace] input[value='2']").check()
    return scenario, learner, page


def test_a_likert_form_the_due_date_closes_while_it_was_open_is_closed(workbench, new_page, monkeypatch):
    """A named evaluation with participation credit, answered, the page left open: past the due date
    "Update my answers" is refused, and the form stayed open to be sent again and again."""
    scenario, learner, page = _graded_likert_answered(workbench, new_page, anonymous=False)
    page.locator(f"{LIKERT_BLOCK} [data-submit]").click()
    page.locator(f"{LIKERT_BLOCK} [data-status]").filter(has_text="You can change them").wait_for()
    monkeypatch.setattr(platform, "is_past_due", lambda block: True)
    page.locator(f"{LIKERT_BLOCK} [data-statement=pace] input[value='5']").check()
    page.locator(f"{LIKERT_BLOCK} [data-submit]").click()
    page.locator(f"{LIKERT_BLOCK} [data-alert]").filter(has_text=NOT_SENT).wait_for()
    page.locator(f"{LIKERT_BLOCK} [data-submit]").wait_for(state="hidden")
    assert page.locator(f"{LIKERT_BLOCK} [data-statement=pace] input[value='5']").is_disabled()
    assert page.evaluate(KEPT) == []
    assert block_of(workbench, scenario, learner).answers == {"relevance": 4, "pace": 2}
    assert page.js_errors == []


def test_an_anonymous_likert_refused_past_the_due_date_never_says_it_was_recorded(workbench, new_page, monkeypatch):
    """An anonymous evaluation writes its "Your answers were recorded anonymously" beside the form
    for the page that closes it once sent: a Submit refused past the due date closed the form and
    showed that confirmation under the alert that said the answers did not go (review s46)."""
    _, _, page = _graded_likert_answered(workbench, new_page, anonymous=True)
    monkeypatch.setattr(platform, "is_past_due", lambda block: True)
    page.locator(f"{LIKERT_BLOCK} [data-submit]").click()
    page.locator(f"{LIKERT_BLOCK} [data-alert]").filter(has_text=NOT_SENT).wait_for()
    page.locator(f"{LIKERT_BLOCK} [data-submit]").wait_for(state="hidden")
    assert page.locator(f"{LIKERT_BLOCK} [data-sent]").is_hidden()
    assert page.locator(f"{LIKERT_BLOCK} [data-statement=pace] input[value='2']").is_disabled()
    assert page.evaluate(KEPT) == []
    assert page.js_errors == []


def test_a_knowledge_check_form_the_due_date_closes_while_it_was_open_is_closed(workbench, new_page, monkeypatch):
    from tests.browser.test_knowledge_check_browser import BLOCK, PRE, WRONG, answer

    page = new_page(PHONE)
    open_block(page, workbench.scenario_url(PRE, student_id()), BLOCK)
    answer(page, WRONG)
    monkeypatch.setattr(platform, "is_past_due", lambda block: True)  # a graded test (participation)
    page.locator(f"{BLOCK} [data-submit]").click()
    page.locator(f"{BLOCK} [data-alert]").filter(has_text=NOT_SENT).wait_for()
    page.locator(f"{BLOCK} [data-form-actions]").wait_for(state="hidden")
    assert page.locator(f"{BLOCK} [data-question=smuggling] input").first.is_disabled()
    assert page.evaluate(KEPT) == []
    assert page.js_errors == []
