"""Every staff CSV's Excel variant (trial s12 C4, decisions 58 and 61) through the platform-faithful
runtime (tests/openedx): ``…/<handler>/excel`` writes the same rows as the plain CSV with the
decimal mark of the download's language ("4,17" in French, "4.17" in English) and the separator
Excel reads beside it in that language's settings (``;`` in French, Spanish and Arabic, ``,`` in
English), so that Excel opens it in columns and reads its figures as numbers.
The Likert responses give each answer's number a column of its own (AVERAGE reads it) and its
label the next; the codebook's Excel variant heads its rows with exactly those columns. Staff
pages offer each variant beside its CSV; learners never get one."""

import csv
import io
import re

import pytest
from django.utils import translation

from tests.integration.platform_blocks import LIKERT
from tests.integration.test_evaluation_report import DAY, REPORT, answer, course, staff_page
from tests.openedx.fixtures import platform  # noqa: F401

PROFILE = """<profile prompt="You work for"><option id="gov">Government</option>
  <option id="cso">Civil society (NGOs, unions; associations)</option></profile>"""
CSO = "Civil society (NGOs, unions; associations)"  # holds both separators: quoted in either file
# how Excel splits a CSV's cells and reads its numbers in each language's regional settings (Windows'
# list separator and decimal symbol: en-US ",", "."; fr-FR and es-ES ";", ","; ar-SA ";", ".")
EXCEL_READS = {"en": (",", "."), "fr": (";", ","), "es": (";", ","), "ar": (";", ".")}
LINK = {"en": "CSV for Excel (,)", "fr": "CSV pour Excel (;)", "es": "CSV para Excel (;)",
        "ar": "CSV لبرنامج Excel (;)"}
DECIMAL = re.compile(r"^-?\d+\.\d+$")  # a figure as the plain CSV writes it


def get(platform, key, handler, lang="en", excel=False, user="sam"):  # noqa: F811
    """A staff download, its rows as Python's csv module reads them (split on the separator Excel
    reads in ``lang`` for the Excel variant, ``EXCEL_READS``)."""
    with translation.override(lang):
        r = platform.lms(platform.user(user, role="staff")).handle(key, handler, method="GET",
                                                                     suffix="excel" if excel else "")
    assert r.status == 200, r.body[:300]
    assert r.body.startswith("\ufeff".encode()) and r.content_type == "text/csv"
    text = r.body.decode("utf-8-sig")
    return r, list(csv.reader(io.StringIO(text), delimiter=EXCEL_READS[lang][0] if excel else ","))


def assert_same_figures(plain, excel, decimal):
    """``excel`` holds ``plain``'s rows, cell for cell, each figure with ``decimal`` for its point;
    returns how many figures had decimals (a test must see some)."""
    assert len(excel) == len(plain) and [len(r) for r in excel] == [len(r) for r in plain]
    figures = 0
    for plain_row, excel_row in zip(plain, excel, strict=True):
        for p, e in zip(plain_row, excel_row, strict=True):
            if DECIMAL.match(p):
                figures += 1
                assert e == p.replace(".", decimal), (p, e)
            else:
                assert e == p, (p, e)
    return figures


# ------------------------------------------------------------------ the Likert evaluation
def likert(platform, extra="", profile=PROFILE):  # noqa: F811
    return platform.add(LIKERT.format(extra=f'min_group_size="2" {extra}').replace(
        "</emm_likert>", profile + "</emm_likert>"))


ANSWERS = [  # relevance: gov 5, 4, 3 (top box 33.3 %), cso 2, 5, 4; applicability N/A once
    ({"relevance": 5, "pace": 2, "applicability": "na"}, "gov", "=1+1"),
    ({"relevance": 4, "pace": 1, "applicability": 3}, "gov", "ok"),
    ({"relevance": 3, "pace": 2, "applicability": 4}, "gov", "-2"),
    ({"relevance": 2, "pace": 4, "applicability": 5}, "cso", "Merci; à demain"),
    ({"relevance": 5, "pace": 2, "applicability": 4}, "cso", ""),
    ({"relevance": 4, "pace": 3, "applicability": 2}, "cso", "Bien, merci"),
]


def answered(platform, extra=""):  # noqa: F811
    """The evaluation, answered by ``ANSWERS``'s six learners (returned with it)."""
    key = likert(platform, extra)
    learners = [platform.user(f"learner{i}") for i in range(len(ANSWERS))]
    for learner, (answers, profile, comment) in zip(learners, ANSWERS, strict=True):
        r = platform.lms(learner).handle(key, "submit", {"answers": answers, "profile": profile, "comment": comment})
        assert r.status == 200, r.json
    return key, learners


