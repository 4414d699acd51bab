"""How the other participants chose, as a role-play's ending shows it (role_play/others.py):
pure, from the counts the store gives (``summary.tallies``, ``role_tallies``), no store."""

from dataclasses import replace
from pathlib import Path

from lxml import etree

from emm_xblocks.common.numbers import Numbers
from emm_xblocks.role_play import olx, others

DEMO = Path(__file__).resolve().parents[2] / "emm_xblocks" / "workbench" / "scenarios" / "emm_role_play-1-en.xml"
SCENARIO = replace(olx.from_xml(etree.fromstring(DEMO.read_bytes())), min_group_size=5)
WORDS = (str, lambda one, many, n: one if n == 1 else many, Numbers("en"))  # ``block.translators()``'s shape
PATH, TAKEN = ["po-arrival", "po-uncle"], [1, 0]


def test_the_panel_reads_only_what_it_shows():
    assert others.reads(SCENARIO) == (True, True, True)  # others shown, two roles, a profile question
    one_role = replace(SCENARIO, roles=SCENARIO.roles[:1])
    assert others.reads(one_role) == (True, False, True)  # no split by role with one role
    assert others.reads(replace(one_role, profile_prompt="", profile_options=())) == (True, False, False)
    assert others.reads(replace(SCENARIO, show_others=False)) == (False, False, False)  # the profile is asked with it


def test_each_step_says_how_many_chose_the_same_once_the_step_has_enough_participants():
    tallies = {"po-arrival": {"0": 6, "1": 2, "2": 1}, "po-uncle": {"0": 3}}
    assert others.shares(SCENARIO, tallies, PATH, TAKEN, WORDS) == [
        "(22% of 9 participants chose this)", None]  # 3 at po-uncle: under the minimum of 5
    assert others.shares(replace(SCENARIO, show_others=False), tallies, PATH, TAKEN, WORDS) == [None, None]


def test_by_role_a_step_two_roles_never_share_gives_no_table_and_no_note():
    role_tallies = {"officer": {"po-arrival": {"1": 7}}}
    assert others.by_role(SCENARIO, role_tallies, PATH, TAKEN, "officer", WORDS, "emm-x") is None
    assert others.by_role(replace(SCENARIO, show_others=False), role_tallies, PATH, TAKEN, "officer", WORDS,
                          "emm-x") is None


def test_a_node_passed_twice_has_its_figure_and_its_table_at_its_last_visit_only():
    """The store keeps one answer a node, the last (``perspectives.recorded``): the learner who chose
    choice 1 at "po-arrival", came back and chose 0 is counted at 0. Beside the first visit no
    figure (it would say how many chose 1 of those counted at their last choice: "0% chose this"
    beside what everyone chose first, bug hunt hunt7), and the roles' table of that node once, at
    its last step, the choice counted marked."""
    path, taken = ["po-arrival", "po-uncle", "po-arrival", "po-uncle"], [1, 0, 0]
    tallies = {"po-arrival": {"0": 9}, "po-uncle": {"0": 9}}
    assert others.shares(SCENARIO, tallies, path, taken, WORDS) == [
        None, "(100% of 9 participants chose this)", "(100% of 9 participants chose this)"]
    role_tallies = {"officer": {"po-arrival": {"0": 5}}, "social-worker": {"po-arrival": {"0": 6}}}
    split = others.by_role(SCENARIO, role_tallies, path, taken, "officer", WORDS, "emm-x")
    [table] = split["tables"]
    assert table["caption"] == "Step 3: how the participants of each role who reached it chose"
    assert [row["mine"] for row in table["rows"]][:2] == [True, False]
