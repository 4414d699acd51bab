"""The case-study block through the platform-faithful runtime (tests/openedx)."""

import json
import time
from pathlib import Path

import pytest

from emm_xblocks.case_study import content, olx
from emm_xblocks.models import Answer, Claim

SCENARIOS = Path(__file__).resolve().parents[2] / "emm_xblocks" / "workbench" / "scenarios"

CASE = """
<emm_case_study display_name="Test case" attempts_allowed="{attempts}" grade_policy="{policy}"
    show_answers="{show}" {extra}>
  <narrative><![CDATA[<p>Public narrative.</p>]]></narrative>
  <document href="https://example.org/doc.pdf" size="1 MB">A document</document>
  <question id="q1" type="single" points="2">
    <prompt><![CDATA[<p>Pick one.</p>]]></prompt>
    <option id="a" correct="true">Alpha<feedback>SECRET-FEEDBACK-A</feedback></option>
    <option id="b">Beta<feedback>SECRET-FEEDBACK-B</feedback></option>
    <explanation><![CDATA[<p>SECRET-EXPLANATION-1</p>]]></explanation>
  </question>
  <question id="q2" type="multiple" partial_credit="true" points="2">
    <prompt><![CDATA[<p>Pick some.</p>]]></prompt>
    <option id="x" correct="true">Ex</option>
    <option id="y" correct="true">Why</option>
    <option id="z">Zed</option>
  </question>
  <question id="q3" type="reflection" points="2" max_words="20">
    <prompt><![CDATA[<p>Write.</p>]]></prompt>
    <model_answer><![CDATA[<p>SECRET-MODEL-ANSWER</p>]]></model_answer>
    <key_point id="k1">SECRET-KEY-POINT-1</key_point>
    <key_point id="k2">SECRET-KEY-POINT-2</key_point>
  </question>
  <expert_analysis><![CDATA[<p>SECRET-EXPERT-ANALYSIS</p>]]></expert_analysis>
</emm_case_study>
"""
GOOD = {"q1": "a", "q2": ["x", "y"], "q3": "My own reflection."}
WRONG = {"q1": "b", "q2": ["z"], "q3": "Another reflection."}


@pytest.fixture
def case(scenario):
    def make(attempts=2, policy="best", show="submitted", extra=""):
        return scenario(CASE.format(attempts=attempts, policy=policy, show=show, extra=extra))
    return make


def state(handlers, uid, student="student_1"):
    b = handlers.block(uid, student)
    return {name: getattr(b, name) for name in ("draft", "answers", "ticks", "assessed", "submitted", "attempts",
                                                 "history", "raw_earned", "raw_possible")}


def test_submit_scores_on_the_server_publishes_grade_completion_and_tracking(case, handlers, events):
    uid = case()
    r = handlers.post(uid, "submit", {"answers": {"q1": "a", "q2": ["x", "z"], "q3": "Text"}})
    assert r.status_code == 200, r.content
    body = r.json_body
    assert body["score"] == 2.0 and body["max_score"] == 6.0  # q1 2, q2 (1-1)/2 -> 0, q3 pending
    assert body["needs_assessment"] is True and body["attempts_left"] == 1
    statuses = {q["id"]: q["status"] for q in body["questions"]}
    assert statuses == {"q1": "correct", "q2": "incorrect", "q3": "pending"}
    assert events.grades == [{"user": "student_1", "block": uid, "raw_earned": 2.0, "raw_possible": 6.0,
                              "only_if_higher": None}]
    assert events.completions == [{"user": "student_1", "completion": 1.0}]
    [event] = events.named("emm.case_study.submitted")
    assert event["data"]["questions"]["q1"] == {"kind": "single", "answer": "a", "correctness": "correct",
                                                "points": 2.0, "max_points": 2.0}
    assert Claim.objects.filter(block_key=uid, slot="attempt-1").count() == 1
    assert events.named("emm.case_study.answers_shown")


def test_a_case_imported_without_a_name_is_an_error_in_studio_yet_answered(scenario, handlers):
    """As every block (decision 53): a missing name refuses the author's save and shows in Studio,
    and keeps no learner out (before, the case study alone said "not ready yet" to its learners)."""
    uid = scenario(CASE.format(attempts=2, policy="best", show="submitted", extra="")
                   .replace('display_name="Test case"', 'display_name=" "'))
    messages = handlers.block(uid).validate().to_json()["messages"]
    assert [(m["type"], m["text"]) for m in messages if m["type"] == "error"] == [("error", "Give the case a name.")]
    assert "not ready" not in handlers.view(uid).content
    assert handlers.post(uid, "submit", {"answers": GOOD}).status_code == 200


def test_self_assessment_scores_the_reflection_and_republishes(case, handlers, events):
    uid = case()
    handlers.post(uid, "submit", {"answers": GOOD})
    r = handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1"]}})
    assert r.status_code == 200, r.content
    assert r.json_body["score"] == 5.0 and r.json_body["assessed"] is True
    assert [g["raw_earned"] for g in events.grades] == [4.0, 5.0]
    again = handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1", "k2"]}})
    assert again.status_code == 409 and again.json_body["error"] == "already_assessed"
    assert handlers.block(uid).raw_earned == 5.0


@pytest.mark.parametrize("ticks,code", [
    ({"q3": ["nope"]}, "unknown_key_point"),
    ({"q1": ["k1"]}, "unknown_question"),
    ({"zz": []}, "unknown_question"),
    ({"q3": "k1"}, "invalid_ticks"),
    (["k1"], "invalid_ticks"),
])
def test_bad_self_assessment_is_refused_and_changes_nothing(case, handlers, ticks, code):
    uid = case()
    handlers.post(uid, "submit", {"answers": GOOD})
    before = state(handlers, uid)
    r = handlers.post(uid, "self_assess", {"ticks": ticks})
    assert r.status_code == 400 and r.json_body["error"] == code and r.json_body["message"]
    assert state(handlers, uid) == before


