"""The language of a block's content (``common/content_language.py``, decision 56): one setting in
every block that shows author text, checked; the ``lang`` attribute only where it is set and is
not the page's; the page builders put it on the author's words and nowhere else."""

from dataclasses import replace
from types import SimpleNamespace

import pytest

from emm_xblocks.case_study import content as case_study
from emm_xblocks.case_study import distribution_html
from emm_xblocks.common import content_language
from emm_xblocks.common.profile import Option as ProfileOption
from emm_xblocks.common.question_views import profile_options_html, question_feedback_html, questions_html
from emm_xblocks.common.questions import Option, Question
from emm_xblocks.common.settings import PLATFORM_NAMES, editor_spec, read_editor
from emm_xblocks.common.text_filters import in_lang, isolated
from emm_xblocks.common.validation import blocking
from emm_xblocks.evaluation_report import content as evaluation_report
from emm_xblocks.knowledge_check import content as knowledge_check
from emm_xblocks.likert import content as likert
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.likert import validation as likert_validation
from emm_xblocks.role_play import content as role_play

BLOCKS = [likert, case_study, role_play, knowledge_check, evaluation_report]


@pytest.mark.parametrize("tag,page,expected", [
    ("fr", "ar", ' lang="fr"'), ("fr", "en-us", ' lang="fr"'), ("en", "fr", ' lang="en"'), ("pt", "ar", ' lang="pt"'),
    ("fr", "fr", ""), ("fr", "fr-ca", ""), ("fr", "fr_CA", ""), ("ar", "ar", ""),  # the page's own language
    ("", "ar", ""),  # not specified: nothing changes
    ("xx", "ar", ""), ('fr" onclick="x', "ar", ""), ("FR", "ar", ""),  # not on the list: never written
])
def test_the_attribute_only_where_the_language_is_set_and_not_the_pages(tag, page, expected):
    assert content_language.attr(tag, page) == expected


@pytest.mark.parametrize("module", BLOCKS, ids=lambda m: m.__name__.split(".")[1])
def test_every_block_that_shows_author_text_has_the_setting_unset_by_default(module):
    (setting,) = [s for s in module.SETTINGS if s.name == "content_language"]
    assert setting.default == "" and setting.kind == "select"
    assert list(setting.choices) == ["", "fr", "en", "es", "ar", "pt"]
    # never a name the platform gives every block, nor the course's own ``language``
    assert setting.name not in PLATFORM_NAMES and setting.name != "language"

ENGLISH_WORDS = (str, lambda one, many, n: one if n == 1 else many)  # questions_html's (gettext, ngettext)


def test_the_editor_draws_a_select_with_the_languages_named_in_the_readers_language():
    french = {"Language of the content": "Langue du contenu", "Not specified": "Non précisée",
              "French": "Français", "Arabic": "Arabe"}
    (spec,) = [s for s in editor_spec(likert.SETTINGS, lambda t: french.get(t, t)) if s["key"] == "content_language"]
    assert spec["type"] == "select" and spec["label"] == "Langue du contenu"
    assert spec["choices"][:2] == [["", "Non précisée"], ["fr", "Français"]] and ["ar", "Arabe"] in spec["choices"]


def test_a_crafted_value_is_a_problem_at_its_field_and_keeps_no_learner_out():
    survey = replace(likert.Survey(statements=(likert.Statement("a", "A"),)), content_language='fr" x="')
    problems = [p for p in likert_validation.validate(survey, str) if p.field == "content_language"]
    assert [p.message for p in problems] == ["Choose the language of the content from the list."]
    assert not blocking(problems) and likert_validation.playable(survey)
    assert not [p for p in likert_validation.validate(replace(survey, content_language="ar"), str)
                if p.field == "content_language"]


def test_the_editors_payload_with_a_crafted_value_is_refused():
    data = dict(likert_editor.to_editor(likert.Survey(statements=(likert.Statement("a", "A"),))),
                content_language="<script>")
    survey, problems = likert_editor.from_editor(data, str)
    assert [p.field for p in problems if p.error] == ["content_language"]
    assert read_editor({"content_language": "es"}, likert.SETTINGS, str)[0]["content_language"] == "es"