@pytest.mark.parametrize(("lang", "label", "na"), [("en", "label", "N/A"), ("fr", "libellé", "S.O.")])
def test_the_excel_responses_give_each_answer_its_number_and_its_label(platform, lang, label, na):  # noqa: F811
    key, _learners = answered(platform)
    _r, plain = get(platform, key, "export_csv", lang)
    r, excel = get(platform, key, "export_csv", lang, excel=True)
    separator = EXCEL_READS[lang][0]  # between cells, as Excel in the language's settings splits them
    header = re.sub('"[^"]*"', "", r.body.decode("utf-8-sig").split("\r\n")[0])  # a quoted cell keeps its own
    assert header.count(separator) == len(excel[0]) - 1
    assert plain[0][2:] == ["relevance", "pace", plain[0][4], "applicability", *plain[0][6:]]  # unchanged
    assert excel[0][2:9] == ["relevance", f"relevance ({label})", "pace", f"pace ({label})", plain[0][4],
                             "applicability", f"applicability ({label})"]
    assert excel[0][:2] == plain[0][:2] and excel[0][9:] == plain[0][6:]  # learner, date; profile, comment
    assert len(excel) == len(plain) == 1 + len(ANSWERS)
    column = {heading: i for i, heading in enumerate(excel[0])}
    by_learner = {row[0]: row for row in plain[1:]}
    for row in excel[1:]:
        given = by_learner[row[0]]
        for sid in ("relevance", "pace", "applicability"):
            number, words = row[column[sid]], row[column[f"{sid} ({label})"]]
            if number == na:  # not applicable: the word, no label
                assert words == "" and given[plain[0].index(sid)] == na
            else:  # the plain CSV's "4 Agree", apart
                assert f"{number} {words}" == given[plain[0].index(sid)] and number.isdigit()
        assert row[column[plain[0][4]]] == given[4]  # pace rescored, as in the plain CSV
        assert row[column[plain[0][-1]]] == given[-1]  # the comment, formula-safe in both
    numbers = [int(row[column["relevance"]]) for row in excel[1:]]
    assert sorted(numbers) == [2, 3, 4, 4, 5, 5]  # what AVERAGE() now reads: 23/6
    comments = [row[-1] for row in excel]  # text defused as in the plain CSV, a ";" kept inside its cell
    assert "'=1+1" in comments and "'-2" in comments and "Merci; à demain" in comments and "Bien, merci" in comments
    assert r.headers["Content-Disposition"] == ('attachment; filename="Evaluation-Excel.csv"; '
                                                "filename*=UTF-8''Evaluation%20%28Excel%29.csv")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("extra", ["", 'anonymous="true"'], ids=["named", "anonymous"])
def test_each_codebook_heads_its_rows_with_its_own_file_s_columns(platform, lang, extra):  # noqa: F811
    key, _learners = answered(platform, extra)
    _r, plain = get(platform, key, "export_csv", lang)
    _r, excel = get(platform, key, "export_csv", lang, excel=True)
    _r, plain_book = get(platform, key, "export_codebook", lang)
    r, excel_book = get(platform, key, "export_codebook", lang, excel=True)
    assert [row[0] for row in plain_book[1:]] == plain[0]
    assert [row[0] for row in excel_book[1:]] == excel[0]
    assert excel_book[0] == plain_book[0]
    rows = {row[0]: row for row in excel_book}
    if lang == "fr":
        assert rows["relevance"][2].startswith("Le numéro de la réponse donnée\u00a0: 1 = Pas du tout d’accord")
        assert rows["relevance"][2].endswith("Son libellé est dans «\u00a0relevance (libellé)\u00a0».")
        assert rows["relevance (libellé)"][1] == "Libellé de la réponse à\u00a0: The training is relevant to my work."
    else:
        assert rows["relevance"][2].startswith("The number of the answer as given: 1 = Strongly disagree")
        assert rows["relevance"][2].endswith("Its label is in “relevance (label)”.")
        assert rows["pace (label)"][1] == "Label of the answer to: The pace was too fast."
    named = {"en": "Evaluation-codebook", "fr": "Evaluation-dictionnaire-des-variables"}[lang]  # the page's words
    assert r.headers["Content-Disposition"].startswith(f'attachment; filename="{named}-Excel.csv"')


