"""``EmmBlockBase``: what every EMM block shares — resources, i18n, fragments, users.

Resources (``static/``, ``templates/``, ``translations/``) live at the root of the package, as
the wheel installs them, whatever sub-package defines the block class.
"""

import json
from importlib import resources

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError
from xblock.utils.resources import ResourceLoader

from .i18n import JS_NAMESPACE, ROOT_PACKAGE, current_language, is_rtl, js_catalog_path

loader = ResourceLoader(ROOT_PACKAGE)

STAFF_ROLES = {"staff", "instructor", "administrator"}


@XBlock.needs("i18n")
@XBlock.wants("user")
@XBlock.wants("studio_user_permissions")
class EmmBlockBase(XBlock):
    """Base of the XBlock classes of this package (mixins such as ScorableXBlockMixin go before it)."""

    public_dir = "static"
    i18n_js_namespace = JS_NAMESPACE
    block_js = ""  # e.g. "static/js/emm-likert.js"
    block_css = ""
    js_class = ""  # the initialize_js function

    # ---------------------------------------------------------------- resources
    @classmethod
    def open_local_resource(cls, uri):
        """Serve files of ``static/`` at the package root (XBlock would look next to the module)."""
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8")
        if not uri.startswith(cls.public_dir + "/") or "/." in uri or "\\" in uri:
            raise DisallowedFileError(f"Only files from {cls.public_dir!r}/ are allowed: {uri!r}")
        return resources.files(ROOT_PACKAGE).joinpath(uri).open("rb")

    # ---------------------------------------------------------------- i18n
    @property
    def i18n_service(self):
        return self.runtime.service(self, "i18n")

    def ugettext(self, text):
        return self.i18n_service.gettext(text)

    def ungettext(self, singular, plural, n):
        return self.i18n_service.ngettext(singular, plural, n)

    # ---------------------------------------------------------------- users
    def _user_attrs(self):
        service = self.runtime.service(self, "user")
        if service is None:
            return {}
        user = service.get_current_user()
        return getattr(user, "opt_attrs", {}) or {}

    def is_staff(self):
        """Course staff, as edx-platform tells through the user service's ``opt_attrs``."""
        attrs = self._user_attrs()
        if attrs.get("edx-platform.user_is_staff"):
            return True
        return attrs.get("edx-platform.user_role") in STAFF_ROLES

    def can_edit(self):
        """May save the block's content: Studio's write permission, else course staff."""
        perms = self.runtime.service(self, "studio_user_permissions")
        if perms is not None:
            try:
                return bool(perms.can_write(self.scope_ids.usage_id.context_key))
            except AttributeError:
                pass
        return self.is_staff()

    def user_key(self):
        """A stable, non-identifying key for the current learner (the anonymous user id)."""
        attrs = self._user_attrs()
        return str(attrs.get("edx-platform.anonymous_user_id") or self.scope_ids.user_id)

    def block_key(self):
        return str(self.scope_ids.usage_id)

    # ---------------------------------------------------------------- rendering
    def render_template(self, path, context):
        context = dict(context, rtl=is_rtl(), lang=current_language())
        return loader.render_django_template(path, context, i18n_service=self.i18n_service)

    def build_fragment(self, template, context, init_args=None, js=None, js_class=None):
        """Template + shared CSS/JS + the block's JS + the JS catalogue + ``initialize_js``."""
        frag = Fragment(self.render_template(template, context))
        frag.add_css_url(self.runtime.local_resource_url(self, "static/css/emm-common.css"))
        if self.block_css:
            frag.add_css_url(self.runtime.local_resource_url(self, self.block_css))
        js = js or self.block_js
        # the learner's strings; an editor also gets its own (which add to them), learners never do
        suffixes = ("", "-studio") if js.endswith("-studio.js") else ("",)
        for suffix in suffixes:
            catalog = js_catalog_path(suffix=suffix)
            if catalog:
                frag.add_javascript_url(self.runtime.local_resource_url(self, catalog))
        frag.add_javascript_url(self.runtime.local_resource_url(self, "static/js/emm-common.js"))
        if js.endswith("-studio.js"):  # the editors' shared engine
            frag.add_javascript_url(self.runtime.local_resource_url(self, "static/js/emm-editor.js"))
        frag.add_javascript_url(self.runtime.local_resource_url(self, js))
        frag.initialize_js(js_class or self.js_class, json.loads(json.dumps(init_args or {})))
        return frag
