"""The Likert evaluation's results panel as its figures are worked out (likert/results.py
``panel_figures``): pure, from the counts the store gives (``summary.panel_counts``), no store."""

from emm_xblocks.common.numbers import Numbers
from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.likert.results import panel_figures

WORDS = (str, lambda one, many, n: one if n == 1 else many, Numbers("en"))  # ``block.translators()``'s shape
SURVEY = Survey(display_name="Day 1", min_group_size=3, statements=(
    Statement("useful", "The training is useful for my work."),
    Statement("long", "The sessions were too long.", reverse=True),
    Statement("rare", "I used the documents.", required=False)))


def test_below_the_minimum_group_size_the_panel_gives_no_figure():
    data = panel_figures(SURVEY, 2, {"useful": {"5": 2}}, None, WORDS)
    assert data["suppressed"] is True and data["statements"] == [] and data["headline"] is None
    assert data["message"] == "Results are shown once at least 3 people have answered (2 so far)."
    assert "apart" not in data and "profiles" not in data


def test_each_statement_its_figures_the_pooled_headline_says_what_it_counts_and_what_it_left_out():
    # four respondents; "rare" answered by two only, under the minimum: withheld, and said so
    tallies = {"useful": {"5": 3, "4": 1}, "long": {"1": 2, "2": 1, "5": 1}, "rare": {"3": 2}}
    data = panel_figures(SURVEY, 4, tallies, None, WORDS)
    assert data["suppressed"] is False and data["labels"][0] == "Strongly disagree" and len(data["labels"]) == 5
    useful, long_, rare = data["statements"]
    assert (useful["n"], useful["counts"], useful["percents"], useful["top_two_box"]) == (4, [0, 0, 0, 1, 3],
                                                                                         [0, 0, 0, 25, 75], 100)
    # reverse-coded: disagreeing with "too long" is the favourable answer
    assert long_["reverse"] is True and long_["counts"] == [2, 1, 0, 0, 1]
    assert long_["favourable_counts"] == [1, 0, 0, 1, 2]
    assert rare["suppressed"] is True
    assert data["reverse_shown"] is True
    # pooled over the two shown statements: favourable 7 of 8 (useful 4, long 3), agreeing as worded 5 of 8
    assert (data["headline"], data["literal_headline"]) == (87.5, 62.5)
    assert data["headline_text"] == ("Favourable answers: 87.5%, over all statements (agreeing with a statement, or "
                                     "disagreeing with a reverse-coded one). (Excluding 1 statement withheld: too few "
                                     "answers.)")
    assert "62.5%" in data["literal_text"]
    assert data["apart"] == [] and "profiles" not in data
