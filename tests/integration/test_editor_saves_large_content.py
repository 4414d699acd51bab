"""What the editor's validators accept, the editor can save: the Studio editor's handlers take a
body up to ``common.editing.EDITOR_MAX_BODY_BYTES``, derived from the largest content an editor
takes whole (a role-play's "Edit as XML" text of ``olx.MAX_XML`` characters), where every other
handler keeps the learner's 256 KB. A request past the editor's limit is refused with words that
name it; a learner's larger body still gets 413, also at an editor's handler (403 for them there)."""

import json
import re

import pytest

from emm_xblocks.common import olx
from emm_xblocks.common.editing import EDITOR_MAX_BODY_BYTES
from emm_xblocks.common.handlers import MAX_BODY_BYTES
from emm_xblocks.role_play import editor

WORDS = ("The officer listens to the family and writes down what each person says before any "
         "decision is taken about the group at the border post this morning ")  # 27 words


def role_play(nodes, narrative):
    """A chain of ``nodes`` nodes, each with ``narrative`` (HTML) and one choice, then an ending."""
    parts = ['<emm_role_play display_name="Large"><role id="r" start="n0">Officer</role>']
    for i in range(nodes):
        parts.append(f'<node id="n{i}"><narrative><![CDATA[{narrative}]]></narrative>'
                     f'<choice goto="n{i + 1}">Go on to step {i + 2}</choice></node>')
    parts.append(f'<node id="n{nodes}" ending="true"><narrative><![CDATA[<p>End</p>]]></narrative></node>')
    return "".join(parts + ["</emm_role_play>"])


def sent(data):
    """``data`` as the editor's script sends it (``JSON.stringify``: no spaces, UTF-8, no ``\\u`` escape
    of a letter or an emoji)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def body_size(data):
    return len(sent(data).encode("utf-8"))


def form_of(xml):
    scenario, problems = editor.from_editor({"xml": xml}, str)
    assert scenario is not None and not [p for p in problems if p.error], problems
    form = editor.to_editor(scenario)
    del form["xml"]  # the form tab sends the form alone
    return form


@pytest.fixture
def staff_post(handlers):
    return lambda uid, handler, data, lang=None: handlers.post(uid, handler, raw=sent(data), student="staff_1",
                                                               lang=lang)


def test_a_scenario_of_400_nodes_of_80_words_saves_from_either_tab(scenario, staff_post, handlers):
    xml = role_play(400, "<p>" + WORDS * 3 + "</p>")
    uid = scenario(xml)
    form = form_of(xml)
    assert body_size(form) > MAX_BODY_BYTES  # what was refused (413) before
    for handler in ("studio_validate", "studio_convert"):
        assert staff_post(uid, handler, form).status_code == 200
    response = staff_post(uid, "studio_submit", form)
    assert response.status_code == 200 and response.json_body["saved"], response.json_body
    response = staff_post(uid, "studio_submit", {"xml": xml.replace("Go on to step 2<", "Carry on<")})
    assert response.status_code == 200 and response.json_body["saved"], response.json_body
    assert handlers.block(uid).load_content().nodes[0].choices[0].label == "Carry on"


def test_the_longest_xml_the_tab_takes_saves_in_four_byte_characters_from_either_tab(scenario, staff_post, handlers):
    # 42 narratives of 49,000 emoji (4 bytes each in UTF-8): just under MAX_XML characters
    xml = role_play(42, "<p>" + "🙂" * 49_000 + "</p>")
    assert olx.MAX_XML - 50_000 < len(xml) <= olx.MAX_XML
    assert body_size({"xml": xml}) > 7 * 1024 * 1024
    uid = scenario(role_play(1, "<p>Start</p>"))
    response = staff_post(uid, "studio_submit", {"xml": xml})
    assert response.status_code == 200 and response.json_body["saved"], str(response.json_body)[:300]
    assert len(handlers.block(uid).load_content().nodes) == 43
    form = form_of(xml)
    assert body_size(form) <= EDITOR_MAX_BODY_BYTES
    response = staff_post(uid, "studio_submit", form)
    assert response.status_code == 200 and response.json_body["saved"], str(response.json_body)[:300]


def test_an_xml_longer_than_the_tab_takes_is_refused_with_its_limit(scenario, staff_post, handlers):
    uid = scenario(role_play(1, "<p>Start</p>"))
    xml = role_play(1, "<p>" + "x" * olx.MAX_XML + "</p>")
    response = staff_post(uid, "studio_submit", {"xml": xml})
    assert response.status_code == 400 and response.json_body["error"] == "invalid_content"
    [problem] = response.json_body["problems"]
    assert problem["field"] == "xml" and "longer than 2,097,152 characters" in problem["message"], problem


@pytest.mark.parametrize(("lang", "size"), [("en", "8 MB"), ("fr", "8 Mo")])
def test_a_request_past_the_editors_limit_names_the_limit(scenario, staff_post, handlers, lang, size):
    uid = scenario(role_play(1, "<p>Start</p>"))
    too_large = {"xml": "x" * (EDITOR_MAX_BODY_BYTES + 1)}
    for handler in ("studio_submit", "studio_validate", "studio_convert"):
        response = staff_post(uid, handler, too_large, lang=lang)
        assert response.status_code == 413 and response.json_body["error"] == "request_too_large"
        assert size in response.json_body["message"], response.json_body["message"]
    assert handlers.block(uid).load_content().nodes[0].narrative == "<p>Start</p>"


def test_a_learner_handler_keeps_the_learners_limit(scenario, handlers):
    uid = scenario(role_play(1, "<p>Start</p>"))
    response = handlers.post(uid, "begin", {"role": "r", "pad": "x" * MAX_BODY_BYTES})
    assert response.status_code == 413 and response.json_body["error"] == "request_too_large"
    assert response.json_body["message"] == "The request is too large."


def test_anyone_but_an_editor_keeps_the_learners_limit_on_an_editor_handler(scenario, handlers):
    uid = scenario(role_play(1, "<p>Start</p>"))
    large = '{"xml": "' + "x" * (2 * MAX_BODY_BYTES) + '"}'
    response = handlers.post(uid, "studio_submit", raw=large)  # a learner's large body is not read
    assert response.status_code == 413 and response.json_body["message"] == "The request is too large."
    assert handlers.post(uid, "studio_submit", raw='{"xml": "x"}').status_code == 403


# ---------------------------------------------------------------- through the workbench's own Django views
@pytest.fixture
def workbench_post(db):
    """POST a text body to a handler of a role-play in a workbench scenario, as Studio's editor in a
    browser does: through Django's request (its ``DATA_UPLOAD_MAX_MEMORY_SIZE`` applies), as staff."""
    from django.test import Client
    from workbench import scenarios

    scenarios.init_scenarios()
    name = "editor-large-body"
    scenarios.add_xml_scenario(name, name, f"<vertical_demo>{role_play(1, '<p>Start</p>')}</vertical_demo>")
    client = Client(raise_request_exception=False)
    page = client.get(f"/scenario/{name}/", {"student": "staff_1"}).content.decode()
    usage = next(u for u in re.findall(r"data-usage='([^']*)'", page) if ".emm_role_play." in u)

    def post(handler, body, lang="en"):
        return client.post(f"/handler/{usage}/{handler}/?student=staff_1&lang={lang}", data=body.encode("utf-8"),
                           content_type="application/json")

    yield post
    scenarios.remove_scenario(name)


