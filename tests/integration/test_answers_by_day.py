"""Staff's answers by day under a case study and a role-play (decision 73, ``common.answers_by_day``),
through the platform-faithful runtime (tests/openedx): the "Answers by day" button only for staff
where the block keeps its learners' answers, the section it asks for, and "Leave out…" taking a
rehearsal's answers out of "How other participants answered", of how the others chose and of their
downloads, the store's summary still its rows. The Likert's (in its results panel) is
``test_likert_leave_out_day.py``, whose way of putting rows on another day this follows."""

import pytest
from django.utils import timezone, translation

from emm_xblocks.common import summary
from emm_xblocks.models import Answer
from tests.integration.test_case_study_profiles import CASE, LEAVE, REFER
from tests.integration.test_likert_leave_out_day import REHEARSAL, assert_summary_is_the_rows, moved
from tests.integration.test_role_play_perspectives import MEETING, play

STAFF = "staff_1"


@pytest.fixture
def case(scenario, handlers):
    """A case study showing how the others answered: 4 colleagues answered "leave" on the rehearsal's
    day, 3 learners "refer" today."""
    uid = scenario(CASE.format(show="true"))
    for i in range(4):
        r = handlers.post(uid, "submit", {"answers": LEAVE, "profile": "gov"}, student=f"colleague_{i}")
        assert r.status_code == 200, r.content
    moved(uid, REHEARSAL)
    for i in range(3):
        r = handlers.post(uid, "submit", {"answers": REFER, "profile": "cso"}, student=f"student_{i}")
        assert r.status_code == 200, r.content
    return uid


def section(handlers, uid, student=STAFF, **kw):
    r = handlers.post(uid, "answers_by_day", {}, student=student, **kw)
    assert r.status_code == 200, r.content
    return r.json_body["html"]


def test_the_button_shows_for_staff_where_answers_are_kept(case, scenario, handlers):
    page = handlers.view(case, student=STAFF)
    staff, files = page.content, " ".join(str(r.data) for r in page.resources)
    assert "data-by-day-open" in staff and ">Answers by day</button>" in staff
    assert "How many answered each day: leave out a rehearsal&#x27;s answers." in staff
    assert "emm-by-day.js" in files and "emm-by-day.css" in files
    page = handlers.view(case, student="student_1")
    assert "data-by-day-open" not in page.content
    assert "emm-by-day" not in " ".join(str(r.data) for r in page.resources)  # nothing more for a learner
    # pressed before anyone answered: the section says so (review s35: it opened nothing)
    fresh = scenario(CASE.format(show="true"))
    assert section(handlers, fresh) == ('<section class="emm-by-day" data-by-day><h4 tabindex="-1" data-by-day-title>'
                                        'Answers by day</h4><p class="emm-basis">No answer has been kept yet.</p>'
                                        '</section>')
    assert "Aucune réponse n’a encore été conservée." in section(handlers, fresh, lang="fr")
    hidden = scenario(CASE.format(show="false"))  # keeps no answer: nothing to leave out
    staff = handlers.view(hidden, student=STAFF).content
    assert "data-by-day-open" not in staff


def test_the_section_lists_each_day_with_its_question(case, handlers):
    html = section(handlers, case)
    today = timezone.now().date()  # the store's day (common/store.py)
    assert "December 3, 2026: 4 answers" in html and f'data-day="{today.isoformat()}"' in html
    assert ("Leave out the 4 answers of December 3, 2026? They are deleted: “How other participants answered” "
            "and its download count them no more. This cannot be undone.") in html
    assert "/leave_out_day" in html
    with translation.override("fr"):
        french = section(handlers, case, lang="fr")
    assert "Réponses par jour" in french and "3 décembre 2026" in french


def test_leaving_the_rehearsal_out_takes_it_out_of_what_learners_are_shown(case, handlers):
    assert summary.respondents(case) == 7
    r = handlers.post(case, "leave_out_day", {"day": "2026-12-03", "reply": "page"}, student=STAFF)
    assert r.status_code == 200, r.content
    html = r.json_body["html"]
    assert "The 4 answers of December 3, 2026 were left out." in html and "December 3, 2026:" not in html
    assert summary.respondents(case) == 3 and not Answer.objects.filter(block_key=case, day=REHEARSAL).exists()
    assert_summary_is_the_rows(case)
    # what the next learner is shown: those who answered today, not the rehearsal's 4 (7 + 1 would show)
    body = handlers.post(case, "submit", {"answers": REFER, "profile": "cso"}, student="student_9").json_body
    assert body["distribution"] == {"respondents": 4, "suppressed": True, "questions": []}
    # a replay deletes nothing more and says nothing was left out
    again = handlers.post(case, "leave_out_day", {"day": "2026-12-03"}, student=STAFF).json_body["html"]
    assert "left out" not in again and summary.respondents(case) == 4


def test_refusals_delete_nothing(case, handlers):
    rows = Answer.objects.filter(block_key=case).count()
    for handler, data in (("answers_by_day", {}), ("leave_out_day", {"day": "2026-12-03"})):
        r = handlers.post(case, handler, data, student="student_1")
        assert r.status_code == 403 and r.json_body["error"] == "staff_only"
        masquerading = handlers.platform.lms(handlers.user(STAFF), masquerade_as=handlers.user("student_1"))
        result = masquerading.handle(handlers.key(case), handler, data)
        assert result.status == 403 and result.json == {
            "error": "viewing_as_learner",
            "message": "You are viewing the course as a learner: switch back to Staff to do this."}
    r = handlers.post(case, "leave_out_day", {"day": "2026-02-30"}, student=STAFF)
    assert r.status_code == 400 and r.json_body["error"] == "invalid_request"
    assert Answer.objects.filter(block_key=case).count() == rows


def test_a_role_play_leaves_a_rehearsal_out_of_how_the_others_chose(scenario, handlers):
    uid = scenario(MEETING)
    for i in range(3):
        play(handlers, uid, f"colleague_{i}", "officer", ["Register her"])
    moved(uid, REHEARSAL)
    for i in range(3):
        play(handlers, uid, f"student_{i}", "officer", ["Interview her", "Refer her"])
    staff = handlers.view(uid, student=STAFF).content
    assert "data-by-day-open" in staff
    html = section(handlers, uid)
    assert "December 3, 2026: 3 participants" in html and "how other participants chose" in html
    assert "How many played each day: leave out a rehearsal&#x27;s choices." in staff
    before = summary.role_tallies(uid)
    r = handlers.post(uid, "leave_out_day", {"day": "2026-12-03"}, student=STAFF)
    assert r.status_code == 200
    assert "The choices of the 3 participants of December 3, 2026 were left out." in r.json_body["html"]
    after = summary.role_tallies(uid)
    assert before != after and "bad" not in str(after.get("officer", {}).get("po", {}))
    assert_summary_is_the_rows(uid)
