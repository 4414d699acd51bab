"""Issue 11 §1: ``emm_knowledge_check`` through the platform-faithful runtime (tests/openedx):
a pre-test and its post-test, linked by a pseudonym; the pre-test reveals nothing; the post-test
shows both scores and the feedback; grades, masquerade, staff figures, OLX, mobile data.

The block is given to the runtime by class (``Platform(block_classes=...)``), so these tests run
on both test venvs whether or not the ``emm_knowledge_check`` entry point is installed there.
"""

import re

import pytest
from django.db.models.signals import post_delete
from django.utils import translation

from emm_xblocks.common import pairs
from emm_xblocks.models import PairedResult
from emm_xblocks.xblocks import KnowledgeCheckBlock
from tests.integration.platform_blocks import page_args
from tests.openedx import delete_state, delete_state_all, mobile_collect, override_score, problem_responses, rescore
from tests.openedx.instructor import bind_for_student, user_states
from tests.openedx.keys import CourseIdManager, CourseKey
from tests.openedx.runtime import Platform
from tests.openedx.services import anonymous_id_for_user
from tests.openedx.student_module import StudentModule

CHECK = """
<emm_knowledge_check display_name="Trafficking or smuggling?" phase="{phase}" pair="{pair}" {extra}>
  <intro><![CDATA[<p>INTRO-TEXT</p>]]></intro>
  <question id="q1" type="single">
    <prompt><![CDATA[<p>A driver takes adults across a border for a fee; it ends on arrival.</p>]]></prompt>
    <option id="smuggling" correct="true">Smuggling<feedback>FEEDBACK-RIGHT</feedback></option>
    <option id="trafficking">Trafficking<feedback>FEEDBACK-WRONG</feedback></option>
    <explanation><![CDATA[<p>EXPLANATION-Q1</p>]]></explanation>
  </question>
  <question id="q2" type="multiple">
    <prompt><![CDATA[<p>Which describe trafficking?</p>]]></prompt>
    <option id="exploit" correct="true">Ongoing exploitation</option>
    <option id="person" correct="true">A crime against the person</option>
    <option id="consent">Consent makes it lawful<feedback>FEEDBACK-CONSENT</feedback></option>
    <explanation><![CDATA[<p>EXPLANATION-Q2</p>]]></explanation>
  </question>
</emm_knowledge_check>
"""
RIGHT = {"answers": {"q1": "smuggling", "q2": ["exploit", "person"]}}  # 2 of 2 points
HALF = {"answers": {"q1": "smuggling", "q2": ["consent"]}}  # 1 of 2
WRONG = {"answers": {"q1": "trafficking", "q2": ["consent"]}}  # 0 of 2
SECRETS = ("FEEDBACK-RIGHT", "FEEDBACK-WRONG", "FEEDBACK-CONSENT", "EXPLANATION-Q1", "EXPLANATION-Q2")


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_knowledge_check": KnowledgeCheckBlock})


def pair_of(platform, pair="day1", pre_extra="", post_extra='grading="score"', subsection=None):
    section = subsection or platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair=pair, extra=pre_extra), section)
    post = platform.add(CHECK.format(phase="post", pair=pair, extra=post_extra), section)
    return pre, post


