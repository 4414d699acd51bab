"""The case-study block's LMS report (``generate_report_data``), its in-page documents, the
results announcement and the Studio editor's payload, through the platform-faithful runtime."""

import json
from types import SimpleNamespace

import pytest
from django.utils import translation
from xblock.fields import Scope

from emm_xblocks.case_study import content
from emm_xblocks.case_study.content import size_bytes
from emm_xblocks.workbench.services import LmsI18nService

CASE = """
<emm_case_study display_name="Report case" max_attempts="3" show_answers="submitted">
  <narrative><![CDATA[<p>Public narrative.</p>]]></narrative>
  <document size="3 KB">The law, article 1<excerpt><![CDATA[<p>ARTICLE-ONE <strong>text</strong></p>
    <script>alert(1)</script>]]></excerpt></document>
  <document href="https://example.org/report.pdf" size="2,4 Mo">Annual report</document>
  <document href="/static/leaflet.pdf" size="800 KB">Leaflet</document>
  <question id="q1" type="single" points="2">
    <prompt><![CDATA[<p>Pick <em>one</em> &amp; only one.</p>]]></prompt>
    <option id="a" correct="true">Alpha</option>
    <option id="b">Beta</option>
  </question>
  <question id="q2" type="multiple" partial_credit="true" points="2">
    <prompt><![CDATA[<p>Pick some.</p>]]></prompt>
    <option id="x" correct="true">Ex</option>
    <option id="y" correct="true">Why</option>
    <option id="z">Zed</option>
  </question>
  <question id="q3" type="reflection" points="2">
    <prompt><![CDATA[<p>Write.</p>]]></prompt>
    <model_answer><![CDATA[<p>Model.</p>]]></model_answer>
    <key_point id="k1">One</key_point>
    <key_point id="k2">Two</key_point>
  </question>
</emm_case_study>
"""
GOOD = {"q1": "a", "q2": ["x", "y"], "q3": "My own reflection."}


@pytest.fixture
def uid(scenario):
    return scenario(CASE)


def stored_state(handlers, uid, student):
    """What the LMS's user-state client gives for a learner: the user_state fields, as JSON."""
    block = handlers.block(uid, student)
    fields = {name: field.read_from(block) for name, field in block.fields.items()
              if field.scope == Scope.user_state and field.is_set_on(block)}
    return SimpleNamespace(username=f"user-{student}", state=json.loads(json.dumps(fields)))


# ------------------------------------------------------------------ generate_report_data
def test_problem_responses_report_lists_each_learners_answers_and_correctness(uid, handlers):
    handlers.post(uid, "submit", {"answers": GOOD}, student="s1")
    handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1"]}}, student="s1")
    handlers.post(uid, "submit", {"answers": {"q1": "b", "q2": ["x", "z"], "q3": "Short."}}, student="s2")
    handlers.post(uid, "try_again", {}, student="s2")  # "try again", not submitted yet: the last attempt counts
    handlers.post(uid, "save_draft", {"answers": {"q1": "a"}}, student="s3")  # a draft only: no row
    states = [stored_state(handlers, uid, s) for s in ("s1", "s2", "s3")]
    assert states[2].state and "history" not in states[2].state

    staff_view = handlers.block(uid, "staff_1")  # the LMS loads the block without any learner
    rows = list(staff_view.generate_report_data(iter(states)))
    assert [user for user, _row in rows] == ["user-s1"] * 3 + ["user-s2"] * 3
    first = rows[0][1]
    assert first["Question"] == "Pick one & only one." and first["Answer"] == "Alpha"
    assert first["Correct"] == "Yes" and first["Points"] == "2/2" and first["Attempt"] == 1
    assert [r["Correct"] for _u, r in rows] == ["Yes", "Yes", "Partly", "No", "No", "Not yet self-assessed"]
    assert [r["Answer"] for _u, r in rows[3:]] == ["Beta", "Ex; Zed", "Short."]
    assert {"Question", "Answer", "Correct"} <= set(first)

    assert len(list(staff_view.generate_report_data(iter(states), limit_responses=4))) == 4
    assert list(staff_view.generate_report_data(iter(states), limit_responses=0)) == []


