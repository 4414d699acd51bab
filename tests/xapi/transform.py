"""``python -m tests.xapi.transform EVENTS.json``: what event-routing-backends makes of the given
tracking events, in a Django set up as the LMS has it for that (``tests.xapi.settings``: both
apps installed, so ``emm_xblocks.apps`` registers the transformers in ``ready`` as it does there).

Input: ``{"users": {username: user id}, "events": [tracking event, ...]}``. Prints JSON:

* ``statements``: for each event, what ``XApiProcessor`` returns (the statements as dicts, what
  the routers send on; ``[]`` when no transformer is registered);
* ``allowed`` / ``allowed_without_ours``: for each event name, whether every
  ``NameWhitelistProcessor`` of the ``event_transformer`` pipeline lets it through, with the
  settings event-routing-backends' ``plugin_settings`` makes followed by
  ``allow_xapi_events(globals())`` (what the Tutor plugin's patch runs), and without the latter;
  ``event_bus``: whether each name is in ``EVENT_BUS_TRACKING_LOGS``.
"""

import json
import os
import sys
from types import SimpleNamespace

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.xapi.settings"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from event_routing_backends.processors.xapi.transformer_processor import XApiProcessor  # noqa: E402
from event_routing_backends.settings.common import plugin_settings  # noqa: E402
from eventtracking.processors.exceptions import EventEmissionExit  # noqa: E402
from eventtracking.processors.whitelist import NameWhitelistProcessor  # noqa: E402

from emm_xblocks.xapi.settings import allow_xapi_events  # noqa: E402


def erb_settings(ours):
    """The LMS's settings namespace after event-routing-backends' plugin_settings (and ours)."""
    namespace = SimpleNamespace(LMS_ROOT_URL="https://lms.example.org")
    plugin_settings(namespace)
    namespace = vars(namespace)
    if ours:
        allow_xapi_events(namespace)
    return namespace


def passes(namespace, name):
    transformer = namespace["EVENT_TRACKING_BACKENDS"]["event_transformer"]["OPTIONS"]
    configs = [*transformer["processors"], *transformer["backends"]["xapi"]["OPTIONS"]["processors"]]
    for config in configs:
        if config["ENGINE"] == "eventtracking.processors.whitelist.NameWhitelistProcessor":
            try:
                NameWhitelistProcessor(**config["OPTIONS"])({"name": name})
            except EventEmissionExit:
                return False
    return True


def main(path):
    with open(path, encoding="utf-8") as f:
        given = json.load(f)
    call_command("migrate", "auth", verbosity=0)  # the actor is looked up by user id
    for username, user_id in given["users"].items():
        get_user_model().objects.create(id=user_id, username=username)
    processor = XApiProcessor()
    names = sorted({e["name"] for e in given["events"]})
    ours, without = erb_settings(True), erb_settings(False)
    print(json.dumps({
        "statements": [processor([event]) for event in given["events"]],
        "allowed": {name: passes(ours, name) for name in names},
        "allowed_without_ours": {name: passes(without, name) for name in names},
        "event_bus": {name: name in ours["EVENT_BUS_TRACKING_LOGS"] for name in names},
    }))


if __name__ == "__main__":
    main(sys.argv[1])
