"""The fixtures ``scenario``, ``handlers`` and ``events`` every integration test uses (imported by
tests/conftest.py), served by ``tests.openedx``: the interface the tests were first written
against in the xblock-sdk workbench, with the platform's behaviour behind it.

* ``scenario(xml)`` imports the block under a fresh subsection and returns its usage id as a
  string (tests slice and format it);
* ``handlers.post/get(uid, handler, data, student=...)`` is a request from that user: a name
  starting with ``staff`` is course staff (as in the workbench). Handlers named ``studio_*`` are
  called where the platform calls them, in Studio's editor; everything else in the LMS;
* ``handlers.view(uid, view)`` renders ``author_view`` in Studio's preview, ``studio_view`` in the
  editor, any other view in the LMS;
* ``handlers.author_settings(uid, **values)`` sets the block's own settings as Studio's editor or
  a course import does; ``handlers.subsection_settings(uid, **values)`` sets its subsection's,
  which the block inherits (``graded``, ``due``, ``show_correctness``, ``max_attempts``...);
* ``events`` records what the LMS received, in the workbench recorder's format.

Usage ids may be given as the string ``scenario`` returned or as the key itself.
"""

import pytest
from django.utils import translation

from .runtime import Platform


class Response:
    def __init__(self, result):
        self.status_code = result.status
        self.content = result.body
        self.json_body = result.json
        self.headers = {**result.headers, "Content-Type": result.content_type or ""}
        self.exception = result.exception

    def __getitem__(self, name):
        return self.headers[name]

    def json(self):
        return self.json_body


class Handlers:
    def __init__(self, platform, keys):
        self.platform = platform
        self.keys = keys

    def key(self, usage_id):
        return self.keys[usage_id] if isinstance(usage_id, str) else usage_id

    def author_settings(self, usage_id, **values):
        self.platform.set_settings(self.key(usage_id), **values)

    def subsection_settings(self, usage_id, **values):
        self.platform.set_settings(self.platform.unbound(self.key(usage_id)).parent, **values)

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
            return Response(ctx.handle(self.key(usage_id), handler, data or {}, raw=body))

    def get(self, usage_id, handler, student="student_1", lang=None, suffix=""):
        with translation.override(lang or "en"):
            return Response(self._context(student, handler).handle(self.key(usage_id), handler, method="GET",
                                                                   suffix=suffix))

    def view(self, usage_id, view="student_view", student="student_1", lang=None):
        with translation.override(lang or "en"):
            return self._context(student, view).render(self.key(usage_id), view)

    def block(self, usage_id, student="student_1"):
        return self.platform.lms(self.user(student)).block(self.key(usage_id))


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
    """A course, and the usage ids handed out by ``scenario``. Afterwards, every score the LMS
    received must be two numbers with ``0 <= raw_earned <= raw_possible`` (the StudentModule's
    ``grade`` and ``max_grade`` they are stored in, and the percentage the grades app computes)."""
    with translation.override("en"):
        platform = Platform()
        yield platform, {}
    for grade in platform.events.grades:
        earned, possible = grade["raw_earned"], grade["raw_possible"]
        assert isinstance(earned, (int, float)) and isinstance(possible, (int, float)), grade
        assert 0 <= earned <= possible, grade


@pytest.fixture
def scenario(platform_env):
    platform, keys = platform_env

    def make(xml):
        # "Grade as" set, as a course places its graded activities: a subsection left "Not graded"
        # (Studio's default) counts nothing, and the blocks then name no grade (platform.graded)
        key = platform.add(xml, platform.subsection(graded=True))
        keys[str(key)] = key
        return str(key)

    return make


@pytest.fixture
def handlers(platform_env):
    return Handlers(*platform_env)


@pytest.fixture
def events(platform_env):
    return Events(platform_env[0])
