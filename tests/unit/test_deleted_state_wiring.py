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
