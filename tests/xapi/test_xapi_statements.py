"""The blocks' tracking events become valid xAPI statements in event-routing-backends.

The chain, each link real or standing in for the named platform file:

1. learners act on the four blocks through the platform-faithful runtime (``tests/openedx``):
   what the blocks publish is what they publish in the LMS;
2. each event is emitted through eventtracking's real ``Tracker`` inside the contexts the LMS
   enters around a handler (``as_the_lms_emits``): the request's (``track/middleware.py``), the
   handler's (``courseware/block_render.py``), the publishing service's (``xmodule/services.py``),
   ``server_track``'s (``track/views/__init__.py``);
3. ``tests/xapi/transform.py`` runs event-routing-backends' ``XApiProcessor`` on them in a Django
   where both apps are installed (the transformers register themselves in ``ready``), and checks
   the allow lists the Tutor plugin's settings produce;
4. here, every statement is parsed with tincan's ``Statement`` and checked field by field.

Needs ``edx-event-routing-backends`` and ``tincan`` (dev extras, Python >= 3.12): without them
the tests skip here and fail under ``CI=true``.
"""

import json
import subprocess
import sys
from urllib.parse import urlparse

import pytest

from emm_xblocks.models import PairedResult
from emm_xblocks.xapi import EVENT_NAMES
from tests.integration.test_case_study_handlers import CASE, GOOD
from tests.integration.test_knowledge_check import CHECK, HALF, RIGHT
from tests.integration.test_likert_handlers import SURVEY
from tests.integration.test_role_play_handlers import SMALL, labelled
from tests.throwaway_venv import ROOT, unavailable

try:
    import event_routing_backends  # noqa: F401
    from eventtracking.tracker import Tracker
    from tincan import Statement
except ImportError as missing:
    MISSING = f"{missing.name} is not installed in this venv (dev extras of pyproject.toml, Python >= 3.12)"
else:
    MISSING = None

COURSE_ID = "course-v1:EMM+EMM2+2026"  # tests/openedx/keys.py, and the course platform_standins knows
LMS = "https://lms.example.org"  # tests/xapi/settings.py
ADL, TINCAN = "http://adlnet.gov/expapi/", "http://id.tincanapi.com/"
ACROSSX, DOD = "https://w3id.org/xapi/acrossx/", "https://w3id.org/xapi/dod-isd/"


class Captured:
    """An eventtracking backend that keeps what it is sent."""

    def __init__(self):
        self.events = []

    def send(self, event):
        self.events.append(event)


def as_the_lms_emits(record, usage_key, display_name, user_id):
    """The tracking event eventtracking hands to its backends (event-routing-backends among them)
    when a block publishes ``record`` (name, data) in a handler for ``user_id``."""
    captured = Captured()
    tracker = Tracker(backends={"captured": captured})
    org = COURSE_ID.split(":")[1].split("+")[0]
    # common/djangoapps/track/middleware.py (TrackMiddleware.get_context_for_request)
    request = {"session": "5f1b2c3d4e5f60718293a4b5c6d7e8f9", "user_id": user_id, "username": record["user"],
               "ip": "192.0.2.1", "agent": "Mozilla/5.0 (Android 14)", "host": "lms.example.org",
               "path": f"/courses/{COURSE_ID}/xblock/{usage_key}/handler/x", "course_id": COURSE_ID, "org_id": org}
    with tracker.context("edx.request", request):
        # lms/djangoapps/courseware/block_render.py: _invoke_xblock_handler, _get_block_by_usage_key
        with tracker.context("module_callback_handler", {"module": {"display_name": display_name,
                                                                    "usage_key": usage_key}}):
            # xmodule/services.py: EventPublishingService.publish (a non-grade, non-completion event)
            publish = {"course_id": COURSE_ID, "org_id": org, "enterprise_uuid": "", "user_id": user_id, "asides": {}}
            with tracker.context(record["name"], publish):
                # common/djangoapps/track/views/__init__.py: server_track(request, name, data, page="x_module")
                with tracker.context("edx.course.server", {"username": record["user"], "event_source": "server",
                                                           "page": "x_module"}):
                    tracker.emit(name=record["name"], data=json.loads(json.dumps(record["data"])))
    [event] = captured.events
    event["timestamp"] = event["timestamp"].isoformat()
    return event


