"""Every block's content class (common/settings.py ``with_settings``) is looked up by its hash in
the validation's cache at every learner action: the hash is worked out once per object and stays
the dataclass's own (equal contents, equal hashes; another content, its own)."""

from dataclasses import replace

from emm_xblocks.case_study.content import Case
from emm_xblocks.common.questions import Option, Question
from emm_xblocks.role_play.content import Scenario


def _case(prompt="<p>One?</p>"):
    return Case(display_name="Case", show_distribution=True, questions=(
        Question(id="q1", kind="single", prompt=prompt, options=(Option("a", "A", correct=True), Option("b", "B"))),))


def test_equal_contents_hash_alike_and_another_content_has_its_own():
    case = _case()
    first = hash(case)
    assert hash(case) == first == hash(_case())  # asked again, and for an equal content parsed apart
    assert case == _case()
    changed = replace(case, questions=_case("<p>Two?</p>").questions)
    assert changed != case and hash(changed) == hash(_case("<p>Two?</p>"))
    assert {case: "kept"}[_case()] == "kept"
    assert hash(Scenario(display_name="S")) == hash(Scenario(display_name="S"))


def test_the_kept_hash_is_no_field_of_the_content():
    case = _case()
    hash(case)
    assert "_hash_kept" not in {f for f in Case.__dataclass_fields__}
    assert replace(case) == case and repr(replace(case)) == repr(case)
