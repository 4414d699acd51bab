"""``LiveRoomMixin``: the live room's shell, the same for every block (staff only).

A block names its pure ``live_module`` (``items(content, _) -> [live.Item]`` and, where its
figures are not ``live.figures``'s, ``figures(content, item, values, session_state=, reveal=)``:
the Likert's count "Not applicable" apart, as its results panel does); its learner actions say
what the room counts (``Outcome.live``). It gets:

* a "Present" button under its ``student_view`` for course staff, which opens the projection
  (``static/js/emm-present.js``);
* ``live_screen`` (GET): the projection's HTML, as JSON ``{"html": ...}`` the Present button's
  script fetches: a first screen with the QR code of the unit's address, then one screen per item
  (``templates/common/present.html``); its refusals stay JSON (a script reads them, no tab shows them);
* ``live_poll`` (GET ``?item=<id>[&reveal=1]``): the figures of one item in the latest session
  (``live.figures``), a few hundred bytes with a strong ``ETag``; ``304 Not Modified`` with no
  body when the browser's ``If-None-Match`` names it. The LMS passes the handler's status and
  headers through (its handler view, ``lms/djangoapps/courseware/block_render.py``, answers with
  XBlock's ``webob_to_django_response``, ``xblock/django/request.py``, which copies ``status_code``
  and every header), and the request's headers reach the handler (the
  webob request is built from Django's ``META``);
* ``live_session`` (POST ``{"action": "start"|"end"}``): opens or ends the facilitator's session;
* ``record_live(live)``, which ``common.pipeline.carry_out`` calls after a learner action whose
  outcome has ``live`` answers (``common.actions.Live``): they go to the open session, if any.

Every handler answers 403 ``staff_only`` to anyone but course staff, and ``viewing_as_learner``
to staff viewing the course as a learner (the LMS then reports the learner's role, not staff; the
view is kept in their session: the projection of another tab is refused too).
"""

import datetime
import logging
import uuid
from html import escape
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import DatabaseError
from django.utils import timezone
from django.utils.safestring import mark_safe
from webob import Response
from xblock.core import XBlock

from . import live, live_lines, live_store, platform, store, summary, transactions
from .errors import HandlerError, viewing_as_learner
from .handlers import get_handler, json_handler, query
from .i18n import is_rtl
from .numbers import time_ago
from .pipeline import write_refusal
from .sanitize import plain_text, sanitized
from .text import one_line, shortened

log = logging.getLogger(__name__)

QR_ERROR = "m"  # QR error correction level M (15%): a projected code read across a room
# characters of the workbench's ``?page=`` taken as the unit's address: a longer one is not an
# address participants type or scan (a QR code of M holds 2,331 bytes at most, already too dense to
# read across a room at 1,000): the join screen then says to open the activity in the course
MAX_PAGE = 1000
JUMP_WORDS = 60  # characters of an item's words in the "Go to" list, where it has no title


def unit_url(block, request):
    """The address participants open: the LMS's ``/courses/<course>/jump_to/<usage>`` (the
    platform's ``jump_to`` view, ``lms/djangoapps/courseware/views/index.py``, takes a learner to
    the unit that holds the block; course search links to it the same way,
    ``lms/lib/courseware_search/lms_result_processor.py``), under ``settings.LMS_ROOT_URL`` or the
    request's host. Outside a course (the workbench) the page the facilitator has open, if the
    browser sent it (``?page=``), it is on the same host and at most ``MAX_PAGE`` characters long;
    else None."""
    from django.conf import settings

    key = block.scope_ids.usage_id
    course = getattr(key, "context_key", None)
    root = (getattr(settings, "LMS_ROOT_URL", "") or request.host_url).rstrip("/")
    if course is not None and not str(course).startswith(("lib:", "lib-collection:")):  # a course, not a library
        return f"{root}/courses/{course}/jump_to/{key}"
    page = query(request).get("page", "")
    if page.startswith(request.host_url + "/") and len(page) <= MAX_PAGE:
        return _without_student(page)
    return None


