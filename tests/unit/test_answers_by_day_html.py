"""The staff's "Answers by day" (``common.answers_by_day.days_html``, decisions 72 and 73), in the
Likert results panel and under a case study or a role-play: nothing for anyone else or with no day;
each day's words and question in the page's language, its plural CLDR's, what the answers count in
said for each block, every value escaped."""

from emm_xblocks.common.answers_by_day import CASE_STUDY, ROLE_PLAY, days_html
from emm_xblocks.common.numbers import Numbers


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


def test_the_section_carries_its_handler_address_escaped():
    html = days_html({"dom": "emm-x", "url": '/handler/x/leave_out_day?a=1&b="2"',
                      "days": [{"day": "2026-12-03", "date": "December 3, 2026", "n": 2}]}, words())
    assert 'data-by-day data-url="/handler/x/leave_out_day?a=1&amp;b=&quot;2&quot;"' in html


def test_each_block_says_what_its_answers_count_in():
    data = {"dom": "emm-x", "days": [{"day": "2026-12-03", "date": "December 3, 2026", "n": 3}]}
    likert, case, play = (days_html(data, words(), kind) for kind in ("evaluation", CASE_STUDY, ROLE_PLAY))
    assert "from the evaluation and from the course report" in likert and "the course report" not in case + play
    assert ("Leave out the 3 answers of December 3, 2026? They are deleted: “How other participants answered” "
            "and its download count them no more. This cannot be undone.") in case
    assert "deleted from “How other participants answered” and from its download." in case
    assert ("Leave out the choices of the 3 participants of December 3, 2026? They are deleted: how other "
            "participants chose and its download count them no more. This cannot be undone.") in play
    assert "deleted from how other participants chose and from its download." in play
    # a role-play's figures count participants (its learner's last play), and so do its days
    assert ">December 3, 2026: 3 participants</span>" in play and ">December 3, 2026: 3 answers</span>" in case


def test_the_last_day_left_out_says_none_is_left():
    html = days_html({"dom": "emm-x", "days": [], "left_out": "The 2 answers of X were left out."}, words(), CASE_STUDY)
    assert "No answer is left to count." in html
    play = days_html({"dom": "emm-x", "days": [], "left_out": "…"}, words(), ROLE_PLAY)
    assert "No participant&#x27;s choices are left to count." in play


def test_a_day_too_small_to_leave_out_says_why_and_offers_no_button():
    html = days_html({"dom": "emm-x", "min_size": 5,
                      "days": [{"day": "2026-12-05", "date": "December 5, 2026", "n": 1, "kept": True},
                                               {"day": "2026-12-06", "date": "December 6, 2026", "n": 9}]}, words())
    small, big = html.split('data-day="2026-12-05"')[1].split('data-day="2026-12-06"')
    assert "December 5, 2026: 1 answer<" in small and "Not offered: fewer than 5 anonymous answers that day" in small
    assert "data-leave-out" not in small and "data-confirm" not in small
    assert "data-leave-out" in big


def test_a_day_too_small_speaks_of_profiles_only_where_its_answers_carry_one():
    """Bug hunt "new": "… in all or from one profile" on an evaluation that asks no profile question."""
    def why(**day):
        html = days_html({"dom": "emm-x", "min_size": 5, "days": [
            {"day": "2026-12-05", "date": "December 5, 2026", "n": 7, "kept": True, **day}]}, words())
        return html.split('class="emm-by-day-hint">')[1].split("</span>")[0]

    assert why() == ("Not offered: fewer than 5 anonymous answers that day; leaving them out would show how they "
                     "answered.")
    assert why(profiled=True) == ("Not offered: fewer than 5 anonymous answers that day, in all or from one profile; "
                                  "leaving them out would show how they answered.")