def test_self_assess_before_submit(case, handlers):
    uid = case()
    r = handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1"]}})
    assert r.status_code == 409 and r.json_body["error"] == "not_submitted"


def test_best_and_last_policies(case, handlers, events):
    for policy, expected in (("best", 4.0), ("last", 0.0)):
        uid = case(attempts=3, policy=policy)
        handlers.post(uid, "submit", {"answers": GOOD})
        handlers.post(uid, "try_again", {})
        r = handlers.post(uid, "submit", {"answers": WRONG})
        assert r.status_code == 200
        assert events.grades[-1]["raw_earned"] == expected, policy
        assert handlers.block(uid).attempts == 2


def test_attempts_without_limit_keep_the_last_ones_and_the_best(case, handlers, events):
    from emm_xblocks.common.attempts import MAX_KEPT_ATTEMPTS

    uid = case(attempts=0, policy="best")
    handlers.post(uid, "submit", {"answers": GOOD})  # 4 of 6 until the reflection is self-assessed
    block = handlers.block(uid)
    poor = {"answers": dict(WRONG), "ticks": {"q3": []}}
    block.history = block.history + [dict(poor) for _i in range(MAX_KEPT_ATTEMPTS)]
    block.attempts += MAX_KEPT_ATTEMPTS
    block.save()
    handlers.post(uid, "try_again", {})
    r = handlers.post(uid, "submit", {"answers": WRONG})
    assert r.status_code == 200, r.content
    block = handlers.block(uid)
    assert len(block.history) == MAX_KEPT_ATTEMPTS and block.attempts == MAX_KEPT_ATTEMPTS + 2
    assert block.history[0]["answers"] == GOOD and block.history[-1]["answers"] == WRONG
    assert events.grades[-1]["raw_earned"] == 4.0  # the best still counts, past 50 poorer attempts
    block.grade_policy = "last"
    assert block.calculate_score().raw_earned == 0


@pytest.mark.parametrize("answers,code", [
    ({"q1": "a", "q2": ["x"], "q3": "t", "nope": "a"}, "unknown_question"),
    ({"q1": "c", "q2": ["x"], "q3": "t"}, "unknown_option"),
    ({"q1": ["a", "b"], "q2": ["x"], "q3": "t"}, "too_many_answers"),
    ({"q1": "a", "q2": ["w"], "q3": "t"}, "unknown_option"),
    ({"q1": "a", "q2": "x", "q3": "t"}, "invalid_answer"),
    ({"q1": "a", "q2": ["x"], "q3": 5}, "invalid_answer"),
    ({"q1": "a", "q2": ["x"], "q3": "word " * 21}, "answer_too_long"),
    ({"q1": "a", "q2": ["x"], "q3": "x" * (content.MAX_ANSWER_CHARS + 1)}, "answer_too_long"),
    ({"q1": "a", "q2": ["x"]}, "missing_answers"),
    ([], "invalid_answers"),
])
def test_bad_submissions_are_refused_and_store_nothing(case, handlers, events, answers, code):
    uid = case()
    before = state(handlers, uid)
    r = handlers.post(uid, "submit", {"answers": answers})
    assert r.status_code == 400, r.content
    assert r.json_body["error"] == code and r.json_body["message"]
    assert state(handlers, uid) == before
    assert Claim.objects.filter(block_key=uid).count() == 0
    assert events.grades == [] and events.completions == []


def test_malformed_json_and_wrong_method(case, handlers):
    uid = case()
    for handler in ("submit", "save_draft", "self_assess", "try_again", "studio_submit", "document_opened"):
        r = handlers.post(uid, handler, raw="{not json")
        assert r.status_code == 400 and r.json_body["error"] == "invalid_json", handler
        assert handlers.get(uid, handler).status_code == 405


def test_draft_is_kept_on_the_server_and_validated(case, handlers):
    uid = case()
    r = handlers.post(uid, "save_draft", {"answers": {"q1": "b", "q3": "Half"}})
    assert r.status_code == 200 and r.json_body["saved"]
    assert handlers.block(uid).draft == {"q1": "b", "q3": "Half"}
    r = handlers.post(uid, "save_draft", {"answers": {"q1": "zz"}})
    assert r.status_code == 400 and r.json_body["error"] == "unknown_option"
    assert handlers.block(uid).draft == {"q1": "b", "q3": "Half"}
    html = handlers.view(uid).content
    assert "Half" in html
    handlers.post(uid, "submit", {"answers": GOOD})
    r = handlers.post(uid, "save_draft", {"answers": {"q1": "b"}})
    assert r.status_code == 409 and r.json_body["error"] == "already_submitted"


@pytest.mark.parametrize("handler", ["submit", "save_draft"])
@pytest.mark.parametrize(("lang", "said"), [
    ("en", "This text is longer than 20,000 characters: shorten it (nothing was cut)."),
    ("fr", "Ce texte dépasse 20\u202f000 caractères\u00a0: raccourcissez-le (rien n’a été coupé)."),
])
def test_an_answer_over_the_character_limit_says_characters_not_words(case, handlers, handler, lang, said):
    """A written answer longer than ``MAX_ANSWER_CHARS`` (a crafted request: the page's counter stops
    it first) is refused with the character limit in the learner's language, not "300 words at
    most" (trial finding s32); the draft already on the server is kept, nothing is stored."""
    uid = case()
    handlers.post(uid, "save_draft", {"answers": {"q3": "My draft."}})
    before = state(handlers, uid)
    r = handlers.post(uid, handler, {"answers": {**GOOD, "q3": "x" * (content.MAX_ANSWER_CHARS + 1)}}, lang=lang)
    assert r.status_code == 400, r.content
    assert r.json_body == {"error": "answer_too_long", "message": said, "question": "q3"}
    assert state(handlers, uid) == before and before["draft"] == {"q3": "My draft."}


