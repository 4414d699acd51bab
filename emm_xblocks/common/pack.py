"""``FacilitatorPackMixin``: the printable facilitator pack of a block, for course staff only
(issue 12, part 3: the session goes on when the network fails).

The pack is a whole HTML page answered by the GET handler ``facilitator_pack``: course staff
open it in a new tab from the block's staff view (``pack_url``) and print it, or save it as a
PDF, with the browser (``static/css/emm-pack.css``: A4 pages, a page break before each part, no
screen chrome on paper). ``?lang=fr`` (any language the package ships) prints it in another
language than the facilitator's own; the author's text stays as written, in its own direction,
and marked with its language where the block declares one other than the pack's (``author_lang``,
``common.content_language``).

What a block provides: ``pack_module`` (a pure ``build(content, _, html, numbers) -> Pack``) and
``pack_template`` (the page's body, extending ``templates/common/pack_page.html``).

Who may open it: course staff as themselves (``common.platform.is_staff``: the LMS's
``user_is_staff``, a staff role in Studio's preview). A learner, and staff viewing the course as
a learner (the LMS then gives the block the learner's rights), get 403 ``staff_only`` and
``viewing_as_learner`` (``errors.staff_refusal``), as with the other staff handlers -- but as
a small page in their language, not JSON: the address is opened in a tab, and may be pasted
to a colleague (``handlers.page_handler``, ``HandlerError.page_response``).
The pack carries the answers: it is never cached by a shared cache.
"""

from html import escape

from django.utils import translation
from webob import Response

from . import platform
from .errors import PAGE_CSS, staff_refusal
from .handlers import page_handler, query
from .i18n import ROOT_PACKAGE
from .sanitize import sanitized

HANDLER = "facilitator_pack"


def shipped_languages():
    """``[(code, name)]`` the pack can be printed in: English and each bundled catalogue."""
    from importlib import resources

    base = resources.files(ROOT_PACKAGE).joinpath("translations")
    found = sorted(p.name for p in base.iterdir() if p.joinpath("LC_MESSAGES", "text.mo").is_file())
    names = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
    return [(code, names.get(code, code)) for code in ["en", *found]]


def pack_link_html(pack_url, _):
    """The staff's link to the printable facilitator pack (``common.pack``), "" for anyone else:
    what ``templates/common/pack_link.html`` writes, without its final line break."""
    if not pack_url:
        return ""
    pack = escape(_("Facilitator pack (printable)"))
    new_tab = escape(_("(opens in a new tab)"))
    return (f'<p class="emm-pack-link"><a href="{escape(pack_url)}" target="_blank" rel="noopener" data-pack-link>'
            f'{pack}<span class="emm-sr"> {new_tab}</span></a></p>')


class FacilitatorPackMixin:
    pack_module = None
    pack_template = ""

    def pack_url(self, lang=""):
        """The pack's address for course staff, "" for anyone else (the learner's page never links it)."""
        if not platform.is_staff(self):
            return ""
        return self.runtime.handler_url(self, HANDLER, query=f"lang={lang}" if lang else "")

    @page_handler
    def facilitator_pack(self, request, suffix=""):
        """GET ``[?lang=<code>]``: the printable pack as a whole HTML page (200, ``text/html;
        charset=utf-8``, ``Cache-Control: private, no-store``), for course staff only.
        Refusals, each a small page in the person's language (``HandlerError.page_response``: the
        same status, ``text/html``, ``<body data-error="<code>">`` and the translated words):
        405 ``method_not_allowed`` for anything but GET or HEAD (with ``Allow``), 404 ``not_found``
        for a suffix (``handlers.page_handler``), 403 ``staff_only`` for anyone but course staff,
        ``viewing_as_learner`` for staff viewing the course as a learner."""
        refused = staff_refusal(self)
        if refused is not None:
            raise refused
        asked = query(request).get("lang", "")
        languages = dict(shipped_languages())
        if asked in languages:
            with translation.override(asked):
                body = self.render_pack()
        else:
            body = self.render_pack()
        response = Response(body, content_type="text/html", charset="utf-8")
        response.cache_control = "private, no-store"  # the answers are in it
        return response

    def render_pack(self):
        """The pack of the block's content as a whole page, in the active language."""
        content = self.load_content()
        pack = self.pack_module.build(content, self.learner_gettext(), sanitized, self.numbers())  # with its ngettext
        links = [{"code": code, "name": name, "url": self.pack_url(code)} for code, name in shipped_languages()]
        return self.render_template(self.pack_template, {
            "pack": pack, "css_url": self.resource_url(PAGE_CSS), "languages": links,
            "author_lang": self.author_lang(content),
            "current": (translation.get_language() or "en").split("-")[0],
        })
