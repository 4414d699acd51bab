"""The Likert evaluation's codebook without any runtime (``likert.codebook.rows``): one row per
column of the responses CSV, in its order, headed exactly as that CSV heads it, saying what each
holds and how its values are written."""

import csv
import gettext
import io
from importlib.resources import files

import pytest

from emm_xblocks.common import profile
from emm_xblocks.common.spreadsheet import csv_lines
from emm_xblocks.likert import codebook, report
from emm_xblocks.likert.content import PastScale, Statement, Survey


def _(text):
    return text


FRENCH = gettext.translation("text", str(files("emm_xblocks") / "translations"), ["fr"]).gettext
STATEMENTS = (Statement("relevance", "The training is\n  relevant to my work\u00a0!"),
              Statement("pace", "The pace was too fast.", reverse=True),
              Statement("extra", "Anything else?", required=False))
PROFILE = {"profile_prompt": "You work for", "profile_options": profile.options_from(
    [{"id": "gov", "text": "Government"}, {"id": "cso", "text": "Civil society"}])}
NAMED = Survey(statements=STATEMENTS, allow_na=True, comment_box=True, comment_prompt="What would you change?",
               **PROFILE)
ANONYMOUS = Survey(statements=STATEMENTS, anonymous=True)
# the scale changed after answers (epoch 1 now, agree5 before) and a statement removed with answers
CHANGED = Survey(statements=STATEMENTS, scale="agree4", scale_epoch=1, past_scales=(PastScale(0, "agree5"),),
                 comment_box=True)
CHANGED_TALLIES = {"relevance": {"3": 2}, "old": {"1": 1}, "relevance@1": {"4": 1}}


def responses_header(survey, tallies, translate):
    """The header row the responses CSV writes (``report.csv_rows`` through ``spreadsheet.csv_lines``,
    as ``common.downloads`` writes it), read back as a spreadsheet does."""
    words = report.csv_words(survey, tallies, translate)
    body = b"".join(csv_lines(report.csv_rows(survey, [], words))).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))[0]


def book(survey, tallies, translate=_):
    return codebook.rows(survey, report.csv_words(survey, tallies, translate), translate)


@pytest.mark.parametrize("translate", [_, FRENCH], ids=["en", "fr"])
@pytest.mark.parametrize(("survey", "tallies"), [(NAMED, {}), (ANONYMOUS, {}), (CHANGED, CHANGED_TALLIES)],
                         ids=["named-profile-comment", "anonymous", "changed-scale-removed-statement"])
def test_one_row_per_column_of_the_responses_csv_in_its_order(survey, tallies, translate):
    rows = book(survey, tallies, translate)
    assert [row[0] for row in rows[1:]] == responses_header(survey, tallies, translate)
    assert all(len(row) == 4 and all(row[1:3]) for row in rows[1:])  # each says what it holds and its values


def test_each_statement_is_its_text_on_one_line_with_its_codes_and_how_na_and_no_answer_read():
    rows = {row[0]: row for row in book(NAMED, {})}
    assert rows["relevance"][1] == "The training is relevant to my work\u00a0!"  # one line, no-break space kept
    assert rows["relevance"][2] == (
        "The answer as given, its number then its label: 1 = Strongly disagree; 2 = Disagree; "
        "3 = Neither agree nor disagree; 4 = Agree; 5 = Strongly agree; N/A = not applicable; empty = not answered.")
    assert rows["relevance"][3] == "No"
    # the reverse-coded statement: its column holds the answer as given; the next one, rescored
    assert rows["pace"][3].startswith("Yes: worded negatively. This column holds the answer as given, not rescored")
    assert "“pace (reverse-coded, rescored)”" in rows["pace"][3]
    rescored = rows["pace (reverse-coded, rescored)"]
    assert rescored[1] == "Rescored answer to: The pace was too fast."
    assert rescored[2].startswith("6 minus the number of the answer as given, so that 5 is the most favourable")
    assert rows["Profile"][1:3] == ["Participant profile: You work for", (
        "The option the learner chose: Government; Civil society; “not shown” = not named: an option chosen by "
        "too few learners, or withheld to protect one that was, or no option where too few did not say; "
        "empty = not said.")]  # as the responses CSV writes it
    assert rows["Comment"][1] == "The learner's comment, answering: What would you change?"
    assert rows["Learner"][1].startswith("The learner, by their anonymised id") and rows["Date"][2].startswith("A date")


def test_a_changed_scale_and_a_removed_statement_are_described():
    rows = {row[0]: row for row in book(CHANGED, CHANGED_TALLIES)}
    assert rows["Scale"][2] == "Current: Agreement, 4 points (no neutral). Earlier: Agreement, 5 points."
    assert rows["relevance"][2].startswith("The answer as given, its number then its label: 1 = Strongly disagree; "
                                           "2 = Disagree; 3 = Agree; 4 = Strongly agree;")
    assert rows["relevance"][2].endswith("An answer given on an earlier scale has that scale's number and label "
                                         "(see “Scale”).")
    assert rows["pace (reverse-coded, rescored)"][2].startswith("5 minus the number of the answer as given, so that 4")
    assert rows["old (removed statement)"][1:3] == [
        "Answers to a statement no longer in the evaluation",
        "The answer as given, its number then its label on the scale it was given on. N/A = not applicable; "
        "empty = not answered."]