def test_an_answer_with_too_many_words_still_says_words(case, handlers):
    """Within the character limit, too many words is said in words (``max_words`` of q3: 20)."""
    uid = case()
    r = handlers.post(uid, "submit", {"answers": {**GOOD, "q3": "word " * 21}})
    assert r.status_code == 400 and r.json_body["error"] == "answer_too_long"
    assert r.json_body["message"] == "This answer is too long (20 words at most)."
    r = handlers.post(uid, "save_draft", {"answers": {"q3": "word " * 21}})  # a draft may have too many words
    assert r.status_code == 200 and handlers.block(uid).draft == {"q3": ("word " * 21).strip()}


def test_attempt_limit_and_reset(case, handlers, events):
    uid = case(attempts=2)
    r = handlers.post(uid, "try_again", {})
    assert r.status_code == 409 and r.json_body["error"] == "not_submitted"
    assert handlers.post(uid, "submit", {"answers": WRONG}).status_code == 200
    again = handlers.post(uid, "submit", {"answers": GOOD})
    assert again.status_code == 409 and again.json_body["error"] == "already_submitted"
    r = handlers.post(uid, "try_again", {})
    assert r.status_code == 200 and r.json_body["draft"] == WRONG and r.json_body["attempts_left"] == 1
    assert events.named("emm.case_study.reset")
    assert handlers.post(uid, "submit", {"answers": GOOD}).status_code == 200
    before = state(handlers, uid)
    r = handlers.post(uid, "try_again", {})
    assert r.status_code == 409 and r.json_body["error"] == "no_attempts_left"
    assert state(handlers, uid) == before
    assert Claim.objects.filter(block_key=uid).count() == 2


def test_concurrent_submit_cannot_take_an_attempt_twice(case, handlers, events):
    """Another request claimed attempt 1 a moment ago (its state is not saved yet): refused."""
    uid = case(attempts=1)
    user_key = handlers.block(uid).user_key()
    Claim.objects.create(block_key=uid, user_key=user_key, slot="attempt-1")
    before = state(handlers, uid)
    r = handlers.post(uid, "submit", {"answers": GOOD})
    assert r.status_code == 409 and r.json_body["error"] == "submit_conflict"
    assert state(handlers, uid) == before
    assert events.grades == []
    assert Claim.objects.filter(block_key=uid).count() == 1


def test_two_stale_blocks_submitting_at_once(case, handlers):
    """Two requests that both loaded the state before either saved: only one attempt is taken."""
    uid = case(attempts=1)
    first, second = handlers.block(uid), handlers.block(uid)
    bodies = []
    for block in (first, second):
        from webob import Request
        req = Request.blank("/", method="POST", body=json.dumps({"answers": GOOD}).encode())
        bodies.append(block.handle("submit", req))
    assert sorted(r.status_code for r in bodies) == [200, 409]
    assert Claim.objects.filter(block_key=uid).count() == 1


def test_answers_after_last_attempt_policy(case, handlers):
    uid = case(attempts=2, show="finished")
    r = handlers.post(uid, "submit", {"answers": WRONG})
    assert r.json_body["revealed"] is False
    assert "SECRET-EXPERT-ANALYSIS" not in json.dumps(r.json_body)
    assert "SECRET-MODEL-ANSWER" not in json.dumps(r.json_body)
    # the chosen option's feedback is earned by the submit; the explanation gives the answer
    # away for the next attempt, so it waits for the author's policy like the model answers
    assert "SECRET-FEEDBACK-B" in json.dumps(r.json_body) and "SECRET-FEEDBACK-A" not in json.dumps(r.json_body)
    assert "SECRET-EXPLANATION-1" not in json.dumps(r.json_body)
    handlers.post(uid, "try_again", {})
    r = handlers.post(uid, "submit", {"answers": WRONG})
    assert r.json_body["revealed"] is True
    assert "SECRET-EXPERT-ANALYSIS" in r.json_body["html"] and "SECRET-MODEL-ANSWER" in r.json_body["html"]
    assert "SECRET-EXPLANATION-1" in r.json_body["html"]


def test_never_shows_answers(case, handlers):
    uid = case(show="never")
    r = handlers.post(uid, "submit", {"answers": GOOD})
    text = json.dumps(r.json_body)
    assert "SECRET-EXPERT-ANALYSIS" not in text and "SECRET-MODEL-ANSWER" not in text
    assert "SECRET-EXPLANATION-1" not in text
    assert "SECRET-KEY-POINT-1" in text  # needed for the self-assessment


def test_document_opened_tracking(case, handlers, events):
    uid = case()
    assert handlers.post(uid, "document_opened", {"index": 0}).status_code == 200
    assert events.named("emm.case_study.document_opened")[0]["data"]["index"] == 0
    for bad in (1, -1, "0", True):
        r = handlers.post(uid, "document_opened", {"index": bad})
        assert r.status_code == 400 and r.json_body["error"] == "unknown_document"


def test_rescore_and_staff_override(case, handlers, events):
    uid = case()
    handlers.post(uid, "submit", {"answers": GOOD})
    block = handlers.block(uid)
    block.rescore(only_if_higher=False)
    assert events.grades[-1]["raw_earned"] == 4.0 and events.grades[-1]["only_if_higher"] is False
    from xblock.scorable import Score
    block.set_score(Score(1.0, 6.0))
    block.publish_grade()
    assert events.grades[-1]["raw_earned"] == 1.0


def test_errors_are_translated(case, handlers):
    uid = case()
    r = handlers.post(uid, "try_again", {}, lang="fr")
    assert r.json_body["error"] == "not_submitted" and r.json_body["message"]


def test_learners_cannot_use_studio_handlers(case, handlers):
    uid = case()
    for handler in ("studio_submit", "studio_validate"):
        r = handlers.post(uid, handler, {"display_name": "hacked", "questions": []})
        assert r.status_code == 403 and r.json_body["error"] == "forbidden"
    assert handlers.block(uid).display_name == "Test case"


