"""A role-play's profile option the author removed since learners gave it (role_play/perspectives.py,
others.py, report.py): its participants keep a group of their own, named by the option's old id and
ordered as every figure by profile orders them (``common.profile.group_keys``), in the learner's
debrief and in the staff CSV, withheld by the same minimum-group-size rules as every other group
(``common.perspectives.split``); pure, from the counts the store gives, no store."""

from emm_xblocks.common import profile
from emm_xblocks.common.numbers import Numbers
from emm_xblocks.role_play import others, report
from emm_xblocks.role_play import perspectives as rp
from emm_xblocks.role_play.content import Choice, Node, Role, Scenario

WORDS = (str, lambda one, many, n: one if n == 1 else many, Numbers("en"))  # ``block.translators()``'s shape
GOV, CSO = profile.Option("gov", "Government"), profile.Option("cso", "Civil society")


def scenario(min_group_size=3):
    """One role, one decision, two endings; the profile option "io" (and "ngo") removed since."""
    return Scenario(display_name="Meeting", show_others=True, min_group_size=min_group_size,
                    profile_prompt="You work for", profile_options=(GOV, CSO),
                    roles=(Role("officer", "Officer", "meet"),),
                    nodes=(Node("meet", narrative="<p>MEET</p>",
                                choices=(Choice("Refer", "good"), Choice("Leave", "bad"))),
                           Node("good", ending=True, category="good"),
                           Node("bad", ending=True, category="harmful")))


def store(per_profile, quiet=()):
    """``(summary.tallies, summary.profile_tallies)`` of finished attempts: ``per_profile``
    ``{option id: [choice index, ...]}``, ``quiet`` the choices of who did not say."""
    ends = ("good", "bad")
    tallies, by_profile = {}, {}

    def count(into, group, value):
        into.setdefault(group, {})
        into[group][value] = into[group].get(value, 0) + 1

    for key, choices in [*per_profile.items(), (profile.NOT_SAID, list(quiet))]:
        for index in choices:
            rows = {"meet": str(index), rp.ENDING: ends[index]}
            if key:
                rows[profile.PROFILE_GROUP] = key
            for group, value in rows.items():
                count(tallies, group, value)
                if key:
                    count(by_profile.setdefault(key, {}), group, value)
    return tallies, by_profile


def debrief(scenario_, tallies, by_profile, mine=""):
    return others.profile_perspectives(scenario_, tallies, by_profile, ["meet", "good"], [0], mine, WORDS, "emm-x")


def test_the_columns_order_a_removed_option_as_every_figure_by_profile_does():
    columns = rp.profile_columns(scenario(), str, {"ngo": {}, "io": {}, "gov": {}, profile.NOT_SAID: {}})
    # the options in the author's order, then the removed ones by id, then who did not say
    assert columns == (("gov", "Government"), ("cso", "Civil society"), ("io", "io (removed option)"),
                       ("ngo", "ngo (removed option)"), ("", "Did not say"))
    assert [key for key, _label in columns] == profile.group_keys(scenario().profile_options, ["ngo", "io", "gov"])
    # no answers given under a removed option: the current options only (as before)
    assert rp.profile_columns(scenario(), str) == (("gov", "Government"), ("cso", "Civil society"),
                                                   ("", "Did not say"))


def test_the_debrief_keeps_a_removed_options_participants_in_a_group_of_their_own():
    tallies, by_profile = store({"gov": [0, 0, 0], "cso": [1, 1, 1], "io": [0, 1, 1]}, quiet=[0, 0, 0])
    found = debrief(scenario(), tallies, by_profile, mine="io")
    decision, ending = found["tables"]
    assert [c["label"] for c in decision["columns"]] == ["Government", "Civil society", "io (removed option)",
                                                          "Did not say"]
    assert [c["note"] for c in decision["columns"]] == ["3 participants"] * 4
    io = decision["columns"][2]
    assert io["mine"] and io["own"]  # the learner's own profile, in the author's words (its id)
    assert [cell["text"] for cell in decision["rows"][0]["cells"]] == ["100%", "0%", "33%", "100%"]
    assert [row["label"] for row in ending["rows"]] == ["Government", "Civil society", "io (removed option)",
                                                        "Did not say"]
    assert [cell["text"] for cell in ending["rows"][2]["cells"]] == ["33%", "67%"]  # good, harmful
    # who did not say is not swollen by them: all rows less every profile's, the removed one's too
    assert [cell["text"] for cell in ending["rows"][3]["cells"]] == ["100%", "0%"]


