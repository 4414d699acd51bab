"""Handler errors: a stable machine code, its HTTP status (``codes``) and a translated message.

The body is always ``{"error": <code>, "message": <text>}`` so the browser (and a script)
can branch on the code while a person reads the message; but a handler that answers a whole page
opened in a browser tab (the facilitator pack: ``handlers.page_handler``) answers its refusals as
a small page (``HandlerError.page_response``), the same code and words, which the tab shows as a
page, where JSON would show as raw text.
"""

import json

from webob import Response

from . import codes, platform

REFUSAL_PAGE = "templates/common/refusal_page.html"
PAGE_CSS = "css/emm-pack.css"  # the stylesheet of the package's whole pages: the facilitator pack, a refusal


class HandlerError(Exception):
    """Raised inside a handler; turned into a JSON response by ``common.handlers``: ``{"error":
    code, "message": message, **extra}`` with the HTTP status the registry gives ``code``
    (``codes.STATUS``: one status per code wherever it is raised; an unregistered code is a
    programming error, ``KeyError`` here)."""

    def __init__(self, code, message, **extra):
        super().__init__(f"{code}: {message}")
        self.status = codes.status_of(code)
        self.code = code
        self.message = message
        self.extra = extra

    def body(self):
        """What the handler answers: ``{"error": code, "message": message, **extra}``."""
        return {"error": self.code, "message": self.message, **self.extra}

    def response(self):
        return json_response(self.body(), status=self.status)

    def page_response(self, block):
        """The refusal as a whole page, for a handler a person opens in a browser tab
        (``handlers.page_handler``): the same status, ``text/html; charset=utf-8``,
        ``Cache-Control: private, no-store``; ``templates/common/refusal_page.html`` in ``block``'s
        active language (``<html lang dir>``, right to left in Arabic): a title, the same
        translated ``message`` as the JSON's, the ``code`` in the body's ``data-error`` (for tests
        and support), every value escaped, no script. ``extra`` is left out (data for a script)."""
        html = block.render_template(REFUSAL_PAGE, {
            "code": self.code, "message": self.message, "css_url": block.resource_url(PAGE_CSS)})
        response = Response(html, status=self.status, content_type="text/html", charset="utf-8")
        response.cache_control = "private, no-store"
        return response


def staff_only(_):
    """The refusal of every staff-only thing (a CSV, the facilitator pack, the day's answers) asked
    for by anyone but course staff: 403 ``staff_only`` (``common.codes``), one code wherever it
    happens. ``_``: the block's gettext."""
    return HandlerError("staff_only", _("Only course staff can do this."))


def viewing_as_learner(_, message=None):
    """The refusal of a staff-only thing to course staff viewing the course as a learner (the LMS's
    "View this course as", kept in their Django session for every tab of the course,
    ``lms/djangoapps/courseware/masquerade.py``): 403 ``viewing_as_learner``. They are staff: what
    stops them is the learner's view, which "Only course staff can do this." never told them (hunt
    5). ``message``: the handler's own words, else the general ones."""
    return HandlerError("viewing_as_learner", message or _(
        "You are viewing the course as a learner: switch back to Staff to do this."))


def staff_refusal(block, message=None):
    """None for course staff as themselves; else the refusal of a staff-only thing: 403
    ``viewing_as_learner`` (``message``, else the general words) while they view the course as a
    learner (the LMS then gives the block the learner's role): a specific one, or the role "Learner"
    (``platform.is_viewing_as_learner``); 403 ``staff_only`` for anyone else."""
    _ = block.ugettext
    if platform.is_viewing_as_learner(block):
        return viewing_as_learner(_, message)
    if not platform.is_staff(block):
        return staff_only(_)
    return None


def too_few_respondents(words, minimum, respondents):
    """The refusal of a download of answers while fewer than ``minimum`` (the minimum group size)
    have answered: 409 ``too_few_respondents``, saying how many have so far (``respondents``), in
    the handler's JSON and in the link's place on the staff's page (``downloads.links_html``).
    ``words``: the block's ``translators()``, the numbers in the page's language."""
    _, ngettext, nums = words
    return HandlerError("too_few_respondents", ngettext(
        "The answers can be downloaded once at least {n} person has answered ({count} so far).",
        "The answers can be downloaded once at least {n} people have answered ({count} so far).", minimum).format(
        n=nums.number(minimum, 0), count=nums.number(respondents, 0)))


# ``json.dumps``' own encoder but for the check of circular references (an answer is built anew
# from JSON values: it has none), which keeps every list and object's id while it writes: the same
# text, some 4% sooner on a case-study submit's 34 KB
_ENCODER = json.JSONEncoder(check_circular=False)


def json_response(data, status=200):
    """``data`` as ``json.dumps`` writes it, in a ``Response`` of ``application/json``."""
    return Response(
        _ENCODER.encode(data), status=status, content_type="application/json", charset="utf-8"
    )