def test_staff_can_save_and_validate(case, handlers):
    uid = case()
    data = handlers.block(uid, "staff_1").load_content()
    payload = content.to_plain(data)
    payload["display_name"] = "Renamed"
    r = handlers.post(uid, "studio_submit", payload, student="staff_1")
    assert r.status_code == 200, r.content
    assert handlers.block(uid).display_name == "Renamed"
    bad = dict(payload, questions=[dict(payload["questions"][0], options=[
        dict(o, correct=True) for o in payload["questions"][0]["options"]])])
    r = handlers.post(uid, "studio_submit", bad, student="staff_1")
    assert r.status_code == 400 and r.json_body["error"] == "invalid_content"
    assert any(p["field"] == "questions.0.options" for p in r.json_body["problems"])
    assert len(handlers.block(uid).load_content().questions) == 3
    r = handlers.post(uid, "studio_validate", bad, student="staff_1")
    assert r.status_code == 200 and any(p["error"] for p in r.json_body["problems"])


# ------------------------------------------------------------------ secrets
def _secrets(case):
    found = [case.expert_analysis]
    for q in case.questions:
        found += [q.explanation, q.model_answer]
        found += [kp.text for kp in q.key_points]
        found += [o.feedback for o in q.options if o.feedback]
    return [s for s in found if s]


def _plain(html):
    from emm_xblocks.common.sanitize import plain_text
    return plain_text(html)


def test_a_draft_keeps_its_save_time_and_the_page_is_given_it(case, handlers):
    """decision 117: the page compares it with the time of the answers kept on the device."""
    uid = case()
    assert handlers.block(uid).draft_saved == 0
    before = int(time.time() * 1000)
    saved = handlers.post(uid, "save_draft", {"answers": {"q3": "Half"}}).json_body["saved_at"]
    assert before <= saved <= int(time.time() * 1000) + 1
    assert handlers.block(uid).draft_saved == saved
    assert f'"draft_saved": {saved}' in handlers.view(uid).content


@pytest.mark.parametrize("name", sorted(p.name for p in SCENARIOS.glob("emm_case_study-*.xml")))
def test_fresh_learner_sees_no_secret(scenario, handlers, name):
    from lxml import etree
    xml = (SCENARIOS / name).read_text(encoding="utf-8")
    uid = scenario(xml)
    demo = olx.from_xml(etree.fromstring(xml.encode("utf-8")))
    secrets = [_plain(s) for s in _secrets(demo)]
    correct_ids = {o.id for q in demo.questions for o in q.options if o.correct}
    assert len(secrets) >= 10
    outputs = [handlers.view(uid).content, handlers.view(uid, lang="fr").content,
               json.dumps(handlers.block(uid).student_view_data())]
    payload = {"answers": {demo.questions[0].id: demo.questions[0].options[0].id}}
    outputs.append(json.dumps(handlers.post(uid, "save_draft", payload).json_body))
    outputs.append(json.dumps(handlers.post(uid, "submit", payload).json_body))  # incomplete: refused
    outputs.append(json.dumps(handlers.post(uid, "self_assess", {"ticks": {}}).json_body))
    outputs.append(json.dumps(handlers.post(uid, "try_again", {}).json_body))
    outputs.append(json.dumps(handlers.post(uid, "document_opened", {"index": 0}).json_body))
    everything = "\n".join(outputs)
    plain = " ".join(_plain(everything).split())
    for secret in secrets:
        assert secret not in everything and secret not in plain, secret[:60]
    assert 'correct' not in everything.replace("emm-correct", "")
    data = handlers.block(uid).student_view_data()
    for q in data["questions"]:
        for o in q["options"]:
            assert set(o) == {"id", "text"}
    assert correct_ids  # ids are shown (they are the options' values) but never flagged


def test_demo_scenarios_are_loaded_and_valid():
    from emm_xblocks.case_study.block import CaseStudyBlock
    titles = [t for t, _xml in CaseStudyBlock.workbench_scenarios()]
    assert len(titles) == 4
    assert "Agadez after the repeal of law 2015-36" in titles and "Deux adolescents à Assamaka" in titles


def test_olx_round_trip_through_the_runtime(scenario, handlers):
    from lxml import etree
    xml = (SCENARIOS / "emm_case_study-3-en.xml").read_text(encoding="utf-8")
    uid = scenario(xml)
    block = handlers.block(uid)
    node = etree.Element("x")
    block.add_xml_to_node(node)
    original = olx.to_xml(olx.from_xml(etree.fromstring(xml.encode("utf-8"))))
    assert etree.tostring(node) == etree.tostring(original)


def test_distribution_is_shown_above_the_group_size_only(case, handlers):
    uid = case(extra='show_distribution="true" min_group_size="2"')
    r = handlers.post(uid, "submit", {"answers": GOOD})
    assert r.json_body["distribution"]["suppressed"] is True
    r = handlers.post(uid, "submit", {"answers": WRONG}, student="student_2")
    dist = r.json_body["distribution"]
    assert dist["suppressed"] is False and dist["respondents"] == 2
    assert [o["count"] for o in dist["questions"][0]["options"]] == [1, 1]
    assert Answer.objects.filter(block_key=uid).exclude(group__endswith=".*").count() == 5
    # and each submission's row saying it answered the multiple-choice q2 (decision 94)
    assert list(Answer.objects.filter(block_key=uid, group__endswith=".*").values_list("group", "value")) == [
        ("q2.*", "1"), ("q2.*", "1")]
    # issue 10: each question named, with how many answered it
    named = [(q["number"], q["prompt"], q["n"]) for q in dist["questions"]]
    assert named == [(1, "Pick one.", 2), (2, "Pick some.", 2)]
    html = r.json_body["html"]
    assert "Question 1: Pick one." in html and "Question 2: Pick some." in html
    assert html.count("2 participants answered") == 2


