"""The LMS's account retirement step that reaches plugins: ``LMSAccountRetirementView.post``
(``openedx/core/djangoapps/user_api/accounts/views.py``, ``POST /api/user/v1/accounts/retire_misc/``)
retires the platform's own rows of the user, then sends ``USER_RETIRE_LMS_MISC``
(``openedx/core/djangoapps/user_api/accounts/signals.py``, a plain ``django.dispatch.Signal``)
with ``sender`` the view's class and ``user`` the ``User`` being retired; receivers' return values
are ignored and an exception in one makes the view answer 500 (``send``, not ``send_robust``).
"""

from django.dispatch import Signal

USER_RETIRE_LMS_MISC = Signal()


class LMSAccountRetirementView:
    """Stands for the view as the sender of the signal."""


def retire_misc(user):
    """The view's call, as it makes it for ``retirement.user``."""
    USER_RETIRE_LMS_MISC.send(sender=LMSAccountRetirementView, user=user)
