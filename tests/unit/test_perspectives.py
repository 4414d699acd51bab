"""Perspectives (pure): one question's counts split by group under the minimum group size
(decision 5), and the role-play's decisions and endings split by role."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from emm_xblocks.common.perspectives import share, split
from emm_xblocks.role_play import perspectives
from emm_xblocks.role_play.content import Choice, Node, Role, Scenario

# -- the split --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("size", "shown"), [(4, False), (5, True), (6, True)])
def test_a_group_shows_from_the_minimum_size_on(size, shown):
    groups = split({"officer": {"0": size - 1, "1": 1}, "social": {"0": 9}}, 5)
    assert groups["officer"].shown is shown
    assert groups["officer"].total == size
    assert groups["officer"].counts == ({"0": size - 1, "1": 1} if shown else {})
    assert groups["officer"].small is (not shown)


def test_a_withheld_group_tells_nothing_of_its_answers():
    groups = split({"officer": {"0": 3, "1": 1}, "social": {"0": 2, "1": 4}, "judge": {"0": 5, "1": 5}}, 5)
    officer = groups["officer"]
    assert (officer.shown, officer.counts, officer.count("0"), officer.percent("0")) == (False, {}, 0, 0)


def test_one_small_group_takes_the_smallest_other_with_it():
    """Overall 60% of 16 with officers 7 and social workers 6 shown would give the 3 judges' answers away."""
    groups = split({"officer": {"0": 7}, "social": {"0": 2, "1": 4}, "judge": {"1": 3}}, 5)
    assert {k: g.shown for k, g in groups.items()} == {"officer": True, "social": False, "judge": False}
    assert groups["social"].small is False and groups["judge"].small is True


def test_small_groups_that_together_reach_the_minimum_are_enough():
    groups = split({"a": {"0": 3}, "b": {"0": 2}, "c": {"0": 9}}, 5)
    assert {k: g.shown for k, g in groups.items()} == {"a": False, "b": False, "c": True}


def test_with_every_group_small_none_is_shown_and_ties_withhold_alike():
    assert not any(g.shown for g in split({"a": {"0": 1}, "b": {"1": 1}}, 2).values())
    first = split({"a": {"0": 6}, "b": {"0": 6}, "c": {"0": 1}}, 5)
    assert [k for k, g in first.items() if not g.shown] == ["a", "c"]  # the tie goes by key, always the same


def test_groups_without_participants_are_left_out_and_a_minimum_of_one_shows_all():
    groups = split({"a": {"0": 0}, "b": {}, "c": {"0": 1, "1": 2}}, 1)
    assert list(groups) == ["c"] and groups["c"].shown and groups["c"].percent("1") == 67


@given(st.dictionaries(st.sampled_from("abcdef"), st.dictionaries(st.sampled_from("0123"), st.integers(0, 12)),
                       max_size=6), st.integers(1, 8))
def test_no_small_group_can_be_worked_out_from_the_rest(counts, min_size):
    """Whatever the counts: every shown group has at least ``min_size`` participants, and the withheld
    ones together have none or at least ``min_size`` (so shown groups taken from the overall never
    give a small group's answers away)."""
    groups = split(counts, min_size)
    assert all(g.total >= min_size for g in groups.values() if g.shown)
    hidden = sum(g.total for g in groups.values() if not g.shown)
    assert hidden == 0 or hidden >= min_size or all(not g.shown for g in groups.values())


@pytest.mark.parametrize(("count", "total", "percent"), [(1, 8, 13), (1, 3, 33), (2, 3, 67), (1, 200, 1),
                                                           (1, 201, 0), (0, 0, 0), (5, 5, 100)])
def test_shares_are_whole_percentages_rounded_half_up(count, total, percent):
    assert share(count, total) == percent


# -- the role-play's decisions and endings -----------------------------------------------------------

def scenario(**kw):
    """Two roles that meet at ``meet``, each with its own first step; three kinds of ending."""
    nodes = (
        Node("po", "<p>po</p>", choices=(Choice("Interview", "meet"), Choice("Register", "bad"))),
        Node("sw", "<p>sw</p>", choices=(Choice("Talk", "meet"),)),
        Node("meet", "<p>meet</p>", choices=(Choice("Refer", "good"), Choice("Wait", "ok"), Choice("Leave", "bad"))),
        Node("good", "<p>g</p>", ending=True, category="good"),
        Node("ok", "<p>o</p>", ending=True, category="acceptable"),
        Node("bad", "<p>b</p>", ending=True, category="harmful"),
        Node("odd", "<p>x</p>", ending=True),
    )
    roles = (Role("officer", "Police officer", "po"), Role("social", "Social worker", "sw"))
    return Scenario(roles=kw.pop("roles", roles), nodes=nodes, **kw)


