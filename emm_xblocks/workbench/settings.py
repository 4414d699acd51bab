"""Settings for the xblock-sdk workbench: the package's Django app installed as Open edX does,
services that behave like the LMS's (i18n, user), the language picked by ``?lang=``."""

import os

from workbench.settings import *  # noqa: F401,F403
from workbench.settings import INSTALLED_APPS, MIDDLEWARE, WORKBENCH

# The workbench's settings write var/workbench.log (and the database) relative to the working folder.
os.makedirs("var", exist_ok=True)

INSTALLED_APPS = [*INSTALLED_APPS, "emm_xblocks.apps.EmmXBlocksConfig"]
MIDDLEWARE = [*MIDDLEWARE, "emm_xblocks.workbench.middleware.LanguageFromQuery"]

# Only this package's blocks in the scenario list.
EXCLUDED_XBLOCKS = {
    "allscopes_demo", "attempts_scoreboard_demo", "equality_demo", "filethumbs", "helloworld_demo",
    "html_demo", "problem_demo", "sidebar_demo", "slider_demo", "textinput_demo", "thumbs",
    "view_counter_demo",
}

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("EMM_WORKBENCH_DB", "var/workbench.db"),
        "OPTIONS": {"timeout": 30},
        "TEST": {"NAME": os.environ.get("EMM_TEST_DB") or None},
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية")]
USE_I18N = True

WORKBENCH = {
    **WORKBENCH,
    "services": {
        **WORKBENCH.get("services", {}),
        "i18n": "emm_xblocks.workbench.services.LmsLikeI18nService",
        "user": "emm_xblocks.workbench.services.LmsLikeUserService",
        "studio_user_permissions": "emm_xblocks.workbench.services.StudioPermissionsService",
    },
}
