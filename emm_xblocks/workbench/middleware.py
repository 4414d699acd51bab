"""The workbench's pages as a learner's browser gets the LMS's.

* ``LanguageFromQuery``: the language a learner's LMS preference would give: ``?lang=fr``
  (remembered in a cookie), else the browser's Accept-Language, else English.
* ``PhoneViewport``: the page laid out at a phone's width, as the LMS's pages are (they declare
  ``width=device-width, initial-scale=1``, ``lms/templates/main.html``; xblock-sdk's
  ``workbench/block.html`` declares none, so a phone drew the demos 980 px wide and scaled them
  down, and a participant who scans the live room's QR code in the workbench got tiny text and
  taps on the wrong element), the scenario's XML shown below the blocks wrapped rather than
  2,000 px wide, and the banner no wider than the screen, nor fixed over the block on a phone
  (it wrapped to 3-4 lines over the block's title: trial s31)."""

from django.conf import settings
from django.utils import translation

COOKIE = "emm_lang"


class LanguageFromQuery:
    def __init__(self, get_response):
        self.get_response = get_response
        self.known = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        asked = request.GET.get("lang")
        language = asked if asked in self.known else request.COOKIES.get(COOKIE)
        if language not in self.known:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if asked in self.known:
            response.set_cookie(COOKIE, asked, samesite="Lax")
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


VIEWPORT = (b'<meta name="viewport" content="width=device-width, initial-scale=1">'
            b"<style>pre { white-space: pre-wrap; overflow-wrap: anywhere; }"
            b" .workbench .banner { box-sizing: border-box; } .workbench .banner .title, .workbench .debug"
            b" { overflow-wrap: anywhere; }"
            # on a phone the fixed banner wraps to 3-4 lines over the block's title: it scrolls away instead
            # ("html": before xblock-sdk's workbench.css, which the page loads after this)
            b" @media (max-width: 40em) { html .workbench .banner { position: static; } html .workbench .main"
            b" { padding-top: 1em; } }"
            b"</style>")


class PhoneViewport:
    """Adds ``VIEWPORT`` at the start of an HTML page's ``<head>`` that declares no viewport."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (response.get("Content-Type", "").startswith("text/html") and not response.streaming
                and b"<head>" in response.content and b'name="viewport"' not in response.content):
            response.content = response.content.replace(b"<head>", b"<head>" + VIEWPORT, 1)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