def visible(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# ------------------------------------------------------------------ pairing
def test_the_post_test_shows_both_scores_side_by_side_and_the_feedback(platform):
    pre, post = pair_of(platform)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200
    result = platform.lms(ana).handle(post, "submit", RIGHT)
    assert result.status == 200, result.json
    body = result.json
    assert body["scores"]["pre"] == {"earned": "1", "possible": "2", "percent": 50}
    assert body["scores"]["post"] == {"earned": "2", "possible": "2", "percent": 100}
    assert body["scores"]["change"] == "up" and body["scores"]["points"] == 50
    text = visible(body["html"])
    assert "Before the training (pre-test)" in text and "1 / 2" in text and "50%" in text
    assert "After the training (post-test)" in text and "2 / 2" in text and "100%" in text
    assert "Up 50 percentage points since the pre-test." in text
    assert "EXPLANATION-Q1" in body["html"] and "Correct answer:" in text and "FEEDBACK-RIGHT" in text
    # the page shows the same once reloaded
    page = visible(platform.lms(ana).html(post))
    assert "1 / 2" in page and "2 / 2" in page and "EXPLANATION-Q2" in page


def test_a_post_test_without_a_pre_test_says_so(platform):
    _pre, post = pair_of(platform)
    sam = platform.user("sam")
    body = platform.lms(sam).handle(post, "submit", WRONG).json
    assert body["scores"]["pre"] is None and body["scores"]["change"] is None
    assert "You did not take the pre-test." in visible(body["html"])


def test_a_post_test_opened_before_the_pre_test_says_first_that_it_will_close_it(platform):
    """Learner trial s38: the post-test said "When you submit, you see your results beside your
    pre-test score" to a learner who had none, and closed their pre-test without a word first."""
    pre, post = pair_of(platform)
    ana, bo = platform.user("ana"), platform.user("bo")
    page = platform.lms(ana).html(post)
    assert "data-no-pre" in page
    assert ("You have not taken the pre-test: take it first if you can. Once you submit this post-test, you see its "
            "answers, and the pre-test is closed to you.") in visible(page)
    assert "beside your pre-test score" not in visible(page)
    assert platform.lms(bo).handle(pre, "submit", HALF).status == 200
    taken = platform.lms(bo).html(post)
    assert "data-no-pre" not in taken and "beside your pre-test score" in visible(taken)
    assert platform.lms(ana).handle(post, "submit", RIGHT).status == 200
    assert "data-no-pre" not in platform.lms(ana).html(post)  # submitted: nothing more to say before it
    with translation.override("fr"):
        french = platform.lms(ana).html(platform.add(CHECK.format(phase="post", pair="day2", extra=""),
                                                     platform.subsection()))
    assert "Vous n’avez pas passé le test initial\u00a0: passez-le d’abord si vous le pouvez." in french


def test_a_pre_test_is_closed_once_the_post_test_was_taken_first(platform):
    """A pre-test answered after the post-test (at the end of the training, whose feedback shows
    the right answers) would measure nothing, and its pair would count in the staff's figures. Its
    page says why it is closed in place of the form, keeps no answers on the device, and tells
    the apps; a submit sent anyway (a page opened before) is refused, nothing filed (decision 70)."""
    pre, post = pair_of(platform)
    sam = platform.user("sam")
    assert platform.lms(sam).handle(post, "submit", RIGHT).status == 200
    assert "EXPLANATION-Q1" in platform.lms(sam).render(post, "student_view").body_html()  # the answers shown
    frag = platform.lms(sam).render(pre, "student_view")
    page = frag.body_html()
    closed = "You have already taken the post-test: this pre-test is closed"
    assert closed in visible(page) and "data-closed" in page
    assert "<form" not in page and "answer with what you know now" not in visible(page)
    # the init args: no form, and the key of what the device kept for it, which the page forgets (bug hunt s43)
    assert re.search(r'"draft_key": "[0-9a-f]{24}"', frag.content)
    assert platform.lms(sam).handle(pre, "student_view_user_state", method="GET").json["closed"] is True
    refused = platform.lms(sam).handle(pre, "submit", RIGHT)
    assert refused.status == 409 and refused.json["error"] == "post_test_taken"
    assert closed in refused.json["message"]
    assert list(PairedResult.objects.values_list("phase", "ahead")) == [("post", True)]
    assert platform.lms(sam).handle(pre, "state", {}).json["submitted"] is False
    # another learner, who took neither, answers the pre-test as ever; the post-test is not closed
    ana = platform.user("ana")
    assert closed not in visible(platform.lms(ana).render(pre, "student_view").body_html())
    assert platform.lms(ana).handle(pre, "student_view_user_state", method="GET").json["closed"] is False
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200
    assert platform.lms(ana).handle(post, "submit", RIGHT).status == 200
    # staff who delete Sam's post-test state reopen the pre-test (as a reset of the pre-test after
    # both tests, taken in order, lets the learner take it again)
    delete_state(platform, post, sam, platform.user("staff_1", role="staff"))
    assert closed not in visible(platform.lms(sam).render(pre, "student_view").body_html())
    assert platform.lms(sam).handle(pre, "submit", HALF).status == 200


def test_pairing_is_by_an_hmac_never_a_user_id(platform):
    pre, post = pair_of(platform)
    ana, bob = platform.user("ana"), platform.user("bob")
    for user, answers in ((ana, HALF), (bob, WRONG)):
        assert platform.lms(user).handle(pre, "submit", answers).status == 200
        assert platform.lms(user).handle(post, "submit", RIGHT).status == 200
    rows = list(PairedResult.objects.values())
    assert len(rows) == 4
    tokens = {r["token"] for r in rows}
    assert len(tokens) == 2 and all(re.fullmatch(r"[0-9a-f]{64}", t) for t in tokens)  # one per learner
    assert {r["phase"] for r in rows if r["token"] == rows[0]["token"]} == {"pre", "post"}
    identities = set()
    for user in (ana, bob):
        identities |= {user.username, user.email, anonymous_id_for_user(user, platform.course_key),
                       anonymous_id_for_user(user, None)}
    stored = " ".join(v for r in rows for v in r.values() if isinstance(v, str))
    for identity in identities:
        assert identity not in stored, identity
    # no column for a user id, a name or a time: only the pseudonym links the two results (``ahead``
    # is a yes/no: a post-test filed before any pre-test, migration 0012)
    assert {f.name for f in PairedResult._meta.get_fields()} == {
        "id", "course_key", "pair", "phase", "block_key", "token", "earned", "possible", "marks", "questions_key",
        "ahead"}
    assert not any(r["ahead"] for r in rows)  # each took the pre-test first


def test_the_same_pair_key_in_another_course_is_another_pair(platform, db):
    pre, _post = pair_of(platform)
    ana = platform.user("ana")
    platform.lms(ana).handle(pre, "submit", HALF)
    other = Platform(block_classes={"emm_knowledge_check": KnowledgeCheckBlock})
    other.ids = CourseIdManager(CourseKey(run="2027"))  # a rerun of the course
    other.course_key = other.ids.course_key
    other.course = other._container("course")
    other_ana = other.user("ana")
    _other_pre, other_post = pair_of(other)
    body = other.lms(other_ana).handle(other_post, "submit", RIGHT).json
    assert body["scores"]["pre"] is None


# ------------------------------------------------------------------ the pre-test reveals nothing
def test_a_check_imported_without_a_name_is_an_error_in_studio_yet_answered(platform):
    """As every block (decision 53): a missing name shows in Studio and keeps no learner out."""
    section = platform.subsection()
    post = platform.add(CHECK.format(phase="post", pair="day1", extra='grading="score"')
                        .replace('display_name="Trafficking or smuggling?"', 'display_name=""'), section)
    staff = platform.user("prof", role="staff")
    messages = platform.studio_editor(staff).block(post).validate().to_json()["messages"]
    assert [(m["type"], m["text"]) for m in messages] == [("error", "Give the knowledge check a name.")]
    ana = platform.user("ana")
    assert "not ready" not in visible(platform.lms(ana).html(post))
    assert platform.lms(ana).handle(post, "submit", RIGHT).status == 200


def test_the_pre_test_reveals_nothing_before_or_after_the_submit(platform):
    pre, _post = pair_of(platform, pre_extra='grading="participation"')
    ana = platform.user("ana")
    before = platform.lms(ana).html(pre)
    assert "INTRO-TEXT" in before and "Smuggling" in before
    for secret in SECRETS:
        assert secret not in before
    assert 'correct' not in before.lower().replace("emm-", "")
    result = platform.lms(ana).handle(pre, "submit", WRONG)
    assert result.status == 200
    body = result.json
    assert set(body) == {"submitted", "phase", "message", "announcement", "html"}
    assert "score" not in str(body).lower() and "incorrect" not in str(body).lower()
    after = platform.lms(ana).html(pre)
    for secret in SECRETS:
        assert secret not in body["html"] and secret not in after
    assert "Incorrect" not in visible(after) and "Correct answer" not in visible(after)
    assert "after the post-test" in visible(after)
    state = platform.lms(ana).handle(pre, "student_view_user_state", method="GET").json
    assert state["score"] is None and state["max_score"] is None


def test_the_pre_test_points_to_the_post_test_once_it_is_taken(platform):
    """Trial s31: after the post-test, the pre-test still said "You will see your results after the
    post-test", no longer true. It now says where the results are, and still reveals nothing."""
    pre, post = pair_of(platform)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200
    assert "You will see your results after the post-test" in visible(platform.lms(ana).html(pre))
    assert platform.lms(ana).handle(post, "submit", RIGHT).status == 200
    after = visible(platform.lms(ana).html(pre))
    assert "Your results are shown with the post-test: open it to see how you did." in after
    assert "You will see your results after the post-test" not in after
    for secret in SECRETS:
        assert secret not in after
    # another learner, who took only the pre-test, is still told to wait
    bo = platform.user("bo")
    assert platform.lms(bo).handle(pre, "submit", WRONG).status == 200
    assert "You will see your results after the post-test" in visible(platform.lms(bo).html(pre))


def test_each_test_is_answered_once(platform):
    pre, _post = pair_of(platform)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200
    again = platform.lms(ana).handle(pre, "submit", RIGHT)
    assert again.status == 409 and again.json["error"] == "already_submitted"
    assert PairedResult.objects.filter(phase="pre").count() == 1
    assert PairedResult.objects.get(phase="pre").earned == 0


def sent(data, action_id):
    """``data`` as the page sends it (``EMM.action``): with its action id, the same one for a retry."""
    return {**data, "action_id": action_id}


def test_a_retried_post_test_submit_gets_its_results_and_is_filed_graded_and_published_once(platform):
    """The reply of a submit was lost and the page sends it again with the same action id
    (decision 22): the same results (scores, verdicts, feedback), not 409 "already submitted";
    one filed result, one grade, one completion, one tracking event. Another action is still refused."""
    pre, post = pair_of(platform, subsection=platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", sent(HALF, "kc-pre-00001")).status == 200
    grades, completions = len(platform.events.grades), len(platform.events.completions)
    first = platform.lms(ana).handle(post, "submit", sent(RIGHT, "kc-post-0001"))
    again = platform.lms(ana).handle(post, "submit", sent(RIGHT, "kc-post-0001"))
    assert first.status == again.status == 200, again.json
    assert again.json == first.json
    assert again.json["scores"]["pre"]["percent"] == 50 and again.json["scores"]["post"]["percent"] == 100
    assert "EXPLANATION-Q1" in again.json["html"] and "Up 50 percentage points since the pre-test." in visible(
        again.json["html"])
    assert PairedResult.objects.filter(phase="post").count() == 1
    assert len(platform.events.grades) == grades + 1 and platform.gradebook(ana, post)["raw_earned"] == 2.0
    assert len(platform.events.completions) == completions + 1
    assert len(platform.events.named("emm.knowledge_check.submitted")) == 2  # the pre-test's and the post-test's
    other = platform.lms(ana).handle(post, "submit", sent(WRONG, "kc-post-0002"))
    assert other.status == 409 and other.json["error"] == "already_submitted"
    assert platform.gradebook(ana, post)["raw_earned"] == 2.0


def test_a_retried_pre_test_submit_says_the_answers_are_kept_and_still_reveals_nothing(platform):
    pre, _post = pair_of(platform)
    ana = platform.user("ana")
    first = platform.lms(ana).handle(pre, "submit", sent(WRONG, "kc-pre-00001"))
    again = platform.lms(ana).handle(pre, "submit", sent(WRONG, "kc-pre-00001"))
    assert again.status == 200 and again.json == first.json
    assert "your answers are kept" in again.json["message"] and "score" not in again.json
    for secret in SECRETS:
        assert secret not in again.json["html"]
    assert PairedResult.objects.count() == 1
    assert len(platform.events.named("emm.knowledge_check.submitted")) == 1


def test_the_state_handler_gives_what_the_page_shows(platform):
    """After any failure the page reads ``state``: before a submit only that there is none; after
    it the submit's own answer (the post-test's scores and feedback)."""
    pre, post = pair_of(platform)
    ana = platform.user("ana")
    before = platform.lms(ana).handle(post, "state", {})
    assert before.status == 200 and before.json == {"submitted": False, "phase": "post", "html": ""}
    platform.lms(ana).handle(pre, "submit", HALF)
    submitted = platform.lms(ana).handle(post, "submit", RIGHT).json
    assert platform.lms(ana).handle(post, "state", {}).json == submitted
    pre_state = platform.lms(ana).handle(pre, "state", {}).json
    assert pre_state["submitted"] is True and "score" not in pre_state and "questions" not in pre_state
    # staff viewing as the learner may read it (nothing is written)
    sam = platform.user("sam", role="staff")
    assert platform.lms(sam, masquerade_as=ana).handle(post, "state", {}).json["scores"] == submitted["scores"]


def test_delete_learner_state_deletes_their_result_resets_their_score_and_lets_them_take_the_test_again(platform):
    """The instructor's "Delete learner state" (tests/openedx/instructor.py ``delete_state``, as
    ``lms/djangoapps/instructor/enrollment.py`` ``reset_student_attempts(delete_module=True)``
    runs it): the StudentModule row deleted, its ``post_delete`` received by the package
    (``common/deleted_state.py``); the block has no ``clear_student_state``, so the platform resets
    the score to 0 itself."""
    pre, post = pair_of(platform, subsection=platform.subsection(graded=True))
    ana, bob, staff = platform.user("ana"), platform.user("bob"), platform.user("staff_1", role="staff")
    for user in (ana, bob):
        assert platform.lms(user).handle(pre, "submit", WRONG).status == 200
        assert platform.lms(user).handle(post, "submit", RIGHT).status == 200
    assert platform.gradebook(ana, post)["raw_earned"] == 2.0
    delete_state(platform, post, ana, staff)
    # the platform's own reset: 0 of the block's maximum, as for any block without clear_student_state
    assert platform.events.grades[-1] == {"user": "ana", "block": str(post), "raw_earned": 0, "raw_possible": 2.0,
                                          "score_deleted": True}
    assert platform.gradebook(ana, post) is None  # no state row, no stored score
    # ana's post-test result is gone; her pre-test and bob's results stay
    tokens = dict(PairedResult.objects.filter(phase="pre").values_list("token", "earned"))
    assert sorted(PairedResult.objects.values_list("phase", flat=True)) == ["post", "pre", "pre"]
    assert platform.gradebook(bob, post)["raw_earned"] == 2.0
    assert "INTRO-TEXT" in platform.lms(ana).html(post)  # the form again
    assert platform.lms(ana).handle(post, "submit", HALF).status == 200
    assert platform.gradebook(ana, post)["raw_earned"] == 1.0
    again = PairedResult.objects.filter(phase="post", earned=1).get()
    assert again.token in tokens  # linked to her pre-test again
    assert PairedResult.objects.filter(phase="post").count() == 2


def test_delete_learner_state_of_a_pre_test_lets_the_learner_take_it_again(platform):
    pre, post = pair_of(platform, pre_extra='grading="participation"', subsection=platform.subsection(graded=True))
    ana, staff = platform.user("ana"), platform.user("staff_1", role="staff")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200
    assert platform.lms(ana).handle(post, "submit", RIGHT).status == 200
    delete_state(platform, pre, ana, staff)
    assert platform.events.grades[-1]["raw_earned"] == 0 and platform.events.grades[-1]["score_deleted"]
    assert list(PairedResult.objects.values_list("phase", flat=True)) == ["post"]
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200
    assert PairedResult.objects.values("token").distinct().count() == 1  # pre and post linked again


def test_bulk_delete_state_of_every_learner_deletes_their_results_of_that_block_only(platform):
    """The instructor task's "delete state" of every learner (tests/openedx/instructor.py
    ``delete_state_all``, as ``instructor_task/tasks_helper/module_state.py``
    ``delete_problem_module_state`` runs it: each row deleted, no block method called)."""
    pre, post = pair_of(platform)
    ana, bob, cy = platform.user("ana"), platform.user("bob"), platform.user("cy")
    for user in (ana, bob, cy):
        assert platform.lms(user).handle(pre, "submit", WRONG).status == 200
    assert platform.lms(ana).handle(post, "submit", RIGHT).status == 200
    other = platform.add(CHECK.format(phase="pre", pair="day2", extra=""), platform.subsection())
    assert platform.lms(bob).handle(other, "submit", RIGHT).status == 200
    assert delete_state_all(platform, pre) == ["ana", "bob", "cy"]
    assert sorted(PairedResult.objects.values_list("pair", "phase")) == [("day1", "post"), ("day2", "pre")]
    for user in (ana, bob, cy):
        assert platform.lms(user).handle(pre, "submit", HALF).status == 200
    assert PairedResult.objects.filter(pair="day1", phase="pre").count() == 3


def test_state_rows_deleted_with_their_user_are_not_followed(platform):
    """Rows deleted by a cascade from their user (Django's ``Collector`` sends ``post_delete``
    with ``origin`` the deleted user): the platform's anonymous id may be gone with the user, so
    the results are left alone."""
    pre, _post = pair_of(platform)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200
    row = platform.student_modules.rows.pop((ana.id, pre))
    post_delete.send(sender=StudentModule, instance=row, using="default", origin=ana)
    assert PairedResult.objects.count() == 1


def test_delete_learner_state_reaches_a_result_filed_under_an_earlier_pair_key(platform):
    pre, _post = pair_of(platform)
    ana, bob, staff = platform.user("ana"), platform.user("bob"), platform.user("staff_1", role="staff")
    for user in (ana, bob):
        assert platform.lms(user).handle(pre, "submit", WRONG).status == 200
    platform.set_settings(pre, pair="day1-renamed")  # the author changed the pair key since
    delete_state(platform, pre, ana, staff)
    assert PairedResult.objects.count() == 1  # bob's result stays
    assert platform.lms(ana).handle(pre, "submit", RIGHT).status == 200  # under the new key


def test_delete_learner_state_without_a_result_changes_nothing(platform):
    pre, _post = pair_of(platform)
    ana, bob, staff = platform.user("ana"), platform.user("bob"), platform.user("staff_1", role="staff")
    assert platform.lms(bob).handle(pre, "submit", WRONG).status == 200
    platform.student_modules.get_or_create(ana, pre)  # ana opened the test and answered nothing
    delete_state(platform, pre, ana, staff)
    assert PairedResult.objects.count() == 1


def test_unanswered_questions_are_refused(platform):
    pre, _post = pair_of(platform)
    result = platform.lms(platform.user("ana")).handle(pre, "submit", {"answers": {"q1": "smuggling"}})
    assert result.status == 400 and result.json["error"] == "missing_answers" and result.json["questions"] == ["q2"]
    assert not PairedResult.objects.exists()


# ------------------------------------------------------------------ the LMS's problem-responses report
def test_the_problem_responses_report_lists_each_learners_answers_per_question(platform):
    """The instructor's "problem responses" report (tests/openedx ``problem_responses``, as
    ``lms/djangoapps/instructor_task/tasks_helper/grades.py`` ``ProblemResponses._build_student_data``
    builds it): ``generate_report_data`` on the unbound block, one row per question of each learner
    who submitted, columns in the block's order; a learner who only opened the test keeps the
    platform's own row."""
    pre, _post = pair_of(platform)
    ana, bob, cy = platform.user("ana"), platform.user("bob"), platform.user("cy")
    assert platform.lms(ana).handle(pre, "submit", RIGHT).status == 200
    assert platform.lms(bob).handle(pre, "submit", HALF).status == 200
    platform.student_modules.get_or_create(cy, pre)  # cy opened the test and answered nothing
    rows, columns = problem_responses(platform, pre, title="Pre-test")
    assert columns == ["username", "title", "location", "Question ID", "Question", "Answer", "Correct", "Points",
                       "block_key", "state"]
    table = [(r["username"], r["Question ID"], r["Answer"], r["Correct"], r["Points"]) for r in rows]
    assert table == [
        ("ana", "q1", "Smuggling", "Yes", "1/1"), ("ana", "q2", "Ongoing exploitation; A crime against the person",
                                                   "Yes", "1/1"),
        ("bob", "q1", "Smuggling", "Yes", "1/1"), ("bob", "q2", "Consent makes it lawful", "No", "0/1"),
        ("cy", "", "", "", ""),
    ]
    assert rows[0]["Question"] == "A driver takes adults across a border for a fee; it ends on arrival."
    unbound = platform.unbound(pre)
    assert len(list(unbound.generate_report_data(user_states(platform, pre), 3))) == 3  # the platform's limit
    assert list(unbound.generate_report_data(user_states(platform, pre), 0)) == []
    with translation.override("fr"):
        french = problem_responses(platform, pre)[1]
    assert "Réponse" in french and "Answer" not in french


# ------------------------------------------------------------------ grades and completion
def test_grading_by_score_participation_or_not_at_all(platform):
    pre, post = pair_of(platform, pre_extra='grading="participation"', subsection=platform.subsection(graded=True))
    ungraded = platform.add(CHECK.format(phase="post", pair="other", extra=""), platform.subsection())
    ana = platform.user("ana")
    platform.lms(ana).handle(pre, "submit", WRONG)
    assert platform.gradebook(ana, pre)["raw_earned"] == 1.0 and platform.gradebook(ana, pre)["raw_possible"] == 1.0
    platform.lms(ana).handle(post, "submit", HALF)
    assert (platform.gradebook(ana, post)["raw_earned"], platform.gradebook(ana, post)["raw_possible"]) == (1.0, 2.0)
    before = len(platform.events.grades)
    platform.lms(ana).handle(ungraded, "submit", RIGHT)
    assert len(platform.events.grades) == before
    assert [c["completion"] for c in platform.events.completions] == [1.0, 1.0, 1.0]


def test_a_pre_test_graded_by_score_is_refused_to_authors_and_learners(platform):
    pre, _post = pair_of(platform, pre_extra='grading="score"')
    author = platform.studio_preview(platform.user("staff_1", role="staff")).html(pre)
    assert "A pre-test cannot be graded by its score" in author
    result = platform.lms(platform.user("ana")).handle(pre, "submit", RIGHT)
    assert result.status == 409 and result.json["error"] == "not_ready"


# ------------------------------------------------------------------ masquerade
def test_staff_viewing_as_a_learner_see_their_page_and_file_nothing(platform):
    pre, post = pair_of(platform)
    ana, sam = platform.user("ana"), platform.user("sam", role="staff")
    platform.lms(ana).handle(pre, "submit", HALF)
    seen = visible(platform.lms(sam, masquerade_as=ana).html(pre))
    assert "after the post-test" in seen and "nothing you do here is saved" in seen
    before = list(PairedResult.objects.values_list("phase", "token", "earned"))
    result = platform.lms(sam, masquerade_as=ana).handle(post, "submit", RIGHT)
    assert result.status == 403 and result.json["error"] == "read_only_masquerade"
    assert list(PairedResult.objects.values_list("phase", "token", "earned")) == before
    assert platform.state(ana, post) == {}


# ------------------------------------------------------------------ answers kept on the device (decision 22)
def test_answers_in_progress_are_kept_on_the_device_per_learner_and_test_never_while_staff_view_as_one(platform):
    """The page keeps a learner's answers in progress on the phone under ``draft_key`` (trial s11,
    finding 5): one key per learner and block, naming neither, so two learners of a shared phone,
    or the pre- and the post-test, never meet each other's answers; none while staff view as a
    learner (nothing they do is saved, nothing is kept)."""
    pre, post = pair_of(platform)
    ana, bob, sam = platform.user("ana"), platform.user("bob"), platform.user("sam", role="staff")
    keys = [page_args(platform, user, key)["draft_key"] for user in (ana, bob) for key in (pre, post)]
    assert all(re.fullmatch(r"[0-9a-f]{24}", k) for k in keys) and len(set(keys)) == 4
    assert page_args(platform, ana, pre)["draft_key"] == keys[0]  # the same on the next visit
    assert page_args(platform, sam, pre, masquerade_as=ana)["draft_key"] == ""


# ------------------------------------------------------------------ staff figures
def test_staff_see_the_pairs_figures_only_above_the_minimum_group_size(platform):
    pre, post = pair_of(platform, pre_extra='min_group_size="2"', post_extra='grading="score" min_group_size="2"')
    staff = platform.user("staff_1", role="staff")
    learners = [platform.user(name) for name in ("ana", "bob", "cy")]
    platform.lms(learners[0]).handle(pre, "submit", WRONG)
    platform.lms(learners[0]).handle(post, "submit", RIGHT)
    page = visible(platform.lms(staff).html(post))
    assert "1 learner took both tests." in page and "The figures show once at least 2 learners" in page
    assert "Mean pre-test score" not in page
    platform.lms(learners[1]).handle(pre, "submit", HALF)
    platform.lms(learners[1]).handle(post, "submit", HALF)
    platform.lms(learners[2]).handle(pre, "submit", HALF)  # pre-test only: counted apart
    page = visible(platform.lms(staff).html(post))
    assert "2 learners took both tests." in page and "1 pre-test only, 0 post-test only" in page
    with translation.override("fr"):  # each count's own plural (bug hunt s45: "2 test initial seulement")
        assert ("Comptés à part : 1 participant au test initial seulement, 0 participant au test final seulement."
                in visible(platform.lms(staff).html(post)))
    with translation.override("ar"):
        assert "متعلم واحد (1) للاختبار القبلي فقط" in visible(platform.lms(staff).html(post))
    # pre 0 % and 50 %: mean 25; post 100 % and 50 %: mean 75; gain 50; 1 of 2 improved; g = 50/75
    assert "Mean pre-test score 25%" in page and "Mean post-test score 75%" in page
    assert "Mean gain (percentage points) 50" in page and "Learners who improved 50%" in page
    assert "Normalised gain 0.67" in page
    assert "Staff:" not in visible(platform.lms(learners[0]).html(post))
    # the means drawn as bars above their table, for the eye only (common/chart.html), in the
    # charts' stylesheet, which only staff download
    staff_view = platform.lms(staff).render(post)
    html = staff_view.body_html()
    assert ('<span class="emm-seg emm-bar-pre" style="inset-inline-start:0%;inline-size:25%"></span></div>'
            '<span class="emm-chart-value">25%</span>') in html
    assert 'inline-size:75%"></span></div><span class="emm-chart-value">75%</span>' in html
    assert html.index('class="emm-chart" aria-hidden="true"') < html.index("data-figures")
    charts_css = [r.data for r in staff_view.resources if r.data.endswith("emm-chart.css")]
    assert len(charts_css) == 1
    assert not [r for r in platform.lms(learners[0]).render(post).resources if r.data.endswith("emm-chart.css")]


# ------------------------------------------------------------------ OLX, mobile
def test_olx_round_trips(platform):
    pre, post = pair_of(platform, pre_extra='grading="participation" weight="2"')
    exported = platform.export(pre)
    again = platform.add(exported, platform.subsection())
    assert platform.export(again) == exported
    assert 'pair="day1"' in exported and 'grading="participation"' in exported and 'weight="2"' in exported
    assert 'phase="post"' in platform.export(post)


def test_mobile_data_is_content_only(platform):
    _pre, post = pair_of(platform)
    collected = mobile_collect(platform, post)
    assert collected["student_view_multi_device"] is True
    data = str(collected["student_view_data"])
    assert "Smuggling" in data and collected["student_view_data"]["phase"] == "post"
    for secret in (*SECRETS, "'correct'", "feedback", "explanation"):
        assert secret not in data


def test_every_tracking_event_and_olx_element_is_documented():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    docs = (root / "docs" / "knowledge_check.md").read_text(encoding="utf-8")
    package = root / "emm_xblocks"
    sources = [*(package / "knowledge_check").glob("*.py"), package / "common" / "question_olx.py"]
    code = "".join(p.read_text(encoding="utf-8") for p in sources)
    published = set(re.findall(r'"(emm\.knowledge_check\.[a-z_]+)"', code))
    assert published == {"emm.knowledge_check.submitted"}
    assert "`emm.knowledge_check.submitted`" in docs
    written = set(re.findall(r'(?:SubElement|add_element|add_text|add_html_child)\(\w+, "([a-z_]+)"', code))
    written -= {"model_answer", "key_point"}  # the case study's written reflections, not offered here
    assert written >= {"intro", "question", "option", "feedback", "prompt", "explanation"}
    for element in written:
        assert f"`{element}`" in docs, element


def test_a_graded_check_is_closed_after_its_due_date(platform):
    from tests.integration.platform_blocks import past

    _pre, post = pair_of(platform, subsection=platform.subsection(graded=True, due=past()))
    ana = platform.user("ana")
    page = visible(platform.lms(ana).html(post))
    assert "The due date has passed" in page
    result = platform.lms(ana).handle(post, "submit", RIGHT)
    assert result.status == 403 and result.json["error"] == "past_due"
    assert not PairedResult.objects.exists()


def test_answers_in_studios_preview_are_not_filed(platform):
    pre, _post = pair_of(platform)
    author = platform.user("author", role="staff")
    result = platform.studio_preview(author).handle(pre, "submit", RIGHT)
    assert result.status == 403 and result.json["error"] == "forbidden"
    assert not PairedResult.objects.exists()


# ------------------------------------------------------------------ figures in the reader's language
NBSP = "\xa0"


def words(html):
    """``visible`` keeping no-break spaces (``\\s`` would make them plain spaces)."""
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))


