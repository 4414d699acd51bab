"""Staff leave out the answers of one day (decision 72, ``common.leave_out``): the Likert results
panel's "Answers by day" and its handler ``leave_out_day``, through the platform-faithful runtime
(tests/openedx), then the store's leave-out racing named resubmissions and itself (on MariaDB too:
``MARIADB_TESTS``).

Rows are put on another day by updating ``Answer.day`` and ``Comment.day`` after the submit, not by
patching ``django.utils.timezone.now``: the day is kept on the rows only (the summary counts no
day), so the summary stays the rows' while the test moves them, and nothing else the platform does
at the submit (a completion's or a grade's time, the due date's check) sees a clock moved back.
"""

import datetime
import time

import pytest
from django.utils import timezone, translation

from emm_xblocks.common import leave_out, store, summary
from emm_xblocks.models import Answer, Comment
from tests.integration.store_races import race
from tests.integration.test_evaluation_report import DAY, REPORT, course, staff_page, visible

STAFF = "staff_1"
SURVEY = """
<emm_likert display_name="Eval" allow_na="true" comment="true" min_group_size="3" {extra}>
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
</emm_likert>
"""
REHEARSAL = datetime.date(2026, 12, 3)


def moved(block_key, day, users=None):
    """The block's rows of ``users`` (every row, if None) put on ``day``: what a rehearsal left."""
    for model in (Answer, Comment):
        rows = model.objects.filter(block_key=block_key)
        if users is not None:
            rows = rows.filter(user_key__in=users)
        rows.update(day=day)


def assert_summary_is_the_rows(block_key):
    assert (summary.respondents(block_key), summary.tallies(block_key)) == summary.counted_from_rows(block_key)


def submit(handlers, uid, students, answers=None, comment=""):
    for student in students:
        r = handlers.post(uid, "submit", {"answers": answers or {"relevance": 5, "pace": 2}, "comment": comment},
                          student=student)
        assert r.status_code == 200, r.content


def user_keys(handlers, uid, students):
    return {handlers.block(uid, student=s).user_key() for s in students}


@pytest.fixture
def evaluation(scenario, handlers):
    """A named evaluation whose learners see the results once they answered: 4 colleagues answered
    on the rehearsal's day (with comments), 3 learners today."""
    uid = scenario(SURVEY.format(extra='results="learners"'))
    colleagues = [f"colleague_{i}" for i in range(4)]
    submit(handlers, uid, colleagues, {"relevance": 1, "pace": 5}, comment="Rehearsal")
    moved(uid, REHEARSAL)
    submit(handlers, uid, ["student_1", "student_2", "student_3"], {"relevance": 5, "pace": 2}, comment="Great")
    return uid


def test_staff_see_the_answers_by_day_and_learners_do_not(handlers, evaluation):
    assert leave_out.days(evaluation) == sorted([(REHEARSAL, 4), (summary_day(evaluation), 3)])
    panel = handlers.post(evaluation, "get_results", {}, student=STAFF).json_body
    assert [(d["day"], d["n"]) for d in panel["days"]][0] == ("2026-12-03", 4)
    assert panel["days"][0]["date"] == "December 3, 2026"
    html = panel["html"]
    assert "Answers by day" in html and "December 3, 2026: 4 answers" in html and "Leave out…" in html
    assert ("Leave out the 4 answers of December 3, 2026? They are deleted: no figure of this evaluation nor "
            "the course report counts them any more. This cannot be undone.") in html
    assert "Yes, leave them out" in html and 'data-day="2026-12-03"' in html
    with translation.override("fr"):
        french = handlers.post(evaluation, "get_results", {}, student=STAFF, lang="fr").json_body
    assert french["days"][0]["date"] == "3 décembre 2026"
    # learners who may read the results (the author shows them) see no day, no button
    mine = handlers.post(evaluation, "get_results", {}, student="student_1")
    assert mine.status_code == 200, mine.content
    assert "days" not in mine.json_body and "data-by-day" not in mine.json_body["html"]
    assert "Leave out" not in mine.json_body["html"]


def summary_day(block_key):
    """The day the store kept today's submissions on (UTC: ``timezone.now().date()``)."""
    return Answer.objects.filter(block_key=block_key).exclude(day=REHEARSAL).values_list("day", flat=True)[0]