def act(scenario, handlers, events):
    """Learners use every block so that each ``emm.*`` event is published at least once.
    Returns ``(users {name: id}, tracking events)``."""
    blocks = []

    def block(xml, display_name, actions):
        start = len(events.tracking)
        uid = scenario(xml)
        actions(uid)
        blocks.append((uid, display_name, events.tracking[start:]))

    def likert(uid):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 5, "pace": 2, "extra": "na"}})
        assert r.status_code == 200, r.content

    def anonymous(uid):
        r = handlers.post(uid, "submit", {"answers": {"relevance": 1, "pace": 4}}, student="student_2")
        assert r.status_code == 200, r.content

    def case_study(uid):
        for handler, data in (("document_opened", {"index": 0, "via": "viewer"}), ("submit", {"answers": GOOD}),
                              ("self_assess", {"ticks": {"q3": ["k1"]}}), ("try_again", {})):
            r = handlers.post(uid, handler, data)
            assert r.status_code == 200, (handler, r.content)

    def role_play(uid):
        r = handlers.post(uid, "begin", {"role": "r1"})
        r = handlers.post(uid, "choose", {"choice": labelled(r)["Good move"]})
        r = handlers.post(uid, "back")
        r = handlers.post(uid, "choose", {"choice": labelled(r)["Bad move"]})
        r = handlers.post(uid, "choose", {"choice": labelled(r)["Carry on"]})
        assert r.status_code == 200, r.content

    def knowledge_check(uid, answers):
        r = handlers.post(uid, "submit", answers)
        assert r.status_code == 200, r.content

    block(SURVEY.format(extra=""), "Eval", likert)
    block(SURVEY.format(extra='anonymous="true"'), "Eval", anonymous)
    block(CASE.format(attempts=2, policy="best", show="submitted", extra=""), "Test case", case_study)
    block(SMALL.format(extra='allow_back="true"'), "Small", role_play)
    for phase, answers in (("pre", HALF), ("post", RIGHT)):
        block(CHECK.format(phase=phase, pair="day1", extra=""), f"Check {phase}",
              lambda uid, answers=answers: knowledge_check(uid, answers))

    users = {name: handlers.user(name).id for name in ("student_1", "student_2")}
    emitted = [as_the_lms_emits(record, uid, name, users[record["user"]])
               for uid, name, records in blocks for record in records if record["name"].startswith("emm.")]
    # not from a block: an evaluation event that does not say it is named (an older or altered
    # event) must be treated as anonymous
    [named] = [e for e in emitted if e["data"].get("anonymous") is False]
    unsure = json.loads(json.dumps(named))
    del unsure["data"]["anonymous"]
    return users, [*emitted, unsure]


_RUN = {}


@pytest.fixture
def xapi(scenario, handlers, events, tmp_path):
    """``{"events": [...], "statements": [[...] per event], "allowed": ..., ...}``, computed once."""
    if MISSING:
        unavailable(MISSING)
    if not _RUN:
        users, emitted = act(scenario, handlers, events)
        path = tmp_path / "events.json"
        path.write_text(json.dumps({"users": users, "events": emitted}), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "tests.xapi.transform", str(path)], cwd=ROOT,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-3000:]
        _RUN.update(json.loads(result.stdout), events=emitted,
                    pseudonyms=list(PairedResult.objects.values_list("token", flat=True)))
    return _RUN


def statements_of(xapi, name):
    """``[(event, [statement dicts])]`` for the events named ``name``."""
    return [(e, s) for e, s in zip(xapi["events"], xapi["statements"], strict=True) if e["name"] == name]


def one(xapi, name):
    [(event, statements)] = statements_of(xapi, name)[:1]
    return event, statements


def is_iri(value):
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def test_every_event_the_blocks_publish_was_emitted(xapi):
    assert {e["name"] for e in xapi["events"]} == set(EVENT_NAMES)


