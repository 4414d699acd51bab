"""Bug hunt sec: the LMS's ``handler_noauth`` address runs any handler with no access check and no
CSRF check (``lms/djangoapps/courseware/block_render.py``, openedx-platform master):

* ``handle_xblock_callback_noauth`` is ``@csrf_exempt``, sets ``request.user.known = False`` and
  calls ``_invoke_xblock_handler`` with ``request.user`` as it is: the person the session cookie
  names (or ``AnonymousUser``);
* ``get_block_for_descriptor`` then skips ``has_access(user, 'load', block, course_key)`` ("Do not
  check access when it's a noauth request": ``user_needs_access_check = getattr(user, 'known',
  True)``): no enrolment, no release date, no "visible to staff only", no cohort is checked;
* the LMS's session cookie is ``SameSite=None`` (``DCS_SESSION_COOKIE_SAMESITE = 'None'``,
  ``DCS_SESSION_COOKIE_SAMESITE_FORCE_ALL``, ``lms/envs/common.py``), so a page on another site
  can post a form there (``enctype="text/plain"`` writes a JSON body: ``parse_json`` reads any
  content type) and the browser sends the learner's or the staff member's cookie with it.

None of our handlers is meant for a third party (none is given with ``handler_url(...,
thirdparty=True)``), yet each runs there as on the page's own address (``handler``, which checks
CSRF and access). So an account not enrolled in the course adds answers to its evaluation (one per
account: every new account one more), and a page a staff member opens deletes a day's answers
(``leave_out_day``) in their name. The block sees such a request by the user the platform marked
(``known`` False on the user behind the ``user`` service, as ``platform.is_masquerading`` reads
``real_user`` there). Expected: 403 with a stable code and translated words, nothing written.
"""

import pytest

from emm_xblocks.common.codes import STATUS
from emm_xblocks.models import Answer, Claim, Comment
from tests.integration.platform_blocks import LIKERT, LIKERT_ANSWERS
from tests.openedx.fixtures import platform  # noqa: F401


def rows():
    return (sorted(Answer.objects.values_list("block_key", "group", "value", "user_key", "day")),
            sorted(Comment.objects.values_list("text", "user_key")),
            sorted(Claim.objects.values_list("block_key", "user_key", "slot")))


def noauth(platform, user):  # noqa: F811
    """What ``handle_xblock_callback_noauth`` hands the block: the session's user, marked unknown."""
    user.known = False
    return platform.lms(user)


def assert_refused(result):
    assert result.status == 403, (result.status, result.json)
    assert result.json["error"] in STATUS and STATUS[result.json["error"]] == 403
    assert result.json["message"].strip()


@pytest.mark.parametrize("extra", ['anonymous="true"', 'anonymous="false"'])
def test_an_evaluation_takes_no_answer_through_the_noauth_address(platform, extra):  # noqa: F811
    key = platform.add(LIKERT.format(extra=extra), platform.subsection())
    outsider = platform.user("outsider")  # an account of the site, not enrolled (nothing checks it there)
    before = rows()
    result = noauth(platform, outsider).handle(key, "submit", LIKERT_ANSWERS)
    assert_refused(result)
    assert rows() == before  # no answer, comment or claim of theirs in the course's figures


def test_a_day_is_not_left_out_through_the_noauth_address(platform):  # noqa: F811
    """A page on another site posts ``{"day": ...}`` to ``handler_noauth/leave_out_day`` with the
    staff member's cookie: nothing of the day may be deleted."""
    key = platform.add(LIKERT.format(extra='anonymous="false" min_group_size="1"'), platform.subsection())
    for name in ("ana", "bea", "cyd"):
        assert platform.lms(platform.user(name)).handle(key, "submit", LIKERT_ANSWERS).status == 200
    day = Answer.objects.values_list("day", flat=True).first()
    before = rows()
    staff = platform.user("sam", role="staff")
    result = noauth(platform, staff).handle(key, "leave_out_day", {"day": day.isoformat()})
    assert_refused(result)
    assert rows() == before


def test_a_visitor_without_an_account_gives_no_answer_through_the_noauth_address(platform):  # noqa: F811
    """No session at all: the platform runs the handler for ``AnonymousUser`` (``id`` None, no
    anonymous id: ``anonymous_id_for_user`` returns None), whose answers were kept under the
    learner key "None" in the course's figures."""
    from tests.openedx.runtime import LmsContext
    from tests.openedx.services import User

    key = platform.add(LIKERT.format(extra='anonymous="false"'), platform.subsection())
    visitor = User(None, "", is_authenticated=False)
    visitor.known = False  # handle_xblock_callback_noauth
    before = rows()
    result = LmsContext(platform, visitor).handle(key, "submit", LIKERT_ANSWERS)
    assert_refused(result)
    assert rows() == before
