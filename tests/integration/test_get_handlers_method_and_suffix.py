"""The handlers opened with GET (the staff downloads, the live room's screen and figures, the
facilitator pack, the learner's state for the mobile apps) check their request as the POST
handlers do (``common.handlers.get_handler``): another method than GET or HEAD answers 405
``method_not_allowed``, a suffix the handler does not have (``…/export_csv/bogus``) 404
``not_found``, JSON with the code and translated words -- but the facilitator pack, a whole page
opened in a browser tab, answers them as a small page (``handlers.page_handler``) with the same
code (``data-error``) and words; nothing is served in their place. The addresses the pages link to
(GET, the plain file and its ``…/excel`` variant) still answer."""

import re
from html import unescape
from pathlib import Path

import pytest

from emm_xblocks.common.codes import STATUS

DEMOS = Path(__file__).resolve().parents[2] / "emm_xblocks" / "workbench" / "scenarios"
STAFF = "staff_1"
DOWNLOADS = {  # handler: its suffixes (the plain file, its Excel variant)
    "emm_likert-1-en.xml": ["export_csv", "export_profile_csv", "export_codebook"],
    "emm_case_study-1-en.xml": ["export_distribution"],
    "emm_role_play-1-en.xml": ["export_perspectives"],
    "emm_evaluation_report-1-en.xml": ["export_csv"],
}
READS = {  # handler: only its address itself
    "emm_likert-1-en.xml": ["student_view_user_state", "live_screen", "live_poll", "facilitator_pack"],
    "emm_case_study-1-en.xml": ["student_view_user_state", "live_screen", "live_poll", "facilitator_pack"],
    "emm_role_play-1-en.xml": ["student_view_user_state", "live_screen", "live_poll", "facilitator_pack"],
    "emm_knowledge_check-1-en-pre.xml": ["student_view_user_state", "facilitator_pack"],
}
CASES = [(demo, handler) for table in (DOWNLOADS, READS) for demo, names in table.items() for handler in names]
PAGES = {"facilitator_pack"}  # whole pages opened in a tab: their refusals are pages, the rest JSON


def call(handlers, uid, handler, method="GET", suffix="", student=STAFF, lang="en"):
    from django.utils import translation

    with translation.override(lang):
        return handlers._context(student, handler).handle(handlers.key(uid), handler, {}, method=method, suffix=suffix)


@pytest.fixture
def demo(scenario):
    return lambda name: scenario((DEMOS / name).read_text(encoding="utf-8"))


def coded(response, code, handler=""):
    """The refusal's translated words: from its JSON, or from its page where ``handler`` is one."""
    if handler in PAGES:
        assert response.status == STATUS[code], (response.status, response.body[:300])
        assert response.content_type == "text/html", response.content_type
        page = response.body.decode("utf-8")
        assert f'data-error="{code}"' in page and "<script" not in page
        return unescape(re.search(r"<main>.*?<p>(.*?)</p>", page, re.S).group(1))
    assert response.status == STATUS[code] and response.json["error"] == code, (response.status, response.body[:300])
    assert response.content_type == "application/json"
    return response.json["message"]


@pytest.mark.parametrize(("name", "handler"), CASES)
@pytest.mark.parametrize("method", ["POST", "DELETE", "PUT"])
def test_another_method_than_get_is_405(demo, handlers, name, handler, method):
    uid = demo(name)
    response = call(handlers, uid, handler, method=method)
    assert coded(response, "method_not_allowed", handler) == "This address must be opened with GET."
    assert response.headers["Allow"] == "GET, HEAD"
    french = coded(call(handlers, uid, handler, method=method, lang="fr"), "method_not_allowed", handler)
    assert french != "This address must be opened with GET." and "GET" in french


@pytest.mark.parametrize(("name", "handler"), CASES)
@pytest.mark.parametrize("suffix", ["bogus", "excel/1", "csv", "EXCEL"])
def test_an_unknown_suffix_is_404_not_the_plain_file(demo, handlers, name, handler, suffix):
    uid = demo(name)
    assert coded(call(handlers, uid, handler, suffix=suffix), "not_found", handler) == \
        "There is nothing at this address: check the link."
    french = coded(call(handlers, uid, handler, suffix=suffix, lang="fr"), "not_found", handler)
    assert french != "There is nothing at this address: check the link."
    # a learner learns nothing more of a staff address from it than from a right one
    assert call(handlers, uid, handler, suffix=suffix, student="student_1").status in (403, 404)


@pytest.mark.parametrize(("name", "handler"), CASES)
def test_the_address_itself_still_answers_get_and_head(demo, handlers, name, handler):
    uid = demo(name)
    for method in ("GET", "HEAD"):
        for suffix in ["", "excel", "excel/"] if handler in DOWNLOADS.get(name, []) else ["", "/"]:
            response = call(handlers, uid, handler, method=method, suffix=suffix)
            assert response.status not in (404, 405, 500), (method, suffix, response.status, response.body[:200])