def test_views_render(case, handlers):
    uid = case()
    assert "Public narrative" in handlers.view(uid, "author_view", student="staff_1").content
    assert "SECRET-EXPERT-ANALYSIS" in handlers.view(uid, "author_view", student="staff_1").content
    assert handlers.view(uid, "studio_view", student="staff_1").content
    handlers.post(uid, "submit", {"answers": GOOD})
    html = handlers.view(uid).content
    assert "SECRET-FEEDBACK-A" in html and "Your results" in html
    assert "&lt;" not in html  # the server-rendered results are markup, not escaped twice
    assert handlers.block(uid).index_dictionary()["content"]["display_name"] == "Test case"
    assert handlers.block(uid).validate().messages  # q2 and q3 have no explanation: warnings


def test_imported_javascript_urls_never_reach_the_page(scenario, handlers):
    uid = scenario('<emm_case_study display_name="x"><narrative><![CDATA[<p>Case</p>]]></narrative>'
                   '<document href="javascript:alert(document.cookie)">Leaflet</document>'
                   '<image src="javascript:alert(1)" alt="A map"/>'
                   '<question id="q1" kind="single"><prompt>Q?</prompt><option id="a" correct="true">A</option>'
                   '<option id="b">B</option></question></emm_case_study>')
    html = handlers.view(uid).body_html()
    data = json.dumps(handlers.block(uid).student_view_data())
    assert "javascript:" not in html and "javascript:" not in data


@pytest.mark.parametrize("field,value", [("weight", "1e400"), ("weight", 10 ** 400), ("attempts_allowed", 1e400),
                                         ("attempts_allowed", "--5")])
def test_crafted_numbers_in_the_editor_are_field_errors(case, handlers, field, value):
    uid = case()
    r = handlers.post(uid, "studio_validate", {"display_name": "x", field: value}, student="staff_1")
    assert r.status_code == 200
    assert field in {p["field"] for p in r.json_body["problems"]}


# each names its question, as the validators do (bug hunt "new": "Saisissez un nombre." said no more)
RANGE = "Question\u00a01\u00a0: les points doivent être supérieurs à 0 et ne pas dépasser 100."


@pytest.mark.parametrize("value,message", [
    ("1e400", RANGE), ("-1e400", RANGE), ("deux", "Question\u00a01\u00a0: les points doivent être un nombre.")])
def test_a_question_s_points_that_cannot_be_read_say_why_in_the_author_s_language(case, handlers, value, message):
    uid = case()
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    data["questions"][0]["points"] = value
    r = handlers.post(uid, "studio_submit", data, student="staff_1", lang="fr")
    assert r.status_code == 400
    assert {"field": "questions.0.points", "message": message, "error": True,
            "code": "unreadable_value"} in r.json_body["problems"]
    assert handlers.block(uid).load_content().questions[0].points == 2  # nothing saved


def test_far_too_many_questions_say_the_most_a_case_keeps(case, handlers):
    """A crafted (or scripted) save of 500 questions: the most a case keeps is said, not "This list
    could not be read." (trial s30), and nothing is saved; 51 are read, and the checks name them."""
    uid = case()
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    question = data["questions"][0]
    for many, message in ((500, "Cette liste est trop longue\u00a0: au plus 50\u00a0éléments peuvent être "
                                "enregistrés."), (51, "Une étude de cas peut comporter au maximum 50 questions.")):
        data["questions"] = [dict(question, id=f"q{i}") for i in range(many)]
        r = handlers.post(uid, "studio_submit", data, student="staff_1", lang="fr")
        assert r.status_code == 400
        assert {"field": "questions", "message": message, "error": True} in r.json_body["problems"]
    assert len(handlers.block(uid).load_content().questions) == 3


def test_a_crafted_correct_flag_is_a_field_error(case, handlers):
    """Trial s31: a crafted ``"correct": "true"`` was read as false and ``"partial_credit": "no"`` as
    off, in silence; each is now a problem at its field."""
    uid = case()
    question = {"id": "q1", "kind": "single", "prompt": "Q?", "points": 1,
                "options": [{"id": "a", "text": "A", "correct": "true"}, {"id": "b", "text": "B", "correct": False}],
                "partial_credit": "no"}
    r = handlers.post(uid, "studio_validate", {"display_name": "x", "questions": [question]}, student="staff_1")
    fields = {p["field"]: p["message"] for p in r.json_body["problems"]}
    assert fields["questions.0.options.0.correct"] == "Choose yes or no."
    assert fields["questions.0.partial_credit"] == "Choose yes or no."


# ------------------------------------------------------------------ issue 7/8: the one shape
def rows_at(data, path):
    """The list of the editor's JSON ``data`` at ``path`` ("questions.0.options"), made if missing."""
    *parents, key = path.split(".")
    for part in parents:
        data = data[int(part)] if part.isdigit() else data[part]
    return data.setdefault(key, [])


@pytest.mark.parametrize("path", ["questions", "sections", "documents", "images", "profile_options",
                                  "questions.0.options", "questions.2.key_points"])
def test_a_row_that_is_not_an_object_is_a_problem_at_that_row_and_nothing_is_saved(case, handlers, path):
    """Trial s32: a crafted save with ``"questions": [1, null, {...}]`` kept the objects and dropped
    the rest in silence. Each such row is a problem at its own row, the save refused whole."""
    uid = case()
    before = handlers.block(uid, "staff_1").load_content()
    data = content.to_plain(before)
    data["narrative"] = "<p>Changed narrative.</p>"
    rows_at(data, path)[:0] = [1, None]  # before the rows that are objects (if any)
    unread = [(f"{path}.0", "Item 1 of this list could not be read.", "unreadable_row"),
              (f"{path}.1", "Item 2 of this list could not be read.", "unreadable_row")]
    r = handlers.post(uid, "studio_validate", data, student="staff_1")
    assert [(p["field"], p["message"], p.get("code")) for p in r.json_body["problems"] if p["error"]] == unread
    r = handlers.post(uid, "studio_submit", data, student="staff_1")
    assert r.status_code == 400 and r.json_body["error"] == "invalid_content", r.content
    assert [(p["field"], p["message"], p.get("code")) for p in r.json_body["problems"]] == unread
    assert handlers.block(uid).load_content() == before  # nothing saved, the narrative included


