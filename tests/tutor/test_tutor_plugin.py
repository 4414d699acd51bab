"""The Tutor plugin (``tutor-contrib-emm/``) in a real Tutor from PyPI, without Docker: Tutor 22
(Verawood) and Tutor 21 (Ulmo), every test in both.

Tutor and the plugin live in a throw-away venv per Tutor release under ``var/``
(``tests/throwaway_venv.py``), built once and reused; every test gets its own ``TUTOR_ROOT``.
What an admin runs is what the tests run: ``tutor plugins enable emm``, ``tutor config save
[--set ...]``, then the rendered files in ``$(tutor config printroot)/env`` are read as Docker and
the LMS would read them.
"""

import json
import re
import subprocess
import sys
import tomllib
import zipfile

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from emm_xblocks.xapi import EVENT_NAMES
from tests.throwaway_venv import ROOT, clean_env, unavailable, venv_with

PLUGIN = ROOT / "tutor-contrib-emm"
pytestmark = pytest.mark.slow


# Tutor's major release -> the Open edX release it runs (its OPENEDX_COMMON_VERSION)
RELEASES = {"22": "verawood", "21": "ulmo"}


@pytest.fixture(scope="module", params=sorted(RELEASES, reverse=True), ids=lambda major: f"tutor{major}")
def tutor_venv(request):
    major = request.param
    return major, venv_with(f"tutor{major}", [f"tutor>={major}.0.0,<{int(major) + 1}.0.0", "-e", str(PLUGIN)],
                            key_files=[PLUGIN / "pyproject.toml"])


