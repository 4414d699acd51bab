"""Newcomer review s25: what the case study's results say while a self-assessment can still raise
the grade (item 6), the tone of a score's announcement (a 0-point result is no success), and the
French "option : percent" of the others' answers (item 10), through the platform-faithful runtime."""

import pytest

from tests.integration.test_case_study_handlers import CASE, GOOD, WRONG

NBSP = "\xa0"
CHOICES_RIGHT = {"q1": "a", "q2": ["x", "y"], "q3": "Now my reflection."}  # 4 of 6, q3 (2 points) to self-assess
STAYS = "You have no attempts left: your grade stays"


@pytest.fixture
def case(scenario):
    def make(attempts=2, policy="best"):
        return scenario(CASE.format(attempts=attempts, policy=policy, show="submitted", extra=""))
    return make


def last_attempt_waiting(handlers, uid, lang=None):
    """Attempt 1 all wrong and self-assessed (0 of 6), then the last attempt with both choice
    questions right (4 of 6), its written question not yet self-assessed."""
    handlers.post(uid, "submit", {"answers": WRONG})
    handlers.post(uid, "self_assess", {"ticks": {"q3": []}})
    handlers.post(uid, "try_again")
    return handlers.post(uid, "submit", {"answers": CHOICES_RIGHT}, lang=lang).json_body


def test_on_the_last_attempt_the_grade_is_not_said_final_while_the_self_assessment_can_raise_it(case, handlers):
    uid = case()
    body = last_attempt_waiting(handlers, uid)
    assert body["attempts_left"] == 0 and body["message"] == "Submitted: 4 points out of 6."
    said = ("You have no attempts left: your grade is 4 points out of 6 for now; save your self-assessment to "
            "count question 3.")
    assert f"<span data-final>{said}</span>" in body["html"] and STAYS not in body["html"]
    assert said in handlers.view(uid).body_html()  # the page as reloaded says the same
    # saved: the question counts, and now the grade is final
    html = handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1", "k2"]}}).json_body["html"]
    assert f"{STAYS} 6 points out of 6." in html and "for now" not in html


def test_in_french_the_learner_reads_what_to_do_to_count_the_question(case, handlers):
    body = last_attempt_waiting(handlers, case(), lang="fr")
    assert (f"Il ne vous reste aucune tentative{NBSP}: votre note est de 4 points sur 6 pour l’instant\u202f; "
            "enregistrez votre autoévaluation pour compter la question 3.") in body["html"]
    assert "votre note reste" not in body["html"]


TWO_WRITTEN = """
  <question id="q4" type="reflection" points="2">
    <prompt><![CDATA[<p>Write again.</p>]]></prompt>
    <key_point id="k9">SECRET-KEY-POINT-9</key_point>
  </question>
"""


def test_two_written_questions_waiting_are_named_as_a_list_in_the_learners_language(scenario, handlers):
    uid = scenario(CASE.format(attempts=1, policy="best", show="submitted", extra="").replace(
        "  <expert_analysis>", TWO_WRITTEN + "  <expert_analysis>"))
    body = handlers.post(uid, "submit", {"answers": {**GOOD, "q4": "More words."}}).json_body
    said = "your grade is 4 points out of 8 for now; save your self-assessment to count questions 3 and 4."
    assert said in body["html"]
    french = handlers.view(uid, lang="fr").body_html()
    assert "votre note est de 4 points sur 8 pour l’instant" in french
    assert "pour compter les questions 3 et 4." in french


def test_a_self_assessment_that_cannot_raise_the_grade_leaves_it_said_final(case, handlers):
    """The best attempt counts and the first had full marks: whatever the last one's
    self-assessment gives, the grade stays."""
    uid = case()
    handlers.post(uid, "submit", {"answers": GOOD})
    handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1", "k2"]}})  # 6 of 6
    handlers.post(uid, "try_again")
    html = handlers.post(uid, "submit", {"answers": CHOICES_RIGHT}).json_body["html"]
    assert f"{STAYS} 6 points out of 6." in html and "for now" not in html


def test_with_the_last_attempt_counting_the_pending_points_are_said_too(case, handlers):
    uid = case(policy="last")
    html = last_attempt_waiting(handlers, uid)["html"]
    assert "your grade is 4 points out of 6 for now; save your self-assessment to count question 3." in html


# ------------------------------------------------------------------ a score's tone
def test_only_full_marks_are_announced_as_a_success(case, handlers):
    uid = case(attempts=3)
    zero = handlers.post(uid, "submit", {"answers": WRONG}).json_body
    assert zero["message"] == "Submitted: 0 points out of 6." and zero["tone"] == "partial"  # q3 still to assess
    assert handlers.post(uid, "self_assess", {"ticks": {"q3": []}}).json_body["tone"] == "incorrect"
    handlers.post(uid, "try_again")
    assert handlers.post(uid, "submit", {"answers": CHOICES_RIGHT}).json_body["tone"] == "partial"
    assert handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1", "k2"]}}).json_body["tone"] == "correct"
    # the page's script asks for only what it reads: the tone is among it
    page = handlers.post(uid, "state", {"reply": "page"}).json_body
    assert page["tone"] == "correct"


# ------------------------------------------------------------------ item 10: the others' answers
HALVES = """
<emm_case_study display_name="Halves" attempts_allowed="2" show_distribution="true" min_group_size="1">
  <question id="q1" type="single" points="1">
    <prompt><![CDATA[<p>Pick one.</p>]]></prompt>
    <option id="x" correct="true">Trafic illicite de migrants</option>
    <option id="y">Traite des personnes</option>
  </question>
</emm_case_study>
"""


@pytest.mark.parametrize(("lang", "shown"), [
    ("fr", f"Trafic illicite de migrants{NBSP}: 75{NBSP}%"),
    ("en", "Trafic illicite de migrants: 75%"),
    ("es", f"Trafic illicite de migrants: 75{NBSP}%"),
])
def test_each_options_share_is_written_with_the_languages_colon(scenario, handlers, lang, shown):
    uid = scenario(HALVES)
    for i, pick in enumerate(("x", "x", "y")):
        handlers.post(uid, "submit", {"answers": {"q1": pick}}, student=f"other_{i}")
    html = handlers.post(uid, "submit", {"answers": {"q1": "x"}}, lang=lang).json_body["html"]
    assert f"<li>{shown}</li>" in html