def _without_student(page):
    """``page`` without the workbench's ``student`` parameter: the facilitator's page is opened as
    course staff (``?student=staff_1``), and a participant who scanned it would answer as them
    (trial s32); each phone then answers as the workbench's own learner, or its own ``?student=``."""
    parts = urlsplit(page)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "student"]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def qr_svg(url):
    """The QR code of ``url`` as inline SVG (``segno``; dark modules on a light ground, a quiet zone
    of 4 modules as the QR standard asks), sized by CSS (``viewBox``, no width or height); "" for
    an address too long for any QR code (``segno.encoder.DataOverflowError``): the join screen is
    then drawn without it, saying to open the activity in the course."""
    import segno
    from segno.encoder import DataOverflowError

    try:
        code = segno.make(url, error=QR_ERROR, micro=False)
    except DataOverflowError:
        return ""
    return code.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff",
                           svgclass="emm-present-qr-code")


def _prompt(item):
    """The author's HTML sanitised (and marked safe), or plain text for the template to escape."""
    return sanitized(item.prompt) if item.prompt_html else item.prompt


class LiveRoomMixin:
    """The live room for a block with a ``live_module``; goes before ``EmmBlockBase`` in the bases."""

    live_module = None

    @XBlock.supports("multi_device")  # on the view itself: the Blocks API asks the class's student_view
    def student_view(self, context=None):
        frag = super().student_view(context)
        if self.is_staff():
            _add_present_button(self, frag)
        return frag

    # ---------------------------------------------------------------- pieces
    def live_items(self, content=None):
        """The items, their right options marked only where the block may show them now
        (``live_answers_shown``): else no Reveal, no R key, no ``r`` in a poll."""
        content = content or self.load_content()
        items = self.live_module.items(content, self.ugettext)
        return items if self.live_answers_shown(content) else live.without_answers(items)

    def live_answers_shown(self, content):
        """May the wall show the right options? Yes, unless the block says otherwise (the case study)."""
        return True

    def _require_staff(self):
        _ = self.ugettext
        if platform.is_viewing_as_learner(self):  # staff, stopped by the learner's view: said so (hunt 5)
            raise viewing_as_learner(_, _(
                "You are viewing the course as a learner: switch back to Staff to present this activity."))
        if not self.is_staff():
            raise HandlerError("staff_only", _("Only course staff can present this activity."))

    def record_live(self, answers):
        """Keep ``answers`` (``common.actions.Live``) in the block's open session (nothing if none
        is open). The live room's counts are not worth a learner's action: a database failure here
        is logged, and the learner's answer, already kept, stands."""
        named, covers, answers = answers.named, answers.covers, answers.answers
        # a named learner's answers left blank this time, at items the action answers as a whole
        withdrawn = tuple(item for item in covers if item not in answers) if named else ()
        if not answers and not withdrawn:
            return
        if named:  # the key worked out only when a session is open (most answers find none)

            def respondent_of(session_id):
                return live.respondent_key(platform.secret(self, "live"), session_id, platform.learner_key(self))
        else:  # an anonymous evaluation: a random key, nothing that ties rows to anyone

            def respondent_of(session_id):
                return uuid.uuid4().hex
        try:
            # the writes in a savepoint where a caller's transaction is open (the workbench's joined
            # one, decision 67): a failure there is rolled back alone, the learner's answer kept;
            # else its own retried writes. The read before them changes nothing: no savepoint
            live_store.record(self.block_key(), answers, respondent_of, savepoint=store.in_joined(),
                              withdrawn=withdrawn)
        except (DatabaseError, transactions.StoreError):
            log.warning("live room: answers of %s not counted", self.block_key(), exc_info=True)

    # ---------------------------------------------------------------- handlers
    @get_handler
    def live_screen(self, request, suffix=""):
        """GET ``?page=<the page's address>``: ``{"html": ...}``, the projection (staff only;
        ``application/json``, ``Cache-Control: private, no-store``). Data the Present button's
        script fetches (``emm-present.js``), not a page opened in a tab: its refusals are JSON as
        every handler error's (403 ``staff_only``, 405 ``method_not_allowed``, 404 ``not_found``),
        which that script reads as a failure (only the pack, a page, refuses as a page:
        ``handlers.page_handler``)."""
        try:
            self._require_staff()
        except HandlerError as err:
            return err.response()
        # the type said, not left out: the LMS gives a response without one Django's default, text/html
        response = Response(json_body={"html": render_screen(self, request)}, content_type="application/json",
                            charset="utf-8")
        response.cache_control = "private, no-store"
        return response

    @get_handler
    def live_poll(self, request, suffix=""):
        """GET ``?item=<id>[&reveal=1]``: the item's figures in the latest session; 304 when the
        browser already holds them (``If-None-Match``)."""
        content = None
        try:
            self._require_staff()
            item_id, item = query(request).get("item", ""), None
            if item_id:
                content = self.load_content()
                item = next((i for i in self.live_items(content) if i.id == item_id), None)
                if item is None:
                    raise HandlerError("invalid_request", self.ugettext("There is no such item to present."))
        except HandlerError as err:
            return err.response()
        result = poll_figures(self, item, content, reveal=query(request).get("reveal") == "1")
        body, etag = live.body_and_etag(result)
        headers = [("ETag", etag), ("Cache-Control", "private, no-cache")]
        if etag.strip('"') in request.if_none_match:
            return Response(status=304, headerlist=headers)
        # in the header list: webob's headerlist replaces the one content_type= would write (trial s32)
        return Response(body=body, headerlist=[("Content-Type", "application/json; charset=utf-8"), *headers])

    @json_handler
    def live_session(self, data, suffix=""):
        """POST ``{"action": "start"}`` or ``{"action": "end"}``: ``{"s": state}`` afterwards."""
        self._require_staff()
        action = data.get("action")
        if action == "start":
            live_store.start(self.block_key())
        elif action == "end":
            live_store.end(self.block_key())
        else:
            raise HandlerError("invalid_request", self.ugettext("Start or end a session."))
        return {"s": session_state(self)}


