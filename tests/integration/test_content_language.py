"""Author content says its language (WCAG 2.1 SC 3.1.2, decision 56): where a block's
``content_language`` is set and the page is in another language, every element holding the
author's words carries ``lang``; the interface's words and the learner's own text never do; and
unset, or the page's own language, the page is the same to the byte.

``spoken(html)`` reads each text of a page with the language a screen reader takes for it: the
``lang`` of its nearest element that has one (the block's root says the page's); what is hidden
from screen readers (``aria-hidden``: the report's charts, decision 34) is left out.
"""

import json
import re

import lxml.html
import pytest
from django.utils import translation
from lxml import etree
from webob import Request

from tests.integration.test_author_text_direction import CASE
from tests.openedx.fixtures import platform  # noqa: F401 (fixture)


def spoken(markup):
    """``{text: {languages}}``: each text of ``markup`` with the language it is read in."""
    tree = lxml.html.fragment_fromstring(markup, create_parent="div")

    def language(el):
        for node in [el, *el.iterancestors()]:
            if node.get("lang") is not None:
                return node.get("lang")
        return None

    found = {}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if any(node.get("aria-hidden") == "true" for node in [el, *el.iterancestors()]):
            continue
        if el.text and el.text.strip():
            found.setdefault(el.text.strip(), set()).add(language(el))
        if el.tail and el.tail.strip() and el.getparent() is not None:
            found.setdefault(el.tail.strip(), set()).add(language(el.getparent()))
    return found


def in_french(markup):
    """The texts of ``markup`` read as French (and only as French)."""
    return {text for text, languages in spoken(markup).items() if languages == {"fr"}}


def with_language(xml, tag="fr"):
    """``xml`` (one block's OLX) with ``content_language`` set on its root."""
    return re.sub(r"^(\s*<emm_\w+)", rf'\1 content_language="{tag}"', xml, count=1)


LIKERT = """<emm_likert display_name="Jour 1 (fin)." allow_na="true" comment_box="true">
  <intro><![CDATA[<p>Merci d’avoir participé.</p>]]></intro>
  <item id="a">La formation est utile ?</item>
  <item id="b" reverse="true">Le rythme était trop rapide.</item>
  <comment_prompt>Autre chose ?</comment_prompt>
  <profile prompt="Vous travaillez pour :"><option id="gov">L’État</option><option id="ong">Une ONG</option></profile>
</emm_likert>"""
LIKERT_AUTHOR = {"Jour 1 (fin).", "Merci d’avoir participé.", "La formation est utile ?",
                 "Le rythme était trop rapide.", "Autre chose ?", "Vous travaillez pour :", "L’État", "Une ONG"}


# ------------------------------------------------------------------ the Likert evaluation
def test_an_arabic_page_says_the_likerts_french_words_are_french_and_no_other(scenario, handlers):
    uid = scenario(with_language(LIKERT))
    html = handlers.view(uid, lang="ar").content
    assert 'lang="ar"' in html  # the page (the block's root) is Arabic
    # every author text, and nothing else: not the preset scale's points, "Not applicable", the
    # statements' numbers, the notes and buttons, all of them the reader's (Arabic)
    assert in_french(html) == LIKERT_AUTHOR
    labels = spoken(html)
    assert labels["1."] == {"ar"}


def test_a_custom_scales_labels_are_the_authors_and_say_so(scenario, handlers):
    uid = scenario(with_language('<emm_likert display_name="É" scale="custom" allow_na="true">'
                                 '<label>Jamais.</label><label>Toujours !</label><item id="a">Utile ?</item>'
                                 '</emm_likert>'))
    html = handlers.view(uid, lang="ar").content
    assert {"Jamais.", "Toujours !", "Utile ?"} <= in_french(html)
    assert not {"لا ينطبق", "غير منطبق"} & in_french(html)  # "Not applicable" stays the reader's




