"""Shared fixtures of the unit and integration tests: every block runs in ``tests.openedx``, the
runtime that behaves as Open edX does (docs/platform-runtime.md), through the interface the tests
were written against (``tests/openedx/compat.py``):

* ``scenario(xml)`` -> the usage id (a string) of the block imported under a fresh subsection;
* ``handlers.post/get/view/block(uid, ..., student=...)``: a request from that user (a name
  starting with ``staff`` is course staff); ``studio_*`` handlers and ``studio_view`` run in
  Studio's editor, ``author_view`` in Studio's preview, everything else in the LMS;
* ``events``: what the LMS received (grades, completions, tracking events).

The xblock-sdk workbench stays for ``make run``, the browser tests (tests/browser/conftest.py)
and the tests that need a real server (test_concurrency.py, test_wheel.py).
"""

import json

import pytest

from tests.openedx.compat import events, handlers, platform_env, scenario  # noqa: F401 (fixtures)

pytest_plugins = ["tests.mariadb"]  # EMM_DB=mysql: a private MariaDB server for the session


@pytest.fixture(autouse=True)
def _no_description_trusted():
    """Each test starts trusting no block's stored description (``common.descriptions``): the rows
    the test before saw were rolled back or flushed with its database."""
    from emm_xblocks.common import descriptions

    descriptions.forget_known()


def call_json(block, handler, data, method="POST"):
    """Call a JSON handler on an already loaded block instance (to simulate stale state)."""
    from webob import Request

    request = Request.blank("/", method=method, body=json.dumps(data).encode("utf-8"),
                            content_type="application/json")
    response = block.runtime.handle(block, handler, request)
    block.save()
    return response
