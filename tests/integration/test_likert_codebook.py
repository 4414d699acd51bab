"""The Likert evaluation's codebook download (``export_codebook``) through the platform-faithful
runtime (tests/openedx): staff only, at any number of respondents, one row per column of the
responses CSV (``export_csv``) headed exactly as that CSV heads it, in the reader's language."""

import csv
import io

import pytest
from django.utils import translation

from emm_xblocks.likert import editor as likert_editor
from tests.integration.platform_blocks import LIKERT
from tests.openedx.fixtures import platform  # noqa: F401

PROFILE = """<profile prompt="You work for"><option id="gov">Government</option>
  <option id="cso">Civil society</option></profile>"""


def add(platform, extra="", profile=""):  # noqa: F811
    """A three-statement evaluation (``pace`` reverse-coded, N/A offered, a comment box)."""
    return platform.add(LIKERT.format(extra=f'min_group_size="2" {extra}').replace(
        "</emm_likert>", profile + "</emm_likert>"))


def download(platform, key, handler, lang="en", user="sam"):  # noqa: F811
    with translation.override(lang):
        r = platform.lms(platform.user(user, role="staff")).handle(key, handler, method="GET")
    assert r.status == 200, r.body[:300]
    return r, list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))


def answer(platform, key, n, **extra):  # noqa: F811
    """``n`` learners answer; returns them."""
    learners = [platform.user(f"learner{i}") for i in range(n)]
    for learner in learners:
        data = {"answers": {"relevance": 5, "pace": 2, "applicability": "na"}, "comment": "=1+1", **extra}
        r = platform.lms(learner).handle(key, "submit", data)
        assert r.status == 200, r.json
    return learners


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("extra", "profile"), [("", PROFILE), ('anonymous="true"', "")],
                         ids=["named-with-profile", "anonymous"])
def test_the_codebook_has_a_row_per_column_of_the_responses_csv(platform, extra, profile, lang):  # noqa: F811
    key = add(platform, extra, profile)
    answer(platform, key, 3, **({"profile": "gov"} if profile else {}))
    _r, responses = download(platform, key, "export_csv", lang)
    r, book = download(platform, key, "export_codebook", lang)
    assert [row[0] for row in book[1:]] == responses[0]
    assert r.body.startswith("\ufeff".encode()) and r.content_type == "text/csv"
    # the file's name in the page's language, as every other download's
    named = {"en": "Evaluation%20-%20codebook", "fr": "Evaluation%20-%20dictionnaire%20des%20variables"}[lang]
    assert r.headers["Content-Disposition"].endswith(f"filename*=UTF-8''{named}.csv")
    rows = {row[0]: row for row in book}
    assert rows["pace"][1] == "The pace was too fast."
    if lang == "fr":  # the scale's points and N/A as the French responses CSV writes them
        assert book[0] == ["Colonne", "Contenu", "Valeurs", "Codée à l’inverse"]
        assert "5 = Tout à fait d’accord\u202f; S.O. = sans objet\u202f; vide = sans réponse." in rows["pace"][2]
        pace = responses[0].index("pace")
        assert {row[pace] for row in responses[1:]} == {"2 Pas d’accord"}  # the column, as given
    else:
        assert rows["pace"][3].startswith("Yes: worded negatively. This column holds the answer as given, not rescored")
        assert "2 = Disagree" in rows["pace"][2] and "N/A = not applicable" in rows["pace"][2]


def test_after_a_scale_change_and_a_removed_statement_the_codebook_still_matches(platform):  # noqa: F811
    key = add(platform)
    answer(platform, key, 2)
    author = platform.studio_editor(platform.user("author", role="staff"))
    data = dict(likert_editor.to_editor(author.block(key).load_content()), scale="agree4")
    data["statements"] = data["statements"][1:]  # "relevance" removed, with its answers
    assert author.handle(key, "studio_submit", dict(data, confirm=True)).status == 200
    _r, responses = download(platform, key, "export_csv")
    _r, book = download(platform, key, "export_codebook")
    assert responses[0][:3] == ["Learner", "Date", "Scale"] and "relevance (removed statement)" in responses[0]
    assert [row[0] for row in book[1:]] == responses[0]
    assert {row[0]: row[2] for row in book}["Scale"] == (
        "Current: Agreement, 4 points (no neutral). Earlier: Agreement, 5 points.")


def test_staff_get_the_codebook_before_anyone_answers_and_only_staff(platform):  # noqa: F811
    key = add(platform, profile=PROFILE)
    _r, book = download(platform, key, "export_codebook")  # no respondent: it holds no answer
    assert [row[0] for row in book] == ["Column", "Learner", "Date", "relevance", "pace",
                                        "pace (reverse-coded, rescored)", "applicability", "Profile", "Comment"]
    staff = platform.lms(platform.user("sam", role="staff"))
    results = staff.handle(key, "get_results", {}).json
    assert results["suppressed"] and results["csv_url"] is None
    assert "/export_codebook" in results["codebook_url"]  # offered to staff at once, unlike the responses

    ana = platform.user("ana")
    refused = platform.lms(ana).handle(key, "export_codebook", method="GET")
    assert refused.status == 403 and refused.json["error"] == "staff_only" and refused.json["message"]
    masquerading = platform.lms(platform.user("sam", role="staff"), masquerade_as=ana)
    refused = masquerading.handle(key, "export_codebook", method="GET")  # staff, told to switch back
    assert refused.status == 403 and refused.json["error"] == "viewing_as_learner"
    shown = add(platform, 'results="learners"')  # learners who answered read the results, not the files
    learner = answer(platform, shown, 2)[0]
    body = platform.lms(learner).handle(shown, "get_results", {}).json
    assert body["respondents"] == 2 and body["codebook_url"] is None and body["csv_url"] is None
