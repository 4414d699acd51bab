"""The Django app: models and migrations of the anonymous aggregate store.

Open edX installs it through the ``lms.djangoapp`` / ``cms.djangoapp`` entry points, so
``tutor local do init`` runs its migrations; ``plugin_app`` is the platform's plugin contract.
When event-routing-backends is an installed app too (every Open edX since Nutmeg), ``ready``
registers the xAPI transformers of the blocks' events (``emm_xblocks.xapi.transformers``):
event-routing-backends offers no entry point for them, only its registry, filled on import.
``migrate`` and ``flush`` (both send ``post_migrate``) make the store forget the summary rows it
remembers (``common.summary.forget``): those commands may have removed them; the statements
compiled once (``common.compiled_sql``) are compiled again too.
Where the LMS's courseware app is installed, a deleted StudentModule row deletes the learner's
filed result (knowledge check) or frees their claims in the block (Likert, case study, role-play;
``common.deleted_state``, decision 37) and sets their completion of the block back to 0.0
where edx-completion is installed (decision 109): the platform's ``StudentModule`` and
``anonymous_id_for_user`` are looked up here, and nothing is connected where either is missing
(the workbench, the tests' settings); without the completion app, no completion is reset.
Where the platform's account retirement is (``USER_RETIRE_LMS_MISC``), a retired learner's
comments are deleted (``common.retirement``).
"""

import logging

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate

log = logging.getLogger(__name__)

COURSEWARE = "lms.djangoapps.courseware"  # its INSTALLED_APPS entry (lms/envs/common.py)
COMPLETION = "completion"  # edx-completion's app (completion/apps.py, CompletionAppConfig.name)


def _forget_summary_rows(**kwargs):
    from .common import compiled_sql, summary

    summary.forget()
    compiled_sql.forget()


class EmmXBlocksConfig(AppConfig):
    name = "emm_xblocks"
    label = "emm_xblocks"
    verbose_name = "EMM2.0 XBlocks"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {}  # no URLs or settings: models, migrations and the receivers connected in ready()

    def ready(self):
        post_migrate.connect(_forget_summary_rows, dispatch_uid="emm_xblocks.summary.forget")
        if apps.is_installed("event_routing_backends"):
            from .xapi import transformers  # noqa: F401 (registers them)
        connect_deleted_state()
        connect_retirement()
        connect_course_outline()


def connect_deleted_state():
    """Connect ``common.deleted_state`` to the LMS's ``courseware.StudentModule``; True if connected."""
    if not apps.is_installed(COURSEWARE):
        return False
    try:
        student_module = apps.get_model("courseware", "StudentModule")
        from common.djangoapps.student.models import anonymous_id_for_user
    except (LookupError, ImportError) as err:
        log.warning("The package's rows will not follow deleted learner state: %s", err)
        return False
    from .common import deleted_state

    deleted_state.connect(student_module, anonymous_id_for_user, completion_reset())
    return True


def completion_reset():
    """``common.deleted_state.completion_reset`` on edx-completion's ``BlockCompletion`` and its
    tracking switch (``completion/models.py``, ``completion/waffle.py``), or None where the app is
    not installed or its names cannot be found."""
    if not apps.is_installed(COMPLETION):
        return None
    try:
        from completion import waffle
        from completion.models import BlockCompletion

        enabled = waffle.ENABLE_COMPLETION_TRACKING_SWITCH.is_enabled
    except (ImportError, AttributeError) as err:
        log.warning("A deleted learner state will leave the block's completion as it was: %s", err)
        return None
    from .common import deleted_state

    return deleted_state.completion_reset(BlockCompletion, enabled)


def connect_retirement():
    """Connect ``common.retirement`` to the platform's ``USER_RETIRE_LMS_MISC``, with the learner's
    ``AnonymousUserId`` rows as their keys; True if connected."""
    try:
        from common.djangoapps.student.models import AnonymousUserId
        from openedx.core.djangoapps.user_api.accounts.signals import USER_RETIRE_LMS_MISC
    except ImportError as err:
        if apps.is_installed(COURSEWARE):
            log.warning("A retired learner's comments will not be deleted: %s", err)
        return False
    from .common import retirement

    def anonymous_ids_of(user):
        return AnonymousUserId.objects.filter(user=user).values_list("anonymous_user_id", flat=True)

    retirement.connect(USER_RETIRE_LMS_MISC, anonymous_ids_of)
    return True


def connect_course_outline():
    """Let the evaluation report read the course's outline from the platform's modulestore
    (``common.course_outline``: a block deleted in Studio is not counted); True if connected.
    ``modulestore()`` builds the store at its first call, a report's, not at start-up."""
    try:
        from xmodule.modulestore import django as platform_modulestore
    except ImportError:
        return False
    from .common import course_outline

    course_outline.connect(platform_modulestore.modulestore)
    return True
