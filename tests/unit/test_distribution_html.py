"""The case study's "how others answered" section written in Python (case_study/distribution_html.py):
a catalogue is text, so a translation holding markup or a quote is escaped, in the page and in the
table's caption, which names its region after the case's title, as every value is."""

from types import SimpleNamespace

from emm_xblocks.case_study.distribution_html import apart_html, questions_html


def shouting(text):
    return '<b>"' + text + '"</b>'


def test_translations_and_values_are_escaped_in_text_and_attributes():
    distribution = {"profile_prompt": 'You "work" for', "questions": [{
        "id": "q1", "number": 1, "prompt": "<i>First</i>", "n": 6,
        "options": [{"text": "<script>x</script>", "percent_text": "50 %"}],
        "profiles": [{"key": "gov", "name": "Gov & co", "shown": True, "n_text": "6", "percents": ["50 %"]}],
    }]}
    words = (shouting, lambda one, many, n: shouting(many), SimpleNamespace(number=lambda n, d: str(n)))
    html = str(questions_html(distribution, words, dom="emm-x"))
    assert "<b>" not in html and "<script>" not in html and "<i>" not in html
    assert ('<caption id="emm-x-dist1" dir="auto">&lt;b&gt;&quot;Question 1 by profile: You &quot;work&quot; '
            'for&quot;&lt;/b&gt;</caption>') in html
    # the region: the case's title, then the caption (two case studies on a page apart: bug hunt s44)
    assert 'role="region" tabindex="0" aria-labelledby="emm-x-title emm-x-dist1"' in html
    assert "&lt;b&gt;&quot;withheld" not in html  # shown groups only
    assert "Gov &amp; co" in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_the_staff_hint_of_the_answers_kept_apart_is_escaped():
    sections = [{"title": "Removed <questions>", "rows": [{"text": "q9", "answers": [{"value": "a<b", "count": 2}]}]}]
    html = str(apart_html(sections, (shouting, None, SimpleNamespace(number=lambda n, d: str(n)))))
    assert "<b>" not in html and "&lt;b&gt;&quot;Shown to course staff only" in html
    assert "Removed &lt;questions&gt;" in html and "a&lt;b" in html


def test_an_options_share_is_the_catalogues_sentence_asked_once_per_panel():
    """Newcomer review s25, item 10: "Trafic illicite de migrants: 63 %" had the English colon in
    every language; the line is the catalogue's "{option}: {percent}", asked once for the panel."""
    asked = []

    def french(text):
        asked.append(text)
        return {"{option}: {percent}": "{option}\u00a0: {percent}"}.get(text, text)

    option = {"text": "Trafic illicite de migrants", "percent_text": "63\u00a0%"}
    questions = [{"id": f"q{i}", "number": i, "prompt": "P", "n": 8, "options": [option, option], "profiles": []}
                 for i in (1, 2)]
    html = str(questions_html({"profile_prompt": "", "questions": questions},
                              (french, lambda one, many, n: many, SimpleNamespace(number=lambda n, d: str(n)))))
    assert html.count("<li>Trafic illicite de migrants\u00a0: 63\u00a0%</li>") == 4
    assert asked.count("{option}: {percent}") == 1


def test_a_removed_question_s_row_is_the_catalogues_sentence_in_the_staff_s_language():
    """The staff's rows of answers kept apart wrote "q9: oui (3)" with the English colon in every
    language; the row is the catalogue's "{question}: {answers}" ("q9 : oui (3)" in French), the
    removed question's text and the answers escaped inside it."""
    def french(text):
        return {"{question}: {answers}": "{question}\u00a0: {answers}"}.get(text, text)

    sections = [{"title": "Questions retirées", "rows": [
        {"text": "Première {étape} <b>",
         "answers": [{"value": "oui", "count": 3}, {"value": "<i>non</i>", "count": 1}]}]}]
    html = str(apart_html(sections, (french, None, SimpleNamespace(number=lambda n, d: str(n))), ' lang="fr"'))
    assert ('<li><span dir="auto" lang="fr">Première {étape} &lt;b&gt;</span>\u00a0: '
            '<span dir="auto">oui</span> (3), <span dir="auto">&lt;i&gt;non&lt;/i&gt;</span> (1)</li>') in html
