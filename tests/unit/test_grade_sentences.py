"""The grade's sentences shared by the case study's feedback and the role-play's ending:
``common.attempts.grade_words``, ``common.grade_html.grade_html``, and the case study's rule for
"your self-assessment can still raise the grade" (``case_study.scoring.self_assessment_can_raise``)."""

from emm_xblocks.case_study.scoring import self_assessment_can_raise
from emm_xblocks.common.attempts import grade_words, held_grade_words
from emm_xblocks.common.grade_html import grade_html
from emm_xblocks.common.numbers import Numbers


def _(text):
    return text


def ngettext(singular, plural, n):
    return singular if n == 1 else plural


FRENCH = (_, ngettext, Numbers("fr"))
ENGLISH = (_, ngettext, Numbers("en"))


def test_grade_words_counts_in_the_panel_s_language():
    # 1,002 attempts allowed, 1 used: the retry question counts what is left after it in the reader's language
    words = grade_words("best", [(1, 2)], 1002, 1, FRENCH, lambda s: f"{s[0]}/{s[1]}")
    assert words["policy"] == "Your best attempt counts for your grade."
    assert "1\u202f000" in words["retry_confirm"]
    assert "1,000" in grade_words("best", [(1, 2)], 1002, 1, ENGLISH, str)["retry_confirm"]


def test_grade_words_says_the_grade_stays_once_no_attempt_is_left():
    words = grade_words("last", [(1, 2), (2, 2)], 2, 2, ENGLISH, lambda s: f"{s[0]} of {s[1]}")
    assert words["final"] == "You have no attempts left: your grade stays 2 of 2."
    held = grade_words("last", [(2, 2)], 2, 1, ENGLISH, lambda s: f"{s[0]} of {s[1]}", held=(1, 2),
                       held_words=held_grade_words)
    assert held["changed"].startswith("Your grade is the one the course recorded: 1 of 2.")


def test_grade_html_escapes_every_sentence_and_marks_each_part():
    html = grade_html({"policy": "<b>best</b>", "counted": "A & B", "final": "", "changed": "kept"}, "emm-grade")
    assert html == ('<p class="emm-grade" data-grade>&lt;b&gt;best&lt;/b&gt; <strong data-counted>A &amp; B'
                    '</strong> <strong data-grade-held>kept</strong></p>')
    html = grade_html({"policy": "P", "counted": "", "final": "F"}, "x")
    assert html == '<p class="x" data-grade>P <span data-final>F</span></p>'


def test_self_assessment_can_raise_only_what_would_count():
    # best counts: 2 of 4 now, the last attempt 1 of 4 with 2 points still to self-assess: 3 > 2
    assert self_assessment_can_raise("best", [(2, 4), (1, 4)], [2])
    # with 1 point pending the last attempt reaches 2 of 4: not above the best
    assert not self_assessment_can_raise("best", [(2, 4), (1, 4)], [1])
    # the last attempt counts: any point pending raises it
    assert self_assessment_can_raise("last", [(4, 4), (1, 4)], [0.5])
    assert not self_assessment_can_raise("last", [(1, 4)], [])
    assert not self_assessment_can_raise("best", [], [3])
