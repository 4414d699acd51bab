"""An author who changes how a graded block grades once learners answered is warned and asked to
confirm, as the knowledge check's *Grading* is (decision 27): through Studio's ``studio_submit``
(tests/openedx), the save answers 409 ``answers_touched`` with the warning at the setting, nothing is
saved until ``confirm: true``, and the gradebook keeps each grade until staff rescore, as the
warning says. A block nobody answered saves at once."""

from django.utils import translation

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.role_play import editor as role_play_editor
from tests.integration.platform_blocks import CASE, LIKERT, LIKERT_ANSWERS, ROLE_PLAY, choices, play
from tests.openedx import rescore
from tests.openedx.fixtures import platform  # noqa: F401

CASE_POLICY_WARNING = (
    "“Attempt that counts” was “Best attempt”: learners who already submitted keep the grade the course recorded "
    "that way until staff rescore this case study or they submit again, which counts all their attempts the new "
    "way. Until then, they and the learners who submit next are not graded alike.")
ROLE_PLAY_POLICY_WARNING = (
    "“Attempt that counts” was “Best attempt”: learners who already reached an ending keep the grade the course "
    "recorded that way until staff rescore this role-play or they reach another ending, which counts their ended "
    "attempts the new way. Until then, they and the learners who play next are not graded alike.")
LIKERT_CREDIT_WARNING = (
    "“Give participation credit (graded)” was not ticked: learners who already answered have no grade for this "
    "evaluation, and the course counts it as 0 for them until staff rescore it, which gives them the credit.")


def editor_form(platform, key, module):  # noqa: F811
    data = module.to_editor(platform.studio_editor(platform.user("author", role="staff")).block(key).load_content())
    data.pop("xml", None)  # the role-play's "Edit as XML" tab: the form's structure is sent
    return data


def save(platform, key, data, **extra):  # noqa: F811
    return platform.studio_editor(platform.user("author", role="staff")).handle(key, "studio_submit", {**data, **extra})


def held(platform, key, data, field):  # noqa: F811
    """``data`` is refused with 409 ``answers_touched`` and one warning, at ``field``; nothing saved."""
    before = platform.export(key)
    refused = save(platform, key, data)
    assert refused.status == 409 and refused.json["error"] == "answers_touched", refused.json
    [warning] = refused.json["problems"]
    assert warning["field"] == field and warning["error"] is False
    assert platform.export(key) == before
    return warning["message"]


def raw(platform, user, key):  # noqa: F811
    grade = platform.gradebook(user, key)
    return grade and (grade["raw_earned"], grade["raw_possible"])


def test_the_case_study_s_attempt_that_counts_changed_after_submissions_is_held_until_confirmed(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='attempts_allowed="3"', more=""))
    data = dict(editor_form(platform, key, case_editor), grade_policy="last")
    assert save(platform, key, data).status == 200  # nobody answered: saved at once
    assert save(platform, key, dict(data, grade_policy="best")).status == 200
    lea = platform.user("lea")
    assert platform.lms(lea).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200  # 2 of 2
    assert platform.lms(lea).handle(key, "try_again", {}).status == 200
    assert platform.lms(lea).handle(key, "submit", {"answers": {"q1": "b"}}).status == 200  # 0 of 2
    assert raw(platform, lea, key) == (2.0, 2.0)  # the best attempt counts

    assert held(platform, key, data, "grade_policy") == CASE_POLICY_WARNING
    with translation.override("fr"):
        message = held(platform, key, data, "grade_policy")
    assert message.startswith("«\u00a0Tentative prise en compte\u00a0» était «\u00a0Meilleure tentative\u00a0»\u00a0:")

    saved = save(platform, key, data, confirm=True)  # « Enregistrer quand même »
    assert saved.status == 200 and [w["field"] for w in saved.json["warnings"]] == ["grade_policy"]
    assert 'grade_policy="last"' in platform.export(key)
    assert raw(platform, lea, key) == (2.0, 2.0)  # kept, as the warning said, until staff rescore
    assert rescore(platform, key) == {"lea": "succeeded"}
    assert raw(platform, lea, key) == (0.0, 2.0)  # her last attempt


def test_a_case_study_question_s_points_changed_after_submissions_is_held_and_names_the_old_points(platform):  # noqa: F811
    key = platform.add(CASE.format(extra="", more=""))
    assert platform.lms(platform.user("lea")).handle(key, "submit", {"answers": {"q1": "a"}}).status == 200
    data = editor_form(platform, key, case_editor)
    data["questions"][0]["points"] = 3
    assert held(platform, key, data, "questions.0.points") == (
        "Question 1: its points were 2. Learners who already answered keep the score they were given until staff "
        "rescore.")
    assert save(platform, key, data, confirm=True).status == 200
    assert 'points="3"' in platform.export(key)


def test_the_role_play_s_grade_policy_changed_after_an_ending_is_held_until_confirmed(platform):  # noqa: F811
    key = platform.add(ROLE_PLAY.format(extra=""))
    ana = platform.user("ana")
    play(platform.lms(ana), key, ["Refer at once"])  # 3 of the best path's 3 points
    again = platform.lms(ana).handle(key, "restart", {})  # one role: the new attempt starts at once
    for label in ("Listen first", "Finish"):  # 2 of 3
        again = platform.lms(ana).handle(key, "choose", {"choice": choices(again)[label]})
        assert again.status == 200, again.json
    assert raw(platform, ana, key) == (1.0, 1.0)  # the best attempt counts

    data = dict(editor_form(platform, key, role_play_editor), grade_policy="last")
    assert held(platform, key, data, "grade_policy") == ROLE_PLAY_POLICY_WARNING
    with translation.override("fr"):  # the setting's label, as the case study's warning names it
        message = held(platform, key, data, "grade_policy")
    assert message.startswith("«\u00a0Tentative prise en compte\u00a0» était «\u00a0Meilleure tentative\u00a0»\u00a0:")
    assert save(platform, key, data, confirm=True).status == 200
    assert 'grade_policy="last"' in platform.export(key)
    assert raw(platform, ana, key) == (1.0, 1.0)  # kept until staff rescore
    assert rescore(platform, key) == {"ana": "succeeded"}
    earned, possible = raw(platform, ana, key)
    assert (round(earned, 6), possible) == (round(2 / 3, 6), 1.0)  # her last ended attempt


def test_the_likert_s_participation_credit_switched_after_answers_is_held_until_confirmed(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra=""))
    data = dict(editor_form(platform, key, likert_editor), participation_graded=True)
    assert save(platform, key, data).status == 200  # nobody answered: saved at once
    assert save(platform, key, dict(data, participation_graded=False)).status == 200
    lea = platform.user("lea")
    assert platform.lms(lea).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert raw(platform, lea, key) is None  # not graded: no grade recorded

    assert held(platform, key, data, "participation_graded") == LIKERT_CREDIT_WARNING
    assert save(platform, key, data, confirm=True).status == 200
    assert raw(platform, lea, key) is None  # still none, as the warning said, until staff rescore
    assert rescore(platform, key) == {"lea": "succeeded"}
    assert raw(platform, lea, key) == (1.0, 1.0)
    assert held(platform, key, dict(data, participation_graded=False), "participation_graded").startswith(
        "“Give participation credit (graded)” was ticked: the course no longer counts this evaluation")
