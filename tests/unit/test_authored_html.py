"""Plain text typed or pasted into an editor's HTML field ("Narrative (HTML)": Word pastes plain
text into a textarea) keeps its paragraphs when saved (``common.sanitize.authored_html``), and
HTML as the demo content and OLX hold it is saved exactly as before."""

from importlib import resources

import pytest
from lxml import etree

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.case_study import olx as case_olx
from emm_xblocks.common import sanitize
from emm_xblocks.common.sanitize import authored_html, paragraphs
from emm_xblocks.knowledge_check import editor as kc_editor
from emm_xblocks.knowledge_check import olx as kc_olx
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.likert import olx as likert_olx
from emm_xblocks.role_play import editor as rp_editor
from emm_xblocks.role_play import olx as rp_olx

BLOCKS = {"emm_case_study": (case_olx, case_editor), "emm_likert": (likert_olx, likert_editor),
          "emm_role_play": (rp_olx, rp_editor), "emm_knowledge_check": (kc_olx, kc_editor)}
SCENARIOS = resources.files("emm_xblocks").joinpath("workbench", "scenarios")
DEMOS = sorted(p.name for p in SCENARIOS.iterdir() if p.name.split("-")[0] in BLOCKS)

PASTED = ("Le 3 mars, un bus arrive au centre de transit d’Assamaka.\r\n\r\n"
          "Aïcha, 16 ans, voyage avec un « oncle »\r\nqui parle à sa place.\r\n   \r\n\r\n"
          "L’agent de police doit décider quoi faire.\r\n")


def _(text):
    return text


def test_pasted_paragraphs_stay_paragraphs_and_lines_stay_lines():
    assert authored_html(PASTED) == (
        "<p>Le 3 mars, un bus arrive au centre de transit d’Assamaka.</p>"
        "<p>Aïcha, 16 ans, voyage avec un « oncle »<br>qui parle à sa place.</p>"
        "<p>L’agent de police doit décider quoi faire.</p>")


@pytest.mark.parametrize("html", [
    "<p>One.</p>\n\n<p>Two.</p>",                      # paragraphs already
    "<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>",           # a list
    "First line<br>\nsecond line\n\nthird",            # the author's own breaks
    "<table><tr><td>a\n\nb</td></tr></table>",
    "One line with <strong>bold</strong> & more",      # one line: a prompt, a label
    "",
])
def test_html_and_one_line_text_are_left_as_they_are(html):
    assert paragraphs(html) == html.strip()


def test_inline_markup_is_kept_inside_the_paragraphs_and_cleaned():
    assert authored_html("<strong>Aïcha</strong>, 16 ans\n\n<script>x()</script>Fin") == (
        "<p><strong>Aïcha</strong>, 16 ans</p><p>Fin</p>")


def test_the_case_study_form_saves_a_pasted_narrative_as_paragraphs():
    case = case_olx.from_xml(etree.fromstring(SCENARIOS.joinpath("emm_case_study-2-fr.xml").read_bytes()))
    data = case_editor.to_editor(case)
    data["narrative"] = PASTED
    data["questions"][0]["explanation"] = "Un.\n\nDeux."
    saved, _problems = case_editor.from_editor(data, _)
    assert saved.narrative.count("<p>") == 3
    assert saved.questions[0].explanation == "<p>Un.</p><p>Deux.</p>"


def test_the_role_play_form_makes_paragraphs_but_its_xml_tab_keeps_the_xml_s_lines():
    scenario = rp_olx.from_xml(etree.fromstring(SCENARIOS.joinpath("emm_role_play-2-fr.xml").read_bytes()))
    data = rp_editor.to_editor(scenario)
    xml = data.pop("xml")
    data["nodes"][0]["narrative"] = "Un.\n\nDeux."
    saved, _problems = rp_editor.from_editor(data, _)
    assert saved.nodes[0].narrative == "<p>Un.</p><p>Deux.</p>"
    wrapped = xml.replace(scenario.nodes[0].narrative, "Un texte\n      sur deux lignes", 1)
    assert wrapped != xml
    saved, _problems = rp_editor.from_editor({"xml": wrapped}, _)
    assert "<p>" not in saved.nodes[0].narrative and "<br>" not in saved.nodes[0].narrative


@pytest.mark.parametrize("demo", DEMOS)
def test_every_demo_s_html_is_saved_from_the_form_exactly_as_before(demo, monkeypatch):
    olx, editor = BLOCKS[demo.split("-")[0]]
    content = olx.from_xml(etree.fromstring(SCENARIOS.joinpath(demo).read_bytes()))
    data = dict(editor.to_editor(content))
    data.pop("xml", None)  # the role-play's form, not its XML tab
    saved, _problems = editor.from_editor(data, _)
    monkeypatch.setattr(sanitize, "paragraphs", lambda html: (html or "").strip())  # cleaned only, as before
    before, _problems = editor.from_editor(data, _)
    assert saved == before