def test_leaving_a_day_out_removes_exactly_its_submissions_and_comments(handlers, evaluation):
    before = handlers.post(evaluation, "get_results", {}, student=STAFF).json_body
    assert before["respondents"] == 7 and len(before["comments"]) == 7
    r = handlers.post(evaluation, "leave_out_day", {"day": "2026-12-03"}, student=STAFF)
    assert r.status_code == 200, r.content
    after = r.json_body
    assert after["respondents"] == 3 and after["comments"] == ["Great"] * 3
    assert not Answer.objects.filter(block_key=evaluation, day=REHEARSAL).exists()
    assert not Comment.objects.filter(block_key=evaluation, day=REHEARSAL).exists()
    assert Answer.objects.filter(block_key=evaluation).count() == 3 * 2
    relevance = next(s for s in after["statements"] if s["id"] == "relevance")
    assert relevance["counts"] == [0, 0, 0, 0, 3]  # the rehearsal's four "1" are gone
    assert [(d["day"], d["n"]) for d in after["days"]] == [(summary_day(evaluation).isoformat(), 3)]
    assert after["left_out"] == "The 4 answers of December 3, 2026 were left out."
    assert 'data-left-out' in after["html"] and "2026-12-03" not in after["html"]
    assert_summary_is_the_rows(evaluation)
    # the page asks for the panel alone, as "Show results" does
    again = handlers.post(evaluation, "leave_out_day", {"day": "2026-12-03", "reply": "page"}, student=STAFF)
    assert set(again.json_body) == {"html"}


def test_a_replay_deletes_nothing_more(handlers, evaluation):
    first = handlers.post(evaluation, "leave_out_day", {"day": "2026-12-03"}, student=STAFF).json_body
    rows = sorted(Answer.objects.filter(block_key=evaluation).values_list("id", flat=True))
    replay = handlers.post(evaluation, "leave_out_day", {"day": "2026-12-03"}, student=STAFF)
    assert replay.status_code == 200
    assert sorted(Answer.objects.filter(block_key=evaluation).values_list("id", flat=True)) == rows
    assert replay.json_body["respondents"] == first["respondents"] == 3
    assert "left_out" not in replay.json_body  # nothing left out this time: nothing said
    assert leave_out.leave_out_day(evaluation, REHEARSAL) == leave_out.Left(0, 0, 0)
    assert_summary_is_the_rows(evaluation)


def test_anonymous_rows_and_profiles_are_taken_back_too(handlers, scenario):
    """An anonymous evaluation's rows (no key: "Delete learner state" never reaches them), with a
    profile question: the counts by profile lose them as well."""
    uid = scenario(SURVEY.format(extra='anonymous="true"').replace(
        "</emm_likert>", '<profile prompt="Your role"><option id="nurse">Nurse</option>'
                         '<option id="doctor">Doctor</option></profile></emm_likert>'))
    for i in range(3):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 2, "pace": 4}, "profile": "nurse",
                                          "comment": "rehearsal"}, student=f"colleague_{i}")
        assert r.status_code == 200, r.content
    moved(uid, REHEARSAL)
    for i in range(3):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": 2}, "profile": "doctor"},
                          student=f"student_{i}")
        assert r.status_code == 200, r.content
    assert not Answer.objects.filter(block_key=uid).exclude(user_key="").exists()
    left = leave_out.leave_out_day(uid, REHEARSAL)
    assert left == leave_out.Left(3, 3 * 3, 3)  # two statements and the profile, three times
    by_profile = summary.profile_tallies(uid)
    assert "nurse" not in by_profile and sum(by_profile["doctor"]["relevance"].values()) == 3, by_profile
    assert_summary_is_the_rows(uid)


