"""``emm_knowledge_check``: the pre/post knowledge-check XBlock, a thin shell around the pure modules.

Fields come from ``content.SETTINGS`` (settings) and ``content.CONTENT_FIELDS``; the learner's
fields are ``learner.State``'s. ``submit`` runs through ``common.pipeline`` (refused while staff
view as a learner, or past the due date of a graded block): the result is filed under the
learner's pair token first (a second answer to the same phase of a pair is refused there), then
the state, the grade (if any), completion and the tracking event. The same submit sent again
(its reply lost: the same action id) is answered with its results from the learner's state and
changes nothing (``learner.current``, decision 22); ``state`` gives the page those results after
any failure. The instructor's "Delete learner state" reaches the filed result through the
deleted state row (``common.deleted_state``): the block has no ``clear_student_state``, so the
platform resets the learner's score itself.
"""

from xblock.completable import CompletableXBlockMixin
from xblock.fields import Dict, Scope
from xblock.scorable import ScorableXBlockMixin, Score
from xblock.validation import ValidationMessage

from ..common import course_outline, pairs, platform
from ..common.base import EmmBlockBase
from ..common.editing import EditableContentMixin
from ..common.grading import StoredScoreMixin
from ..common.i18n import N_, default_translated
from ..common.ids import is_valid_id
from ..common.learner_data import LearnerDataMixin
from ..common.pack import FacilitatorPackMixin
from ..common.pipeline import learner_handler
from ..common.sanitize import plain_text
from ..common.settings import settings_fields
from ..common.state_fields import state_fields
from . import changes, content, editor, learner, olx, pack, report, scoring, validation, views


