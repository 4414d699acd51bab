"""What each editor says when it refuses a save (``EditableContentMixin.not_saved_message``) ends the
same way in every block, in each bundled language: bug hunt "new" found French "veuillez corriger les
erreurs" in three editors and "corrigez les erreurs" in two (the report, the knowledge check)."""

import gettext
from pathlib import Path

import pytest

from emm_xblocks.common.editing import EditableContentMixin
from emm_xblocks.xblocks import CaseStudyBlock, EvaluationReportBlock, KnowledgeCheckBlock, LikertBlock, RolePlayBlock

ROOT = Path(__file__).resolve().parents[2] / "translations"
BLOCKS = (CaseStudyBlock, EvaluationReportBlock, KnowledgeCheckBlock, LikertBlock, RolePlayBlock, EditableContentMixin)


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_every_editor_asks_for_the_errors_to_be_fixed_in_the_same_words(lang):
    with (ROOT / lang / "LC_MESSAGES" / "text.mo").open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    said = {block.__name__: catalogue.gettext(block.not_saved_message) for block in BLOCKS}
    assert all(text != block.not_saved_message for block, text in zip(BLOCKS, said.values(), strict=True)), said
    # what follows "The <block> was not saved:" (the block's name before it differs)
    asks = {text.rpartition(":")[2].strip() for text in said.values()}
    assert len(asks) == 1, said
