"""``emm_likert``: the Likert evaluation XBlock, a thin shell around the pure modules.

Fields come from ``content.SETTINGS`` (settings) and ``content.CONTENT_FIELDS``; the learner's
fields are ``learner.State``'s. Handlers load the content once, call a pure action and let
``common.pipeline`` keep and publish what it decided. The instructor's "Delete learner state"
frees an anonymous learner's one-time claim through the deleted state row
(``common.deleted_state``): the block has no ``clear_student_state``, so the platform resets the
learner's score itself.
"""

from xblock.completable import CompletableXBlockMixin
from xblock.fields import Dict, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from ..common.answers_by_day import EVALUATION, AnswersByDayMixin
from ..common.base import EmmBlockBase
from ..common.downloads import download_handler
from ..common.editing import EditableContentMixin
from ..common.errors import HandlerError
from ..common.grading import StoredScoreMixin
from ..common.handlers import json_handler
from ..common.i18n import N_
from ..common.learner_data import LearnerDataMixin
from ..common.live_room import LiveRoomMixin
from ..common.pack import FacilitatorPackMixin
from ..common.pipeline import learner_handler, reply_keys, shaped
from ..common.settings import settings_fields
from ..common.state_fields import state_fields
from ..common.summary import tallies
from . import changes, content, editor, export, learner, live, olx, pack, report, results, scoring, validation, views
from .comments import next_page as next_comments


class LikertBlock(AnswersByDayMixin, LiveRoomMixin, EditableContentMixin, LearnerDataMixin, StoredScoreMixin,
                  ScorableXBlockMixin, CompletableXBlockMixin, FacilitatorPackMixin,
                  settings_fields(content.SETTINGS), state_fields(learner.State), EmmBlockBase):
    """Learners rate statements on an agreement (or other) scale; staff read the report."""

    block_type = "emm_likert"
    content_module, validation_module, olx_module, editor_module, views_module = (
        content, validation, olx, editor, views)
    report_module = report  # the instructor's problem responses report (common.learner_data)
    live_module = live  # the live room (common.live_room)
    state_class = learner.State
    changes_module = changes
    description_of = staticmethod(learner.description)  # what the course report keeps of it (decision 24)
    search_type = "EMM Likert evaluation"
    not_saved_message = N_("The evaluation was not saved: please fix the errors.")
    block_js = "js/emm-likert.js"
    block_css = "css/emm-likert.css"
    js_class = "EmmLikert"
    by_day_kind = EVALUATION  # staff's answers by day, in the results panel (common.answers_by_day)
    pack_module, pack_template = pack, "templates/likert/pack.html"  # the facilitator pack (common.pack)

    content = Dict(scope=Scope.content, default={},
                   help=N_("The evaluation: statements, introduction, custom labels, comment prompt, "
                           "profile question"))
    # where 0.1 kept the content (``content.LEGACY_FIELDS``): read while ``content`` is empty,
    # set back to their defaults by the next save (decision 49)
    statements = List(scope=Scope.content, default=[])
    custom_labels = List(scope=Scope.settings, default=[])
    intro = String(scope=Scope.content, default="")
    comment_prompt = String(scope=Scope.settings, default="")
    scale_epoch = Integer(scope=Scope.settings, default=0)
    past_scales = List(scope=Scope.settings, default=[])
    profile_prompt = String(scope=Scope.settings, default="")
    profile_options = List(scope=Scope.settings, default=[])

    # ---------------------------------------------------------------- grading (LMS contract)
    @property
    def has_score(self):
        return bool(self.participation_graded)

    def max_score(self):
        return 1.0

    def has_submitted_answer(self):
        return self.submitted

    def calculate_score(self):
        """Participation credit: full marks once the evaluation is submitted (``scoring.counted_score``)."""
        counted = scoring.counted_score(self.load_content(), self.learner_state())
        return Score(*(counted or (0.0, self.max_score())))

    # ---------------------------------------------------------------- views

    def answer_changes(self, content):
        """``EditableContentMixin``'s, the scale's warning kept only where answers are stored on
        the scale changed (``changes.without_unanswered_scale``: the store's tallies read then)."""
        found, answered = super().answer_changes(content)
        if any(problem.field == "scale" for problem in found):
            found = changes.without_unanswered_scale(found, self.load_content(), tallies(self.store_key()))
        return found, answered

    def search_text(self):
        return " ".join([self.display_name] + [s.text for s in self.load_content().statements])

    def results_allowed(self, survey=None, submitted=None):
        """Staff, or a learner who submitted when the author shows them the results; ``survey``
        and ``submitted``: the content and the learner's state, if the caller holds them."""
        return results.allowed(self.load_content() if survey is None else survey,
                               self.submitted if submitted is None else submitted, self.is_staff())

    # ---------------------------------------------------------------- learner handlers
    submit = learner_handler(learner.submit, respond=views.respond, replay=learner.submit_replayed)
    state = learner_handler(learner.current, writes=False, respond=views.respond_state)


    @json_handler
    def get_results(self, data, suffix=""):
        """The results panel: its figures and its HTML (``views.results_json``); the page asks
        ``"reply": "page"`` and gets the HTML alone (``views.RESULTS_PAGE_READS``). A plain JSON
        handler, not a ``learner_handler``: it reads the group's figures, not the learner's state,
        and runs no action (staff's read also refreshes the block's description, decision 24)."""
        keys = reply_keys(data, views.RESULTS_PAGE_READS, self.ugettext)
        if not self.results_allowed():
            raise HandlerError("forbidden", self.ugettext("The results are not available to you."))
        if self.is_staff():  # content imported (no editor's save) reaches the course report (decision 24)
            self.refresh_description()
        return shaped(views.results_json(self), keys)

    def leave_out_reply(self, data):
        return reply_keys(data, views.RESULTS_PAGE_READS, self.ugettext)

    def after_leave_out(self, keys, day, left):
        """``leave_out_day``'s answer (``common.answers_by_day``): ``get_results``'s, the panel
        refreshed, saying what was left out (``"reply": "page"``: its HTML alone)."""
        self.refresh_description()  # the course report labels the figures it reads (decision 24)
        return shaped(views.results_json(self, left_out=(day, left)), keys)

    @json_handler
    def comments_page(self, data, suffix=""):
        """POST ``{"after": {"head", "id"}, "limit": n}``, course staff as themselves (as
        ``leave_out_day``): the next page of the comments the results panel lists
        (``comments.next_page``: ``{"comments", "total", "next"}``)."""
        self.require_staff_as_themselves()
        return next_comments(self, data)

    @download_handler
    def export_csv(self, request, suffix=""):
        """GET, course staff: every submission as a CSV (``export.csv_response``); ``…/excel``, its Excel variant."""
        return export.csv_response(self, suffix)

    @download_handler
    def export_profile_csv(self, request, suffix=""):
        """GET, course staff: the figures by participant profile as a CSV (``export.profile_csv_response``)."""
        return export.profile_csv_response(self, suffix)

    @download_handler
    def export_codebook(self, request, suffix=""):
        """GET, course staff: what each column and value of the CSV means (``export.codebook_response``)."""
        return export.codebook_response(self, suffix)

    # ---------------------------------------------------------------- LMS reports