@pytest.mark.parametrize("name", EVENT_NAMES)
def test_each_event_gives_valid_statements(xapi, name):
    for event, statements in statements_of(xapi, name):
        assert statements, f"no statement for {name}: no transformer registered?"
        for data in statements:
            statement = Statement(data)  # tincan's parsing: types and vocabularies of every field
            assert data["version"] == "1.0.3" and statement.id and data["timestamp"] == event["timestamp"]
            assert statement.actor.account.home_page == LMS and statement.actor.account.name
            assert is_iri(statement.verb.id) and statement.verb.display["en"]
            assert is_iri(statement.object.id) and statement.object.id.startswith(f"{LMS}/xblock/")
            assert event["context"]["module"]["usage_key"] in statement.object.id
            assert is_iri(statement.object.definition.type)
            # the course, as event-routing-backends gives it, parent or grouping
            activities = statement.context.context_activities
            course = [a for a in (activities.parent or []) + (activities.grouping or [])
                      if a.id == f"{LMS}/course/{COURSE_ID}"]
            assert course and course[0].definition.name["en-US"] == "Essentials of Migration Management 2.0"
            for key in list(statement.context.extensions or {}) + list(statement.object.definition.extensions or {}):
                assert is_iri(key), key
        assert len({s["id"] for s in statements}) == len(statements)


VERBS = {
    "emm.likert.submitted": (ADL + "verbs/completed", TINCAN + "activitytype/survey"),
    "emm.case_study.submitted": (ADL + "verbs/attempted", ADL + "activities/assessment"),
    "emm.case_study.self_assessed": (ACROSSX + "verbs/evaluated", ADL + "activities/assessment"),
    "emm.case_study.reset": (ADL + "verbs/initialized", ADL + "activities/assessment"),
    "emm.case_study.answers_shown": (ADL + "verbs/asked", TINCAN + "activitytype/solution"),
    "emm.case_study.document_opened": (TINCAN + "verb/viewed", ADL + "activities/file"),
    "emm.role_play.started": (ADL + "verbs/initialized", ADL + "activities/simulation"),
    "emm.role_play.chose": (ADL + "verbs/answered", ADL + "activities/cmi.interaction"),
    "emm.role_play.went_back": (DOD + "verbs/navigated", ADL + "activities/simulation"),
    "emm.role_play.ended": (ADL + "verbs/completed", ADL + "activities/simulation"),
    "emm.knowledge_check.submitted": (ADL + "verbs/completed", ADL + "activities/assessment"),
}


@pytest.mark.parametrize("name", EVENT_NAMES)
def test_verbs_and_activity_types_are_the_documented_ones(xapi, name):
    _, [first, *_] = one(xapi, name)
    assert (first["verb"]["id"], first["object"]["definition"]["type"]) == VERBS[name]
    assert f"`{name}`" in (ROOT / "docs" / "xapi.md").read_text(encoding="utf-8")


def test_a_named_evaluation_sends_each_answer(xapi):
    named = [(e, s) for e, s in statements_of(xapi, "emm.likert.submitted") if e["data"].get("anonymous") is False]
    [(event, [completed, *answers])] = named
    assert completed["result"] == {"completion": True}
    assert completed["object"]["definition"]["extensions"] == {ACROSSX + "extensions/total-items": 3}
    block = completed["object"]["id"]
    assert {a["object"]["id"]: a["result"]["response"] for a in answers} == {
        f"{block}/statement/relevance": "5", f"{block}/statement/pace": "2", f"{block}/statement/extra": "na"}
    for answer in answers:
        assert answer["verb"]["id"] == ADL + "verbs/answered"
        assert answer["object"]["definition"]["interactionType"] == "likert"
        assert answer["context"]["statement"]["id"] == completed["id"]
        assert answer["actor"] == completed["actor"]


def test_an_anonymous_evaluation_says_only_that_it_was_completed(xapi):
    anonymous = [(e, s) for e, s in statements_of(xapi, "emm.likert.submitted") if e["data"].get("anonymous") is True]
    [(event, [statement])] = anonymous  # one statement: no answer, no count of answers
    assert statement["verb"]["id"] == ADL + "verbs/completed" and statement["result"] == {"completion": True}
    text = json.dumps(statement)
    for answer_id in ("relevance", "pace", "/statement/"):
        assert answer_id not in text
    assert set(event["data"]) == {"statements", "first_submission", "anonymous"}  # what the block sent