@pytest.fixture
def tutor(tutor_venv, tmp_path):
    """``tutor(*args)`` -> its stdout, run with a fresh TUTOR_ROOT (and an empty plugins root,
    so no plugin of the machine's user joins in)."""
    major, tutor_venv = tutor_venv
    env = clean_env() | {"TUTOR_ROOT": str(tmp_path / "root"), "TUTOR_PLUGINS_ROOT": str(tmp_path / "plugins")}

    def run(*args):
        result = subprocess.run([str(tutor_venv / "bin" / "tutor"), *args], capture_output=True, text=True,
                                env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        run.stderr = result.stderr
        return result.stdout

    run.major = major
    run.root = tmp_path / "root"
    run.python = tutor_venv / "bin" / "python"
    run.env = env
    return run


def read(root, relative):
    return (root / "env" / relative).read_text(encoding="utf-8")


def test_tutor_is_the_release_asked_and_lists_the_plugin(tutor):
    assert tutor("--version").split()[-1].split(".")[0] == tutor.major
    tutor("config", "save")
    assert RELEASES[tutor.major] in tutor("config", "printvalue", "OPENEDX_COMMON_VERSION")
    listed = tutor("plugins", "list")
    assert any(line.split()[:1] == ["emm"] for line in listed.splitlines()), listed


WHEEL = "emm-xblocks @ https://example.org/emm_xblocks-0.2.0-py3-none-any.whl"


def dockerfile_step(root):
    """The plugin's lines of the rendered Dockerfile, from its comment to the next blank line."""
    dockerfile = read(root, "build/openedx/Dockerfile")
    start = dockerfile.index("# emm-xblocks:")
    return dockerfile, dockerfile[start:dockerfile.index("\n\n", start)]


def test_enabled_plugin_installs_the_requirement_set_in_the_openedx_image(tutor):
    tutor("plugins", "enable", "emm")
    tutor("config", "save", "--set", f"EMM_PIP_REQUIREMENT={WHEEL}")
    assert tutor("config", "printvalue", "EMM_PIP_REQUIREMENT").strip() == WHEEL
    dockerfile, step = dockerfile_step(tutor.root)
    line = f"$PIP_COMMAND install --no-cache-dir '{WHEEL}'"
    assert line in step and "exit 1" not in step
    # after the platform's requirements (so a pin of ours cannot downgrade the platform's)
    assert dockerfile.index("requirements/edx/base.txt") < dockerfile.index(line)
    # set: no warning at each command
    tutor("config", "printroot")
    assert "EMM_PIP_REQUIREMENT" not in tutor.stderr


def test_the_requirement_is_downloaded_again_by_a_build_without_docker_s_cache(tutor):
    """The upgrade's fallback (plugin README, *Upgrade*): ``tutor images build openedx --no-cache``
    must install what the address serves now. Docker's ``--no-cache`` leaves ``RUN
    --mount=type=cache`` folders as they are, and uv keeps a URL's wheel under its address: with
    the cache mount Tutor's own steps use, the rebuild installed the first file again (admin trial,
    session 37, uv 0.13). So the plugin's step mounts no cache and asks none (pip and uv both read
    ``--no-cache-dir``; Tutor's Dockerfile installs uwsgi so)."""
    tutor("plugins", "enable", "emm")
    tutor("config", "save", "--set", f"EMM_PIP_REQUIREMENT={WHEEL}")
    dockerfile, step = dockerfile_step(tutor.root)
    assert "--mount=type=cache" not in step and "--no-cache-dir" in step
    assert "$PIP_COMMAND install --no-cache-dir" in dockerfile.replace(step, "")  # Tutor's own use of it


def test_a_mounted_checkout_is_installed_without_a_requirement(tutor, tmp_path):
    """``tutor mounts add .../emm-xblocks`` (a checkout, for development or a build machine with no
    web server for the wheel): Tutor's own Dockerfile installs the mounted folder into the openedx
    image, so the plugin's step neither stops the build nor warns."""
    checkout = tmp_path / "emm-xblocks"
    checkout.mkdir()
    tutor("plugins", "enable", "emm")
    tutor("mounts", "add", str(checkout))
    tutor("config", "save")
    assert "EMM_PIP_REQUIREMENT" not in tutor.stderr
    dockerfile, step = dockerfile_step(tutor.root)
    assert "exit 1" not in step and "RUN" not in step and "emm-xblocks (tutor mounts)" in step
    assert 'RUN $PIP_COMMAND install -e "/mnt/emm-xblocks"' in dockerfile


# Tutor's Dockerfile: `RUN echo "setuptools==<version>" > /etc/openedx-build-constraints.txt`
BUILD_CONSTRAINT = re.compile(r'RUN echo "(setuptools==[^"]+)" > /etc/openedx-build-constraints\.txt')


def image_build_constraint(tutor, tmp_path):
    """The setuptools pin of the image's build environments, read in the Dockerfile Tutor renders
    with a checkout of emm-xblocks mounted as the docs say (so the image builds it from source)."""
    checkout = tmp_path / "emm-xblocks"
    checkout.mkdir()
    tutor("plugins", "enable", "emm")
    tutor("mounts", "add", str(checkout))
    tutor("config", "save")
    dockerfile = read(tutor.root, "build/openedx/Dockerfile")
    assert 'install -e "/mnt/emm-xblocks"' in dockerfile  # built from source in the image
    assert "UV_BUILD_CONSTRAINT=/etc/openedx-build-constraints.txt" in dockerfile
    [pin] = BUILD_CONSTRAINT.findall(dockerfile)
    return Requirement(pin)


def test_the_package_builds_with_the_setuptools_tutor_s_image_allows(tutor, tmp_path):
    """The documented source installs (README, docs/operations.md: `EMM_PIP_REQUIREMENT=emm-xblocks
    @ git+https://...@<commit>`, or `tutor mounts add` of a checkout) build the package in the image,
    in a build environment whose setuptools Tutor pins (`UV_BUILD_CONSTRAINT`/`PIP_CONSTRAINT`):
    69.1.1 in Tutor 21, 80.9.0 in Tutor 22. pyproject.toml asked `setuptools>=77` (for PEP 639's
    licence string), and Tutor 21's image build stopped with "No solution found when resolving:
    setuptools>=77 ... setuptools==69.1.1" (bug hunt s44, decision 82)."""
    pin = image_build_constraint(tutor, tmp_path)
    [version] = [spec.version for spec in pin.specifier]
    build_requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    refused = [req for req in map(Requirement, build_requires)
               if req.name == "setuptools" and not req.specifier.contains(version)]
    assert not refused, (f"Tutor {tutor.major} builds source packages with {pin}; emm-xblocks asks {refused}: "
                         "a mounted checkout or a git+https requirement cannot be built in its image")


def test_a_checkout_builds_under_the_image_s_build_constraint(tutor, tmp_path):
    """The same, by building (bug hunt s44): pip, with the image's constraint file, builds a wheel
    of a clean clone (as `pip install -e /mnt/emm-xblocks` or `emm-xblocks @ git+https://...`
    does). A clone: what is committed, not the working tree."""
    pin = image_build_constraint(tutor, tmp_path)
    constraints = tmp_path / "openedx-build-constraints.txt"
    constraints.write_text(f"{pin}\n")
    checkout = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(checkout)], check=True)
    env = clean_env() | {"PIP_CONSTRAINT": str(constraints), "PIP_BUILD_CONSTRAINT": str(constraints)}
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--disable-pip-version-check",
                             "-w", str(tmp_path / "wheels"), str(checkout)], capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    if result.returncode != 0 and "conflicting dependencies" not in output and "ResolutionImpossible" not in output:
        unavailable(f"could not build (no index?): {output.strip().splitlines()[-1:]}")
    assert result.returncode == 0, output
    # built by the pinned setuptools, not PyPI's newest: before 70.1 the wheel package wrote the
    # wheel ("Generator: bdist_wheel"), since then setuptools itself
    [wheel] = (tmp_path / "wheels").glob("emm_xblocks-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        generator = archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/WHEEL"))).decode()
    [version] = [spec.version for spec in pin.specifier]
    expected = "bdist_wheel (" if Version(version) < Version("70.1") else f"setuptools ({version})"
    assert f"Generator: {expected}" in generator, generator


