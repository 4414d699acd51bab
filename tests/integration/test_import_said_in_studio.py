"""What a course import (or a clipboard paste) brings that the block will not keep as written is
said on Studio's unit page (``validate()``, as Studio's container view calls it), in the author's
language, as an editor save says it — never found out later by a learner or by a refused save.

Bug hunt (content life cycle): OLX edited by hand, or exported from another tool, is read by
``parse_xml`` (``xmodule/modulestore/xml_importer.py``; ``cms/djangoapps/contentstore/helpers.py``
``_import_xml_node_to_parent`` for a paste); the editor's save checks lengths
(``common.limits``) and names the markup the learner's page removes
(``editor_json.markup_warnings``), the import checks neither, and it drops attributes and
elements it does not know without a word."""

import pytest
from django.utils import translation

from emm_xblocks.case_study.block import CaseStudyBlock
from emm_xblocks.knowledge_check import editor as check_editor
from emm_xblocks.knowledge_check.block import KnowledgeCheckBlock
from emm_xblocks.likert.block import LikertBlock
from tests.openedx.runtime import Platform


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_likert": LikertBlock, "emm_case_study": CaseStudyBlock,
                                      "emm_knowledge_check": KnowledgeCheckBlock})


def studio_messages(platform, key, lang="en"):
    with translation.override(lang):
        block = platform.studio_editor(platform.user(f"prof-{lang}", role="staff")).block(key)
        return [m["text"] for m in block.validate().to_json()["messages"]]


LONG_OPTION = "Une très longue option recopiée d’un rapport. " * 30  # 1,380 characters: the editor allows 1,000
CHECK = f"""<emm_knowledge_check display_name="Test initial" pair="jour1">
  <question id="q1" type="single"><prompt>Laquelle ?</prompt>
    <option id="a" correct="true">{LONG_OPTION}</option><option id="b">Courte</option>
    <explanation>Parce que.</explanation></question>
</emm_knowledge_check>"""


def test_an_imported_text_longer_than_the_editor_allows_is_said_in_studio_before_a_save_is_refused(platform):
    """The import keeps the long option (nothing cut: right), the learner is shown it, and Studio's
    unit page says nothing; the author's first save in the editor, a new name only, is then refused
    "a text is longer than its limit" for text they never touched."""
    key = platform.add(CHECK, platform.subsection())
    assert LONG_OPTION.strip() in platform.export(key)  # nothing lost
    said = studio_messages(platform, key)
    assert any("1,000 characters" in m for m in said), said
    said_fr = studio_messages(platform, key, "fr")
    assert any("1\u202f000 caractères" in m for m in said_fr), said_fr
    # what the author then meets, with no warning before
    studio = platform.studio_editor(platform.user("author", role="staff"))
    data = {**check_editor.to_editor(studio.block(key).load_content()), "display_name": "Test initial (jour 1)"}
    assert studio.handle(key, "studio_submit", data).json["error"] == "text_too_long"


CASE = """<emm_case_study display_name="Agadez">
  <narrative><![CDATA[<p>Regardez d’abord la vidéo :</p>
    <iframe src="https://www.youtube.com/embed/abc123" title="Témoignage"></iframe>]]></narrative>
  <question id="q1" type="single"><prompt><![CDATA[<p onclick="reveal()">Qu’auriez-vous fait ?</p>]]></prompt>
    <option id="a" correct="true">Orienter</option><option id="b">Refouler</option>
    <explanation>Parce que.</explanation></question>
</emm_case_study>"""


def test_imported_markup_the_learner_s_page_removes_is_said_in_studio(platform):
    """The video the author embedded in the narrative is kept in the OLX (an export gives it back)
    but removed from the learner's page and from Studio's preview, and Studio's unit page says
    nothing: the editor's save would have said "Removed when learners see it" at the field."""
    key = platform.add(CASE, platform.subsection())
    assert "<iframe" in platform.export(key)  # kept as written
    assert "youtube.com/embed" not in platform.lms(platform.user("ana")).html(key)  # the learner never sees it
    said = studio_messages(platform, key)
    assert any(m.startswith("Removed when learners see it") for m in said), said
    said_fr = studio_messages(platform, key, "fr")
    assert any(m.startswith("Retiré quand les participants le voient") for m in said_fr), said_fr


SURVEY = """<emm_likert display_name="Évaluation du jour 1" anonymus="true" min_group_size="5">
  <item id="utile">La formation est utile.</item>
  <item id="rythme" reverse="true">Le rythme était trop rapide.</item>
</emm_likert>"""


def test_a_misspelled_attribute_is_said_in_studio_not_dropped_in_silence(platform):
    """``anonymus="true"`` (one letter missing): the evaluation imports as *named* — each learner's
    answers kept with who gave them, the opposite of what the author asked — with no word on
    Studio's unit page, and the next export drops the attribute. ``anonymous="vrai"`` is said
    (test_import_unreadable); an attribute name the block does not know is not."""
    key = platform.add(SURVEY, platform.subsection())
    assert platform.unbound(key).load_content().anonymous is False
    said = studio_messages(platform, key)
    assert any("anonymus" in m for m in said), said


MISSPELLED_ELEMENT = """<emm_knowledge_check display_name="Test final" pair="jour1" phase="post" grading="score">
  <question id="q1" type="single"><prompt>Laquelle ?</prompt>
    <option id="a" correct="true">Orienter</option><option id="b">Refouler</option>
    <explantion><![CDATA[<p>La Convention de 1951 interdit le refoulement.</p>]]></explantion></question>
</emm_knowledge_check>"""


def test_a_misspelled_element_is_said_in_studio_and_its_text_is_not_lost_at_the_next_export(platform):
    """``<explantion>`` (a letter missing): the import drops the element and its text; Studio only
    says "Question 1 has no explanation.", which the author cannot square with the OLX they wrote,
    and the course's next export no longer holds the explanation at all."""
    key = platform.add(MISSPELLED_ELEMENT, platform.subsection())
    said = studio_messages(platform, key)
    assert any("explantion" in m for m in said), said
    assert "Convention de 1951" in platform.export(key)
