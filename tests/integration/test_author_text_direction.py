"""Author text keeps its own direction inside another language's page (issue 10): French text in
the Arabic interface must not put its punctuation on the wrong side, so every container of author
text carries ``dir="auto"`` (the browser takes the direction from the text itself)."""

import re

import lxml.html
from django.utils import translation

AUTO = re.compile(r'dir="auto"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)')


def auto_texts(html):
    """The first text inside each element that has ``dir="auto"``."""
    return {m.group(1).strip() for m in AUTO.finditer(html)}


def test_likert_statements_and_intro_follow_their_own_direction(scenario, handlers):
    uid = scenario('<emm_likert display_name="É"><intro><![CDATA[<p>Merci !</p>]]></intro>'
                   '<item id="a">La formation est utile ?</item></emm_likert>')
    html = handlers.view(uid, lang="ar").content
    assert 'dir="rtl"' in html
    assert {"Merci !", "La formation est utile ?"} <= auto_texts(html)


def test_case_study_narrative_prompts_and_options_follow_their_own_direction(scenario, handlers):
    uid = scenario('<emm_case_study display_name="C"><narrative><![CDATA[<p>Agadez, 2015 :</p>]]></narrative>'
                   '<question id="q" type="single"><prompt><![CDATA[<p>Que faire ?</p>]]></prompt>'
                   '<option id="a" correct="true">Orienter !</option><option id="b">Attendre.</option>'
                   '</question></emm_case_study>')
    html = handlers.view(uid, lang="ar").content
    assert {"Agadez, 2015 :", "Que faire ?", "Orienter !", "Attendre."} <= auto_texts(html)


def test_role_play_intro_briefs_narrative_and_choices_follow_their_own_direction(scenario, handlers):
    uid = scenario('<emm_role_play display_name="R"><intro><![CDATA[<p>Bienvenue !</p>]]></intro>'
                   '<role id="r" start="n1">Agent<brief><![CDATA[<p>Vous êtes agent.</p>]]></brief></role>'
                   '<node id="n1"><narrative><![CDATA[<p>Un groupe arrive ?</p>]]></narrative>'
                   '<choice goto="end">Écouter !</choice></node>'
                   '<node id="end" ending="true"><narrative>Fin.</narrative><debrief>Bien !</debrief></node>'
                   '</emm_role_play>')
    assert {"Bienvenue !", "Vous êtes agent."} <= auto_texts(handlers.view(uid, lang="ar").content)
    started = handlers.post(uid, "begin", {"role": "r"}, lang="ar").json_body
    assert {"Un groupe arrive ?", "Écouter !"} <= auto_texts(started["html"])


def test_translations_reach_the_hand_built_markup_escaped(scenario, handlers):
    """The Likert's and the case study's pages are written in Python (decision 45): a catalogue's
    text (a contributed .po) is escaped there like every other value, never taken as markup. The
    views translate through ``translators()`` (the language looked up once) and ``ugettext``:
    both stand in for a catalogue whose every text holds markup."""
    likert = handlers.block(scenario('<emm_likert display_name="E"><item id="a">A</item></emm_likert>'))
    case = handlers.block(scenario('<emm_case_study display_name="C"><narrative>N</narrative>'
                                   '<question id="q" type="multiple"><prompt>P</prompt>'
                                   '<option id="a" correct="true">A</option><option id="b">B</option>'
                                   '</question></emm_case_study>'))
    for block in (likert, case):
        numbers = block.translators()[2]
        block.ugettext = lambda text: f"<i>{text}</i>"
        block.translators = lambda block=block, numbers=numbers: (
            block.ugettext, lambda one, many, n: f"<i>{one if n == 1 else many}</i>", numbers)
        html = block.render("student_view", {}).content
        assert "&lt;i&gt;" in html and "<i>" not in html


# ------------------------------------------------------------------ every author and learner text
# (fresh-user trial, session 11, finding 4: an Arabic page over French content put the key facts'
# full stops, the results' question marks and quotation marks, the learners' own answers and the
# report's quoted statement on the wrong side)