def lms_settings_namespace(settings_text):
    """Run the plugin's part of a rendered LMS settings file in a namespace shaped like the
    platform's at that point (event-routing-backends' allow list already there)."""
    start = settings_text.index("# emm-xblocks:")
    snippet = settings_text[start:settings_text.index("_emm_allow_xapi_events(globals())", start)]
    namespace = {"EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS": ["problem_check"]}
    exec(compile(snippet + "_emm_allow_xapi_events(globals())\n", "lms-settings", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("settings_file", ["production", "development"])
def test_lms_settings_allow_the_blocks_events_for_xapi(tutor, settings_file):
    tutor("plugins", "enable", "emm")
    tutor("config", "save")
    text = read(tutor.root, f"apps/openedx/settings/lms/{settings_file}.py")
    compile(text, settings_file, "exec")  # still Python after the patch
    # after the platform's settings (and so after event-routing-backends' plugin_settings)
    platform = {"production": "from lms.envs.production import *", "development": "from lms.envs.devstack import *"}
    assert text.index(platform[settings_file]) < text.index("allow_xapi_events")
    allowed = lms_settings_namespace(text)["EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS"]
    assert allowed == ["problem_check", *EVENT_NAMES]


def test_xapi_events_can_be_turned_off(tutor):
    tutor("plugins", "enable", "emm")
    tutor("config", "save", "--set", "EMM_XAPI_EVENTS=false", "--set", f"EMM_PIP_REQUIREMENT={WHEEL}")
    assert "allow_xapi_events" not in read(tutor.root, "apps/openedx/settings/lms/production.py")
    assert f"install --no-cache-dir '{WHEEL}'" in read(tutor.root, "build/openedx/Dockerfile")


def test_cms_settings_are_untouched(tutor):
    """The events come from learners' handlers in the LMS; Studio sends none of them."""
    tutor("plugins", "enable", "emm")
    tutor("config", "save")
    # the plugin's marks, not the letters "emm" (the rendered settings hold random keys: a JWT key
    # with "emm" in it failed this check once, CI s37)
    cms = read(tutor.root, "apps/openedx/settings/cms/production.py")
    assert "emm_xblocks" not in cms and "emm-xblocks" not in cms and "allow_xapi_events" not in cms


INIT_TASKS = """
import json, sys
from tutor import config, env, hooks
import tutor.commands.cli  # noqa: F401 (as the tutor command: its modules add the core init tasks)
hooks.Actions.CORE_READY.do()
hooks.Actions.PROJECT_ROOT_READY.do(sys.argv[1])
values = config.load(sys.argv[1])
tasks = hooks.Filters.CLI_DO_INIT_TASKS.iterate_from_context(hooks.Contexts.app(sys.argv[2]).name)
print(json.dumps([[service, env.render_str(values, task)] for service, task in tasks]))
"""


def init_tasks(tutor, limit):
    """What ``tutor local do init --limit=<limit>`` would run (tutor/commands/jobs.py,
    ``initialise``: the CLI_DO_INIT_TASKS of that app's context, rendered), as [service, script]."""
    result = subprocess.run([str(tutor.python), "-c", INIT_TASKS, str(tutor.root), limit], capture_output=True,
                            text=True, env=tutor.env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_do_init_runs_the_package_migrations(tutor):
    tutor("plugins", "enable", "emm")
    tutor("config", "save")
    host = tutor("config", "printvalue", "MYSQL_HOST").strip()
    port = tutor("config", "printvalue", "MYSQL_PORT").strip()
    assert init_tasks(tutor, "emm") == [
        ["lms", f"dockerize -wait tcp://{host}:{port} -timeout 20s\n./manage.py lms migrate emm_xblocks"]]
    # Tutor's own LMS init migrates every installed app, ours included
    assert any("./manage.py lms migrate\n" in script for _, script in init_tasks(tutor, "lms"))


def test_the_database_is_what_the_store_expects(tutor):
    """Decision 15: the store needs ATOMIC_REQUESTS-safe handlers and a utf8mb4 connection
    (Tutor's MySQL); the plugin changes nothing there, so this checks Tutor still gives both."""
    tutor("plugins", "enable", "emm")
    tutor("config", "save")
    lms_env = read(tutor.root, "apps/openedx/config/lms.env.yml")
    assert "ATOMIC_REQUESTS: true" in lms_env and 'charset: "utf8mb4"' in lms_env
    assert "ENGINE: \"django.db.backends.mysql\"" in lms_env


def test_disabling_the_plugin_removes_everything(tutor):
    tutor("plugins", "enable", "emm")
    tutor("config", "save")
    tutor("plugins", "disable", "emm")
    tutor("config", "save")
    assert "emm-xblocks" not in read(tutor.root, "build/openedx/Dockerfile")
    assert "emm_xblocks" not in read(tutor.root, "apps/openedx/settings/lms/production.py")


def test_the_plugin_readme_names_the_advanced_module_list():
    text = (PLUGIN / "README.md").read_text(encoding="utf-8")
    assert "Advanced Module List" in text
    for block in ("emm_likert", "emm_case_study", "emm_role_play"):
        assert f'"{block}"' in text


@pytest.mark.parametrize("page", ["CHANGELOG.md", "README.md", "docs/operations.md"])
def test_the_admin_docs_give_django_commands_as_run_on_tutor(page):
    """(Bug hunt s44.) CHANGELOG.md told a platform that ran 0.1.0 to find its migrations with
    `./manage.py lms showmigrations emm_xblocks`, a command no Tutor host has: on Tutor it is run
    in the LMS container, `tutor local run lms ./manage.py ...`, as docs/operations.md says."""
    text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
    bare = [span for span in re.findall(r"`([^`]+)`", text) if span.lstrip().startswith("./manage.py")]
    assert not bare, f"{page}: {bare}"


def test_the_init_task_waits_for_mysql_as_tutor_s_own_lms_init_does(tutor):
    """(Admin hunt 4.) ``tutor local do init --limit=emm`` runs the plugin's task alone in a new
    ``lms-job`` container (``docker compose run``), whose ``depends_on: ["mysql", ...]``
    (``env/local/docker-compose.jobs.yml``) starts MySQL but does not wait until it accepts
    connections. Tutor's own LMS init task therefore begins with ``dockerize -wait
    tcp://<MYSQL_HOST>:<MYSQL_PORT>`` (``tutor/templates/jobs/init/lms.sh``) and its MySQL task
    retries until the server answers (``mysql.sh``). The plugin's task starts Django at once: on a
    platform that is not running (after ``tutor local stop``, a reboot, a new host before ``start``),
    ``./manage.py lms migrate emm_xblocks`` meets a MySQL still starting and the init fails with
    "Can't connect to MySQL server on 'mysql'", in the upgrade's documented step."""
    tutor("plugins", "enable", "emm")
    tutor("config", "save")
    host = tutor("config", "printvalue", "MYSQL_HOST").strip()
    port = tutor("config", "printvalue", "MYSQL_PORT").strip()
    wait = f"dockerize -wait tcp://{host}:{port}"
    [tutor_s_migrate] = [script for _, script in init_tasks(tutor, "lms") if "./manage.py lms migrate\n" in script]
    assert tutor_s_migrate.index(wait) < tutor_s_migrate.index("./manage.py lms migrate")  # Tutor's own task
    [[service, ours]] = init_tasks(tutor, "emm")
    assert service == "lms"
    assert wait in ours and ours.index(wait) < ours.index("./manage.py"), (
        f"the plugin's init task does not wait for MySQL before Django connects: {ours!r}")


# what an image build copies of a mounted checkout (Tutor's Dockerfile:
# `COPY --link ... --from=mnt-<name> / /mnt/<name>`): the whole folder, unless it has a .dockerignore
WORKING_FILES = ["var/mysql/data/ibdata1", "var/workbench.db", ".venv/bin/python", ".venv312/lib/x.py",
                 "node_modules/eslint/package.json", "dist/emm_xblocks-0.2.0-py3-none-any.whl", ".git/HEAD"]
NEEDED_FILES = ["pyproject.toml", "setup.cfg", "README.md", "LICENSE", "emm_xblocks/__init__.py",
                "emm_xblocks/templates/likert/studio.html", "static/min/js/emm-likert.js",
                "translations/fr/LC_MESSAGES/text.mo"]


def dockerignored(patterns, path):
    """Whether Docker leaves ``path`` (relative to the context) out, by .dockerignore's rules as far
    as these paths need them: patterns relative to the root, a match of a folder leaves out what it
    holds, ``**`` any folders, ``!`` takes back, the last matching line decides."""
    import fnmatch

    excluded = False
    parts = path.split("/")
    for pattern in patterns:
        keep = pattern.startswith("!")
        pattern = pattern.lstrip("!").strip("/")
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        if any(fnmatch.fnmatchcase(p, pattern) or fnmatch.fnmatchcase(p, pattern.replace("**/", "")) for p in prefixes):
            excluded = not keep
    return excluded


def test_a_mounted_checkout_brings_only_the_package_into_the_image(tutor, tmp_path):
    """(Admin hunt 4.) The docs' way without a web server for the wheel, and for development:
    ``tutor mounts add /path/to/emm-xblocks``. Tutor's Dockerfile then copies the checkout's whole
    folder into the openedx image (``COPY --from=mnt-emm-xblocks / /mnt/emm-xblocks``, in the
    production stage and again in the development one); Docker leaves out only what a
    ``.dockerignore`` at the folder's root names, and the repository has none. A checkout where
    ``make test`` ran holds ``.venv`` (409 MB), ``.venv312`` (531 MB), ``var/`` (739 MB: the
    Tutor test venvs, the private MariaDB's data folder, the workbench's database of demo
    learners) and ``node_modules``, against 16 MB of sources: all of it goes into every image
    built, and into the registry it is pushed to."""
    checkout = tmp_path / "emm-xblocks"
    checkout.mkdir()
    tutor("plugins", "enable", "emm")
    tutor("mounts", "add", str(checkout))
    tutor("config", "save")
    dockerfile = read(tutor.root, "build/openedx/Dockerfile")
    assert "--from=mnt-emm-xblocks / /mnt/emm-xblocks" in dockerfile  # the whole folder
    ignore = ROOT / ".dockerignore"
    patterns = ([line.strip() for line in ignore.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.lstrip().startswith("#")] if ignore.exists() else [])
    copied = [path for path in WORKING_FILES if not dockerignored(patterns, path)]
    assert not copied, f"a mounted checkout's working files go into the openedx image: {copied}"
    assert not [path for path in NEEDED_FILES if dockerignored(patterns, path)]
