"""``AttemptsMixin``: attempt numbers that two simultaneous requests cannot both take.

Each attempt is a claim ``attempt-<n>`` in the aggregate store (a unique row), taken before the
learner's state is saved: of two submits sent at the same moment only one gets the number. When
course staff reset a learner's state in the LMS, the old claims stay behind; a claim older than
``STALE_SECONDS`` whose number the learner's state says is free is taken over.
"""

from . import store
from .errors import HandlerError

STALE_SECONDS = 120


class AttemptsMixin:
    def claim_attempt(self, number):
        """Take attempt ``number`` for the current learner, or answer 409 ``submit_conflict``."""
        try:
            store.claim(self.block_key(), self.user_key(), f"attempt-{number}", stale_after=STALE_SECONDS)
        except store.AlreadyClaimed:
            raise HandlerError(409, "submit_conflict", self.ugettext(
                "This attempt was already submitted from another window. Reload the page.")) from None
