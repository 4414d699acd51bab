"""A learner's state deleted in the LMS takes the package's rows of that learner that it stands for.

* knowledge check: their filed result (``pairs.forget_results``);
* Likert, case study, role-play: their claims in the block (``store.forget_claims``): an anonymous
  evaluation's one-time slot, the attempt numbers, the actions' recovery slots, a named
  respondent's lock row. Each of them records that the learner's *state* already did something,
  and the state is gone: the learner may answer again at once (an anonymous evaluation once more,
  a case study or role-play from attempt 1 without waiting for ``pipeline.ATTEMPT_STALE_SECONDS``).
  The answer rows stay: anonymous rows carry no identity and stay counted; a named learner's rows
  (keyed by the same anonymous id) stay counted once and are replaced by their next submission
  (``store.record(replace=True)``), as any resubmission's are.

The LMS keeps each learner's state of a block in one ``StudentModule`` row
(``lms/djangoapps/courseware/models.py``: ``student``, ``course_id``, ``module_state_key``). Both
the instructor's "Delete learner state" of one learner (``lms/djangoapps/instructor/enrollment.py``,
``reset_student_attempts(delete_module=True)``) and the bulk instructor task of every learner
(``lms/djangoapps/instructor_task/tasks_helper/module_state.py``, ``delete_problem_module_state``)
delete that row with ``StudentModule.delete()`` on the instance. Django sends ``post_delete`` for
each deleted row whenever a receiver is connected to the model (``django/db/models/deletion.py``:
``Collector.can_fast_delete`` is False for a model with delete receivers), inside the deletion's
transaction, with ``origin`` the instance (or QuerySet) whose deletion was asked for.

The receiver (``connect``, from ``apps.EmmXBlocksConfig.ready`` in the LMS) recomputes the
learner's course-specific anonymous id with the platform's own function
(``common/djangoapps/student/models`` ``anonymous_id_for_user(user, course_id)``, the one
``block_render.py`` gives the user service, so the one the block saw at the submit), then the
learner's pair token (``platform.pair_token_of``, the same HMAC), and deletes the results that
block filed under it (``pairs.forget_results``, every pair key among the block's rows), or the
claims under ``(usage key, anonymous id)``, the key ``common.pipeline`` claims under. Which rows
to free is decided from the row alone (its usage key's block type), not from the block's content,
which the receiver cannot load cheaply: every claim of that learner in that block belongs to the
deleted state, whatever the evaluation's mode (a named one holds only its lock row, which the next
submission takes again). Other blocks' rows cost nothing.

Only a deletion of StudentModule rows themselves is followed; rows deleted because their user
is deleted (a cascade, ``origin`` a User) are left alone: the platform's anonymous id may be
gone with the user by then, and recomputing it would write a row for a user being deleted.
"""

from django.db.models.signals import post_delete

from . import pairs, platform, store

KNOWLEDGE_CHECK = "emm_knowledge_check"
CLAIMING = frozenset({"emm_likert", "emm_case_study", "emm_role_play"})  # blocks that claim (common.pipeline)
DISPATCH_UID = "emm_xblocks.knowledge_check.forget_deleted_state"


def forget_results_of(anonymous_id_for_user):
    """The ``post_delete`` receiver for StudentModule; ``anonymous_id_for_user(user, course_id)``
    is the platform's function (a stand-in in tests/openedx). Returns the number of results or
    claims deleted (the signal ignores it)."""

    def receiver(sender, instance, origin=None, **kwargs):
        if not (isinstance(origin, sender) or getattr(origin, "model", None) is sender):
            return 0
        usage = instance.module_state_key
        block_type = getattr(usage, "block_type", None)
        if block_type != KNOWLEDGE_CHECK and block_type not in CLAIMING:
            return 0
        anonymous = anonymous_id_for_user(instance.student, instance.course_id)
        if block_type in CLAIMING:
            return store.forget_claims(str(usage), anonymous)
        course = str(instance.course_id)
        return pairs.forget_results(course, str(usage), lambda pair: platform.pair_token_of(course, pair, anonymous))

    return receiver


def connect(student_module, anonymous_id_for_user):
    """Receive ``post_delete`` of the model ``student_module``; connecting twice keeps one receiver."""
    post_delete.connect(forget_results_of(anonymous_id_for_user), sender=student_module, weak=False,
                        dispatch_uid=DISPATCH_UID)


def disconnect(student_module):
    return post_delete.disconnect(sender=student_module, dispatch_uid=DISPATCH_UID)
