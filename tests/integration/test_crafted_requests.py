"""Crafted requests, generated (hypothesis), to every POST handler of the three blocks, through the
platform-faithful runtime (tests/openedx): whatever JSON a learner or course staff sends, a handler
answers either its answer or ``{"error": <a code of common.codes>, "message": <words>}`` with that
code's status -- never a server error -- and the block still renders for the learner afterwards.

The payloads mix the keys the handlers read (``answers``, ``choice``, ``statements``...) and the
block's real ids with any JSON: nested lists and objects, huge and negative numbers, NaN and
infinities (Python's ``json`` reads them), long and odd strings.
"""

from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emm_xblocks.common.codes import STATUS

SCENARIOS = Path(__file__).resolve().parents[2] / "emm_xblocks" / "workbench" / "scenarios"
BLOCKS = {  # a demo of each block, and the ids its handlers know
    "emm_likert": ("emm_likert-1-en.xml", ["relevance", "job_needs", "pace", "gov"]),
    "emm_case_study": ("emm_case_study-1-en.xml", ["smuggling", "trafficking", "still_apply", "nothing", "policy",
                                                   "evidence", "gov"]),
    "emm_role_play": ("emm_role_play-1-en.xml", ["officer", "social-worker", "po-arrival", "po-uncle", "gov"]),
}
LEARNER = {
    "emm_likert": ["submit", "state"],
    "emm_case_study": ["save_draft", "submit", "self_assess", "try_again", "state", "document_opened"],
    "emm_role_play": ["begin", "choose", "back", "restart", "state"],
}
STAFF = ["studio_validate", "studio_submit", "live_session"]
KEYS = ["answers", "comment", "profile", "choice", "role", "ticks", "index", "via", "action_id", "reply", "draft",
        "xml", "display_name", "statements", "questions", "nodes", "roles", "bands", "confirm", "action", "scale",
        "results", "min_group_size", "weight", "attempts_allowed", "grade_policy", "custom_labels", "intro",
        "profile_prompt", "profile_options", "content_language", "narrative", "documents", "key_facts", "id",
        "text", "kind", "options", "points", "goto", "start", "ending", "day"]

scalars = (st.none() | st.booleans() | st.integers(-(2 ** 70), 2 ** 70) | st.floats()
           | st.text(max_size=40) | st.sampled_from(["", " ", "na", "0", "-1", "1e309", "<script>x()</script>",
                                                     "a" * 3000, "\u202e\u0000\ufffd", "🙂"]))


def json_values(ids):
    leaves = scalars | st.sampled_from(ids)
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.sampled_from(ids + KEYS) | st.text(max_size=8), inner, max_size=4),
                        max_leaves=10)


def payloads(ids):
    return st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), json_values(ids), max_size=6)


def answer_is_sound(response, handler, data):
    where = f"{handler} {data!r:.300}"
    assert response.exception is None, f"{where}: {response.exception!r}"
    assert response.status_code in (200, 400, 403, 409, 413), f"{where}: {response.status_code}"
    if response.status_code != 200:
        body = response.json_body
        assert isinstance(body, dict) and body.get("error") in STATUS, f"{where}: {body!r:.300}"
        assert STATUS[body["error"]] == response.status_code, f"{where}: {body['error']}"
        assert isinstance(body.get("message"), str) and body["message"].strip(), f"{where}: {body!r:.300}"


def demo(kind):
    return (SCENARIOS / BLOCKS[kind][0]).read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(BLOCKS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_any_json_a_learner_sends_gets_an_answer_or_a_coded_error_never_a_crash(scenario, handlers, kind, data):
    uid = scenario(demo(kind))
    ids = BLOCKS[kind][1]
    for _ in range(3):  # a few requests in a row: each may move the learner's state on
        handler = data.draw(st.sampled_from(LEARNER[kind]), label="handler")
        payload = data.draw(payloads(ids), label="payload")
        answer_is_sound(handlers.post(uid, handler, payload), handler, payload)
    page = handlers.view(uid)  # what was kept still renders
    assert page and "Traceback" not in str(page)


@pytest.mark.parametrize("kind", sorted(BLOCKS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_any_json_course_staff_send_to_the_editor_or_the_live_room_gets_an_answer_or_a_coded_error(
        scenario, handlers, kind, data):
    uid = scenario(demo(kind))
    likert = ["get_results"] if kind == "emm_likert" else []
    by_day = ["answers_by_day", "leave_out_day"] if kind in ("emm_likert", "emm_case_study", "emm_role_play") else []
    handler = data.draw(st.sampled_from(STAFF + (["studio_convert"] if kind == "emm_role_play" else []) + likert
                                                  + by_day),
                        label="handler")
    payload = data.draw(payloads(BLOCKS[kind][1]), label="payload")
    answer_is_sound(handlers.post(uid, handler, payload, student="staff_1"), handler, payload)
    assert handlers.view(uid)  # the saved block (if anything was saved) still renders


@pytest.mark.parametrize("raw", ["", "not json", "[1, 2]", '"text"', "null", "{", '{"answers": NaN}',
                                 '{"answers": {"relevance": Infinity}}', "\xff\xfe", '{"a": ' * 500 + "1" + "}" * 500])
@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_a_body_that_is_not_a_json_object_is_a_coded_error(scenario, handlers, kind, raw):
    uid = scenario(demo(kind))
    handler = LEARNER[kind][0]
    response = handlers.post(uid, handler, raw=raw)
    answer_is_sound(response, handler, raw)
    if raw not in ('{"answers": NaN}', '{"answers": {"relevance": Infinity}}'):
        assert response.status_code == 400



@pytest.mark.parametrize(("handler", "query"), [("live_poll", "item=%ff%fe"), ("live_poll", "reveal=%ff"),
                                                ("facilitator_pack", "lang=%ff")])
def test_a_staff_address_whose_query_is_not_utf_8_is_read_as_having_none(db, handler, query):
    """Bug hunt s42: webob raises ``UnicodeDecodeError`` reading such a query, and the handler
    answered 500; the address is read as having no query (``handlers.query``)."""
    from webob import Request

    from tests.integration.platform_blocks import LIKERT
    from tests.openedx.runtime import Platform

    with translation.override("en"):
        platform = Platform()
        key = platform.add(LIKERT.format(extra=""), platform.subsection())
        context = platform.lms(platform.user("staff_q", role="staff"))
        block = context.block(key)
        response = block.runtime.handle(block, handler, Request.blank(f"/?{query}"), "")
        assert response.status_code == 200
