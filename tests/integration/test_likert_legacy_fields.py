"""A Likert evaluation saved by 0.1 kept its body (statements, introduction, custom labels, comment
prompt, the scale's history, the profile question) each in a field of its own; 0.2 keeps it in one
``content`` field like the other blocks (decision 49). A course saved by 0.1 still shows, takes
answers and reports the same evaluation; its next save in the editor moves the body into
``content`` and sets the old fields back to their defaults."""

import dataclasses

import pytest

from emm_xblocks.likert import content as likert
from emm_xblocks.likert import learner

SURVEY = """
<emm_likert display_name="Day 1" scale="custom" comment_box="true" scale_epoch="1">
  <intro><p>Tell us about day one.</p></intro>
  <label>Not at all</label><label>A little</label><label>A lot</label>
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
  <comment_prompt>Anything else?</comment_prompt>
  <past_scale epoch="0" scale="agree5"/>
  <profile prompt="You work for"><option id="gov">Government</option><option id="cso">Civil society</option></profile>
</emm_likert>
"""


def old_layout(survey):
    """``{field name: value}`` as 0.1 stored ``survey``: every part of the body in its own field."""
    fields = likert.to_fields(survey)
    return {**{k: v for k, v in fields.items() if k != "content"}, **fields["content"]}


def studio_block(handlers, uid):
    """The block in Studio's editor, whose authored fields are writable (``cms_field_data``)."""
    return handlers.platform.studio_editor(handlers.user("staff_1")).block(handlers.key(uid))


@pytest.fixture
def saved_by_01(scenario, handlers):
    """A block whose fields hold the 0.1 layout (as an upgraded course's modulestore holds it)."""
    uid = scenario(SURVEY)
    block = studio_block(handlers, uid)
    survey = block.load_content()
    # the OLX gave every part of the body a value of its own
    assert survey.intro and survey.custom_labels and survey.comment_prompt and survey.scale_epoch == 1
    assert survey.past_scales and survey.profile_prompt and survey.profile_options
    del block.content
    for name, value in old_layout(survey).items():  # 0.1 stored what differed from a field's default
        if name in likert.LEGACY_FIELDS and value != block.fields[name].default:
            block.fields[name].write_to(block, value)
    block.save()
    return uid, survey


def test_the_body_is_kept_in_one_content_field(scenario, handlers):
    block = handlers.block(scenario(SURVEY))
    assert [s["id"] for s in block.content["statements"]] == ["relevance", "pace"]
    assert block.content["custom_labels"] == ["Not at all", "A little", "A lot"]
    assert not any(block.fields[name].is_set_on(block) for name in likert.LEGACY_FIELDS)


def test_a_block_saved_by_01_shows_the_same_evaluation(saved_by_01, handlers):
    uid, survey = saved_by_01
    block = handlers.block(uid)
    assert not block.fields["content"].is_set_on(block) and block.fields["statements"].is_set_on(block)
    assert block.load_content() == survey
    page = handlers.view(uid).content
    assert "Tell us about day one." in page and "The pace was too fast." in page
    assert "A lot" in page and "Anything else?" in page
    assert "You work for" in page and "Civil society" in page


def test_a_block_saved_by_01_takes_answers_and_reports_them(saved_by_01, handlers):
    uid, _survey = saved_by_01
    for i in range(1, 6):  # the results show from five respondents
        r = handlers.post(uid, "submit", {"answers": {"relevance": 3, "pace": 1}, "comment": "Useful",
                                          "profile": "cso"}, student=f"student_{i}")
        assert r.status_code == 200 and r.json_body["submitted"] is True
    assert handlers.block(uid).answers == {"relevance": 3, "pace": 1}
    rows = handlers.get(uid, "export_csv", student="staff_1").content.decode("utf-8")
    # its custom labels, its reverse-coded statement
    assert rows.count("3 A lot,1 Not at all") == 5 and "pace (reverse-coded, rescored)" in rows


def test_the_editors_save_moves_the_body_into_content(saved_by_01, handlers):
    uid, survey = saved_by_01
    form = {"display_name": "Day 1, renamed", "scale": "custom", "comment_box": True, "results": "staff",
            "min_group_size": 5, "weight": 1, "intro": survey.intro, "comment_prompt": survey.comment_prompt,
            "custom_labels": list(survey.custom_labels), "profile_prompt": survey.profile_prompt,
            "profile_options": [{"id": o.id, "text": o.text} for o in survey.profile_options],
            "statements": [{"id": s.id, "text": s.text, "reverse": s.reverse} for s in survey.statements]}
    r = handlers.post(uid, "studio_submit", form, student="staff_1")
    assert r.status_code == 200, r.content
    block = handlers.block(uid)
    assert [s["id"] for s in block.content["statements"]] == ["relevance", "pace"]
    assert block.content["intro"] == survey.intro and block.content["comment_prompt"] == "Anything else?"
    # the scale's history is not in the form: the save carries it over from what was stored
    assert block.content["scale_epoch"] == 1 and block.content["past_scales"][0]["scale"] == "agree5"
    # the old fields hold their defaults: no second copy of the body is kept
    assert all(getattr(block, name) == block.fields[name].default for name in likert.LEGACY_FIELDS)
    assert block.load_content() == dataclasses.replace(survey, display_name="Day 1, renamed")


def test_a_description_stored_by_01_reads_as_the_same_evaluation(scenario, handlers):
    """The course's evaluation report reads what each evaluation asked from the store
    (``learner.description_fields``): a row written by 0.1 holds the body's parts beside the settings."""
    survey = handlers.block(scenario(SURVEY)).load_content()
    now = learner.description_fields(survey)
    assert likert.from_fields(old_layout(likert.from_fields(now))) == likert.from_fields(now)
    assert likert.from_fields(now).statements == survey.statements and "intro" not in now["content"]
