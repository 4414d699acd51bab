"""The package's Django templates: each compiled once per process, rendered with the block's
translations.

xblock-utils' ``ResourceLoader.render_django_template`` compiles the template at every call, and
its ``{% trans %}`` tag builds a new Django catalogue and merges the block's catalogue into
Django's global one at every tag it renders (``xblock/utils/templatetags/i18n.py``): most of a
render's time (``make bench-speed``). Here the template is compiled once, and the render runs with
one catalogue per language and block catalogue — Django's, with the block's merged on top, as
that tag merges it — made active for this thread during the render only: Django's own catalogues
are never changed, and Django's standard ``{% trans %}`` / ``{% blocktrans %}`` tags read it.
"""

import functools
from importlib import resources

from django.template import Context, Engine
from django.template.backends.django import get_installed_libraries
from django.utils.translation import trans_real

from .i18n import ROOT_PACKAGE

_merged = {}  # (language, id of the block's catalogue) -> DjangoTranslation


@functools.cache
def _engine():
    # paths are relative to the package root ("templates/likert/studio.html"), for
    # ``{% include %}`` as for ``render``; Django's cached loader keeps each one compiled
    # ``{% load emm_numbers %}``: numbers in the render's language (``common.number_filters``);
    # ``{% load emm_text %}``: author text isolated in a sentence (``common.text_filters``)
    libraries = dict(get_installed_libraries(), emm_numbers=f"{ROOT_PACKAGE}.common.number_filters",
                     emm_text=f"{ROOT_PACKAGE}.common.text_filters")
    return Engine(dirs=[str(resources.files(ROOT_PACKAGE))], libraries=libraries)


@functools.lru_cache(maxsize=64)
def _template(path):
    return _engine().get_template(path)


def _translation(language, translations):
    """Django's catalogue for ``language`` with the block's (the i18n service's ``translations``,
    ``EmmBlockBase._translator``) merged on top."""
    key = (language, id(getattr(translations, "_catalog", None)))
    merged = _merged.get(key)
    if merged is None:
        merged = trans_real.DjangoTranslation(language)  # a new object: Django's cached one is untouched
        merged.merge(translations)
        _merged[key] = merged
    return merged


def render(path, context, translations, language):
    """``path`` (under the package root) rendered with ``context``, translated in ``language`` with
    the block's ``translations`` (its i18n service's, ``EmmBlockBase._translator``)."""
    active = trans_real._active  # the thread's active catalogue, what Django's gettext reads
    previous = getattr(active, "value", None)
    active.value = _translation(language, translations)
    try:
        return _template(path).render(Context(context))
    finally:
        if previous is None:
            del active.value
        else:
            active.value = previous
