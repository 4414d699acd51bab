"""The lists of a Studio editor's JSON, read one way (``common.editor_json.editor_items``) and the
participant profile question read one way by the three editors that ask it
(``common.profile.from_editor``): what the author sees, the field and the message, where a list is
not one, too long, or holds a row that is not an object. Where the blocks disagreed, the test says
what changed."""

from importlib.resources import files

import pytest
from lxml import etree

from emm_xblocks.case_study import editor as case_study
from emm_xblocks.case_study import olx as case_study_olx
from emm_xblocks.common import profile
from emm_xblocks.common.editor_json import editor_items
from emm_xblocks.common.validation import UNREADABLE_ROW
from emm_xblocks.likert import editor as likert
from emm_xblocks.likert import olx as likert_olx
from emm_xblocks.role_play import editor as role_play
from emm_xblocks.role_play import olx as role_play_olx

EDITORS = {"likert": (likert, likert_olx, "emm_likert-1-en.xml"),
           "case_study": (case_study, case_study_olx, "emm_case_study-1-en.xml"),
           "role_play": (role_play, role_play_olx, "emm_role_play-1-en.xml")}


def _(text):
    return text


def payload(block):
    """The editor's JSON of the block's first workbench scenario, with a profile question of two
    options (the Likert's has none), as the form sends it (the role-play's without its XML tab)."""
    module, olx, name = EDITORS[block]
    root = etree.fromstring(files("emm_xblocks").joinpath(f"workbench/scenarios/{name}").read_bytes())
    data = module.to_editor(olx.from_xml(root))
    data.pop("xml", None)
    data.update(profile_prompt="You work for", profile_options=[{"id": "gov", "text": "Government"},
                                                                {"id": "ngo", "text": "Civil society"}])
    return data


def said(problems):
    return [(p.field, p.message) for p in problems if p.error]


def options(n):
    return [{"id": f"p{i}", "text": f"Option {i}"} for i in range(n)]


@pytest.mark.parametrize("block", EDITORS)
def test_each_editor_reads_its_payload_and_the_profile_question_alike(block):
    module = EDITORS[block][0]
    content, problems = module.from_editor(payload(block), _)
    assert said(problems) == []
    assert content.profile_prompt == "You work for"
    assert content.profile_options == (profile.Option("gov", "Government"), profile.Option("ngo", "Civil society"))


@pytest.mark.parametrize("block", EDITORS)
def test_every_editor_counts_the_profile_question_by_the_same_numbers(block):
    counted = EDITORS[block][0].COUNTED
    assert {key: counted[key] for key in profile.COUNTED} == profile.COUNTED
    assert profile.COUNTED == {"profile_prompt": 1000, "profile_options.*.text": 1000, "profile_options.*.id": 50}


@pytest.mark.parametrize("block", EDITORS)
def test_a_few_too_many_profile_options_are_read_and_the_checks_name_the_most(block):
    data = dict(payload(block), profile_options=options(profile.EDITOR_OPTIONS))
    content, problems = EDITORS[block][0].from_editor(data, _)
    assert content is not None and len(content.profile_options) == 40
    assert ("profile_options", "The profile question needs between 2 and 20 options.") in said(problems)


def test_far_too_many_profile_options_in_a_likert_say_the_most_it_keeps():
    """Changed: a Likert said "The profile question's options could not be read." of 41 options or
    more; it now says the most it keeps, as the case study always did."""
    data = dict(payload("likert"), profile_options=options(2 * profile.MAX_OPTIONS + 1))
    survey, problems = likert.from_editor(data, _)
    assert ("profile_options", f"This list is too long: at most {profile.MAX_OPTIONS} items can be saved."
            ) in said(problems)
    assert ("profile_options", "The profile question's options could not be read.") not in said(problems)
    assert survey.profile_options == ()  # none read; the checks say the question has too few


def test_far_too_many_profile_options_in_a_case_study_say_the_most_it_keeps():
    data = dict(payload("case_study"), profile_options=options(41))
    case, problems = case_study.from_editor(data, _)
    assert ("profile_options", "This list is too long: at most 20 items can be saved.") in said(problems)
    assert case.profile_options == ()


def test_far_too_many_profile_options_in_a_role_play_are_refused_unread():
    """Changed: a role-play read any number of profile options (only the checks then said "between
    2 and 20"); more than 40 are now refused unread, the most said, the save refused whole."""
    scenario, problems = role_play.from_editor(dict(payload("role_play"), profile_options=options(41)), _)
    assert scenario is None
    assert said(problems) == [("profile_options", "This list is too long: at most 20 items can be saved.")]


