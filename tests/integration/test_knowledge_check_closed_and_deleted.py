"""The knowledge check's pre-test closed by a post-test taken first, and a test of a pair deleted
from the course, through the platform-faithful runtime (tests/openedx); bug hunt s43."""


from tests.integration.test_evaluation_report import platform  # noqa: F401 - both blocks, in English
from tests.integration.test_knowledge_check import CHECK, HALF, RIGHT, visible

REPORT = '<emm_evaluation_report display_name="Evaluation report" {extra}/>'


def test_a_pre_test_closed_by_a_post_test_taken_first_still_completes(platform):  # noqa: F811
    """A learner absent on day 1 takes the day-3 post-test first: the pre-test is closed to them
    (decision 70), its page says so and refuses a submit. The block completes only at a submit
    (``has_custom_completion``: the LMS never marks it complete on view), so its completion never
    arrives: the unit, the subsection and the course stay short of 100 % for that learner for good,
    with no way on (nothing the learner can do, and staff have no completion tool)."""
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), platform.subsection())
    post = platform.add(CHECK.format(phase="post", pair="day1", extra=""), platform.subsection())
    sam = platform.user("sam")
    assert platform.lms(sam).handle(post, "submit", RIGHT).status == 200
    # staff viewing it as sam complete nothing for them (read-only)
    platform.lms(platform.user("staff_1", role="staff"), masquerade_as=sam).html(pre)
    assert ("sam", str(pre)) not in {(c["user"], c["block"]) for c in platform.events.completions}
    assert "this pre-test is closed" in visible(platform.lms(sam).html(pre))  # the learner opens it
    assert platform.lms(sam).handle(pre, "submit", HALF).status == 409  # and cannot submit it
    done = {(c["user"], c["block"]) for c in platform.events.completions if c["completion"] == 1.0}
    assert ("sam", str(post)) in done
    assert ("sam", str(pre)) in done, "the closed pre-test never completes for the learner"


def test_a_learner_who_took_a_rehearsal_test_deleted_since_may_take_the_course_s_own(platform):  # noqa: F811
    """A rehearsal pre-test under the pair key, answered by a participant, then deleted from the
    course (facilitator trial s38's way to take a rehearsal out): the report counts neither it nor
    its results. The course's own pre-test, added with the same key, shows that participant an
    empty form, then refuses their submit with 409 "You have already answered this test (in
    another window, ...)": the deleted block's ``PairedResult`` row still holds the (course, pair,
    phase, token) slot (``common/pairs.py`` ``file_result``), and "Delete learner state" in the
    LMS needs the deleted block's location. The participant has no pre-test anywhere the course counts."""
    section = platform.subsection()
    rehearsal = platform.add(CHECK.format(phase="pre", pair="day1", extra='min_group_size="1"'), section)
    cy = platform.user("cy")
    assert platform.lms(cy).handle(rehearsal, "submit", HALF).status == 200
    platform.delete(rehearsal)
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra='min_group_size="1"'), section)
    assert "<form" in platform.lms(cy).html(pre)  # the form, as to anyone who has not answered
    result = platform.lms(cy).handle(pre, "submit", RIGHT)
    assert result.status == 200, result.json
    # the course's own test holds the place now: a second submit there is refused, as always
    assert platform.lms(cy).handle(pre, "submit", RIGHT).status == 409


def test_a_result_of_a_test_the_course_still_holds_keeps_its_place(platform):  # noqa: F811
    """Two pre-tests of one pair in the course: a learner who took one is refused the other (one
    result per phase of a pair), as before: only a deleted test's result gives way."""
    section = platform.subsection()
    first = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), section)
    second = platform.add(CHECK.format(phase="pre", pair="day1", extra=""), section)
    cy = platform.lms(platform.user("cy"))
    assert cy.handle(first, "submit", HALF).status == 200
    assert cy.handle(second, "submit", RIGHT).status == 409
