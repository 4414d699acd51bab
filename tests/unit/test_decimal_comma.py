"""A number typed in an editor as French, Spanish or Arabic authors write it, with a decimal comma
("1,5"), is read as 1.5 (bug hunt s44: Chromium's type="number" field dropped the comma and the
question was saved worth 15 points); OLX keeps the decimal point (decision 86)."""

import pytest
from lxml import etree

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.case_study.content import Case
from emm_xblocks.common import olx
from emm_xblocks.common.validation import parse_float, parse_int
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.likert.content import Statement, Survey


@pytest.mark.parametrize("typed, read", [
    ("1,5", 1.5), (" 0,25 ", 0.25), ("-2,5", -2.5), (",5", 0.5), ("12,5", 12.5), ("1.5", 1.5),
    ("0,125", 0.125), ("1000,5", 1000.5), ("1,0000", 1.0),
])
def test_an_editor_s_number_reads_a_decimal_comma(typed, read):
    assert parse_float(typed, comma=True) == read


@pytest.mark.parametrize("typed", [
    "1,000",  # 1 in French, 1000 in English: neither is guessed
    "12,500", "1,2,3", "1,5.5", "1.000,5", "1,", "1, 5", "un virgule cinq",
])
def test_a_comma_that_does_not_say_one_number_is_not_read(typed):
    assert parse_float(typed, comma=True) is None


def test_olx_and_whole_numbers_keep_their_own_rules():
    """OLX is the platform's format: our export writes "1.5", and an import says a value it cannot
    read (decision 71) rather than read a comma other readers of the file refuse."""
    assert parse_float("1,5") is None
    el = etree.fromstring('<emm_likert weight="1,5"/>')
    with olx.unreadable_values() as found:
        assert olx.get_float(el, "weight", 1.0) == 1.0
    assert [(u.attribute, u.value) for u in found] == [("weight", "1,5")]
    assert parse_int("1,5") is None and parse_int("2") == 2


def _case(**over):
    question = {"id": "q1", "kind": "single", "prompt": "<p>L’acte ?</p>", "points": "1",
                "options": [{"id": "o1", "text": "Le recrutement", "correct": True},
                            {"id": "o2", "text": "L’exploitation"}],
                "explanation": "<p>L’acte.</p>"}
    question.update(over)
    plain = case_editor.to_editor(Case(display_name="Étude", narrative="<p>Le 17 septembre 2022…</p>"))
    return dict(plain, questions=[question])


def test_a_question_worth_one_and_a_half_points_is_saved_so():
    case, problems = case_editor.from_editor(_case(points="1,5"), str)
    assert case.questions[0].points == 1.5
    assert not [p for p in problems if p.error]


def test_a_point_count_that_does_not_read_is_said_at_its_field():
    case, problems = case_editor.from_editor(_case(points="1,000"), str)
    assert ("questions.0.points", "Question 1: the points must be a number.") in [
        (p.field, p.message) for p in problems if p.error]


def test_a_minimum_of_words_stays_a_whole_number():
    _case_read, problems = case_editor.from_editor(_case(kind="reflection", min_words="1,5"), str)
    assert ("questions.0.min_words", "Question 1: the minimum number of words must be a whole number.") in [
        (p.field, p.message) for p in problems]


def test_the_weight_reads_a_decimal_comma_and_keeps_its_range():
    start = likert_editor.to_editor(Survey(display_name="Évaluation", statements=(Statement("a", "Utile."),)))
    survey, _problems = likert_editor.from_editor(dict(start, weight="1,5"), str)
    assert survey.weight == 1.5
    _survey, problems = likert_editor.from_editor(dict(start, weight="1500,5"), str)
    assert [p.field for p in problems if p.error and p.field == "weight"] == ["weight"]
