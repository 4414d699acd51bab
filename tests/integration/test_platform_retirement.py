"""A learner's account retired in the LMS (``tests/openedx/retirement.py``: the platform's
``LMSAccountRetirementView`` sends ``USER_RETIRE_LMS_MISC`` with the user): the words they wrote
in a named evaluation's comment box are deleted (``common/retirement.py``); what carries no words
of theirs (answers, counts, anonymous comments, other learners' comments) stays, so the figures a
course team reported do not change."""

import logging

from emm_xblocks.common import summary
from emm_xblocks.models import Answer, Comment
from tests.integration.platform_blocks import LIKERT, LIKERT_ANSWERS
from tests.openedx.fixtures import platform  # noqa: F401
from tests.openedx.retirement import USER_RETIRE_LMS_MISC, LMSAccountRetirementView, retire_misc


def comments(key):
    return sorted(Comment.objects.filter(block_key=str(key)).values_list("text", flat=True))


def staff_csv(platform, key):  # noqa: F811
    staff = platform.user("staff_retire", role="staff")
    response = platform.lms(staff).handle(key, "export_csv", method="GET")
    assert response.status == 200
    return response.body.decode("utf-8-sig")


def test_a_retired_learner_s_comments_are_deleted_and_every_figure_stays(platform):  # noqa: F811
    ana, ben = platform.user("ana"), platform.user("ben")
    unit = platform.subsection()
    named = platform.add(LIKERT.format(extra='min_group_size="2"'), unit)
    anonymous = platform.add(LIKERT.format(extra='anonymous="true"'), unit)
    for user in (ana, ben):
        for key in (named, anonymous):
            data = dict(LIKERT_ANSWERS, comment=f"{user.username}: my colleague Moussa should come too")
            assert platform.lms(user).handle(key, "submit", data).status == 200
    before = {key: (summary.counted_from_rows(str(key)), Answer.objects.filter(block_key=str(key)).count())
              for key in (named, anonymous)}
    assert "ana: my colleague" in staff_csv(platform, named)

    retire_misc(ana)

    assert comments(named) == ["ben: my colleague Moussa should come too"]
    assert "ana: my colleague" not in staff_csv(platform, named)
    # an anonymous comment carries no key of anyone: nothing ties it to ana, and it stays
    assert comments(anonymous) == ["ana: my colleague Moussa should come too",
                                   "ben: my colleague Moussa should come too"]
    after = {key: (summary.counted_from_rows(str(key)), Answer.objects.filter(block_key=str(key)).count())
             for key in (named, anonymous)}
    assert after == before  # two respondents each, every answer counted as before


def test_retiring_someone_who_kept_nothing_or_no_user_changes_nothing(platform, caplog):  # noqa: F811
    ana, carla = platform.user("ana"), platform.user("carla")
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    retire_misc(carla)  # enrolled elsewhere, never answered here
    with caplog.at_level(logging.WARNING):
        USER_RETIRE_LMS_MISC.send(sender=LMSAccountRetirementView, user=None)
    assert comments(key) == ["Merci"]
    assert "without a user" in caplog.text
