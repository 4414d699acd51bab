"""The Django app: models and migrations of the anonymous aggregate store.

Open edX installs it through the ``lms.djangoapp`` / ``cms.djangoapp`` entry points, so
``tutor local do init`` runs its migrations; ``plugin_app`` is the platform's plugin contract.
When event-routing-backends is an installed app too (every Open edX since Nutmeg), ``ready``
registers the xAPI transformers of the blocks' events (``emm_xblocks.xapi.transformers``):
event-routing-backends offers no entry point for them, only its registry, filled on import.
``migrate`` and ``flush`` (both send ``post_migrate``) make the store forget the summary rows it
remembers (``common.summary.forget``): those commands may have removed them.
"""

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _forget_summary_rows(**kwargs):
    from .common import summary

    summary.forget()


class EmmXBlocksConfig(AppConfig):
    name = "emm_xblocks"
    label = "emm_xblocks"
    verbose_name = "EMM2.0 XBlocks"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {}  # no URLs, settings or signals: only models and migrations

    def ready(self):
        post_migrate.connect(_forget_summary_rows, dispatch_uid="emm_xblocks.summary.forget")
        if apps.is_installed("event_routing_backends"):
            from .xapi import transformers  # noqa: F401 (registers them)