def test_the_likert_results_name_the_language_of_the_author_s_words(scenario, handlers):
    uid = scenario(with_language(LIKERT.replace("<emm_likert ", '<emm_likert min_group_size="1" results="learners" ')))
    assert handlers.post(uid, "submit", {"answers": {"a": 4, "b": 2}}).status_code == 200
    assert handlers.post(uid, "get_results", {}, lang="ar").json_body["lang"] == "fr"
    assert "lang" not in handlers.post(uid, "get_results", {}, lang="fr").json_body


# ------------------------------------------------------------------ the case study
CASE_AUTHOR = {"Assamaka, 2015.", "Protection (enfants).", "Agadez.", "La loi 2015-36 : en vigueur.",
               "Le contexte :", "Deux adolescents de moins de 18 ans.", "Carte (Niger).", "Carte du Niger, 2015.",
               "Loi 2015-36.", "1,2 Mo", "Que faire d’abord ?", "Orienter !", "Attendre.",
               "Pourquoi « rembourser » ?"}


def test_the_case_studys_page_marks_the_author_and_not_the_learners_draft(scenario, handlers):
    uid = scenario(with_language(CASE))
    assert handlers.post(uid, "save_draft", {"answers": {"q2": "Sans renvoi de l’enfant."}}).status_code == 200
    html = handlers.view(uid, lang="ar").content
    assert in_french(html) == CASE_AUTHOR
    assert spoken(html)["Sans renvoi de l’enfant."] == {"ar"}  # the learner's own words: nothing new
    # the document's viewer, which its excerpt is loaded into, says it too
    assert re.search(r'<div class="emm-doc-text" dir="auto" lang="fr" data-doc-text>', html)


def test_the_case_studys_results_mark_the_authors_words_beside_the_readers(scenario, handlers):
    uid = scenario(with_language(CASE))
    panel = handlers.post(uid, "submit", {"answers": {"q1": "b", "q2": "Une dette, à « rembourser »."}},
                          lang="ar").json_body["html"]
    french = in_french(panel)
    assert {"Que faire d’abord ?", "Pourquoi « rembourser » ?", "Attendre.", "Trop tard.",
            "L’intérêt de l’enfant d’abord.", "La dette.", "Orienter !", "Une dette de voyage."} <= french
    # the learner's answer: nothing new (the panel goes into the page's root, which says the page's)
    assert spoken(panel)["Une dette, à « rembourser »."] == {None}
    # the distribution: the option in French, its percentage the reader's
    assert re.search(r'<li><span lang="fr">Attendre\.</span>: [^<]+</li>', panel)
    heading = re.search(r'<h5 class="emm-dist-question" dir="auto">([^\n]*)</h5>', panel).group(1)
    assert heading.startswith("السؤال") or "<span lang=\"fr\">" in heading
    assert '<span lang="fr">Que faire d’abord ?</span>' in heading
    assert panel in handlers.view(uid, lang="ar").content  # the page after a reload shows the same


def test_the_case_studys_profile_distribution_marks_options_not_did_not_say(scenario, handlers):
    xml = with_language('<emm_case_study display_name="C" show_distribution="true" min_group_size="1">'
                        '<narrative>N</narrative><profile prompt="Vous êtes :"><option id="gov">Agent</option>'
                        '<option id="ong">ONG</option></profile><question id="q" type="single"><prompt>Quoi ?</prompt>'
                        '<option id="a" correct="true">Oui</option><option id="b">Non</option>'
                        '<explanation>Parce que.</explanation></question>'
                        '</emm_case_study>')
    uid = scenario(xml)
    handlers.post(uid, "submit", {"answers": {"q": "a"}, "profile": "gov"}, student="student_2")
    panel = handlers.post(uid, "submit", {"answers": {"q": "b"}}, lang="ar").json_body["html"]
    table = re.search(r"<table class=\"emm-table emm-dist-profiles\">.*?</table>", panel, re.S).group(0)
    assert {"Vous êtes :", "Oui", "Non", "Agent"} <= in_french(table)
    assert 'data-profile-group=""><th scope="row"><span dir="auto">' in table  # "Did not say": the reader's


