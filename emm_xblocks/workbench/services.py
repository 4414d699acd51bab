"""Workbench services that behave like edx-platform's, so what works here works in the LMS.

* ``LmsI18nService`` follows ``xmodule.modulestore.django.XBlockI18nService`` (``__init__`` and
  ``get_python_locale``): gettext domain ``django`` from the atlas folder
  ``REPO_ROOT/conf/plugins-locale/xblock.v1/<root package>/`` whenever it is a folder (even an
  empty one, as Tutor's image build leaves it: decision 111), else domain ``text`` from
  ``<root package>/translations/``; the catalogue of the active language's locale, falling back
  to Django's catalogue (``django.utils.translation``) when there is none.
  ``get_javascript_i18n_catalog_url`` is None (bundled catalogues are not atlas-pulled ones).
* ``LmsLikeUserService`` builds an ``XBlockUser`` with the ``opt_attrs`` edx-platform sets.
  In the workbench a student id starting with ``staff`` is course staff.
"""

import gettext
import hashlib
from importlib.resources import files
from pathlib import Path

import django.utils.translation
from django.conf import settings
from django.utils.translation import get_language, to_locale
from xblock.reference.user_service import UserService, XBlockUser


class LmsI18nService:
    """The LMS's XBlockI18nService for one block class's root package (``emm_xblocks``).
    ``repo_root``: the platform's ``settings.REPO_ROOT`` (the edx-platform checkout, ``/openedx/
    edx-platform`` in a Tutor image), read from the settings when not given; the workbench's have
    none, so there the package's ``translations/`` is read."""

    def __init__(self, block=None, root_package="emm_xblocks", repo_root=None):
        self.translator = django.utils.translation
        if block is not None:
            root_package = getattr(block, "unmixed_class", block.__class__).__module__.split(".")[0]
        domain, locale_dir = python_locale(root_package, repo_root or getattr(settings, "REPO_ROOT", None))
        language = get_language()
        try:
            self.translator = gettext.translation(
                domain, locale_dir, [to_locale(language if language else settings.LANGUAGE_CODE)]
            )
        except OSError:
            pass

    def get_javascript_i18n_catalog_url(self, block):
        return None

    def __getattr__(self, name):
        name = "gettext" if name == "ugettext" else name
        return getattr(self.translator, name)


def python_locale(root_package, repo_root):
    """``(domain, locale folder)`` as ``XBlockI18nService.get_python_locale`` finds them: the atlas
    folder ``get_python_locale_root() / <root package>`` (``xmodule/modulestore/api.py``:
    ``REPO_ROOT / 'conf/plugins-locale/xblock.v1'``) if it ``isdir()``, whatever it holds, with the
    domain ``django``; else the package's ``translations/``, domain ``text``."""
    if repo_root is not None:
        atlas_folder = Path(repo_root) / "conf" / "plugins-locale" / "xblock.v1" / root_package
        if atlas_folder.is_dir():
            return "django", str(atlas_folder)
    return "text", str(files(root_package).joinpath("translations"))


class LmsLikeI18nService:
    """Loaded once per workbench runtime: resolves the LMS service for the active language
    at each call, as the LMS builds one per block and request."""

    runtime = None

    def _service(self):
        return LmsI18nService()

    def get_javascript_i18n_catalog_url(self, block):
        return None

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._service(), name)


def user_opt_attrs(student_id, staff=None):
    """The opt_attrs edx-platform's DjangoXBlockUserService sets for a user."""
    student_id = str(student_id)
    is_staff = student_id.startswith("staff") if staff is None else staff
    return {
        "edx-platform.anonymous_user_id": hashlib.sha256(f"anon:{student_id}".encode()).hexdigest()[:32],
        "edx-platform.user_id": abs(hash(student_id)) % 10**8,
        "edx-platform.username": student_id,
        "edx-platform.user_is_staff": is_staff,
        "edx-platform.user_role": "staff" if is_staff else "student",
        "edx-platform.is_authenticated": True,
        "edx-platform.user_preferences": {},
    }


class LmsLikeUserService(UserService):
    runtime = None

    def __init__(self, student_id=None, **kwargs):
        super().__init__(**kwargs)
        self.student_id = student_id

    def get_current_user(self):
        student = self.student_id or getattr(self.runtime, "user_id", None) or "student_1"
        user = XBlockUser(is_current_user=True, emails=[f"{student}@example.org"], full_name=str(student))
        user.opt_attrs.update(user_opt_attrs(student))
        return user


class StudioPermissionsService:
    """Studio's ``studio_user_permissions`` (``cms/djangoapps/contentstore/utils.py``): in the
    workbench, a student id starting with ``staff`` may write the course (the LMS has no such
    service, so nobody edits a block there)."""

    runtime = None

    def can_read(self, course_key):
        return True

    def can_write(self, course_key):
        return str(getattr(self.runtime, "user_id", "") or "").startswith("staff")
