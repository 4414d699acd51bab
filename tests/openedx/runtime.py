"""One course, its blocks, its learners, and the three contexts a block runs in.

``Platform`` holds what the platform's databases hold: the authored fields of every block
(the modulestore), the StudentModule table, the package's own Django tables (the real test
database) and what the LMS received (``events``). A ``Context`` is one kind of request:

* ``platform.lms(user)``: ``lms/djangoapps/courseware/block_render.py``
  (``get_block_for_descriptor`` + ``prepare_runtime_for_user``), with
  ``masquerade_as=learner`` for staff viewing the course as that learner; its blocks' dates
  read in edx-when first, the learner's own over the course's (``dates.py``); its handlers
  answer at the page's address (``handle_xblock_callback``), ``platform.lms_noauth(user)``'s at
  the ``handler_noauth`` one (``handle_xblock_callback_noauth``: no CSRF, no access check);
* ``platform.studio_preview(user)``: ``cms/djangoapps/contentstore/views/preview.py``
  (``_prepare_runtime_for_preview`` + ``_load_preview_block``), where Studio renders ``author_view``;
* ``platform.studio_editor(user)``: ``cms/djangoapps/contentstore/utils.py``
  (``load_services_for_studio``), the editor modal's ``studio_view`` and its handlers
  (``component_handler``), which save to the modulestore.

Every request gets a fresh runtime and fresh block instances, as the platform builds them per
request; in the LMS also a fresh ``FieldDataCache`` (``student_module.py``), the request's copy of
the learner's state of each block it loads. The runtime is XBlock's own ``xblock.runtime.Runtime``;
blocks are mixed with the platform's ``LmsBlockMixin``, ``InheritanceMixin`` and (its icon only) ``XModuleMixin`` by its
mixologist (the platform's ``XBLOCK_MIXINS``, ``lms_mixin.py`` and ``inheritance.py``).
"""

import json
from dataclasses import dataclass, field
from html import escape

from lxml import etree
from web_fragments.fragment import Fragment
from webob import Request
from xblock.core import XBlock
from xblock.exceptions import NoSuchHandlerError
from xblock.fields import Scope, ScopeIds
from xblock.runtime import DictKeyValueStore, KvsFieldData, Runtime

from emm_xblocks.common import course_outline, deleted_state, retirement

from . import completion, grades, masquerade, modulestore
from .dates import CourseDates
from .field_data import cms_field_data, lms_field_data, unbound_field_data
from .inheritance import InheritanceMixin, InheritingFieldData
from .keys import CourseIdManager
from .lms_mixin import LmsBlockMixin, XModuleMixin
from .retirement import USER_RETIRE_LMS_MISC
from .services import (
    CompletionService,
    DjangoXBlockUserService,
    SettingsService,
    StudioPermissionsService,
    User,
    anonymous_id_for_user,
    anonymous_ids_of,
    i18n_service,
)
from .static_replace import ReplaceURLService, replace_urls_wrapper
from .student_module import DjangoKeyValueStore, FieldDataCache, StudentModule, StudentModuleTable

MIXINS = (LmsBlockMixin, InheritanceMixin, XModuleMixin)  # the platform's XBLOCK_MIXINS, first three (lms_mixin.py)


def dump_js_escaped_json(value):
    """``openedx/core/djangolib/js_utils.py`` ``dump_js_escaped_json``: ``value``'s JSON (ASCII)
    with ``&``, ``>`` and ``<`` written ``\\u0026``, ``\\u003e`` and ``\\u003c``
    (``_escape_json_for_js``), so that no text in it ends the ``<script>`` it is written in."""
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("&", "\\u0026").replace(">", "\\u003e").replace("<", "\\u003c")


