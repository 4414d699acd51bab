"""Issue 11 §2 (reaction), pure: ``evaluation_report.report.reaction`` -- per evaluation figures,
shared statements, and the headline (which statement, pooled how, suppressed when)."""

from emm_xblocks.evaluation_report import learning, olx, report, validation
from emm_xblocks.evaluation_report.content import Report
from emm_xblocks.evaluation_report.csv_rows import csv_rows
from emm_xblocks.likert.content import Statement, Survey

DAY1 = Survey(display_name="Day 1",
              statements=(Statement("relevance", "Relevant"), Statement("pace", "Too fast", True)))
DAY3 = Survey(display_name="Day 3", statements=(Statement("relevance", "Relevant"), Statement("new", "New")))
SATISFACTION = Survey(display_name="Food", scale="satisfaction5", statements=(Statement("food", "The food"),))


def tallies(**by_statement):
    return {sid: {str(v): n for v, n in counts.items()} for sid, counts in by_statement.items()}


def test_each_evaluation_shared_statements_and_a_pooled_headline():
    f = report.reaction([("k1", DAY1, tallies(relevance={5: 3, 4: 3}, pace={1: 6}), 6),
                         ("k3", DAY3, tallies(relevance={5: 6}, new={3: 6}), 6)], 5, str)
    assert [e["name"] for e in f["evaluations"]] == ["Day 1", "Day 3"]
    day1 = {s["id"]: s for s in f["evaluations"][0]["statements"]}
    assert day1["relevance"]["top_box"] == 50.0 and day1["pace"]["top_box"] == 100.0  # reverse-coded 1 -> 5
    assert [s["id"] for s in f["shared"]] == ["relevance"]
    assert [c["top_two_box"] for c in f["shared"][0]["cells"]] == [100.0, 100.0]
    # no statement chosen: the most answered (relevance, 12 answers; pace and new have 6): (3 + 6) / 12
    assert f["headline"] == {"statement": "relevance", "words": "Relevant", "reverse": False, "percent": 75, "n": 12,
                             "text": "75% strongly agreed that “Relevant”.",
                             "html": "75% strongly agreed that “<bdi>Relevant</bdi>”.",
                             "evaluations": ["Day 1", "Day 3"],  # what it pools, named in the summary
                             "names": "Day 1; Day 3"}  # and in the CSV, in one line


def test_the_headline_ends_with_one_full_stop_when_the_statement_has_its_own():
    """A statement written as a sentence keeps its full stop out of the quotation: the headline once
    read "… au travail. ». (14 réponses)" in French, the sentence's stop after the statement's."""
    day = Survey(display_name="Day", statements=(Statement("relevance", "It is relevant to my work. "),
                                                  Statement("why", "Why so short..."),
                                                  Statement("ask", "Would you recommend it?")))
    data = [("k1", day, tallies(relevance={5: 3, 4: 3}, why={5: 6}, ask={5: 6}), 6)]
    assert report.reaction(data, 5, str, "relevance")["headline"]["text"] == \
        "50% strongly agreed that “It is relevant to my work”."
    assert report.reaction(data, 5, str, "why")["headline"]["text"] == "100% strongly agreed that “Why so short...”."
    assert report.reaction(data, 5, str, "ask")["headline"]["text"] == \
        "100% strongly agreed that “Would you recommend it?”."


def test_a_chosen_headline_statement_and_one_that_is_not_shown():
    data = [("k1", DAY1, tallies(relevance={5: 3, 4: 3}, pace={5: 2, 1: 4}), 6)]
    # "strongly agreed that “Too fast”": the answers as worded, not reverse-coded (2 of 6)
    assert report.reaction(data, 5, str, "pace")["headline"]["text"] == "33% strongly agreed that “Too fast”."
    assert report.reaction(data, 5, str, "unknown")["headline"] is None
    assert report.reaction(data, 5, str, "pace")["headline_note"] == ""
    assert report.reaction(data, 5, str)["headline_note"] == ""  # none chosen: the most answered


def test_a_chosen_headline_statement_that_shows_nothing_says_why():
    """Facilitator trial s34: a typo in the chosen id took the key figure out of the summary without
    a word; now the summary says so in its place. Too few answers to the chosen one is said too."""
    data = [("k1", DAY1, tallies(relevance={5: 3, 4: 3}, pace={5: 2}), 6)]
    typo = report.reaction(data, 5, str, "n_existe_pas")
    assert typo["headline"] is None and typo["headline_note"] == (
        "No evaluation of this course has a statement “n_existe_pas”, the one chosen for the key figure: check "
        "its id in this report's settings (empty: the statement most answered).")
    few = report.reaction(data, 5, str, "pace")  # 2 answers, minimum 5
    assert few["headline"] is None
    assert few["headline_note"] == "The key figure (statement “pace”) shows once enough people have answered it."
    # nobody answered yet (a new course): no typo to blame (trial s43)
    assert report.reaction([], 5, str, "relevance")["headline_note"] == (
        "The key figure (statement “relevance”) shows once enough people have answered it.")


