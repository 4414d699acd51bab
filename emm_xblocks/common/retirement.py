"""A learner's account retired in the LMS takes the words they wrote out of the package's tables.

The LMS retires an account in steps (the retirement pipeline of
``openedx/core/djangoapps/user_api/accounts/views.py``); its ``LMSAccountRetirementView`` sends
``USER_RETIRE_LMS_MISC`` (``openedx/core/djangoapps/user_api/accounts/signals.py``) with the
``user`` being retired, "so that code in higher points of LMS can retire the user as necessary",
as the platform's own apps do with what they keep (the survey app deletes its ``SurveyAnswer``
rows, ``lms/djangoapps/survey/signals.py``).

What the package keeps of a learner, under their course-specific anonymous id (the platform's
``AnonymousUserId``, ``common/djangoapps/student/models.py``, which OEP-30 marks "no_pii" and the
platform retains):

* ``Comment``: the free text of a named evaluation's comment box, the learner's own words, which
  may name them or others: **deleted** (``forget_words``). An anonymous evaluation's comments
  carry no key of anyone and stay;
* ``Answer``, ``Claim``, ``PairedResult``, ``LiveAnswer``: option ids, attempt numbers, scores and
  keyed hashes, under the same pseudonymous ids the platform retains with the learner's grades
  and state: kept, so that no figure a course team already reported changes.

The receiver (``connect``, from ``apps.EmmXBlocksConfig.ready`` in the LMS) reads the learner's
anonymous ids with ``anonymous_ids_of(user)``: in the LMS, the ``AnonymousUserId`` rows of the
user (one per course, read, never created: ``anonymous_id_for_user`` would write a row for a
user being retired).
"""

import logging

from .transactions import write

log = logging.getLogger(__name__)
DISPATCH_UID = "emm_xblocks.retire_learner_words"


def forget_words(anonymous_ids):
    """Delete the comments kept under any of ``anonymous_ids`` (the empty key of anonymous
    comments never matches); returns how many were deleted."""
    from ..models import Comment

    keys = sorted({key for key in anonymous_ids if key})
    if not keys:
        return 0
    # a plain read finds them (no index leads with user_key: a DELETE by it would scan the table
    # holding a lock on every row it passes, at MySQL's REPEATABLE READ), then they go by key
    ids = list(Comment.objects.filter(user_key__in=keys).values_list("id", flat=True))
    if not ids:
        return 0
    deleted, _ = write(lambda: Comment.objects.filter(id__in=ids).delete())
    return deleted


def receiver_for(anonymous_ids_of):
    """The ``USER_RETIRE_LMS_MISC`` receiver; ``anonymous_ids_of(user)`` gives the user's anonymous
    ids (the platform's ``AnonymousUserId`` rows; a stand-in in tests/openedx)."""

    def receiver(sender, user=None, **kwargs):
        if user is None:
            log.warning("USER_RETIRE_LMS_MISC without a user: nothing of the package retired")
            return 0
        deleted = forget_words(list(anonymous_ids_of(user)))
        log.info("retired user %s: %d comments of the package deleted", getattr(user, "id", "?"), deleted)
        return deleted

    return receiver


def connect(signal, anonymous_ids_of):
    """Receive ``signal`` (the platform's ``USER_RETIRE_LMS_MISC``); connecting twice keeps one receiver."""
    signal.connect(receiver_for(anonymous_ids_of), weak=False, dispatch_uid=DISPATCH_UID)