# q1 is worth 4 points, q2 gives half its point for one of its two right options: 5 points in all
PARTIAL = CHECK.replace('<question id="q1" type="single">', '<question id="q1" type="single" points="4">').replace(
    '<question id="q2" type="multiple">', '<question id="q2" type="multiple" partial_credit="true">')


def test_a_french_learner_reads_points_and_percentages_in_french(platform):
    section = platform.subsection()
    pre = platform.add(PARTIAL.format(phase="pre", pair="day1", extra=""), section)
    post = platform.add(PARTIAL.format(phase="post", pair="day1", extra='grading="score"'), section)
    ana = platform.user("ana")
    with translation.override("fr"):
        before = platform.lms(ana).handle(pre, "submit", {"answers": {"q1": "trafficking", "q2": ["exploit"]}})
        assert before.status == 200
        body = platform.lms(ana).handle(post, "submit", {"answers": {"q1": "smuggling", "q2": ["exploit"]}}).json
        page = words(platform.lms(ana).html(post))
    text = words(body["html"])
    # 0.5 and 4.5 of 5 points: 10 % and 90 %, a decimal comma and a no-break space before the sign
    assert f"0,5 / 5 10{NBSP}%" in text and f"4,5 / 5 90{NBSP}%" in text
    assert "0.5" not in text and "4.5" not in text and "90%" not in text
    assert "En hausse de 80 points de pourcentage depuis le test initial." in text
    # the announcement: CLDR's French plural ("0,5 point", "4,5 points"), not gettext's "0,5 points"
    assert "4,5 points sur 5" in body["announcement"] and "0,5 point sur 5" in body["announcement"]
    assert f"0,5 / 5 10{NBSP}%" in page  # the page reloaded says the same
    with translation.override("fr"):  # the author's preview: "5" points, not Django's "5,0"
        preview = words(platform.studio_preview(platform.user("staff_1", role="staff")).html(pre))
    assert "Points 5 " in preview and "· 4 —" in preview and "5,0" not in preview and "4,0" not in preview


