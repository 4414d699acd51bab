"""Shared fixtures: workbench scenarios built from OLX, a handler client, LMS event recording."""

import itertools
import json

import pytest

from tests.lms import lms_events

pytest_plugins = ["tests.mariadb"]  # EMM_DB=mysql: a private MariaDB server for the session

_counter = itertools.count()


@pytest.fixture
def events():
    with lms_events() as recorded:
        yield recorded


@pytest.fixture
def scenario(db):
    """``scenario(xml)`` -> usage id of the block, in a fresh workbench scenario (unique ids)."""
    from workbench import scenarios

    made = []

    def make(xml):
        name = f"test-{next(_counter)}"
        scenarios.add_xml_scenario(name, name, f"<vertical_demo>{xml}</vertical_demo>")
        made.append(name)
        from workbench.runtime import WorkbenchRuntime

        runtime = WorkbenchRuntime("setup")
        parent = runtime.get_block(scenarios.SCENARIOS[name].usage_id)
        return parent.children[0]

    yield make
    for name in made:
        scenarios.remove_scenario(name)


class HandlerClient:
    """Calls handlers as the browser does: ``/handler/<usage_id>/<handler>/?student=<id>``."""

    def __init__(self, client):
        self.client = client

    def post(self, usage_id, handler, data=None, student="student_1", raw=None, lang=None):
        body = raw if raw is not None else json.dumps(data or {})
        url = f"/handler/{usage_id}/{handler}/?student={student}" + (f"&lang={lang}" if lang else "")
        response = self.client.post(url, data=body, content_type="application/json")
        try:
            response.json_body = json.loads(response.content.decode("utf-8"))
        except ValueError:
            response.json_body = None
        return response

    def get(self, usage_id, handler, student="student_1"):
        return self.client.get(f"/handler/{usage_id}/{handler}/?student={student}")

    def view(self, usage_id, view="student_view", student="student_1", lang=None):
        """Render a block view through the runtime, as the LMS does for a page."""
        from django.utils import translation
        from workbench.runtime import WorkbenchRuntime

        with translation.override(lang or "en"):
            runtime = WorkbenchRuntime(student)
            block = runtime.get_block(usage_id)
            return block.render(view, {})

    def block(self, usage_id, student="student_1"):
        from workbench.runtime import WorkbenchRuntime

        return WorkbenchRuntime(student).get_block(usage_id)


def call_json(block, handler, data, method="POST"):
    """Call a JSON handler on an already loaded block instance (to simulate stale state)."""
    from webob import Request

    request = Request.blank("/", method=method, body=json.dumps(data).encode("utf-8"),
                            content_type="application/json")
    response = block.runtime.handle(block, handler, request)
    block.save()
    return response


@pytest.fixture
def handlers(client):
    return HandlerClient(client)
