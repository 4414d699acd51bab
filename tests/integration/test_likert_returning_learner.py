"""What a learner who already answered a Likert evaluation sees when they come back.

An anonymous evaluation keeps nothing of a learner's answers (decision 4): the page cannot show
them back, nor let them be changed. It used to draw the whole form again, every statement with
empty, disabled radio buttons, a long page of greyed controls on a phone; it now shows a
confirmation in place of the form, with what the page offers after a submit (the thank-you, the
results when learners may see them). The same confirmation is written, hidden, beside a new
learner's form, for the script to show once the submission is kept (``emm-likert.js``, ``lock``;
in a browser: tests/browser/test_likert_browser.py). A named evaluation still shows a learner
their answers, to change.
"""

import re

import pytest

from tests.integration.platform_blocks import LIKERT, LIKERT_ANSWERS
from tests.openedx.fixtures import platform  # noqa: F401

SURVEY = """
<emm_likert display_name="Eval" allow_na="true" comment="true" {extra}>
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
  <item id="extra" required="false">Optional statement.</item>
</emm_likert>
"""
ANSWERS = {"answers": {"relevance": 4, "pace": 2}, "comment": "Merci"}
RECORDED = ("Your answers were recorded anonymously. They are not linked to your name, so they cannot "
            "be shown to you again or changed.")
RECORDED_FR = "Vos réponses ont été enregistrées de façon anonyme."


@pytest.fixture
def survey(scenario):
    return lambda extra="": scenario(SURVEY.format(extra=extra))


def radios(html):
    return re.findall(r'<input type="radio"[^>]*>', html)


def sent_box(html):
    """The opening tag of the confirmation box (``page_html._sent_html``), or None."""
    found = re.search(r'<div class="emm-likert-sent" data-sent[^>]*>', html)
    return found and found.group(0)


def test_a_returning_anonymous_learner_is_told_their_answers_were_recorded_not_shown_a_locked_form(
        survey, handlers):
    uid = survey('anonymous="true" results="learners" min_group_size="1"')
    assert handlers.post(uid, "submit", ANSWERS).status_code == 200
    html = handlers.view(uid).content
    assert RECORDED in html and sent_box(html) == '<div class="emm-likert-sent" data-sent>'
    assert "Thank you: your answers were saved." in html
    # nothing of the form: no statement, no radio, no comment box, no button to send
    assert radios(html) == [] and "<form" not in html and "<textarea" not in html and "data-submit" not in html
    assert "The training is relevant to my work." not in html and "Update my answers" not in html
    # what a submit offers stays: the results, which the learner may open
    assert "<section class=\"emm-results\" data-results-section>" in html and "data-show-results" in html
    assert handlers.post(uid, "get_results", {"reply": "page"}).status_code == 200
    # and in the learner's language
    fr = handlers.view(uid, lang="fr").content
    assert RECORDED_FR in fr and radios(fr) == [] and "Merci\u00a0: vos réponses ont été enregistrées." in fr


def test_without_results_for_learners_the_confirmation_is_all_they_see(survey, handlers):
    uid = survey('anonymous="true"')
    assert handlers.post(uid, "submit", ANSWERS).status_code == 200
    html = handlers.view(uid).content
    assert RECORDED in html and radios(html) == [] and "data-results-section" not in html


def test_a_new_learner_of_an_anonymous_evaluation_gets_the_form_and_the_confirmation_hidden(survey, handlers):
    uid = survey('anonymous="true"')
    html = handlers.view(uid).content
    assert len(radios(html)) == 3 * 6 and "<form" in html  # three statements, five points and N/A
    assert "This evaluation is anonymous: your answers are not linked to your name." in html
    # written for the script, which shows it (and hides the form) once the submission is kept
    assert sent_box(html) == '<div class="emm-likert-sent" data-sent hidden>' and RECORDED in html
    assert html.index("<form") < html.index("data-sent hidden")


def test_a_named_evaluation_still_shows_the_learner_their_answers_to_change(survey, handlers):
    uid = survey()
    assert sent_box(handlers.view(uid).content) is None  # nothing hidden for a script to show either
    assert handlers.post(uid, "submit", ANSWERS).status_code == 200
    html = handlers.view(uid).content
    assert sent_box(html) is None and "recorded anonymously" not in html
    assert len(radios(html)) == 3 * 6 and not any(" disabled" in r for r in radios(html))
    checked = [r for r in radios(html) if " checked" in r]
    assert [re.search(r'value="(\w+)"', r).group(1) for r in checked] == ["4", "2"]
    assert ">Merci</textarea>" in html and "Update my answers" in html


def test_staff_viewing_as_the_learner_read_the_same_confirmation_and_that_nothing_is_saved(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    ana, sam = platform.user("ana"), platform.user("sam", role="staff")
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    seen = platform.lms(sam, masquerade_as=ana).html(key)
    assert RECORDED in seen and "data-read-only" in seen and radios(seen) == []


def test_the_state_handler_and_a_second_submit_answer_as_before(survey, handlers):
    """The page's script reads these after a lost reply or a refusal: unchanged, no text in a kept
    submission's answer (decision 59); ``can_change`` false is what shows the confirmation."""
    uid = survey('anonymous="true"')
    assert handlers.post(uid, "submit", ANSWERS).json_body == {
        "submitted": True, "can_change": False, "results_available": False}
    state = handlers.post(uid, "state", {}).json_body
    assert state["locked"] is True and state["can_change"] is False and state["answers"] == {}
    again = handlers.post(uid, "submit", ANSWERS)
    assert again.status_code == 409 and again.json_body["error"] == "already_submitted"