def test_old_olx_max_attempts_still_imports_and_exports_as_attempts_allowed(scenario, handlers):
    from lxml import etree
    uid = scenario(CASE.replace('attempts_allowed="{attempts}"', 'max_attempts="{attempts}"')
                   .format(attempts=1, policy="best", show="submitted", extra=""))
    block = handlers.block(uid)
    # the platform's own name: only its InheritanceMixin brings ``max_attempts``, never our class
    assert block.attempts_allowed == 1 and "max_attempts" not in type(block).unmixed_class.fields
    node = etree.Element("x")
    block.add_xml_to_node(node)
    assert node.get("attempts_allowed") == "1" and node.get("max_attempts") is None
    assert handlers.post(uid, "submit", {"answers": GOOD}).status_code == 200
    r = handlers.post(uid, "try_again", {})
    assert r.status_code == 409 and r.json_body["error"] == "no_attempts_left"


def test_student_view_data_is_content_only_and_the_learner_state_has_its_own_handler(case, handlers):
    uid = case(attempts=2)
    data = handlers.block(uid).student_view_data()
    assert {"submitted", "attempts", "attempts_left", "draft", "answers"}.isdisjoint(data)
    assert data["attempts_allowed"] == 2 and data["max_score"] == 6.0 and [q["id"] for q in data["questions"]] == [
        "q1", "q2", "q3"]

    def user_state():
        r = handlers.get(uid, "student_view_user_state")
        assert r.status_code == 200
        return r.json()

    assert user_state() == {"submitted": False, "attempts": 0, "attempts_left": 2, "can_retry": False, "draft": {},
                            "answers": {}, "assessed": False, "ticks": {}, "score": None, "max_score": 6.0,
                            "grade_held": False, "profile": "", "refusal": None}
    handlers.post(uid, "save_draft", {"answers": {"q1": "b"}})
    assert user_state()["draft"] == {"q1": "b"}
    handlers.post(uid, "submit", {"answers": GOOD})
    handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1"]}})
    state = user_state()
    assert state["submitted"] and state["answers"] == GOOD and state["draft"] == {}
    assert state["attempts"] == 1 and state["attempts_left"] == 1 and state["can_retry"]
    assert state["ticks"] == {"q3": ["k1"]} and state["score"] == 5.0
    assert handlers.block(uid).student_view_data() == data  # still no learner in it


def test_a_none_setting_falls_back_to_its_default(case, handlers):
    """An inherited or explicit None in a settings field never crashes a view or a handler."""
    uid = case(attempts=2)
    handlers.author_settings(uid, **dict.fromkeys(
        ("attempts_allowed", "grade_policy", "show_answers", "weight", "min_group_size", "display_name")))
    assert "Public narrative" in handlers.view(uid).content
    assert handlers.post(uid, "submit", {"answers": GOOD}).status_code == 200
    assert handlers.block(uid).load_content().attempts_allowed == 0


def test_content_with_errors_is_not_submitted(scenario, handlers, events):
    uid = scenario('<emm_case_study display_name="Broken"><narrative>N</narrative>'
                   '<question id="q1" type="single"><prompt>Q?</prompt><option id="a" correct="true">A</option>'
                   '<option id="b" correct="true">B</option></question></emm_case_study>')
    r = handlers.post(uid, "submit", {"answers": {"q1": "a"}})
    assert r.status_code == 409 and r.json_body["error"] == "not_ready" and r.json_body["message"]
    assert handlers.block(uid).attempts == 0 and events.grades == []


def test_show_correctness_never_hides_score_verdicts_feedback_and_answers(case, handlers, events):
    """The subsection's ``show_correctness`` (inherited through the platform's ``InheritanceMixin``,
    ``xmodule/modulestore/inheritance.py``)."""
    uid = case(attempts=2, show="submitted")
    handlers.subsection_settings(uid, show_correctness="never")
    r = handlers.post(uid, "submit", {"answers": {"q1": "b", "q2": ["x"], "q3": "Text"}})
    assert r.status_code == 200, r.content
    body = r.json_body
    text = json.dumps(body)
    assert body["score"] is None and body["grade"] is None and body["revealed"] is False
    assert {q["status"] for q in body["questions"]} == {"submitted"}
    for secret in ("SECRET-FEEDBACK-B", "SECRET-EXPLANATION-1", "SECRET-MODEL-ANSWER", "SECRET-EXPERT-ANALYSIS",
                   "Correct", "Incorrect", "Points:", "Submitted:"):
        assert secret not in text, secret
    assert "SECRET-KEY-POINT-1" in body["html"]  # the self-assessment still needs them
    assert body["announcement"] == "Your answers were submitted."
    assert events.grades[-1]["raw_earned"] == 1.0  # the gradebook still gets the grade (q2: 1 of 2)
    page = handlers.view(uid).content
    assert "SECRET-FEEDBACK-B" not in page and "Points:" not in page and "Your results" in page
    state = handlers.get(uid, "student_view_user_state").json()
    assert state["submitted"] and state["score"] is None
    handlers.subsection_settings(uid, show_correctness="always")
    shown = handlers.view(uid).content
    assert "SECRET-FEEDBACK-B" in shown and "Points:" in shown


def test_one_submit_builds_the_case_once(case, handlers, monkeypatch):
    """Issue 7 counted six rebuilds of the case from its stored fields in one submit."""
    from emm_xblocks.common import content_cache

    uid = case()
    built = []
    real = content.from_fields
    monkeypatch.setattr(content, "from_fields", lambda values: built.append(1) or real(values))
    content_cache._parsed.cache_clear()
    assert handlers.post(uid, "submit", {"answers": GOOD}).status_code == 200
    assert handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1"]}}).status_code == 200
    assert len(built) == 1