def test_staff_read_the_pairs_figures_in_french_and_arabic(platform):
    pre, post = pair_of(platform, pre_extra='min_group_size="2"', post_extra='grading="score" min_group_size="2"')
    staff = platform.user("staff_1", role="staff")
    for name, before, after in (("ana", WRONG, RIGHT), ("bob", HALF, HALF)):
        learner = platform.user(name)
        platform.lms(learner).handle(pre, "submit", before)
        platform.lms(learner).handle(post, "submit", after)
    with translation.override("fr"):
        french = words(platform.lms(staff).html(post))
    with translation.override("ar"):
        arabic = words(platform.lms(staff).html(post))
    # pre 0 % and 50 %, post 100 % and 50 %: means 25 % and 75 %, g = 50/75
    assert " 2 participants ont passé les deux tests." in french and "Les chiffres s’affichent" not in french
    assert f"Score moyen au test initial 25{NBSP}%" in french and "Gain normalisé 0,67" in french
    assert "25%" not in french and "0.67" not in french
    # Arabic: the dual form for two learners (the integer picks the form; the figure is written by CLDR's "ar")
    assert "اجتاز متعلمان الاختباريْن (2)." in arabic
    assert "متوسط نتيجة الاختبار القبلي 25%" in arabic and "0.67" in arabic