# ------------------------------------------------------------------ the knowledge check
CHECK = """<emm_knowledge_check display_name="Jour 3 (test final)." phase="post" pair="x">
  <intro><![CDATA[<p>Répondez seul.</p>]]></intro>
  <question id="q" type="single"><prompt>Traite ou trafic ?</prompt>
    <option id="a" correct="true">Trafic.<feedback>Exact !</feedback></option>
    <option id="b">Traite.<feedback>Non : pas d’exploitation.</feedback></option>
    <explanation>Le passage se termine à l’arrivée.</explanation></question>
</emm_knowledge_check>"""


def test_the_knowledge_checks_page_and_results_mark_the_author(scenario, handlers):
    uid = scenario(with_language(CHECK))
    page = handlers.view(uid, lang="ar").content
    assert in_french(page) == {"Jour 3 (test final).", "Répondez seul.", "Traite ou trafic ?", "Trafic.", "Traite."}
    panel = handlers.post(uid, "submit", {"answers": {"q": "b"}}, lang="ar").json_body["html"]
    assert {"Traite ou trafic ?", "Traite.", "Non : pas d’exploitation.", "Le passage se termine à l’arrivée.",
            "Trafic."} == in_french(panel)
    # on a French page, the same content and results say nothing more than the page
    on_french_page = handlers.view(uid, lang="fr").content
    assert "Le passage se termine à l’arrivée." in on_french_page
    assert on_french_page.count('lang="fr"') == 1  # the block's root


def test_the_knowledge_checks_staff_figures_mark_the_prompts(scenario, handlers):
    uid = scenario(with_language(CHECK.replace('pair="x"', 'pair="x" min_group_size="1"')))
    html = handlers.view(uid, student="staff_1", lang="ar").content
    assert "Traite ou trafic ?" in in_french(html)


# ------------------------------------------------------------------ the role-play
ROLE_PLAY = """<emm_role_play display_name="Poste frontière (jour 2)." show_others="true" min_group_size="1">
  <intro><![CDATA[<p>Bienvenue !</p>]]></intro>
  <role id="r" start="n1">Agent (police).<brief><![CDATA[<p>Vous êtes agent.</p>]]></brief></role>
  <role id="s" start="n1">Travailleuse sociale</role>
  <node id="n1" speaker="Amina, 16 ans :"><narrative>Un groupe arrive.</narrative>
    <choice goto="end" points="1">Écouter !<consequence>Elle parle.</consequence></choice>
    <choice goto="end2" points="0">Renvoyer.</choice></node>
  <node id="end" ending="true" category="good"><narrative>Fin.</narrative><debrief>Bien !</debrief></node>
  <node id="end2" ending="true" category="Une fin à part"><narrative>Fin 2.</narrative>
    <debrief>Hélas.</debrief></node>
  <band min="0">Continuez.</band>
</emm_role_play>"""


def choose(handlers, uid, html, label, **kw):
    token = re.search(r'data-choice="([^"]+)"[^>]*>' + re.escape(label), html).group(1)
    return handlers.post(uid, "choose", {"choice": token}, **kw).json_body["html"]


def test_the_role_plays_panels_mark_the_author_and_not_the_readers_words(scenario, handlers):
    uid = scenario(with_language(ROLE_PLAY))
    page = handlers.view(uid, lang="ar").content
    assert in_french(page) == {"Poste frontière (jour 2).", "Bienvenue !", "Agent (police).", "Vous êtes agent.",
                               "Travailleuse sociale"}
    started = handlers.post(uid, "begin", {"role": "r"}, lang="ar").json_body["html"]
    assert in_french(started) == {"Agent (police).", "Amina, 16 ans :", "Un groupe arrive.", "Écouter !", "Renvoyer."}
    ended = choose(handlers, uid, started, "Écouter !", lang="ar")
    french = in_french(ended)
    assert {"Écouter !", "Elle parle.", "Fin.", "Bien !"} <= french
    # "good" is a kind of ending the package names: the reader's word, never marked
    assert re.search(r'<p class="emm-rp-category[^"]*">[^<]*<bdi>', ended)
    # the other ending's kind is the author's own word
    handlers.post(uid, "begin", {"role": "s"}, student="student_2", lang="ar")
    other = choose(handlers, uid, handlers.post(uid, "state", {}, student="student_2", lang="ar").json_body["html"],
                   "Renvoyer.", student="student_2", lang="ar")
    assert '<bdi lang="fr">Une fin à part</bdi>' in other