def test_report_columns_follow_the_language(uid, handlers):
    handlers.post(uid, "submit", {"answers": GOOD}, student="s1")
    state = stored_state(handlers, uid, "s1")
    with translation.override("fr"):
        block = handlers.block(uid, "staff_1")
        row = next(block.generate_report_data(iter([state])))[1]
    with translation.override("fr"):
        french = block.i18n_service.gettext
        assert set(row) == {french(k) for k in ("Question ID", "Question", "Answer", "Correct", "Points", "Attempt")}
    assert "Réponse" in row and "Answer" not in row


# ------------------------------------------------------------------ documents
def test_the_viewer_gets_the_sanitised_excerpt_and_is_tracked(uid, handlers, events):
    html = handlers.view(uid).content
    assert "ARTICLE-ONE" not in html  # sent only when the learner opens the document
    assert "data-viewer" in html and 'rel="noopener noreferrer"' in html and 'target="_blank"' in html
    assert html.count("data-large") == 1  # 2,4 Mo is large; 800 KB is not
    r = handlers.post(uid, "document_opened", {"index": 0, "via": "viewer"})
    assert r.status_code == 200 and "ARTICLE-ONE <strong>text</strong>" in r.json_body["html"]
    assert "script" not in r.json_body["html"]
    r = handlers.post(uid, "document_opened", {"index": 1, "via": "link"})
    assert r.status_code == 200 and r.json_body["html"] == ""
    assert [e["data"]["via"] for e in events.named("emm.case_study.document_opened")] == ["viewer", "link"]
    assert events.named("emm.case_study.document_opened")[1]["data"]["url"] == "https://example.org/report.pdf"
    r = handlers.post(uid, "document_opened", {"index": 0, "via": "download"})
    assert r.status_code == 400 and r.json_body["error"] == "invalid_request"
    data = handlers.block(uid).student_view_data()
    assert "ARTICLE-ONE" in data["documents"][0]["excerpt"] and "script" not in data["documents"][0]["excerpt"]


@pytest.mark.parametrize("text,expected", [
    ("1.2 MB", 1_200_000), ("800 KB", 800_000), ("2,4 Mo", 2_400_000), ("3 Go", 3_000_000_000),
    ("512 ko", 512_000), ("web page", None), ("", None), ("15 pages", 15),
    ("9" * 400 + " MB", None), ("9" * 400, None), ("2" * 20 + " GB", None), ("999 GB", 999_000_000_000),
])
def test_size_bytes(text, expected):
    assert size_bytes(text) == expected



def test_an_impossible_document_size_neither_breaks_the_page_nor_passes_unnoticed(scenario, handlers):
    huge = "9" * 400 + " MB"
    uid = scenario(CASE.replace('size="2,4 Mo"', f'size="{huge}"'))
    html = handlers.view(uid).body_html()
    assert "Annual report" in html and 'href="https://example.org/report.pdf"' in html
    assert "data-large" not in html.split("Annual report")[1].split("</li>")[0]
    messages = handlers.block(uid).validate().messages
    assert [m.type for m in messages if "cannot be read" in m.text] == ["warning"]


def test_the_author_preview_never_links_an_unsafe_address(scenario, handlers):
    uid = scenario(CASE.replace('href="https://example.org/report.pdf"', 'href="javascript:alert(document.cookie)"'))
    html = handlers.view(uid, "author_view", student="staff_1").body_html()
    assert 'href="javascript:' not in html and "javascript:alert(document.cookie)" in html
    # a safe address stays a link (written by Studio's preview as the course's asset address)
    assert '<a href="/asset-v1:EMM+EMM2+2026+type@asset+block/leaflet.pdf"' in html