@pytest.mark.parametrize("name", ["emm_likert-1-en.xml", "emm_role_play-1-en.xml", "emm_case_study-1-en.xml"])
def test_the_links_on_the_staff_page_are_answered(demo, handlers, name):
    """Every handler address the staff's page links to (a download, its Excel variant, the pack)
    is one its handler answers with GET."""
    uid = demo(name)
    page = handlers.view(uid, student=STAFF).body_html()
    links = set(re.findall(r'href="[^"]*/handler/([a-z_]+)(?:/([^"?]*))?', page))
    assert links, page[:500]
    for handler, suffix in links:
        response = call(handlers, uid, handler, suffix=suffix)
        assert response.status not in (404, 405, 500), (handler, suffix, response.status)


POSTS = {  # the POST handlers: a learner action (common/pipeline.py), the others (common/handlers.py json_handler)
    "emm_likert-1-en.xml": ["submit", "state", "get_results", "studio_validate", "live_session"],
    "emm_case_study-1-en.xml": ["submit", "try_again", "document_opened"],
    "emm_role_play-1-en.xml": ["begin", "choose", "studio_convert"],
    "emm_knowledge_check-1-en-pre.xml": ["submit"],
}


@pytest.mark.parametrize(("name", "handler"), [(d, h) for d, names in POSTS.items() for h in names])
def test_a_post_handler_s_address_with_a_suffix_is_404_and_does_nothing(demo, handlers, name, handler):
    """``…/submit/anything`` is no address of ``submit``: refused before the body is read, as
    a GET handler's unknown suffix is; the address itself, with or without its trailing "/",
    still reaches the handler."""
    uid = demo(name)
    for suffix in ("bogus", "excel", "a/b"):
        response = call(handlers, uid, handler, method="POST", suffix=suffix, student="student_1")
        assert coded(response, "not_found") == "There is nothing at this address: check the link."
    for suffix in ("", "/"):
        response = call(handlers, uid, handler, method="POST", suffix=suffix, student="student_1")
        assert response.status != 404, (suffix, response.status, response.body[:200])


def test_a_whole_submit_sent_to_a_wrong_address_keeps_nothing(demo, handlers):
    uid = demo("emm_likert-1-en.xml")
    ids = ["relevance", "job_needs", "objectives", "pace", "facilitators", "exchange", "child_trafficking",
           "recommend"]
    answers = {"answers": {i: 4 for i in ids}}
    context = handlers._context("student_1", "submit")
    refused = context.handle(handlers.key(uid), "submit", answers, method="POST", suffix="again")
    assert coded(refused, "not_found")
    assert handlers.post(uid, "state", {}, student="student_1").json_body["submitted"] is False
    kept = handlers._context("student_1", "submit").handle(handlers.key(uid), "submit", answers, method="POST")
    assert kept.status == 200, kept.body[:300]
    assert handlers.post(uid, "state", {}, student="student_1").json_body["submitted"] is True


CACHE_STATEMENTS = ("relevance", "job_needs", "objectives", "pace", "facilitators", "exchange", "child_trafficking")


def test_the_comments_csv_is_never_kept_by_a_cache(scenario, handlers):
    """(Bug hunt s44.) The CSVs hold learners' answers (a Likert's comments word for word) and had no
    ``Cache-Control``; the LMS adds none to a handler's answer: a proxy or a training room's shared
    computer could keep them. The pack is ``private, no-store`` for the same reason (decision 32)."""
    uid = scenario((DEMOS / "emm_likert-1-en.xml").read_text())
    for i in range(6):
        handlers.post(uid, "submit", {"answers": {s: 4 for s in CACHE_STATEMENTS},
                                      "comment": f"My manager ignores me ({i})"}, student=f"student_{i}")
    for suffix in ("", "excel"):
        response = handlers.get(uid, "export_csv", student="staff_1", suffix=suffix)
        assert response.status_code == 200 and b"My manager ignores me" in response.content
        assert "no-store" in response.headers.get("Cache-Control", ""), response.headers


def test_the_learners_own_answers_for_the_apps_are_never_kept_by_a_cache(scenario, handlers):
    uid = scenario((DEMOS / "emm_case_study-1-en.xml").read_text())
    text = ("word " * 40) + "my private reflection"
    handlers.post(uid, "submit", {"answers": {"smuggling": "smuggling", "still_apply": ["nonrefoulement"],
                                              "policy": text}})
    response = handlers.get(uid, "student_view_user_state")
    assert response.status_code == 200 and b"my private reflection" in response.content
    assert "no-store" in response.headers.get("Cache-Control", ""), response.headers