def test_the_role_plays_split_marks_roles_and_choices(scenario, handlers):
    uid = scenario(with_language(ROLE_PLAY))
    for student, role in (("student_2", "s"), ("student_1", "r")):
        started = handlers.post(uid, "begin", {"role": role}, student=student, lang="ar").json_body["html"]
        ended = choose(handlers, uid, started, "Écouter !", student=student, lang="ar")
    tables = re.findall(r'<table class="emm-rp-split">.*?</table>', ended, re.S)
    assert tables
    assert {"Agent (police).", "Travailleuse sociale", "Écouter !"} <= in_french("".join(tables))


# ------------------------------------------------------------------ the same language, or none
BLOCKS = {"likert": LIKERT, "case": CASE, "check": CHECK, "role_play": ROLE_PLAY,
          "report": '<emm_evaluation_report display_name="Rapport"/>'}


ANSWERED = {"likert": ("submit", {"answers": {"a": 4, "b": 2}, "comment": "Très utile."}),
            "case": ("submit", {"answers": {"q1": "b", "q2": "Une dette, à « rembourser »."}}),
            "check": ("submit", {"answers": {"q": "b"}}),
            "role_play": ("begin", {"role": "r"})}


@pytest.mark.parametrize("kind", ["likert", "case", "check", "role_play"])
def test_the_same_language_as_the_page_or_none_adds_not_a_byte(kind, scenario, handlers):
    uid = scenario(BLOCKS[kind])
    handler, data = ANSWERED[kind]  # the page with the learner's answers and their results
    assert handlers.post(uid, handler, data).status_code == 200
    unset = {lang: handlers.view(uid, lang=lang).content for lang in ("fr", "ar", "fr-ca")}
    assert 'lang="fr"' not in unset["ar"]
    handlers.author_settings(uid, content_language="fr")
    assert handlers.view(uid, lang="fr").content == unset["fr"]  # the page's own language: not a byte
    assert unset["fr"].count('lang="fr"') == 1  # the block's root only
    assert handlers.view(uid, lang="fr-ca").content == unset["fr-ca"]  # fr content on a fr-ca page
    assert handlers.view(uid, lang="ar").content != unset["ar"]


# ------------------------------------------------------------------ Studio's preview
PREVIEWED = {  # every text of the author's a block's preview shows, and nothing else: not an id, a key, a
    # setting's label or value, a kind of question or of ending the package names
    "likert": {"Jour 1 (fin).", "Merci d’avoir participé.", "La formation est utile ?", "Le rythme était trop rapide."},
    "case": {"Assamaka, 2015.", "Protection (enfants).", "Agadez.", "La loi 2015-36 : en vigueur.", "Le contexte :",
             "Deux adolescents de moins de 18 ans.", "Loi 2015-36.", "Article 1.", "Carte (Niger).",
             "Que faire d’abord ?", "✔ Orienter ! —", "Bien vu.", "Attendre. —", "Trop tard.",
             "L’intérêt de l’enfant d’abord.", "Pourquoi « rembourser » ?", "La dette.", "Une dette de voyage."},
    "check": {"Jour 3 (test final).", "Répondez seul.", "Traite ou trafic ?", "✔ Trafic. —", "Exact !", "Traite. —",
              "Non : pas d’exploitation.", "Le passage se termine à l’arrivée."},
    "role_play": {"Poste frontière (jour 2).", "Agent (police).", "Travailleuse sociale", "Un groupe arrive.",
                  "Écouter !", "Renvoyer.", "Fin.", "Fin 2.", "Une fin à part"},
    "report": {"Rapport"},
}


