"""Pick the language for the workbench the way a learner's LMS preference would: ``?lang=fr``
(remembered in a cookie), else the browser's Accept-Language, else English."""

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
