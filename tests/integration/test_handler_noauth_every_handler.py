"""Every handler of every block, found by walking the blocks' classes (the ``xblock.v1`` entry points
of the package), refuses the LMS's ``handler_noauth`` address and still answers at the page's.

``lms/djangoapps/courseware/block_render.py``: ``handle_xblock_callback_noauth`` (``@csrf_exempt``)
sets ``request.user.known = False`` and runs the handler for whoever the session names, or
``AnonymousUser``, and ``get_block_for_descriptor_internal`` then checks no access ("Do not check
access when it's a noauth request"); ``handle_xblock_callback``, the page's address, checks CSRF
and access, sets ``known = is_authenticated`` and refuses any method but GET to someone not signed
in. ``tests/openedx`` models both (``platform.lms_noauth``, ``platform.lms``).

Each handler is a ``handlers.block_handler`` of one of three families (``json_handler``: the
staff's and the editor's JSON requests; ``get_handler``: downloads, the live room's screen and
figures, the facilitator pack, the mobile state; ``pipeline.learner_handler``: the learner's
actions): at the noauth address each answers 403 ``access_not_checked`` in the person's language
(the pack, a page a tab opens, as a page), to a learner, to course staff and to a visitor, whatever
the method, and nothing is stored, published or kept in a learner's state.
"""

import copy
import re
from html import unescape
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation

from emm_xblocks.common.codes import STATUS

DEMOS = Path(__file__).resolve().parents[2] / "emm_xblocks" / "workbench" / "scenarios"
DEMO = {"emm_likert": "emm_likert-1-en.xml", "emm_case_study": "emm_case_study-1-en.xml",
        "emm_role_play": "emm_role_play-1-en.xml", "emm_knowledge_check": "emm_knowledge_check-1-en-pre.xml",
        "emm_evaluation_report": "emm_evaluation_report-1-en.xml"}
# the wrapper each family's handler is made by, as its code names it (``functools.wraps`` gives
# the wrapper the handler's own name; its code keeps where it was written)
FAMILIES = {"json_handler.<locals>.wrapper": "json", "get_handler.<locals>.wrapper": "get",
            "learner_handler.<locals>.handler": "learner"}
REFUSED = "access_not_checked"
WORDS = "Open this activity in the course, signed in to your account."


def our_blocks():
    """``{block type: class}`` of the package's ``xblock.v1`` entry points (what the LMS loads)."""
    return {e.name: e.load() for e in entry_points(group="xblock.v1") if e.value.startswith("emm_xblocks.")}


def family(handler):
    """The family of an XBlock handler function (the first of the three wrappers found unwrapping
    it), or its code's name where it is none of them."""
    inner = handler
    while inner is not None:
        if inner.__code__.co_qualname in FAMILIES:
            return FAMILIES[inner.__code__.co_qualname]
        inner = getattr(inner, "__wrapped__", None)
    return handler.__code__.co_qualname


def our_handlers():
    """``[(block type, handler name, handler function)]`` of every handler of the package's blocks."""
    return [(block_type, name, getattr(cls, name)) for block_type, cls in sorted(our_blocks().items())
            for name in sorted(dir(cls)) if getattr(getattr(cls, name, None), "_is_xblock_handler", False)]


HANDLERS = {}
for _type, _name, _handler in our_handlers():
    HANDLERS.setdefault(family(_handler), []).append((_type, _name))


def test_every_handler_of_ours_is_one_of_the_three_families_and_they_are_all_found():
    """And each is a ``block_handler`` (refused first at the noauth address): a handler written
    with ``XBlock.handler`` alone would run there."""
    others = {kind: pairs for kind, pairs in HANDLERS.items() if kind not in FAMILIES.values()}
    assert set(HANDLERS) == {"json", "get", "learner"}, others
    assert [(block_type, name) for block_type, name, handler in our_handlers()
            if handler.__code__.co_qualname != "block_handler.<locals>.checked"] == []
    assert set(our_blocks()) == set(DEMO)
    names = {name for pairs in HANDLERS.values() for _type, name in pairs}
    assert {"submit", "leave_out_day", "live_session", "export_csv", "facilitator_pack", "studio_submit",
            "student_view_user_state", "choose", "self_assess"} <= names
    assert sum(len(pairs) for pairs in HANDLERS.values()) >= 50


