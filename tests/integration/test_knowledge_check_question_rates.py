"""A question added to both tests of a pair once learners took them (the author's "Save anyway"),
through the platform-faithful runtime (tests/openedx); bug hunt s43."""

import re

from django.utils import translation

from tests.integration.test_evaluation_report import platform  # noqa: F401 - both blocks, in English
from tests.integration.test_knowledge_check import CHECK, RIGHT, edit, visible

REPORT = '<emm_evaluation_report display_name="Evaluation report" min_group_size="1"/>'
ALL_RIGHT = {"answers": {**RIGHT["answers"], "q3": "smuggling"}}


def add_q3(data):
    q3 = dict(data["questions"][0], id="q3", prompt="<p>THIRD QUESTION</p>")
    data["questions"].append(q3)


def taken_then_q3_added(platform, extra, report_olx, learners):  # noqa: F811 - the fixture, passed on
    """A pair (``extra``: the checks' attributes) and a course report; ``learners`` take both tests
    (q1, q2, all right), then the author adds q3 to both ("Save anyway"). ``(pre, post, report)``."""
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=extra), section)
    post = platform.add(CHECK.format(phase="post", pair="day1", extra=extra), section)
    report = platform.add(report_olx, platform.subsection())
    for i in range(learners):
        learner = platform.lms(platform.user(f"before{i}"))
        assert learner.handle(pre, "submit", RIGHT).status == 200
        assert learner.handle(post, "submit", RIGHT).status == 200
    assert edit(platform, pre, add_q3, confirm=True).status == 200
    assert edit(platform, post, add_q3, confirm=True).status == 200
    return pre, post, report


def q3_rates(text):
    found = re.search(r"THIRD QUESTION (\S+) (\S+)", text)
    return found and found.groups()


def test_a_question_added_after_learners_took_both_tests_is_not_counted_wrong_for_them(platform):  # noqa: F811
    """Two learners took both tests with q1 and q2, all right. The author adds q3 to both tests
    (confirmed). The staff panel and the course report then say that 0 % answered q3 right before
    and after, of learners who were never asked it; once two more learners take both tests and
    all get q3 right, it says 50 %, while every linked learner scored 100 %.
    ``knowledge_check/statistics.py`` ``_rate`` divides by every linked learner and counts a
    question missing from a learner's marks as wrong."""
    pre, post, report = taken_then_q3_added(platform, 'min_group_size="1"', REPORT, 2)
    staff = platform.lms(platform.user("staff_1", role="staff"))
    panel = visible(staff.html(post))
    assert q3_rates(panel[panel.index("Staff:"):]) == ("—", "—")  # asked of nobody yet: no rate, not 0 %
    for i in range(2):
        learner = platform.lms(platform.user(f"after{i}"))
        assert learner.handle(pre, "submit", ALL_RIGHT).status == 200
        assert learner.handle(post, "submit", ALL_RIGHT).status == 200
    panel = visible(staff.html(post))
    panel, page = panel[panel.index("Staff:"):], visible(staff.html(report))
    assert "4 learners took both tests." in panel and "Mean post-test score 100%" in panel
    # everyone who was asked q3 answered it right, before and after
    assert q3_rates(panel) == ("100%", "100%"), panel[panel.index("Correct answers per question"):]
    assert q3_rates(page) == ("100%", "100%"), page[page.index("Correct answers per question"):]


