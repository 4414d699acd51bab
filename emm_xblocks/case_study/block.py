"""``emm_case_study``: the migration case-study XBlock, a thin shell around the pure modules.

Fields come from ``content.SETTINGS`` (settings) and ``content.CONTENT_FIELDS``; the learner's
fields are ``learner.State``'s. Handlers load the content once, call a pure action and let
``common.pipeline`` keep and publish what it decided: the attempt number is claimed in the
aggregate store (``attempt-<n>``) before anything is kept, so two submits sent at the same
moment cannot take a learner past ``attempts_allowed``.
"""

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Dict, Scope
from xblock.scorable import ScorableXBlockMixin, Score

from ..common import platform
from ..common.answers_by_day import CASE_STUDY, AnswersByDayMixin
from ..common.base import EmmBlockBase
from ..common.downloads import download_handler
from ..common.editing import EditableContentMixin
from ..common.grading import StoredScoreMixin
from ..common.i18n import N_
from ..common.learner_data import LearnerDataMixin
from ..common.live_room import LiveRoomMixin
from ..common.pack import FacilitatorPackMixin
from ..common.pipeline import kept_on_view, learner_handler
from ..common.sanitize import plain_text
from ..common.settings import settings_fields
from ..common.state_fields import state_fields
from . import changes, content, editor, export, learner, live, olx, pack, report, scoring, validation, views


def _served(block):
    """What the actions that may reveal the answers take of the platform: whether it lets them through
    now (``learner.submit``'s ``served``): the answers are recorded as shown only then (bug hunt s44)."""
    return {"served": platform.answers_available(block)}


def _clock(block):
    """What ``learner.save_draft`` takes of the platform: the time now, in milliseconds (the draft's save time)."""
    return {"now": int(platform.now().timestamp() * 1000)}


def _closed(block):
    """What the read of the learner's state takes of the platform: whether the due date has passed
    (``learner.current``'s ``closed``: no attempt left, the last one's results shown)."""
    return {"closed": platform.is_past_due(block)}


class CaseStudyBlock(AnswersByDayMixin, LiveRoomMixin, EditableContentMixin, LearnerDataMixin,
                     StoredScoreMixin, ScorableXBlockMixin, CompletableXBlockMixin, FacilitatorPackMixin,
                     settings_fields(content.SETTINGS), state_fields(learner.State), EmmBlockBase):
    """A migration case (narrative, documents) and the questions that apply law and policy to it."""

    block_type = "emm_case_study"
    content_module, validation_module, olx_module, editor_module, views_module = (
        content, validation, olx, editor, views)
    report_module = report  # the instructor's problem responses report (common.learner_data)
    changes_module = changes
    live_module = live  # the live room (common.live_room)
    state_class = learner.State
    search_type = "EMM case study"
    not_saved_message = N_("The case was not saved: please fix the errors.")
    block_js = "js/emm-case-study.js"
    block_css = "css/emm-case-study.css"
    js_class = "EmmCaseStudy"
    by_day_kind = CASE_STUDY  # staff's answers by day (common.answers_by_day)
    pack_module, pack_template = pack, "templates/case_study/pack.html"  # the facilitator pack (common.pack)

    content = Dict(scope=Scope.content, default={},
                   help=N_("The case: narrative, sections, key facts, documents, images, questions, analysis"))

    # ---------------------------------------------------------------- grading (LMS contract)
    has_score = True

    def max_score(self):
        return self.load_content().max_points

    def has_submitted_answer(self):
        # the attempts kept, not their count: the platform's "Reset attempts" sets ``attempts`` to 0
        # and keeps the rest, and those attempts still count for the grade (a rescore must reach them)
        return bool(self.history)

    def calculate_score(self):
        """Every attempt rescored from its stored answers with the current key; best or last counts."""
        return Score(*scoring.counted_score(self.load_content(), self.history))

    # ---------------------------------------------------------------- views
    @XBlock.supports("multi_device")  # on the view itself, as ``EditableContentMixin``'s
    def student_view(self, context=None):
        """The learner's page, and with it the answers shown since the learner's last action (once the
        due date has passed: the platform's ``show_correctness`` "past_due", the author's "After the
        last attempt") recorded as shown, once
        (``learner.answers_seen``, kept by ``pipeline.kept_on_view``; bug hunt s44). Most pages ask
        nothing more: no attempt yet, or the answers recorded already."""
        state, seen = self.learner_state(), None
        if state.history and not state.answers_shown:
            seen = learner.answers_seen(self.load_content(), state, platform.answers_available(self),
                                        platform.is_past_due(self))
        frag = super().student_view(context)
        kept_on_view(self, seen)  # once the page is built: nothing recorded of a page that failed
        return frag

    def live_answers_shown(self, content):
        """The live room's Reveal: only where the author's "Show answers" is not Never and the
        platform lets the answers through to the room's learners (its ``showanswer`` not ``never``,
        its ``show_correctness`` showing them: ``platform.answers_available``, as for a learner:
        the wall is the room's, though staff project it)."""
        return live.answers_shown(content) and platform.answers_available(self, learners=True)

    def search_text(self):
        case = self.load_content()
        return " ".join([case.display_name, plain_text(case.narrative), *case.key_facts,
                         *(plain_text(q.prompt) for q in case.questions)])

    # ---------------------------------------------------------------- learner handlers
    save_draft = learner_handler(learner.save_draft, replay=learner.save_draft_replayed, bind=_clock)
    submit = learner_handler(learner.submit, respond=views.respond, replay=learner.current, page=views.PAGE_READS,
                             bind=_served)
    self_assess = learner_handler(learner.self_assess, respond=views.respond, replay=learner.current,
                                  page=views.PAGE_READS, bind=_served)
    try_again = learner_handler(learner.try_again, respond=views.respond, replay=learner.try_again_replayed)
    state = learner_handler(learner.current, writes=False, respond=views.respond, page=views.PAGE_READS,
                            bind=_closed)
    document_opened = learner_handler(learner.document_opened, writes=False, respond=views.respond_document)


    @download_handler
    def export_distribution(self, request, suffix=""):
        """GET, staff only: how participants answered, by profile where asked (``export.distribution_response``);
        ``…/excel``: its Excel variant."""
        return export.distribution_response(self, suffix)

    # ---------------------------------------------------------------- LMS reports
