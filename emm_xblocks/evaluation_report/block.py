"""``emm_evaluation_report``: the course's evaluation report (issue 11 §2), for course staff.

An author places it once in the course (a unit visible to staff only). Staff read there every
Likert evaluation's figures of the course (reaction, Kirkpatrick level 1: ``report.py``) and every
knowledge-check pair's, before and after the training (learning, level 2: ``learning.py``), and
download them as one CSV; learners see nothing of it. It has no learner action,
no grade, and counts for no one's completion (``XBlockCompletionMode.EXCLUDED``).
"""

from xblock.completable import XBlockCompletionMode

from ..common.base import EmmBlockBase
from ..common.downloads import download_handler
from ..common.editing import EditableContentMixin
from ..common.i18n import N_
from ..common.settings import settings_fields
from . import content, course_figures, editor, export, learner, olx, validation, views


class EvaluationReportBlock(EditableContentMixin, settings_fields(content.SETTINGS), EmmBlockBase):
    """The reaction to the training and what was learned, over every evaluation and knowledge-check
    pair of the course (staff only)."""

    block_type = "emm_evaluation_report"
    content_module, validation_module, olx_module, editor_module, views_module = (
        content, validation, olx, editor, views)
    state_class = learner.State
    search_type = "EMM evaluation report"
    not_saved_message = N_("The report was not saved: please fix the errors.")
    block_js = "js/emm-evaluation-report.js"
    block_css = "css/emm-evaluation-report.css"
    js_class = "EmmEvaluationReport"
    completion_mode = XBlockCompletionMode.EXCLUDED
    has_score = False

    @classmethod
    def workbench_scenarios(cls):
        """The report's demos, then the demo courses that end with it (``workbench/scenarios/course/``:
        the three-day Niger training, English and French; ``make demo-data`` fills them)."""
        from ..workbench.scenarios import courses

        return [*super().workbench_scenarios(), *courses()]

    def search_text(self):
        return ""  # staff only: nothing for the course search

    def index_dictionary(self):
        """Nothing of the report in the course search (learners could find it there)."""
        return {}

    def content_warnings(self, content, _):
        """A key-figure statement id no answered evaluation of the course asks (a typo), said at the save."""
        if not content.headline_statement:
            return []
        return validation.headline_warnings(content, course_figures.statement_ids(self), _)

    @download_handler
    def export_csv(self, request, suffix=""):
        """GET: every figure of the report as a CSV (course staff only); ``…/export_csv/excel``, its
        Excel variant (``common.spreadsheet.excel``)."""
        return export.csv_response(self, suffix)
