"""The mobile apps' ``student_view_user_state`` after a graded block's due date (bug hunt s43): the
page disables its buttons and says "The due date has passed" (``pipeline.write_refusal``), and every
write is refused 403 ``past_due``; the apps' state must not offer what the page no longer does
(``can_submit`` for a Likert evaluation, ``can_retry`` for a case study, a knowledge check not
``closed``), and says why in every block (``refusal``, in the learner's language).
docs/lms-behaviour.md §2 and §7."""

from django.utils import translation

from tests.integration.platform_blocks import CASE, LIKERT, LIKERT_ANSWERS, ROLE_PLAY, future, past
from tests.openedx.fixtures import platform  # noqa: F401

CHECK = """
<emm_knowledge_check display_name="Check" phase="post" pair="p" grading="score">
  <question id="q" type="single">
    <prompt><![CDATA[<p>Which?</p>]]></prompt>
    <option id="a" correct="true">A</option><option id="b">B</option>
  </question>
</emm_knowledge_check>"""


def app_state(platform, key, user):  # noqa: F811
    return platform.lms(user).handle(key, "student_view_user_state", method="GET").json


def test_a_graded_likert_past_its_due_date_is_not_offered_to_the_apps(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(LIKERT.format(extra='graded="true"'), sub)
    ana = platform.user("ana")
    before = app_state(platform, key, ana)
    assert before["can_submit"] is True and before["refusal"] is None
    platform.set_settings(sub, due=past())
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 403  # the page's refusal
    after = app_state(platform, key, ana)
    assert after["can_submit"] is False
    assert after["refusal"]["error"] == "past_due"
    assert after["refusal"]["message"] == "The due date has passed: answers are no longer accepted."


def test_a_case_study_past_its_due_date_offers_the_apps_no_retry(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=future())
    key = platform.add(CASE.format(extra='attempts="3"', more=""), sub)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200
    assert app_state(platform, key, ana)["can_retry"] is True
    platform.set_settings(sub, due=past())
    assert platform.lms(ana).handle(key, "try_again", {}).status == 403  # the page hides "Try again"
    state = app_state(platform, key, ana)
    assert state["can_retry"] is False and state["refusal"]["error"] == "past_due"
    assert state["answers"] == {"q1": "b"}  # what they sent is still theirs to read


def test_a_knowledge_check_past_its_due_date_is_closed_for_the_apps(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=past())
    key = platform.add(CHECK, sub)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", {"answers": {"q": "a"}}).status == 403
    assert app_state(platform, key, ana)["closed"] is True


def test_a_role_play_past_its_due_date_says_so_to_the_apps_in_the_learners_language(platform):  # noqa: F811
    sub = platform.subsection(graded=True, due=past())
    key = platform.add(ROLE_PLAY.format(extra=""), sub)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "begin", {"role": "r1"}).status == 403
    with translation.override("fr"):
        refusal = app_state(platform, key, ana)["refusal"]
    assert refusal["error"] == "past_due"
    assert refusal["message"].startswith("La date limite est passée")


def test_an_ungraded_block_past_its_due_date_stays_open_to_the_apps(platform):  # noqa: F811
    sub = platform.subsection(graded=False, due=past())
    key = platform.add(LIKERT.format(extra=""), sub)
    state = app_state(platform, key, platform.user("ana"))
    assert state["can_submit"] is True and state["refusal"] is None
