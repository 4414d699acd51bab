"""The package's own gettext catalogues, where the platform's i18n service found none of ours
(decision 111).

The LMS's ``XBlockI18nService`` (``xmodule/modulestore/django.py``, ``get_python_locale``) reads a
block's words from ``REPO_ROOT/conf/plugins-locale/xblock.v1/<root module>/`` (domain ``django``)
whenever that folder exists, else from the package's ``translations/`` (domain ``text``); where the
catalogue of the language is missing there it falls back to ``django.utils.translation``. Tutor's
image build runs ``pull_xblock_translations`` (atlas), which creates that folder, empty, for every
installed XBlock, ours too although openedx-translations holds nothing of ours: the service then
hands the block Django's own catalogue, and ``translations/<locale>/LC_MESSAGES/text.mo`` is never
read. ``catalogue_of`` gives the block its bundled catalogue in that case, and the platform's
whenever it holds strings of ours (an operator's atlas pull, the bundled one itself).
"""

import gettext
from functools import lru_cache
from importlib import resources

from .i18n import ROOT_PACKAGE

DOMAIN = "text"  # the pre-OEP-58 domain the platform reads in a package's translations/


def catalogue_of(service, language):
    """What the block translates with, of an i18n ``service``, in ``language``: the service's
    ``translator`` (the LMS's ``XBlockI18nService`` keeps it so), or the service itself when it has
    none (a runtime's own service); replaced by the package's catalogue for ``language`` where it is
    Django's own (the platform found no catalogue of ours) or a gettext catalogue holding none of
    our strings (an empty one: atlas's folder with a catalogue nobody translated yet). Kept as it is
    where the package ships no catalogue of ``language`` (English, German: Django's answers)."""
    translations = getattr(service, "translator", None)
    if not callable(getattr(translations, "gettext", None)):
        translations = service
    ours = bundled(language)
    if ours is None or _holds_ours(translations, ours):
        return translations
    return ours


@lru_cache(maxsize=32)
def bundled(language):
    """The package's catalogue for ``language`` (``fr``, ``fr-ca``, ``ar``), or None when it ships
    none: looked up as the platform looks up a package's own (``gettext.translation`` with the
    language's locale, ``fr_CA`` then ``fr``)."""
    from django.utils.translation import to_locale

    folder = resources.files(ROOT_PACKAGE) / "translations"
    try:
        return gettext.translation(DOMAIN, str(folder), [to_locale(language)])
    except OSError:
        return None


def _holds_ours(translations, ours):
    """Whether ``translations`` is a catalogue of the package's strings: not Django's own (its
    module, or one of its ``DjangoTranslation`` catalogues, which may hold a "Save" of their own),
    and, if a gettext catalogue, holding at least one of our messages; any other object a
    runtime hands (it answers ``gettext`` its own way) is taken as it is."""
    import django.utils.translation as django_translation
    from django.utils.translation import trans_real

    if translations is django_translation or isinstance(translations, trans_real.DjangoTranslation):
        return False
    theirs = getattr(translations, "_catalog", None)
    if theirs is None:
        return True
    return any(key in theirs for key in ours._catalog if key)
