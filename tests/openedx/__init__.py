"""A test runtime that behaves as Open edX does (see docs/platform-runtime.md).

Use ``Platform`` for a course: ``platform.subsection(...)``, ``platform.add(olx, parent)``,
``platform.user(name, role)``, then a context: ``platform.lms(user)``,
``platform.lms(staff, masquerade_as=learner)``, ``platform.lms_noauth(user)`` (the LMS's
``handler_noauth`` address), ``platform.studio_preview(author)``,
``platform.studio_editor(author)``; each offers ``render(key)``, ``html(key)``,
``handle(key, handler, data)`` and ``block(key)``. The instructor's tools, the mobile Blocks
API's ``collect`` and the problem-responses report are in ``tests.openedx.instructor``.
Every module names the platform file it follows.
"""

from .instructor import (
    delete_state,
    delete_state_all,
    mobile_collect,
    override_score,
    problem_responses,
    rescore,
    reset_attempts,
    reset_attempts_all,
)
from .masquerade import REFUSAL
from .runtime import HandlerResult, Platform

__all__ = ["Platform", "HandlerResult", "REFUSAL", "rescore", "override_score", "reset_attempts",
           "reset_attempts_all", "delete_state", "delete_state_all", "mobile_collect", "problem_responses"]
