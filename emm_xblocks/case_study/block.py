"""``emm_case_study``: the migration case-study XBlock (a thin shell around ``case_study.model``).

Learner state is kept on the server: a draft, the submitted answers, the self-assessment ticks
and every attempt's answers (``history``), from which ``calculate_score`` recomputes the grade.
Attempt numbers are claimed in the aggregate store (``attempt-<n>``), so two submits sent at
the same moment cannot take a learner past ``max_attempts``.
"""

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from ..common import store
from ..common.attempts import AttemptsMixin
from ..common.base import EmmBlockBase
from ..common.editing import EditableContentMixin
from ..common.errors import HandlerError
from ..common.grading import StoredScoreMixin
from ..common.handlers import json_handler
from ..common.i18n import N_
from ..common.sanitize import clean_html
from . import forms, model, report, views

SETTINGS = ("display_name", "weight", "max_attempts", "grade_policy", "show_answers", "topic",
            "estimated_minutes", "show_distribution", "min_group_size")
CONTENT = ("narrative", "sections", "key_facts", "documents", "images", "questions", "expert_analysis")


@XBlock.supports("multi_device")
class CaseStudyBlock(EditableContentMixin, AttemptsMixin, StoredScoreMixin, ScorableXBlockMixin, CompletableXBlockMixin,
                     EmmBlockBase):
    """A migration case (narrative, documents) and the questions that apply law and policy to it."""

    block_type = "emm_case_study"
    content_model = model
    content_views = views
    editor_form = forms
    search_type = "EMM case study"
    not_saved_message = N_("The case was not saved: please fix the errors.")
    block_js = "static/js/emm-case-study.js"
    block_css = "static/css/emm-case-study.css"
    js_class = "EmmCaseStudy"

    display_name = String(display_name=N_("Display name"), scope=Scope.settings, default=N_("Case study"))
    content = Dict(scope=Scope.content, default={},
                   help=N_("The case: narrative, sections, key facts, documents, images, questions, analysis"))
    weight = Float(display_name=N_("Problem weight"), scope=Scope.settings, default=1.0)
    max_attempts = Integer(display_name=N_("Maximum attempts (0: unlimited)"), scope=Scope.settings, default=0)
    grade_policy = String(display_name=N_("Attempt that counts"), scope=Scope.settings, default=model.POLICY_BEST)
    show_answers = String(display_name=N_("Show answers"), scope=Scope.settings, default=model.SHOW_SUBMITTED)
    topic = String(display_name=N_("EMM topic"), scope=Scope.settings, default="")
    estimated_minutes = Integer(display_name=N_("Estimated time (minutes)"), scope=Scope.settings, default=0)
    show_distribution = Boolean(display_name=N_("Show how other participants answered"),
                                scope=Scope.settings, default=False)
    min_group_size = Integer(display_name=N_("Minimum group size for the distribution"),
                             scope=Scope.settings, default=5)

    draft = Dict(scope=Scope.user_state, default={})
    answers = Dict(scope=Scope.user_state, default={})
    ticks = Dict(scope=Scope.user_state, default={})
    assessed = Boolean(scope=Scope.user_state, default=False)
    submitted = Boolean(scope=Scope.user_state, default=False)
    attempts = Integer(scope=Scope.user_state, default=0)
    history = List(scope=Scope.user_state, default=[])  # [{"answers": {...}, "ticks": {...}|None}]
    answers_shown = Boolean(scope=Scope.user_state, default=False)

    editable_fields = SETTINGS

    # ---------------------------------------------------------------- the domain object
    @property
    def case(self):
        data = {name: self.content.get(name) for name in CONTENT if name in self.content}
        data.update({name: getattr(self, name) for name in SETTINGS})
        return model.from_data(data)

    def load_content(self):
        return self.case

    def store_content(self, case):
        data = model.to_data(case)
        for name in SETTINGS:
            setattr(self, name, data[name])
        self.content = {name: data[name] for name in CONTENT}

    # ---------------------------------------------------------------- grading (LMS contract)
    has_score = True

    def max_score(self):
        return self.case.max_points

    def has_submitted_answer(self):
        return self.attempts > 0

    def calculate_score(self):
        """Every attempt rescored from its stored answers with the current key; best or last counts."""
        case = self.case
        scores = [model.score_attempt(case, h.get("answers") or {}, h.get("ticks")) for h in self.history]
        earned, possible = model.grade(case.grade_policy, scores) or (0.0, case.max_points)
        return Score(earned, possible)

    def attempts_left(self):
        return None if not self.max_attempts else max(0, self.max_attempts - self.attempts)

    def revealed(self):
        case = self.case
        earned, possible = model.score_attempt(case, self.answers, self.ticks if self.assessed else None)
        return model.answers_revealed(case, self.submitted, self.attempts, possible > 0 and earned >= possible)

    # ---------------------------------------------------------------- views
    def student_view_data(self, context=None):
        """For the mobile app: the case and the questions, never which option is correct, feedback,
        explanations, model answers, key points or the expert analysis (they come after a submit)."""
        return views.student_view_data(self)

    def search_text(self):
        case = self.case
        return " ".join([case.display_name, views.plain_text(case.narrative), *case.key_facts,
                         *(views.plain_text(q.prompt) for q in case.questions)])

    # ---------------------------------------------------------------- learner handlers
    def _check(self, func, raw, **kwargs):
        try:
            return func(self.case, raw, self.ugettext, **kwargs)
        except model.SubmissionError as err:
            raise HandlerError(400, err.code, err.message, **err.extra) from None

    def _refuse_if_submitted(self):
        if self.submitted:
            raise HandlerError(409, "already_submitted",
                               self.ugettext("You have already submitted: choose “Try again” to change "
                                             "your answers."))

    def _refuse_if_no_attempts(self):
        if self.attempts_left() == 0:
            raise HandlerError(409, "no_attempts_left", self.ugettext("You have no attempts left."))

    @json_handler
    def save_draft(self, data, suffix=""):
        self._refuse_if_submitted()
        answers = self._check(model.check_answers, data.get("answers"), final=False)
        self.draft = answers
        return {"saved": True, "message": self.ugettext("Draft saved. You can come back and finish later.")}

    @json_handler
    def submit(self, data, suffix=""):
        self._refuse_if_submitted()
        self._refuse_if_no_attempts()
        answers = self._check(model.check_answers, data.get("answers"))
        number = self.attempts + 1
        self.claim_attempt(number)
        self.attempts, self.answers, self.ticks = number, answers, {}
        self.submitted, self.assessed, self.draft = True, False, {}
        self.history = [*self.history, {"answers": answers, "ticks": None}]
        if self.show_distribution:
            store.record(self.block_key(), views.distribution_rows(self.case, answers),
                         user_key=self.user_key(), replace=True)
        self.grade()
        self.emit_completion(1.0)
        self.runtime.publish(self, "emm.case_study.submitted", views.submitted_event(self))
        return self._results()

    @json_handler
    def self_assess(self, data, suffix=""):
        _ = self.ugettext
        if not self.submitted:
            raise HandlerError(409, "not_submitted", _("Submit your answers before assessing them."))
        if self.assessed:
            raise HandlerError(409, "already_assessed", _("You have already assessed this attempt."))
        ticks = self._check(model.check_ticks, data.get("ticks"))
        case = self.case
        ticks = {q.id: ticks.get(q.id, []) for q in case.questions if q.kind == model.REFLECTION}
        self.ticks, self.assessed = ticks, True
        self.history = [*self.history[:-1], {**self.history[-1], "ticks": ticks}]
        self.grade()
        self.runtime.publish(self, "emm.case_study.self_assessed", {
            "attempt": self.attempts, "ticks": ticks, "score": self.raw_earned, "max_score": self.raw_possible})
        return self._results()

    @json_handler
    def reset(self, data, suffix=""):
        """"Try again": back to the form with the last answers, if attempts remain."""
        if not self.submitted:
            raise HandlerError(409, "not_submitted", self.ugettext("There is nothing to try again yet."))
        self._refuse_if_no_attempts()
        self.draft, self.answers, self.ticks = dict(self.answers), {}, {}
        self.submitted = self.assessed = False
        self.runtime.publish(self, "emm.case_study.reset", {"attempt": self.attempts,
                                                             "attempts_left": self.attempts_left()})
        return {"reset": True, "draft": self.draft, "attempts_left": self.attempts_left()}

    @json_handler
    def document_opened(self, data, suffix=""):
        """A learner opened a document: in the page's viewer (answer: its excerpt) or by its link."""
        index, via = data.get("index"), data.get("via", "link")
        documents = self.case.documents
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(documents):
            raise HandlerError(400, "unknown_document", self.ugettext("This document is not part of the case."))
        if via not in ("viewer", "link"):
            raise HandlerError(400, "invalid_request", self.ugettext("The request could not be read."))
        doc = documents[index]
        self.runtime.publish(self, "emm.case_study.document_opened",
                             {"index": index, "title": doc.title, "url": doc.url, "via": via})
        return {"recorded": True, "html": clean_html(doc.excerpt) if via == "viewer" else ""}

    # ---------------------------------------------------------------- LMS reports
    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows of the LMS "problem responses" report: for each learner, one row per question of
        the attempt that counts for their grade -- ``(username, {"Question", "Answer", "Correct", ...})``.
        ``user_state_iterator`` yields objects with ``.username`` and ``.state`` (stored fields)."""
        yield from report.report_data(self.case, user_state_iterator, self._report_gettext(), limit_responses)

    def _report_gettext(self):
        try:
            service = self.i18n_service
        except Exception:  # a report must not fail for want of translations
            service = None
        return service.gettext if service is not None else (lambda text: text)

    def _results(self):
        result = views.results(self)
        if result["revealed"] and not self.answers_shown:
            self.answers_shown = True
            self.runtime.publish(self, "emm.case_study.answers_shown", {"attempt": self.attempts})
        return result