# ------------------------------------------------------------------ results announcement
def test_submit_announces_the_score_and_each_verdict(uid, handlers):
    r = handlers.post(uid, "submit", {"answers": {"q1": "a", "q2": ["x"], "q3": "Text"}})
    assert r.json_body["announcement"] == ("Submitted: 3 points out of 6. Question 1: Correct. Question 2: Partly "
                                           "correct. Question 3: Waiting for your self-assessment.")
    french = handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1", "k2"]}}, lang="fr").json_body["announcement"]
    with translation.override("fr"):
        service = LmsI18nService()
        score = service.ngettext("{earned} point out of {possible}", "{earned} points out of {possible}", 5).format(
            earned=5, possible=6)
        assert french.startswith(service.gettext("Submitted: {score}.").format(score=score))
        assert service.gettext("Partly correct") in french and french.endswith(service.gettext("Correct") + ".")


# ------------------------------------------------------------------ the editor's payload
def test_editor_saves_documents_and_images_and_refuses_bad_ones(uid, handlers):
    payload = content.to_plain(handlers.block(uid, "staff_1").load_content())
    payload["documents"] = [{"title": "Only an excerpt", "url": "", "size": "", "excerpt": "<p>Read me</p>"}]
    payload["images"] = [{"src": "/static/map.png", "alt": "Map of the Agadez region", "caption": ""}]
    r = handlers.post(uid, "studio_submit", payload, student="staff_1")
    assert r.status_code == 200, r.content
    case = handlers.block(uid).load_content()
    assert case.documents[0].excerpt == "<p>Read me</p>" and case.images[0].alt == "Map of the Agadez region"

    payload["documents"][0].update(excerpt="", url="ftp://x")
    payload["images"][0]["alt"] = " "
    r = handlers.post(uid, "studio_submit", payload, student="staff_1")
    assert r.status_code == 400
    assert {p["field"] for p in r.json_body["problems"]} >= {"documents.0.url", "images.0.alt"}
    assert handlers.block(uid).load_content().documents[0].excerpt == "<p>Read me</p>"


def test_editor_view_is_a_form_with_every_setting(uid, handlers):
    html = handlers.view(uid, "studio_view", student="staff_1").content
    for key in ("narrative", "key_facts", "expert_analysis"):
        assert f'data-key="{key}"' in html, key
    for key in ("display_name", "weight", "attempts_allowed", "grade_policy", "show_answers", "topic",
                "estimated_minutes", "show_distribution", "min_group_size"):  # the settings
        assert f'data-field="{key}"' in html, key
    for name in ("sections", "documents", "images", "questions"):
        assert f'data-list="{name}"' in html and f'data-add="{name}"' in html, name
    assert "Edit as JSON" in html and "emm-form-studio.js" in str(
        handlers.view(uid, "studio_view", student="staff_1").resources)


# ------------------------------------------------------------------ documentation
def test_every_tracking_event_and_olx_element_is_documented():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    docs = (root / "docs" / "case_study.md").read_text(encoding="utf-8")
    # the questions' OLX is shared with the knowledge check (common/question_olx.py)
    sources = [*(root / "emm_xblocks" / "case_study").glob("*.py"), root / "emm_xblocks" / "common" / "question_olx.py"]
    code = "".join(p.read_text(encoding="utf-8") for p in sources)
    published = set(re.findall(r'"(emm\.case_study\.[a-z_]+)"', code))
    assert len(published) == 5
    for name in published:
        assert f"`{name}`" in docs, name
    written = set(re.findall(r'(?:SubElement|add_element|add_text|add_html|add_html_child)\(\w+, "([a-z_]+)"', code))
    assert written >= {"narrative", "section", "key_facts", "fact", "document", "excerpt", "image", "question",
                       "option", "feedback", "key_point", "model_answer", "explanation", "expert_analysis", "prompt"}
    for element in written:
        assert f"`{element}`" in docs, element
