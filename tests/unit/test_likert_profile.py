"""The Likert's participant profile question (issue 11 §2): OLX both ways, the author's checks,
the learner's answer, and the figures by profile (pure)."""

import pytest
from lxml import etree

from emm_xblocks.common.actions import ActionError
from emm_xblocks.common.perspectives import PROFILE_GROUP
from emm_xblocks.likert import content, learner, olx, profiles, validation

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
    assert s.profile_options == (content.ProfileOption("gov", "Government"),
                                 content.ProfileOption("cso", "Civil & society"))
    again = olx.from_xml(etree.fromstring(etree.tostring(olx.to_xml(s))))
    assert again == s
    assert content.from_fields(content.to_fields(s)) == s


def test_a_survey_without_the_question_writes_no_profile_element():
    s = survey(XML.split("<profile")[0] + "</emm_likert>")
    assert not s.has_profile and olx.to_xml(s).find("profile") is None
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


def test_the_anonymous_learners_state_keeps_no_profile():
    s = survey(XML.replace('min_group_size="2"', 'min_group_size="2" anonymous="true"'))
    out = learner.submit(s, learner.State(), {"answers": {"relevance": 4}, "profile": "gov"}, str)
    assert out.state.learner_profile == "" and out.writes[0].named is False


def test_breakdown_gives_each_profile_its_figures():
    s = survey()  # min group size 2
    tallies = {"relevance": {"5": 3, "1": 2}, PROFILE_GROUP: {"gov": 3, "cso": 2}}
    by = {"gov": {"relevance": {"5": 3}}, "cso": {"relevance": {"1": 2}}}
    table = profiles.breakdown(s, tallies, by, 5, str)
    assert [(c["key"], c["n"]) for c in table["columns"]] == [("gov", 3), ("cso", 2), ("", None)]
    assert [(c["key"], c["favourable"]) for c in table["statements"][0]["cells"]] == [
        ("gov", 100.0), ("cso", 0.0), ("", None)]


def test_breakdown_withholds_a_small_group_and_the_one_that_would_give_it_away():
    s = survey()  # min group size 2
    # one person did not say (below 2): withheld, and the smallest shown group (cso) with it
    tallies = {"relevance": {"5": 3, "1": 2, "4": 1}, PROFILE_GROUP: {"gov": 3, "cso": 2}}
    by = {"gov": {"relevance": {"5": 3}}, "cso": {"relevance": {"1": 2}}}
    table = profiles.breakdown(s, tallies, by, 6, str)
    assert [(c["key"], c["shown"], c["favourable"]) for c in table["statements"][0]["cells"]] == [
        ("gov", True, 100.0), ("cso", False, None), ("", False, None)]
    assert [c["n"] for c in table["columns"]] == [3, None, None]
    assert profiles.shown_profiles(table) == {"gov"}


def test_no_question_no_breakdown():
    s = survey(XML.split("<profile")[0] + "</emm_likert>")
    assert profiles.breakdown(s, {}, {}, 0, str) is None