class KnowledgeCheckBlock(EditableContentMixin, LearnerDataMixin, StoredScoreMixin, ScorableXBlockMixin,
                          CompletableXBlockMixin, FacilitatorPackMixin, settings_fields(content.SETTINGS),
                          state_fields(learner.State), EmmBlockBase):
    """The same questions before and after the training; learners see both scores after the post-test."""

    block_type = "emm_knowledge_check"
    content_module, validation_module, olx_module, editor_module, views_module = (
        content, validation, olx, editor, views)
    report_module = report  # the instructor's problem responses report (common.learner_data)
    changes_module = changes  # a paired test's questions, pair key or phase edited once results are filed: confirmed
    description_of = staticmethod(learner.description)  # what the course report keeps of it (decision 24)
    state_class = learner.State
    search_type = "EMM knowledge check"
    not_saved_message = N_("The knowledge check was not saved: please fix the errors.")
    block_js = "js/emm-knowledge-check.js"
    block_css = "css/emm-knowledge-check.css"
    js_class = "EmmKnowledgeCheck"
    pack_module, pack_template = pack, "templates/knowledge_check/pack.html"  # the facilitator pack (common.pack)

    content = Dict(scope=Scope.content, default={}, help=N_("The knowledge check: introduction and questions"))

    # ---------------------------------------------------------------- grading (LMS contract)
    @property
    def has_score(self):
        return self.grading in (content.PARTICIPATION, content.SCORE)

    def max_score(self):
        check = self.load_content()
        return check.max_points if check.grading == content.SCORE else 1.0

    def has_submitted_answer(self):
        return self.submitted

    def calculate_score(self):
        """From the stored answers, with the current key: participation or the points (post-test)."""
        check = self.load_content()
        counted = scoring.counted_score(check, self.learner_state())
        return Score(*(counted or (0.0, self.max_score())))

    def has_stored_answers(self):
        """Results are filed in this check's pair (the other test's too: they are compared with
        this one's) or by this block, besides what every block counts (``EditableContentMixin``)."""
        course, key = self._filed_under()
        return pairs.has_results(course, self.load_content().pair, key) or super().has_stored_answers()

    def answer_changes(self, content):
        """What a save does to the results filed: the questions' changes (``EditableContentMixin``,
        held while any result of the pair is filed), then a pair key or phase changed, held only
        when it splits results filed (``changes.pairing_changes``: not the copy of a test that
        filed nothing), and the grading changed, held only when this block's learners have results
        (``changes.grading_changes``: the LMS graded them the old way); ``changes.filed_changes``
        says both from what the store holds, asked only when one of them changed."""
        found, answered = super().answer_changes(content)
        old = self.load_content()
        if content is None or not changes.filed_moved(old, content):
            return found, answered
        course, key = self._filed_under()
        held = changes.filed_changes(old, content, pairs.filed(course, old.pair, key), self.author_gettext())
        return held + found, answered or bool(held)

    def pre_test_closed(self):
        """A pre-test whose learner took the post-test of its pair first (its result filed
        ``ahead``, ``pairs.filed_ahead``: its feedback showed the right answers): closed to them
        (``learner.PRE_AFTER_POST``). False for a post-test, without reading the store."""
        check = self.load_content()
        if check.phase != content.PRE:
            return False
        token = platform.pair_token(self, check.pair)
        return pairs.filed_ahead(platform.course_key(self), check.pair, content.POST, token, self.gone_test())

    def pre_test_missing(self):
        """A post-test whose learner has no result at the pre-test of its pair yet: submitting it
        closes that pre-test to them (decision 70), which the page says first (learner trial s38).
        False for a pre-test, without reading the store, and where there is no learner (Studio's
        preview)."""
        check = self.load_content()
        if check.phase != content.POST or not check.pair:
            return False
        token = platform.pair_token(self, check.pair)
        return bool(token) and pairs.own_result(platform.course_key(self), check.pair, content.PRE, token,
                                                self.gone_test()) is None

    def answered_in(self):
        """The key (text) of another test of the course that holds the learner's result at this
        test's pair key and phase (``pairs.filed_by``: a Studio "Duplicate" left at the original's
        phase, decision 106), or None: none does, this one does, or it was deleted from the course
        (``gone_test``). None without reading the store where there is no learner (Studio's
        preview) or no pair key, and without reading the course's outline where this test filed it
        (its learner state deleted since, the apps' state read): only another test may be gone."""
        check = self.load_content()
        token = platform.pair_token(self, check.pair) if check.pair else None
        if not token:
            return None
        mine = course_outline.block_id_of(self.block_key())  # a key's text: the workbench's is a plain id
        gone = self.gone_test()
        held = pairs.filed_by(platform.course_key(self), check.pair, check.phase, token,
                              lambda key: course_outline.block_id_of(key) != mine and gone(key))
        return held if held is not None and course_outline.block_id_of(held) != mine else None

    def same_slot(self, check, _):
        """``[Problem]`` (warnings): the course's other tests with ``check``'s pair key and phase
        (``validation.shared_slot``), found in the course's outline (``course_outline.blocks_set_to``:
        only the tests of that pair key are loaded; one left at its default name named in the
        author's language, ``i18n.default_translated``); none where no outline can be read (the workbench)."""
        if check.phase not in content.PHASES or not is_valid_id(check.pair):
            return []
        key = self.stored_usage_key()
        found = course_outline.blocks_set_to(getattr(key, "context_key", None), self.scope_ids.block_type,
                                             pair=check.pair)
        names = [default_translated(item.display_name, content.DEFAULT_NAME, _) for item in found or ()
                 if item.location.block_id != key.block_id and getattr(item, "phase", None) == check.phase]
        return validation.shared_slot(check, names, _)

    def validate(self):
        """Studio's warnings and errors (``EditableContentMixin.validate``), and one for each other
        test of the course at this test's pair key and phase (``same_slot``): a "Duplicate" whose
        phase was left as it was is said on both tests' unit pages, not only when the copy is saved."""
        found = super().validate()
        for problem in self.same_slot(self.load_content(), self.author_gettext()):
            found.add(ValidationMessage(ValidationMessage.WARNING, problem.message))
        return found

    def content_warnings(self, content, _):
        """The editor's check and its save say it too, of the test as edited (``same_slot``)."""
        return self.same_slot(content, _)

    def gone_test(self):
        """``gone(block key)``: a knowledge check deleted from the course since it filed a result
        (``course_outline.gone_test``): its results count nowhere, not even for its learner."""
        return course_outline.gone_test(self, self.scope_ids.block_type)

    def _filed_under(self):
        """``(course key, block key)`` as text, as the LMS files results under them."""
        key = self.stored_usage_key()
        return platform.course_key(self, key), str(key)

    # ---------------------------------------------------------------- views

    def search_text(self):
        check = self.load_content()
        return " ".join([check.display_name, plain_text(check.intro), *(plain_text(q.prompt) for q in check.questions)])

    # ---------------------------------------------------------------- learner handlers
    submit = learner_handler(learner.submit, respond=views.respond, replay=learner.current, page=views.PAGE_READS,
                             bind=lambda block: {"closed": block.pre_test_closed()})
    state = learner_handler(learner.current, writes=False, respond=views.respond, page=views.PAGE_READS)


    # ---------------------------------------------------------------- LMS reports
