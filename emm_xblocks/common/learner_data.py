"""``LearnerDataMixin``: what the mobile apps and the instructor's problem responses report read of
a learner block, the same three entry points in every block that takes answers.

* ``student_view_data`` -- the mobile apps' copy of the content, read once per course with no
  learner (``lms/djangoapps/course_api/blocks/transformers/student_view.py``): the block's
  ``views.student_view_data(content)``, never an answer key.
* ``student_view_user_state`` -- GET, the learner's own state for the apps:
  ``views.user_state(block, content, state, refusal)``, and in every block ``refusal``: None, or
  ``{"error": code, "message": text}`` where the page shows its buttons disabled because every
  write would be refused (``pipeline.write_refusal``: past a graded block's due date, or staff
  viewing as a learner); each block's own "may act" flags then say no too (bug hunt s43: the apps
  offered a form or "Try again" the page had closed).
* ``generate_report_data`` -- the rows of the LMS's "problem responses" report
  (``lms/djangoapps/instructor_task/tasks_helper/grades.py``, ``ProblemResponses``), built on the
  unbound block: ``report.report_data(content, user_state_iterator, gettext, limit_responses)``,
  whose docstring gives each block's row.

A block names its ``views_module`` and ``report_module``. The staff-only evaluation report takes no
answers and has none of these (the platform then lists nothing of it in that report).
"""

from .errors import json_response
from .handlers import get_handler
from .pipeline import write_refusal


class LearnerDataMixin:
    """The apps' and the instructor report's reads of a block (see the module's docstring)."""

    report_module = None  # ``views_module``: ``EditableContentMixin``'s, named by every block

    def student_view_data(self, context=None):
        """For the mobile apps (called once per course, with no learner): the content only."""
        return self.views_module.student_view_data(self.load_content())

    @get_handler
    def student_view_user_state(self, request, suffix=""):
        """GET: the learner's own state, for the mobile apps (``student_view_data`` has no learner),
        with the refusal every write would get now (see the module's docstring)."""
        refusal = write_refusal(self)
        body = self.views_module.user_state(self, self.load_content(), self.learner_state(), refusal)
        response = json_response({**body, "refusal": None if refusal is None else refusal.body()})
        response.cache_control = "private, no-store"  # the learner's own answers (bug hunt s44)
        return response

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows of the LMS "problem responses" report, ``(username, {column: text})`` for each
        learner of ``user_state_iterator`` (objects with ``.username`` and ``.state``, the stored
        fields), at most ``limit_responses`` rows: the block's ``report.report_data``."""
        yield from self.report_module.report_data(self.load_content(), user_state_iterator, self.report_gettext(),
                                                  limit_responses)
