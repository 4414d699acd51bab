"""Likert figures (likert/statistics.py, likert/results.py): the mean rounded half up as every
figure is (decision 26), and no headline for a two-label custom scale (bug hunt s43)."""

from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.likert.results import panel_figures
from emm_xblocks.likert.statistics import statement_stats
from tests.unit.test_likert_results import WORDS

ONE = (Statement("useful", "The training is useful for my work."),)


def test_the_mean_is_rounded_half_up_as_the_reader_and_a_spreadsheet_round_it():
    # 7 answers "3" and one "4": mean 25 / 8 = 3.125, written with two decimals: 3.13 (Excel's
    # ROUND, the browser's Intl, numbers.py), never 3.12 (Python's round, half to even)
    survey = Survey(display_name="Eval", min_group_size=3, statements=ONE)
    (row,) = statement_stats(survey, {"useful": {"3": 7, "4": 1}}, 8)
    assert row.mean == 3.13


def test_a_two_label_scale_s_headline_is_not_every_answer():
    # "No / Yes": 3 of 4 said No. The "top two" of a two-point scale is the whole scale, so the
    # headline said "100% of answers are “No” or “Yes”" whatever was answered
    survey = Survey(display_name="Eval", min_group_size=3, scale="custom", custom_labels=("No", "Yes"),
                    statements=ONE)
    data = panel_figures(survey, 4, {"useful": {"1": 3, "2": 1}}, None, WORDS)
    assert data["headline"] is None and data["headline_text"] is None  # no headline that says nothing
    [row] = data["statements"]
    assert row["top_box"] == 25.0  # the table says how many answered "Yes"


def test_a_two_label_scale_s_figures_by_profile_do_not_call_every_answer_favourable():
    """The headline's fix (bug hunt s43) stopped at the headline: on "No / Yes" the figures by profile
    (results panel, its CSV, the course report's table and CSV: ``perspectives.breakdown``'s
    ``favourable``, the statement's ``top_two_box``) still count both answers as "the two most
    favourable". Four civil-society participants all answered "No", and their cell reads "100%
    favourable (0% top box)"."""
    from emm_xblocks.common.perspectives import PROFILE_GROUP
    from emm_xblocks.common.profile import Option
    from emm_xblocks.likert.perspectives import breakdown

    survey = Survey(display_name="Eval", min_group_size=3, scale="custom", custom_labels=("No", "Yes"),
                    statements=ONE, profile_prompt="You work for",
                    profile_options=(Option("gov", "Government"), Option("cso", "Civil society")))
    tallies = {"useful": {"1": 7, "2": 1}, PROFILE_GROUP: {"gov": 4, "cso": 4}}
    by_profile = {"gov": {"useful": {"1": 3, "2": 1}}, "cso": {"useful": {"1": 4}}}
    table = breakdown(survey, tallies, by_profile, 8, str)
    gov, cso = table["statements"][0]["cells"][:2]
    assert gov["shown"] and cso["shown"] and cso["top_box"] == 0.0
    # every one of them said "No": not 100 % favourable
    assert cso["favourable"] != 100.0, cso
    assert gov["favourable"] != 100.0, gov


def test_a_two_label_scale_s_shared_row_in_the_course_report_is_not_every_answer():
    """The course report's "same statements across evaluations" cell is each evaluation's top two
    box: on "No / Yes", 100 % whatever was answered (6 of 6 answered "No" on day 3), under a caption
    "Percent answering “No” or “Yes” (the two most favourable answers)"."""
    from emm_xblocks.evaluation_report import report

    day1 = Survey(display_name="Day 1", scale="custom", custom_labels=("No", "Yes"), statements=ONE)
    day3 = Survey(display_name="Day 3", scale="custom", custom_labels=("No", "Yes"), statements=ONE)
    f = report.reaction([("k1", day1, {"useful": {"2": 6}}, 6), ("k3", day3, {"useful": {"1": 6}}, 6)], 5, str)
    [row] = f["shared"]
    day1_cell, day3_cell = row["cells"]
    # the figure the row shows (``compared``): on two labels, the top box (no top two box: every answer)
    assert day1_cell["compared"] != day3_cell["compared"], (row, f["shared_caption"])
    assert (day1_cell["compared"], day3_cell["compared"]) == (100.0, 0.0)
    assert day1_cell["top_two_box"] is None and day3_cell["top_two_box"] is None
    assert f["shared_caption"] == "Percent answering “Yes” (the most favourable answer), per evaluation"
    assert f["shared_heading"] == "The same statements across evaluations (top box)"


def test_a_two_label_scale_s_reverse_coded_statement_is_captioned_on_its_other_answer():
    # "No / Yes", one statement reverse-coded: its favourable answer is "No"; the summary has no
    # favourable share to explain (none on two labels), so no note on what it counts
    from dataclasses import replace

    from emm_xblocks.evaluation_report import report

    worse = (Statement("worse", "The training wasted my time.", reverse=True),)
    day1 = Survey(display_name="Day 1", scale="custom", custom_labels=("No", "Yes"), statements=ONE + worse)
    day3 = replace(day1, display_name="Day 3")
    tallies = {"useful": {"2": 6}, "worse": {"1": 6}}
    f = report.reaction([("k1", day1, tallies, 6), ("k3", day3, tallies, 6)], 5, str)
    assert [c["compared"] for row in f["shared"] for c in row["cells"]] == [100.0, 100.0, 100.0, 100.0]
    assert f["shared_caption"] == ("Percent answering “Yes” (the most favourable answer), per evaluation; for a "
                                   "statement marked reverse-coded, answering “No”")
    assert f["favourable_note"] is None  # before: "Favourable answers: “No” or “Yes”; … “Yes” or “No”."


def test_a_shared_row_across_a_two_label_and_a_five_point_scale_says_both():
    from emm_xblocks.evaluation_report import report

    day1 = Survey(display_name="Day 1", statements=ONE)
    day3 = Survey(display_name="Day 3", scale="custom", custom_labels=("No", "Yes"), statements=ONE)
    f = report.reaction([("k1", day1, {"useful": {"4": 3, "2": 3}}, 6), ("k3", day3, {"useful": {"2": 6}}, 6)],
                        5, str)
    assert [c["compared"] for c in f["shared"][0]["cells"]] == [50.0, 100.0]
    assert f["shared_caption"].endswith("on a scale of two answers, the most favourable one")
    assert f["shared_heading"] == "The same statements across evaluations (favourable answers)"