def test_a_rescore_of_every_learner_scores_each_from_their_own_answers(platform):
    """The rescore task binds one block instance to each learner in turn (tests/openedx
    ``rescore``): each learner's grade must come from their own answers, not from the state of
    the learner the instance was bound to before."""
    _pre, post = pair_of(platform, subsection=platform.subsection(graded=True))
    ana, bea = platform.user("ana"), platform.user("bea")
    platform.lms(ana).handle(post, "submit", RIGHT)
    platform.lms(bea).handle(post, "submit", WRONG)
    assert rescore(platform, post) == {"ana": "succeeded", "bea": "succeeded"}
    assert platform.gradebook(ana, post)["raw_earned"] == 2.0
    assert platform.gradebook(bea, post)["raw_earned"] == 0.0  # bea's own answers: 0 of 2


def test_a_block_rebound_to_another_user_asks_who_they_are_again(platform):
    """``common.platform.user_attrs`` keeps the user's attributes per block instance: after the
    rescore task rebinds that instance (tests/openedx ``bind_for_student``, as
    ``XModuleMixin.bind_for_student`` does), it must answer for the new user, not the first one
    (staff first here: the learner after them must not be taken for staff)."""
    _pre, post = pair_of(platform)
    staff, ana = platform.user("sam", role="staff"), platform.user("ana")
    instance = platform.lms(staff).block(post)
    assert instance.is_staff()
    bind_for_student(platform, instance, ana)
    assert not instance.is_staff()
    assert bind_for_student(platform, instance, staff).is_staff()


