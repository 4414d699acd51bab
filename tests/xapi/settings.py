"""Django settings for ``tests/xapi/transform.py``: event-routing-backends installed beside this
package, as in the LMS, with the settings its transformers read (their defaults from
``event_routing_backends/settings/common.py``) and the platform's modules stood in for
(``platform_standins``)."""

from tests.xapi import platform_standins

platform_standins.install()

SECRET_KEY = "xapi-tests"
USE_TZ = True
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "event_routing_backends",
    "emm_xblocks",
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LMS_ROOT_URL = "https://lms.example.org"
XAPI_EVENTS_ENABLED = True
XAPI_EVENT_LOGGING_ENABLED = False
XAPI_AGENT_IFI_TYPE = "external_id"
EVENT_TRACKING_BACKENDS = {}
