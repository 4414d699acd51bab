"""A block's learner fields are its ``learner.State``'s, declared once (``common.state_fields``):
the same names (the names the LMS has stored learners' answers under since 0.1), kinds and
defaults, and no learner field declared anywhere else but the few every block shares."""

import dataclasses

import pytest
from xblock.fields import Boolean, Dict, Integer, List, Scope, String

from emm_xblocks.case_study.block import CaseStudyBlock
from emm_xblocks.common.state_fields import state_fields
from emm_xblocks.knowledge_check.block import KnowledgeCheckBlock
from emm_xblocks.likert.block import LikertBlock
from emm_xblocks.role_play.block import RolePlayBlock

SHARED = {"action_ids", "raw_earned", "raw_possible", "score_before_override"}  # recovery, StoredScoreMixin
# the stored names, as learners' states hold them: a rename would leave every learner's answers behind
STORED = {
    LikertBlock: {"answers": Dict, "learner_comment": String, "submitted": Boolean, "answers_epoch": Integer,
                  "learner_profile": String},
    CaseStudyBlock: {"draft": Dict, "answers": Dict, "ticks": Dict, "assessed": Boolean, "submitted": Boolean,
                     "attempts": Integer, "history": List, "answers_shown": Boolean, "learner_profile": String,
                     "attempt_serial": Integer,  # since decision 112: the attempt claims' serial, never reset
                     "draft_saved": Integer},  # since decision 117: the server's draft's save time
    KnowledgeCheckBlock: {"answers": Dict, "submitted": Boolean},
    RolePlayBlock: {"role": String, "path": List, "taken": List, "attempts": Integer, "ended": Boolean,
                    "finished": List, "learner_profile": String,
                    "marks": List,  # since decision 89: each step's choice, found where the author moved it
                    "attempt_serial": Integer},  # since decision 112: the attempt claims' serial, never reset
}


@pytest.mark.parametrize("block_class", list(STORED), ids=lambda c: c.__name__)
def test_the_learner_fields_are_the_state_s_and_keep_their_stored_names(block_class):
    learner = {name: field for name, field in block_class.fields.items()
               if field.scope == Scope.user_state and name not in SHARED}
    assert {name: type(field) for name, field in learner.items()} == STORED[block_class]
    state = block_class.state_class()
    assert {name: field.default for name, field in learner.items()} == dataclasses.asdict(state)


def test_a_state_field_of_a_kind_the_lms_cannot_keep_is_refused_where_it_is_declared():
    @dataclasses.dataclass(frozen=True)
    class State:
        answers: dict = dataclasses.field(default_factory=dict)
        when: object = None

    with pytest.raises(TypeError, match="State.when"):
        state_fields(State)