@pytest.mark.parametrize(("lang", "decimal"), [("en", "."), ("fr", ",")])
def test_the_figures_by_profile_for_excel_have_the_language_s_decimal_mark(platform, lang, decimal):  # noqa: F811
    key, _learners = answered(platform)
    _r, plain = get(platform, key, "export_profile_csv", lang)
    _r, excel = get(platform, key, "export_profile_csv", lang, excel=True)
    assert assert_same_figures(plain, excel, decimal) > 0
    assert ["relevance", "Government", f"33{decimal}3"] == [excel[1][0], excel[1][2], excel[1][5]]  # 1 of 3


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_each_language_s_excel_file_splits_as_excel_there_splits_it_and_its_link_names_its_separator(
        platform, lang):  # noqa: F811
    """Decision 61: Excel splits a CSV on its settings' list separator, ``;`` where the decimal mark
    is a comma and in Arabic, ``,`` in English, whose Excel put every row of a ``;`` file in
    column A. Read as Excel there reads it, each figure is alone in its cell and a number with the
    language's mark, a label holding the separator stays whole (quoted); the link says which."""
    separator, decimal = EXCEL_READS[lang]
    key, _learners = answered(platform)
    r, rows = get(platform, key, "export_profile_csv", lang, excel=True)  # split on ``separator``
    _r, plain = get(platform, key, "export_profile_csv", lang)
    assert assert_same_figures(plain, rows, decimal) > 0  # as many cells as the plain CSV's rows
    shares = [cell for row in rows[1:] for cell in row[4:] if cell and cell[0].isdigit()]
    assert f"33{decimal}3" in shares and len(shares) >= 12
    assert [float(cell.replace(decimal, ".")) for cell in shares]  # numbers to Excel there: one mark, no other
    assert not any(("," if decimal == "." else ".") in cell for cell in shares)
    assert [row[2] for row in rows[1:]].count(CSO) == 3  # its label whole in its cell...
    assert f'{separator}"{CSO}"{separator}' in r.body.decode("utf-8-sig")  # ...because quoted
    _r, responses = get(platform, key, "export_csv", lang, excel=True)
    assert {"Merci; à demain", "Bien, merci"} <= {row[-1] for row in responses}  # a comment stays one cell
    assert sorted(int(row[2]) for row in responses[1:]) == [2, 3, 4, 4, 5, 5]  # an answer's number, alone
    with translation.override(lang):
        staff = platform.lms(platform.user("sam", role="staff")).handle(key, "get_results", {}).json
    assert staff["excel_link"]["text"] == LINK[lang]
    separated_by = {"en": "commas", "fr": "points-virgules", "es": "punto y coma", "ar": "منقوطة"}[lang]
    assert separated_by in staff["excel_link"]["title"]


def test_the_excel_variants_are_staff_only_and_offered_to_staff_only(platform):  # noqa: F811
    key, learners = answered(platform, 'results="learners"')
    staff = platform.lms(platform.user("sam", role="staff")).handle(key, "get_results", {}).json
    assert staff["csv_excel_url"].endswith("/export_csv/excel")
    assert staff["codebook_excel_url"].endswith("/export_codebook/excel")
    assert staff["profile_csv_excel_url"].endswith("/export_profile_csv/excel")
    learner = platform.lms(learners[0]).handle(key, "get_results", {}).json
    assert learner["respondents"] == len(ANSWERS)  # who answered reads the results, not the files
    assert learner["csv_excel_url"] is None and learner["codebook_excel_url"] is None
    assert learner["excel_link"] is None and staff["excel_link"]["text"] == "CSV for Excel (,)"
    assert "profile_csv_excel_url" not in learner
    for handler in ("export_csv", "export_codebook", "export_profile_csv"):
        refused = platform.lms(learners[0]).handle(key, handler, method="GET", suffix="excel")
        assert refused.status == 403 and refused.json["error"] == "staff_only"


