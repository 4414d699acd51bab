"""``emm_role_play``: the branching scenario role-play XBlock (a thin shell around ``role_play.model``).

The scenario stays on the server. A learner's attempt is ``role`` + ``path`` (node ids) +
``taken`` (choice indexes); the browser gets only the current node and the labels of its
available choices under opaque HMAC ids (``model.choice_token``), until an ending reveals
the debrief, the score and the best path.
"""

import hashlib

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from ..common import store
from ..common.attempts import STALE_SECONDS
from ..common.base import EmmBlockBase
from ..common.editing import EditableContentMixin
from ..common.errors import HandlerError
from ..common.grading import StoredScoreMixin
from ..common.handlers import json_handler
from ..common.i18n import N_
from ..common.sanitize import clean_html
from . import forms, model, views

MAX_KEPT_ATTEMPTS = 50


def kept_attempts(finished, limit=MAX_KEPT_ATTEMPTS):
    """The ended attempts worth keeping: the most recent ones and, when it is older, the best one
    (by the score it earned), so the "best" grade policy never drops as poor attempts pile up."""
    if len(finished) <= limit:
        return finished
    recent = finished[-(limit - 1):]
    best = max(range(len(finished)), key=lambda i: (_stored_score(finished[i]), i))
    return recent if best >= len(finished) - (limit - 1) else [finished[best], *recent]


def _stored_score(attempt):
    try:
        return float(attempt.get("score", 0.0))
    except (AttributeError, TypeError, ValueError):
        return 0.0


