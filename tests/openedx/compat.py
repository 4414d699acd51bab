"""The workbench fixtures' interface (``scenario``, ``handlers``, ``events`` in tests/conftest.py),
served by ``tests.openedx`` instead of the xblock-sdk workbench, so the existing integration
tests can move to the platform-faithful runtime by swapping fixtures.

* ``scenario(xml)`` imports the block under a fresh subsection and returns its usage id as a
  string (tests slice and format it);
* ``handlers.post/get(uid, handler, data, student=...)`` is a request from that user: a name
  starting with ``staff`` is course staff (as in the workbench). Handlers named ``studio_*`` are
  called where the platform calls them, in Studio's editor; everything else in the LMS;
* ``handlers.view(uid, view)`` renders ``author_view`` in Studio's preview, ``studio_view`` in the
  editor, any other view in the LMS;
* ``events`` records what the LMS received, in the workbench recorder's format.
"""

import pytest
from django.utils import translation

from .runtime import Platform


class Response:
    def __init__(self, result):
        self.status_code = result.status
        self.content = result.body
        self.json_body = result.json
        self.headers = {"Content-Type": result.content_type or ""}
        self.exception = result.exception

    def __getitem__(self, name):
        return self.headers[name]

    def json(self):
        return self.json_body


class Handlers:
    def __init__(self, platform, keys):
        self.platform = platform
        self.keys = keys

    def user(self, student):
        for user in self.platform.users.values():
            if user.username == student:
                return user
        return self.platform.user(student, role="staff" if student.startswith("staff") else "student")

    def _context(self, student, handler_or_view):
        user = self.user(student)
        if handler_or_view.startswith("studio_"):
            return self.platform.studio_editor(user)
        if handler_or_view == "author_view":
            return self.platform.studio_preview(user)
        return self.platform.lms(user)

    def post(self, usage_id, handler, data=None, student="student_1", raw=None, lang=None):
        body = raw.encode() if isinstance(raw, str) else raw
        with translation.override(lang or "en"):
            ctx = self._context(student, handler)
            return Response(ctx.handle(self.keys[usage_id], handler, data or {}, raw=body))

    def get(self, usage_id, handler, student="student_1"):
        with translation.override("en"):
            return Response(self._context(student, handler).handle(self.keys[usage_id], handler, method="GET"))

    def view(self, usage_id, view="student_view", student="student_1", lang=None):
        with translation.override(lang or "en"):
            return self._context(student, view).render(self.keys[usage_id], view)

    def block(self, usage_id, student="student_1"):
        return self.platform.lms(self.user(student)).block(self.keys[usage_id])


class Events:
    def __init__(self, platform):
        self.platform = platform

    @property
    def grades(self):
        return [{k: g.get(k) for k in ("user", "block", "raw_earned", "raw_possible", "only_if_higher")}
                for g in self.platform.events.grades]

    @property
    def completions(self):
        return [{"user": c["user"], "completion": c["completion"]} for c in self.platform.events.completions]

    @property
    def tracking(self):
        return [{"name": t["name"], "user": t["user"], "data": t["data"]} for t in self.platform.events.tracking]

    def named(self, name):
        return [e for e in self.tracking if e["name"] == name]


@pytest.fixture
def platform_env(db):
    with translation.override("en"):
        yield Platform(), {}


@pytest.fixture
def platform_scenario(platform_env):
    platform, keys = platform_env

    def make(xml):
        key = platform.add(xml, platform.subsection())
        keys[str(key)] = key
        return str(key)

    return make


@pytest.fixture
def platform_handlers(platform_env):
    return Handlers(*platform_env)


@pytest.fixture
def platform_events(platform_env):
    return Events(platform_env[0])
