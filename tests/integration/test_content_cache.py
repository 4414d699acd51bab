"""The content and learner state every request loads (``common.content_cache``): read without
XBlock's copies, parsed once per content, and never stale however the fields were changed."""

import dataclasses

import pytest
from xblock.runtime import DictKeyValueStore

from emm_xblocks.common import content_cache
from tests.integration.platform_blocks import CASE, SECOND_SINGLE
from tests.openedx.student_module import DjangoKeyValueStore

SURVEY = """
<emm_likert display_name="Eval" allow_na="true">
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
</emm_likert>
"""


@pytest.fixture
def survey(scenario):
    return scenario(SURVEY)


def studio_block(handlers, uid):
    """The block in Studio's editor, whose authored fields are writable (``cms_field_data``)."""
    return handlers.platform.studio_editor(handlers.user("staff_1")).block(handlers.key(uid))


def spy(monkeypatch, store_class, methods):
    """``[(method, field name)]`` of the calls made to ``store_class`` (a key-value store)."""
    calls = []
    for method in methods:
        real = getattr(store_class, method)
        monkeypatch.setattr(store_class, method, lambda self, key, *value, _real=real, _m=method:
                            calls.append((_m, key.field_name)) or _real(self, key, *value))
    return calls


def test_studios_field_api_change_is_seen_by_the_next_request(survey, handlers):
    """Studio's ``_save_xblock`` writes a field with ``field.write_to`` then saves the block
    (``cms/djangoapps/contentstore/xblock_storage_handlers/view_handlers.py``): no ``store_content``."""
    assert handlers.block(survey).load_content().display_name == "Eval"
    block = studio_block(handlers, survey)
    block.fields["display_name"].write_to(block, "Renamed in Studio")
    block.fields["content"].write_to(block, {"statements": [{"id": "only", "text": "Only one now"}]})
    block.save()
    survey_now = handlers.block(survey).load_content()
    assert survey_now.display_name == "Renamed in Studio"
    assert [s.text for s in survey_now.statements] == ["Only one now"]
    page = handlers.view(survey).content
    assert "Only one now" in page and "relevant" not in page


def test_a_change_in_place_or_unsaved_is_seen_by_the_same_instance(survey, handlers):
    block = studio_block(handlers, survey)
    assert len(block.load_content().statements) == 2
    block.content["statements"].append({"id": "new", "text": "Added in place"})  # a field changed in place
    assert [s.id for s in block.load_content().statements] == ["relevance", "pace", "new"]
    block.allow_na = False  # set, not saved yet
    assert block.load_content().allow_na is False
    block.save()
    assert [s.id for s in handlers.block(survey).load_content().statements] == ["relevance", "pace", "new"]


def test_an_unset_field_reads_its_default(scenario, handlers):
    uid = scenario('<emm_likert><item id="a">A</item></emm_likert>')
    survey = handlers.block(uid).load_content()
    assert (survey.scale, survey.min_group_size, survey.custom_labels) == ("agree5", 5, ())


def test_a_learners_unset_field_is_its_own_default_without_asking_the_runtime(scenario, handlers, monkeypatch):
    """A runtime's default is an inherited value, and only settings inherit (the LMS's
    ``DjangoKeyValueStore`` has no ``default``): a new learner's unset fields take their own
    defaults without the runtime being asked, which raised two exceptions each (decision 51)."""
    uid = scenario('<emm_case_study display_name="Case"><narrative>N</narrative></emm_case_study>')
    block = handlers.block(uid)
    asked = []
    real = block._field_data.default  # noqa: SLF001 - the runtime's FieldData, as the loader asks it
    monkeypatch.setattr(block._field_data, "default", lambda b, name: asked.append(name) or real(b, name))  # noqa: SLF001
    state = block.learner_state()
    assert state == block.state_class() and state.history == [] and state.draft == {}
    learner_fields = {f.name for f in dataclasses.fields(block.state_class)}
    assert not learner_fields & set(asked)


def test_loading_reads_each_field_once_and_copies_nothing(survey, handlers, monkeypatch):
    """Field.__get__ asks the store ``has`` then ``get`` and deep-copies a list or dict field,
    marking it dirty; the loader reads each content field once and leaves the block clean."""
    block = handlers.block(survey)
    asked = spy(monkeypatch, DictKeyValueStore, ("get", "has"))
    content_cache._parsed.cache_clear()
    block.load_content()
    names = block.content_field_names()
    assert sorted(asked) == sorted(("get", name) for name in names)
    assert block._dirty_fields == {}  # noqa: SLF001 - XBlock's record of what a save would write
    asked.clear()
    block.load_content()
    assert len(asked) == len(names) and content_cache._parsed.cache_info().hits == 1


