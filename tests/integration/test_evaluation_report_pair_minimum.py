"""The course report's learning figures and the minimum group size of a pair's two tests, through
the platform-faithful runtime (tests/openedx); bug hunt s43."""


from tests.integration.test_evaluation_report import platform  # noqa: F401 - both blocks, in English
from tests.integration.test_knowledge_check import CHECK, RIGHT, WRONG, visible


def test_the_report_withholds_a_pair_below_its_pre_test_s_minimum_group_size(platform):  # noqa: F811
    """The pre-test asks for 10 linked learners before its pair's figures show, and its own staff
    panel withholds them with 2; the post-test says 2. The report shows the two learners' mean
    pre- and post-test scores in its summary and detail (50 % / 100 %, so each one's pre-test score
    can be read off): it reads the minimum of the post-test's description only
    (``evaluation_report/course_figures.py`` ``knowledge_pairs``, "the post-test's description
    wins"; ``learning.figures`` takes ``description["min_group_size"]``), where docs/evaluation_report.md
    says "the report's or the check's, if higher"."""
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra='min_group_size="10"'), section)
    post = platform.add(CHECK.format(phase="post", pair="day1", extra='min_group_size="2"'), section)
    report = platform.add('<emm_evaluation_report display_name="Evaluation report" min_group_size="1"/>',
                          platform.subsection())
    for i, before in enumerate((RIGHT, WRONG)):
        learner = platform.lms(platform.user(f"u{i}"))
        assert learner.handle(pre, "submit", before).status == 200
        assert learner.handle(post, "submit", RIGHT).status == 200
    staff = platform.lms(platform.user("staff_1", role="staff"))
    assert "The figures show once at least 10 learners have taken both tests." in visible(staff.html(pre))
    page = visible(staff.html(report))
    assert "Mean pre-test score 50%" not in page and "Trafficking or smuggling? 2 50% 100%" not in page
    # the post-test's own staff panel withholds them too: the pair's highest minimum
    assert "The figures show once at least 10 learners have taken both tests." in visible(staff.html(post))
