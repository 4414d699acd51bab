"""The list of events sent to xAPI and the settings helper a settings file imports
(``emm_xblocks.xapi``, ``emm_xblocks.xapi.settings``). With event-routing-backends' real settings
they are tested in tests/xapi/test_xapi_statements.py."""

import re
import subprocess
import sys
from pathlib import Path

from emm_xblocks.xapi import EVENT_NAMES
from emm_xblocks.xapi.settings import allow_xapi_events
from tests.unit.test_architecture import BLOCKER

PACKAGE = Path(__file__).resolve().parents[2] / "emm_xblocks"


def test_every_event_the_blocks_publish_is_sent_to_xapi():
    published = set()
    for module in PACKAGE.rglob("*.py"):  # events.py, and likert/learner.py names its one event
        if "xapi" not in module.parts:
            published |= set(re.findall(r'"(emm\.[a-z_]+\.[a-z_]+)"', module.read_text(encoding="utf-8")))
    assert published == set(EVENT_NAMES)
    assert len(EVENT_NAMES) == len(set(EVENT_NAMES))


def test_a_settings_file_can_import_it_without_django():
    result = subprocess.run([sys.executable, "-c", BLOCKER, "emm_xblocks.xapi", "emm_xblocks.xapi.settings"],
                            capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr[-2000:]


def test_without_event_routing_backends_only_the_allow_list_is_created():
    namespace = {}
    assert allow_xapi_events(namespace) == list(EVENT_NAMES)
    assert set(namespace) == {"EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS"}


def test_run_twice_it_adds_each_name_once():
    namespace = {"EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS": ["problem_check"],
                 "EVENT_BUS_TRACKING_LOGS": {"problem_check"}}
    allow_xapi_events(namespace)
    allow_xapi_events(namespace)
    assert namespace["EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS"] == ["problem_check", *EVENT_NAMES]
    assert namespace["EVENT_BUS_TRACKING_LOGS"] == {"problem_check", *EVENT_NAMES}