def test_a_submit_reads_each_learner_field_once_and_writes_what_changed(survey, handlers, monkeypatch):
    """The learner's fields are read like the content (no ``has``, no copy), each at most once: a
    new learner's only ``submitted``, since nothing else is stored before it is set (decision 50);
    ``keep_state`` compares the new state with what was read and writes only the fields that
    changed."""
    asked = spy(monkeypatch, DjangoKeyValueStore, ("get", "has"))
    written = []
    real_set_many = DjangoKeyValueStore.set_many
    monkeypatch.setattr(DjangoKeyValueStore, "set_many", lambda self, update: written.extend(
        sorted(key.field_name for key in update)) or real_set_many(self, update))
    assert handlers.post(survey, "submit", {"answers": {"relevance": 4, "pace": 2}}).status_code == 200
    state_fields = ("answers", "answers_epoch", "learner_comment", "learner_profile", "submitted")
    assert [a for a in asked if a[1] in state_fields] == [("get", "submitted")]  # a new learner
    assert written == ["answers", "submitted"]  # the comment stayed empty
    written.clear()
    asked.clear()
    assert handlers.post(survey, "submit", {"answers": {"relevance": 4, "pace": 2}}).status_code == 200
    assert sorted(a for a in asked if a[1] in state_fields) == [("get", name) for name in sorted(state_fields)]
    assert written == []  # the same answers again: nothing changed, nothing written
    block = handlers.block(survey)
    assert block.submitted and block.answers == {"relevance": 4, "pace": 2}


def test_the_state_answer_reads_a_new_learners_one_field_once(scenario, handlers, monkeypatch):
    """The page's ``state`` request (after a lost reply) answers from the one read it made, also
    where learners see the results once they have answered."""
    uid = scenario(SURVEY.replace('allow_na="true"', 'allow_na="true" results="learners"'))
    asked = spy(monkeypatch, DjangoKeyValueStore, ("get", "has"))
    answer = handlers.post(uid, "state", {}).json_body
    assert answer["submitted"] is False and answer["results_available"] is False
    state_fields = ("answers", "answers_epoch", "learner_comment", "learner_profile", "submitted")
    assert [a for a in asked if a[1] in state_fields] == [("get", "submitted")]


def test_the_page_reads_a_new_learners_one_field_then_each_once(scenario, handlers, monkeypatch):
    """The learner's page reads the learner's fields as the actions do (``learner_state``): a new
    learner's only ``submitted`` (decision 50; it read the comment too through the field where
    comments are asked), a learner who submitted each field once; and shows what was read."""
    uid = scenario(SURVEY.replace('allow_na="true"', 'allow_na="true" comment_box="true" results="learners"'))
    state_fields = ("answers", "answers_epoch", "learner_comment", "learner_profile", "submitted")
    asked = spy(monkeypatch, DjangoKeyValueStore, ("get", "has"))
    page = handlers.view(uid).content
    assert [a for a in asked if a[1] in state_fields] == [("get", "submitted")]
    assert "data-results-section hidden>" in page and " checked" not in page
    assert handlers.post(uid, "submit", {"answers": {"relevance": 4, "pace": "na"},
                                         "comment": "Mine"}).status_code == 200
    asked.clear()
    page = handlers.view(uid).content
    assert sorted(a for a in asked if a[1] in state_fields) == [("get", name) for name in sorted(state_fields)]
    assert "data-results-section>" in page and ">Mine</textarea>" in page
    assert 'value="4" checked>' in page and 'value="na" checked>' in page


def test_a_state_kept_with_values_but_not_submitted_is_refused(survey, handlers):
    """The rule a new learner's single read rests on (decision 50), kept where every action's state
    is written: a Likert state holding a value while ``submitted`` is unset is a programming
    error, refused before anything is written (it would never be read back)."""
    from emm_xblocks.likert.learner import State

    block = handlers.block(survey)
    block.learner_state()
    with pytest.raises(ValueError, match="submitted is unset"):
        block.keep_state(State(learner_comment="Brouillon"))
    assert block.learner_comment == "" and not block.fields["learner_comment"].is_set_on(block)
    block.keep_state(State())  # nothing stored: allowed, nothing written
    block.keep_state(State(learner_comment="Merci", submitted=True))
    assert block.learner_comment == "Merci"


def test_values_marshal_cannot_write_still_key_the_content(survey, handlers):
    """A stored value that is not plain JSON data (here a ``str`` subclass, as Django's
    ``SafeString``) keys the content by its JSON, as every key once did: read, and changed later."""
    from django.utils.safestring import SafeString

    block = studio_block(handlers, survey)
    block.display_name = SafeString("Safe <name>")
    assert block.load_content().display_name == "Safe <name>"
    block.display_name = SafeString("Renamed")
    assert block.load_content().display_name == "Renamed"



def test_a_graded_submit_reads_its_content_once(scenario, handlers, events, monkeypatch):
    """A learner action is given the content once: its grade (``max_score``, asked when the score
    is kept and when the panel names the grade held) is worked out from the same, not read again
    field by field; once the action has answered, the block reads its fields again."""
    uid = scenario(CASE.format(extra='show_answers="submitted"', more=SECOND_SINGLE))
    loads = []
    real = content_cache.load
    monkeypatch.setattr(content_cache, "load", lambda *a, **k: loads.append(a[0]) or real(*a, **k))
    answer = handlers.post(uid, "submit", {"answers": {"q1": "a", "q2": "y"}})
    assert answer.status_code == 200 and answer.json_body["submitted"] is True
    assert [(g["raw_earned"], g["raw_possible"]) for g in events.grades] == [(2, 4)]
    assert len(loads) == 1
    held = loads[0]
    assert content_cache.held_by(held) is None  # nothing held past the request
    held.load_content()
    assert len(loads) == 2
