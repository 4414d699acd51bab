"""The services a block is given, built as the platform builds them.

* ``User``: a Django user stand-in (id, username, email, course role). While staff masquerade,
  the learner's ``User`` carries ``real_user`` and ``masquerade_settings``
  (``lms/djangoapps/courseware/masquerade.py::setup_masquerade``).
* ``anonymous_id_for_user``: one 32-hex-digit id per (user, course)
  (``common/djangoapps/student/models`` ``anonymous_id_for_user``; the value here is a hash
  of the same inputs, not the platform's exact digest), each saved as the platform saves an
  ``AnonymousUserId`` row (``anonymous_ids_of`` reads them back).
* ``DjangoXBlockUserService``: ``common/djangoapps/xblock_django/user_service.py``: an
  ``XBlockUser`` whose ``opt_attrs`` carry ``edx-platform.*`` keys
  (``common/djangoapps/xblock_django/constants.py``); an unauthenticated user gets only
  ``is_authenticated=False`` and ``request_country_code``. The Django user is kept in
  ``_django_user``, as the platform does (``block_render.py`` reads that attribute itself).
* ``StudioPermissionsService``: ``can_read``/``can_write(course_key)``, the Studio access of the
  user (course staff and instructors may write; ``cms/djangoapps/contentstore/utils.py``).
* ``SettingsService``: ``xmodule/services.py``: the ``XBLOCK_SETTINGS`` bucket named by the
  block's ``block_settings_key`` or its unmixed class name.
* ``CompletionService``: the ``completion`` service of the edx-completion app, given only to an
  authenticated user (``prepare_runtime_for_user``); ``completion_tracking_enabled()`` is the app's
  switch and ``submit_completion`` writes through its ``BlockCompletion`` manager (``completion.py``).
* ``I18nService``: the LMS's ``XBlockI18nService`` (``xmodule/modulestore/django.py``) as
  ``emm_xblocks.workbench.services.LmsI18nService`` models it. The platform registers the class;
  ``ModuleStoreRuntime.service`` (``xmodule/x_module.py``) calls a callable service with the
  block, so every block gets its own instance.
"""

import hashlib
import weakref
from dataclasses import dataclass, field

from django.conf import settings
from xblock.completable import XBlockCompletionMode
from xblock.reference.user_service import UserService, XBlockUser

from emm_xblocks.workbench.services import LmsI18nService

from . import completion as completion_app

STAFF_ROLES = ("staff", "instructor")


@dataclass(eq=False)
class User:
    id: int
    username: str
    role: str = "student"  # the course role: student, staff (Staff), instructor (Admin)
    global_staff: bool = False
    email: str = ""
    is_authenticated: bool = True
    real_user: "User | None" = None
    masquerade_settings: dict = field(default_factory=dict)

    def __post_init__(self):
        self.email = self.email or f"{self.username}@example.org"

    @property
    def course_staff(self):
        return self.global_staff or self.role in STAFF_ROLES


# the platform's AnonymousUserId table: every id handed out is saved in a row (user, id, course)
# ("save: Deprecated and ignored: ID is always saved in an AnonymousUserId object")
ANONYMOUS_USER_IDS = weakref.WeakKeyDictionary()


def anonymous_id_for_user(user, course_key):
    digest = hashlib.md5(f"{settings.SECRET_KEY}{user.id}{course_key or ''}".encode(), usedforsecurity=False)
    ANONYMOUS_USER_IDS.setdefault(user, set()).add(digest.hexdigest())
    return digest.hexdigest()


def anonymous_ids_of(user):
    """The user's ``AnonymousUserId`` rows' ids, as ``apps.connect_retirement`` reads them."""
    return sorted(ANONYMOUS_USER_IDS.get(user, ()))


class DjangoXBlockUserService(UserService):
    def __init__(self, django_user, **kwargs):
        super().__init__()
        self._django_user = django_user
        self._user_is_beta_tester = kwargs.get("user_is_beta_tester", False)
        self._user_is_global_staff = kwargs.get("user_is_global_staff", False)
        self._user_is_staff = kwargs.get("user_is_staff", False)
        self._user_role = kwargs.get("user_role", "student")
        self._anonymous_user_id = kwargs.get("anonymous_user_id", None)
        self._deprecated_anonymous_user_id = kwargs.get("deprecated_anonymous_user_id", None)
        self._request_country_code = kwargs.get("request_country_code", None)

    def get_current_user(self):
        user = XBlockUser(is_current_user=True)
        django_user = self._django_user
        attrs = user.opt_attrs
        if django_user is not None and django_user.is_authenticated:
            user.full_name = django_user.username.title()
            user.emails = [django_user.email]
            attrs["edx-platform.anonymous_user_id"] = self._anonymous_user_id
            attrs["edx-platform.deprecated_anonymous_user_id"] = self._deprecated_anonymous_user_id
            attrs["edx-platform.is_authenticated"] = True
            attrs["edx-platform.request_country_code"] = self._request_country_code
            attrs["edx-platform.user_id"] = django_user.id
            attrs["edx-platform.username"] = django_user.username
            attrs["edx-platform.user_is_beta_tester"] = self._user_is_beta_tester
            attrs["edx-platform.user_is_global_staff"] = self._user_is_global_staff
            attrs["edx-platform.user_is_staff"] = self._user_is_staff
            attrs["edx-platform.user_role"] = self._user_role
            attrs["edx-platform.user_preferences"] = {}
        else:
            attrs["edx-platform.is_authenticated"] = False
            attrs["edx-platform.request_country_code"] = self._request_country_code
        return user

    def get_anonymous_user_id(self, username, course_id):
        """Only staff may look another user's id up (None otherwise), as the platform does."""
        if not self.get_current_user().opt_attrs.get("edx-platform.user_is_staff"):
            return None
        return None  # looking users up by name is not modelled


class StudioPermissionsService:
    def __init__(self, user):
        self._user = user

    def can_read(self, course_key):
        return self._user.course_staff

    def can_write(self, course_key):
        return self._user.course_staff


class SettingsService:
    def get_settings_bucket(self, block, default=None):
        default = default if default is not None else {}
        bucket = getattr(block, "block_settings_key", block.unmixed_class.__name__)
        return getattr(settings, "XBLOCK_SETTINGS", {}).get(bucket, default)


class CompletionService:
    def __init__(self, recorder, user):
        self.recorder = recorder
        self.user = user

    def completion_tracking_enabled(self):
        return completion_app.ENABLE_COMPLETION_TRACKING_SWITCH.is_enabled()

    def can_mark_block_complete_on_view(self, block):
        """``completion/services.py``: a completable block (``XBlockCompletionMode.get_mode``) with
        no custom completion and no score."""
        return (XBlockCompletionMode.get_mode(block) == XBlockCompletionMode.COMPLETABLE
                and not getattr(block, "has_custom_completion", False) and not getattr(block, "has_score", False))

    def submit_completion(self, usage_key, completion):
        if not 0.0 <= completion <= 1.0:
            raise ValueError("completion must be between 0.0 and 1.0")
        manager = completion_app.BlockCompletionManager(lambda block_key: self.recorder.completions)
        return manager.submit_completion(user=self.user, block_key=usage_key, completion=completion)


def i18n_service(block):
    """What the LMS runtime hands a block for ``service(block, "i18n")``."""
    return LmsI18nService(block)
