"""``emm_xblocks.apps.connect_deleted_state``: the receiver of a deleted StudentModule is connected
only where the LMS's courseware app is installed (``lms/envs/common.py`` lists
``lms.djangoapps.courseware``; its model is ``courseware.StudentModule``,
``lms/djangoapps/courseware/models.py``) and the platform's ``anonymous_id_for_user`` imports
(``common/djangoapps/student/models``); anywhere else nothing is connected and nothing fails.
The receiver itself: tests/integration/test_knowledge_check.py (``delete_state``)."""

import sys
import types

from django.apps import apps
from django.db.models.signals import post_delete

from emm_xblocks.apps import COURSEWARE, connect_deleted_state
from emm_xblocks.common import deleted_state


class FakeStudentModule:
    pass


def _courseware_installed(monkeypatch, model=None):
    real_get_model = apps.get_model

    def get_model(app_label, model_name=None, **kwargs):
        if (app_label, model_name) == ("courseware", "StudentModule"):
            if model is None:
                raise LookupError("No installed app with label 'courseware'.")
            return model
        return real_get_model(app_label, model_name, **kwargs)

    monkeypatch.setattr(apps, "is_installed", lambda name: name == COURSEWARE)
    monkeypatch.setattr(apps, "get_model", get_model)


def test_nothing_is_connected_without_the_courseware_app():
    assert connect_deleted_state() is False  # the tests' (workbench) settings


def test_nothing_is_connected_when_the_model_or_the_anonymous_id_cannot_be_found(monkeypatch):
    _courseware_installed(monkeypatch, model=None)
    assert connect_deleted_state() is False
    _courseware_installed(monkeypatch, model=FakeStudentModule)
    monkeypatch.setitem(sys.modules, "common.djangoapps.student.models", None)  # import fails
    assert connect_deleted_state() is False
    assert not post_delete.has_listeners(FakeStudentModule)


def test_the_lms_model_gets_one_receiver(monkeypatch):
    _courseware_installed(monkeypatch, model=FakeStudentModule)
    student_models = types.ModuleType("common.djangoapps.student.models")
    student_models.anonymous_id_for_user = lambda user, course_id: "a" * 32
    for name in ("common", "common.djangoapps", "common.djangoapps.student"):
        monkeypatch.setitem(sys.modules, name, sys.modules.get(name) or types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "common.djangoapps.student.models", student_models)
    assert connect_deleted_state() is True
    assert connect_deleted_state() is True  # ready() run twice: still one receiver
    assert post_delete.has_listeners(FakeStudentModule)
    assert deleted_state.disconnect(FakeStudentModule) is True
    assert deleted_state.disconnect(FakeStudentModule) is False  # there was one
    assert not post_delete.has_listeners(FakeStudentModule)


# ------------------------------------------------------------------ the learner's completion (decision 109)
class FakeKey:
    """A usage key: ``context_key`` (with ``is_course`` and ``run``), ``replace(course_key=)``."""

    def __init__(self, run="2026"):
        self.context_key = types.SimpleNamespace(is_course=True, run=run)

    def replace(self, course_key):
        key = FakeKey()
        key.context_key = course_key
        return key


class FakeManager:
    def __init__(self):
        self.submitted = []

    def submit_completion(self, user, block_key, completion):  # completion/models.py's signature
        self.submitted.append((user, block_key, completion))


def test_the_completion_goes_back_to_zero_through_the_completion_app_only_while_it_tracks_completion():
    model = types.SimpleNamespace(objects=FakeManager())
    switch = {"on": False}
    reset = deleted_state.completion_reset(model, lambda: switch["on"])
    key = FakeKey()
    assert reset("ana", key, "course") is False  # submit_completion would raise RuntimeError
    assert model.objects.submitted == []
    switch["on"] = True
    assert reset("ana", key, "course") is True
    assert model.objects.submitted == [("ana", key, 0.0)]
    old_mongo = FakeKey(run=None)  # refused by submit_completion: the row's course key (with its run) first
    reset("ana", old_mongo, "the row's course")
    assert model.objects.submitted[-1][1].context_key == "the row's course"


def _completion_app(monkeypatch, model, switch):
    package = types.ModuleType("completion")
    models = types.ModuleType("completion.models")
    models.BlockCompletion = model
    waffle = types.ModuleType("completion.waffle")
    waffle.ENABLE_COMPLETION_TRACKING_SWITCH = switch
    package.models, package.waffle = models, waffle
    for name, module in (("completion", package), ("completion.models", models), ("completion.waffle", waffle)):
        monkeypatch.setitem(sys.modules, name, module)


def test_the_completion_is_reset_where_the_completion_app_is_installed(monkeypatch):
    from emm_xblocks import apps as emm_apps

    monkeypatch.setattr(apps, "is_installed", lambda name: False)
    assert emm_apps.completion_reset() is None  # the workbench: no app, nothing reset
    monkeypatch.setattr(apps, "is_installed", lambda name: name == emm_apps.COMPLETION)
    model = types.SimpleNamespace(objects=FakeManager())
    _completion_app(monkeypatch, model, types.SimpleNamespace(is_enabled=lambda: True))
    reset = emm_apps.completion_reset()
    key = FakeKey()
    assert reset("ana", key, "course") is True and model.objects.submitted == [("ana", key, 0.0)]
    _completion_app(monkeypatch, model, None)  # a release without the switch: nothing reset, nothing fails
    assert emm_apps.completion_reset() is None