def isolated(markup):
    """Every text of ``markup`` shown in its own direction: inside a ``<bdi>`` (a text within a
    sentence of the page's language) or an element with ``dir="auto"``, nearer to it than any
    element giving a direction (the block's root: ``dir="rtl"``)."""
    tree = lxml.html.fragment_fromstring(markup, create_parent="div")

    def own(el):
        for node in [el, *el.iterancestors()]:
            if node.tag == "bdi" or node.get("dir") == "auto":
                return True
            if node.get("dir"):
                return False
        return False

    found = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.text and el.text.strip() and own(el):
            found.add(el.text.strip())
        if el.tail and el.tail.strip() and el.getparent() is not None and own(el.getparent()):
            found.add(el.tail.strip())
    return found


def test_the_likert_title_comment_prompt_custom_labels_and_the_learners_comment(scenario, handlers):
    uid = scenario('<emm_likert display_name="Jour 1 (fin)." scale="custom" comment="true">'
                   '<comment_prompt>Autre chose ?</comment_prompt><label>Jamais.</label><label>Toujours !</label>'
                   '<item id="a">Utile ?</item></emm_likert>')
    assert handlers.post(uid, "submit", {"answers": {"a": 2}, "comment": "Très utile, merci."}).status_code == 200
    html = handlers.view(uid, lang="ar").content
    assert {"Jour 1 (fin).", "Autre chose ?", "Jamais.", "Toujours !", "Très utile, merci."} <= isolated(html)


CASE = """<emm_case_study display_name="Assamaka, 2015." topic="Protection (enfants)." show_answers="submitted"
  show_distribution="true" min_group_size="1">
  <narrative><![CDATA[<p>Agadez.</p>]]></narrative>
  <section title="Le contexte :"><![CDATA[<p>Deux adolescents de moins de 18 ans.</p>]]></section>
  <key_facts><fact>La loi 2015-36 : en vigueur.</fact></key_facts>
  <document href="https://example.org/loi.pdf" size="1,2 Mo">Loi 2015-36.<excerpt><![CDATA[<p>Article 1.</p>]]>
  </excerpt></document>
  <image src="https://example.org/carte.png" alt="Carte (Niger).">Carte du Niger, 2015.</image>
  <question id="q1" type="single" points="2">
    <prompt><![CDATA[<p>Que faire d’abord ?</p>]]></prompt>
    <option id="a" correct="true">Orienter !<feedback>Bien vu.</feedback></option>
    <option id="b">Attendre.<feedback>Trop tard.</feedback></option>
    <explanation><![CDATA[<p>L’intérêt de l’enfant d’abord.</p>]]></explanation>
  </question>
  <question id="q2" type="reflection" points="2">
    <prompt><![CDATA[<p>Pourquoi « rembourser » ?</p>]]></prompt>
    <model_answer><![CDATA[<p>Une dette de voyage.</p>]]></model_answer>
    <key_point id="k1">La dette.</key_point>
  </question>
</emm_case_study>"""


def test_the_case_studys_facts_sections_media_and_draft_follow_their_own_direction(scenario, handlers):
    uid = scenario(CASE)
    assert handlers.post(uid, "save_draft", {"answers": {"q2": "Sans renvoi de l’enfant."}}).status_code == 200
    html = handlers.view(uid, lang="ar").content
    assert {"Assamaka, 2015.", "Protection (enfants).", "La loi 2015-36 : en vigueur.", "Le contexte :",
            "Deux adolescents de moins de 18 ans.", "Carte du Niger, 2015.", "Carte (Niger).", "Loi 2015-36.",
            "1,2 Mo", "Sans renvoi de l’enfant."} <= isolated(html)


def test_the_case_studys_results_follow_their_own_direction(scenario, handlers):
    uid = scenario(CASE)
    submitted = handlers.post(uid, "submit", {"answers": {"q1": "b", "q2": "Une dette, à « rembourser »."}},
                              lang="ar")
    assert submitted.status_code == 200
    panel = submitted.json_body["html"]
    assert {"Que faire d’abord ?", "Pourquoi « rembourser » ?", "Attendre.", "Trop tard.",
            "L’intérêt de l’enfant d’abord.", "Une dette, à « rembourser ».", "La dette.", "Orienter !",
            "Une dette de voyage.", "Attendre.: 100%"} <= isolated(panel)
    assert panel in handlers.view(uid, lang="ar").content  # the page after a reload shows the same