def session_state(block):
    from django.utils import timezone

    session = live_store.current(block.block_key())
    return session.state(timezone.now()) if session is not None else "none"


def closed_message(block):
    """Past a graded block's due date the address projected leads to a page that takes no answer
    (decision 93): the refusal's words, said on the join screen; "" before it. The room's lines then
    say no answer is accepted, not that answers are counted (hunt 5)."""
    refusal = write_refusal(block)
    return refusal.message if refusal is not None and refusal.code == "past_due" else ""


def poll_figures(block, item, content=None, reveal=False):
    """The poll's answer: the session's state and, for an item, its figures (``live.figures``)."""
    from django.utils import timezone

    session = live_store.current(block.block_key())
    state = session.state(timezone.now()) if session is not None else "none"
    if item is None:
        return {"s": state}
    values = live_store.values(session, item.id) if session is not None else []
    content = content or block.load_content()
    own = getattr(block.live_module, "figures", None)
    if own is not None:
        # everyone's answers, where the wall must not differ from the results panel by too few (decision 113)
        needs = getattr(block.live_module, "needs_totals", None)
        totals = summary.tallies(block.block_key()) if needs is not None and needs(content) else None
        result = own(content, item, values, session_state=state, reveal=reveal, totals=totals)
    else:
        result = live.figures(item, values, content.min_group_size, session_state=state, reveal=reveal)
    result["t"] = live_lines.total_text(block, item, result, closed=bool(closed_message(block)))
    return result


