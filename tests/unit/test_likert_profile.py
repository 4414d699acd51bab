"""The Likert's participant profile question (issue 11 §2): OLX both ways, the author's checks,
the learner's answer, and the figures by profile (pure)."""

import json

import pytest
from lxml import etree

from emm_xblocks.common.actions import ActionError
from emm_xblocks.common.perspectives import PROFILE_GROUP
from emm_xblocks.common.profile import Option
from emm_xblocks.likert import content, learner, olx, perspectives, validation

XML = """<emm_likert display_name="Eval" min_group_size="2">
  <item id="relevance">Relevant.</item>
  <profile prompt="You work for">
    <option id="gov">Government</option>
    <option id="cso">Civil &amp; society</option>
  </profile>
</emm_likert>"""


def survey(xml=XML):
    return olx.from_xml(etree.fromstring(xml))


def test_olx_round_trip_keeps_the_question_and_its_options():
    s = survey()
    assert s.profile_prompt == "You work for"
    assert s.profile_options == (Option("gov", "Government"),
                                 Option("cso", "Civil & society"))
    again = olx.from_xml(etree.fromstring(etree.tostring(olx.to_xml(s))))
    assert again == s
    assert content.from_fields(content.to_fields(s)) == s


def test_a_survey_without_the_question_writes_no_profile_element():
    s = survey(XML.split("<profile")[0] + "</emm_likert>")
    assert not s.asks_profile and olx.to_xml(s).find("profile") is None
    assert validation.validate(s, str) == []


@pytest.mark.parametrize("profile,field", [
    ('<profile prompt="Who?"><option id="gov">Government</option></profile>', "profile_options"),
    ('<profile prompt=""><option id="a">A</option><option id="b">B</option></profile>', "profile_prompt"),
    ('<profile prompt="Who?"><option id="a">A</option><option id="A">B</option></profile>', "profile_options.1.id"),
    ('<profile prompt="Who?"><option id="a b">A</option><option id="b">B</option></profile>', "profile_options.0.id"),
    ('<profile prompt="Who?"><option id="a">A</option><option id="b"> </option></profile>', "profile_options.1.text"),
])
def test_the_authors_mistakes_are_named_at_their_field(profile, field):
    s = survey(XML.split("<profile")[0] + profile + "</emm_likert>")
    assert field in [p.field for p in validation.validate(s, str) if p.error]
    assert not validation.playable(s)


def test_the_answer_is_optional_checked_and_travels_as_one_more_row():
    s = survey()
    data = {"answers": {"relevance": 4}}
    out = learner.submit(s, learner.State(), {**data, "profile": "cso"}, str)
    assert out.writes[0].answers == {"relevance": 4, PROFILE_GROUP: "cso"}
    assert out.state.learner_profile == "cso"
    assert learner.submit(s, learner.State(), data, str).writes[0].answers == {"relevance": 4}
    with pytest.raises(ActionError) as err:
        learner.submit(s, learner.State(), {**data, "profile": "army"}, str)
    assert err.value.code == "unknown_profile"


def test_a_profile_sent_when_no_question_is_asked_is_left_out_and_the_answers_count():
    """A page loaded before the author removed the question still sends its answer: the answers are
    kept without it, as in the case study and the role-play (not refused, which would lose them)."""
    s = survey(XML.split("<profile")[0] + "</emm_likert>")
    out = learner.submit(s, learner.State(), {"answers": {"relevance": 4}, "profile": "gov"}, str)
    assert out.writes[0].answers == {"relevance": 4} and out.state.learner_profile == ""


def test_the_anonymous_learners_state_keeps_no_profile():
    s = survey(XML.replace('min_group_size="2"', 'min_group_size="2" anonymous="true"'))
    out = learner.submit(s, learner.State(), {"answers": {"relevance": 4}, "profile": "gov"}, str)
    assert out.state.learner_profile == "" and out.writes[0].named is False


def test_breakdown_gives_each_profile_its_figures():
    s = survey()  # min group size 2
    tallies = {"relevance": {"5": 3, "1": 2}, PROFILE_GROUP: {"gov": 3, "cso": 2}}
    by = {"gov": {"relevance": {"5": 3}}, "cso": {"relevance": {"1": 2}}}
    table = perspectives.breakdown(s, tallies, by, 5, str)
    assert [(c["key"], c["n"]) for c in table["columns"]] == [("gov", 3), ("cso", 2), ("", None)]
    assert [(c["key"], c["favourable"]) for c in table["statements"][0]["cells"]] == [
        ("gov", 100.0), ("cso", 0.0), ("", None)]


