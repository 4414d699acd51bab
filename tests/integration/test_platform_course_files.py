"""Course files (``/static/...``, uploaded in Studio's Files & Uploads) in what a handler answers.

The LMS writes a course file's address as the course's asset address in a rendered view only
(``replace_urls_wrapper``, ``lms/djangoapps/courseware/block_render.py``; tests/openedx/static_replace.py).
A handler's answer goes to the browser as it is (``_invoke_xblock_handler``): a role-play's next
node, a case study's results or the facilitator pack showed the author's course images and
documents as broken links, ``/static/...`` being no address in the LMS (bug hunt s43). The blocks
write them through the ``replace_urls`` service, as the view is written.

Bug hunt s44: the rewriting undid what the blocks escaped.

1. Author HTML. nh3 leaves ``'`` (and ``"`` in text) as they are, so sanitised HTML can hold a
   quote, ``/static/``, a ``#`` and then the start of an attribute whose value holds markup:
   ``<p>'/static/a#<abbr title="'<img src=x onerror=...>">``. nh3 keeps it (the ``<img`` is
   inside a title); the rewriting deletes ``#<abbr title="`` and the ``<img onerror>`` is markup:
   on the learner's page (``student_view``), in Studio's preview and in the facilitator pack (a
   whole page in the LMS's origin, opened by course staff). Content from a shared library or an
   imported course's OLX is exactly what ``clean_html`` is there to make safe.
2. Learner text in JSON. A learner's text sent back as a plain JSON string (a Likert comment in the
   staff's results, a case study's answer) has its ``"`` written ``\\"`` by ``json.dumps``: a comment
   ``see "/static/notes#`` opens a quoted address that the rewriting closes at the next ``\\"`` of
   the answer (an attribute of the results' HTML) and cuts out what is between: the staff's results
   are no longer JSON, and the panel fails for every facilitator.
"""

import json
import re
from pathlib import Path

from lxml import html as lxml_html

from tests.integration.platform_blocks import CASE, ROLE_PLAY, choices
from tests.openedx.fixtures import platform  # noqa: F401

ASSET = "/asset-v1:EMM+EMM2+2026+type@asset+block/"


def static_addresses(text):
    return re.findall(r"""["']/static/(?!xblock/)[^"']*""", text)


def test_a_role_play_s_next_node_shows_its_course_image(platform):  # noqa: F811
    olx = ROLE_PLAY.format(extra="").replace(
        '<node id="n-mid">', '<node id="n-mid"><image src="/static/desk.png" alt="The desk"/>').replace(
        "<p>MID-TEXT</p>", '<p>MID-TEXT <img src="/static/map%20niger.png" alt="Map"></p>')
    key = platform.add(olx, platform.subsection())
    ana = platform.lms(platform.user("ana"))
    started = ana.handle(key, "begin", {"role": "r1"})
    moved = ana.handle(key, "choose", {"choice": choices(started)["Listen first"]})
    assert moved.status == 200 and "MID-TEXT" in moved.json["html"]
    assert f'src="{ASSET}desk.png"' in moved.json["html"]
    assert f'src="{ASSET}map%20niger.png"' in moved.json["html"]
    assert static_addresses(moved.json["html"]) == []
    # the page itself, as the LMS wrote it already
    assert f'src="{ASSET}desk.png"' in ana.html(key) and static_addresses(ana.html(key)) == []


def test_a_case_study_s_results_show_their_course_files(platform):  # noqa: F811
    olx = CASE.format(extra='show_answers="submitted"', more="").replace(
        "<p>SECRET-EXPERT-ANALYSIS</p>",
        '<p>SECRET-EXPERT-ANALYSIS <a href="/static/law.pdf">Law</a> <img src="/static/chart.png" alt="Chart"></p>')
    key = platform.add(olx, platform.subsection())
    ana = platform.lms(platform.user("ana"))
    result = ana.handle(key, "submit", {"answers": {"q1": "a"}, "reply": "page"})
    assert result.status == 200
    body = result.body.decode("utf-8")
    assert "SECRET-EXPERT-ANALYSIS" in body
    assert f'href=\\"{ASSET}law.pdf\\"' in body and f'src=\\"{ASSET}chart.png\\"' in body
    assert static_addresses(body.replace('\\"', '"')) == []


def test_the_facilitator_pack_links_the_case_s_course_files(platform):  # noqa: F811
    olx = CASE.format(extra="", more="").replace(
        "<p>Public narrative.</p>", '<p>Public narrative. <img src="/static/route.png" alt="Route"></p>')
    key = platform.add(olx, platform.subsection())
    staff = platform.lms(platform.user("staff_1", role="staff"))
    pack = staff.handle(key, "facilitator_pack", method="GET")
    assert pack.status == 200 and pack.content_type == "text/html"
    page = pack.body.decode("utf-8")
    assert f'src="{ASSET}route.png"' in page and static_addresses(page) == []


