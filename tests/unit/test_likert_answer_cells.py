"""A stored Likert answer as the staff's files write it (``likert/report.py``): its point on the
scale it was given on, its label beside it; anything else written as stored, never an error."""

from emm_xblocks.likert.report import answer_cells, answer_words, point_of

LABELS = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")


def test_an_answer_on_the_scale_is_its_point_and_label():
    assert point_of("4", 5) == 4 and point_of(4, 5) == 4  # stored as text by older states
    assert answer_words("4", LABELS, "N/A") == "4 Agree"
    assert answer_cells(4, LABELS, "N/A") == [4, "Agree"]


def test_anything_else_is_written_as_stored():
    for value in ("0", "6", "", "x", "²", "-1", "4.0"):  # "²" is a digit int() cannot read
        assert point_of(value, 5) is None
        assert answer_words(value, LABELS, "N/A") == value
    assert answer_cells("²", LABELS, "N/A") == ["²", ""]
    assert answer_words("na", LABELS, "N/A") == "N/A" and answer_cells(None, LABELS, "N/A") == ["", ""]