def test_a_question_asked_of_fewer_linked_learners_than_the_minimum_shows_no_rate(platform):  # noqa: F811
    """Five learners took both tests (q1, q2), at the pair's minimum group size of 5. The author then
    adds q3 to both tests (confirmed), and one more learner takes both. The pair's figures show (6
    linked learners), and q3's "correct before / after" is that one learner's answers, 0 % or 100 %:
    staff, who know who took the tests after the edit (the platform's completion dates, the tracking
    log), read whether that person got q3 right before and after. Every other figure below the
    minimum is withheld (decision 5; the Likert withholds a statement answered by fewer: its
    ``statistics.statement_stats``), a question's rate is not (``knowledge_check/statistics.py``
    ``_rate`` divides by the learners asked it, at any number).

    Then (decision 90's "not done", decision 96) with q3's rates withheld the means still told it:
    q1 and q2 100 % / 100 %, q3 — / —, mean pre-test 94 %, post-test 100 %: the only points missed
    before were the late learner's, on q3. The one learner of a question set fewer than the minimum
    took is now counted apart, in no figure (``statistics._sets_apart``): the figures are the five's."""
    pre, post, report = taken_then_q3_added(
        platform, "", '<emm_evaluation_report display_name="Evaluation report"/>', 5)
    late = platform.lms(platform.user("late"))
    wrong_q3 = {"answers": {**RIGHT["answers"], "q3": "trafficking"}}
    assert late.handle(pre, "submit", wrong_q3).status == 200
    assert late.handle(post, "submit", ALL_RIGHT).status == 200
    staff = platform.lms(platform.user("staff_1", role="staff"))
    panel = visible(staff.html(post))
    panel, page = panel[panel.index("Staff:"):], visible(staff.html(report))
    # Changed with decision 96: this said "6 learners took both tests." -- the late learner pooled
    # in the means, which gave their q3 answers away (mean pre-test 94 %). Now the five are counted
    # and the late learner is counted apart, said so on both pages.
    for text in (panel, page):
        assert "5 learners took both tests." in text
        assert ("1 learner took both tests with a version of the questions too few learners took, and is "
                "counted apart: the figures would show their answers.") in text
        assert "A version is counted once at least 5 learners have taken both tests with it." in text
        # the means no longer give q3 away: 100 % before, not 94 % ((5 + 2/3) / 6)
        assert "Mean pre-test score 100%" in text and "Mean post-test score 100%" in text, text
        assert "94%" not in text and "Learners who improved 0%" in text
    # q3 was asked of none of the learners counted: no rate
    assert q3_rates(panel) == ("—", "—"), panel[panel.index("Correct answers per question"):]
    assert q3_rates(page) == ("—", "—"), page[page.index("Correct answers per question"):]
    # Changed with decision 96: the note on a question asked of fewer than 5 was here; q3 is now
    # asked of none of the learners counted (its "—" is the one of a question asked of nobody)
    assert "A question asked of fewer than 5 of these learners" not in panel + page
    # the summary's row and the CSV: the five, and the one counted apart beside "Different questions"
    assert "Trafficking or smuggling? 5 100% 100%" in page
    with translation.override("fr"):  # the note in the staff's language, each number its own plural
        french = visible(staff.html(report))  # (the no-break space before ":" made a space)
    assert ("1 participant a passé les deux tests avec une version des questions que trop peu de participants "
            "ont eue, et est compté à part : les chiffres montreraient ses réponses.") in french
    assert "Une version est comptée dès qu’au moins 5 participants ont passé les deux tests avec elle." in french
    lines = staff.handle(report, "export_csv", method="GET").body.decode("utf-8-sig").splitlines()
    for line in (",Learners who took both tests,5", ",Questions too few took,1", ",Mean pre-test score (%),100",
                 ",Mean post-test score (%),100", "THIRD QUESTION,Correct before (%),"):
        assert "Learning,Trafficking or smuggling?,day1," + line in lines, (line, lines)


def test_the_learners_of_a_new_question_set_are_counted_once_the_minimum_took_it(platform):  # noqa: F811
    """At a minimum group size of 2: two learners took both tests, then q3 is added. One learner
    takes both with q3 (wrong before, right after): counted apart. A second one does (right both
    times): the two now share a set at the minimum, and all four are counted: q3 50 % before, 100 %
    after (among the two asked it), the means over the four (decision 96)."""
    pre, post, report = taken_then_q3_added(
        platform, 'min_group_size="2"', '<emm_evaluation_report display_name="Evaluation report" min_group_size="2"/>',
        2)
    staff = platform.lms(platform.user("staff_1", role="staff"))
    late = platform.lms(platform.user("late0"))
    assert late.handle(pre, "submit", {"answers": {**RIGHT["answers"], "q3": "trafficking"}}).status == 200
    assert late.handle(post, "submit", ALL_RIGHT).status == 200
    panel = visible(staff.html(post))
    panel = panel[panel.index("Staff:"):]
    assert "2 learners took both tests." in panel and "1 learner took both tests with a version" in panel
    assert "Mean pre-test score 100%" in panel and q3_rates(panel) == ("—", "—")
    late = platform.lms(platform.user("late1"))
    assert late.handle(pre, "submit", ALL_RIGHT).status == 200
    assert late.handle(post, "submit", ALL_RIGHT).status == 200
    panel = visible(staff.html(post))
    panel, page = panel[panel.index("Staff:"):], visible(staff.html(report))
    for text in (panel, page):
        assert "4 learners took both tests." in text and "with a version of the questions" not in text
        # pre: 100, 100, 66.7 (q3 wrong), 100 -> 91.7 %; post: 100 for all
        assert "Mean pre-test score 92%" in text and "Mean post-test score 100%" in text, text
        assert q3_rates(text) == ("50%", "100%"), text[text.index("Correct answers per question"):]
    lines = staff.handle(report, "export_csv", method="GET").body.decode("utf-8-sig").splitlines()
    assert "Learning,Trafficking or smuggling?,day1,,Learners who took both tests,4" in lines
    assert "Learning,Trafficking or smuggling?,day1,,Questions too few took,0" in lines
