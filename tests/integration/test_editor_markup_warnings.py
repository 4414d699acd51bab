"""What a save removes from an author's HTML is said at its field (facilitator trial s34: a script,
an onclick, a video pasted into a case were dropped without a word, the learner's page missing
them): a warning, never a refusal; the content saved without it, in the author's language."""

from emm_xblocks.case_study import content
from tests.integration.test_editor_numbers import CASE, SURVEY


def test_a_case_study_save_says_what_it_removed_at_each_field(scenario, handlers):
    uid = scenario(CASE)
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    data["narrative"] = '<p>Read this.</p><script>alert(1)</script><iframe src="https://video.example"></iframe>'
    data["questions"][0]["prompt"] = '<p onclick="x()">First step?</p>'
    data["expert_analysis"] = "<p>Plain <strong>formatting</strong> and a <a href='https://iom.int'>link</a>.</p>"
    r = handlers.post(uid, "studio_submit", data, student="staff_1")
    assert r.status_code == 200 and r.json_body["saved"] is True
    said = {p["field"]: p["message"] for p in r.json_body["warnings"]}
    assert said["narrative"] == ("Removed when learners see it: scripts; embedded frames, videos or objects. Only "
                                 "text formatting, links, images and tables are kept.")
    assert said["questions.0.prompt"].startswith("Removed when learners see it: event handlers (onclick…).")
    assert "expert_analysis" not in said  # what is kept says nothing
    case = handlers.block(uid, "staff_1").load_content()
    assert "script" not in case.narrative and "iframe" not in case.narrative
    assert "onclick" not in case.questions[0].prompt
    checked = handlers.post(uid, "studio_validate", data, student="staff_1", lang="fr").json_body["problems"]
    assert {p["field"]: p["message"] for p in checked}["narrative"].startswith(
        "Retiré quand les participants le voient\u00a0: les scripts")


def test_a_likert_intro_with_a_javascript_link_is_said(scenario, handlers):
    uid = scenario(SURVEY)
    data = {"display_name": "Éval", "scale": "agree5", "results": "staff", "min_group_size": 5, "weight": 1,
            "intro": '<p>See <a href="javascript:alert(1)">this</a>.</p>',
            "statements": [{"id": "s1", "text": "La formation est utile."}]}
    problems = handlers.post(uid, "studio_validate", data, student="staff_1").json_body["problems"]
    [intro] = [p for p in problems if p["field"] == "intro"]
    assert "links to “javascript:”. Only" in intro["message"] and intro["error"] is False


def test_a_pasted_heading_stays_a_heading_and_other_removed_markup_is_named(scenario, handlers):
    """Author trial s38: the editors' note says the save names what it removes, but a narrative
    pasted with ``<h2>``, ``style`` and ``class`` saved "Saved." while the heading became plain text
    and the rest vanished. An h1 or h2 (the LMS page's own levels) is kept as an h3, an h6 as an h5;
    other tags and attributes are named at the field, in the author's language."""
    uid = scenario(CASE)
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    data["narrative"] = ('<h2>Contexte</h2><p style="color:red" class="note">Rouge.</p><div><font face="Arial">'
                         'Texte.</font></div><h6>Détail</h6><p><a href="https://iom.int" target="_blank">OIM</a></p>')
    r = handlers.post(uid, "studio_submit", data, student="staff_1")
    assert r.status_code == 200 and r.json_body["saved"] is True
    said = {p["field"]: p["message"] for p in r.json_body["warnings"]}
    assert said["narrative"] == ("Removed when learners see it: other markup (<div>, <font>, class, style). "
                                 "Only text formatting, links, images and tables are kept.")
    narrative = handlers.block(uid, "staff_1").load_content().narrative
    assert narrative.startswith("<h3>Contexte</h3><p>Rouge.</p>Texte.<h5>Détail</h5>")
    checked = handlers.post(uid, "studio_validate", data, student="staff_1", lang="fr").json_body["problems"]
    assert {p["field"]: p["message"] for p in checked}["narrative"].startswith(
        "Retiré quand les participants le voient\u00a0: d’autres balises ou attributs (<div>, <font>, class, style).")


def test_a_picture_pasted_into_the_text_is_said_to_need_uploading(scenario, handlers):
    """A picture pasted from a word processor comes as a ``data:`` address, which the allow-list
    removes (review s38: without a word)."""
    uid = scenario(CASE)
    data = content.to_plain(handlers.block(uid, "staff_1").load_content())
    data["narrative"] = '<p>Carte :</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="Carte">'
    said = {p["field"]: p["message"] for p in handlers.post(uid, "studio_submit", data, student="staff_1")
            .json_body["warnings"]}
    assert said["narrative"].startswith("Removed when learners see it: pictures pasted into the text (upload them")