@pytest.mark.parametrize("kind", list(PREVIEWED))
def test_studio_s_preview_in_arabic_says_the_author_s_words_are_french(kind, scenario, handlers):
    uid = scenario(with_language(BLOCKS[kind]))
    html = handlers.view(uid, "author_view", student="staff_1", lang="ar").body_html()
    assert 'lang="ar" dir="rtl"' in html  # the author's Studio: Arabic
    french = in_french(html)  # an option, and the dash before its feedback, are one text
    assert french == PREVIEWED[kind], (PREVIEWED[kind] - french, french - PREVIEWED[kind])
    assert handlers.view(uid, "author_view", student="staff_1", lang="fr").body_html().count('lang="fr"') == 1


def test_studio_s_preview_isolates_a_custom_scale_s_labels_and_a_role_in_its_sentence(scenario, handlers):
    likert = scenario(with_language('<emm_likert display_name="É" scale="custom">'
                                    '<label>Jamais.</label><label>Toujours !</label><item id="a">Utile ?</item>'
                                    '</emm_likert>'))
    html = handlers.view(likert, "author_view", student="staff_1", lang="ar").body_html()
    assert '<bdi lang="fr">Jamais.</bdi> / <bdi lang="fr">Toujours !</bdi>' in html
    preset = handlers.view(scenario(with_language(LIKERT)), "author_view", student="staff_1", lang="ar").body_html()
    assert "<bdi" not in re.search(r'<dd data-setting="scale">[^\n]*</dd>', preset).group(0)  # the reader's words
    role_play = scenario(with_language(ROLE_PLAY))
    html = handlers.view(role_play, "author_view", student="staff_1", lang="ar").body_html()
    assert re.search(r'<li><bdi lang="fr">Agent \(police\)\.</bdi>[^<]*«n1»', html)  # in the Arabic sentence


# ------------------------------------------------------------------ the editor and OLX
def test_a_crafted_language_is_refused_with_a_translated_problem(scenario, handlers):
    from emm_xblocks.likert import editor

    uid = scenario(LIKERT)
    payload = dict(editor.to_editor(handlers.block(uid).load_content()), content_language='fr" onclick="x')
    refused = handlers.post(uid, "studio_submit", payload, student="staff_1", lang="fr")
    assert refused.status_code == 400 and refused.json_body["error"] == "invalid_content"
    (problem,) = [p for p in refused.json_body["problems"] if p["field"] == "content_language"]
    assert problem["message"] == "Choisissez la langue du contenu dans la liste."
    assert handlers.block(uid).load_content().content_language == ""  # nothing saved
    payload["content_language"] = "pt"
    assert handlers.post(uid, "studio_submit", payload, student="staff_1").status_code == 200
    assert handlers.block(uid).load_content().content_language == "pt"


def test_an_imported_unknown_language_shows_in_studio_and_keeps_no_learner_out(scenario, handlers):
    uid = scenario(with_language(LIKERT, "xx"))
    html = handlers.view(uid, lang="ar").content
    assert 'lang="xx"' not in html and "emm-likert-form" in html  # served, nothing declared
    assert any(p.field == "content_language" for p in handlers.block(uid).problems())


@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_the_language_round_trips_through_export_and_import(platform, kind):  # noqa: F811
    key = platform.add(with_language(BLOCKS[kind]), platform.subsection())
    assert platform.unbound(key).content_language == "fr"
    exported = platform.export(key)
    assert etree.fromstring(exported).get("content_language") == "fr"
    again = platform.add(exported, platform.subsection())
    assert platform.unbound(again).content_language == "fr"
    assert platform.export(again) == exported
    # not specified: not written
    plain = platform.add(BLOCKS[kind], platform.subsection())
    assert "content_language" not in platform.export(plain)