def xblock_wrapper(runtime_class, extra_data=None, request_token="request-token"):
    """``openedx/core/lib/xblock_utils/__init__.py`` ``wrap_xblock`` (LMS: ``LmsRuntime`` with
    ``extra_data={'course-id': ...}``, ``block_render.py``; Studio preview: ``PreviewRuntime``): a
    ``div.xblock.xblock-<view>.xblock-<view>-<type>`` whose ``data-*`` attributes carry the extra
    data, the JS init function, runtime class and version, block type, usage id, request token,
    ``graded`` (the block's field, inherited or not), ``has-score`` and the block's ``name`` where
    it has one, and, where the init args are not empty (``xblock_wrapper.html``: ``{% if
    js_init_parameters %}``), a ``<script type="json/xblock-args" class="xblock-json-init-args">``
    holding them, written by ``dump_js_escaped_json`` (``dump_js_escaped_json`` here)."""

    def wrap(block, view, frag, context):
        data = dict(extra_data or {})
        if frag.js_init_fn:
            data.update({"init": frag.js_init_fn, "runtime-class": runtime_class,
                         "runtime-version": frag.js_init_version})
        data.update({"block-type": block.scope_ids.block_type, "usage-id": str(block.scope_ids.usage_id),
                     "request-token": request_token, "graded": getattr(block, "graded", False),
                     "has-score": getattr(block, "has_score", False)})
        if getattr(block, "name", None):
            data["name"] = block.name
        classes = f"xblock xblock-{escape(view)} xblock-{escape(view)}-{escape(block.scope_ids.block_type)}"
        attributes = " ".join(f'data-{escape(k)}="{escape(str(v))}"' for k, v in data.items())
        args = ""
        if getattr(frag, "json_init_args", None):
            args = ('<script type="json/xblock-args" class="xblock-json-init-args">'
                    f"{dump_js_escaped_json(frag.json_init_args)}</script>")
        wrapped = Fragment(f'<div class="{classes}" {attributes}>{args}{frag.content}</div>')
        wrapped.add_fragment_resources(frag)
        return wrapped

    return wrap


class ContainerBlock(XBlock):
    """Stand-in for the course, a chapter or a subsection: a block with children and settings."""

    has_children = True

    def student_view(self, context=None):
        frag = Fragment()
        for child_id in self.children:
            frag.add_fragment_resources(child := self.runtime.render_child(self.runtime.get_block(child_id),
                                                                            "student_view", context))
            frag.add_content(child.content)
        return frag


@dataclass
class HandlerResult:
    """A handler's answer: HTTP status, parsed JSON body (None if not JSON). An exception the
    handler let escape becomes a 500 (``handle_xblock_callback`` re-raises; Django answers 500),
    kept in ``exception``."""

    status: int
    json: object
    body: bytes
    content_type: str
    exception: Exception | None = None
    headers: dict = field(default_factory=dict)  # as the platform passes them on (webob_to_django_response)

    @property
    def error(self):
        return self.json.get("error") if isinstance(self.json, dict) else None


