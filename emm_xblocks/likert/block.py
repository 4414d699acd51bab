"""``emm_likert``: the Likert evaluation XBlock (a thin shell around ``likert.model``)."""

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from ..common import store
from ..common.base import EmmBlockBase
from ..common.editing import EditableContentMixin
from ..common.errors import HandlerError
from ..common.grading import StoredScoreMixin
from ..common.handlers import json_handler
from ..common.i18n import N_
from ..common.sanitize import clean_html
from . import forms, model, report, views


@XBlock.supports("multi_device")
class LikertBlock(EditableContentMixin, StoredScoreMixin, ScorableXBlockMixin, CompletableXBlockMixin, EmmBlockBase):
    """Learners rate statements on an agreement (or other) scale; staff read the report."""

    block_type = "emm_likert"
    content_model = model
    content_views = views
    editor_form = forms
    search_type = "EMM Likert evaluation"
    not_saved_message = N_("The evaluation was not saved: please fix the errors.")
    block_js = "static/js/emm-likert.js"
    block_css = "static/css/emm-likert.css"
    js_class = "EmmLikert"

    display_name = String(display_name=N_("Display name"), scope=Scope.settings,
                          default=N_("End-of-training evaluation"))
    statements = List(scope=Scope.content, default=[], help=N_("Statements: id, text, reverse, required"))
    intro = String(scope=Scope.content, default="", help=N_("Text above the statements (HTML)"))
    scale = String(scope=Scope.settings, default="agree5")
    custom_labels = List(scope=Scope.settings, default=[])
    allow_na = Boolean(scope=Scope.settings, default=False)
    comment = Boolean(scope=Scope.settings, default=False)
    comment_prompt = String(scope=Scope.settings, default="")
    anonymous = Boolean(scope=Scope.settings, default=False)
    min_group_size = Integer(scope=Scope.settings, default=5)
    results = String(scope=Scope.settings, default=model.RESULTS_STAFF)
    graded = Boolean(scope=Scope.settings, default=False)
    weight = Float(display_name=N_("Problem weight"), scope=Scope.settings, default=1.0)

    answers = Dict(scope=Scope.user_state, default={})
    learner_comment = String(scope=Scope.user_state, default="")
    submitted = Boolean(scope=Scope.user_state, default=False)

    editable_fields = ("display_name", "scale", "custom_labels", "allow_na", "comment", "comment_prompt",
                       "anonymous", "min_group_size", "results", "graded", "weight", "intro")

    # ---------------------------------------------------------------- the domain object
    def load_content(self):
        return self.survey

    @property
    def survey(self):
        return model.Survey(
            statements=tuple(model.Statement(s.get("id", ""), s.get("text", ""), bool(s.get("reverse")),
                                             s.get("required", True) is not False)
                             for s in self.statements if isinstance(s, dict)),
            custom_labels=tuple(self.custom_labels),
            **{name: getattr(self, name) for name in self.editable_fields if name != "custom_labels"},
        )

    def store_content(self, survey):
        for name in self.editable_fields:
            value = getattr(survey, name)
            setattr(self, name, list(value) if isinstance(value, tuple) else value)
        self.statements = forms.to_editor(survey)["statements"]

    # ---------------------------------------------------------------- grading (LMS contract)
    @property
    def has_score(self):
        return bool(self.graded)

    def max_score(self):
        return 1.0

    def has_submitted_answer(self):
        return self.submitted

    def calculate_score(self):
        """Participation credit: full marks once the evaluation is submitted."""
        return Score(self.max_score() if self.submitted else 0.0, self.max_score())

    # ---------------------------------------------------------------- views
    def student_view_data(self, context=None):
        """For the mobile app. Carries the questions only: a survey has no answer to hide,
        but other learners' responses never appear here (they come from ``results``)."""
        survey = self.survey
        return {
            "display_name": survey.display_name,
            "intro": clean_html(survey.intro),
            "scale": [{"value": v, "label": label}
                      for v, label in enumerate(survey.labels(self.ugettext), start=1)],
            "allow_na": survey.allow_na,
            "statements": [{"id": s.id, "text": s.text, "required": s.required} for s in survey.statements],
            "comment": survey.comment,
            "comment_prompt": survey.comment_prompt,
            "anonymous": survey.anonymous,
            "submitted": self.submitted,
            "can_change": self.submitted and not survey.anonymous,
        }

    def search_text(self):
        return " ".join([self.display_name] + [s.get("text", "") for s in self.statements])

    # ---------------------------------------------------------------- learner handlers
    @json_handler
    def submit(self, data, suffix=""):
        survey, _ = self.survey, self.ugettext
        if not self.ready():
            raise HandlerError(409, "not_ready", _("This evaluation is not ready yet: please come back later."))
        if self.submitted and survey.anonymous:
            raise HandlerError(409, "already_submitted",
                               _("This anonymous evaluation was already submitted; it cannot be changed."))
        try:
            answers, comment = model.check_submission(survey, data.get("answers"), data.get("comment"), _)
        except model.SubmissionError as err:
            raise HandlerError(400, err.code, err.message, **err.extra) from None
        stored = {sid: (model.NA if v is None else v) for sid, v in answers.items()}
        user = self.user_key()
        try:
            store.record(self.block_key(), stored, comment=comment,
                         user_key="" if survey.anonymous else user,
                         replace=not survey.anonymous,
                         claim=(user, "likert-anonymous") if survey.anonymous else None)
        except store.AlreadyClaimed:
            raise HandlerError(409, "already_submitted",
                               _("This anonymous evaluation was already submitted; it cannot be changed.")) from None
        first = not self.submitted
        self.submitted = True
        if not survey.anonymous:
            self.answers, self.learner_comment = stored, comment
        self.runtime.publish(self, "emm.likert.submitted", report.tracking_event(survey, stored, first))
        self.emit_completion(1.0)
        if self.has_score:
            self.grade()
        return {
            "submitted": True,
            "can_change": not survey.anonymous,
            "results_available": self.results_allowed(),
            "message": _("Thank you: your answers were saved."),
        }

    def ready(self):
        """Content with errors (e.g. imported OLX) is never served to learners half-broken."""
        survey = self.survey
        return bool(survey.statements) and not model.errors(model.validate(survey, self.ugettext))

    def results_allowed(self):
        return self.is_staff() or (self.results == model.RESULTS_LEARNERS and self.submitted)

    @json_handler
    def get_results(self, data, suffix=""):
        if not self.results_allowed():
            raise HandlerError(403, "forbidden", self.ugettext("The results are not available to you."))
        return report.results_json(self)

    @XBlock.handler
    def export_csv(self, request, suffix=""):
        return report.csv_response(self)