def test_after_the_due_date_answers_are_refused_but_documents_still_open(case, handlers, events):
    import datetime

    uid = case()
    handlers.subsection_settings(uid, due=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    r = handlers.post(uid, "submit", {"answers": GOOD})
    assert r.status_code == 403 and r.json_body["error"] == "past_due"
    assert handlers.block(uid).attempts == 0 and events.grades == []
    r = handlers.post(uid, "document_opened", {"index": 0})
    assert r.status_code == 200 and events.named("emm.case_study.document_opened")


# ------------------------------------------------------------------ an address that will not do, and why
@pytest.mark.parametrize("address,code,french", [
    ("https://example.org/photo carte.JPG", "url_space",
     "Image 1\u00a0: l’adresse contient une espace. Écrivez chaque espace %20"),
    ("/static/carte agadez.png", "url_space", "Image 1\u00a0: l’adresse contient une espace."),
    ("C:\\Users\\moussa\\Desktop\\carte.png", "url_local_file",
     "Image 1\u00a0: «\u00a0C:\\Users\\moussa\\Desktop\\carte.png\u00a0» est un fichier de votre ordinateur"),
    ("carte.png", "url_not_allowed", "Image 1\u00a0: indiquez une adresse web (https://...) ou un fichier du cours "
     "(/static/...)."),
    ("/static/../admin/carte.png", "url_leaves_course",
     "Image 1\u00a0: «\u00a0/static/../admin/carte.png\u00a0» remonte hors des fichiers du cours"),
])
def test_the_live_check_says_what_is_wrong_with_an_image_address(case, handlers, address, code, french):
    uid = case()
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    data["images"] = [{"src": address, "alt": "Carte d’Agadez", "caption": ""}]
    r = handlers.post(uid, "studio_validate", data, student="staff_1", lang="fr")
    (problem,) = [p for p in r.json_body["problems"] if p["field"] == "images.0.src"]
    assert problem["message"].startswith(french) and problem["error"] is True
    assert problem.get("code", "") == code


@pytest.mark.parametrize("address,code,said", [
    ("javascript:alert(1)", "url_not_allowed",
     "Document 1: give a web address (https://...) or a course file (/static/...)."),
    ("file:///C:/docs/ordonnance.pdf", "url_local_file",
     "Document 1: “file:///C:/docs/ordonnance.pdf” is a file on your computer"),
])
def test_a_document_s_address_that_will_not_do_says_why_and_which_will(case, handlers, address, code, said):
    uid = case()
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    data["documents"] = [{"title": "Ordonnance", "url": address, "size": "", "excerpt": ""}]
    r = handlers.post(uid, "studio_submit", data, student="staff_1")
    assert r.status_code == 400
    (problem,) = [p for p in r.json_body["problems"] if p["field"] == "documents.0.url"]
    assert problem["code"] == code and problem["message"].startswith(said)


def test_an_imported_document_that_leaves_the_course_files_is_named_and_never_linked(scenario, handlers):
    """``/static/%2e%2e/admin`` in imported OLX, which no editor saw: Studio says why (the save of
    the editor would be refused), the learner's page shows the document without the link (a
    browser would open the site's /admin, trial s31)."""
    uid = scenario(CASE.format(attempts=1, policy="best", show="submitted", extra="").replace(
        '<document href="https://example.org/doc.pdf" size="1 MB">A document</document>',
        '<document href="/static/%2e%2e/admin" size="1 MB">Ordonnance 2015-36</document>'))
    messages = [m.text for m in handlers.block(uid, "staff_1").validate().messages]
    assert any(m.startswith("Document 1: “/static/%2e%2e/admin” goes up out of the course files") for m in messages)
    html = handlers.view(uid).content
    assert "Ordonnance 2015-36" in html and "%2e%2e" not in html and "/admin" not in html


# ------------------------------------------------------------------ lists in the reader's typography
def test_the_correct_options_are_joined_the_french_way(case, handlers):
    uid = case(show="submitted")
    r = handlers.post(uid, "submit", {"answers": WRONG}, lang="fr")
    assert r.status_code == 200, r.content
    assert "<bdi>Ex</bdi>\u202f; <bdi>Why</bdi>" in r.json_body["html"]  # "Ex ; Why", never "Ex; Why"
    english = handlers.post(uid, "submit", {"answers": WRONG}, student="student_2").json_body["html"]
    assert "<bdi>Ex</bdi>; <bdi>Why</bdi>" in english
    # two right answers are "answers" (facilitator trial s38: « Bonne réponse » before three)
    assert "Bonnes réponses\u00a0: <bdi>Ex</bdi>" in r.json_body["html"] and "Correct answers: <bdi>Ex</bdi>" in english
    assert "Correct answer: <bdi>" in english  # the question with one


def test_a_multiple_choice_names_the_correct_answers_the_learner_left_out(case, handlers):
    """Learner trial s38: "Correct answers: Ex; Why" above "Your answer: Ex" left a phone's reader
    comparing two lists; the panel now says which correct answer was not chosen, in the reader's plural."""
    uid = case(show="submitted")
    one = handlers.post(uid, "submit", {"answers": {**GOOD, "q2": ["x", "z"]}}).json_body["html"]
    assert '<p class="emm-missed-answer">You did not choose this correct answer: <bdi>Why</bdi></p>' in one
    both = handlers.post(uid, "submit", {"answers": WRONG}, student="student_2", lang="fr").json_body["html"]
    assert ("Vous n’avez pas choisi ces bonnes réponses\u00a0: <bdi>Ex</bdi>\u202f; <bdi>Why</bdi>" in both)
    right = handlers.post(uid, "submit", {"answers": GOOD}, student="student_3").json_body["html"]
    assert "emm-missed-answer" not in right and "Correct answers: <bdi>Ex</bdi>" in right
    hidden = case(show="never")  # no correct answer shown: none named either
    assert "emm-missed-answer" not in handlers.post(hidden, "submit", {"answers": WRONG}).json_body["html"]


def test_the_page_asks_for_the_answer_it_reads_and_gets_the_same_panel(case, handlers, events):
    """``"reply": "page"`` (what ``emm-case-study.js`` sends): the rendered panel, the attempts left
    and the words to announce, nothing the page does not read; the panel is the same bytes as in
    the whole answer the mobile apps and scripts get by default, and the attempt is kept as one."""
    from emm_xblocks.case_study.views import PAGE_READS

    uid = case(attempts=3)
    whole = handlers.post(uid, "submit", {"answers": GOOD})
    assert whole.status_code == 200 and {"questions", "score", "grade_words"} <= whole.json_body.keys()
    assert handlers.post(uid, "try_again", {}).status_code == 200
    page = handlers.post(uid, "submit", {"answers": GOOD, "reply": "page"})
    assert page.status_code == 200, page.content
    assert {"submitted", "attempts_left", "announcement", "html"} <= set(page.json_body) <= set(PAGE_READS)
    assert page.json_body["submitted"] is True and page.json_body["attempts_left"] == 1
    assert "SECRET-FEEDBACK-A" in page.json_body["html"] and page.json_body["announcement"]
    assert len(page.content) < 0.8 * len(whole.content)
    assert state(handlers, uid)["attempts"] == 2 and len(events.grades) == 2
    again = handlers.post(uid, "state", {"reply": "page"})
    assert set(again.json_body) <= set(PAGE_READS) and again.json_body["html"] == page.json_body["html"]
    full = handlers.post(uid, "state", {"reply": "full"})
    assert full.json_body["html"] == page.json_body["html"] and "questions" in full.json_body


@pytest.mark.parametrize("reply", ["pages", "", 1, None, ["page"], {"page": True}])
def test_an_unknown_answer_shape_is_refused_and_keeps_nothing(case, handlers, events, reply):
    uid = case()
    before = state(handlers, uid)
    r = handlers.post(uid, "submit", {"answers": GOOD, "reply": reply})
    assert r.status_code == 400 and r.json_body["error"] == "invalid_request" and r.json_body["message"]
    assert state(handlers, uid) == before and events.grades == []
    assert Claim.objects.filter(block_key=uid).count() == 0



# ------------------------------------------------------------------ answers recorded as shown when shown (bug hunt s44)
@pytest.mark.parametrize("settings", [{"show_correctness": "never"}, {"showanswer": "never"}])
def test_no_answers_shown_event_while_the_platform_hides_the_answers(scenario, handlers, events, settings):
    """(Bug hunt s44.) ``emm.case_study.answers_shown`` ("the answers are revealed to a learner for the
    first time", docs/case_study.md; xAPI ``asked`` on ``<block>/answer``, as ERB maps ``showanswer``)
    was published where the platform kept the answers hidden: the pure action decided "revealed" from
    the author's ``show_answers`` alone, and the answer the learner got was then cut by the platform's
    settings (``views.shown_feedback``: ``show_correctness`` hides correctness and the answers,
    ``showanswer="never"`` the answers). A learner who saw no answer was counted in the tracking log
    and in Aspects as having been shown them."""
    uid = scenario(CASE.format(attempts=2, policy="best", show="submitted", extra=""))
    handlers.subsection_settings(uid, **settings)
    body = handlers.post(uid, "submit", {"answers": GOOD}).json_body
    # what the learner was shown: no correct answer, no explanation, no model answer, no analysis
    for secret in ("SECRET-EXPLANATION-1", "SECRET-MODEL-ANSWER", "SECRET-EXPERT-ANALYSIS"):
        assert secret not in body["html"]
    assert body.get("revealed") is False
    assert events.named("emm.case_study.answers_shown") == []
    # nor when the self-assessment that follows would reveal them
    assert handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1", "k2"]}}).status_code == 200
    assert events.named("emm.case_study.answers_shown") == [] and handlers.block(uid).answers_shown is False
    assert "SECRET-EXPLANATION-1" not in handlers.view(uid).content
    assert events.named("emm.case_study.answers_shown") == []  # nor when the page shows the feedback again


def test_answers_shown_after_the_due_date_are_recorded_on_the_first_page_that_shows_them(case, handlers, events):
    """(Bug hunt s44.) With ``show_correctness="past_due"`` the answers appear once the due date has
    passed, on the learner's next page: no event said so (the state already said "shown" from the
    submit that showed nothing). Now the submit records nothing, and the first page that shows them
    records them, once; staff viewing the course as the learner record nothing for them."""
    import datetime

    uid = case()
    due = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    handlers.subsection_settings(uid, show_correctness="past_due", due=due)
    body = handlers.post(uid, "submit", {"answers": GOOD}).json_body
    assert body["revealed"] is False and "SECRET-EXPLANATION-1" not in body["html"]
    assert "SECRET-EXPLANATION-1" not in handlers.view(uid).content
    assert events.named("emm.case_study.answers_shown") == []

    past = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    handlers.subsection_settings(uid, show_correctness="past_due", due=past)
    staff = handlers.platform.lms(handlers.user("staff_1"), masquerade_as=handlers.user("student_1"))
    assert "SECRET-EXPLANATION-1" in staff.html(handlers.key(uid))
    assert events.named("emm.case_study.answers_shown") == [] and handlers.block(uid).answers_shown is False
    page = handlers.view(uid).content
    assert "SECRET-EXPLANATION-1" in page and "Points:" in page  # the feedback, with its grade, as before
    assert [e["data"] for e in events.named("emm.case_study.answers_shown")] == [{"attempt": 1}]
    assert handlers.block(uid).answers_shown is True
    assert "SECRET-EXPLANATION-1" in handlers.view(uid).content
    assert len(events.named("emm.case_study.answers_shown")) == 1  # once