def test_in_french_the_codebook_uses_the_evaluation_s_words():
    rows = book(NAMED, {}, FRENCH)
    assert rows[0] == ["Colonne", "Contenu", "Valeurs", "Codée à l’inverse"]
    rows = {row[0]: row for row in rows}
    assert rows["relevance"][2] == (  # how the responses CSV writes N/A ("S.O."), and what it means
        "La réponse telle que donnée, son numéro puis son libellé\u00a0: 1 = Pas du tout d’accord\u202f; "
        "2 = Pas d’accord\u202f; 3 = Ni d’accord ni pas d’accord\u202f; 4 = D’accord\u202f; "
        "5 = Tout à fait d’accord\u202f; S.O. = sans objet\u202f; vide = sans réponse.")
    assert rows["pace"][3].startswith("Oui\u00a0: formulée négativement.")
    assert rows["pace (codée à l’inverse, recodée)"][3] == (
        "Oui\u00a0: déjà recodée, à ne pas inverser une seconde fois.")
    assert rows["Profil"][2].endswith("«\u00a0non affiché\u00a0» = non nommé\u00a0: une option choisie par trop peu "
                                      "de participants, ou masquée pour protéger une option qui l’a été, ou aucune "
                                      "option quand trop peu n’ont rien précisé\u202f; vide = non précisé.")


# an anonymous evaluation whose scale changed (agree5, epoch 0, before; agree4 now) and whose "old" was removed
TOLD = Survey(statements=STATEMENTS[:2], anonymous=True, min_group_size=2, scale="agree4", scale_epoch=1,
              past_scales=(PastScale(0, "agree5"),), comment_box=True, **PROFILE)
TOLD_TALLIES = {"relevance": {"2": 1}, "pace": {"4": 1}, "old": {"1": 1}, "@profile": {"gov": 3},
                "relevance@1": {"4": 2}, "pace@1": {"1": 1, "na": 1}, "old@1": {"3": 2}}


def test_an_anonymous_row_told_apart_by_when_it_was_answered_keeps_only_its_scale():
    """(Bug hunt s44.) One submission on the earlier scale among three: its row says that scale and
    nothing else of the learner's, the profile as a withheld one reads; a removed statement answered by
    one on a scale reads the same in every row of that scale."""
    assert report.told_apart(TOLD, TOLD_TALLIES) == (frozenset({0}), {"old": frozenset({0})})
    words = report.csv_words(TOLD, TOLD_TALLIES, _, profiles={"gov": "Government"})
    rows = list(report.csv_rows(TOLD, [
        ("s1", "", None, {"relevance": "2", "pace": "4", "old": "1", "@profile": "gov"}, "Mine"),
        ("s2", "", None, {"relevance@1": "4", "pace@1": "1", "old@1": "3", "@profile": "gov"}, "Ours"),
        ("s3", "", None, {"relevance@1": "4", "pace@1": "na", "old@1": "3", "@profile": "gov"}, "")], words))
    assert rows[0] == ["Scale", "relevance", "pace", "pace (reverse-coded, rescored)", "old (removed statement)",
                       "Profile", "Comment"]
    assert rows[1] == ["Agreement, 5 points", "fewer than 2", "fewer than 2", "", "fewer than 2", "not shown",
                       "fewer than 2"]
    assert rows[2] == ["Agreement, 4 points (no neutral)", "4 Strongly agree", "1 Strongly disagree", "4",
                       "3 Agree", "Government", "Ours"]
    split = report.csv_words(TOLD, TOLD_TALLIES, _, split=True, profiles={"gov": "Government"})
    lone = list(report.csv_rows(TOLD, [
        ("s1", "", None, {"relevance": "2", "pace": "4", "old": "1"}, ""),
        ("s2", "", None, {"relevance@1": "4"}, ""), ("s3", "", None, {"old@1": "3"}, "")], split))[1]
    assert lone == ["Agreement, 5 points", "fewer than 2", "", "fewer than 2", "", "", "fewer than 2", "",
                    "not shown", "fewer than 2"]


def test_a_named_evaluation_or_one_scale_answered_withholds_nothing():
    named = Survey(statements=TOLD.statements, min_group_size=2, scale="agree4", scale_epoch=1,
                   past_scales=TOLD.past_scales)
    assert report.told_apart(named, TOLD_TALLIES) == (frozenset(), {})
    # every answer on one scale (the earlier one's left out): no row is told apart by its scale, even where
    # optional statements answered by different learners leave each statement below the minimum
    assert report.told_apart(TOLD, {"relevance@1": {"4": 1}, "pace@1": {"2": 1}}) == (frozenset(), {})


def test_the_codebook_says_what_an_anonymous_row_withholds_and_why():
    rows = {row[0]: row for row in book(TOLD, TOLD_TALLIES)}
    assert rows["Scale"][2].endswith(
        "A row given on a scale fewer than 2 submissions were given on shows that scale and nothing else of the "
        "learner's: “fewer than 2” in place of each answer and of the comment, “not shown” for the profile, so "
        "that no one is told apart by when they answered.")
    assert rows["relevance"][2].endswith("“fewer than 2”: withheld (see “Scale”).")
    assert rows["Comment"][2].endswith("“fewer than 2”: withheld (see “Scale”).")
    assert rows["Profile"][2].endswith("“not shown”: withheld (see “Scale”).")
    assert rows["old (removed statement)"][2].endswith(
        "“fewer than 2” in every row given on a scale on which fewer than 2 submissions answered this statement: "
        "withheld, so that no one is told apart by when they answered.")
    assert not any("told apart" in row[2] for row in book(NAMED, {})[1:])
