"""Plain text typed or pasted into an editor's HTML field ("Narrative (HTML)": Word pastes plain
text into a textarea) keeps its paragraphs when saved (``common.sanitize.authored_html``), and
HTML as the demo content and OLX hold it is saved exactly as before."""

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.case_study import olx as case_olx
from emm_xblocks.common import sanitize
from emm_xblocks.common.editor_json import typed_html
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


# ---------------------------------------------------------------- reopened as typed (bug hunt s44)
@pytest.mark.parametrize("typed, saved, shown", [
    ("Qu’est-ce que la traite\u00a0? «\u00a0Non\u00a0»", "Qu’est-ce que la traite\u00a0? «\u00a0Non\u00a0»", None),
    ("Droits & devoirs des migrants.", "Droits &amp; devoirs des migrants.", None),
    ("Q&R, R&D", "Q&amp;R, R&amp;D", None),
    ("moins de 5 ans : <5 ans ; a > b", "moins de 5 ans : &lt;5 ans ; a &gt; b", None),
    ('<a href="https://iom.int/?a=1&b=2">OIM & HCR</a>',
     '<a href="https://iom.int/?a=1&amp;b=2" rel="noopener noreferrer nofollow">OIM &amp; HCR</a>',
     '<a href="https://iom.int/?a=1&b=2" rel="noopener noreferrer nofollow">OIM & HCR</a>'),
    ("&amp;copy est écrit ainsi", "&amp;copy est écrit ainsi", None),  # "&copy" would read ©: kept
    ("écrire &lt;b&gt; pour du gras", "écrire &lt;b&gt; pour du gras", "écrire &lt;b> pour du gras"),
])
def test_an_html_field_reopens_as_typed_and_saves_again_to_the_same_html(typed, saved, shown):
    """nh3 writes a no-break space "&nbsp;" (now the character, which the save keeps) and "&"
    "&amp;": the editor showed the author references they never typed. The editor loads the
    characters where a browser reads them the same; saved again, the same HTML is stored."""
    assert authored_html(typed) == saved
    assert sanitize.as_typed(saved) == (typed if shown is None else shown)
    assert authored_html(sanitize.as_typed(saved)) == saved


def test_content_saved_before_with_nbsp_references_reopens_with_the_characters():
    shown = sanitize.as_typed("<p>Que faire&nbsp;? «&nbsp;Agir&nbsp;»</p>")
    assert shown == "<p>Que faire\u00a0? «\u00a0Agir\u00a0»</p>"
    assert authored_html("<p>Que faire&nbsp;?</p>") == "<p>Que faire\u00a0?</p>"  # 1 character of the limit, not 6


PIECES = [*"ab &;#<>/=\"'\u00a0\n", "&amp;", "&nbsp;", "&lt;", "&gt;", "&copy", "&not", "<b>", "</b>", "&#38;", "<p>",
          "R&D", '<a href="?a=1&b=2" title="', '">']


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
@settings(max_examples=300, deadline=None)
def test_what_the_editor_shows_saves_again_to_the_html_stored(typed):
    """Whatever was saved, what the editor shows of it saves as the stored HTML itself would."""
    stored = authored_html(typed)
    assert authored_html(sanitize.as_typed(stored)) == authored_html(stored)


def test_each_editor_loads_its_html_fields_as_typed_and_no_other_field():
    data = {"narrative": "A &amp; B", "title": "A &amp; B", "questions": [{"prompt": "x&nbsp;?", "id": "a&amp;b"}],
            "nodes": [{"choices": [{"consequence": "Q&amp;R", "label": "Q&amp;R"}]}]}
    assert typed_html(data) == {"narrative": "A & B", "title": "A &amp; B",
                                "questions": [{"prompt": "x\u00a0?", "id": "a&amp;b"}],
                                "nodes": [{"choices": [{"consequence": "Q&R", "label": "Q&amp;R"}]}]}
