"""Which attempt counts and what the page says about it (common/attempts.py), without a runtime."""

from emm_xblocks.common import attempts


def _(text):
    return text


def ngettext(one, many, n):
    return one if n == 1 else many


def pct(score):
    return f"{round(100 * score[0] / score[1])}%"


def explain(policy, scores, left):
    return attempts.explain(policy, scores, left, pct, _, ngettext)


def test_the_counted_attempt_is_the_last_or_the_earliest_best():
    scores = [(1, 2), (2, 2), (0, 2), (2, 2)]
    assert attempts.counted_index("last", scores) == 3 and attempts.counted_index("best", scores) == 1
    assert scores[attempts.counted_index("best", scores)] == attempts.counted_attempt("best", scores)
    assert attempts.counted_index("best", []) is None


def test_last_attempt_counts_at_full_marks_warns_before_a_retry():
    words = explain("last", [(5, 5)], left=2)
    assert words["policy"] == "Your last attempt counts for your grade."
    assert words["retry_warning"] == "A new attempt replaces your grade, even if it scores less than your 100% now."
    assert words["retry_confirm"] == (words["retry_warning"] + " Start a new attempt? You will have 1 attempt left "
                                      "after it.")
    assert words["counted"] == "" and words["final"] == ""


def test_last_attempt_counts_at_zero_has_nothing_to_lose():
    words = explain("last", [(0, 5)], left=None)
    assert words["retry_warning"] == "" and words["retry_confirm"] == "Start a new attempt?"


def test_best_attempt_counts_shows_the_counted_score_beside_a_poorer_last_one():
    words = explain("best", [(5, 5), (0, 5)], left=1)
    assert words["policy"] == "Your best attempt counts for your grade."
    assert words["counted"] == "Your grade keeps your best attempt: 100%."
    assert words["retry_warning"] == ""  # a new attempt cannot lower it
    assert words["retry_confirm"].startswith(
        "A new attempt cannot lower your grade: your best score so far, 100%, counts unless")
    assert words["retry_confirm"].endswith("Start your last attempt? You will not be able to try again after it.")


def test_no_attempt_left_says_the_grade_is_final_and_asks_nothing():
    words = explain("last", [(2, 5), (4, 5)], left=0)
    assert words["final"] == "You have no attempts left: your grade stays 80%."
    assert words["retry_warning"] == "" and words["retry_confirm"] == ""


def test_no_attempt_left_while_a_step_can_raise_the_grade_says_it_is_the_grade_for_now():
    words = attempts.explain("best", [(0, 8), (5, 8)], 0, pct, _, ngettext, pending=(1, "3"))
    assert words["final"] == ("You have no attempts left: your grade is 62% for now; save your self-assessment "
                              "to count question 3.")
    words = attempts.explain("best", [(5, 8)], 0, pct, _, ngettext, pending=(2, "3 and 4"))
    assert words["final"].endswith("to count questions 3 and 4.")
    # attempts still to start: nothing is final, the pending words are not said
    assert attempts.explain("best", [(5, 8)], 1, pct, _, ngettext, pending=(1, "3"))["final"] == ""


def test_a_scores_tone_is_a_success_only_at_full_marks():
    assert attempts.score_tone((6, 6)) == "correct"
    assert attempts.score_tone((2.5, 6)) == "partial" and attempts.score_tone((2.5, 6), pending=True) == "partial"
    assert attempts.score_tone((0, 6)) == "incorrect"
    assert attempts.score_tone((0, 6), pending=True) == "partial"  # a self-assessment may still give points
    assert attempts.score_tone((0, 0)) == ""  # nothing to earn: no tone


def test_without_scores_shown_only_the_policy_and_the_question():
    words = explain("last", [], left=3)
    assert words["counted"] == words["retry_warning"] == words["final"] == ""
    assert words["retry_confirm"] == "Start a new attempt? You will have 2 attempts left after it."


def test_the_attempts_left_are_written_by_the_count_it_is_given():
    from emm_xblocks.common.numbers import Numbers

    french = Numbers("fr")
    words = attempts.explain("last", [], 1001, pct, _, ngettext, count=lambda n: french.number(n, 0))
    assert words["retry_confirm"] == "Start a new attempt? You will have 1\u202f000 attempts left after it."


def test_a_grade_kept_since_the_key_changed_is_the_one_every_sentence_names():
    # the key now scores the attempt 5 of 5; the LMS still holds 0 of 4 until staff rescore
    words = attempts.explain("last", [(5, 5)], 0, pct, _, ngettext, held=(0, 4))
    assert words["changed"] == ("Your grade is the one the course recorded: 0%. "
            "It can differ from these results, for example if the "
            "answer key changed after you submitted, until the course team rescores.")
    assert words["final"] == "" and words["counted"] == ""  # no "stays 100%"
    words = attempts.explain("last", [(0, 5)], 2, pct, _, ngettext, held=(3, 4))
    assert words["retry_warning"] == "A new attempt replaces your grade, even if it scores less than your 75% now."
    words = attempts.explain("best", [(5, 5), (0, 5)], 1, pct, _, ngettext, held=(2, 4))
    # no "cannot lower your grade": the next submit gives the LMS the current key's best, not the 50% it holds
    assert words["counted"] == "" and words["retry_confirm"] == (
        "Start your last attempt? You will not be able to try again after it.")
    words = attempts.explain("best", [(3, 6)], None, pct, _, ngettext, held=(5, 6))
    assert words["retry_confirm"] == "Start a new attempt?"
    assert explain("last", [(5, 5)], left=0)["changed"] == ""