def test_an_evaluation_event_that_does_not_say_it_is_named_sends_no_answer(xapi):
    [(event, statements)] = [(e, s) for e, s in statements_of(xapi, "emm.likert.submitted")
                             if "anonymous" not in e["data"]]
    assert event["data"]["answers"]  # the answers were there
    assert len(statements) == 1 and "/statement/" not in json.dumps(statements)


def test_a_case_study_submission_gives_the_grade_then_each_question(xapi):
    event, [attempted, *questions] = one(xapi, "emm.case_study.submitted")
    assert attempted["result"]["score"] == {"min": 0, "max": 6.0, "raw": 4.0, "scaled": 4.0 / 6.0}
    assert attempted["object"]["definition"]["extensions"] == {TINCAN + "extension/attempt-id": 1}
    block = attempted["object"]["id"]
    by_id = {q["object"]["id"].removeprefix(block + "/question/"): q for q in questions}
    assert set(by_id) == {"q1", "q2", "q3"}
    assert by_id["q1"]["object"]["definition"]["interactionType"] == "choice"
    assert by_id["q1"]["result"] == {"response": "a", "success": True,
                                     "score": {"min": 0, "max": 2.0, "raw": 2.0, "scaled": 1.0}}
    assert json.loads(by_id["q2"]["result"]["response"]) == ["x", "y"]
    q3 = by_id["q3"]
    assert q3["object"]["definition"]["interactionType"] == "long-fill-in"
    assert q3["result"]["response"] == GOOD["q3"] and "success" not in q3["result"]  # pending self-assessment


def test_case_study_follow_ups(xapi):
    _, [assessed] = one(xapi, "emm.case_study.self_assessed")
    assert assessed["result"]["score"]["raw"] == 5.0 and json.loads(assessed["result"]["response"]) == {"q3": ["k1"]}
    _, [again] = one(xapi, "emm.case_study.reset")
    assert again["object"]["definition"]["extensions"] == {TINCAN + "extension/attempt-id": 2}  # the new attempt
    _, [shown] = one(xapi, "emm.case_study.answers_shown")
    assert shown["object"]["id"].endswith("/answer")
    _, [viewed] = one(xapi, "emm.case_study.document_opened")
    assert viewed["object"]["id"].endswith("/document/0")
    assert viewed["object"]["definition"]["name"] == {"und": "A document"}
    assert viewed["object"]["definition"]["moreInfo"] == "https://example.org/doc.pdf"
    assert viewed["context"]["extensions"][ACROSSX + "extensions/type"] == "viewer"
    block = viewed["object"]["id"].removesuffix("/document/0")
    assert [a["id"] for a in viewed["context"]["contextActivities"]["grouping"]] == [block]


def test_a_role_play_path(xapi):
    _, [started] = one(xapi, "emm.role_play.started")
    role = started["object"]["id"]
    assert role.endswith("/role/r1")
    assert started["object"]["definition"]["extensions"] == {TINCAN + "extension/attempt-id": 1}
    chose = [s for _, [s] in statements_of(xapi, "emm.role_play.chose")]
    assert [(c["object"]["id"].rsplit("/", 1)[1], c["result"]["response"], c["result"]["score"]["raw"])
            for c in chose] == [("n-start", "0", 2.0), ("n-start", "1", -3.0), ("n-bad", "0", 0.0)]
    assert [c["context"]["extensions"][TINCAN + "extension/starting-position"] for c in chose] == [1, 1, 2]
    assert [a["id"] for a in chose[0]["context"]["contextActivities"]["grouping"]] == [
        role.removesuffix("/role/r1"), role]
    _, [back] = one(xapi, "emm.role_play.went_back")
    assert back["context"]["extensions"][TINCAN + "extension/ending-point"] == 1
    _, [ended] = one(xapi, "emm.role_play.ended")
    assert ended["result"]["completion"] is True and ended["result"]["response"] == "n-harm"
    assert ended["result"]["score"]["raw"] == -3.0 and 0 <= ended["result"]["score"]["scaled"] <= 1
    assert ended["context"]["extensions"][TINCAN + "extension/tags"] == ["harmful"]


