"""What every block's pure model uses to report problems (pure: no XBlock, no Django).

Validators return ``Problem`` objects — they never raise on an author's mistake — and take the
translator ``_`` as an argument, so one function serves Studio's editor, ``validate()`` and tests.
Learner submissions that break a rule raise ``SubmissionError`` with a stable code.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One author mistake: ``field`` names where (``statements.2.id``); ``error`` blocks saving."""

    field: str
    message: str
    error: bool = True

    def as_json(self):
        return {"field": self.field, "message": self.message, "error": self.error}


class SubmissionError(ValueError):
    """A learner's request breaks a rule: ``code`` is stable, ``message`` translated."""

    def __init__(self, code, message, **extra):
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


def errors(problems):
    return [p for p in problems if p.error]