def test_too_many_roles_are_said_at_the_roles_not_the_nodes():
    """Changed: 51 roles said "The scenario is too large." at the nodes; they are now said at the
    roles' list, with the most a role-play keeps. The nodes keep their own message."""
    data = payload("role_play")
    data["roles"] = [dict(data["roles"][0], id=f"r{i}") for i in range(51)]
    scenario, problems = role_play.from_editor(data, _)
    assert scenario is None and said(problems) == [("roles", "This list is too long: at most 50 items can be saved.")]
    data["roles"] = data["roles"][:50]
    assert role_play.from_editor(data, _)[0] is not None
    nodes = payload("role_play")
    nodes["nodes"] = nodes["nodes"] * (role_play.MAX_NODES // len(nodes["nodes"]) + 1)
    assert said(role_play.from_editor(nodes, _)[1]) == [("nodes", "The scenario is too large.")]


def test_more_grade_bands_than_can_be_valid_are_refused_unread():
    """Changed: a role-play read any number of bands; a band starts at its own whole percent from 0
    to 100, so more than 101 are refused unread (101 are read, each checked)."""
    data = payload("role_play")
    band = data["bands"][0]
    data["bands"] = [dict(band, min=i) for i in range(101)]
    scenario, problems = role_play.from_editor(data, _)
    assert scenario is not None and len(scenario.bands) == 101 and said(problems) == []
    data["bands"].append(dict(band, min=50))
    scenario, problems = role_play.from_editor(data, _)
    assert scenario is None and said(problems) == [("bands", "This list is too long: at most 101 items can be saved.")]


@pytest.mark.parametrize(("block", "message"), [
    ("likert", "The profile question's options could not be read."),
    ("case_study", "This list could not be read."),
    ("role_play", "This part of the scenario could not be read."),
])
def test_profile_options_that_are_not_a_list_keep_each_editor_s_words(block, message):
    content, problems = EDITORS[block][0].from_editor(dict(payload(block), profile_options="gov, ngo"), _)
    assert ("profile_options", message) in said(problems)
    assert (content is None) == (block == "role_play")  # the role-play reads no part it cannot read


@pytest.mark.parametrize(("key", "message"), [("statements", "The statements could not be read."),
                                              ("custom_labels", "The custom labels could not be read.")])
def test_a_likert_list_that_is_not_one_is_said_at_it(key, message):
    survey, problems = likert.from_editor(dict(payload("likert"), **{key: {"0": "x"}}), _)
    assert (survey is None) == (key == "statements")  # the statements unread: nothing more is read
    assert (key, message) in said(problems)


def test_far_too_many_statements_are_that_problem_alone():
    data = payload("likert")
    data["statements"] = [{"id": f"s{i}", "text": "S."} for i in range(201)]
    data["display_name"] = ""  # not said: nothing more is read
    survey, problems = likert.from_editor(data, _)
    assert survey is None
    assert said(problems) == [("statements", "This list is too long: at most 100 items can be saved.")]


def test_editor_items_reads_the_objects_and_says_each_other_row_at_its_own_path():
    problems = []
    rows = editor_items({"things": [{"a": 1}, 3, None, {"b": 2}]}, "things", 10, problems, _)
    assert rows == [(0, {"a": 1}), (3, {"b": 2})]
    assert [(p.field, p.message, p.code) for p in problems] == [
        ("things.1", "Item 2 of this list could not be read.", UNREADABLE_ROW),
        ("things.2", "Item 3 of this list could not be read.", UNREADABLE_ROW)]


def test_editor_items_says_a_block_s_own_words_where_it_has_them():
    says = ("The statements could not be read.", "Statement {n} could not be read.")
    problems = []
    assert editor_items({"statements": [1]}, "statements", 10, problems, _, says=says) == []
    assert [(p.field, p.message, p.code) for p in problems] == [
        ("statements.0", "Statement 1 could not be read.", UNREADABLE_ROW)]
    problems = []
    assert editor_items({"statements": "x"}, "statements", 10, problems, _, says=says) == []
    assert said(problems) == [("statements", "The statements could not be read.")]
    problems = []
    assert editor_items({"x": [{}] * 11}, "x", 10, problems, _, most=5, where="q.0.x", says=says) == []
    assert said(problems) == [("q.0.x", "This list is too long: at most 5 items can be saved.")]
