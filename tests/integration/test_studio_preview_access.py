"""(Bug hunt s44.) Studio's preview handler gives any logged-in user the "staff" role.

``cms/djangoapps/contentstore/views/preview.py``: ``preview_handler`` is only ``@login_required``
(no course access check), and ``_prepare_runtime_for_preview`` builds the user service with
``user_role=get_user_role(request.user, course_id)``, which answers "staff" for anyone who is not
the course's instructor (``cms/djangoapps/contentstore/views/access.py``: it "will not return student
role"). The runtime in tests/openedx does the same (``StudioPreviewContext``).

``common.platform.is_staff`` takes that role as course staff, so a learner with an account (every
LMS account can log in to Studio) who sends a request to
``/preview/xblock/<usage key>/handler/<name>`` -- the usage key is in every LMS page -- gets what only
course staff may: the facilitator pack with a graded test's answers, the staff downloads, the
figures of an evaluation whose results are hidden, the live room, and "Leave out" a day, which
deletes the course's answers. Studio's own check of the course is ``studio_user_permissions``
(``StudioPermissionsService.can_read``: ``has_studio_read_access``), which the blocks already use
for editing (decision 13) but not here.

Expected: 403 ``staff_only`` for a user with no access to the course in Studio, nothing deleted;
and no learner write from the preview at all (``runtime.is_author_mode``), whoever sends it.
"""

import pytest
from django.utils import translation
from webob import Request

from emm_xblocks.models import Answer
from tests.integration.platform_blocks import CASE, LIKERT, REFLECTION
from tests.integration.test_pack_handlers import KNOWLEDGE_CHECK
from tests.openedx.fixtures import platform  # noqa: F401


def get(ctx, key, handler, query=""):
    with translation.override("fr"):
        block = ctx.block(key)
        return block.runtime.handle(block, handler, Request.blank("/" + (f"?{query}" if query else "")), "")


def test_an_outsider_in_studio_preview_cannot_open_the_knowledge_check_pack_with_its_answers(platform):  # noqa: F811
    key = platform.add(KNOWLEDGE_CHECK, platform.subsection(graded=True))
    outsider = platform.user("eve")  # a learner's account: no role in the course, no Studio access to it
    preview = platform.studio_preview(outsider)
    assert not preview.block(key).runtime.service(preview.block(key), "studio_user_permissions").can_read(
        platform.course_key)
    response = get(preview, key, "facilitator_pack")
    body = response.body.decode()
    assert "SECRET-FEEDBACK-A" not in body and "SECRET-EXPLANATION-1" not in body
    assert response.status_code == 403 and 'data-error="staff_only"' in body


@pytest.mark.parametrize(("handler", "data"), [("live_session", {"action": "start"}), ("answers_by_day", {}),
                                               ("get_results", {})])
def test_an_outsider_in_studio_preview_gets_no_staff_json_handler(platform, handler, data):  # noqa: F811
    key = platform.add(LIKERT.format(extra='results="staff"'), platform.subsection())
    outsider = platform.user("eve")
    with translation.override("fr"):
        result = platform.studio_preview(outsider).handle(key, handler, data)
    assert result.status == 403, result.json
    assert result.json["error"] in ("staff_only", "forbidden")


@pytest.mark.parametrize("handler", ["export_csv", "export_codebook", "live_poll", "live_screen"])
def test_an_outsider_in_studio_preview_gets_no_staff_download(platform, handler):  # noqa: F811
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    outsider = platform.user("eve")
    response = get(platform.studio_preview(outsider), key, handler)
    assert response.status_code == 403, response.body[:200]
    assert response.json["error"] == "staff_only"


def test_an_outsider_in_studio_preview_cannot_delete_the_course_s_answers(platform):  # noqa: F811
    key = platform.add(CASE.format(extra='show_distribution="true"', more=REFLECTION), platform.subsection())
    for name in ("ana", "bob"):
        lms = platform.lms(platform.user(name))
        r = lms.handle(key, "submit", {"answers": {"q1": "a", "q3": "My reflection."}})
        assert r.status == 200, r.json
    rows = Answer.objects.filter(block_key=str(key)).count()
    assert rows > 0
    day = Answer.objects.filter(block_key=str(key)).values_list("day", flat=True).first()
    outsider = platform.user("eve")
    with translation.override("fr"):
        result = platform.studio_preview(outsider).handle(key, "leave_out_day", {"day": day.isoformat()})
    assert Answer.objects.filter(block_key=str(key)).count() == rows, "the outsider deleted the course's answers"
    assert result.status == 403 and result.json["error"] == "staff_only"


@pytest.mark.parametrize("role", ["student", "staff"])
def test_a_submit_sent_through_studio_preview_is_not_counted_in_the_course_s_figures(platform, role):  # noqa: F811
    """Studio's preview keeps its learner state in the author's session, under the shared anonymous
    id "student" (``preview.py``), and its ``author_view`` shows no form; yet a submit sent to the
    preview's handler writes rows into the course's store under the block's LMS key, so the
    evaluation's results panel, its CSV and the course report count it. The knowledge check
    already refuses this (403 ``forbidden``: "open the course in the LMS"); the Likert does not."""
    from tests.integration.platform_blocks import LIKERT_ANSWERS

    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    someone = platform.user("eve", role=role)
    with translation.override("fr"):
        result = platform.studio_preview(someone).handle(key, "submit", LIKERT_ANSWERS)
    assert Answer.objects.filter(block_key=str(key)).count() == 0, "a preview submit was counted in the figures"
    assert result.status == 403 and result.json["error"] == "forbidden"
    assert "LMS" in result.json["message"] and "Your answers" not in result.json["message"]  # French