# ------------------------------------------------------------------ the course's evaluation report
@pytest.mark.parametrize(("lang", "decimal"), [("en", "."), ("fr", ",")])
def test_the_report_s_excel_figures_are_the_csv_s_with_the_language_s_decimal_mark(db, lang, decimal):
    with translation.override("en"):
        platform = course()
    day1 = platform.add(DAY.format(name="Jour 1", extra="", more=""), platform.subsection())
    report = platform.add(REPORT.format(extra='headline_statement="relevance"'), platform.subsection())
    # relevance 5,5,4,4,3,4: top box 2/6 = 33.3 %, top two 5/6 = 83.3 %, mean 25/6 = 4.17
    answer(platform, day1, 6, lambda i: {"relevance": [5, 5, 4, 4, 3, 4][i], "pace": 2})
    _r, plain = get(platform, report, "export_csv", lang)
    r, excel = get(platform, report, "export_csv", lang, excel=True)
    assert assert_same_figures(plain, excel, decimal) >= 3
    mean = "Moyenne" if lang == "fr" else "Mean"
    means = [row[5] for row in excel if row[4] == mean and row[3].startswith("The knowledge")]
    assert means == [f"4{decimal}17"]
    assert not any(DECIMAL.match(cell) for row in excel for cell in row) or decimal == "."
    assert r.headers["Content-Disposition"].startswith('attachment; filename="Evaluation-report-Excel.csv"')

    with translation.override(lang):
        page = staff_page(platform, report)
    assert re.search(r'<a class="emm-button" href="[^"]*/export_csv/excel" download data-csv-excel title="[^"]+">'
                     + ("CSV pour Excel \\(;\\)" if lang == "fr" else "CSV for Excel \\(,\\)")
                     + '<span class="emm-sr"> \\(', page), page
    learner_page = platform.lms(platform.user("ana")).html(report)  # learners: no report, no link
    assert "export_csv" not in learner_page and "Excel" not in learner_page
    refused = platform.lms(platform.user("ana")).handle(report, "export_csv", method="GET", suffix="excel")
    assert refused.status == 403 and refused.json["error"] == "staff_only"



WORDS = "The knowledge and skills acquired are relevant to my work."


@pytest.mark.parametrize(("lang", "figure", "names"), [
    ("en", "Answers counted in the headline", "Day 1; Day 3"),
    ("fr", "Réponses comptées dans le chiffre clé", "Day 1\u202f; Day 3")])
def test_the_report_s_headline_rows_name_its_evaluations_and_its_answers_as_the_page_does(db, lang, figure, names):
    """Trial s12 C4: the headline's row read ``Réaction,,,relevance,Titre,89 % étaient…``, no
    evaluation and no n, where the page says "(11 réponses)" and which evaluations it pools; and
    trial s38: its statement column held the id ``relevance`` where every other row has the words."""
    with translation.override("en"):
        platform = course()
    day1 = platform.add(DAY.format(name="Day 1", extra="", more=""), platform.subsection())
    day3 = platform.add(DAY.format(name="Day 3", extra="", more=""), platform.subsection())
    report = platform.add(REPORT.format(extra='headline_statement="relevance"'), platform.subsection())
    answer(platform, day1, 6, lambda i: {"relevance": [5, 5, 4, 4, 3, 4][i], "pace": 2})
    answer(platform, day3, 5, lambda i: {"relevance": 5, "pace": 2})  # pooled: 7 of 11 strongly agreed
    with translation.override(lang):
        page = staff_page(platform, report)
    shown = re.search(r'(?:Based on|Sur) (\d+) (?:answers|réponses)\. '
                      r'<span class="emm-er-pooled">[^:<]+: ([^<]*)</span>', page)
    assert shown and shown.groups() == ("11", names), page  # what the page says
    for excel in (False, True):
        _r, rows = get(platform, report, "export_csv", lang, excel=excel)
        headline = rows[1:3]
        assert [row[3] for row in headline] == [WORDS, WORDS]  # the statement's words, as in its other rows
        assert [row[1] for row in headline] == [names, names]  # the evaluations it pools, as the page names them
        assert headline[0][4] == ("Chiffre clé" if lang == "fr" else "Headline") and headline[0][5].startswith("64")
        assert headline[1][4:] == [figure, "11"]  # its n, an integer as the CSV writes counts


def test_a_reverse_coded_headline_statement_is_marked_on_its_rows_as_on_every_other(db):
    """Review s38: the headline's rows named a reverse-coded statement by its bare words, where its
    other rows say "(reverse-coded)"."""
    with translation.override("en"):
        platform = course()
    day = platform.add(DAY.format(name="Day 1", extra="", more=""), platform.subsection())
    report = platform.add(REPORT.format(extra='headline_statement="pace" min_group_size="1"'), platform.subsection())
    answer(platform, day, 5, lambda i: {"relevance": 5, "pace": 2})
    _r, rows = get(platform, report, "export_csv")
    assert rows[1][4] == "Headline" and rows[1][5].startswith("0% strongly agreed")
    marked = "The pace was too fast. (reverse-coded)"
    assert [row[3] for row in rows[1:3]] == [marked, marked]
    assert any(row[3] == marked and row[4] == "n" for row in rows[3:])  # the statement's own rows