def stored(platform):
    """Everything a request could leave behind: the package's tables, the learners' state rows,
    what the LMS received."""
    tables = {model.__name__: list(model.objects.order_by("pk").values())
              for model in apps.get_app_config("emm_xblocks").get_models()}
    states = {key: (copy.deepcopy(row.state), row.grade, row.max_grade)
              for key, row in platform.student_modules.rows.items()}
    events = platform.events
    return tables, states, len(events.grades), len(events.completions), len(events.tracking)


@pytest.fixture
def course(scenario, handlers):
    """One block of each type from its demo, a learner's answers already in the Likert evaluation,
    and the people: a learner of the course, course staff, a visitor with no account."""
    from tests.openedx.services import User

    keys = {block_type: scenario((DEMOS / name).read_text(encoding="utf-8")) for block_type, name in DEMO.items()}
    answers = {"answers": {"relevance": 4, "job_needs": 5, "objectives": 4, "pace": 2, "facilitators": 5,
                           "exchange": 4, "child_trafficking": 4}}
    assert handlers.post(keys["emm_likert"], "submit", answers, student="student_0").status_code == 200
    people = {"learner": handlers.user("student_1"), "staff": handlers.user("staff_1"),
              "visitor": User(None, "", is_authenticated=False)}
    return keys, people


def refusal_words(result, page):
    """The refusal's words, checked to be ``access_not_checked``'s: a page for the pack, else JSON."""
    assert result.status == STATUS[REFUSED] == 403, (result.status, result.body[:300])
    if page:
        assert result.content_type == "text/html"
        text = result.body.decode("utf-8")
        assert f'data-error="{REFUSED}"' in text and "<script" not in text
        return unescape(re.search(r"<main>.*?<p>(.*?)</p>", text, re.S).group(1))
    assert result.content_type == "application/json" and result.json["error"] == REFUSED, result.json
    return result.json["message"]


@pytest.mark.parametrize("kind", ["json", "get", "learner"])
def test_the_noauth_address_refuses_every_handler_of_the_family(course, handlers, kind):
    """To anyone, with GET (a download: the evaluation's answers) or POST, before the request is
    read: first, so a crafted body, method or suffix changes nothing; nothing is kept."""
    keys, people = course
    platform = handlers.platform
    before = stored(platform)
    for block_type, name in HANDLERS[kind]:
        page = name == "facilitator_pack"
        for who, user in people.items():
            for method, suffix in (("GET", ""), ("POST", ""), ("GET", "excel"), ("PUT", "")):
                result = platform.lms_noauth(user).handle(handlers.key(keys[block_type]), name, {"day": "2026-01-01"},
                                                          method=method, suffix=suffix)
                assert refusal_words(result, page) == WORDS, (block_type, name, who, method)
    assert stored(platform) == before


def test_the_refusal_is_in_the_person_s_language(course, handlers):
    keys, people = course
    platform = handlers.platform
    seen = set()
    for lang in ("fr", "es", "ar"):
        with translation.override(lang):
            for block_type, name in (("emm_likert", "submit"), ("emm_likert", "export_csv"),
                                     ("emm_case_study", "facilitator_pack"), ("emm_role_play", "leave_out_day")):
                result = platform.lms_noauth(people["staff"]).handle(handlers.key(keys[block_type]), name, {})
                words = refusal_words(result, name == "facilitator_pack")
                assert words != WORDS and words.strip()
                seen.add((lang, words))
    assert len({words for _lang, words in seen}) == 3


def test_staff_viewing_as_a_learner_through_the_noauth_address_are_refused_too(course, handlers):
    """``setup_masquerade`` binds the block to the learner's user, whose access the platform checks;
    the request is the staff member's, marked unknown (``real_user``), with no CSRF check."""
    keys, people = course
    platform = handlers.platform
    for name, method in (("state", "POST"), ("student_view_user_state", "GET")):
        result = platform.lms_noauth(people["staff"], masquerade_as=people["learner"]).handle(
            handlers.key(keys["emm_role_play"]), name, {}, method=method)
        assert refusal_words(result, False) == WORDS


