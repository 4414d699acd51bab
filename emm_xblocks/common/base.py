"""``EmmBlockBase``: what every EMM block shares — resources, i18n, fragments, users.

Resources (``static/``, ``templates/``, ``translations/``) live at the root of the package, as
the wheel installs them, whatever sub-package defines the block class.
"""

import json
from importlib import resources

from django.utils.safestring import mark_safe
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError
from xblock.fields import List, Scope

from . import assets, bundled_catalogue, content_language, platform, templates
from .i18n import JS_NAMESPACE, ROOT_PACKAGE, Gettext, current_language, is_rtl, js_catalog_path
from .numbers import Numbers, plural_n


@XBlock.needs("i18n")
@XBlock.wants("user")
@XBlock.wants("studio_user_permissions")
@XBlock.wants("replace_urls")  # course files' addresses in a handler's answer (platform.course_files)
class EmmBlockBase(XBlock):
    """Base of the XBlock classes of this package (mixins such as ScorableXBlockMixin go before it)."""

    # The platform's static-file finder publishes ``<package>/<resources_dir>/`` (everything but
    # .py) under ``xblock/resources/<package>/`` (openedx/core/lib/xblock_pipeline/finder.py):
    # only ``static/`` is ours to publish, never templates, .po files or demo OLX with answers.
    # Resource URIs are therefore relative to ``static/`` (``js/emm-likert.js``).
    resources_dir = "static"
    public_dir = "static"
    # The LMS shows the block while staff "View this course as a specific learner"
    # (courseware/masquerade.py, filter_displayed_blocks); every write is refused then
    # (common.pipeline.check_may_write), so nothing of the learner's changes.
    show_in_read_only_mode = True
    i18n_js_namespace = JS_NAMESPACE
    block_js = ""  # e.g. "js/emm-likert.js", relative to static/
    block_css = ""
    js_class = ""  # the initialize_js function

    # the ids of the learner's last actions, "<action>:<id>" (common.recovery): a retried action is done once
    action_ids = List(scope=Scope.user_state, default=[])

    @property
    def icon_class(self):
        """The icon of the unit holding the block in the LMS's course navigation: "problem" (an
        exercise, as a capa problem's) where the block has a score -- the case study and the
        role-play always, the Likert evaluation graded for participation, the knowledge check graded
        by participation or score -- else "other" (a reading page). The platform reads it on the
        instance (``xmodule/x_module.py``: ``XModuleMixin.get_icon_class`` returns ``self.icon_class``,
        ``'other'`` by default, mixed in after this class), and a unit takes the highest of its
        children's (``xmodule/vertical_block.py``, ``get_icon_class``, ``CLASS_PRIORITY``) for its
        button in the unit bar (``xmodule/seq_block.py``, ``get_icon``): decision 109."""
        return "problem" if self.has_score else "other"

    # ---------------------------------------------------------------- handlers
    def handle(self, handler_name, request, suffix=""):
        """Every handler's answer, as the platform asks it (``instance.handle``), with the course
        files' addresses its HTML or JSON holds written as the LMS writes them in the page
        (``platform.course_files``): a role-play's next node showed its course image broken."""
        return platform.course_files(self, super().handle(handler_name, request, suffix))

    # ---------------------------------------------------------------- resources
    @classmethod
    def open_local_resource(cls, uri):
        """Serve a file of ``static/`` at the package root, named relative to it (``js/emm-likert.js``)."""
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8")
        if uri.startswith("/") or "/." in f"/{uri}" or "\\" in uri or not uri:
            raise DisallowedFileError(f"Only files from {cls.resources_dir!r}/ are allowed: {uri!r}")
        return resources.files(ROOT_PACKAGE).joinpath(cls.resources_dir, uri).open("rb")

    def resource_url(self, path):
        """The URL a page loads for the file written at ``static/<path>`` (``js/emm-likert.js``):
        its minified copy's (``assets.served``), as the runtime serves it (a CDN in production)."""
        return self.runtime.local_resource_url(self, assets.served(path))

    # ---------------------------------------------------------------- i18n
    @property
    def i18n_service(self):
        return self.runtime.service(self, "i18n")

    def _translator(self):
        """``(language, i18n service, gettext, translations)``, the service asked once per block
        instance and language: the LMS builds a new service, which looks its catalogue up on disk,
        at every ``runtime.service`` call (``xmodule/x_module.py``), and a render translates a
        dozen strings. ``translations``: what the service hands every call to, read once (the
        LMS's ``XBlockI18nService`` keeps it as ``translator``, a ``gettext`` catalogue or
        ``django.utils.translation``, and answers ``gettext``, ``ngettext`` and its catalogue from
        it, ``xmodule/modulestore/django.py``); a service without one is its own. Where that holds
        none of the package's strings although the package ships the language (a Tutor image:
        atlas's empty folder of ours made the platform fall back to Django's catalogue), the
        package's own catalogue (``bundled_catalogue``, decision 111). Each of those is then one
        attribute read of one object (the workbench's LMS-like service builds the LMS's anew at
        every attribute read of its own: once per block, as the LMS, not once per read). Where
        that is Django's own module (English: no catalogue of the package), its active catalogue
        is asked directly (``platform.active_catalogue``)."""
        language = current_language()
        cached = self.__dict__.get("_emm_translator")
        if cached is None or cached[0] != language:
            service = self.i18n_service
            translations = platform.active_catalogue(bundled_catalogue.catalogue_of(service, language), language)
            cached = self.__dict__["_emm_translator"] = (language, service, translations.gettext, translations)
        return cached

    def ugettext(self, text):
        return self._translator()[2](text)

    def author_gettext(self):
        """``ugettext`` that knows the request's language (``i18n.Gettext``): the ``_`` the editors'
        validators take, whose messages write their numbers as that language does, and take its
        plural forms (``ungettext``, through ``i18n.ngettext_of``)."""
        language, _service, gettext, _translations = self._translator()
        return Gettext(gettext, language, self.ungettext)

    def learner_gettext(self):
        """``ugettext`` for a learner action's ``_`` (``common.pipeline``): as ``author_gettext``'s,
        its messages' numbers in the request's language, but nothing looked up until a message is
        (a kept submission asks the i18n service nothing, decision 59)."""
        return _LazyGettext(self)

    def ungettext(self, singular, plural, n):
        """The form CLDR gives ``n`` (a negative or decimal ``n`` too: ``common.numbers.plural_n``).
        ``ngettext`` is looked up once per block instance and language (``_translator``)."""
        language, _service, _gettext, translations = self._translator()
        cached = self.__dict__.get("_emm_ngettext")
        if cached is None or cached[0] is not translations:
            cached = self.__dict__["_emm_ngettext"] = (translations, translations.ngettext)
        return cached[1](singular, plural, plural_n(n, language))

    def translators(self):
        """``(gettext, ngettext, numbers)`` in the active language, the language looked up once:
        for a view that writes many texts in one go (``ugettext``, ``ungettext`` and ``numbers()``
        look it up at every call, Django's thread-local: some 2 µs each, 30 times in a case-study
        results panel). ``ngettext`` gives the form CLDR gives ``n``, as ``ungettext`` does. Held
        for one render, never longer (the language may change between two)."""
        language, _service, gettext, translations = self._translator()
        ngettext = translations.ngettext
        return (gettext, lambda singular, plural, n: ngettext(singular, plural, plural_n(n, language)),
                Numbers(language))

    def report_gettext(self):
        """``gettext`` for a report the LMS builds on the unbound block (``generate_report_data``,
        in an instructor task): the i18n service's (the package's own catalogue where the service's
        holds none of ours, as ``_translator``), or no translation at all when the runtime has none
        (a report must not fail for want of translations)."""
        try:
            service = self.i18n_service
        except Exception:  # noqa: BLE001 -- any runtime's refusal: the report goes on in English
            service = None
        if service is None:
            return lambda text: text
        return bundled_catalogue.catalogue_of(service, current_language()).gettext

    def numbers(self):
        """Numbers and percentages in the request's language (``common.numbers``)."""
        return Numbers(self._translator()[0])

    def author_lang(self, content):
        """``' lang="fr"'`` for the elements that carry ``content``'s author text, where its
        ``content_language`` is set and is not the request's language; "" otherwise
        (``common.content_language.attr``, decision 56), safe for a template. A view asks it once
        per render."""
        attr = content_language.attr(getattr(content, "content_language", ""), self._translator()[0])
        return mark_safe(attr)  # noqa: S308 - one of content_language.TAGS, or nothing

    # ---------------------------------------------------------------- users (common.platform)
    def is_staff(self):
        return platform.is_staff(self)

    def can_edit(self):
        return platform.can_edit(self)

    def user_key(self):
        return platform.learner_key(self)

    def block_key(self):
        return str(self.scope_ids.usage_id)

    def dom_id(self):
        """A page-unique id prefix for this block's elements."""
        return "emm-" + "".join(c if c.isalnum() else "-" for c in str(self.scope_ids.usage_id))

    # ---------------------------------------------------------------- rendering
    def render_template(self, path, context):
        language, _service, _gettext, translations = self._translator()
        return templates.render(path, dict(context, rtl=is_rtl(), lang=language), translations, language)

    def build_fragment(self, template, context, init_args=None, js=None, js_class=None):
        """Template + shared CSS + the JS catalogue + the page's scripts (``common.assets``: a
        learner page loads only what its block uses) + ``initialize_js``."""
        return self.page_fragment(self.render_template(template, context), init_args, js, js_class)

    def page_fragment(self, html, init_args=None, js=None, js_class=None):
        """``build_fragment`` for a page written in Python (``likert.page_html``): ``html`` (safe,
        every value escaped) with the same CSS, scripts and ``initialize_js``."""
        frag = Fragment(html)
        js = js or self.block_js
        for style in assets.page_styles(js):
            frag.add_css_url(self.resource_url(style))
        if self.block_css:
            frag.add_css_url(self.resource_url(self.block_css))
        for url in self._js_catalog_urls(assets.catalogue_name(js)):
            frag.add_javascript_url(url)
        for script in assets.page_scripts(js):
            frag.add_javascript_url(self.resource_url(script))
        frag.initialize_js(js_class or self.js_class, json.loads(json.dumps(init_args or {})))
        return frag

    def added_files(self, name):
        """``{"styles": [URL], "scripts": [URL]}``: the stylesheets of ``assets.ADDED[name]``, and
        its strings' catalogue and scripts, for a page to load later (the Likert results panel's
        stylesheets, ``emm-likert.js``) or to add to its fragment (the live room's,
        ``common/live_room.py``)."""
        _page, scripts, styles = assets.ADDED[name]
        return {"styles": [self.resource_url(style) for style in styles],
                "scripts": [*self._js_catalog_urls(name, added=True),
                            *(self.resource_url(script) for script in scripts)]}

    def _js_catalog_urls(self, name, added=False):
        """The JavaScript strings of catalogue ``name`` (``common.assets``) for the active language.
        An operator who pulled translations with atlas gets a catalogue URL from the platform
        (``XBlockI18nService.get_javascript_i18n_catalog_url``, ``xmodule/modulestore/django.py``):
        it holds every string of the package, so it replaces ours (and the page has it already
        when ``added``). Otherwise the bundled catalogue of the page: the strings of exactly the
        scripts it loads, so a learner never downloads the editors' or another block's strings."""
        platform_url = getattr(self._translator()[1], "get_javascript_i18n_catalog_url", None)
        url = platform_url(self) if callable(platform_url) else None
        if url:
            return [] if added else [url]
        path = js_catalog_path(name)
        return [self.resource_url(path)] if path else []

    # ---------------------------------------------------------------- the local workbench
    @classmethod
    def workbench_scenarios(cls):
        """xblock-sdk's hook (only the workbench calls it): the demos ``workbench/scenarios/<block_type>-*.xml``."""
        from ..workbench.scenarios import load

        return load(cls.block_type)


class _LazyGettext:
    """A block's ``ugettext`` with a ``language`` (``common.numbers.count`` reads it), both asked of
    the block only when used."""

    __slots__ = ("block",)

    def __init__(self, block):
        self.block = block

    def __call__(self, text):
        return self.block.ugettext(text)

    def ngettext(self, singular, plural, n):
        return self.block.ungettext(singular, plural, n)

    @property
    def language(self):
        return self.block._translator()[0]