class PlatformRuntime(Runtime):
    """The runtime of one request: services, field data per block, wrappers, event publishing."""

    def __init__(self, platform, field_data, services, wrappers=(), user_id=None, field_data_cache=None):
        services = {**services, "field-data": field_data}
        super().__init__(id_reader=platform.ids, id_generator=platform.ids, mixins=MIXINS, services=services)
        self.platform = platform
        self.wrappers = list(wrappers)
        self._user_id = user_id
        self.field_data_cache = field_data_cache
        self._cached = set()

    def cache_block(self, usage_id):
        """The learner's state of the block read into the request's copy, once per request
        (``block_render.py``: ``FieldDataCache.cache_for_block_descendents`` of the requested
        block, before any of its fields is read; here each block as the request first loads it)."""
        if self.field_data_cache is not None and usage_id not in self._cached:
            self._cached.add(usage_id)
            self.field_data_cache.add_blocks_to_cache([usage_id])

    def load_block_type(self, block_type):
        return self.platform.block_classes.get(block_type) or super().load_block_type(block_type)

    def get_block(self, usage_id, for_parent=None):
        keys = ScopeIds(self._user_id, usage_id.block_type, usage_id, usage_id)
        cls = ContainerBlock if usage_id.block_type in ContainerBlock.TYPES else self.load_block_type(
            usage_id.block_type)
        self.cache_block(usage_id)
        return self.construct_xblock_from_class(cls, keys, for_parent=for_parent)

    def service(self, block, service_name):
        """``xmodule/x_module.py`` ``ModuleStoreRuntime.service``: a callable service is called with the block."""
        service = super().service(block, service_name)
        if callable(service):
            return service(block)
        return service

    def publish(self, block, event_type, event_data):
        publisher = self._services.get("publish")
        if publisher is not None:
            publisher.publish(block, event_type, event_data)

    def wrap_xblock(self, block, view, frag, context):
        for wrapper in self.wrappers:
            frag = wrapper(block, view, frag, context)
        return frag

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        key = block.scope_ids.usage_id
        url = f"/courses/{key.context_key}/xblock/{key}/handler/{handler_name}"
        return url + (f"/{suffix}" if suffix else "") + (f"?{query}" if query else "")

    def local_resource_url(self, block, uri):
        """``xblock_local_resource_url`` (``openedx/core/lib/xblock_utils/__init__.py``, production
        settings): ``staticfiles_storage.url("xblock/resources/<xblock_resource_pkg(cls)>/<uri>")``,
        where ``xblock_resource_pkg`` is the unmixed class's module one level up."""
        cls = getattr(type(block), "unmixed_class", type(block))
        return f"/static/xblock/resources/{cls.__module__.rsplit('.', 1)[0]}/{uri}"

    def resource_url(self, resource):
        raise NotImplementedError("edX Platform doesn't currently implement XBlock resource urls")


ContainerBlock.TYPES = {"course", "chapter", "sequential", "vertical"}


class Context:
    """A kind of request (LMS, Studio preview, Studio editor) made by one user."""

    name = ""

    def __init__(self, platform, user):
        self.platform = platform
        self.user = user

    def runtime(self):  # pragma: no cover - each context builds its own
        raise NotImplementedError

    def block(self, usage_key):
        return self.runtime().get_block(usage_key)

    def render(self, usage_key, view=None, context=None):
        """The view's fragment after the context's wrappers (``runtime.render``)."""
        block = self.block(usage_key)
        return block.runtime.render(block, view or self.default_view, context or {})

    def html(self, usage_key, view=None):
        return self.render(usage_key, view).body_html()

    def handle(self, usage_key, handler, data=None, *, raw=None, method="POST", suffix=""):
        """A JSON request to a handler, through the block's ``handle`` as ``_invoke_xblock_handler``
        calls it (``block_render.py``; ``preview.py``'s ``preview_handler`` and ``component.py``'s
        ``component_handler`` alike: ``instance.handle(handler, req, suffix)``), which goes on to
        ``runtime.handle`` (which saves the block); its answer goes through no view wrapper.
        ``suffix``: what follows the handler's name in its address (``handler_url``'s)."""
        block = self.block(usage_key)
        body = raw if raw is not None else json.dumps({} if data is None else data).encode()
        request = Request.blank("/", method=method, body=body if method == "POST" else None,
                                content_type="application/json")
        try:
            response = block.handle(handler, request, suffix)
            self.after_handler(block)
        except Exception as err:  # noqa: BLE001 - the platform logs it and Django answers 500 (or 404)
            # every context's view raises Http404 for a handler the block does not have
            # (block_render.py handle_xblock_callback, preview.py preview_handler,
            # component.py component_handler); xmodule's NotFoundError and ProcessingError, which
            # they also catch, cannot come from this package (it never imports xmodule)
            result = HandlerResult(404 if isinstance(err, NoSuchHandlerError) else 500, None, b"", "text/html")
            result.exception = err
            return result
        try:
            parsed = json.loads(response.body.decode("utf-8")) if response.body else None
        except ValueError:
            parsed = None
        return HandlerResult(response.status_code, parsed, response.body, response.content_type,
                             headers=dict(response.headers))

    def after_handler(self, block):
        """What the platform does after a handler returns (nothing in the LMS)."""


