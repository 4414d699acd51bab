"""``common.platform.active_catalogue``: where an i18n service hands a block Django's own
``django.utils.translation`` (the platform's ``XBlockI18nService`` for a language the package has
no catalogue of: English, ``xmodule/modulestore/django.py``), the block asks that language's
catalogue directly, and it must answer exactly what Django's module answers."""

import gettext

import django.utils.translation as django_translation
import pytest
from django.utils.safestring import SafeData, mark_safe

from emm_xblocks.common.platform import active_catalogue

MESSAGES = ["Submit", "This field is required.", "Enter a valid email address.", "line one\r\nline two",
            "Thank you: your answers were saved."]


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_active_catalogue_answers_as_django_s_module(language):
    with django_translation.override(language):
        catalogue = active_catalogue(django_translation, language)
        assert catalogue is not django_translation
        for message in MESSAGES:
            assert catalogue.gettext(message) == django_translation.gettext(message), message
        assert catalogue.gettext("") == django_translation.gettext("") == ""  # never the catalogue's header
        for n in (0, 1, 2, 5, 11, 100):
            assert catalogue.ngettext("%(n)s item", "%(n)s items", n) == django_translation.ngettext(
                "%(n)s item", "%(n)s items", n)
        safe = catalogue.gettext(mark_safe("Submit"))
        assert isinstance(safe, SafeData) and isinstance(django_translation.gettext(mark_safe("Submit")), SafeData)
    if language == "fr":  # a message Django's own French catalogue translates: the same catalogue asked
        with django_translation.override("fr"):
            assert active_catalogue(django_translation, "fr").gettext("This field is required.") == (
                "Ce champ est obligatoire.")


def test_anything_else_is_asked_as_it_is():
    package = gettext.NullTranslations()
    assert active_catalogue(package, "en") is package  # the package's own catalogue (French, Arabic...)
    with django_translation.override("fr"):
        # another language than the active one: Django's module, which answers in the active one
        assert active_catalogue(django_translation, "en") is django_translation
    with django_translation.override(None):  # none active (deactivate_all): Django's own answers
        assert active_catalogue(django_translation, "en") is django_translation
