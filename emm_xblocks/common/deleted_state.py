"""A learner's state of a knowledge check deleted in the LMS takes their filed result with it.

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
block filed under it (``pairs.forget_results``, every pair key among the block's rows). Other
blocks' rows cost nothing: the block type is read from the row's usage key.

Only a deletion of StudentModule rows themselves is followed; rows deleted because their user
is deleted (a cascade, ``origin`` a User) are left alone: the platform's anonymous id may be
gone with the user by then, and recomputing it would write a row for a user being deleted.
"""

from django.db.models.signals import post_delete

from . import pairs, platform

KNOWLEDGE_CHECK = "emm_knowledge_check"
DISPATCH_UID = "emm_xblocks.knowledge_check.forget_deleted_state"


def forget_results_of(anonymous_id_for_user):
    """The ``post_delete`` receiver for StudentModule; ``anonymous_id_for_user(user, course_id)``
    is the platform's function (a stand-in in tests/openedx). Returns the number of results
    deleted (the signal ignores it)."""

    def receiver(sender, instance, origin=None, **kwargs):
        if not (isinstance(origin, sender) or getattr(origin, "model", None) is sender):
            return 0
        usage = instance.module_state_key
        if getattr(usage, "block_type", None) != KNOWLEDGE_CHECK:
            return 0
        anonymous = anonymous_id_for_user(instance.student, instance.course_id)
        course = str(instance.course_id)
        return pairs.forget_results(course, str(usage), lambda pair: platform.pair_token_of(course, pair, anonymous))

    return receiver


def connect(student_module, anonymous_id_for_user):
    """Receive ``post_delete`` of the model ``student_module``; connecting twice keeps one receiver."""
    post_delete.connect(forget_results_of(anonymous_id_for_user), sender=student_module, weak=False,
                        dispatch_uid=DISPATCH_UID)


def disconnect(student_module):
    return post_delete.disconnect(sender=student_module, dispatch_uid=DISPATCH_UID)