# ------------------------------------------------------------------ an edit after tests were taken (trial s12, B2)
def edit(platform, key, change, **extra):
    """The Studio editor's form of ``key``, changed by ``change(form)``, saved."""
    from emm_xblocks.knowledge_check import editor

    studio = platform.studio_editor(platform.user("author", role="staff"))
    data = editor.to_editor(studio.block(key).load_content())
    change(data)
    return studio.handle(key, "studio_submit", {**data, **extra})


NEW_SET_APART = ("Learners who take both tests with the new questions are counted apart, in none of the pair's "
                 "figures, until at least 5 learners have done so.")


def test_editing_a_paired_test_s_questions_after_pre_tests_were_taken_is_held_until_confirmed(platform):
    pre, post = pair_of(platform)

    def drop_q2(data):
        del data["questions"][1]

    def reword(data):
        data["questions"][0]["prompt"] = "<p>A driver takes adults across a border, for a fee.</p>"

    assert edit(platform, post, reword).status == 200  # nobody answered: saved at once
    assert platform.lms(platform.user("ana")).handle(pre, "submit", HALF).status == 200
    # the post-test nobody took yet: the pre-tests taken are compared with it
    refused = edit(platform, post, drop_q2)
    assert refused.status == 409 and refused.json["error"] == "answers_touched", refused.json
    [warning] = refused.json["problems"]
    assert warning["field"] == "questions" and warning["error"] is False
    assert warning["message"] == (
        "Question “q2” was removed: the tests already taken had it. Learners who took the pre-test and the "
        "post-test with different questions are counted apart in the pair's figures, and their results compare "
        "no scores. " + NEW_SET_APART)
    assert 'id="q2"' in platform.export(post)  # nothing saved

    def flip_key(data):
        for option in data["questions"][0]["options"]:
            option["correct"] = not option["correct"]

    assert [p["field"] for p in edit(platform, pre, flip_key).json["problems"]] == ["questions.0.options"]
    assert edit(platform, post, reword).status == 200  # a reworded prompt scores alike: no warning
    assert edit(platform, post, drop_q2, confirm=True).status == 200
    assert 'id="q2"' not in platform.export(post)



def test_a_new_set_of_questions_warns_that_its_learners_are_counted_apart_until_the_minimum_took_it(platform):
    """Decision 96: the learners who take both tests with a set of questions fewer than the minimum
    share are in no figure of the pair. An edit that makes a new set once tests were taken starts
    one with nobody: the author is told, before "Save anyway", that the learners who take the new
    questions count nowhere for a while, and for how long, in their language and its numbers."""
    pre, post = pair_of(platform, pre_extra='min_group_size="1000"', post_extra='min_group_size="1000"')
    assert platform.lms(platform.user("ana")).handle(pre, "submit", HALF).status == 200

    def more_points(data):
        data["questions"][1]["points"] = 3

    [warning] = edit(platform, pre, more_points).json["problems"]
    assert warning["message"].endswith(
        " Learners who take both tests with the new questions are counted apart, in none of the pair's figures, "
        "until at least 1,000 learners have done so."), warning
    with translation.override("fr"):
        [warning] = edit(platform, pre, more_points).json["problems"]
    assert warning["message"].endswith(
        " Les participants qui passent les deux tests avec les nouvelles questions sont comptés à part, dans aucun "
        "des chiffres de la paire, jusqu’à ce qu’au moins 1\u202f000 participants l’aient fait."), warning
    # the studio's live check says it before the save, as the save's refusal does
    from emm_xblocks.knowledge_check import editor
    studio = platform.studio_editor(platform.user("author", role="staff"))
    form = editor.to_editor(studio.block(pre).load_content())
    more_points(form)
    with translation.override("fr"):
        live = studio.handle(pre, "studio_validate", form).json
    assert any("au moins 1\u202f000 participants l’aient fait" in p["message"] for p in live["problems"]), live

    # a minimum of one: every learner's set is counted, nothing to say
    def minimum_one(data):
        more_points(data)
        data["min_group_size"] = "1"

    [warning] = edit(platform, pre, minimum_one).json["problems"]
    assert "counted apart, in none" not in warning["message"] and "learners have done so" not in warning["message"]

PAIR_KEY_WARNING = (
    "The pair key was “day1”: the results already filed stay under it and are no longer matched with results "
    "filed under the new key. Learners with a test under each key see no gain after their post-test, and are left "
    "out of the pair's figures and the evaluation report's learning figures. Keep the old key to keep them.")


def test_changing_a_paired_test_s_pair_key_or_phase_after_results_is_held_until_confirmed(platform):
    """Results are matched by pair key and phase (common.pairs): an author who changes either once
    learners took a test splits everyone's pre/post results, so the save is held for "Save anyway"."""
    pre, post = pair_of(platform)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200  # 1 of 2, filed as day1's pre-test

    def rekey(data):
        data["pair"] = "day2"

    def to_post(data):
        data["phase"] = "post"

    def to_pre(data):
        data.update(phase="pre", grading="none")  # a pre-test is not graded by its score

    refused = edit(platform, post, rekey)  # the post-test nobody took: its learners' pre-tests are under day1
    assert refused.status == 409 and refused.json["error"] == "answers_touched", refused.json
    assert refused.json["problems"] == [{"field": "pair", "message": PAIR_KEY_WARNING, "error": False}]
    assert 'pair="day1"' in platform.export(post)  # nothing saved
    studio = platform.studio_editor(platform.user("author", role="staff"))
    from emm_xblocks.knowledge_check import editor
    form = {**editor.to_editor(studio.block(post).load_content()), "pair": "day2"}
    live = studio.handle(post, "studio_validate", form).json  # the editor says it before the save
    assert live["touches_answers"] is True and [p["field"] for p in live["problems"]] == ["pair"]

    refused = edit(platform, pre, to_post)  # the test ana took
    assert refused.status == 409 and refused.json["error"] == "answers_touched", refused.json
    [warning] = refused.json["problems"]
    assert warning["field"] == "phase" and warning["error"] is False
    assert warning["message"] == (
        "“When learners take it” was “Before the training (pre-test)”: results are filed by phase, and those already "
        "filed keep theirs. Learners who took this test now see it as the other one, and while both tests of the "
        "pair have the same phase learners are refused the second, see no gain and are left out of the pair's "
        "figures and the evaluation report's learning figures. Set it back to keep the pair.")
    # the post-test made a second pre-test: ana's pre-test was filed by the other one
    refused = edit(platform, post, to_pre)
    assert refused.status == 409 and [p["field"] for p in refused.json["problems"]] == ["phase"], refused.json
    assert 'phase="post"' not in platform.export(pre) and 'phase="post"' in platform.export(post)

    # "Save anyway": ana's post-test no longer finds her pre-test, as the warning said
    assert edit(platform, post, rekey, confirm=True).status == 200
    body = platform.lms(ana).handle(post, "submit", RIGHT).json
    assert body["scores"]["pre"] is None and body["scores"]["change"] is None
    assert "percentage point" not in visible(body["html"]) and "Pre-test" not in body["message"]


