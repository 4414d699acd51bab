"""The Likert evaluation's downloads, for course staff only (403 ``staff_only`` for anyone else, staff
viewing as a learner included; the first two: 409 ``too_few_respondents`` below the minimum group size,
the second 409 ``no_profile_question`` when the evaluation asks none):

* ``csv_response`` answers ``export_csv``: every submission, one row each (``report.csv_rows``);
* ``profile_csv_response`` answers ``export_profile_csv``: the figures by participant profile
  (``report.profile_rows``), withheld cells saying so;
* ``codebook_response`` answers ``export_codebook``: what each column of the responses CSV holds
  (``codebook.rows``); at any number of respondents, even none: it holds no answer (see ``codebook``).

Every cell is formula-safe and the file starts with a BOM (``common.spreadsheet``). Each comes in two
dialects: the handler's suffix ``excel`` (``…/export_csv/excel``) asks for the Excel variant
(``common.spreadsheet.excel``: ``;``, the language's decimal mark), whose responses CSV gives each
answer's number and label a column each, and whose codebook describes those columns.
"""

from ..common import answer_rows, summary
from ..common.downloads import csv_download
from ..common.errors import HandlerError, too_few_respondents
from . import codebook, perspectives, report


def profile_csv_response(block, suffix=""):
    """The figures by participant profile as CSV, for staff only; withheld cells say so."""
    _ = block.ugettext

    def contents(_dialect):
        survey = block.load_content()
        if not survey.asks_profile:  # a page opened before the author removed the question, or a crafted request
            raise HandlerError("no_profile_question", _(
                "This evaluation asks no profile question: there are no figures by profile to download."))
        respondents, tallies, by_profile = summary.panel_counts(block.block_key(), profiles=True)
        if respondents < survey.min_group_size:
            raise too_few_respondents(_, block.numbers().number(survey.min_group_size, 0))
        table = perspectives.breakdown(survey, tallies, by_profile, respondents, _)
        return _("{title} - figures by profile").format(title=survey.display_name), report.profile_rows(table, _)

    return csv_download(block, suffix, "evaluation-profiles", contents)


def csv_response(block, suffix=""):
    """Every response, one row per submission, for staff only; no identity when anonymous.

    Written as it is read (``answer_rows.export_submissions`` pages through the rows on an index), so a
    web worker's memory holds one page of rows, not the whole evaluation; the translated words are
    fixed before the first row (the body may be written after the handler returned)."""
    _ = block.ugettext

    def contents(dialect):
        survey = block.load_content()
        key = block.block_key()
        respondents, tallies, by_profile = summary.panel_counts(key, profiles=survey.asks_profile)
        if respondents < survey.min_group_size:
            raise too_few_respondents(_, block.numbers().number(survey.min_group_size, 0))
        words = report.csv_words(survey, tallies, _, split=dialect.excel)
        if survey.asks_profile:  # a profile is named beside a submission only when its group is big enough
            table = perspectives.breakdown(survey, tallies, by_profile, respondents, _)
            words["profiles"] = perspectives.shown_profiles(table)
        return survey.display_name, report.csv_rows(survey, answer_rows.export_submissions(key), words)

    return csv_download(block, suffix, "evaluation", contents)


def codebook_response(block, suffix=""):
    """What each column of the responses CSV holds, for staff only, whoever has answered or not; the
    Excel variant's describes the Excel variant's columns."""
    _ = block.ugettext

    def contents(dialect):
        survey = block.load_content()
        # the responses CSV's columns, in the same dialect
        words = report.csv_words(survey, summary.tallies(block.block_key()), _, split=dialect.excel)
        return _("{title} - codebook").format(title=survey.display_name), codebook.rows(survey, words, _)

    return csv_download(block, suffix, "evaluation-codebook", contents)
