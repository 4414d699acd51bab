"""Staff downloads a user can click (review s25, items 3 and 9), through the platform-faithful
runtime (tests/openedx):

* a page never offers a download its handler would refuse: a refused download's JSON is never
  shown by a browser (Chromium cancels it), so below the minimum group size the link's place says
  why, in the page's language, with the same words the handler answers (one decision:
  ``likert.export.responses_refusal``, ``case_study.export.distribution_refusal``,
  ``role_play.export.perspectives_refusal``);
* a long title is shortened in a file's name, never the words after it (" - dictionnaire des
  variables", " (Excel)", ".csv")."""

from urllib.parse import unquote

from django.utils import translation

from emm_xblocks.case_study import export as case_export
from tests.integration.test_role_play_profiles import SCENARIO as ROLE_PLAY
from tests.integration.test_role_play_profiles import play

LIKERT = """
<emm_likert display_name="Eval" min_group_size="5">
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace">The pace was right.</item>
  {profile}
</emm_likert>
"""
PROFILE = """<profile prompt="You work for"><option id="gov">Government</option>
  <option id="cso">Civil society</option></profile>"""
TOO_FEW_FR = "Les réponses pourront être téléchargées dès qu’au moins 5 personnes auront répondu (1 pour l’instant)."
LONG = "Évaluation de fin de formation — formation nationale EMM2.0, Niger"  # 66 characters


def submit(handlers, uid, student, profile=None):
    data = {"answers": {"relevance": 4, "pace": 2}, **({"profile": profile} if profile else {})}
    r = handlers.post(uid, "submit", data, student=student)
    assert r.status_code == 200, r.content


def panel(handlers, uid, lang="fr"):
    r = handlers.post(uid, "get_results", {}, student="staff_1", lang=lang)
    assert r.status_code == 200, r.content
    return r.json_body["html"]


def file_name(response):
    """The name a browser saves: the UTF-8 one (RFC 6266 ``filename*``)."""
    return unquote(response["Content-Disposition"].split("filename*=UTF-8''", 1)[1])


def test_below_the_minimum_the_evaluation_offers_no_csv_and_says_why_as_its_handler_would(handlers, scenario):
    uid = scenario(LIKERT.format(profile=PROFILE))
    submit(handlers, uid, "student_1", "gov")
    html = panel(handlers, uid)
    assert "export_csv" not in html and "export_profile_csv" not in html  # no link that would fail
    assert f'<span class="emm-download-refused" data-download-refused="too_few_respondents">{TOO_FEW_FR}</span>' in html
    assert "export_codebook" in html  # the codebook holds no answer: offered at any count
    refused = handlers.get(uid, "export_csv", student="staff_1", lang="fr")
    assert refused.status_code == 409 and refused.json()["message"] == TOO_FEW_FR  # the same words
    refused = handlers.get(uid, "export_profile_csv", student="staff_1", lang="fr", suffix="excel")
    assert refused.status_code == 409 and refused.json()["message"] == TOO_FEW_FR

    for i in range(2, 6):
        submit(handlers, uid, f"student_{i}", "cso" if i % 2 else "gov")
    html = panel(handlers, uid)
    assert "data-download-refused" not in html
    assert "export_csv/excel" in html and "export_profile_csv/excel" in html
    assert handlers.get(uid, "export_csv", student="staff_1").status_code == 200
    assert handlers.get(uid, "export_profile_csv", student="staff_1").status_code == 200


def test_the_case_study_s_page_and_handler_refuse_with_one_decision(handlers, scenario):
    """The case study's handler answers the words its page writes in the link's place
    (``page_html``'s ``distribution_refusal``: ``export.distribution_refusal``'s)."""
    uid = scenario("""
<emm_case_study display_name="Cas" show_distribution="true" min_group_size="5">
  <question id="q1" type="single"><prompt><![CDATA[<p>Pick.</p>]]></prompt>
    <option id="a" correct="true">A</option><option id="b">B</option></question>
</emm_case_study>""")
    assert handlers.post(uid, "submit", {"answers": {"q1": "a"}}, student="student_1").status_code == 200
    refused = handlers.get(uid, "export_distribution", student="staff_1", lang="fr")
    assert refused.status_code == 409 and refused.json() == {"error": "too_few_respondents", "message": TOO_FEW_FR}
    page = handlers.view(uid, student="staff_1", lang="fr").content
    assert "export_distribution" not in page  # no link that would fail
    assert f'<span class="emm-download-refused" data-download-refused="too_few_respondents">{TOO_FEW_FR}</span>' in page
    assert "export_distribution" not in handlers.view(uid, student="student_2", lang="fr").content  # staff only
    with translation.override("fr"):
        block = handlers.block(uid, "staff_1")
        case, words = block.load_content(), block.translators()
        # what the page says in the link's place
        assert case_export.distribution_refusal(case, 1, words).body() == refused.json()
        assert case_export.distribution_refusal(case, 5, words) is None

    for i in range(2, 6):
        assert handlers.post(uid, "submit", {"answers": {"q1": "b"}}, student=f"student_{i}").status_code == 200
    page = handlers.view(uid, student="staff_1", lang="fr").content
    assert "data-download-refused" not in page
    assert "export_distribution/excel" in page
    assert handlers.get(uid, "export_distribution", student="staff_1").status_code == 200


def test_a_long_french_title_keeps_the_codebook_s_words_whole_in_its_file_s_name(handlers, scenario):
    uid = scenario(LIKERT.format(profile="").replace('display_name="Eval"', f'display_name="{LONG}"'))
    plain = handlers.get(uid, "export_codebook", student="staff_1", lang="fr")
    excel = handlers.get(uid, "export_codebook", student="staff_1", lang="fr", suffix="excel")
    assert file_name(plain) == "Évaluation de fin de formation — formation… - dictionnaire des variables.csv"
    assert file_name(excel) == "Évaluation de fin de formation — formation… - dictionnaire des variables (Excel).csv"
    assert plain["Content-Disposition"].startswith(
        'attachment; filename="Evaluation-de-fin-de-formation-formation-dictionnaire-des-variables.csv"')
    assert all(len(file_name(r).removesuffix(".csv")) <= 80 for r in (plain, excel))


def test_a_long_french_title_keeps_the_role_play_s_words_whole_in_its_excel_file_s_name(handlers, scenario):
    title = "Le filtrage au centre de transit d’Assamaka, avec les services de protection"
    uid = scenario(ROLE_PLAY.format(show="true").replace('display_name="Profils"', f'display_name="{title}"'))
    play(handlers, uid, "gov0", "Refer her", profile="gov")
    excel = handlers.get(uid, "export_perspectives", student="staff_1", lang="fr", suffix="excel")
    assert excel.status_code == 200
    assert file_name(excel) == "Le filtrage au centre de transit… - choix par rôle et par profil (Excel).csv"