# the LMS's two addresses of a handler (lms/urls.py): ``…/xblock/<usage id>/handler/<name>``, the one
# ``handler_url`` gives (``handle_xblock_callback``), and ``…/handler_noauth/<name>``, the one
# ``handler_url(..., thirdparty=True)`` gives (``handle_xblock_callback_noauth``), both in
# lms/djangoapps/courseware/block_render.py; any handler answers at both
HANDLER, HANDLER_NOAUTH = "handler", "handler_noauth"


class LmsContext(Context):
    """A learner (or staff) on a course page; ``masquerade_as`` for "View as a specific learner",
    ``as_learner`` for staff's "View this course as: Learner" (``masquerade.py``: the role, no user).

    ``route``: which of the LMS's two handler views a request goes through
    (``lms/djangoapps/courseware/block_render.py``), ``HANDLER`` or ``HANDLER_NOAUTH``; by default
    ``HANDLER_NOAUTH`` for a user already marked ``known = False`` (what that view does to
    ``request.user`` before anything else), ``HANDLER`` otherwise. ``handle`` then does what the
    view does before the block's handler runs (``handle``)."""

    name = "lms"
    default_view = "student_view"

    def __init__(self, platform, user, masquerade_as=None, session=None, route=None, as_learner=False):
        super().__init__(platform, user)
        self.route = route or (HANDLER_NOAUTH if getattr(user, "known", True) is False else HANDLER)
        self.session = session if session is not None else {}
        self.learner = user
        self.masquerading = False  # as a specific learner
        self.as_learner = False  # as the role "Learner": the staff member's own user
        if masquerade_as is not None or as_learner:
            if not user.course_staff:
                raise PermissionError("only course staff can masquerade")
        if masquerade_as is not None:
            self.masquerading = True
            self.learner = User(masquerade_as.id, masquerade_as.username, role=masquerade_as.role,
                                global_staff=masquerade_as.global_staff, email=masquerade_as.email)
            self.learner.real_user = user
            self.learner.masquerade_settings = {platform.course_key: masquerade.CourseMasquerade(
                platform.course_key, user_name=masquerade_as.username)}
        elif as_learner:
            # setup_masquerade sets masquerade_settings on request.user, made anew for each
            # request: a copy of the staff member, the same id (their state, their anonymous id)
            self.as_learner = True
            self.learner = User(user.id, user.username, role=user.role, global_staff=user.global_staff,
                                email=user.email)
            self.learner.masquerade_settings = {platform.course_key: masquerade.CourseMasquerade(platform.course_key)}

    def handle(self, usage_key, handler, data=None, *, raw=None, method="POST", suffix=""):
        """The request through the context's ``route``, as ``block_render.py``'s views take it:

        * ``handle_xblock_callback`` (``HANDLER``) answers ``HttpResponseForbidden('Unauthenticated')``
          to any method but GET from a user not signed in, then sets ``request.user.known =
          request.user.is_authenticated`` (its CSRF check of a signed-in user's request is taken as
          passed: the page sends the token);
        * ``handle_xblock_callback_noauth`` (``HANDLER_NOAUTH``, ``@csrf_exempt``) sets
          ``request.user.known = False`` for whoever the session names, or ``AnonymousUser``.

        ``request.user`` is the user the context was made for (the staff member while masquerading:
        ``setup_masquerade`` hands the block the learner's user, with ``real_user`` this one; as
        "Learner", the block has ``request.user`` itself, with its ``masquerade_settings``);
        ``get_block_for_descriptor_internal`` checks ``has_access(user, 'load', ...)`` only where
        ``getattr(user, 'known', True)``, and the block sees the mark on the user service's Django
        user. The mark lives for the request: Django's ``request.user`` is made anew for each."""
        user = self.learner if self.as_learner else self.user
        if self.route == HANDLER:
            if method != "GET" and not user.is_authenticated:
                return HandlerResult(403, None, b"Unauthenticated", "text/html")
            user.known = user.is_authenticated
        else:
            user.known = False
        try:
            return super().handle(usage_key, handler, data, raw=raw, method=method, suffix=suffix)
        finally:
            vars(user).pop("known", None)

    def student_kvs(self, field_data_cache):
        """``block_render.py`` ``get_block_for_descriptor``: ``DjangoKeyValueStore`` over the
        request's ``FieldDataCache``, wrapped in ``MasqueradingKeyValueStore`` while masquerading."""
        kvs = DjangoKeyValueStore(field_data_cache)
        if self.masquerading:
            kvs = masquerade.MasqueradingKeyValueStore(kvs, self.session)
        return kvs

    def runtime(self):
        platform, learner = self.platform, self.learner
        field_data_cache = FieldDataCache(platform.student_modules, learner)
        student_data = KvsFieldData(self.student_kvs(field_data_cache))
        # has_access(user, 'staff') and get_user_role (lms/djangoapps/courseware/access.py) answer
        # for the masqueraded role; get_user_role: "instructor" (Admin, or global staff), "staff", "student"
        masked = self.masquerading or self.as_learner
        is_staff = learner.course_staff and not masked
        if masked:
            role = masquerade.LEARNER
        elif learner.role == "instructor" or learner.global_staff:
            role = "instructor"
        else:
            role = "staff" if learner.role == "staff" else "student"
        services = {
            "user": DjangoXBlockUserService(
                # GlobalStaff().has_user: the learner's (a specific learner), or the staff member's own
                learner, user_is_staff=is_staff, user_is_global_staff=learner.global_staff and not self.masquerading,
                user_role=role, anonymous_user_id=anonymous_id_for_user(learner, platform.course_key),
                deprecated_anonymous_user_id=anonymous_id_for_user(learner, None)),
            "i18n": i18n_service,
            "settings": SettingsService(),
            "completion": CompletionService(platform.events, learner) if learner.is_authenticated else None,
            "publish": grades.EventPublishingService(platform, learner, self.masquerading),
            "replace_urls": ReplaceURLService(platform.course_key),
        }
        # prepare_runtime_for_user: filter_displayed_blocks first (only while masquerading), then
        # wrap_xblock, then replace_urls_wrapper (static_replace/wrapper.py) with the same service
        wrappers = [masquerade.filter_displayed_blocks] if self.masquerading else []
        wrappers.append(xblock_wrapper("LmsRuntime", {"course-id": str(platform.course_key)}))
        wrappers.append(replace_urls_wrapper(services["replace_urls"]))
        return PlatformRuntime(platform, lms_field_data(platform.authored, student_data,
                                                        platform.dates.for_user(learner.id)), services,
                               wrappers, user_id=learner.id, field_data_cache=field_data_cache)