# ------------------------------------------------------------------ the mobile apps
@pytest.mark.parametrize("kind", ["likert", "case", "check", "role_play"])
def test_the_mobile_apps_data_says_the_language_of_the_authors_words(platform, kind):  # noqa: F811
    """``student_view_data`` (computed once per course, served in every language) carries the
    content's BCP 47 tag, so an app can mark the author's words as the page does; "" unset, or
    for a value not on the list (imported OLX), never the reader's language."""
    from tests.openedx import mobile_collect

    plain = platform.add(BLOCKS[kind], platform.subsection())
    assert mobile_collect(platform, plain)["student_view_data"]["content_language"] == ""
    french = platform.add(with_language(BLOCKS[kind]), platform.subsection())
    for reader in ("ar", "fr", "en"):
        with translation.override(reader):
            assert mobile_collect(platform, french)["student_view_data"]["content_language"] == "fr"
    unknown = platform.add(with_language(BLOCKS[kind], "xx"), platform.subsection())
    assert mobile_collect(platform, unknown)["student_view_data"]["content_language"] == ""


# ------------------------------------------------------------------ the evaluation report
def test_the_report_marks_each_evaluations_words_with_its_own_language(db):
    from tests.integration.test_evaluation_report import CHECK as KC
    from tests.integration.test_evaluation_report import RIGHT, WRONG, answer, course

    day = ('<emm_likert display_name="{name}" min_group_size="1" content_language="{lang}" scale="{scale}">'
           '{labels}<item id="relevance">{text}</item></emm_likert>')
    custom = "<label>Non</label><label>Bof</label><label>Oui</label>"
    with translation.override("en"):
        platform = course()
        day1 = platform.add(day.format(name="Jour 1.", lang="fr", text="La formation est utile.", scale="custom",
                                       labels=custom), platform.subsection())
        day2 = platform.add(day.format(name="Day 2.", lang="en", text="The training is useful.", scale="agree5",
                                       labels=""), platform.subsection())
        report = platform.add('<emm_evaluation_report display_name="Rapport (cours)." content_language="fr"'
                              ' min_group_size="1" headline_statement="relevance"/>', platform.subsection())
        answer(platform, day1, 3, lambda i: {"relevance": 3})
        answer(platform, day2, 4, lambda i: {"relevance": 5})
        section = platform.subsection()
        tests = [platform.add(with_language(KC.format(phase=phase, pair="day1", extra='min_group_size="1"')), section)
                 for phase in ("pre", "post")]
        ana = platform.user("ana")
        for key, answers in zip(tests, (WRONG, RIGHT), strict=True):
            assert platform.lms(ana).handle(key, "submit", answers).status == 200
    with translation.override("ar"):
        html = platform.lms(platform.user("staff_1", role="staff")).html(report)
    languages = spoken(html)
    assert languages["Rapport (cours)."] == {"fr"}
    assert languages["Jour 1."] == {"fr"} and languages["La formation est utile."] == {"fr"}
    assert languages["Day 2."] == {"en"} and languages["The training is useful."] == {"en"}
    assert {"Non", "Bof", "Oui"} <= in_french(html)  # the custom scale's labels: the author's
    # the headline quotes the most answered wording: Day 2's, in English, inside the Arabic sentence
    assert '<bdi lang="en">The training is useful</bdi>' in re.search(r"data-headline>(.*?)</p>", html).group(1)
    # the knowledge checks' names and questions, in the language their checks declare (here "fr",
    # though written in English: the check says so, the report follows)
    assert languages["Which describe trafficking?"] == {"fr"}
    assert languages["Trafficking or smuggling?"] == {"fr"}
    # the report's own words stay the reader's
    assert languages["الملخص"] == {"ar"}


# ------------------------------------------------------------------ the live room and the pack
def live_screen(handlers, uid, lang):
    with translation.override(lang):
        ctx = handlers._context("staff_1", "live_screen")
        block = ctx.block(handlers.key(uid))
        response = block.runtime.handle(block, "live_screen", Request.blank("/", method="GET"))
    return json.loads(response.body)["html"]


