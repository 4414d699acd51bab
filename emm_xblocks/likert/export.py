"""The Likert evaluation's downloads, for course staff only (403 ``staff_only`` for anyone else, staff
viewing as a learner included; the first two: 409 ``too_few_respondents`` below the minimum group size,
the second 409 ``no_profile_question`` when the evaluation asks none):

* ``csv_response`` answers ``export_csv``: every submission, one row each (``report.csv_rows``);
* ``profile_csv_response`` answers ``export_profile_csv``: the figures by participant profile
  (``report.profile_rows``), withheld cells saying so;
* ``codebook_response`` answers ``export_codebook``: what each column of the responses CSV holds
  (``codebook.rows``); at any number of respondents, even none: it holds no answer (see ``codebook``).

``responses_refusal`` and ``profile_refusal`` are the first two's one decision, which the results
panel asks too (``views.results_json``): it offers neither link while its handler would refuse, and
says why in its place (``common.downloads.links_html``).

Every cell is formula-safe and the file starts with a BOM (``common.spreadsheet``). Each comes in two
dialects: the handler's suffix ``excel`` (``…/export_csv/excel``) asks for the Excel variant
(``common.spreadsheet.excel``: ``;``, the language's decimal mark), whose responses CSV gives each
answer's number and label a column each, and whose codebook describes those columns.
"""

from ..common import answer_rows, summary
from ..common.downloads import csv_download
from ..common.errors import HandlerError, too_few_respondents
from ..common.spreadsheet import FileName
from . import codebook, perspectives, report


def responses_refusal(survey, respondents, words):
    """Why the responses CSV cannot be downloaded (a ``HandlerError``), or None: fewer
    ``respondents`` than the minimum group size. ``words``: the block's ``translators()``."""
    if respondents < survey.min_group_size:
        return too_few_respondents(words, survey.min_group_size, respondents)
    return None


def profile_refusal(survey, respondents, words):
    """Why the figures by profile cannot be downloaded (a ``HandlerError``), or None: no profile
    question, or fewer ``respondents`` than the minimum group size."""
    _ = words[0]  # named as xgettext's keyword is (scripts/i18n.py)
    if not survey.asks_profile:  # a page opened before the author removed the question, or a crafted request
        return HandlerError("no_profile_question", _(
            "This evaluation asks no profile question: there are no figures by profile to download."))
    return responses_refusal(survey, respondents, words)


def profile_csv_response(block, suffix=""):
    """The figures by participant profile as CSV, for staff only; withheld cells say so."""
    _ = block.ugettext

    def contents(_dialect):
        survey = block.load_content()
        respondents, tallies, by_profile = summary.panel_counts(block.block_key(), profiles=survey.asks_profile)
        refused = profile_refusal(survey, respondents, block.translators())
        if refused is not None:
            raise refused
        table = perspectives.breakdown(survey, tallies, by_profile, respondents, _)
        return FileName(_("{title} - figures by profile"), survey.display_name), report.profile_rows(table, _)

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
        refused = responses_refusal(survey, respondents, block.translators())
        if refused is not None:
            raise refused
        # a profile is named beside a submission only when its group is big enough
        shown = perspectives.shown_profiles(perspectives.breakdown(survey, tallies, by_profile, respondents, _))
        # a named evaluation's rows without a learner, withheld while they are few (``report.keyless_few``)
        keyless = 0 if survey.anonymous else answer_rows.keyless_submissions(key)
        words = report.csv_words(survey, tallies, _, split=dialect.excel, profiles=shown, keyless=keyless)
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
        return FileName(_("{title} - codebook"), survey.display_name), codebook.rows(survey, words, _)

    return csv_download(block, suffix, "evaluation-codebook", contents)
