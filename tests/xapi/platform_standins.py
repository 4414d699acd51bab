"""The three platform modules event-routing-backends' ``helpers.py`` imports, standing in for
openedx-platform (which cannot be installed here), each behaving as the file it follows:

* ``openedx/core/djangoapps/external_user_ids/models.py``: ``ExternalIdType.XAPI`` and
  ``ExternalId.add_new_user_id(user, type_name)`` -> ``(external_id, created)``, one stable UUID
  per user and type (the platform keeps a row per user and type; here the UUID is derived from
  both, so it is just as stable);
* ``openedx/core/djangoapps/content/course_overviews/api.py``: ``get_course_overviews([key])`` ->
  the overviews of the courses that exist (here: one course, ``COURSE_ID``, named ``COURSE_NAME``);
  event-routing-backends reads ``overview["display_name"]``;
* ``common/djangoapps/student/models/user.py``: ``get_potentially_retired_user_by_username``
  (only reached for a username that no user has).

``install()`` puts them into ``sys.modules`` before event-routing-backends is imported, as
event-routing-backends' own tests do (its ``test_utils._mock_third_party_modules``).
"""

import sys
import types
import uuid

COURSE_ID = "course-v1:EMM+EMM2+2026"
COURSE_NAME = "Essentials of Migration Management 2.0"


class ExternalIdType:
    XAPI = "xapi"
    CALIPER = "caliper"
    LTI = "lti"


class ExternalId:
    def __init__(self, user, type_name):
        self.external_user_id = uuid.uuid5(uuid.NAMESPACE_URL, f"external-id/{type_name}/{user.pk}")

    @classmethod
    def add_new_user_id(cls, user, type_name):
        return cls(user, type_name), True


def get_course_overviews(course_keys):
    return [{"display_name": COURSE_NAME} for key in course_keys if str(key) == COURSE_ID]


def get_potentially_retired_user_by_username(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def install():
    modules = {
        "openedx.core.djangoapps.external_user_ids.models": {"ExternalId": ExternalId,
                                                              "ExternalIdType": ExternalIdType},
        "openedx.core.djangoapps.content.course_overviews.api": {"get_course_overviews": get_course_overviews},
        "common.djangoapps.student.models": {
            "get_potentially_retired_user_by_username": get_potentially_retired_user_by_username},
    }
    for name, attributes in modules.items():
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        sys.modules[name] = module