def test_a_3_mb_save_in_the_workbench_is_read_by_the_editor_not_refused_by_django(workbench_post):
    """Trial s32: a save over Django's default ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB) got Django's
    HTML "400 Bad Request" page, before the handler: the editor's own limit (8 MB) and its answers
    were unreachable. A 3 MB scenario (40 narratives of 40,000 "é", 2 bytes each) now saves."""
    xml = role_play(40, "<p>" + "é" * 40_000 + "</p>")
    body = sent({"xml": xml})
    assert 3 * 1024 * 1024 < len(body.encode("utf-8")) < EDITOR_MAX_BODY_BYTES and len(xml) <= olx.MAX_XML
    response = workbench_post("studio_submit", body)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json"), \
        response.content[:300]
    assert json.loads(response.content)["saved"] is True
    # and the editor's own refusal of what it does not take, in JSON, in the author's words
    response = workbench_post("studio_submit", sent({"xml": "x" * (3 * 1024 * 1024)}))
    assert response.status_code == 400 and json.loads(response.content)["error"] == "invalid_content"


@pytest.mark.parametrize(("lang", "size"), [("en", "8 MB"), ("fr", "8 Mo")])
def test_a_save_past_the_editors_limit_in_the_workbench_gets_the_editors_413(workbench_post, lang, size):
    response = workbench_post("studio_submit", sent({"xml": "x" * EDITOR_MAX_BODY_BYTES}), lang=lang)
    assert response.status_code == 413, response.content[:300]
    body = json.loads(response.content)
    assert body["error"] == "request_too_large" and size in body["message"], body
