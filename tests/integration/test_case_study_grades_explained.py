"""The case study's results say which attempt counts and what a new attempt can cost, through the
handlers of the platform-faithful runtime; scores and shares per locale."""

import pytest

from tests.integration.test_case_study_handlers import CASE, GOOD, WRONG

NBSP = "\xa0"


@pytest.fixture
def case(scenario):
    def make(attempts=2, policy="best", show="submitted", extra=""):
        return scenario(CASE.format(attempts=attempts, policy=policy, show=show, extra=extra))
    return make


def assess_all(handlers, uid, lang=None):
    return handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1", "k2"]}}, lang=lang)


def test_last_attempt_counts_at_full_marks_warns_before_try_again(case, handlers):
    uid = case(attempts=3, policy="last")
    handlers.post(uid, "submit", {"answers": GOOD})
    html = assess_all(handlers, uid).json_body["html"]  # 6 of 6
    assert "Your last attempt counts for your grade." in html
    warning = "A new attempt replaces your grade, even if it scores less than your 6 points out of 6 now."
    assert f"data-retry-warning>{warning}</p>" in html
    assert f'data-confirm="{warning} Start a new attempt? You will have 1 attempt left after it."' in html


def test_best_attempt_counts_shows_the_counted_score_beside_a_poorer_last_one(case, handlers):
    uid = case(attempts=2, policy="best")
    handlers.post(uid, "submit", {"answers": GOOD})
    assess_all(handlers, uid)
    handlers.post(uid, "try_again")
    body = handlers.post(uid, "submit", {"answers": WRONG}).json_body
    assert body["message"] == "Submitted: 0 points out of 6."
    assert "<strong data-counted>Your grade keeps your best attempt: 6 points out of 6.</strong>" in body["html"]
    assert "You have no attempts left: your grade stays 6 points out of 6." in body["html"]
    assert "data-retry" not in body["html"]  # no attempt left: no button, no warning
    # the page as reloaded says the same
    page = handlers.view(uid).body_html()
    assert "Your grade keeps your best attempt: 6 points out of 6." in page


def test_with_correctness_hidden_only_the_policy_is_said(case, handlers):
    uid = case(attempts=0, policy="last")
    handlers.subsection_settings(uid, show_correctness="never")
    body = handlers.post(uid, "submit", {"answers": GOOD}).json_body
    assert "Your last attempt counts for your grade." in body["html"]
    assert "points out of" not in body["html"] and "data-retry-warning" not in body["html"]
    assert 'data-confirm="Start a new attempt?"' in body["html"]


HALVES = """
<emm_case_study display_name="Halves" attempts_allowed="2" show_distribution="true" min_group_size="1">
  <question id="q1" type="multiple" partial_credit="true" points="3">
    <prompt><![CDATA[<p>Pick the right ones.</p>]]></prompt>
    <option id="x" correct="true">Ex</option>
    <option id="y" correct="true">Why</option>
    <option id="z">Zed</option>
  </question>
</emm_case_study>
"""


def test_scores_and_shares_are_written_per_locale_with_cldr_plurals(scenario, handlers):
    uid = scenario(HALVES)
    for i, picks in enumerate((["x"], ["x", "y"], ["y"])):
        handlers.post(uid, "submit", {"answers": {"q1": picks}}, student=f"other_{i}")
    body = handlers.post(uid, "submit", {"answers": {"q1": ["x"]}}, lang="fr").json_body  # 1.5 of 3
    html = body["html"]
    assert body["score"] == 1.5
    # French figures (the words follow the catalogue; CLDR's plural of 1.5 is tested in tests/unit/test_numbers.py)
    assert "1,5 " in body["message"] and " 3." in body["message"] and "1.5" not in body["message"]
    assert "1,5 / 3" in html and "1.5" not in html
    # 3 of 4 and 2 of 4 participants, with French typography's no-break space before the colon
    assert f"Ex{NBSP}: 75{NBSP}%" in html and f"Why{NBSP}: 50{NBSP}%" in html
    page = handlers.view(uid).body_html()  # the same learner in English
    assert "1.5 points out of 3" in page and "Ex: 75%" in page