def test_an_anonymous_day_smaller_than_the_group_size_is_not_left_out_alone(handlers, scenario):
    """Leaving out a day of 2 anonymous answers would show how those 2 answered (the figures before
    less the figures after), what the minimum group size (3) keeps from staff: the day is listed
    without its "Leave out…" and saying why, the handler refuses it (409, translated) and deletes
    nothing. A day of 3 is left out."""
    uid = scenario(SURVEY.format(extra='anonymous="true"'))
    for i in range(2):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 1, "pace": 5}, "comment": f"late {i}"},
                          student=f"late_{i}")
        assert r.status_code == 200, r.content
    moved(uid, datetime.date(2026, 12, 5))
    for i in range(3):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 2, "pace": 4}}, student=f"colleague_{i}")
        assert r.status_code == 200, r.content
    Answer.objects.filter(block_key=uid).exclude(day=datetime.date(2026, 12, 5)).update(day=REHEARSAL)
    panel = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    assert [(d["day"], d["n"], d["kept"]) for d in panel["days"]] == [("2026-12-03", 3, False),
                                                                     ("2026-12-05", 2, True)]
    small = panel["html"].split('data-day="2026-12-05"')[1].split("</li>")[0]
    # the evaluation asks no profile question: no "in all or from one profile" (bug hunt "new")
    assert "Leave out…" not in small and ("Not offered: fewer than 3 anonymous answers that day; leaving them out "
                                          "would show how they answered.") in small
    assert "profile" not in small
    rows = Answer.objects.filter(block_key=uid).count()
    r = handlers.post(uid, "leave_out_day", {"day": "2026-12-05"}, student=STAFF)
    assert r.status_code == 409 and r.json_body["error"] == "too_few_respondents"
    assert r.json_body["message"] == ("Fewer than 3 anonymous answers were given that day: leaving them out would "
                                      "show how they answered, which the minimum group size keeps from staff. "
                                      "Nothing was deleted.")
    assert Answer.objects.filter(block_key=uid).count() == rows
    with translation.override("fr"):
        r = handlers.post(uid, "leave_out_day", {"day": "2026-12-05"}, student=STAFF, lang="fr")
    assert r.status_code == 409 and r.json_body["message"].startswith("Moins de 3 réponses anonymes")
    r = handlers.post(uid, "leave_out_day", {"day": "2026-12-03"}, student=STAFF)
    assert r.status_code == 200 and r.json_body["respondents"] == 2
    assert_summary_is_the_rows(uid)


def test_an_anonymous_day_with_a_small_profile_group_is_not_left_out_alone(handlers, scenario):
    """Trial s34b: a day of 4 anonymous answers (minimum 3) passed, one of them from another profile:
    leaving it out gave that one's answers in their profile's column. A day is kept while any of its
    profile groups, those who gave none included, is below the minimum; a day of 3 of one profile
    is left out."""
    uid = scenario(SURVEY.format(extra='anonymous="true"').replace(
        "</emm_likert>", '<profile prompt="You work for"><option id="gov">Government</option>'
                         '<option id="cso">Civil society</option></profile></emm_likert>'))

    def answered(day, profiles):
        for i, who in enumerate(profiles):
            data = {"answers": {"relevance": 4, "pace": 2}, **({"profile": who} if who else {})}
            r = handlers.post(uid, "submit", data, student=f"{day.day}_{i}")
            assert r.status_code == 200, r.content
        Answer.objects.filter(block_key=uid, day=timezone.now().date()).update(day=day)

    answered(datetime.date(2026, 12, 1), ["gov"] * 3 + ["cso"])  # civil society: one
    answered(datetime.date(2026, 12, 2), ["gov"] * 3 + [""])  # who gave no profile: one
    answered(datetime.date(2026, 12, 3), ["cso"] * 3)
    # both days' answers carry a profile: a profile's few may be why, and the page and the refusal say so
    assert leave_out.too_few_anonymous(uid, 3) == {datetime.date(2026, 12, 1): True, datetime.date(2026, 12, 2): True}
    panel = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    for day in ("2026-12-01", "2026-12-02"):
        small = panel["html"].split(f'data-day="{day}"')[1].split("</li>")[0]
        assert "Not offered: fewer than 3 anonymous answers that day, in all or from one profile;" in small, day
        r = handlers.post(uid, "leave_out_day", {"day": day}, student=STAFF)
        assert r.status_code == 409 and r.json_body["error"] == "too_few_respondents", day
        assert r.json_body["message"].startswith("Fewer than 3 anonymous answers were given that day, in all or "
                                                 "from one profile:"), day
    r = handlers.post(uid, "leave_out_day", {"day": "2026-12-03"}, student=STAFF)
    assert r.status_code == 200 and r.json_body["respondents"] == 8
    assert_summary_is_the_rows(uid)