class StudioPreviewContext(Context):
    """Studio's unit page: ``author_view`` of blocks that have one (``preview.py``)."""

    name = "studio_preview"
    default_view = "author_view"

    def runtime(self):
        platform, user = self.platform, self.user
        student_data = KvsFieldData(DictKeyValueStore(platform.preview_session))  # SessionKeyValueStore
        services = {
            "studio_user_permissions": StudioPermissionsService(user),
            "i18n": i18n_service,
            "settings": SettingsService(),
            # get_user_role (cms/djangoapps/contentstore/views/access.py): instructor or staff, where
            # user_has_role (common/djangoapps/student/auth.py) answers yes for global staff first;
            # anonymous ids are the literal "student" unless individualize_anonymous_user_id is on
            "user": DjangoXBlockUserService(user, user_role="instructor" if user.role == "instructor"
                                            or user.global_staff else "staff",
                                            anonymous_user_id="student", deprecated_anonymous_user_id="student"),
            "replace_urls": ReplaceURLService(platform.course_key),
        }
        # wrap_xblock, then replace_urls_wrapper(static_replace_only=True) (preview.py)
        runtime = PlatformRuntime(platform, cms_field_data(platform.authored, student_data), services,
                                  [xblock_wrapper("PreviewRuntime"),
                                   replace_urls_wrapper(services["replace_urls"], static_replace_only=True)],
                                  user_id=user.id)
        # _prepare_runtime_for_preview: "xmodules can check for this attribute during rendering to
        # determine if they are being rendered for preview (i.e. in Studio)"; preview_handler loads
        # the block through it before ``handle``, so handlers see it too
        runtime.is_author_mode = True
        return runtime


