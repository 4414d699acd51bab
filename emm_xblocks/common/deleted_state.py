"""A learner's state deleted in the LMS takes the package's rows of that learner that it stands for,
and the completion the platform keeps of it.

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

The learner's completion of the block goes back to 0.0 as well (``completion_reset``, where
edx-completion is installed): the platform tells the completion app of a deleted score
(``PROBLEM_WEIGHTED_SCORE_CHANGED`` with ``score_deleted``), but its receiver
(``completion/handlers.py``, ``scorable_block_completion``) leaves a block with
``has_custom_completion`` alone -- every block of the package (``CompletableXBlockMixin``) -- and
the bulk task tells it nothing. Without the reset the course outline, the unit's check mark and
"Resume course" (``BlockCompletionTransformer``, reading ``BlockCompletion``) kept the activity
done while the block showed it afresh. The reset goes through the completion app's own
``BlockCompletion.objects.submit_completion(user, block_key, completion)``
(``completion/models.py``: creates the row or sets its value, lower or higher, and logs
``edx.completion.block_completion.changed``), as ``scorable_block_completion`` sets a capa
problem's, and only while the app's ``completion.enable_completion_tracking`` switch is on
(``submit_completion`` raises ``RuntimeError`` otherwise; with it off no row was written anyway).

Only a deletion of StudentModule rows themselves is followed; rows deleted because their user
is deleted (a cascade, ``origin`` a User) are left alone: the platform's anonymous id may be
gone with the user by then, and recomputing it would write a row for a user being deleted.
"""

from django.db.models.signals import post_delete

from . import pairs, platform, store

KNOWLEDGE_CHECK = "emm_knowledge_check"
CLAIMING = frozenset({"emm_likert", "emm_case_study", "emm_role_play"})  # blocks that claim (common.pipeline)
DISPATCH_UID = "emm_xblocks.knowledge_check.forget_deleted_state"


def completion_reset(block_completion, tracking_enabled):
    """``reset(user, usage_key, course_key)``: the learner's completion of the block set to 0.0
    with ``block_completion.objects.submit_completion(user=, block_key=, completion=)``
    (edx-completion's ``completion.models.BlockCompletion``; a stand-in in
    tests/openedx/completion.py), while ``tracking_enabled()`` (its
    ``ENABLE_COMPLETION_TRACKING_SWITCH.is_enabled``) says the app keeps completions. An old
    Mongo course's key (no run) gets the row's course key first, as ``scorable_block_completion``
    does (``submit_completion`` refuses it). True if submitted."""

    def reset(user, usage_key, course_key):
        if not tracking_enabled():
            return False
        context = usage_key.context_key
        if getattr(context, "is_course", False) and getattr(context, "run", "") is None:
            usage_key = usage_key.replace(course_key=course_key)
        block_completion.objects.submit_completion(user=user, block_key=usage_key, completion=0.0)
        return True

    return reset


def forget_results_of(anonymous_id_for_user, reset_completion=None):
    """The ``post_delete`` receiver for StudentModule; ``anonymous_id_for_user(user, course_id)``
    is the platform's function (a stand-in in tests/openedx); ``reset_completion``:
    ``completion_reset``'s function, or None where the completion app is not installed. Returns
    the number of results or claims deleted (the signal ignores it)."""

    def receiver(sender, instance, origin=None, **kwargs):
        if not (isinstance(origin, sender) or getattr(origin, "model", None) is sender):
            return 0
        usage = instance.module_state_key
        block_type = getattr(usage, "block_type", None)
        if block_type != KNOWLEDGE_CHECK and block_type not in CLAIMING:
            return 0
        anonymous = anonymous_id_for_user(instance.student, instance.course_id)
        if block_type in CLAIMING:
            forgotten = store.forget_claims(str(usage), anonymous)
        else:
            course = str(instance.course_id)
            forgotten = pairs.forget_results(course, str(usage),
                                             lambda pair: platform.pair_token_of(course, pair, anonymous))
        if reset_completion is not None:
            reset_completion(instance.student, usage, instance.course_id)
        return forgotten

    return receiver


def connect(student_module, anonymous_id_for_user, reset_completion=None):
    """Receive ``post_delete`` of the model ``student_module``; connecting twice keeps one receiver."""
    post_delete.connect(forget_results_of(anonymous_id_for_user, reset_completion), sender=student_module,
                        weak=False, dispatch_uid=DISPATCH_UID)


def disconnect(student_module):
    return post_delete.disconnect(sender=student_module, dispatch_uid=DISPATCH_UID)