def test_a_copy_of_the_pre_test_made_the_post_test_or_another_pair_saves_at_once(platform):
    """The documented way to make a post-test (Studio's "Duplicate" of the pre-test, then the
    copy's phase set to post) is not held when pre-tests were taken already: the copy filed
    nothing and no post-test result is split. Nor is a copy given a pair key of its own."""
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=""))
    assert platform.lms(platform.user("ana")).handle(pre, "submit", HALF).status == 200
    copy = platform.add(CHECK.format(phase="pre", pair="day1", extra=""))
    other = platform.add(CHECK.format(phase="pre", pair="day1", extra=""))

    def to_post(data):
        data["phase"] = "post"

    def rekey(data):
        data["pair"] = "day2"

    saved = edit(platform, copy, to_post)
    assert saved.status == 200 and saved.json["warnings"] == [], saved.json
    assert 'phase="post"' in platform.export(copy)
    saved = edit(platform, other, rekey)
    assert saved.status == 200 and saved.json["warnings"] == [], saved.json


def test_re_keying_a_test_graded_by_its_score_warns_that_grades_stay_until_staff_rescore(platform):
    """As the case study's warning says it (common.changes.grades_kept): the LMS keeps each grade
    given until staff rescore (decision 10). An ungraded pre-test's warning does not say it."""
    pre, post = pair_of(platform, subsection=platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200
    assert platform.lms(ana).handle(post, "submit", HALF).status == 200

    def flip_key(data):
        for option in data["questions"][0]["options"]:
            option["correct"] = not option["correct"]

    def more_points(data):
        data["questions"][1]["points"] = 3

    kept = "Learners who already answered keep the score they were given until staff rescore."
    [warning] = edit(platform, post, flip_key).json["problems"]
    assert warning["field"] == "questions.0.options"
    assert warning["message"] == (
        "Question 1: its options, correct answers or points changed since the tests already taken. " + kept +
        " Learners who took the pre-test and the post-test with different questions are counted apart in the pair's "
        "figures, and their results compare no scores. " + NEW_SET_APART)
    [warning] = edit(platform, post, more_points).json["problems"]
    assert warning["field"] == "questions.1.options" and kept in warning["message"]
    with translation.override("fr"):
        [warning] = edit(platform, post, more_points).json["problems"]
    assert ("Les participants qui ont déjà répondu gardent leur note jusqu’à ce que l’équipe recalcule les notes."
            in warning["message"])
    [warning] = edit(platform, pre, flip_key).json["problems"]  # not graded by its score: no grade to keep
    assert kept not in warning["message"]


REGRADED_WARNING = (
    "“Grading” was “Score: the points of the correct answers (post-test only)”: learners who already answered keep "
    "the grade they were given that way until staff rescore this test, which grades their answers the new way. "
    "Until then, they and the learners who answer next are not graded alike.")


def test_changing_a_test_s_grading_after_results_is_held_until_confirmed(platform):
    """Participation or score changes what every learner's grade means, but the LMS keeps the grade
    each was given (decision 10) until staff rescore: the save is held for "Save anyway", as a
    changed pair key is, and the warning says what happens to the grades recorded."""
    pre, post = pair_of(platform, subsection=platform.subsection(graded=True))
    ana = platform.user("ana")

    def by_participation(data):
        data["grading"] = "participation"

    untaken = edit(platform, post, by_participation)  # nobody took the post-test yet: saved at once
    assert untaken.status == 200 and untaken.json["warnings"] == [], untaken.json
    assert 'grading="participation"' in platform.export(post)
    assert edit(platform, post, lambda data: data.update(grading="score")).status == 200  # and back
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200  # the pair's results: not this test's
    assert edit(platform, post, by_participation).status == 200
    assert edit(platform, post, lambda data: data.update(grading="score")).status == 200
    assert platform.lms(ana).handle(post, "submit", HALF).status == 200  # 1 of 2 points
    assert (platform.gradebook(ana, post)["raw_earned"], platform.gradebook(ana, post)["raw_possible"]) == (1.0, 2.0)

    refused = edit(platform, post, by_participation)
    assert refused.status == 409 and refused.json["error"] == "answers_touched", refused.json
    assert refused.json["problems"] == [{"field": "grading", "message": REGRADED_WARNING, "error": False}]
    assert 'grading="score"' in platform.export(post)  # nothing saved
    studio = platform.studio_editor(platform.user("author", role="staff"))
    from emm_xblocks.knowledge_check import editor
    form = {**editor.to_editor(studio.block(post).load_content()), "grading": "participation"}
    live = studio.handle(post, "studio_validate", form).json  # the editor says it before the save
    assert live["touches_answers"] is True and [p["field"] for p in live["problems"]] == ["grading"]
    with translation.override("fr"):
        [warning] = edit(platform, post, by_participation).json["problems"]
    assert warning["message"] == (
        "«\u00a0Notation\u00a0» était «\u00a0Score\u00a0: les points des bonnes réponses "
        "(test final seulement)\u00a0»\u00a0: "
        "les participants qui ont déjà répondu gardent la note donnée ainsi jusqu’à ce que l’équipe recalcule "
        "les notes de ce test, qui note alors leurs réponses selon le nouveau réglage. D’ici là, ils ne sont "
        "pas notés comme ceux qui répondront ensuite.")

    saved = edit(platform, post, by_participation, confirm=True)  # "Save anyway"
    assert saved.status == 200 and [w["field"] for w in saved.json["warnings"]] == ["grading"]
    assert 'grading="participation"' in platform.export(post)
    assert platform.gradebook(ana, post)["raw_earned"] == 1.0  # kept, as the warning said...
    assert rescore(platform, post) == {"ana": "succeeded"}
    assert (platform.gradebook(ana, post)["raw_earned"], platform.gradebook(ana, post)["raw_possible"]) == (1.0, 1.0)


def test_grading_a_test_taken_ungraded_or_no_longer_grading_it_says_what_the_course_counts(platform):
    """A test taken while not graded published no grade (counted as 0 until staff rescore); a
    graded test made ungraded is no longer counted, grades recorded included."""
    pre, post = pair_of(platform, subsection=platform.subsection(graded=True))  # the pre-test: not graded
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200
    assert platform.lms(ana).handle(post, "submit", HALF).status == 200

    [graded] = edit(platform, pre, lambda data: data.update(grading="participation")).json["problems"]
    assert graded == {"field": "grading", "error": False, "message": (
        "“Grading” was “Not graded”: learners who already answered have no grade for this test, and the course "
        "counts it as 0 for them until staff rescore it, which grades their answers.")}
    [ungraded] = edit(platform, post, lambda data: data.update(grading="none")).json["problems"]
    assert ungraded["field"] == "grading" and ungraded["message"] == (
        "“Grading” was “Score: the points of the correct answers (post-test only)”: the course no longer counts "
        "this test in learners' grades, the grades already recorded included, and learners who answer next get "
        "none. Set it back to keep it counted.")
    assert 'grading="participation"' not in platform.export(pre) and 'grading="score"' in platform.export(post)


def test_a_post_test_with_other_questions_than_the_learner_s_pre_test_claims_no_gain(platform):
    pre, post = pair_of(platform)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200  # 0 of 2

    def drop_q2(data):
        del data["questions"][1]

    assert edit(platform, post, drop_q2, confirm=True).status == 200
    body = platform.lms(ana).handle(post, "submit", {"answers": {"q1": "smuggling"}}).json  # 1 of 1
    assert body["scores"]["change"] == "changed"
    text = visible(body["html"])
    assert "0 / 2" in text and "1 / 1" in text  # each score as it was given
    assert "percentage point" not in text
    assert "The questions changed between your pre-test and your post-test: your two scores are not compared." in text
    assert "The questions changed" in visible(platform.lms(ana).html(post))


def test_after_the_key_changed_the_post_test_page_shows_the_grade_kept_until_staff_rescore(platform):
    """An author re-keys a graded post-test after a learner took it ("Save anyway"): the grade the
    LMS holds stays until staff rescore (decision 10), and the page (its reply after a lost one,
    the apps' state) names that grade, not the one the new key would give, and says why."""
    pre, post = pair_of(platform, subsection=platform.subsection(graded=True))
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200  # 0 of 2
    assert platform.lms(ana).handle(post, "submit", HALF).status == 200  # 1 of 2: "Smuggling" right

    def flip_key(data):
        for option in data["questions"][0]["options"]:
            option["correct"] = not option["correct"]

    assert edit(platform, post, flip_key).status == 409
    assert edit(platform, post, flip_key, confirm=True).status == 200
    assert platform.gradebook(ana, post)["raw_earned"] == 1.0  # the grade kept, as the LMS holds it

    text = visible(platform.lms(ana).html(post))
    sentence = ("Your grade is the one the course recorded: 1 point out of 2. "
            "It can differ from these results, for example if the "
            "answer key changed after you submitted, until the course team rescores.")
    assert sentence in text
    assert "1 / 2" in text and "50%" in text  # the post-test's score as the grade holds it
    assert "0 / 2" in text  # the pre-test's, as filed
    assert "Post-test: 0 points out of 2" not in text  # what the new key would give
    state = platform.lms(ana).handle(post, "state", {}).json  # what the page asks after a lost reply
    assert state["message"] == "Your grade: 1 point out of 2. Pre-test: 0 points out of 2."
    assert sentence in visible(state["html"]) and state["scores"]["post"]["percent"] == 50
    apps = platform.lms(ana).handle(post, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"], apps["grade_held"]) == (1.0, 2.0, True)

    assert rescore(platform, post, only_if_higher=False) == {"ana": "succeeded"}
    assert platform.gradebook(ana, post)["raw_earned"] == 0.0
    text = visible(platform.lms(ana).html(post))
    assert "Post-test: 0 points out of 2" in platform.lms(ana).handle(post, "state", {}).json["message"]
    assert "Your grade is the one the course recorded" not in text
    apps = platform.lms(ana).handle(post, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"], apps["grade_held"]) == (0.0, 2.0, False)


def test_the_page_asks_for_the_answer_it_reads_and_gets_the_same_results(platform):
    """``"reply": "page"`` (what ``emm-knowledge-check.js`` sends): the rendered results and the
    words to announce, not the scores and questions the apps and scripts get by default; the same
    HTML either way. Any other shape is refused and keeps nothing."""
    from emm_xblocks.knowledge_check.views import PAGE_READS

    pre, post = pair_of(platform)
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", HALF).status == 200
    refused = platform.lms(ana).handle(post, "submit", dict(RIGHT, reply="sideways"))
    assert refused.status == 400 and refused.json["error"] == "invalid_request" and refused.json["message"]
    assert platform.lms(ana).handle(post, "state", {}).json["submitted"] is False
    page = platform.lms(ana).handle(post, "submit", dict(RIGHT, reply="page"))
    assert page.status == 200, page.json
    assert {"submitted", "html"} <= set(page.json) <= set(PAGE_READS) and page.json["submitted"] is True
    assert "2 / 2" in visible(page.json["html"]) and "EXPLANATION-Q1" in page.json["html"]
    whole = platform.lms(ana).handle(post, "state", {}).json
    assert "scores" in whole and "questions" in whole and whole["html"] == page.json["html"]
    assert platform.lms(ana).handle(post, "state", {"reply": "page"}).json["html"] == page.json["html"]


def test_an_override_of_a_participation_graded_post_test_keeps_the_learner_s_test_score(platform):
    """Bug hunt s42: a participation grade overridden by staff (0.5 of 1) took the post-test score's
    place in the learner's table and gain ("0.5 / 1 50%", "up 50 points" where they scored 2 of 2):
    the table and the apps keep the test score; the grade the course holds is said apart."""
    pre, post = pair_of(platform, post_extra='grading="participation"')
    ana = platform.user("ana")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200
    assert platform.lms(ana).handle(post, "submit", RIGHT).status == 200
    override_score(platform, post, ana, 0.5)
    page = visible(platform.lms(ana).html(post))
    assert "After the training (post-test) 2 / 2 100%" in page and "0.5 / 1" not in page
    apps = platform.lms(ana).handle(post, "student_view_user_state", method="GET").json
    assert (apps["score"], apps["max_score"], apps["grade_held"]) == (2.0, 2.0, False)


@pytest.mark.django_db(transaction=True)  # MySQL's ANALYZE TABLE commits: its rows must not outlive the test
def test_delete_learner_state_reads_that_learner_s_results_by_an_index_not_every_result_of_the_course(platform):
    """Scale hunt (hunt6): "Delete learner state" of a knowledge check (``deleted_state`` ->
    ``pairs.forget_results``) reads the block's pair keys and deletes the learner's results with
    ``WHERE course_key = ? AND block_key = ? [AND token IN (...)]``. ``PairedResult``'s only index
    is ``emm_pair_once`` (course_key, pair, phase, token): both statements search it by
    ``course_key`` alone, i.e. read every result of the course (MariaDB: ``range`` on the course, or
    ``ALL``, "Using where"). In a course of 20,000 learners and 5 pairs (200,000 rows) one deletion
    took 1.3-1.5 s on MariaDB 10.11, and the instructor task that deletes the state of every
    learner of a test (one ``post_delete`` per row) reads the whole course once per learner:
    20,000 x 1.5 s. The plan of each statement must search by more than the course."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pre, _post = pair_of(platform)
    ana, staff = platform.user("ana"), platform.user("staff_1", role="staff")
    assert platform.lms(ana).handle(pre, "submit", WRONG).status == 200
    filed = PairedResult.objects.get()
    # 150 learners of the course with both results of another pair (its blocks, its rows)
    PairedResult.objects.bulk_create([
        PairedResult(course_key=filed.course_key, pair="day2", phase=phase, block_key=f"{filed.block_key}-day2-{phase}",
                     token=f"{i:064d}", earned=1.0, possible=2.0, marks="{}", questions_key=filed.questions_key)
        for i in range(150) for phase in ("pre", "post")])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE TABLE emm_xblocks_pairedresult" if connection.vendor == "mysql" else "ANALYZE")
        if connection.vendor == "mysql":
            cursor.fetchall()
    with CaptureQueriesContext(connection) as captured:
        delete_state(platform, pre, ana, staff)
    assert PairedResult.objects.count() == 300  # hers went, the others' stayed
    _search_by_more_than_the_course(connection, captured)
    # an author's save of the test asks the same of the block's results (``has_results``, ``filed``)
    with CaptureQueriesContext(connection) as captured:
        assert not pairs.has_results(filed.course_key, "day1", filed.block_key)
        assert pairs.filed(filed.course_key, "day1", filed.block_key) == (frozenset(), False)
    _search_by_more_than_the_course(connection, captured)


def _search_by_more_than_the_course(connection, captured):
    """Every SELECT and DELETE of results ``captured`` ran searches an index by more than the course
    (EXPLAIN on MariaDB: no full scan and at most 10 rows a step; on SQLite: SEARCH, not by
    ``course_key`` alone)."""
    statements = [q["sql"] for q in captured.captured_queries if "emm_xblocks_pairedresult" in q["sql"]
                  and q["sql"].lstrip().upper().startswith(("SELECT", "DELETE"))]
    assert statements
    for sql in statements:
        with connection.cursor() as cursor:
            if connection.vendor == "mysql":
                cursor.execute(f"EXPLAIN {sql}")
                names = [c[0] for c in cursor.description]
                for step in (dict(zip(names, row, strict=True)) for row in cursor.fetchall()):
                    assert step["type"] != "ALL" and int(step["rows"] or 0) <= 10, (sql, step)
            else:
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
                for step in (row[-1] for row in cursor.fetchall()):
                    assert step.startswith("SEARCH") and not step.endswith("(course_key=?)"), (sql, step)
