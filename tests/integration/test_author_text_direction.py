"""Author text keeps its own direction inside another language's page (issue 10): French text in
the Arabic interface must not put its punctuation on the wrong side, so every container of author
text carries ``dir="auto"`` (the browser takes the direction from the text itself)."""

import re

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
    started = handlers.post(uid, "start", {"role": "r"}, lang="ar").json_body
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
