"""What an import did not know is kept through the editor's save and the next export, and said in
the author's language; the checks Studio's unit page runs on stored content are never a learner's
request's (decision 107)."""

import pytest
from django.utils import translation

from emm_xblocks.common import studio_checks
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.likert.block import LikertBlock
from tests.openedx.runtime import Platform


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_likert": LikertBlock})


SURVEY = """<emm_likert display_name="Évaluation du jour 1" anonymus="true" min_group_size="5">
  <item id="utile" revrse="true">La formation est utile.</item>
  <item id="rythme" reverse="true">Le rythme était trop rapide.</item>
  <commentaire>Qu’avez-vous appris ?</commentaire>
</emm_likert>"""


def messages(platform, key, lang="en"):
    with translation.override(lang):
        block = platform.studio_editor(platform.user(f"prof-{lang}", role="staff")).block(key)
        return [m["text"] for m in block.validate().to_json()["messages"]]


def test_what_the_import_did_not_know_is_said_kept_through_a_save_and_exported_again(platform):
    key = platform.add(SURVEY, platform.subsection())
    said = messages(platform, key)
    assert any(m.startswith("<emm_likert> anonymus=“true”: this activity has no such attribute. Did you mean "
                            "anonymous?") for m in said), said
    assert any(m.startswith('<item id="utile"> revrse=“true”') and "reverse?" in m for m in said), said
    assert any(m.startswith("<emm_likert> <commentaire>: this activity has no such element.") for m in said), said
    said_fr = messages(platform, key, "fr")
    assert any("anonymus" in m and "Vouliez-vous dire anonymous" in m for m in said_fr), said_fr
    # the author fixes the survey in the editor (anonymous at last): the warnings go, what was kept stays
    studio = platform.studio_editor(platform.user("author", role="staff"))
    data = {**likert_editor.to_editor(studio.block(key).load_content()), "anonymous": True}
    assert studio.handle(key, "studio_submit", data).json["saved"] is True
    assert not any("anonymus" in m for m in messages(platform, key))
    exported = platform.export(key)
    assert 'anonymus="true"' in exported and 'anonymous="true"' in exported
    assert 'revrse="true"' in exported and "<commentaire>Qu’avez-vous appris ?</commentaire>" in exported
    # exported and imported again: the same OLX, and said again
    again = platform.add(exported, platform.subsection())
    assert platform.export(again) == exported
    assert any("anonymus" in m for m in messages(platform, again))


def test_studio_s_checks_of_stored_content_run_on_studio_s_unit_page_only(platform):
    key = platform.add(SURVEY, platform.subsection())
    studio_checks.found.cache_clear()
    platform.lms(platform.user("ana")).html(key)
    assert studio_checks.found.cache_info().misses == 0  # a learner's page: never
    messages(platform, key)
    messages(platform, key, "fr")
    assert studio_checks.found.cache_info().misses == 1  # once per content, whatever the language
