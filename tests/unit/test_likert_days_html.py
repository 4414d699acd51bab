"""The staff's "Answers by day" of the Likert results panel (``results_html.days_html``, decision 72):
nothing for anyone else or with no day; each day's words and question in the page's language,
its plural CLDR's, every value escaped."""

from emm_xblocks.common.numbers import Numbers
from emm_xblocks.likert.results_html import days_html


def words(language="en"):
    return (lambda text: text, lambda one, many, n: one if n == 1 else many, Numbers(language))


def test_nothing_for_learners_or_without_a_day():
    assert days_html({}, words()) == ""
    assert days_html({"days": [], "dom": "emm-x"}, words()) == ""


def test_each_day_with_its_button_and_its_question_hidden():
    html = days_html({"dom": 'emm-"x', "days": [{"day": "2026-12-03", "date": "December 3, 2026", "n": 1},
                                                 {"day": "2026-12-05", "date": "<b>5</b>", "n": 1200}]}, words())
    assert "December 3, 2026: 1 answer<" in html and "Leave out the 1 answer of December 3, 2026? It is deleted" in html
    assert "Yes, leave it out" in html and "Yes, leave them out" in html
    assert "&lt;b&gt;5&lt;/b&gt;: 1,200 answers" in html and "<b>" not in html
    assert 'id="emm-&quot;x-ask-0"' in html and html.count("data-confirm hidden") == 2


def test_what_was_left_out_is_said_even_when_no_day_is_left():
    html = days_html({"dom": "emm-x", "days": [], "left_out": "The 4 answers of <3> were left out."}, words())
    assert 'data-left-out>The 4 answers of &lt;3&gt; were left out.</p>' in html and "<ul" not in html