def test_a_small_day_s_note_does_not_tell_whether_its_few_gave_a_profile(handlers, scenario):
    """The profile question may be left unanswered: worded day by day, a day of one anonymous answer
    said "in all or from one profile" only if that one gave a profile, telling staff what the minimum
    group size keeps from them. Every day of a block whose answers carry a profile says it (review s46)."""
    uid = scenario(SURVEY.format(extra='anonymous="true"').replace(
        "</emm_likert>", '<profile prompt="You work for"><option id="gov">Government</option>'
                         '<option id="cso">Civil society</option></profile></emm_likert>'))
    for day, profiles in ((datetime.date(2026, 12, 1), ["gov"] * 3), (datetime.date(2026, 12, 2), [""])):
        for i, who in enumerate(profiles):
            data = {"answers": {"relevance": 4, "pace": 2}, **({"profile": who} if who else {})}
            assert handlers.post(uid, "submit", data, student=f"{day.day}_{i}").status_code == 200
        Answer.objects.filter(block_key=uid, day=timezone.now().date()).update(day=day)
    assert leave_out.too_few_anonymous(uid, 3) == {datetime.date(2026, 12, 2): True}
    panel = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    small = panel["html"].split('data-day="2026-12-02"')[1].split("</li>")[0]
    assert "Not offered: fewer than 3 anonymous answers that day, in all or from one profile;" in small
    r = handlers.post(uid, "leave_out_day", {"day": "2026-12-02"}, student=STAFF)
    assert r.status_code == 409 and "in all or from one profile" in r.json_body["message"]


def test_the_comments_are_listed_by_their_text_not_by_day(handlers, evaluation):
    """Listed by day, the first comment of a one-answer day would be that learner's."""
    r = handlers.post(evaluation, "submit", {"answers": {"relevance": 3, "pace": 3}, "comment": "Zut"},
                      student="student_late")
    assert r.status_code == 200
    Comment.objects.filter(block_key=evaluation, text="Zut").update(day=datetime.date(2026, 12, 1))
    comments = handlers.post(evaluation, "get_results", {}, student=STAFF).json_body["comments"]
    assert comments == sorted(comments) and comments[0] == "Great" and comments[-1] == "Zut"


def test_the_course_report_counts_what_is_left(db):
    with translation.override("en"):
        platform = course()
        day1 = platform.add(DAY.format(name="Day 1", extra="", more=""), platform.subsection())
        report = platform.add(REPORT.format(extra=""), platform.subsection())
        for i in range(4):  # the rehearsal: relevance 1
            result = platform.lms(platform.user(f"colleague{i}")).handle(day1, "submit", {
                "answers": {"relevance": 1, "pace": 2}})
            assert result.status == 200, result.json
        moved(str(day1), REHEARSAL)
        for i in range(5):  # the training: relevance 5
            result = platform.lms(platform.user(f"learner{i}")).handle(day1, "submit", {
                "answers": {"relevance": 5, "pace": 2}})
            assert result.status == 200, result.json
        assert "9 respondents" in visible(staff_page(platform, report))
        staff = platform.lms(platform.user("staff_1", role="staff"))
        result = staff.handle(day1, "leave_out_day", {"day": "2026-12-03"})
        assert result.status == 200, result.json
        page = visible(staff_page(platform, report))
        assert "5 respondents" in page and "9 respondents" not in page
        # relevance: n=5, every one "strongly agree": top box 100 %, mean 5
        assert "The knowledge and skills acquired are relevant to my work. 5" in page
        assert_summary_is_the_rows(str(day1))


