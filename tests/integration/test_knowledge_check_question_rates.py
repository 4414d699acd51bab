"""A question added to both tests of a pair once learners took them (the author's "Save anyway"),
through the platform-faithful runtime (tests/openedx); bug hunt s43."""

import re

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
    ``_rate`` divides by the learners asked it, at any number)."""
    pre, post, report = taken_then_q3_added(
        platform, "", '<emm_evaluation_report display_name="Evaluation report"/>', 5)
    late = platform.lms(platform.user("late"))
    wrong_q3 = {"answers": {**RIGHT["answers"], "q3": "trafficking"}}
    assert late.handle(pre, "submit", wrong_q3).status == 200
    assert late.handle(post, "submit", ALL_RIGHT).status == 200
    staff = platform.lms(platform.user("staff_1", role="staff"))
    panel = visible(staff.html(post))
    panel, page = panel[panel.index("Staff:"):], visible(staff.html(report))
    assert "6 learners took both tests." in panel  # the pair's figures show
    # q3 was asked of one linked learner: no rate, as for a Likert statement answered by too few
    assert q3_rates(panel) == ("—", "—"), panel[panel.index("Correct answers per question"):]
    assert q3_rates(page) == ("—", "—"), page[page.index("Correct answers per question"):]
    # and says why, on both pages
    assert "A question asked of fewer than 5 of these learners" in panel
    assert "A question asked of fewer than 5 of these learners" in page
