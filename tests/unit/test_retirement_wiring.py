"""``emm_xblocks.apps.connect_retirement``: the receiver of a retired account is connected where
the platform's ``USER_RETIRE_LMS_MISC`` (``openedx/core/djangoapps/user_api/accounts/signals.py``)
and ``AnonymousUserId`` (``common/djangoapps/student/models.py``) import; anywhere else nothing is
connected and nothing fails. The receiver itself: tests/integration/test_platform_retirement.py."""

import sys
import types

from django.dispatch import Signal

from emm_xblocks.apps import connect_retirement
from emm_xblocks.common import retirement


def _platform_modules(monkeypatch, signal, anonymous_user_id):
    for name in ("common", "common.djangoapps", "common.djangoapps.student", "openedx", "openedx.core",
                 "openedx.core.djangoapps", "openedx.core.djangoapps.user_api",
                 "openedx.core.djangoapps.user_api.accounts"):
        monkeypatch.setitem(sys.modules, name, sys.modules.get(name) or types.ModuleType(name))
    student_models = types.ModuleType("common.djangoapps.student.models")
    student_models.AnonymousUserId = anonymous_user_id
    signals = types.ModuleType("openedx.core.djangoapps.user_api.accounts.signals")
    signals.USER_RETIRE_LMS_MISC = signal
    monkeypatch.setitem(sys.modules, "common.djangoapps.student.models", student_models)
    monkeypatch.setitem(sys.modules, "openedx.core.djangoapps.user_api.accounts.signals", signals)


def test_nothing_is_connected_outside_the_platform():
    assert connect_retirement() is False  # the tests' (workbench) settings: no such modules


def test_the_platform_signal_gets_one_receiver_reading_the_users_anonymous_ids(monkeypatch):
    signal, asked = Signal(), []

    class Rows:
        def filter(self, user):
            asked.append(user)
            return self

        def values_list(self, field, flat):
            assert (field, flat) == ("anonymous_user_id", True)
            return []

    _platform_modules(monkeypatch, signal, types.SimpleNamespace(objects=Rows()))
    assert connect_retirement() is True
    assert connect_retirement() is True  # ready() run twice: still one receiver
    assert len(signal.receivers) == 1
    [(_receiver, deleted)] = signal.send(sender=object, user="ana")
    assert asked == ["ana"] and deleted == 0
    assert signal.disconnect(dispatch_uid=retirement.DISPATCH_UID) is True


def test_every_model_says_what_personal_data_it_holds_as_oep_30_asks():
    """The platform's PII audit (OEP-30, ``code_annotations``) reads one annotation per model: ``..
    no_pii:``, or ``.. pii:`` with ``.. pii_types:`` and ``.. pii_retirement:``. The one model that
    holds a learner's words is the one the retirement deletes from."""
    from django.apps import apps as django_apps

    holding = []
    for model in django_apps.get_app_config("emm_xblocks").get_models():
        doc = model.__doc__ or ""
        kinds = [".. no_pii:" in doc, ".. pii:" in doc]
        assert kinds.count(True) == 1, model.__name__
        if ".. pii:" in doc:
            assert ".. pii_types:" in doc and ".. pii_retirement: local_api" in doc, model.__name__
            holding.append(model.__name__)
    assert holding == ["Comment"]