def test_refusals(handlers, evaluation):
    """Learners: 403 ``staff_only``; staff viewing as a learner: 403 ``viewing_as_learner``; a missing
    or malformed day: 400 ``invalid_request``; GET: 405. Nothing is deleted by any of them."""
    rows = Answer.objects.filter(block_key=evaluation).count()
    r = handlers.post(evaluation, "leave_out_day", {"day": "2026-12-03"}, student="student_1")
    assert r.status_code == 403 and r.json_body["error"] == "staff_only"
    platform = handlers.platform
    masquerading = platform.lms(handlers.user(STAFF), masquerade_as=handlers.user("student_1"))
    result = masquerading.handle(handlers.key(evaluation), "leave_out_day", {"day": "2026-12-03"})
    assert result.status == 403 and result.json["error"] == "viewing_as_learner"
    for day in (None, "", 20261203, "2026-12-3", "03/12/2026", "2026-02-30", "20261203", " 2026-12-03", ["2026-12-03"]):
        r = handlers.post(evaluation, "leave_out_day", {} if day is None else {"day": day}, student=STAFF)
        assert r.status_code == 400 and r.json_body["error"] == "invalid_request", day
        assert r.json_body["message"] == "Say which day to leave out, as a date written YYYY-MM-DD."
    r = handlers.get(evaluation, "leave_out_day", student=STAFF)
    assert r.status_code == 405 and r.json_body["error"] == "method_not_allowed"
    assert Answer.objects.filter(block_key=evaluation).count() == rows
    with translation.override("fr"):
        r = handlers.post(evaluation, "leave_out_day", {"day": "x"}, student=STAFF, lang="fr")
    assert r.status_code == 400 and r.json_body["message"]


# ------------------------------------------------------------------ the store, concurrently

@pytest.mark.django_db(transaction=True)
def test_named_resubmissions_racing_the_leave_out_keep_the_summary_the_rows(monkeypatch):
    """8 named learners answered on the rehearsal's day; 8 threads resubmit them (each one twice)
    while 4 threads leave that day out (the same day, at once: the anonymous rows too). Whichever
    comes first, every learner ends with the one submission they sent today, the rehearsal's
    anonymous rows are gone, and the summary is the rows (nothing taken back twice).

    The leave-out waits 0.2 s after it deleted the rows, before its counts and its commit, and the
    resubmissions start 0.05 s after it: without the learners' lock rows a resubmission would read
    the rows the leave-out is deleting, and take them back a second time once it commits (this
    test fails so with ``leave_out.locks_rows`` made to answer False)."""
    real_apply = summary.apply

    def slow_leave_out(block_key, tally, submissions):
        if submissions < 0:  # the leave-out's (a resubmission's is 0 or 1)
            time.sleep(0.2)
        return real_apply(block_key, tally, submissions)

    monkeypatch.setattr(summary, "apply", slow_leave_out)
    block = "leave-out-race"
    named = [f"named{i}" for i in range(8)]
    for user in named:
        store.record(block, {"a": "1", "b": "2"}, user_key=user, replace=True, comment="rehearsal")
    for i in range(6):
        store.record(block, {"a": "1", "b": "1"}, comment="anonymous rehearsal" if i % 2 else "")
    moved(block, REHEARSAL)
    store.record(block, {"a": "5", "b": "5"})  # today's, anonymous: stays
    assert_summary_is_the_rows(block)

    def work(t):
        if t < 8:
            time.sleep(0.05)  # while the leave-out holds what it deleted
            for take in range(2):
                store.record(block, {"a": str(3 + take), "b": "4"}, user_key=named[t], replace=True,
                             comment=f"take {take}")
            return None
        return leave_out.leave_out_day(block, REHEARSAL)

    results = race(12, work)
    assert [(i, repr(r)) for i, r in results if isinstance(r, Exception)] == []
    assert_summary_is_the_rows(block)
    respondents, tallies = summary.respondents(block), summary.tallies(block)
    assert respondents == len(named) + 1
    assert tallies == {"a": {"4": 8, "5": 1}, "b": {"4": 8, "5": 1}}
    assert not Answer.objects.filter(block_key=block, day=REHEARSAL).exists()
    assert not Comment.objects.filter(block_key=block, day=REHEARSAL).exists()
    # the anonymous rehearsal's six submissions were taken back once, by one of the four
    left = [r for i, r in results if i >= 8]
    assert sum(r.submissions for r in left) >= 6 and sum(r.answers for r in left) >= 12


