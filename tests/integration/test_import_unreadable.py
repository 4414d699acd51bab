"""An attribute an OLX import cannot read is said in Studio, never swapped in silence (trial s31).

A French author writes ``anonymous="vrai"`` or ``points="deux"`` by hand: the import reads the
attribute's default in its place, as it did, but Studio's unit page now warns about each one
(``validate()``, as Studio's container view calls it), in the author's language, with its
element, attribute and value and what was used instead (by element, not line: a course import
parses each block's element again from a copy, ``olx.element_label``), until the author saves the block in its
editor. Before, ``anonymous="vrai"`` imported as *not* anonymous without a word, and
``required="oui"`` as not required. Through ``tests/openedx`` (the platform's course import:
``parse_xml``, then ``save()``)."""

import pytest
from django.utils import translation

from emm_xblocks.case_study.block import CaseStudyBlock
from emm_xblocks.likert.block import LikertBlock
from emm_xblocks.role_play.block import RolePlayBlock
from tests.openedx.runtime import Platform

LIKERT = """<emm_likert display_name="Évaluation" anonymous="vrai" min_group_size="cinq">
  <item id="a" reverse="oui">Le rythme était trop rapide.</item>
  <item id="b" required="non">La formation est utile.</item>
</emm_likert>"""
CASE = """<emm_case_study display_name="Agadez" attempts_allowed="3x" weight="1e309">
  <narrative><![CDATA[<p>Le cas.</p>]]></narrative>
  <question id="q1" type="single" points="deux"><prompt>Q ?</prompt>
    <option id="a" correct="true">A</option><option id="b" correct="vrai">B</option></question>
</emm_case_study>"""
ROLE_PLAY = """<emm_role_play display_name="Frontière" allow_back="oui">
  <role id="agent" start="a">Agent</role>
  <node id="a"><narrative>Début</narrative><choice goto="end" points="1.5">Continuer</choice></node>
  <node id="end" ending="true"><narrative>Fin</narrative></node>
</emm_role_play>"""


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_likert": LikertBlock, "emm_case_study": CaseStudyBlock,
                                      "emm_role_play": RolePlayBlock})


def warnings(platform, key, lang="en"):
    with translation.override(lang):
        block = platform.studio_editor(platform.user("prof", role="staff")).block(key)
        return [m["text"] for m in block.validate().to_json()["messages"] if m["type"] == "warning"]


def test_each_unreadable_attribute_is_a_warning_in_studio_in_the_authors_language(platform):
    key = platform.add(LIKERT, platform.subsection())
    block = platform.unbound(key)
    survey = block.load_content()
    # the defaults, as before: never a yes or a no the author did not write
    assert (survey.anonymous, survey.min_group_size) == (False, 5)
    assert [(s.reverse, s.required) for s in survey.statements] == [(False, True), (False, True)]
    assert warnings(platform, key, "fr") == [
        "<emm_likert> anonymous=«\u00a0vrai\u00a0»\u00a0: écrivez true ou false. "
        "L’import a utilisé false à sa place\u00a0: vérifiez-le dans l’éditeur, puis enregistrez.",
        "<emm_likert> min_group_size=«\u00a0cinq\u00a0»\u00a0: saisissez un nombre entier. "
        "L’import a utilisé 5 à sa place\u00a0: vérifiez-le dans l’éditeur, puis enregistrez.",
        "<item id=\"a\"> reverse=«\u00a0oui\u00a0»\u00a0: écrivez true ou false. "
        "L’import a utilisé false à sa place\u00a0: vérifiez-le dans l’éditeur, puis enregistrez.",
        "<item id=\"b\"> required=«\u00a0non\u00a0»\u00a0: écrivez true ou false. "
        "L’import a utilisé true à sa place\u00a0: vérifiez-le dans l’éditeur, puis enregistrez.",
    ]
    # the warnings are the import's, never the OLX's: an export carries none of them
    assert "import_problems" not in platform.export(key) and "vrai" not in platform.export(key)


@pytest.mark.parametrize("olx, said", [
    (CASE, ["<emm_case_study> weight=“1e309”: enter a number. The import used 1 in its place",
            "<emm_case_study> attempts_allowed=“3x”: enter a whole number. The import used 0 in its place",
            "<question id=\"q1\"> points=“deux”: enter a number. The import used 1 in its place",
            "<question id=\"q1\"> <option id=\"b\"> correct=“vrai”: write true or false. "
            "The import used false in its place"]),
    (ROLE_PLAY, ["<emm_role_play> allow_back=“oui”: write true or false. The import used false in its place",
                 "<node id=\"a\"> <choice> points=“1.5”: enter a whole number. The import used 0 in its place"]),
])
def test_the_case_study_and_the_role_play_say_theirs_too(platform, olx, said):
    key = platform.add(olx, platform.subsection())
    found = warnings(platform, key)
    assert [w.split(": check it")[0] for w in found if w.startswith("<")] == said, found


def test_saving_the_editor_clears_them_and_a_clean_reimport_has_none(platform):
    key = platform.add(LIKERT, platform.subsection())
    staff = platform.user("prof", role="staff")
    editor = platform.studio_editor(staff)
    assert len(warnings(platform, key)) == 4
    data = {"display_name": "Évaluation", "scale": "agree5", "results": "staff", "min_group_size": 5,
            "statements": [{"id": "a", "text": "Le rythme était trop rapide.", "reverse": True},
                           {"id": "b", "text": "La formation est utile.", "required": False}]}
    assert editor.handle(key, "studio_submit", data).status == 200
    assert warnings(platform, key) == []
    platform.reimport(key, LIKERT.replace('"vrai"', '"true"').replace('"cinq"', '"5"').replace('"oui"', '"yes"')
                      .replace('"non"', '"no"'))
    assert warnings(platform, key) == []
    assert platform.unbound(key).load_content().anonymous is True


def test_a_learner_gets_the_block_as_imported(platform):
    key = platform.add(ROLE_PLAY, platform.subsection())
    html = platform.lms(platform.user("ana")).html(key)
    assert "Agent" in html and "import" not in html.lower()
