"""The blocks' own words in an openedx image Tutor builds (admin hunt 4), without Docker.

Tutor's Dockerfile (22 and 21 alike), after the python requirements (so with emm-xblocks
installed), runs ``./manage.py lms --settings=tutor.i18n pull_xblock_translations
--repository='openedx/openedx-translations' --revision='release/verawood.1'``. That command
(its ``xblocks_atlas_pull``, beside ``compile_xblock_js_messages``, calls
``openedx/core/djangoapps/plugins/i18n_api.py``'s ``atlas_pull_by_modules`` with
``xmodule/modulestore/api.py``'s ``get_python_locale_root()``) runs ``atlas pull --expand-glob`` in
``conf/plugins-locale/xblock.v1/`` with one mapping ``translations/*/<module>/conf/locale:<module>``
per installed XBlock's root module, ``emm_xblocks`` among them. atlas (the ``atlas`` script of
openedx-atlas, pinned 0.7.0 in ``requirements/edx/base.txt``) runs ``mkdir -p "$directory_to"``
for every mapping before it checks whether the repository has that folder: emm-xblocks is not in
openedx-translations, so the image gets an empty ``conf/plugins-locale/xblock.v1/emm_xblocks/``.

The LMS's ``XBlockI18nService`` (``xmodule/modulestore/django.py``, ``get_python_locale``) then
takes that folder, since it ``isdir()``, as the block's OEP-58 catalogue (domain ``django``),
finds no ``fr/LC_MESSAGES/django.mo`` in it (``OSError``) and falls back to
``django.utils.translation``, whose catalogues hold none of the package's strings. The bundled
``emm_xblocks/translations/fr/LC_MESSAGES/text.mo`` is never read: on every Tutor platform the
blocks' server-side words (buttons, labels, scales, messages) are English on a French page.

Here the real atlas runs, as the platform runs it, against a local stand-in of
openedx-translations (git's ``url.<base>.insteadOf``: no network but PyPI for atlas itself), and
the LMS's lookup is followed as it is written (``emm_xblocks.workbench.services.LmsI18nService``,
the service ``tests.openedx`` hands the blocks, with the platform's ``REPO_ROOT``). The platform
cannot be changed from here: the package reads its own catalogue when the service's holds none of
its strings (``common.bundled_catalogue``, decision 111), and the learner's French page is what
is checked.
"""

import shutil
import subprocess

import django.utils.translation
import pytest
from django.test import override_settings
from django.utils import translation

from emm_xblocks.workbench.services import LmsI18nService
from emm_xblocks.xblocks import LikertBlock
from tests.integration.platform_blocks import LIKERT
from tests.openedx.fixtures import platform  # noqa: F401 (fixture)
from tests.throwaway_venv import clean_env, unavailable, venv_with

pytestmark = pytest.mark.slow

ATLAS = "openedx-atlas==0.7.0"  # openedx-platform's requirements/edx/base.txt
REVISION = "release/verawood.1"  # Tutor 22's OPENEDX_... translations revision (its Dockerfile)


def lms_translator(block_class, repo_root, language):
    """``XBlockI18nService(block).translator`` as ``xmodule/modulestore/django.py`` builds it, in
    ``language``: the atlas folder ``REPO_ROOT/conf/plugins-locale/xblock.v1/<root module>`` if it
    is a folder (domain ``django``), else the package's ``translations`` (domain ``text``); the
    catalogue of the language, or ``django.utils.translation`` when ``gettext.translation`` raises
    OSError (``LmsI18nService``, which follows it)."""
    with translation.override(language):
        return LmsI18nService(root_package=block_class.__module__.split(".")[0], repo_root=repo_root).translator


def git(*args, cwd, env):
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def atlas(tmp_path):
    """``atlas(cwd, *mappings)``: the real atlas pulling from a local openedx-translations that
    holds another XBlock's French catalogue (drag-and-drop-v2's) and none of emm-xblocks."""
    if shutil.which("git") is None:
        unavailable("git is not installed")
    venv = venv_with("atlas", [ATLAS])
    remote = tmp_path / "remote" / "openedx" / "openedx-translations.git"
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(f'[url "file://{tmp_path / "remote"}/"]\n\tinsteadOf = https://github.com/\n'
                                     '[protocol "file"]\n\tallow = always\n'
                                     '[user]\n\tname = t\n\temail = t@example.org\n', encoding="utf-8")
    env = clean_env() | {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1",
                         "PATH": f"{venv / 'bin'}:{clean_env().get('PATH', '')}"}
    remote.mkdir(parents=True)
    git("init", "-q", "--bare", str(remote), cwd=tmp_path, env=env)
    git("config", "uploadpack.allowFilter", "true", cwd=remote, env=env)
    git("config", "uploadpack.allowAnySHA1InWant", "true", cwd=remote, env=env)
    work = tmp_path / "work"
    po = work / "translations/xblock-drag-and-drop-v2/drag_and_drop_v2/conf/locale/fr/LC_MESSAGES/django.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    git("init", "-q", cwd=work, env=env)
    git("add", "-A", cwd=work, env=env)
    git("commit", "-qm", "translations", cwd=work, env=env)
    git("push", "-q", str(remote), f"HEAD:refs/heads/{REVISION}", cwd=work, env=env)

    def pull(cwd, *mappings):
        # openedx/core/djangoapps/plugins/i18n_api.py, atlas_pull_by_modules, with Tutor's options
        result = subprocess.run(["atlas", "pull", "--expand-glob", "--repository", "openedx/openedx-translations",
                                 "--revision", REVISION, "--silent", *mappings],
                                cwd=cwd, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr

    return pull


def test_the_bundled_french_is_what_the_lms_reads_without_an_atlas_folder(tmp_path):
    """The control: the LMS's lookup, with no atlas folder, reads the package's text.mo."""
    translator = lms_translator(LikertBlock, tmp_path, "fr")
    assert translator is not django.utils.translation
    assert translator.gettext("Strongly agree") == "Tout à fait d’accord"


def test_a_tutor_image_s_atlas_pull_leaves_the_blocks_in_french(tmp_path, atlas, platform):  # noqa: F811
    repo_root = tmp_path / "edx-platform"
    locale_root = repo_root / "conf" / "plugins-locale" / "xblock.v1"
    locale_root.mkdir(parents=True)  # pull_xblock_translations: ensure_empty_directory
    # one mapping per installed XBlock's root module (get_non_xmodule_xblock_module_names)
    atlas(locale_root, "translations/*/drag_and_drop_v2/conf/locale:drag_and_drop_v2",
          "translations/*/emm_xblocks/conf/locale:emm_xblocks")
    assert (locale_root / "drag_and_drop_v2" / "fr" / "LC_MESSAGES" / "django.po").is_file()  # the pull worked
    leftover = locale_root / "emm_xblocks"
    # what the platform does with it: the folder, empty, taken for ours; Django's catalogue handed over
    assert leftover.is_dir() and not any(leftover.iterdir())
    assert lms_translator(LikertBlock, repo_root, "fr") is django.utils.translation
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    with override_settings(REPO_ROOT=repo_root), translation.override("fr"):
        page = platform.lms(platform.user("ana")).html(key)
    assert "Tout à fait d’accord" in page and "Strongly agree" not in page, (
        f"in a Tutor-built image the LMS reads the blocks' words from {leftover.relative_to(repo_root)}/ "
        "(left by atlas, empty) and falls back to Django's catalogue: the French page is in English")
