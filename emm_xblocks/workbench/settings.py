"""Settings for the xblock-sdk workbench: the package's Django app installed as Open edX does,
services that behave like the LMS's (i18n, user), the language picked by ``?lang=``."""

import os

from workbench.settings import *  # noqa: F401,F403
from workbench.settings import INSTALLED_APPS, MIDDLEWARE, WORKBENCH

from emm_xblocks.common.olx import EDITOR_MAX_BODY_BYTES  # pure: no block, no model loaded here

# The workbench's settings write var/workbench.log (and the database) relative to the working folder.
os.makedirs("var", exist_ok=True)

# the package's app as Open edX installs it; the workbench's own (its runtime writes init args as the LMS does)
INSTALLED_APPS = [*INSTALLED_APPS, "emm_xblocks.apps.EmmXBlocksConfig", "emm_xblocks.workbench.apps.EmmWorkbenchConfig"]
MIDDLEWARE = [*MIDDLEWARE, "emm_xblocks.workbench.middleware.LanguageFromQuery",
              "emm_xblocks.workbench.middleware.PhoneViewport"]

# xblock-sdk serves MEDIA_ROOT at MEDIA_URL, both empty there: every file of the working folder
# (README.md, .git/config, var/workbench.db) was served, to the room's phones too when the workbench
# listens beyond 127.0.0.1 for the live room (trial s43). Its own folder under var/, nothing else.
MEDIA_URL = "/media/"
MEDIA_ROOT = os.path.abspath(os.path.join("var", "media"))

# Only this package's blocks in the scenario list.
EXCLUDED_XBLOCKS = {
    "allscopes_demo", "attempts_scoreboard_demo", "equality_demo", "filethumbs", "helloworld_demo",
    "html_demo", "problem_demo", "sidebar_demo", "slider_demo", "textinput_demo", "thumbs",
    "view_counter_demo",
}


def _database():
    """SQLite by default; ``EMM_DB=mysql`` for MySQL/MariaDB as Open edX runs it (mysqlclient,
    utf8mb4), on the unix socket ``EMM_DB_SOCKET`` (the private test server of ``tests/mariadb.py``
    by default), at the isolation level ``EMM_DB_ISOLATION`` (Django's default: read committed)."""
    if os.environ.get("EMM_DB", "sqlite") != "mysql":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("EMM_WORKBENCH_DB", "var/workbench.db"),
            # writers queue (BEGIN IMMEDIATE) instead of failing at once when a reader turns writer
            "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE"},
            # a file, not shared-cache memory, so that threads of a test lock as processes do
            "TEST": {"NAME": os.environ.get("EMM_TEST_DB") or f"var/test-{os.getpid()}.db"},
        }
    return {
        "ENGINE": "django.db.backends.mysql",
        "NAME": os.environ.get("EMM_DB_NAME", "emm_workbench"),
        "USER": os.environ.get("EMM_DB_USER", "root"),
        "PASSWORD": os.environ.get("EMM_DB_PASSWORD", ""),
        "HOST": os.environ.get("EMM_DB_SOCKET") or os.path.abspath("var/mysql/mysqld.sock"),
        "OPTIONS": {
            "charset": "utf8mb4",
            "isolation_level": os.environ.get("EMM_DB_ISOLATION", "read committed"),
        },
        "TEST": {"NAME": os.environ.get("EMM_TEST_DB") or f"test_emm_{os.getpid()}", "CHARSET": "utf8mb4",
                 "COLLATION": "utf8mb4_unicode_ci"},
    }


DATABASES = {"default": _database()}

# The largest body Django reads (its default, 2.5 MB, answered a larger editor's save with its own
# HTML "400 Bad Request" page, before the handler). Open edX sets none (``DATA_UPLOAD_MAX_MEMORY_SIZE
# = None``, openedx/envs/common.py), leaving the limit to the web server in front (Tutor's Caddy:
# 250 MB for Studio); the workbench keeps one, above the editor's own (``EDITOR_MAX_BODY_BYTES``), so
# that a save up to it is read and one over it gets the editor's 413 in JSON, in the author's words,
# as in Studio; Django's page only past twice that, which no editor sends.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * EDITOR_MAX_BODY_BYTES

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية")]
USE_I18N = True

WORKBENCH = {
    **WORKBENCH,
    "services": {
        **WORKBENCH.get("services", {}),
        # the learner's state read once per request, as the LMS reads it (workbench/field_data.py)
        "field-data": "emm_xblocks.workbench.field_data.RequestFieldData",
        "i18n": "emm_xblocks.workbench.services.LmsLikeI18nService",
        "user": "emm_xblocks.workbench.services.LmsLikeUserService",
        "studio_user_permissions": "emm_xblocks.workbench.services.StudioPermissionsService",
    },
}