def test_small_groups_are_suppressed_and_other_scales_say_their_top_label():
    f = report.reaction([("k1", DAY1, tallies(relevance={5: 4}), 4)], 5, str)
    assert f["evaluations"][0]["suppressed"] and f["headline"] is None
    f = report.reaction([("k1", DAY1, tallies(relevance={5: 4}), 4)], 3, str)
    assert f["evaluations"][0]["min_group_size"] == 5  # the evaluation's own minimum is higher: it holds
    f = report.reaction([("f", SATISFACTION, tallies(food={5: 5, 4: 1}), 6)], 5, str)
    assert f["headline"]["text"] == "83% answered “Very satisfied” to “The food”."


def test_settings_validation_and_olx():
    assert validation.validate(Report(), str) == []
    assert [p.field for p in validation.validate(Report(headline_statement="a b", min_group_size=0), str)] == [
        "headline_statement", "min_group_size"]
    report_ = Report(display_name="EMM", headline_statement="relevance", min_group_size=8)
    assert olx.from_xml(olx.to_xml(report_)) == report_


def test_the_headline_is_written_for_its_reader_and_the_csv_for_a_program():
    from emm_xblocks.common.numbers import Numbers

    data = [("k1", DAY1, tallies(relevance={5: 1, 4: 7}, pace={1: 8}), 8)]
    french = report.reaction(data, 5, str, "relevance", Numbers("fr"))
    # 1 of 8 is 12.5 %: rounded half up as written (round() gave 12), a no-break space in French
    assert french["headline"]["percent"] == 13
    assert french["headline"]["text"] == "13\xa0% strongly agreed that “Relevant”."
    assert report.reaction(data, 5, str, "relevance")["headline"]["text"] == "13% strongly agreed that “Relevant”."
    rows = csv_rows(french, str)
    assert ["Reaction", "Day 1", "", "Relevant", "Top box (%)", "12.5"] in rows  # a decimal point, for a program
    assert ["Reaction", "Day 1", "", "Relevant", "Strongly agree (%)", "12.5"] in rows
    assert ["Reaction", "Day 1", "", "Relevant", "Top two box (%)", "100"] in rows  # no "100.0"


def test_a_pair_is_named_by_its_tests_pre_test_first_and_by_its_key_only_when_it_must_be():
    def pair(key, *tests):
        return {"pair": key, "names": [name for _phase, name in tests], "tests": list(tests), "description": {},
                "rows": []}

    out = learning.figures([pair("niger", ("post", "Day 3 quiz"), ("pre", "Day 1 quiz")),
                           pair("same", ("pre", "Quiz"), ("post", "Quiz")),
                           pair("again", ("pre", "Quiz"), ("post", "Quiz")),
                           pair("unnamed", ("pre", " "), ("post", ""))], 5)
    assert [p["name"] for p in out] == ["Day 1 quiz · Day 3 quiz", "Quiz · same", "Quiz · again", "unnamed"]
    assert out[0]["tests"] == {"post": "Day 3 quiz", "pre": "Day 1 quiz"} and out[0]["pair"] == "niger"


def test_the_same_words_coded_both_ways_are_two_rows_a_rewording_one_row_that_says_so():
    worded = Survey(display_name="Day 2", statements=(Statement("relevance", "Useful at work"),
                                                      Statement("pace", "Too fast")))
    f = report.reaction([("k1", DAY1, tallies(relevance={5: 6}, pace={1: 6}), 6),
                         ("k2", worded, tallies(relevance={5: 6}, pace={1: 6}), 6)], 5, str)
    rows = [(s["id"], s["text"], s["reverse"], s["split"], [c and (c["top_two_box"], c["differs"]) for c in s["cells"]])
            for s in f["shared"]]
    assert rows == [("relevance", "Relevant", False, False, [(100.0, False), (100.0, True)]),
                    ("pace", "Too fast", True, True, [(100.0, False), None]),
                    ("pace", "Too fast", False, True, [None, (0.0, False)])]
    assert f["shared_caption"] == ("Percent answering “Agree” or “Strongly agree” (the two most favourable answers), "
                                   "per evaluation; for a statement marked reverse-coded, answering “Disagree” or "
                                   "“Strongly disagree”")
    # the headline quotes one wording, the most answered ("Useful at work", 7 answers): the 6 who
    # strongly agreed that "Relevant" are not counted in (pooled, it read 46 % for "Relevant")
    assert report.reaction([("k1", DAY1, tallies(relevance={5: 6}, pace={1: 6}), 6),
                            ("k2", worded, tallies(relevance={4: 7}, pace={1: 6}), 7)], 5, str,
                           "relevance")["headline"]["text"] == "0% strongly agreed that “Useful at work”."


def test_the_caption_names_no_answer_when_the_evaluations_answered_on_different_scales():
    food = Survey(display_name="Day 2", scale="satisfaction5", statements=(Statement("relevance", "Relevant"),))
    f = report.reaction([("k1", DAY1, tallies(relevance={5: 6}), 6), ("k2", food, tallies(relevance={5: 6}), 6)],
                        5, str)
    assert f["shared_caption"] == ("Percent of the two most favourable answers, per evaluation: the scale's two "
                                   "highest; for a statement marked reverse-coded, its two lowest")