SCENARIOS = Path(__file__).resolve().parents[2] / "emm_xblocks/workbench/scenarios"
NARRATIVE = """<p>See '/static/map.png#<abbr title="'<img src=x onerror=window.__pwned=1>">the map</abbr>.</p>"""


def case_with_narrative(html):
    xml = (SCENARIOS / "emm_case_study-1-en.xml").read_text()
    return re.sub(r"<narrative><!\[CDATA\[.*?\]\]></narrative>", f"<narrative><![CDATA[{html}]]></narrative>", xml,
                  count=1, flags=re.S)


def handlers_of_events(page):
    """Every element of ``page`` with an event-handler attribute (``onerror``, ``onload``...)."""
    tree = lxml_html.fromstring(page)
    return [(el.tag, dict(el.attrib)) for el in tree.iter()
            if isinstance(el.tag, str) and any(name.lower().startswith("on") for name in el.attrib)]


def test_sanitised_author_html_stays_inert_on_the_learners_page(scenario, handlers):
    uid = scenario(case_with_narrative(NARRATIVE))
    page = handlers.view(uid, student="student_1").content
    assert "the map" in page
    assert handlers_of_events(page) == []


def test_sanitised_author_html_stays_inert_in_studios_preview(scenario, handlers):
    uid = scenario(case_with_narrative(NARRATIVE))
    page = handlers.view(uid, view="author_view", student="staff_1").content
    assert "the map" in page
    assert handlers_of_events(page) == []


def test_sanitised_author_html_stays_inert_in_the_facilitator_pack(scenario, handlers):
    uid = scenario(case_with_narrative(NARRATIVE))
    response = handlers.get(uid, "facilitator_pack", student="staff_1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "the map" in page
    assert handlers_of_events(page) == []


STATEMENTS = ("relevance", "job_needs", "objectives", "pace", "facilitators", "exchange", "child_trafficking")


def test_a_learners_comment_does_not_break_the_staffs_results(scenario, handlers):
    uid = scenario((SCENARIOS / "emm_likert-1-en.xml").read_text())
    comments = ['The map is at "/static/notes#2, thanks', "Useful", "Good", "Fine", "OK", "Merci"]
    for i, comment in enumerate(comments):
        r = handlers.post(uid, "submit", {"answers": {s: 4 for s in STATEMENTS}, "comment": comment},
                          student=f"student_{i}")
        assert r.status_code == 200
    response = handlers.post(uid, "get_results", {}, student="staff_1")
    assert response.status_code == 200
    body = json.loads(response.content)  # today: "Expecting ',' delimiter" (the staff's panel fails)
    assert comments[0] in body["comments"] and "Results" in body["html"]


def test_a_learners_written_answer_quoting_a_course_file_does_not_strand_them(scenario, handlers):
    """A reflection that quotes a course file's address with a page (``"/static/guide.pdf#p2``): the
    submit is kept, but its answer, and every ``state`` read after it, is no longer JSON, so the
    learner's page says "Something went wrong" and never shows their feedback."""
    uid = scenario((SCENARIOS / "emm_case_study-1-en.xml").read_text())
    text = ("word " * 40) + 'as the guide "/static/guide.pdf#p2 says'
    submitted = handlers.post(uid, "submit", {"answers": {"smuggling": "smuggling", "still_apply": ["nonrefoulement"],
                                                          "policy": text}})
    assert submitted.status_code == 200
    assert json.loads(submitted.content)["submitted"] is True
    assert json.loads(handlers.post(uid, "state", {}).content)["submitted"] is True

def test_a_learners_answer_quoting_a_course_file_comes_back_as_written(scenario, handlers):
    """(Review s44.) Only the markup a page puts in has its course addresses written: a learner's
    own text (an answer, a draft) quoting "/static/guide.pdf" came back as the asset's address."""
    uid = scenario((SCENARIOS / "emm_case_study-1-en.xml").read_text())
    text = ("word " * 40) + 'as the guide "/static/guide.pdf" says'
    submitted = handlers.post(uid, "submit", {"answers": {"smuggling": "smuggling", "still_apply": ["nonrefoulement"],
                                                          "policy": text}})
    assert submitted.status_code == 200
    state = json.loads(handlers.get(uid, "student_view_user_state").content)
    assert state["answers"]["policy"] == text, state["answers"]["policy"]


def test_a_learners_draft_quoting_a_course_file_comes_back_as_written(scenario, handlers):
    uid = scenario((SCENARIOS / "emm_case_study-1-en.xml").read_text())
    text = 'see "/static/guide.pdf" first'
    assert handlers.post(uid, "save_draft", {"answers": {"policy": text}}).status_code == 200
    state = json.loads(handlers.get(uid, "student_view_user_state").content)
    assert state["draft"]["policy"] == text, state["draft"]["policy"]