def test_the_knowledge_checks_results_follow_their_own_direction(scenario, handlers):
    uid = scenario('<emm_knowledge_check display_name="Jour 3 (test final)." phase="post" pair="x">'
                   '<question id="q" type="single"><prompt>Traite ou trafic ?</prompt>'
                   '<option id="a" correct="true">Trafic.<feedback>Exact !</feedback></option>'
                   '<option id="b">Traite.<feedback>Non : pas d’exploitation.</feedback></option>'
                   '<explanation>Le passage se termine à l’arrivée.</explanation></question></emm_knowledge_check>')
    assert "Jour 3 (test final)." in isolated(handlers.view(uid, lang="ar").content)
    panel = handlers.post(uid, "submit", {"answers": {"q": "b"}}, lang="ar").json_body["html"]
    assert {"Traite ou trafic ?", "Traite.", "Non : pas d’exploitation.", "Le passage se termine à l’arrivée."
            } <= isolated(panel)


def test_the_role_play_role_speaker_choices_path_and_outcome_follow_their_own_direction(scenario, handlers):
    uid = scenario('<emm_role_play display_name="Poste frontière (jour 2)." show_others="false">'
                   '<role id="r" start="n1">Agent (police).</role>'
                   '<node id="n1" speaker="Amina, 16 ans :"><narrative>Un groupe arrive.</narrative>'
                   '<choice goto="end" points="1">Écouter !</choice></node>'
                   '<node id="end" ending="true" category="Bonne fin."><narrative>Fin.</narrative>'
                   '<debrief>Bien !</debrief></node></emm_role_play>')
    page = handlers.view(uid, lang="ar").content
    assert {"Poste frontière (jour 2).", "Agent (police)."} <= isolated(page)
    started = handlers.post(uid, "begin", {"role": "r"}, lang="ar").json_body["html"]
    assert {"Agent (police).", "Amina, 16 ans :"} <= isolated(started)
    token = re.search(r'data-choice="([^"]+)"', started).group(1)
    ended = handlers.post(uid, "choose", {"choice": token}, lang="ar").json_body["html"]
    # "You chose: …", the path's steps ("Your path", "The best path"), the author's own category
    assert {"Écouter !", "Bonne fin."} <= isolated(ended)
    assert len(re.findall(r'<ol dir="auto"><li>Écouter !', ended)) == 2


def test_the_reports_headline_names_and_captions_follow_their_own_direction(db):
    from tests.integration.test_evaluation_report import CHECK, RIGHT, WRONG, answer, course

    day = ('<emm_likert display_name="{name}" min_group_size="1"><item id="relevance">La formation est utile.</item>'
           '<item id="pace" reverse="true">Le rythme était trop rapide !</item></emm_likert>')
    with translation.override("en"):
        platform = course()
        day1 = platform.add(day.format(name="Jour 1 (fin)."), platform.subsection())
        day3 = platform.add(day.format(name="Jour 3 (fin)."), platform.subsection())
        report = platform.add('<emm_evaluation_report display_name="Rapport (cours)." min_group_size="1"'
                              ' headline_statement="pace"/>', platform.subsection())
        for key in (day1, day3):
            answer(platform, key, 3, lambda i: {"relevance": 5, "pace": 5})
        section = platform.subsection()
        tests = [platform.add(CHECK.format(phase=phase, pair="day1", extra='min_group_size="1"'), section)
                 for phase in ("pre", "post")]
        ana = platform.user("ana")
        for key, answers in zip(tests, (WRONG, RIGHT), strict=True):
            assert platform.lms(ana).handle(key, "submit", answers).status == 200
    with translation.override("ar"):
        html = platform.lms(platform.user("staff_1", role="staff")).html(report)
    # the headline quotes the statement (its own "!" kept at its end) inside the reader's sentence
    headline = re.search(r"data-headline><strong>(.*?)</strong>", html).group(1)
    assert "<bdi>Le rythme était trop rapide !</bdi>" in headline
    assert {"Rapport (cours).", "Jour 1 (fin).", "La formation est utile."} <= isolated(html)
    # each evaluation's heading, its table's caption (the name quoted), the shared table's columns
    assert re.search(r'<h5 id="[^"]+" dir="auto">Jour 3 \(fin\)\.</h5>', html)
    assert re.search(r"<caption [^>]*>[^<]*<bdi>Jour 3 \(fin\)\.</bdi>", html)
    assert '<th scope="col" dir="auto">Jour 3 (fin).</th>' in html
    # the pair's heading names its tests (their names inside the reader's words)
    assert "<bdi>Trafficking or smuggling?</bdi>" in html