def test_a_finished_path_records_each_decision_and_its_ending():
    assert perspectives.recorded(["po", "meet", "good"], [0, 0]) == {"po": "0", "meet": "0", "@ending": "good"}
    assert perspectives.recorded(["good"], []) == {"@ending": "good"}


def test_a_decision_is_split_where_two_roles_meet_it():
    by_role = {"officer": {"po": {"0": 6}, "meet": {"0": 3, "2": 3}}, "social": {"meet": {"0": 4, "1": 1}}}
    d = perspectives.decision(scenario(), "meet", by_role, 5)
    assert d.choices == (("0", "Refer"), ("1", "Wait"), ("2", "Leave"))
    assert [(c.key, c.label, c.group.shown) for c in d.columns] == [
        ("officer", "Police officer", True), ("social", "Social worker", True)]
    assert [c.group.percent("0") for c in d.columns] == [50, 80]
    assert perspectives.decision(scenario(), "po", by_role, 5) is None  # officers only: the overall share
    assert perspectives.decision(scenario(), "good", by_role, 5) is None  # an ending is no decision
    assert perspectives.decision(scenario(roles=scenario().roles[:1]), "meet", by_role, 5) is None


def test_below_the_minimum_a_role_s_cells_are_withheld():
    by_role = {"officer": {"meet": {"0": 3, "2": 3}}, "social": {"meet": {"0": 4}}}
    d = perspectives.decision(scenario(), "meet", by_role, 5)
    social = d.columns[1].group
    assert (social.shown, social.small, social.counts) == (False, True, {})
    assert d.columns[0].group.shown is False  # 6 officers shown beside the overall would give the 4 away
    assert perspectives.decision(scenario(), "meet", by_role, 4).columns[1].group.shown is True


def test_a_role_the_author_removed_still_protects_the_small_groups():
    by_role = {"officer": {"meet": {"0": 6}}, "social": {"meet": {"0": 6}}, "gone": {"meet": {"1": 2}}}
    d = perspectives.decision(scenario(), "meet", by_role, 5)
    assert [c.key for c in d.columns] == ["officer", "social"]
    assert [c.group.shown for c in d.columns] == [False, True]


def test_endings_by_role_in_category_order():
    by_role = {"officer": {"@ending": {"good": 3, "bad": 2, "odd": 1}},
               "social": {"@ending": {"good": 5, "ok": 1, "removed-since": 1}}}
    e = perspectives.endings(scenario(), by_role, 5)
    assert e.categories == ("good", "acceptable", "harmful", "")
    officer, social = e.columns
    assert (officer.group.total, officer.group.percent("good"), officer.group.percent("")) == (6, 50, 17)
    assert (social.group.total, social.group.percent("good"), social.group.count("")) == (7, 71, 1)
    assert perspectives.endings(scenario(), {"officer": {"po": {"0": 9}}}, 5) is None
    small = perspectives.endings(scenario(), {"officer": {"@ending": {"good": 4}}, "social": by_role["social"]}, 5)
    assert [c.group.shown for c in small.columns] == [False, False]  # 4 officers: both withheld


def test_the_csv_rows_list_every_decision_reached_and_the_endings_with_the_same_withholding():
    from emm_xblocks.role_play.report import perspective_rows

    by_role = {"officer": {"po": {"0": 5, "1": 1}, "meet": {"0": 5}, "@ending": {"good": 5, "gone": 1}},
               "social": {"sw": {"0": 2}, "meet": {"1": 2}, "@ending": {"ok": 2}}}
    rows = list(perspective_rows(scenario(), by_role, lambda text: text))
    assert rows[0] == ["Node ID", "Narrative", "Answer", "Role", "Participants", "Count", "Percent"]
    assert rows[1:3] == [["po", "po", "Interview", "Police officer", 6, 5, 83],
                         ["po", "po", "Register", "Police officer", 6, 1, 17]]
    assert ["sw", "sw", "Talk", "Social worker", "fewer than 5", "", ""] in rows  # 2 social workers
    assert ["meet", "meet", "Refer", "Police officer", "not shown", "", ""] in rows  # (they would give the 2 away)
    endings = [row for row in rows if row[0] == "Ending"]
    assert [row[2] for row in endings[:4]] == ["Good practice", "Acceptable practice", "Other ending", "Good practice"]
    assert all(row[1] == "" for row in endings)  # a kind of ending counts several nodes: no one narrative
    assert all(row[4] in ("not shown", "fewer than 5") for row in endings)
