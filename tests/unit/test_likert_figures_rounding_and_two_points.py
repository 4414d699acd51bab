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