def test_a_visitor_s_get_at_the_page_s_address_is_refused_and_a_post_never_reaches_the_block(course, handlers):
    """``handle_xblock_callback`` lets someone not signed in through with GET only, marked
    ``known`` False: the platform checks no access for them either."""
    keys, people = course
    platform = handlers.platform
    before = stored(platform)
    for block_type, name in HANDLERS["get"]:
        result = platform.lms(people["visitor"]).handle(handlers.key(keys[block_type]), name, method="GET")
        assert refusal_words(result, name == "facilitator_pack") == WORDS
    for block_type, name in HANDLERS["learner"]:
        result = platform.lms(people["visitor"]).handle(handlers.key(keys[block_type]), name, {})
        assert (result.status, result.body) == (403, b"Unauthenticated")  # the platform's own
    assert stored(platform) == before


@pytest.mark.parametrize("kind", ["json", "get", "learner"])
def test_the_page_s_address_still_runs_every_handler_of_the_family(course, handlers, kind):
    """The same handlers at the page's address, from a learner and from course staff (the
    editor's in Studio, where the platform calls them): each answers as before, whatever its
    answer (a refusal of its own included), never ``access_not_checked`` nor a crash."""
    keys, _people = course
    method = "GET" if kind == "get" else "POST"
    for block_type, name in HANDLERS[kind]:
        for student in ("student_1", "staff_1"):
            context = handlers._context(student, name)
            result = context.handle(handlers.key(keys[block_type]), name, {}, method=method)
            assert result.status != 500 and result.error != REFUSED, (block_type, name, student, result.status,
                                                                       result.body[:200])


def test_the_page_s_address_keeps_a_learner_s_answers_and_gives_staff_their_files(course, handlers):
    keys, _people = course
    likert = keys["emm_likert"]
    state = handlers.get(likert, "student_view_user_state", student="student_0")
    assert state.status_code == 200 and state.json_body["submitted"] is True
    begun = handlers.post(keys["emm_role_play"], "begin", {"role": "officer"}, student="student_1")
    assert begun.status_code == 200, begun.json_body
    role_play = handlers.get(keys["emm_role_play"], "student_view_user_state", student="student_1")
    assert role_play.json_body["role"] == "officer"
    pack = handlers.get(keys["emm_case_study"], "facilitator_pack", student="staff_1")
    assert pack.status_code == 200 and pack["Content-Type"].startswith("text/html")
    assert handlers.get(likert, "export_codebook", student="staff_1").status_code == 200
    checked = handlers.post(likert, "studio_validate", {}, student="staff_1")  # in Studio's editor
    assert checked.status_code == 200 and "problems" in checked.json_body, checked.json_body


def test_the_workbench_s_requests_still_run(db):
    """xblock-sdk's workbench has no Django user behind its user service (``known`` is never
    set there): its learner's submit and state answer as before."""
    from django.test import Client
    from workbench import scenarios

    scenarios.init_scenarios()
    name = "noauth-workbench"
    scenarios.add_xml_scenario(name, name, f"<vertical_demo>{(DEMOS / DEMO['emm_likert']).read_text()}</vertical_demo>")
    try:
        client = Client(raise_request_exception=False)
        page = client.get(f"/scenario/{name}/", {"student": "student_1"}).content.decode()
        usage = next(u for u in re.findall(r"data-usage='([^']*)'", page) if ".emm_likert." in u)
        answers = '{"answers": {"relevance": 4, "job_needs": 5, "objectives": 4, "pace": 2, "facilitators": 5, ' \
                  '"exchange": 4, "child_trafficking": 4}}'
        sent = client.post(f"/handler/{usage}/submit/?student=student_1", data=answers, content_type="application/json")
        assert sent.status_code == 200, sent.content[:300]
        state = client.get(f"/handler/{usage}/student_view_user_state/?student=student_1")
        assert state.status_code == 200 and state.json()["submitted"] is True
    finally:
        scenarios.remove_scenario(name)
