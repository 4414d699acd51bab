"""Content an author must fix runs no learner action: one rule (``common.actions.refuse_unless_ready``),
each block's own whole sentence, the one its page shows too."""

import pytest

from emm_xblocks.case_study import learner as case_learner
from emm_xblocks.common.actions import ActionError, refuse_unless_ready
from emm_xblocks.knowledge_check import learner as check_learner
from emm_xblocks.likert import learner as likert_learner
from emm_xblocks.role_play import learner as role_play_learner


def test_not_playable_is_refused_with_the_block_s_sentence_translated():
    with pytest.raises(ActionError) as refused:
        refuse_unless_ready(False, role_play_learner.NOT_READY, lambda text: f"[{text}]")
    assert refused.value.code == "not_ready"
    assert refused.value.message == "[This role-play is not ready yet: please come back later.]"


def test_playable_content_asks_the_translator_nothing():
    def translator(text):
        raise AssertionError(f"translated {text!r}")

    assert refuse_unless_ready(True, likert_learner.NOT_READY, translator) is None


def test_every_block_tells_the_learner_to_come_back_later():
    for module in (likert_learner, case_learner, check_learner, role_play_learner):
        assert module.NOT_READY.endswith(" is not ready yet: please come back later."), module.__name__