def test_a_removed_options_small_group_is_withheld_and_protected_like_any_other():
    tallies, by_profile = store({"gov": [0, 0, 0, 0], "cso": [1, 1, 1, 1, 1], "io": [1]})
    decision, _ending = debrief(scenario(), tallies, by_profile)["tables"]
    # io (1) is under 3; alone it could be worked out from the overall figures: gov (4), the
    # smallest shown, is withheld to protect it (who did not say has nobody: no group)
    assert [(c["label"], c["note"]) for c in decision["columns"]] == [
        ("Government", "not shown, to protect a smaller group"), ("Civil society", "5 participants"),
        ("io (removed option)", "fewer than 3 participants: not shown")]
    assert [cell["text"] for cell in decision["rows"][1]["cells"]] == ["not shown", "100%", "not shown"]
    # the same groups shown and withheld as ``common.profile.groups_plan`` plans for the same sizes
    plan = profile.groups_plan(scenario().profile_options, {"gov": 4, "cso": 5, "io": 1}, 3)
    found = rp.decision(scenario(), "meet", profile.with_not_said(by_profile, tallies), 3,
                        columns=rp.profile_columns(scenario(), str, by_profile))
    assert [(c.key, c.group.shown, c.group.small) for c in found.columns] == [
        (key, group.shown, group.small) for key, group in plan]


def test_the_staff_csv_lists_a_removed_options_participants_under_its_id():
    tallies, by_profile = store({"gov": [0, 0, 0], "cso": [1, 1, 1], "io": [0, 1, 1]})
    rows = report.profile_rows(scenario(), profile.with_not_said(by_profile, tallies), str)
    assert ["meet", "MEET", "Refer", "You work for: io (removed option)", 3, 1, 33] in rows
    assert ["meet", "MEET", "Leave", "You work for: io (removed option)", 3, 2, 67] in rows
    assert ["Ending", "", "Good practice", "You work for: io (removed option)", 3, 1, 33] in rows
    # in the order of every figure by profile: the current options, then the removed one
    assert [row[3] for row in rows if row[2] == "Refer"] == [
        "You work for: Government", "You work for: Civil society", "You work for: io (removed option)"]
    # too few of them: withheld, and the smallest other group with them (the secondary rule)
    tallies, by_profile = store({"gov": [0, 0, 0], "cso": [1, 1, 1, 1], "io": [1]})
    rows = report.profile_rows(scenario(), profile.with_not_said(by_profile, tallies), str)
    assert ["meet", "MEET", "Leave", "You work for: io (removed option)", "fewer than 3", "", ""] in rows
    assert ["meet", "MEET", "Leave", "You work for: Government", "not shown", "", ""] in rows
    assert ["meet", "MEET", "Leave", "You work for: Civil society", 4, 4, 100] in rows


def test_studio_warns_that_a_removed_or_renamed_options_participants_keep_a_group_of_their_own():
    from dataclasses import replace

    from emm_xblocks.role_play import changes

    before = replace(scenario(), profile_options=(GOV, CSO, profile.Option("io", "International organisation")))
    [removed] = changes.answer_changes(before, scenario(), str)
    assert (removed.field, removed.error) == ("profile_options", False)
    assert removed.message == ("Profile option “io” was removed: the participants who chose it are still counted "
                               "under that id, in a group of their own in “how others chose” by profile.")
    [renamed] = changes.answer_changes(scenario(), replace(scenario(), profile_options=(
        profile.Option("state", "Government"), CSO)), str)
    assert renamed.field == "profile_options.0.id" and renamed.message == (
        "This profile option's id was “gov”: the participants who chose it stay under that id and are shown in a "
        "group of their own in “how others chose” by profile. Keep the old id to keep them together.")
