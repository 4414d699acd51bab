"""The Django app: models and migrations of the anonymous aggregate store.

Open edX installs it through the ``lms.djangoapp`` / ``cms.djangoapp`` entry points, so
``tutor local do init`` runs its migrations; ``plugin_app`` is the platform's plugin contract.
"""

from django.apps import AppConfig


class EmmXBlocksConfig(AppConfig):
    name = "emm_xblocks"
    label = "emm_xblocks"
    verbose_name = "EMM2.0 XBlocks"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {}  # no URLs, settings or signals: only models and migrations
