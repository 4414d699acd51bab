"""The emm plugin for Tutor 22 (Verawood) and Tutor 21 (Ulmo), through Tutor's plugin API v1
(``tutor.hooks``, the same in both).

What it adds to a Tutor project once enabled (``tutor plugins enable emm``):

* configuration (``CONFIG_DEFAULTS``, overridable with ``tutor config save --set NAME=value``):

  - ``EMM_XBLOCKS_VERSION``: the emm-xblocks release this plugin release was made for (``0.2.0``),
    for information: what the image installs is ``EMM_PIP_REQUIREMENT`` alone;
  - ``EMM_PIP_REQUIREMENT``: what ``pip install`` gets in the openedx image: a wheel URL
    (``emm-xblocks @ https://.../emm_xblocks-0.2.0-py3-none-any.whl``) or ``git+https://...@<tag>``.
    No default: emm-xblocks is not on PyPI, and a default naming it there would install whatever
    someone else published under that name. Unset, the image build stops with a message saying
    what to set (``NO_REQUIREMENT``), and every ``tutor`` command warns before that
    (``warn_without_requirement``), unless a checkout of emm-xblocks is mounted (``tutor mounts
    add .../emm-xblocks``: Tutor's own Dockerfile installs it, ``mounted_checkouts``);
  - ``EMM_XAPI_EVENTS``: let event-routing-backends turn the blocks' tracking events into xAPI
    statements for Aspects (default true);

* patches (``ENV_PATCHES``):

  - ``openedx-dockerfile-post-python-requirements``: installs ``EMM_PIP_REQUIREMENT`` into the
    openedx image (``tutor images build openedx``), after the platform's own requirements, without
    pip's (uv's) cache: a rebuild without Docker's layer cache (``--no-cache``) then downloads the
    requirement again, where a cache mount would hand back the file first downloaded from the
    same address (``uv`` keys a URL's wheel by its address);
  - ``openedx-lms-common-settings`` (LMS, production and development): adds the blocks' events to
    event-routing-backends' allow lists (``emm_xblocks.xapi.settings.allow_xapi_events``). This
    patch comes after ``from lms.envs.production import *``, so after event-routing-backends' own
    ``plugin_settings`` has built ``EVENT_TRACKING_BACKENDS`` from its list;

* an init task (``CLI_DO_INIT_TASKS``): ``./manage.py lms migrate emm_xblocks``, once MySQL
  accepts connections (``dockerize -wait``, as Tutor's own ``jobs/init/lms.sh`` begins: ``do init``
  runs it in a new ``lms-job`` container whose ``depends_on`` starts MySQL without waiting for
  it). Tutor's own LMS init task already migrates every installed app (the package is an LMS/CMS
  Django plugin app); ours makes ``tutor local do init --limit=emm`` migrate the package's tables
  alone, e.g. after an upgrade of the package. On a platform never launched it cannot: the
  database is made by Tutor's own MySQL init task, so the first time is ``tutor local launch``.

Nothing is changed in ``DATABASES``: the package's store is correct at READ COMMITTED and
REPEATABLE READ and inside Tutor's ``ATOMIC_REQUESTS`` (decision 15 of emm-xblocks); Tutor's own
MySQL connection is utf8mb4, and with an external MySQL (``RUN_MYSQL: false``) a database still
in utf8mb3 refuses emoji with the clear error ``text_not_storable`` (see the README).
"""

import re

from tutor import fmt, hooks
from tutor.plugins.openedx import iter_mounted_directories

EMM_XBLOCKS_VERSION = "0.2.0"
# what the image build says, and stops on, when no requirement is set (one line of a Dockerfile)
NO_REQUIREMENT = ("emm-xblocks: set EMM_PIP_REQUIREMENT to the wheel to install, e.g. tutor config save --set "
                  "\"EMM_PIP_REQUIREMENT=emm-xblocks @ https://files.example.org/emm_xblocks-0.2.0-py3-none-any.whl\" "
                  "(the package is not on PyPI), then build the image again")

hooks.Filters.CONFIG_DEFAULTS.add_items([
    ("EMM_XBLOCKS_VERSION", EMM_XBLOCKS_VERSION),
    ("EMM_PIP_REQUIREMENT", ""),
    ("EMM_XAPI_EVENTS", True),
])

# a mounted directory of this name is a checkout of emm-xblocks (``tutor mounts add``)
CHECKOUT_NAME = re.compile(r"emm[-_]xblocks", re.IGNORECASE)


def mounted_checkouts(mounts):
    """The mounted directories (``MOUNTS``, ``tutor mounts add``) that Tutor installs into the
    openedx image and that are checkouts of emm-xblocks, by their folder's name."""
    return [name for name in iter_mounted_directories(mounts or [], "openedx") if CHECKOUT_NAME.search(name)]


hooks.Filters.ENV_TEMPLATE_VARIABLES.add_item(("emm_mounted_checkouts", mounted_checkouts))

hooks.Filters.ENV_PATCHES.add_items([
    (
        "openedx-dockerfile-post-python-requirements",
        """# emm-xblocks: the EMM2.0 XBlocks (tutor-contrib-emm)
{% if EMM_PIP_REQUIREMENT %}RUN $PIP_COMMAND install --no-cache-dir '{{ EMM_PIP_REQUIREMENT }}'"""
        """{% elif emm_mounted_checkouts(MOUNTS) %}# installed from the mounted checkout """
        """{{ emm_mounted_checkouts(MOUNTS)|join(", ") }} (tutor mounts), below"""
        """{% else %}RUN echo '""" + NO_REQUIREMENT + """' >&2 && exit 1{% endif %}""",
    ),
    (
        "openedx-lms-common-settings",
        """{% if EMM_XAPI_EVENTS %}# emm-xblocks: the blocks' events reach event-routing-backends (xAPI, Aspects)
try:
    from emm_xblocks.xapi.settings import allow_xapi_events as _emm_allow_xapi_events
except ImportError:  # the openedx image was not rebuilt since the plugin was enabled
    pass
else:
    _emm_allow_xapi_events(globals())
{% endif %}""",
    ),
])

# Tutor loads this module inside the plugin's context (``hooks.Contexts.app("emm")``), which is what
# ``do init --limit=emm`` selects. Its first line is the first of Tutor's own LMS init task
# (tutor/templates/jobs/init/lms.sh, Tutor 21 and 22): MySQL may still be starting (admin hunt 4).
MIGRATE = """dockerize -wait tcp://{{ MYSQL_HOST }}:{{ MYSQL_PORT }} -timeout 20s
./manage.py lms migrate emm_xblocks"""
hooks.Filters.CLI_DO_INIT_TASKS.add_item(("lms", MIGRATE))


@hooks.Actions.CONFIG_LOADED.add()
def warn_without_requirement(config):
    """Say at every ``tutor`` command, not only once the image build reaches the plugin's step (after
    the platform's requirements, minutes in), that nothing would install emm-xblocks; on stderr,
    as Tutor's own configuration warnings (``tutor/config.py``)."""
    if config.get("EMM_PIP_REQUIREMENT") or mounted_checkouts(config.get("MOUNTS")):
        return
    what = NO_REQUIREMENT.split(": ", 1)[1]  # "set EMM_PIP_REQUIREMENT to ..."
    fmt.echo_alert("emm: EMM_PIP_REQUIREMENT is not set, so `tutor images build openedx` will stop at the "
                   "emm-xblocks step. " + what[0].upper() + what[1:] + ". Or mount a checkout: tutor mounts add "
                   "/path/to/emm-xblocks.")