@XBlock.supports("multi_device")
class RolePlayBlock(EditableContentMixin, StoredScoreMixin, ScorableXBlockMixin, CompletableXBlockMixin, EmmBlockBase):
    """Learners take a role, decide in a branching scenario, live the consequences, read a debrief."""

    block_type = "emm_role_play"
    content_model = model
    content_views = views
    editor_form = forms
    search_type = "EMM role-play"
    not_saved_message = N_("The role-play was not saved: please fix the errors.")
    block_js = "static/js/emm-role-play.js"
    block_css = "static/css/emm-role-play.css"
    js_class = "EmmRolePlay"

    display_name = String(display_name=N_("Display name"), scope=Scope.settings, default=N_("Role-play"))
    content = Dict(scope=Scope.content, default={},
                   help=N_("The scenario: intro, roles, nodes and choices, grade bands"))
    max_attempts = Integer(display_name=N_("Maximum attempts"), scope=Scope.settings, default=0,
                           help=N_("0 means no limit"))
    grade_policy = String(display_name=N_("Grade policy"), scope=Scope.settings, default=model.POLICY_BEST)
    allow_back = Boolean(display_name=N_("Allow going back one step"), scope=Scope.settings, default=False)
    show_others = Boolean(display_name=N_("Show how other participants chose"), scope=Scope.settings,
                          default=False)
    min_group_size = Integer(scope=Scope.settings, default=5)
    weight = Float(display_name=N_("Problem weight"), scope=Scope.settings, default=1.0)

    role = String(scope=Scope.user_state, default="")
    path = List(scope=Scope.user_state, default=[])
    taken = List(scope=Scope.user_state, default=[])
    attempts = Integer(scope=Scope.user_state, default=0)
    ended = Boolean(scope=Scope.user_state, default=False)
    finished = List(scope=Scope.user_state, default=[])  # [{role, path, taken, score}] of ended attempts

    settings_fields = ("display_name", "max_attempts", "grade_policy", "allow_back", "show_others",
                       "min_group_size", "weight")

    # ---------------------------------------------------------------- the domain object
    @property
    def scenario(self):
        content = self.content or {}
        return model.from_dict(content, intro=content.get("intro", "") if isinstance(content, dict) else "",
                               **{name: getattr(self, name) for name in self.settings_fields})

    def load_content(self):
        return self.scenario

    def store_content(self, scenario):
        for name in self.settings_fields:
            setattr(self, name, getattr(scenario, name))
        self.content = dict(model.to_dict(scenario), intro=scenario.intro)

    def secret(self):
        from django.conf import settings

        return hashlib.sha256(f"{settings.SECRET_KEY}\x00{self.block_key()}".encode()).digest()

    def token(self, step, node_id, index):
        return model.choice_token(self.secret(), self.attempts, step, node_id, index)

    def playable(self, scenario):
        return not model.errors(model.validate(scenario, self.ugettext))

    def repair(self, scenario):
        """A path the author's edits broke restarts at the role's start; returns what to tell the learner."""
        if not self.role:
            return ""
        role = scenario.role(self.role)
        if role is None or scenario.node(role.start) is None:
            self.role, self.path, self.taken, self.ended = "", [], [], False
            return self.ugettext("The scenario was changed since your last visit: please choose a role again.")
        if model.path_is_valid(scenario, self.path, self.taken):
            return ""
        self.path, self.taken, self.ended = [role.start], [], False
        return self.ugettext("The scenario was changed since your last visit: you start again at the "
                             "beginning of your role.")

    def attempts_left(self):
        """How many more attempts may start (None: no limit)."""
        if not self.max_attempts:
            return None
        return max(0, self.max_attempts - self.attempts)

    # ---------------------------------------------------------------- grading (LMS contract)
    def max_score(self):
        return 1.0

    def has_submitted_answer(self):
        return bool(self.finished)

    def calculate_score(self):
        """From the stored paths of the ended attempts, with the current scenario (best or last)."""
        scenario = self.scenario
        scores = []
        for attempt in self.finished:
            role = scenario.role(attempt.get("role", ""))
            path, taken = attempt.get("path", []), attempt.get("taken", [])
            if role is not None and model.path_is_valid(scenario, path, taken):
                scores.append(model.score(scenario, role, path, taken))
            else:  # the author removed that path: keep the score it earned then
                scores.append(float(attempt.get("score", 0.0)))
        if not scores:
            value = 0.0
        elif self.grade_policy == model.POLICY_LAST:
            value = scores[-1]
        else:
            value = max(scores)
        return Score(round(value, 4), self.max_score())

    @json_handler
    def studio_convert(self, data, suffix=""):
        """The editor switches tabs: the form as XML, or the XML as the form. Nothing is saved;
        ``scenario`` is None (and ``problems`` says why) when the input cannot be read."""
        self._require_editor()
        content, problems = forms.from_editor(data, self.ugettext)
        return {"scenario": forms.to_editor(content) if content is not None else None,
                "problems": [p.as_json() for p in problems]}

    def student_view_data(self, context=None):
        """For the mobile app: roles and settings only. Nodes, choices, targets and points are
        left out on purpose (the app plays through the same handlers as the browser)."""
        scenario = self.scenario
        return {
            "display_name": scenario.display_name,
            "intro": clean_html(scenario.intro),
            "roles": [{"id": r.id, "label": r.label, "brief": clean_html(r.brief)} for r in scenario.roles],
            "max_attempts": scenario.max_attempts,
            "attempts": self.attempts,
            "allow_back": scenario.allow_back,
            "ended": self.ended,
        }

    def search_text(self):
        scenario = self.scenario
        return " ".join([scenario.display_name] + [r.label for r in scenario.roles])

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Each learner's role, path (node ids) and score, for the instructor's report."""
        count = 0
        for user_state in user_state_iterator:
            if limit_responses is not None and count >= limit_responses:
                return
            state = user_state.state
            if not state.get("role") and not state.get("finished"):
                continue
            count += 1
            yield user_state.username, {
                "role": state.get("role", ""),
                "path": " > ".join(state.get("path", [])),
                "ended": bool(state.get("ended")),
                "attempts": state.get("attempts", 0),
                "score": state.get("raw_earned"),
            }

    # ---------------------------------------------------------------- learner handlers
    def _scenario_for_play(self):
        scenario = self.scenario
        if not self.playable(scenario):
            raise HandlerError(409, "scenario_invalid",
                               self.ugettext("This role-play is not ready yet: the author must fix it first."))
        return scenario, self.repair(scenario)

    def _begin(self, scenario, role):
        self.role, self.path, self.taken, self.ended = role.id, [role.start], [], False
        self.runtime.publish(self, "emm.role_play.started", {"role": role.id, "attempt": self.attempts})
        if scenario.node(role.start).ending:
            self._finish(scenario)

    def _finish(self, scenario):
        role = scenario.role(self.role)
        value = model.score(scenario, role, self.path, self.taken)
        self.ended = True
        self.finished = kept_attempts(self.finished + [{"role": self.role, "path": list(self.path),
                                                        "taken": list(self.taken), "score": value}])
        self.grade()
        self.emit_completion(1.0)
        if scenario.show_others:
            # one row per decision of this learner's latest finished path: going back, choosing
            # again or replaying never counts a learner twice at a node
            store.record(self.block_key(), dict(zip(self.path, self.taken, strict=False)),
                         user_key=self.user_key(), replace=True)
        end = scenario.node(self.path[-1])
        self.runtime.publish(self, "emm.role_play.ended", {
            "role": self.role, "node": end.id, "category": end.category, "attempt": self.attempts,
            "earned": model.earned(scenario, self.path, self.taken),
            "best": model.best_score(scenario, role.start), "score": value,
        })

    def _in_progress(self):
        _ = self.ugettext
        if not self.role:
            raise HandlerError(409, "not_started", _("Choose a role first."))
        if self.ended:
            raise HandlerError(409, "already_ended", _("This attempt has ended."))

    @json_handler
    def state(self, data, suffix=""):
        """Where the learner is (to resume): the same payload as every other learner handler."""
        scenario = self.scenario
        notice = self.repair(scenario) if self.playable(scenario) else ""
        return views.payload(self, scenario, notice)

    @json_handler
    def start(self, data, suffix=""):
        _ = self.ugettext
        scenario, notice = self._scenario_for_play()
        role = scenario.role(data.get("role")) if isinstance(data.get("role"), str) else None
        if role is None:
            raise HandlerError(400, "unknown_role", _("There is no such role in this scenario."))
        if self.role:
            raise HandlerError(409, "already_started", _("You have already chosen a role for this attempt."))
        if self.attempts == 0:
            try:
                store.claim(self.block_key(), self.user_key(), "attempt-1", stale_after=STALE_SECONDS)
            except store.AlreadyClaimed:
                raise HandlerError(409, "already_started",
                                   _("You have already chosen a role for this attempt.")) from None
            self.attempts = 1
        self._begin(scenario, role)
        return views.payload(self, scenario, notice)

    @json_handler
    def choose(self, data, suffix=""):
        _ = self.ugettext
        scenario, notice = self._scenario_for_play()
        if notice:  # the path was reset: the choice was made on a node that may not exist any more
            return views.payload(self, scenario, notice)
        self._in_progress()
        token = data.get("choice")
        if not isinstance(token, str) or not token:
            raise HandlerError(400, "invalid_choice", _("The request names no choice."))
        node = scenario.node(self.path[-1])
        step = len(self.path)
        offered = {i for i, _c in model.available(scenario, self.path, self.taken)}
        index = next((i for i in range(len(node.choices)) if self.token(step, node.id, i) == token), None)
        if index is None:
            raise HandlerError(400, "unknown_choice", _("This choice is not offered at this step."))
        if index not in offered:
            raise HandlerError(403, "condition_not_met", _("This choice is not open to you at this point."))
        choice = node.choices[index]
        self.path = self.path + [choice.goto]
        self.taken = self.taken + [index]
        self.runtime.publish(self, "emm.role_play.chose", {
            "role": self.role, "node": node.id, "choice": index, "points": choice.points, "step": step,
            "attempt": self.attempts})
        if scenario.node(choice.goto).ending:
            self._finish(scenario)
        return views.payload(self, scenario, "")

    @json_handler
    def back(self, data, suffix=""):
        _ = self.ugettext
        scenario, notice = self._scenario_for_play()
        if not scenario.allow_back:
            raise HandlerError(403, "back_not_allowed", _("Going back is not allowed in this role-play."))
        if notice:
            return views.payload(self, scenario, notice)
        self._in_progress()
        if len(self.path) < 2:
            raise HandlerError(409, "cannot_go_back", _("You are at the start: there is no step to go back to."))
        self.path, self.taken = self.path[:-1], self.taken[:-1]
        self.runtime.publish(self, "emm.role_play.went_back", {"role": self.role, "step": len(self.path),
                                                               "attempt": self.attempts})
        return views.payload(self, scenario, "")

    @json_handler
    def restart(self, data, suffix=""):
        _ = self.ugettext
        scenario, notice = self._scenario_for_play()
        if self.attempts == 0:
            raise HandlerError(409, "not_started", _("Choose a role first."))
        left = self.attempts_left()
        if left == 0:
            raise HandlerError(409, "no_attempts_left", _("You have no attempts left."))
        try:
            store.claim(self.block_key(), self.user_key(), f"attempt-{self.attempts + 1}",
                        stale_after=STALE_SECONDS)
        except store.AlreadyClaimed:
            raise HandlerError(409, "no_attempts_left", _("You have no attempts left.")) from None
        self.attempts += 1
        self.role, self.path, self.taken, self.ended = "", [], [], False
        if len(scenario.roles) == 1:
            self._begin(scenario, scenario.roles[0])
        return views.payload(self, scenario, notice)
