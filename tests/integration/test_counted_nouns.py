"""(Bug hunt s43.) A limit said to a learner in Arabic: the noun after the number takes the form Arabic gives that
number. The catalogue's own plural of "{n} character left" writes 2 000 as "{n} حرف" (CLDR "other":
hundreds and thousands take the singular genitive); "حرفًا" (tamyiz accusative) is the form of 11-99
only. A message with one fixed form for any {max} ("The comment is longer than {max} characters.",
likert/learner.py) says "2,000 حرفًا" to a learner whose comment is too long; the page's own
refusal (emm-forms.js, "Not sent: a text is longer than its limit of {max} characters") too.

(Bug hunt s44.) French writes the singular for 0 and 1, Spanish for 1: a message with no plural
("at least {n} people", "{n} answered", "At least %(min)s words.") said "1 personnes ont répondu",
"L’administration 1 ont répondu", "Au moins 1 mots." whatever the translator did. The printed pack
wrote its word limits as Python does ("Entre 1 et 1000 mots.") where the page says "1 000"
(decision 28). And a score put after a possessive ("moins que vos {counted} actuels") read "vos 1
point sur 6 actuels".
"""

from django.utils import translation
from webob import Request

from tests.integration.platform_blocks import CASE, LIKERT, LIKERT_ANSWERS, visible_text
from tests.integration.test_case_study_handlers import CASE as HANDLERS_CASE
from tests.openedx.fixtures import platform  # noqa: F401


def test_the_comment_limit_is_said_with_the_arabic_form_of_its_number(scenario, handlers):
    uid = scenario(LIKERT.format(extra=""))
    data = dict(LIKERT_ANSWERS, comment="x" * 2001)
    body = handlers.post(uid, "submit", data, lang="ar").json()
    assert body["error"] == "comment_too_long"
    # the form the package's Arabic catalogue itself gives 2000 characters
    block = handlers.block(uid)
    with translation.override("ar"):
        noun = block.ungettext("{n} character left", "{n} characters left", 2000).format(n="").split()[-1]
    assert noun == "حرف"
    assert "حرفًا" not in body["message"] and body["message"].rstrip(".").endswith(f"2,000 {noun}")


def test_a_word_limit_is_said_with_the_arabic_form_of_its_number(scenario, handlers):
    """Five words at most: "5 كلمات" (3 to 10 take the plural), not "5 كلمة"; twenty: "20 كلمةً"."""
    from tests.integration.platform_blocks import REFLECTION

    for limit, noun in ((5, "كلمات"), (20, "كلمةً")):
        uid = scenario(CASE.format(extra="", more=REFLECTION.replace('max_words="20"', f'max_words="{limit}"')))
        body = handlers.post(uid, "submit", {"answers": {"q1": "a", "q3": "mot " * (limit + 1)}}, lang="ar").json()
        assert body["error"] == "answer_too_long"
        assert f"({limit} {noun} " in body["message"], body["message"]


def test_a_limit_is_said_in_english_with_its_plural():
    from emm_xblocks.common.i18n import ngettext_of

    assert ngettext_of(str, "{max} word at most", "{max} words at most", 1) == "{max} word at most"
    assert ngettext_of(str, "{max} word at most", "{max} words at most", 300) == "{max} words at most"


SURVEY = """
<emm_likert display_name="Évaluation" min_group_size="1" results="learners" content_language="fr">
  <item id="relevance">La formation est utile à mon travail.</item>
  <profile prompt="Vous travaillez pour">
    <option id="gov">L’administration</option>
    <option id="cso">La société civile</option>
  </profile>
</emm_likert>
"""
REFLECTION = """
  <question id="q3" type="reflection" points="2" min_words="1" {extra}>
    <prompt><![CDATA[<p>Write.</p>]]></prompt>
    <model_answer><![CDATA[<p>MODEL</p>]]></model_answer>
    <key_point id="k1">KEY</key_point>
  </question>
"""


def results_text(ctx, key, lang):
    with translation.override(lang):
        result = ctx.handle(key, "get_results", {})
    assert result.status == 200, result.body
    return visible_text(result.json["html"])


def pack_text(ctx, key, lang):
    with translation.override(lang):
        block = ctx.block(key)
        response = block.runtime.handle(block, "facilitator_pack", Request.blank("/"))
    assert response.status_code == 200
    return visible_text(response.text)