class StudioEditorContext(Context):
    """The editor modal: ``studio_view`` and its handlers (``load_services_for_studio``); the
    handler's changes are saved to the modulestore (``component_handler`` calls ``update_item``);
    the view is wrapped by ``wrap_xblock("StudioRuntime", ...)`` (``xblock_view_handler``)."""

    name = "studio_editor"
    default_view = "studio_view"
    RENDER_ERROR = "xblock-render-error"

    def render(self, usage_key, view=None, context=None):
        """``xblock_view_handler`` (``cms/djangoapps/contentstore/xblock_storage_handlers/
        view_handlers.py``) catches any exception of ``studio_view`` and shows the error message
        (template ``html_error.html``) instead: the author sees an error, not a 500. Here the
        message sits in a ``div.xblock-render-error``."""
        try:
            return super().render(usage_key, view, context)
        except Exception as err:  # noqa: BLE001 - as the platform does
            return Fragment(f'<div class="{self.RENDER_ERROR}">{escape(str(err))}</div>')

    def runtime(self):
        platform, user = self.platform, self.user
        services = {
            "user": DjangoXBlockUserService(user),
            "studio_user_permissions": StudioPermissionsService(user),
            "settings": SettingsService(),
            "i18n": i18n_service,  # the modulestore's runtime service (xmodule/modulestore/django.py)
        }
        return PlatformRuntime(platform, cms_field_data(platform.authored, KvsFieldData(
            DictKeyValueStore(platform.preview_session))), services, [xblock_wrapper("StudioRuntime")],
            user_id=user.id)


