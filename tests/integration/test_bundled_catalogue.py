"""decision 111: the blocks' words come from the package's own catalogue wherever the platform's
i18n service found none of ours, as in every openedx image Tutor builds.

There ``pull_xblock_translations`` (atlas) leaves an empty ``conf/plugins-locale/xblock.v1/
emm_xblocks/``; the LMS's ``XBlockI18nService`` (``xmodule/modulestore/django.py``,
``get_python_locale``) takes that folder for the block's catalogue, finds no ``django.mo`` in it and
hands the block ``django.utils.translation``. The blocks run here in ``tests.openedx`` with the
platform's ``REPO_ROOT`` set, so that its service (``LmsI18nService``) follows the same branch
(``tests/tutor/test_image_translations.py`` runs the real atlas). A catalogue of ours an operator
did pull (openedx-translations may hold the package one day) is still the one read."""

import gettext

import django.utils.translation as django_translation
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from django.test import override_settings
from django.utils import translation
from django.utils.translation import trans_real

from emm_xblocks.common.bundled_catalogue import bundled, catalogue_of
from emm_xblocks.workbench.services import LmsI18nService
from tests.integration.platform_blocks import LIKERT, LIKERT_ANSWERS
from tests.openedx import problem_responses
from tests.openedx.fixtures import platform  # noqa: F401 (fixture)
from tests.throwaway_venv import ROOT

ATLAS = ("conf", "plugins-locale", "xblock.v1", "emm_xblocks")


def shipped(language):
    """The package's .mo for ``language``, read without the package's code."""
    with open(ROOT / "translations" / language / "LC_MESSAGES" / "text.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)


@pytest.fixture
def repo_root(tmp_path):
    """An edx-platform whose atlas pull left the package's folder empty (a Tutor image)."""
    tmp_path.joinpath(*ATLAS).mkdir(parents=True)
    with override_settings(REPO_ROOT=tmp_path):
        yield tmp_path


def atlas_catalogue(repo_root, language, messages):
    """A ``django.mo`` of ``messages`` in the atlas folder, as an operator's pull would leave it."""
    catalog = Catalog(locale=language)
    for msgid, msgstr in messages.items():
        catalog.add(msgid, msgstr)
    folder = repo_root.joinpath(*ATLAS, language, "LC_MESSAGES")
    folder.mkdir(parents=True)
    with open(folder / "django.mo", "wb") as mo:
        write_mo(mo, catalog)


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_a_tutor_image_s_blocks_speak_the_learner_s_language(platform, repo_root, language):  # noqa: F811
    with translation.override(language):
        assert LmsI18nService().translator is django_translation  # the platform found none of ours
    words = shipped(language)
    agree = words.gettext("Strongly agree")
    assert agree != "Strongly agree"
    key = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    ana = platform.user("ana")
    with translation.override(language):
        page = platform.lms(ana).html(key)
        assert agree in page and "Strongly agree" not in page
        assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
        refused = platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS)
    assert refused.status == 409 and refused.json["error"] == "already_submitted"
    assert refused.json["message"] == words.gettext(
        "This anonymous evaluation was already submitted; it cannot be changed.")


def test_the_problem_responses_report_of_a_tutor_image_is_in_the_language_asked(platform, repo_root):  # noqa: F811
    """The instructor task's report builds on the unbound block (``report_gettext``)."""
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    assert platform.lms(platform.user("ana")).handle(key, "submit", LIKERT_ANSWERS).status == 200
    with translation.override("fr"):
        _rows, columns = problem_responses(platform, key)
    reverse = shipped("fr").gettext("{id} (reverse-coded, rescored)").format(id="pace")
    assert reverse != "pace (reverse-coded, rescored)" and reverse in columns


def test_english_stays_django_s_and_a_language_the_package_lacks_too(platform, repo_root):  # noqa: F811
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    with translation.override("en"):
        assert "Strongly agree" in platform.lms(platform.user("ana")).html(key)
    with translation.override("de"):
        assert bundled("de") is None
        assert catalogue_of(LmsI18nService(), "de") is django_translation


def test_a_catalogue_of_ours_the_operator_pulled_is_the_one_read(platform, repo_root):  # noqa: F811
    atlas_catalogue(repo_root, "fr", {"Strongly agree": "Entièrement d’accord"})
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    with translation.override("fr"):
        page = platform.lms(platform.user("ana")).html(key)
    assert "Entièrement d’accord" in page and "Tout à fait d’accord" not in page


def test_a_pulled_catalogue_holding_none_of_our_strings_is_passed_over(platform, repo_root):  # noqa: F811
    """openedx-translations lists a repository before anyone translates it: a catalogue with its
    header alone (compiled from a .po whose every msgstr is empty)."""
    atlas_catalogue(repo_root, "fr", {})
    with translation.override("fr"):
        service = LmsI18nService()
        assert service.translator is not django_translation and service.translator.gettext("Yes") == "Yes"
        assert catalogue_of(service, "fr").gettext("Strongly agree") == "Tout à fait d’accord"
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    with translation.override("fr"):
        assert "Tout à fait d’accord" in platform.lms(platform.user("ana")).html(key)


def test_arabic_plurals_come_from_the_package_s_catalogue(repo_root):
    with translation.override("ar"):
        catalogue = catalogue_of(LmsI18nService(), "ar")
    words = shipped("ar")
    numbers = (0, 1, 2, 3, 11, 100)  # one of each of Arabic's six plural categories
    said = [catalogue.ngettext("{n} participant", "{n} participants", n) for n in numbers]
    assert said == [words.ngettext("{n} participant", "{n} participants", n) for n in numbers]
    assert said[2] == "مشاركان ({n})"  # the dual, which English's two forms have not


class OwnService:
    """A runtime's own i18n service, with no ``translator``: it answers ``gettext`` itself."""

    def gettext(self, text):
        return f"[{text}]"


def test_django_s_own_catalogues_are_not_ours_a_runtime_s_own_service_is_kept():
    with translation.override("fr"):
        django_french = trans_real.translation("fr")
        assert catalogue_of(type("S", (), {"translator": django_french})(), "fr").gettext(
            "Strongly agree") == "Tout à fait d’accord"
        own = OwnService()
        assert catalogue_of(own, "fr") is own