# ------------------------------------------------------------------ the page builders
QUESTION = Question(id="q", kind="single", prompt="<p>Que faire ?</p>",
                    options=(Option(id="a", text="Orienter", correct=True), Option(id="b", text="Attendre")))
LANG = ' lang="fr"'


def test_the_form_marks_prompts_and_options_never_the_learners_answer():
    reflection = Question(id="r", kind="reflection", prompt="<p>Pourquoi ?</p>")
    html = str(questions_html(ENGLISH_WORDS, (QUESTION, reflection), {"r": "Mon texte"}, "d", locked=False, lang=LANG))
    assert html.count(LANG) == 4  # two prompts, two options
    assert '<textarea id="d-q1-text" name="d-q1" rows="6" dir="auto" data-max-chars' in html
    assert html == str(questions_html(ENGLISH_WORDS, (QUESTION, reflection), {"r": "Mon texte"}, "d", locked=False,
                                      lang="")).replace('dir="auto">', f'dir="auto"{LANG}>').replace(
        f'dir="auto"{LANG}>Mon texte', 'dir="auto">Mon texte')


def english_plural(singular, plural, n):
    return singular if n == 1 else plural


def test_the_results_mark_the_authors_words_and_not_the_learners():
    data = {"questions": [{"id": "q", "status": "incorrect", "prompt": "Que faire ?", "earned": 0, "points": 1,
                           "chosen": [{"text": "Attendre", "feedback": "Trop tard."}], "kind": "reflection",
                           "answer_text": "Mon texte", "key_points": [{"id": "k", "text": "La dette", "ticked": False}],
                           "explanation": "<p>Parce que.</p>", "correct_options": [{"text": "Orienter"}],
                           "model_answer": "<p>Modèle.</p>"}],
            "correctness": True, "revealed": True}
    html = str(question_feedback_html(str, "d", data, {"incorrect": "Incorrect"}, ngettext=english_plural, lang=LANG))
    for text in ("Que faire ?", "Attendre</bdi>", "Trop tard.", "La dette", "Parce que.", "Orienter</bdi>",
                 "Modèle."):
        assert html.count(text) == 1
    assert html.count(LANG) == 7
    assert '<blockquote class="emm-your-text" dir="auto">Mon texte' in html  # the learner's: nothing new
    assert LANG not in str(question_feedback_html(str, "d", data, {"incorrect": "Incorrect"}, ngettext=english_plural))


def test_the_profile_options_and_the_distribution_mark_the_author_not_did_not_say():
    options = profile_options_html((ProfileOption("gov", "Agent"),), "", "d", False, "\n", lang=LANG)
    assert f'<span dir="auto"{LANG}>Agent</span>' in str(options)
    distribution = {"profile_prompt": "Vous êtes", "questions": [{
        "id": "q", "number": 1, "prompt": "Que faire ?", "n": 2,
        "options": [{"text": "Orienter", "percent_text": "50 %"}],
        "profiles": [{"key": "gov", "name": "Agent", "shown": True, "small": False, "n_text": "2",
                      "percents": ["50 %"]},
                     {"key": "", "name": "Did not say", "shown": False, "small": True, "n_text": "", "percents": []}]}]}
    words = (str, lambda one, many, n: many, SimpleNamespace(number=lambda n, d: str(n)))
    html = str(distribution_html.questions_html(distribution, words, LANG))
    assert f'<li><span{LANG}>Orienter</span>: 50 %</li>' in html
    assert f'Question 1: <span{LANG}>Que faire ?</span>' in html
    assert f'<span dir="auto"{LANG}>Agent</span>' in html and '<span dir="auto">Did not say</span>' in html
    assert f'dir="auto">Question 1 by profile: <span{LANG}>Vous êtes</span></caption>' in html  # its region's name
    plain = str(distribution_html.questions_html(distribution, words))
    assert "lang=" not in plain and "<span>" not in plain


def test_the_template_filters_take_the_language():
    assert isolated("A & B", LANG) == '<bdi lang="fr">A &amp; B</bdi>' and isolated("A") == "<bdi>A</bdi>"
    assert in_lang("A & B", LANG) == '<span lang="fr">A &amp; B</span>' and in_lang("A & B", "") == "A &amp; B"