def _add_present_button(block, frag):
    _ = block.ugettext
    urls = {name: block.runtime.handler_url(block, name) for name in ("live_screen", "live_poll", "live_session")}
    # translated outside the f-strings: xgettext does not read calls inside an f-string's braces
    label, hint = escape(_("Present")), escape(_("Project this activity for a room and count its answers live."))
    # a session left open (the projection closed, the page reloaded) still counts: said under the button
    hours = live.MAX_SESSION // datetime.timedelta(hours=1)
    still_open = escape(block.ungettext(
        "A session is open: the answers given now are counted until you end it (at the latest {n} hour "
        "after it started). Press “Present” to see or end it.",
        "A session is open: the answers given now are counted until you end it (at the latest {n} hours "
        "after it started). Press “Present” to see or end it.", hours).format(n=block.numbers().number(hours, 0)))
    shown = hint
    session = live_store.current(block.block_key())
    now = timezone.now()
    if closed_message(block):  # past the due date an open session counts nothing: not "counted"
        still_open = escape(_("A session is open, but the due date has passed: no answer is accepted. "
                              "Press “Present” to see or end it."))
        shown = still_open if session is not None and session.state(now) == "open" else hint
    elif session is not None and session.state(now) == "open":  # since when, as the page is written
        shown = escape(block.ungettext(
            "A session started {ago} is open: the answers given now are counted until you end it (at the latest "
            "{n} hour after it started). Press “Present” to see or end it.",
            "A session started {ago} is open: the answers given now are counted until you end it (at the latest "
            "{n} hours after it started). Press “Present” to see or end it.", hours).format(
                n=block.numbers().number(hours, 0), ago=time_ago(now - session.started, block.numbers().language)))
    frag.content += (
        '<div class="emm-present-launch">'
        f'<button type="button" class="emm-button emm-present-open" data-screen-url="{escape(urls["live_screen"])}"'
        f' data-poll-url="{escape(urls["live_poll"])}" data-session-url="{escape(urls["live_session"])}"'
        f' data-hint="{hint}" data-hint-open="{still_open}">'
        f'{label}</button> <span class="emm-present-hint" role="status">{shown}</span></div>')
    files = block.added_files("present")  # emm-present.css; its strings (if any), emm-present.js
    for url in files["styles"]:
        frag.add_css_url(url)
    for url in files["scripts"]:
        frag.add_javascript_url(url)


def render_screen(block, request):
    """The projection's HTML: the join screen (QR code), then one screen per item. The author's
    words (the title, a role, a speaker, the prompt, an option that is the author's) carry their
    language where the page is in another (``author_lang``, ``common.content_language``); the
    keys' arrows follow the page's direction (→ is "next" left to right, "previous" right to left)."""
    _ = block.ugettext
    content = block.load_content()
    items = block.live_items(content)
    url = unit_url(block, request)
    qr = qr_svg(url) if url else ""
    kind_names = {live.DECISION: _("Decision {i} of {n}"), live.QUESTION: _("Question {i} of {n}"),
                  live.STATEMENT: _("Statement {i} of {n}")}
    screens = []
    for number, item in enumerate(items, start=1):
        # numbered among its group's items (a role's decisions) where the block numbers them so
        i, n = item.place or (number, len(items))
        heading = kind_names[item.kind].format(i=i, n=n)
        # "Go to": whose, which, and what it is about (its title, else its words' start: an
        # evaluation's "Statement 4 of 8" alone named nothing, trial s33)
        words = plain_text(item.prompt) if item.prompt_html else item.prompt
        about = item.title or shortened(one_line(words), JUMP_WORDS)
        screens.append({
            "item": item,
            "prompt": _prompt(item),
            "heading": heading,
            "jump": " · ".join(part for part in (item.group, heading, about) if part),
            "options": [{"label": option.label, "index": index, "apart": option.apart, "own": option.own}
                        for index, option in enumerate(item.options)],
        })
    return block.render_template("templates/common/present.html", {
        # past the due date (a graded block): said on the join screen, and in the session's line
        "closed": closed_message(block),
        "dom": block.dom_id() + "-live",
        "title": block.display_name,
        "author_lang": block.author_lang(content),
        "url": url if qr else "",
        "qr": mark_safe(qr),  # noqa: S308 - segno's SVG, no text of ours in it
        "screens": screens,
        "state": session_state(block),
        # the arrows as the keys work (emm-present.js): right to left, ← goes to the next screen
        "keys": {"next": "←", "previous": "→"} if is_rtl() else {"next": "→", "previous": "←"},
    })