def test_the_live_room_marks_the_authors_words_not_a_preset_scale(scenario, handlers):
    case = scenario(with_language(CASE))
    html = live_screen(handlers, case, "ar")
    assert {"Assamaka, 2015.", "Que faire d’abord ?", "Orienter !", "Attendre."} <= in_french(html)
    likert = scenario(with_language(LIKERT))
    html = live_screen(handlers, likert, "ar")
    french = in_french(html)
    assert {"Jour 1 (fin).", "La formation est utile ?"} <= french
    labels = re.findall(r'<span class="emm-present-label" dir="auto"([^>]*)>', html)
    assert labels and not any("lang" in attrs for attrs in labels)  # a preset's points, "Not applicable"
    role_play = scenario(with_language(ROLE_PLAY))
    assert {"Amina, 16 ans :", "Un groupe arrive.", "Écouter !", "Renvoyer."} <= in_french(
        live_screen(handlers, role_play, "ar"))
    assert 'lang="fr"' not in live_screen(handlers, case, "fr").split(">", 1)[1]


def test_the_live_rooms_keys_follow_the_pages_direction(scenario, handlers):
    uid = scenario(CASE)
    english, arabic = live_screen(handlers, uid, "en"), live_screen(handlers, uid, "ar")
    assert 'data-act="next" aria-keyshortcuts="ArrowRight"' in english
    assert 'data-act="prev" aria-keyshortcuts="ArrowLeft"' in english
    # right to left, ← goes to the next screen (emm-present.js): the buttons and the hint say so
    assert 'data-act="next" aria-keyshortcuts="ArrowLeft"' in arabic
    assert 'data-act="prev" aria-keyshortcuts="ArrowRight"' in arabic
    hint = re.search(r'data-keys="plain">([^<]+)<', arabic).group(1)
    assert hint.index("←") < hint.index("→") and hint.index("←") < hint.index("التالي") < hint.index("→")
    assert "Keys: → next, ← previous, Esc close." in english


def get_pack(handlers, uid, lang):
    ctx = handlers._context("staff_1", "facilitator_pack")
    block = ctx.block(handlers.key(uid))
    response = block.runtime.handle(block, "facilitator_pack", Request.blank(f"/?lang={lang}", method="GET"))
    return response.body.decode("utf-8")


def test_the_pack_printed_in_arabic_marks_the_authors_words(scenario, handlers):
    case = get_pack(handlers, scenario(with_language(CASE)), "ar")
    assert '<html lang="ar" dir="rtl">' in case
    french = in_french(case.split("<main>", 1)[1])
    assert {"Assamaka, 2015.", "Agadez.", "La loi 2015-36 : en vigueur.", "Le contexte :", "Que faire d’abord ?",
            "Orienter !", "Bien vu.", "L’intérêt de l’enfant d’abord.", "Une dette de voyage.", "La dette."} <= french
    role_play = in_french(get_pack(handlers, scenario(with_language(ROLE_PLAY)), "ar").split("<main>", 1)[1])
    assert {"Agent (police).", "Un groupe arrive.", "Écouter !", "Elle parle.", "Bien !", "Continuez."} <= role_play
    check = in_french(get_pack(handlers, scenario(with_language(CHECK)), "ar").split("<main>", 1)[1])
    assert {"Répondez seul.", "Traite ou trafic ?", "Trafic.", "Exact !"} <= check
    assert 'lang="fr"' not in get_pack(handlers, scenario(with_language(CASE)), "fr").split("<main>", 1)[1]


def test_the_likert_pack_gives_a_custom_scale_its_direction_and_language(scenario, handlers):
    uid = scenario(with_language('<emm_likert display_name="É" scale="custom" comment_box="true">'
                                 '<label>Jamais.</label><label>Toujours !</label><item id="a">Utile ?</item>'
                                 '</emm_likert>'))
    pack = get_pack(handlers, uid, "ar")
    heads = re.findall(r'<th scope="col"([^>]*)>Jamais\.</th>', pack)
    assert heads == [' dir="auto" lang="fr"'] * 2  # the form and the tally sheet
    assert spoken(pack.split("<main>", 1)[1])["Utile ?"] == {"fr"}
    # the default comment prompt is the reader's
    assert not any("fr" in langs for text, langs in spoken(pack.split("<main>", 1)[1]).items()
                   if "pack-comment" in text)
    preset = get_pack(handlers, scenario(with_language(LIKERT)), "ar")
    assert not re.findall(r'<th scope="col" dir="auto"', preset)  # a preset's labels: the reader's words