def test_results_waiting_for_one_person_say_one_person_in_french(platform):  # noqa: F811
    """A minimum group size of 1 (allowed, with a warning): before anyone answered, staff read
    "dès qu'au moins 1 personnes ont répondu" -- while the download's line beside it, a plural
    msgid (``errors.too_few_respondents``), rightly says "au moins 1 personne aura répondu".
    Cause: likert/results.py:46 ``_("Results are shown once at least {n} people have answered
    ({count} so far).")`` has no singular."""
    sam = platform.user("sam", role="staff")
    key = platform.add(SURVEY, platform.subsection())
    french = results_text(platform.lms(sam), key, "fr")
    assert "dès qu’au moins 1 personne aura répondu" in french  # the download's line, a plural msgid
    assert "1 personnes" not in french, french
    spanish = results_text(platform.lms(sam), key, "es")
    assert "1 personas" not in spanish, spanish
    english = results_text(platform.lms(sam), key, "en")
    assert "1 people" not in english, english


def test_a_profile_one_person_answered_for_is_headed_in_the_singular(platform):  # noqa: F811
    """The results' table by profile heads each column "{n} answered": with one answer in a
    profile, French reads "L’administration 1 ont répondu", Spanish "1 respondieron".
    Cause: likert/results_html.py:234 ``_("{n} answered")``, no plural form."""
    sam, ana = platform.user("sam", role="staff"), platform.user("ana")
    key = platform.add(SURVEY, platform.subsection())
    with translation.override("fr"):
        sent = platform.lms(ana).handle(key, "submit", {"answers": {"relevance": 5}, "profile": "gov"})
    assert sent.status == 200, sent.body
    french = results_text(platform.lms(sam), key, "fr")
    assert "L’administration" in french
    assert "1 ont répondu" not in french, french
    assert "1 respondieron" not in results_text(platform.lms(sam), key, "es")


def test_a_reflection_of_at_least_one_word_says_one_word(platform):  # noqa: F811
    """``min_words="1"`` (a reflection that must not be empty): the learner's page and the printed
    pack say "Au moins 1 mots." (French), "Al menos 1 palabras." (Spanish), "At least 1 words."
    Cause: common/question_views.py:49 and common/paper.py:63 ``_("At least %(min)s words.")``,
    and case_study/learner.py:80 "This answer is too short ({min} words at least).", no plural."""
    ana, sam = platform.user("ana"), platform.user("sam", role="staff")
    key = platform.add(CASE.format(extra="", more=REFLECTION.format(extra="")), platform.subsection())
    for lang, wrong in (("fr", "1 mots"), ("es", "1 palabras"), ("en", "1 words")):
        with translation.override(lang):
            page = visible_text(platform.lms(ana).html(key))
        assert "Write." in page
        assert wrong not in page, (lang, page[page.index("Write."):][:80])
        pack = pack_text(platform.lms(sam), key, lang)
        assert wrong not in pack, (lang, pack[pack.index("Write."):][:80])


def test_the_printed_pack_writes_a_word_limit_as_the_page_does(platform):  # noqa: F811
    """Decision 28 (every number through CLDR, templates and counters included): the learner's page
    says "Entre 1 et 1 000 mots." (``question_views._word_count``: ``written(..., language, 0)``);
    the facilitator pack printed for the same room says "Entre 1 et 1000 mots." Cause:
    common/paper.py:61-63 ``_hint`` formats ``q.min_words`` / ``q.max_words`` with ``%`` on the
    raw ints (``paper_questions`` is given ``numbers`` but ``_hint`` does not use it)."""
    ana, sam = platform.user("ana"), platform.user("sam", role="staff")
    key = platform.add(CASE.format(extra="", more=REFLECTION.format(extra='max_words="1000"')), platform.subsection())
    with translation.override("fr"):
        page = visible_text(platform.lms(ana).html(key))
    assert "Entre 1 et 1 000 mots." in page  # the page, as CLDR writes it
    assert "Entre 1 et 1 000 mots." in pack_text(platform.lms(sam), key, "fr")


WRONG = {"q1": "b", "q2": ["z"], "q3": "Another reflection."}


def test_a_one_point_score_is_not_declined_in_the_plural(scenario, handlers):
    uid = scenario(HANDLERS_CASE.format(attempts=3, policy="last", show="submitted", extra=""))
    handlers.post(uid, "submit", {"answers": WRONG}, lang="fr")
    for lang, wrong, score in (("fr", "vos 1", "1 point sur 6"), ("es", "sus 1", "1 punto de 6")):
        html = handlers.post(uid, "self_assess", {"ticks": {"q3": ["k1"]}}, lang=lang).json_body["html"] \
            if lang == "fr" else handlers.view(uid, lang=lang).body_html()
        assert score in html, (lang, html[:400])
        assert wrong not in html, (lang, html[html.find(wrong) - 80:html.find(wrong) + 60])
