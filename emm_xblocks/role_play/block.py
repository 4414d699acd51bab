"""``emm_role_play``: the branching scenario role-play XBlock, a thin shell around the pure modules.

The scenario stays on the server. A learner's attempt is ``role`` + ``path`` (node ids) +
``taken`` (choice indexes); the browser gets only the current node and the labels of its
available choices under opaque HMAC ids (``learner.choice_token``), until an ending reveals
the debrief, the score and the best path. Handlers load the content once, call a pure action
(``learner``) and let ``common.pipeline`` keep and publish what it decided.
"""


from xblock.completable import CompletableXBlockMixin
from xblock.fields import Dict, Scope
from xblock.scorable import ScorableXBlockMixin, Score

from ..common import platform
from ..common.answers_by_day import ROLE_PLAY, AnswersByDayMixin
from ..common.base import EmmBlockBase
from ..common.downloads import download_handler
from ..common.editing import EditableContentMixin, editor_handler
from ..common.editor_json import typed_html
from ..common.grading import StoredScoreMixin
from ..common.i18n import N_
from ..common.learner_data import LearnerDataMixin
from ..common.live_room import LiveRoomMixin
from ..common.pack import FacilitatorPackMixin
from ..common.pipeline import learner_handler
from ..common.settings import settings_fields
from ..common.state_fields import state_fields
from . import changes, content, editor, export, learner, live, olx, pack, report, scoring, validation, views


class RolePlayBlock(AnswersByDayMixin, LiveRoomMixin, EditableContentMixin, LearnerDataMixin, StoredScoreMixin,
                    ScorableXBlockMixin, CompletableXBlockMixin, FacilitatorPackMixin,
                    settings_fields(content.SETTINGS), state_fields(learner.State), EmmBlockBase):
    """Learners take a role, decide in a branching scenario, live the consequences, read a debrief."""

    block_type = "emm_role_play"
    content_module, validation_module, olx_module, editor_module, views_module = (
        content, validation, olx, editor, views)
    report_module = report  # the instructor's problem responses report (common.learner_data)
    changes_module = changes
    live_module = live  # the live room (common.live_room)
    state_class = learner.State
    search_type = "EMM role-play"
    not_saved_message = N_("The role-play was not saved: please fix the errors.")
    block_js = "js/emm-role-play.js"
    block_css = "css/emm-role-play.css"
    js_class = "EmmRolePlay"
    by_day_kind = ROLE_PLAY  # staff's answers by day (common.answers_by_day)
    pack_module, pack_template = pack, "templates/role_play/pack.html"  # the facilitator pack (common.pack)

    content = Dict(scope=Scope.content, default={},
                   help=N_("The scenario: intro, roles, nodes and choices, grade bands"))


    def choice_secret(self):
        """The key of the choices' opaque ids (never sent to a browser)."""
        return platform.secret(self, "choices")

    # ---------------------------------------------------------------- grading (LMS contract)
    has_score = True

    def max_score(self):
        return scoring.MAX_SCORE

    def has_submitted_answer(self):
        return bool(self.finished)

    def calculate_score(self):
        """From the stored paths of the ended attempts, with the current scenario (best or last), exact."""
        return Score(*scoring.counted_score(self.load_content(), self.finished))

    # ---------------------------------------------------------------- views

    def search_text(self):
        scenario = self.load_content()
        return " ".join([scenario.display_name] + [r.label for r in scenario.roles])

    # ---------------------------------------------------------------- learner handlers
    state = learner_handler(learner.current, writes=False, respond=views.respond)
    # a repeated action (its reply was lost) answers with the panel of where the learner is now
    # not ``start``: every block in the LMS has a ``start`` field, the release date (InheritanceMixin),
    # which a handler of that name hid (bug hunt s42)
    begin = learner_handler(learner.begin, respond=views.respond, replay=learner.current)
    # the choice tokens are signed with the block's secret (``choice_secret``): bound on each request
    choose = learner_handler(learner.choose, respond=views.respond_choice, replay=learner.current,
                             bind=lambda block: {"secret": block.choice_secret()})
    back = learner_handler(learner.back, respond=views.respond, replay=learner.current)
    restart = learner_handler(learner.restart, respond=views.respond, replay=learner.current)


    # ---------------------------------------------------------------- the editor
    def from_editor(self, data, _):
        """The editor's save and check: its XML tab knows the platform's fields on the block
        (``visible_to_staff_only``, ``due``...) as an import knows them, and does not read them
        (``editor.from_editor``, decision 114)."""
        return editor.from_editor(data, _, platform=frozenset(self.platform_fields()))

    @editor_handler
    def studio_convert(self, data, suffix=""):
        """The editor switches tabs: the form as XML, or the XML as the form. Nothing is saved;
        ``scenario`` is None (and ``problems`` says why) when the input, or a value in it, cannot be
        read (``editor.for_other_tab``: the other tab would show its default)."""
        self._require_editor()
        scenario, problems = editor.for_other_tab(data, self.author_gettext(),
                                                  platform=frozenset(self.platform_fields()))
        # the form's HTML as the author typed it ("&", not "&amp;": bug hunt s44); the XML as saved
        shown = editor.to_editor(scenario, self.unknown_olx, self.fields) if scenario is not None else None
        return {"scenario": typed_html(shown) if shown is not None else None,
                "problems": [p.as_json() for p in problems]}

    # ---------------------------------------------------------------- staff reports
    @download_handler
    def export_perspectives(self, request, suffix=""):
        """GET, staff only: how each role chose and how each role's scenario ended, as a CSV
        (``…/excel``: its Excel variant)."""
        return export.perspectives_response(self, suffix)

    # ---------------------------------------------------------------- LMS reports