class Platform:
    """One course run in the platform: authored blocks, learners' state, what the LMS received."""

    def __init__(self, block_classes=None):
        self.block_classes = dict(block_classes or {})  # block types not installed as entry points
        self.ids = CourseIdManager()
        self.course_key = self.ids.course_key
        self.authored = DictKeyValueStore()  # the modulestore: content, settings, parent, children
        self.dates = CourseDates(self.authored)  # edx-when's tables (dates.py)
        self.student_modules = StudentModuleTable()
        # what emm_xblocks' ready() connects in the LMS (apps.connect_deleted_state): the receiver
        # of a deleted StudentModule, with the platform's anonymous_id_for_user (one receiver
        # however many platforms: the same dispatch_uid)
        # and, edx-completion being installed, the learner's completion of the block reset with it
        # (apps.completion_reset: the app's BlockCompletion and switch, completion.py here)
        deleted_state.connect(StudentModule, anonymous_id_for_user, deleted_state.completion_reset(
            completion.BlockCompletion, completion.ENABLE_COMPLETION_TRACKING_SWITCH.is_enabled))
        # and what it connects to the account retirement (apps.connect_retirement): the learner's
        # AnonymousUserId rows as their keys
        retirement.connect(USER_RETIRE_LMS_MISC, anonymous_ids_of)
        # and the modulestore it connects for the evaluation report (apps.connect_course_outline)
        modulestore.register(self)
        course_outline.connect(modulestore.modulestore)
        self.users = {}
        self.events = grades.Recorder()
        completion.register(self)  # the receiver's BlockCompletion writes these rows
        self.preview_session = {}
        self.course = self._container("course")
        self.dates.course = self.course

    # ---------------------------------------------------------------- users
    def user(self, username, role="student", **kwargs):
        user = User(len(self.users) + 1, username, role=role, **kwargs)
        self.users[user.id] = user
        return user

    # ---------------------------------------------------------------- authoring (Studio / import)
    def _authoring_runtime(self):
        return PlatformRuntime(self, InheritingFieldData(self.authored), {"i18n": i18n_service,
                                                                              "settings": SettingsService()})

    def _container(self, block_type, parent=None, url_name=None, **settings):
        key = self.ids.create_usage(self.ids.create_definition(block_type, url_name))
        block = self._authoring_runtime().get_block(key)
        for name, value in settings.items():
            setattr(block, name, value)
        if parent is not None:
            self._attach(block, parent)
        block.save()
        return key

    def _attach(self, block, parent_key):
        block.parent = parent_key
        parent = self._authoring_runtime().get_block(parent_key)
        parent.children = [*parent.children, block.scope_ids.usage_id]
        parent.save()

    def set_settings(self, usage_key, **settings):
        """Studio's settings editor (or an OLX attribute): set fields of a container or a block."""
        block = self._authoring_runtime().get_block(usage_key)
        for name, value in settings.items():
            setattr(block, name, value)
        block.save()

    def extend_due(self, unit, user, due):
        """The instructor dashboard's due date extension of ``unit`` (a subsection) for ``user``
        (``lms/djangoapps/instructor/views/tools.py`` ``set_due_date_extension``): edx-when's
        ``UserDate`` rows, for the unit and each block below it that has a due date
        (``dates.CourseDates.extend_due``)."""
        below, todo = [], [unit]
        while todo:
            block = self._authoring_runtime().get_block(todo.pop())
            for child in getattr(block, "children", []) or []:
                below.append(child)
                todo.append(child)
        self.dates.extend_due(user.id, unit, below, due)

    def subsection(self, parent=None, **settings):
        """A subsection (``sequential``) under the course (or ``parent``), with its settings
        (``graded``, ``due``, ``graceperiod``, ``show_correctness``, ``showanswer``...)."""
        return self._container("sequential", parent or self.course, **settings)

    def create(self, block_type, parent=None, **fields):
        """Studio's "Add component": a new block with no field set but those given (its
        settings then come from its defaults and, for inheritable names, its ancestors)."""
        return self._container(block_type, parent or self.course, **fields)

    def container(self, block_type, parent=None, url_name=None, **settings):
        """A course-outline block (``chapter``, ``sequential``, ``vertical``) under ``parent``
        (default: the course), named ``url_name`` as a course import names it, with its settings."""
        return self._container(block_type, parent or self.course, url_name, **settings)

    def add(self, olx, parent=None, url_name=None):
        """Import one block's OLX under ``parent`` (default: the course), as course import does:
        the mixed class's ``parse_xml(node, runtime, keys)``, then ``save()``. With ``url_name``
        the block's id is that name, as a course import makes it (``xmodule/modulestore/xml.py``
        ``xblock_from_node``: ``create_definition(block_type, node.get('url_name'))``)."""
        node = etree.fromstring(olx.strip().encode()) if isinstance(olx, str) else olx
        runtime = self._authoring_runtime()
        key = self.ids.create_usage(self.ids.create_definition(node.tag, url_name))
        cls = runtime.mixologist.mix(runtime.load_block_type(node.tag))
        block = cls.parse_xml(node, runtime, ScopeIds(None, node.tag, key, key))
        self._attach(block, parent or self.course)
        block.save()
        return key

    def duplicate(self, usage_key):
        """Studio's "Duplicate" of a component (``cms/djangoapps/contentstore/utils.py``,
        ``duplicate_block`` and ``gather_block_attributes``): a new block under the same parent,
        right after the source, with every settings field set on the source (``field.read_from``)
        and its content fields explicitly set (``get_explicitly_set_fields_by_scope(Scope.content)``),
        its display name "Duplicate of '<name>'"; no learner state, no ``studio_post_duplicate`` on
        our blocks. Answers the new usage key."""
        runtime = self._authoring_runtime()
        source = runtime.get_block(usage_key)
        fields = {f.name: f.read_from(source) for f in source.fields.values()
                  if f.scope in (Scope.settings, Scope.content) and f.is_set_on(source) and f.name != "parent"}
        fields["display_name"] = f"Duplicate of '{source.display_name}'"
        key = self.ids.create_usage(self.ids.create_definition(usage_key.block_type))
        block = runtime.get_block(key)
        for name, value in fields.items():
            setattr(block, name, value)
        block.parent = source.parent
        parent = runtime.get_block(source.parent)
        children = list(parent.children)
        children.insert(children.index(usage_key) + 1, key)
        parent.children = children
        parent.save()
        block.save()
        return key

    def delete(self, usage_key):
        """Studio's "Delete" of a component, published: the block leaves its parent's children and
        the course's structure with its subtree (``split.py`` ``delete_item``); learners' state
        and the package's rows stay."""
        parent = self._authoring_runtime().get_block(usage_key).parent
        block = self._authoring_runtime().get_block(parent)
        block.children = [child for child in block.children if child != usage_key]
        block.save()

    def reimport(self, usage_key, olx):
        """The author changes the block (a course re-import of the same ``url_name``): its
        content and settings are replaced by the new OLX's; learners' state stays."""
        for key in [k for k in self.authored.db_dict if k.block_scope_id == usage_key
                    and k.scope in (Scope.content, Scope.settings)]:
            del self.authored.db_dict[key]
        node = etree.fromstring(olx.strip().encode())
        runtime = self._authoring_runtime()
        cls = runtime.mixologist.mix(runtime.load_block_type(node.tag))
        block = cls.parse_xml(node, runtime, ScopeIds(None, node.tag, usage_key, usage_key))
        block.save()

    def export(self, usage_key):
        block = self._authoring_runtime().get_block(usage_key)
        node = etree.Element(usage_key.block_type)
        block.add_xml_to_node(node)
        return etree.tostring(node, encoding="unicode")

    def authored_value(self, usage_key, name, scope=Scope.settings):
        """The JSON stored in the modulestore for a field (KeyError if unset)."""
        from xblock.runtime import KeyValueStore

        return self.authored.get(KeyValueStore.Key(scope, None, usage_key, name))

    # ---------------------------------------------------------------- contexts
    def lms(self, user, masquerade_as=None, session=None, route=None, as_learner=False):
        """``user`` on a course page; staff ``masquerade_as`` a specific learner, or ``as_learner``
        ("View this course as: Learner")."""
        return LmsContext(self, user, masquerade_as=masquerade_as, session=session, route=route,
                          as_learner=as_learner)

    def lms_noauth(self, user, masquerade_as=None, session=None):
        """The LMS's ``handler_noauth`` address (``handle_xblock_callback_noauth``): no CSRF check,
        no access check, the handler run for whoever the session names (``user``; for nobody,
        a ``User(None, "", is_authenticated=False)``, the platform's ``AnonymousUser``)."""
        return LmsContext(self, user, masquerade_as=masquerade_as, session=session, route=HANDLER_NOAUTH)

    def studio_preview(self, user):
        return StudioPreviewContext(self, user)

    def studio_editor(self, user):
        return StudioEditorContext(self, user)

    def unbound(self, usage_key, current_user=None):
        """The block as the modulestore gives it to code with no learner bound (Blocks API
        ``collect``, reports, the grades transformer, "Delete learner state"): user fields read
        their defaults and writes raise. The modulestore's runtime has the i18n service and
        ``DjangoXBlockUserService(get_current_user())`` (``xmodule/modulestore/django.py``
        ``create_modulestore_instance``): whoever made the current request (``current_user``),
        or nobody in a Celery task."""
        services = {"i18n": i18n_service, "settings": SettingsService(),
                    "user": DjangoXBlockUserService(current_user)}
        runtime = PlatformRuntime(self, unbound_field_data(self.authored), services)
        return runtime.get_block(usage_key)

    # ---------------------------------------------------------------- state
    def state(self, user, usage_key):
        """The learner's StudentModule state (a copy), {} if there is no row."""
        row = self.student_modules.get(user, usage_key)
        return json.loads(json.dumps(row.state)) if row else {}

    def gradebook(self, user, usage_key):
        """What the grades app holds for the learner: raw and weighted (``scores.py``)."""
        row = self.student_modules.get(user, usage_key)
        if row is None or row.max_grade is None:
            return None
        weight = self.unbound(usage_key).weight if hasattr(self.unbound(usage_key), "weight") else None
        earned, possible = grades.weighted_score(row.grade, row.max_grade, weight)
        return {"raw_earned": row.grade, "raw_possible": row.max_grade, "earned": earned, "possible": possible}