def test_a_knowledge_check_gives_the_score_the_phase_and_the_pair_then_each_question(xapi):
    tests = {e["data"]["phase"]: s for e, s in statements_of(xapi, "emm.knowledge_check.submitted")}
    assert set(tests) == {"pre", "post"}
    for phase, points in (("pre", 1.0), ("post", 2.0)):
        completed, *questions = tests[phase]
        assert completed["result"] == {"completion": True,
                                       "score": {"min": 0, "max": 2.0, "raw": points, "scaled": points / 2}}
        assert completed["context"]["extensions"][TINCAN + "extension/tags"] == [f"{phase}-test"]
        [pair] = completed["context"]["contextActivities"]["grouping"]
        assert pair["id"] == f"{LMS}/course/{COURSE_ID}/knowledge-check-pair/day1"
        assert pair["definition"]["name"] == {"und": "day1"}
        block = completed["object"]["id"]
        by_id = {q["object"]["id"].removeprefix(block + "/question/"): q for q in questions}
        assert set(by_id) == {"q1", "q2"}
        for question in questions:
            assert question["verb"]["id"] == ADL + "verbs/answered"
            assert question["object"]["definition"]["interactionType"] == "choice"
            assert question["context"]["statement"]["id"] == completed["id"]
            assert question["context"]["extensions"][TINCAN + "extension/tags"] == [f"{phase}-test"]
    pre, post = tests["pre"], tests["post"]
    assert pre[0]["actor"] == post[0]["actor"]  # the same learner, told by ERB's external id
    assert pre[0]["object"]["id"] != post[0]["object"]["id"]  # two blocks, one pair
    q2 = {p: next(q for q in tests[p][1:] if q["object"]["id"].endswith("/q2")) for p in tests}
    assert json.loads(q2["pre"]["result"]["response"]) == ["consent"] and q2["pre"]["result"]["success"] is False
    assert json.loads(q2["post"]["result"]["response"]) == ["exploit", "person"]
    assert q2["post"]["result"] == {**q2["post"]["result"], "success": True,
                                    "score": {"min": 0, "max": 1.0, "raw": 1.0, "scaled": 1.0}}


def test_no_statement_carries_a_learner_s_pseudonym_in_a_pair(xapi):
    assert len(xapi["pseudonyms"]) == 2  # the pre- and the post-test were filed
    text = json.dumps(xapi["statements"])
    assert not any(token in text for token in xapi["pseudonyms"])


def test_learners_are_told_apart_by_their_external_id(xapi):
    actors = {e["context"]["username"]: s[0]["actor"]["account"]["name"]
              for e, s in zip(xapi["events"], xapi["statements"], strict=True)}
    assert len(set(actors.values())) == len(actors) == 2
    assert not any(name in json.dumps(xapi["statements"]) for name in actors)  # no username in any statement


@pytest.mark.parametrize("name", EVENT_NAMES)
def test_the_settings_let_each_event_through(xapi, name):
    assert xapi["allowed_without_ours"][name] is False  # event-routing-backends alone drops them
    assert xapi["allowed"][name] is True and xapi["event_bus"][name] is True


def test_every_evaluated_statement_has_what_aspects_problem_events_casts(xapi):
    """(Bug hunt s44.) Aspects' ``problem_events`` (aspects-dbt ``models/problems/problem_events.sql``)
    casts ``$.result.success`` to Bool and the attempt id to Int16 on every ``evaluated``
    statement; ClickHouse throws on an absent one (``CAST('' AS Bool)``), failing the insert of the
    whole batch it came in, every learner's problem answers with it."""
    found = [s for _e, statements in statements_of(xapi, "emm.case_study.self_assessed") for s in statements
             if s["verb"]["id"].endswith("/acrossx/verbs/evaluated")]
    assert found, "no evaluated statement: the self-assessment's verb changed?"
    for statement in found:
        assert isinstance(statement.get("result", {}).get("success"), bool), json.dumps(statement["result"])
        extensions = statement["object"]["definition"].get("extensions") or {}
        assert isinstance(extensions.get("http://id.tincanapi.com/extension/attempt-id"), int)