@pytest.mark.django_db(transaction=True)
def test_a_learner_who_answers_for_the_first_time_during_the_leave_out_is_locked_first(monkeypatch):
    """A named learner whose rows appear on the day between the leave-out's first read of the
    learners and its transaction: the transaction finds rows it holds no lock for, starts again
    with that learner's lock row too, and takes them back once."""
    if not store.locks_rows():
        pytest.skip("one writer at a time (SQLite beginning IMMEDIATE): no lock row, nothing runs beside it")
    block = "leave-out-newcomer"
    store.record(block, {"a": "1"}, user_key="early", replace=True)
    moved(block, REHEARSAL)
    real = leave_out._named_users
    calls = []

    def first_read_misses_the_newcomer(block_key, day):
        calls.append(day)
        if len(calls) == 1:
            store.record(block, {"a": "2"}, user_key="late", replace=True)
            moved(block, REHEARSAL, users=["late"])
            return {"early"}
        return real(block_key, day)

    monkeypatch.setattr(leave_out, "_named_users", first_read_misses_the_newcomer)
    left = leave_out.leave_out_day(block, REHEARSAL)
    assert left.submissions == 2 and left.answers == 2
    assert summary.respondents(block) == 0
    assert_summary_is_the_rows(block)
    if store.locks_rows():
            assert len(calls) == 2  # run again once, with "late" locked
    else:  # SQLite beginning IMMEDIATE: one writer at a time, no lock row, one round
        assert len(calls) == 0


def _day_of_submissions(block_key, submissions, statements=10, named=False):
    """``submissions`` anonymous submissions of ``statements`` answers each on ``REHEARSAL``, their
    summary built as migration 0004 builds it (the rows inserted at once, as an install holds them).
    ``named``: each by a learner of its own, with a comment, and 3 more learners who sent a comment
    alone."""
    import importlib
    import uuid
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    sent = [(uuid.uuid4(), f"learner{i:04d}" if named else "") for i in range(submissions)]
    Answer.objects.bulk_create([
        Answer(block_key=block_key, submission=submission, group=f"s{k}", value=str(1 + k % 5), day=REHEARSAL,
               user_key=user)
        for submission, user in sent for k in range(statements)], batch_size=500)
    if named:
        sent += [(uuid.uuid4(), f"alone{i}") for i in range(3)]
        Comment.objects.bulk_create([Comment(block_key=block_key, submission=submission, text="rehearsal",
                                             user_key=user, day=REHEARSAL) for submission, user in sent],
                                    batch_size=500)
    migration = importlib.import_module("emm_xblocks.migrations.0004_tally_submissions")
    migration.build_summary(apps, SimpleNamespace(connection=connection), [block_key])  # reads only its alias


def test_the_leave_out_s_statements_do_not_grow_with_the_day(db):
    """Scale hunt (hunt6): ``leave_out._take_out`` reads every row of the day into memory and deletes
    them with ONE ``DELETE ... WHERE id IN (<every id>)``, a statement as long as the day. The
    database refuses one past its limit, and the whole leave-out with it (nothing deleted, staff
    get a 500): SQLite's 250,000 variables (a day of 25,100 submissions of 10 statements:
    ``OperationalError: too many SQL variables``), MariaDB 10.11's default ``max_allowed_packet`` of
    16 MB (a day of 50,000: 2006 "Server has gone away" after 22 s). Its memory grows alike (a day
    of 16,000 submissions: 110-130 MB of Python objects, 20 s on MariaDB). A day ten times larger
    must not need a statement ten times longer. A named day (its learners' lock rows made and
    locked, on MariaDB) and its comments neither, past a page of comments too."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    longest = {}
    for block_key, submissions in (("small-day", 40), ("big-day", 400)):
        _day_of_submissions(block_key, submissions)
        with CaptureQueriesContext(connection) as captured:
            left = leave_out.leave_out_day(block_key, REHEARSAL)
        assert left.submissions == submissions and not Answer.objects.filter(block_key=block_key).exists()
        assert_summary_is_the_rows(block_key)
        longest[block_key] = max(len(q["sql"]) for q in captured.captured_queries)
    assert longest["big-day"] < 2 * longest["small-day"], longest
    for block_key, submissions in (("small-named-day", 40), ("big-named-day", 600)):
        _day_of_submissions(block_key, submissions, named=True)
        with CaptureQueriesContext(connection) as captured:
            left = leave_out.leave_out_day(block_key, REHEARSAL)
        assert left == (submissions + 3, 10 * submissions, submissions + 3)
        assert not Answer.objects.filter(block_key=block_key).exists()
        assert not Comment.objects.filter(block_key=block_key).exists()
        assert_summary_is_the_rows(block_key)
        longest[block_key] = max(len(q["sql"]) for q in captured.captured_queries)
    assert longest["big-named-day"] < 2 * longest["small-named-day"], longest