def test_breakdown_withholds_a_small_group_and_the_one_that_would_give_it_away():
    s = survey()  # min group size 2
    # one person did not say (below 2): withheld, and the smallest shown group (cso) with it
    tallies = {"relevance": {"5": 3, "1": 2, "4": 1}, PROFILE_GROUP: {"gov": 3, "cso": 2}}
    by = {"gov": {"relevance": {"5": 3}}, "cso": {"relevance": {"1": 2}}}
    table = perspectives.breakdown(s, tallies, by, 6, str)
    assert [(c["key"], c["shown"], c["favourable"]) for c in table["statements"][0]["cells"]] == [
        ("gov", True, 100.0), ("cso", False, None), ("", False, None)]
    assert [c["n"] for c in table["columns"]] == [3, None, None]
    # what the staff's CSV names beside a submission (export.csv_response): the shown profiles' texts
    shown = perspectives.shown_profiles(table)
    assert shown.keys() == {"gov"} and shown["gov"] == "Government"


def test_no_question_no_breakdown():
    s = survey(XML.split("<profile")[0] + "</emm_likert>")
    assert perspectives.breakdown(s, {}, {}, 0, str) is None


# ------------------------------------------------------------------ the Studio editor (issue 11 "Who answered")
def test_what_the_editor_saves_re_exports_to_the_same_olx():
    from emm_xblocks.likert import editor

    s = survey(XML.replace("You work for", "  You   work for "))
    sent = json.loads(json.dumps(editor.to_editor(s)))  # what the browser gets, edits nothing, sends back
    assert sent["profile_prompt"] == "You work for"
    assert sent["profile_options"] == [{"id": "gov", "text": "Government"}, {"id": "cso", "text": "Civil & society"}]
    saved, problems = editor.from_editor(sent, str)
    assert problems == []
    assert etree.tostring(olx.to_xml(saved)) == etree.tostring(olx.to_xml(s))
    # as typed in the form: spaces around and inside are read the way OLX reads them back
    typed = dict(sent, profile_prompt=" You  work\nfor ", profile_options=[{"id": " gov ", "text": " Government  "},
                                                                         {"id": "cso", "text": "Civil &\n society"}])
    assert etree.tostring(olx.to_xml(editor.from_editor(typed, str)[0])) == etree.tostring(olx.to_xml(s))


@pytest.mark.parametrize("options,field", [
    ([{"id": "gov", "text": "Government"}], "profile_options"),
    ([{"id": "gov", "text": "Government"}, {"id": "GOV", "text": "Other"}], "profile_options.1.id"),
    ([{"id": "g v", "text": "Government"}, {"id": "b", "text": "B"}], "profile_options.0.id"),
    ([{"id": "a", "text": "A"}, {"id": "b", "text": ""}], "profile_options.1.text"),
    ([{"id": "a", "text": "A"}, {"id": "b", "text": "x" * 1001}], "profile_options.1.text"),
    ([{"id": "a", "text": "A"}, "b"], "profile_options.1"),
    ("gov, cso", "profile_options"),
])
def test_the_editor_refuses_what_olx_refuses_at_the_same_field(options, field):
    from emm_xblocks.likert import editor

    data = dict(editor.to_editor(survey()), profile_options=options)
    _saved, problems = editor.from_editor(data, str)
    assert field in [p.field for p in problems if p.error]  # an error: the save is refused whole


def test_the_editor_s_prompt_is_checked_like_olx_s():
    from emm_xblocks.likert import editor

    data = dict(editor.to_editor(survey()), profile_prompt="  ")
    assert [p.field for p in editor.from_editor(data, str)[1] if p.error] == ["profile_prompt"]
    none = dict(editor.to_editor(survey()), profile_prompt="", profile_options=[])  # no question at all
    saved, problems = editor.from_editor(none, str)
    assert problems == [] and not saved.asks_profile and olx.to_xml(saved).find("profile") is None


def test_an_edit_that_removes_or_renames_a_profile_option_warns_at_its_field():
    from dataclasses import replace

    from emm_xblocks.likert.changes import answer_changes, carry_over

    s = survey(XML.replace('<option id="cso">', '<option id="io">International</option><option id="cso">'))
    gov, io, cso = s.profile_options
    renamed = replace(s, profile_options=(gov, Option("intl", io.text), cso))
    assert [(p.field, p.error) for p in answer_changes(s, renamed, str)] == [("profile_options.1.id", False)]
    assert "“io”" in answer_changes(s, renamed, str)[0].message
    removed = replace(s, profile_options=(gov, cso))
    assert [(p.field, p.error) for p in answer_changes(s, removed, str)] == [("profile_options", False)]
    # a new text, a new prompt, a new order or a new option touch nobody's answer
    reworded = replace(s, profile_prompt="Your employer", profile_options=(
        cso, Option("gov", "Public service"), io, Option("other", "Other")))
    assert answer_changes(s, reworded, str) == []
    # what the editor sent is what is stored (the profile is no longer kept from before the save)
    assert carry_over(s, removed, answered=True).profile_options == (gov, cso)
