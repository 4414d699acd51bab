"""French typography's no-break spaces (U+00A0, the narrow U+202F) inside « » and before ? ! ; :
reach the learner as the author typed them: through a course import, a Studio save and an OLX
export and re-import (``common/text.py`` one_line). They were once made ordinary spaces by every
one-line field, so a phone's line could start with a lone "?" or end on a "«"."""

import pytest
from lxml import etree

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.evaluation_report import editor as report_editor
from emm_xblocks.knowledge_check import editor as check_editor
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.role_play import editor as role_play_editor
from tests.openedx.fixtures import platform  # noqa: F401 (fixture)

NB, NNB = "\u00a0", "\u202f"
TITLE = f"Jour 1 – que savez-vous{NB}? (test initial)"
STATEMENT = f"La formation est-elle utile{NB}?"
OPTION = f"«{NNB}Société civile{NNB}»"  # narrow ones inside « »
CHOICE = f"Écouter d’abord{NB}!"
FACT = f"Agadez{NNB}: 2015"

LIKERT = f"""
<emm_likert display_name="{TITLE}" scale="custom">
  <label>Pas du tout{NB}!</label><label>Tout à fait{NB}!</label>
  <item id="utile">{STATEMENT}</item>
  <comment_prompt>Que changeriez-vous{NB}?</comment_prompt>
  <profile prompt="Vous travaillez pour{NB}:">
    <option id="gov">L’État</option><option id="cso">{OPTION}</option>
  </profile>
</emm_likert>"""
CASE = f"""
<emm_case_study display_name="{TITLE}" topic="Traite{NB}: un cas">
  <narrative><![CDATA[<p>Agadez.</p>]]></narrative>
  <key_facts><fact>{FACT}</fact></key_facts>
  <question id="q" type="single">
    <prompt><![CDATA[<p>Que faire{NB}?</p>]]></prompt>
    <option id="a" correct="true">{CHOICE}<feedback>Oui{NB}: d’abord écouter.</feedback></option>
    <option id="b">Attendre{NB}?</option>
    <explanation><![CDATA[<p>Écouter.</p>]]></explanation>
  </question>
</emm_case_study>"""
ROLE_PLAY = f"""
<emm_role_play display_name="{TITLE}">
  <role id="r" start="n1">Agent{NB}: frontière</role>
  <node id="n1"><narrative><![CDATA[<p>Un groupe arrive.</p>]]></narrative>
    <choice goto="end" points="1">{CHOICE}</choice></node>
  <node id="end" ending="true"><narrative><![CDATA[<p>Fin.</p>]]></narrative></node>
  <band min="0" final="Bien{NB}!">Vous avez écouté{NB}!</band>
</emm_role_play>"""
CHECK = f"""
<emm_knowledge_check display_name="{TITLE}" phase="pre" pair="nbsp-fr">
  <question id="q" type="single">
    <prompt><![CDATA[<p>Quoi{NB}?</p>]]></prompt>
    <option id="a" correct="true">{CHOICE}</option><option id="b">Attendre{NB}?</option>
    <explanation><![CDATA[<p>Écouter.</p>]]></explanation>
  </question>
</emm_knowledge_check>"""
REPORT = f'<emm_evaluation_report display_name="{TITLE}" headline_statement="utile"/>'

BLOCKS = [
    pytest.param(LIKERT, likert_editor, [TITLE, STATEMENT, OPTION, f"Pas du tout{NB}!", f"Que changeriez-vous{NB}?",
                                         f"Vous travaillez pour{NB}:"], id="likert"),
    pytest.param(CASE, case_editor, [TITLE, CHOICE, FACT, f"Traite{NB}: un cas", f"Oui{NB}: d’abord écouter.",
                                     f"Attendre{NB}?"], id="case_study"),
    pytest.param(ROLE_PLAY, role_play_editor, [TITLE, CHOICE, f"Agent{NB}: frontière", f"Bien{NB}!",
                                               f"Vous avez écouté{NB}!"], id="role_play"),
    pytest.param(CHECK, check_editor, [TITLE, CHOICE, f"Attendre{NB}?"], id="knowledge_check"),
    pytest.param(REPORT, report_editor, [TITLE], id="evaluation_report"),
]


def texts(olx):
    """Every text and attribute value of an exported block's XML (entities read)."""
    root = etree.fromstring(olx.encode())
    return {v.strip() for el in root.iter() for v in [el.text or "", *el.attrib.values()]}


def studio(platform):  # noqa: F811
    return platform.studio_editor(platform.user("author", role="staff"))


@pytest.mark.parametrize("olx, module, typed", BLOCKS)
def test_no_break_spaces_survive_import_studio_save_export_and_reimport(platform, olx, module, typed):  # noqa: F811
    key = platform.add(olx)
    assert set(typed) <= texts(platform.export(key)), "the import kept them"
    data = module.to_editor(studio(platform).block(key).load_content())
    data.pop("xml", None)
    saved = studio(platform).handle(key, "studio_submit", data)
    assert saved.status == 200, saved.json
    exported = platform.export(key)
    assert set(typed) <= texts(exported), "a Studio save kept them"
    again = platform.add(exported)
    assert platform.export(again) == exported, "an export and re-import kept them"


def test_an_authors_space_beside_a_no_break_space_is_dropped_not_the_no_break_one(platform):  # noqa: F811
    """A typed space and the no-break space Word put beside it (``"utile \\u00a0?"``): the save
    keeps the no-break one alone, so the "?" still never starts a line."""
    key = platform.add(LIKERT)
    data = likert_editor.to_editor(studio(platform).block(key).load_content())
    data.pop("xml", None)
    data["statements"][0]["text"] = f"La formation\n   est-elle utile {NB}\t?"
    data["profile_options"][1]["text"] = f"« {NNB}Société civile \n{NNB}»"
    data["display_name"] = f"Jour 1\n – que savez-vous {NB}? "  # the title too: one line, as in every block
    assert studio(platform).handle(key, "studio_submit", data).status == 200
    survey = studio(platform).block(key).load_content()
    assert (survey.statements[0].text, survey.profile_options[1].text) == (STATEMENT, OPTION)
    assert survey.display_name == f"Jour 1 – que savez-vous{NB}?"


def test_the_learner_reads_the_no_break_spaces(platform):  # noqa: F811
    """The learner's Likert page shows the statement, title and profile answer with their no-break
    spaces (as characters or as ``&nbsp;``: either holds the "?" to its word)."""
    key = platform.add(LIKERT)
    html = platform.lms(platform.user("learner")).html(key).replace("&nbsp;", NB).replace("&#160;", NB)
    assert STATEMENT in html and OPTION in html and f"savez-vous{NB}?" in html
