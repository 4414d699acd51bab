"""Every Studio editor refuses a payload that is not a JSON object (common.validation.form_payload):
nothing is read or saved, and the author sees one form-level message (field "")."""

import pytest

from emm_xblocks.case_study import editor as case_study
from emm_xblocks.evaluation_report import editor as evaluation_report
from emm_xblocks.knowledge_check import editor as knowledge_check
from emm_xblocks.likert import editor as likert
from emm_xblocks.role_play import editor as role_play


def _(text):
    return text


@pytest.mark.parametrize("module", [case_study, evaluation_report, knowledge_check, likert, role_play])
@pytest.mark.parametrize("payload", [[], "text", None, 3])
def test_a_payload_that_is_not_an_object_is_refused(module, payload):
    content, problems = module.from_editor(payload, _)
    assert content is None
    assert [(p.field, p.message, p.error) for p in problems] == [
        ("", "The editor sent something that is not a form.", True)]

