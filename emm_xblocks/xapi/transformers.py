"""xAPI transformers for the blocks' ``emm.*`` tracking events, registered with
event-routing-backends' ``XApiTransformersRegistry`` when this module is imported (by
``emm_xblocks.apps`` once the apps are ready, if ``event_routing_backends`` is an installed app).

Input: the tracking event as event-routing-backends receives it: ``name``, ``timestamp``, ``data``
(what the block published, ``*/events.py``) and ``context``, which the LMS fills while a handler
runs: ``course_id``, ``user_id`` (``xmodule/services.py``, ``EventPublishingService.publish``),
``module.usage_key`` and ``module.display_name`` (``lms/djangoapps/courseware/block_render.py``,
``_get_block_by_usage_key``), ``session``.

Output: ``tincan.Statement`` objects, or a list of them (one statement for the action, then one
per answer: ``OneToManyXApiTransformerMixin``, as event-routing-backends does for
``problem_check``). Every statement has event-routing-backends' actor (the learner's external id),
id, timestamp and context (the course as parent activity, transformer version, session). Verbs
and activity types come from the ADL, TinCan registry and ACROSSX vocabularies that
event-routing-backends itself uses. The block is the activity ``<LMS root>/xblock/<usage key>``;
its parts are IRIs below it (``/statement/<id>``, ``/question/<id>``, ``/answer``,
``/document/<index>``, ``/role/<id>``, ``/node/<id>``); a knowledge-check pair is
``<LMS root>/course/<course id>/knowledge-check-pair/<pair key>``. The shapes are in ``docs/xapi.md``.

A knowledge check's statements carry its pair key and phase, never the learner's pseudonym in the
pair (``common.platform.pair_token``; the event has none).

An anonymous Likert evaluation gives one statement: the learner completed it. No answer, no count
of answers leaves the block (its event carries none, ``likert/events.py``; decision 21).
"""

import json

from event_routing_backends.processors.xapi import constants
from event_routing_backends.processors.xapi.registry import XApiTransformersRegistry
from event_routing_backends.processors.xapi.transformer import (
    OneToManyChildXApiTransformerMixin,
    OneToManyXApiTransformerMixin,
    XApiTransformer,
)
from tincan import Activity, ActivityDefinition, ActivityList, Extensions, LanguageMap, Result, Verb

# ADL, TinCan registry and ACROSSX IRIs that event-routing-backends' constants do not name
VERB_INITIALIZED = "http://adlnet.gov/expapi/verbs/initialized"
ACTIVITY_SURVEY = "http://id.tincanapi.com/activitytype/survey"
ACTIVITY_ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
ACTIVITY_SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
ACTIVITY_FILE = "http://adlnet.gov/expapi/activities/file"
EXTENSION_TAGS = "http://id.tincanapi.com/extension/tags"

# case-study question kinds (case_study/content.py) -> xAPI interaction types
INTERACTION_TYPES = {"single": "choice", "multiple": "choice", "reflection": "long-fill-in"}


def verb(iri, display):
    return Verb(id=iri, display=LanguageMap({constants.EN: display}))


COMPLETED = verb(constants.XAPI_VERB_COMPLETED, constants.COMPLETED)
ANSWERED = verb(constants.XAPI_VERB_ANSWERED, constants.ANSWERED)
ATTEMPTED = verb(constants.XAPI_VERB_ATTEMPTED, constants.ATTEMPTED)
EVALUATED = verb(constants.XAPI_VERB_EVALUATED, constants.EVALUATED)
INITIALIZED = verb(VERB_INITIALIZED, constants.INITIALIZED)
ASKED = verb(constants.XAPI_VERB_ASKED, constants.ASKED)
VIEWED = verb(constants.XAPI_VERB_VIEWED, constants.VIEWED)
NAVIGATED = verb(constants.XAPI_VERB_NAVIGATED, constants.NAVIGATED)


def score(raw, maximum=None):
    """An xAPI score: ``raw`` points, with ``min`` 0, ``max`` and ``scaled`` when a maximum is
    known (``scaled`` = raw / max, 0 when max is 0), as event-routing-backends scores problems."""
    if maximum is None:
        return {"raw": raw}
    return {"min": 0, "max": maximum, "raw": raw, "scaled": raw / maximum if maximum > 0 else 0}


class BlockTransformer(XApiTransformer):
    """One of our blocks: ``activity_type``, the verb ``_verb`` (read by ``XApiTransformer.get_verb``)."""

    activity_type = None
    _verb = None

    def block_iri(self, *parts):
        """``<LMS root>/xblock/<usage key>[/part/...]``: the block's activity IRI, or one below it."""
        iri = self.get_object_iri("xblock", self.get_data("context.module.usage_key", True))
        return "/".join([iri, *(str(p) for p in parts)])

    def block_activity(self):
        name = self.get_data("context.module.display_name")
        return Activity(id=self.block_iri(), definition=ActivityDefinition(
            type=self.activity_type, name=LanguageMap({constants.EN_US: name}) if name else None))

    def attempt_extensions(self, attempt=None):
        attempt = self.get_data("data.attempt") if attempt is None else attempt
        return Extensions({constants.XAPI_ACTIVITY_ATTEMPT: attempt}) if attempt is not None else None

    def get_object(self):
        activity = self.block_activity()
        activity.definition.extensions = self.attempt_extensions()
        return activity

    def grouped(self, context_activities, *activities):
        """The course stays the parent (event-routing-backends' context); the block (and role)
        the learner acted in go in ``grouping``."""
        context_activities.grouping = ActivityList(list(activities))
        return context_activities


class PartTransformer(BlockTransformer):
    """An activity inside a block (a question, a document, the answers): the block in grouping."""

    def get_context_activities(self):
        return self.grouped(super().get_context_activities(), self.block_activity())


# --- Likert evaluation (likert/events.py) ------------------------------------------------------

class LikertAnswerTransformer(OneToManyChildXApiTransformerMixin, BlockTransformer):
    """One answer of a named evaluation: ``answered`` a Likert interaction, response "1".."N" or "na"."""

    _verb = ANSWERED
    additional_fields = ("result",)

    def get_object(self):
        return Activity(id=self.block_iri("statement", self.child_id),
                        definition=ActivityDefinition(type=constants.XAPI_ACTIVITY_INTERACTION,
                                                      interaction_type="likert"))

    def get_result(self):
        return Result(response=str(self.get_data("data.answers")[self.child_id]))


@XApiTransformersRegistry.register("emm.likert.submitted")
class LikertSubmittedTransformer(OneToManyXApiTransformerMixin, BlockTransformer):
    """``completed`` the evaluation; a named one adds one ``answered`` statement per answer. An
    anonymous one says only that it was completed (its event carries no answers)."""

    activity_type = ACTIVITY_SURVEY
    _verb = COMPLETED
    additional_fields = ("result",)
    child_transformer_class = LikertAnswerTransformer

    def get_object(self):
        activity = self.block_activity()
        statements = self.get_data("data.statements")
        if statements is not None:
            activity.definition.extensions = Extensions({constants.XAPI_ACTIVITY_TOTAL_COUNT: statements})
        return activity

    def get_result(self):
        return Result(completion=True)

    def get_child_ids(self):
        if self.get_data("data.anonymous") is not False:
            return []  # anonymous (or unknown): never a statement per answer
        return list(self.get_data("data.answers") or {})


# --- Case study (case_study/events.py) ---------------------------------------------------------

class CaseStudyTransformer(BlockTransformer):
    activity_type = ACTIVITY_ASSESSMENT


class CaseStudyQuestionTransformer(OneToManyChildXApiTransformerMixin, CaseStudyTransformer):
    """One question of a submitted attempt: ``answered``, its points and correctness."""

    _verb = ANSWERED
    additional_fields = ("result",)

    def question(self):
        return self.get_data("data.questions")[self.child_id]

    def get_object(self):
        kind = self.question().get("kind")
        return Activity(id=self.block_iri("question", self.child_id),
                        definition=ActivityDefinition(type=constants.XAPI_ACTIVITY_INTERACTION,
                                                      interaction_type=INTERACTION_TYPES.get(kind, "other")))

    def get_result(self):
        q = self.question()
        answer = q.get("answer")
        correctness = q.get("correctness")
        return Result(
            response=json.dumps(answer, ensure_ascii=False) if isinstance(answer, list) else answer,
            score=score(q.get("points"), q.get("max_points")),
            # a reflection waiting for the learner's self-assessment is neither right nor wrong yet
            success=None if correctness == "pending" else correctness == "correct",
        )


@XApiTransformersRegistry.register("emm.case_study.submitted")
class CaseStudySubmittedTransformer(OneToManyXApiTransformerMixin, CaseStudyTransformer):
    """``attempted`` the case study, with the grade after this submit; then one ``answered`` per question."""

    _verb = ATTEMPTED
    additional_fields = ("result",)
    child_transformer_class = CaseStudyQuestionTransformer

    def get_result(self):
        return Result(score=score(self.get_data("data.score"), self.get_data("data.max_score")), completion=True)

    def get_child_ids(self):
        return list(self.get_data("data.questions") or {})


@XApiTransformersRegistry.register("emm.case_study.self_assessed")
class CaseStudySelfAssessedTransformer(CaseStudyTransformer):
    """``evaluated``: the learner assessed their reflections; the ticked key points are the response;
    ``success``: full marks after it (Aspects' ``problem_events`` casts it on every ``evaluated``:
    without it the batch's insert failed, bug hunt s44)."""

    _verb = EVALUATED
    additional_fields = ("result",)

    def get_result(self):
        raw, maximum = self.get_data("data.score"), self.get_data("data.max_score")
        return Result(score=score(raw, maximum), success=bool(maximum) and raw >= maximum,
                      response=json.dumps(self.get_data("data.ticks") or {}, ensure_ascii=False, sort_keys=True))


@XApiTransformersRegistry.register("emm.case_study.reset")
class CaseStudyTriedAgainTransformer(CaseStudyTransformer):
    """``initialized``: "Try again" begins attempt ``attempt + 1`` (the event names the one left)."""

    _verb = INITIALIZED

    def get_object(self):
        activity = self.block_activity()
        activity.definition.extensions = self.attempt_extensions(self.get_data("data.attempt", True) + 1)
        return activity


@XApiTransformersRegistry.register("emm.case_study.answers_shown")
class CaseStudyAnswersShownTransformer(PartTransformer, CaseStudyTransformer):
    """``asked`` for the answers (as event-routing-backends maps ``showanswer``): ``<block>/answer``."""

    _verb = ASKED

    def get_object(self):
        return Activity(id=self.block_iri("answer"), definition=ActivityDefinition(
            type=constants.XAPI_ACTIVITY_SOLUTION, extensions=self.attempt_extensions()))


@XApiTransformersRegistry.register("emm.case_study.document_opened")
class CaseStudyDocumentTransformer(PartTransformer, CaseStudyTransformer):
    """``viewed`` a document of the case: ``<block>/document/<index>``; opened in the page's viewer
    or by its link (``via``, the ACROSSX "type" context extension)."""

    _verb = VIEWED

    def get_object(self):
        title, url = self.get_data("data.title"), self.get_data("data.url")
        return Activity(id=self.block_iri("document", self.get_data("data.index", True)), definition=ActivityDefinition(
            type=ACTIVITY_FILE, name=LanguageMap({"und": title}) if title else None,
            more_info=url if isinstance(url, str) and url.startswith(("https://", "http://")) else None))

    def get_context_extensions(self):
        extensions = super().get_context_extensions()
        extensions.update({constants.XAPI_ACTIVITY_MODE: self.get_data("data.via")})
        return extensions


# --- Role-play (role_play/events.py) -----------------------------------------------------------

class RolePlayTransformer(BlockTransformer):
    """The learner plays one role of the scenario: the role is ``<block>/role/<role id>``."""

    activity_type = ACTIVITY_SIMULATION

    def role_activity(self):
        return Activity(id=self.block_iri("role", self.get_data("data.role", True)),
                        definition=ActivityDefinition(type=ACTIVITY_SIMULATION,
                                                      extensions=self.attempt_extensions()))

    def get_object(self):
        return self.role_activity()

    def get_context_activities(self):
        return self.grouped(super().get_context_activities(), self.block_activity())


@XApiTransformersRegistry.register("emm.role_play.started")
class RolePlayStartedTransformer(RolePlayTransformer):
    """``initialized`` a role: attempt ``attempt`` begins."""

    _verb = INITIALIZED


@XApiTransformersRegistry.register("emm.role_play.chose")
class RolePlayChoseTransformer(RolePlayTransformer):
    """``answered`` a decision point (``<block>/node/<id>``, a choice interaction): the choice's
    index is the response, its points the raw score; the step it was taken at is the TinCan
    starting-position context extension."""

    _verb = ANSWERED
    additional_fields = ("result",)

    def get_object(self):
        return Activity(id=self.block_iri("node", self.get_data("data.node", True)), definition=ActivityDefinition(
            type=constants.XAPI_ACTIVITY_INTERACTION, interaction_type="choice",
            extensions=self.attempt_extensions()))

    def get_result(self):
        return Result(response=str(self.get_data("data.choice", True)), score=score(self.get_data("data.points")))

    def get_context_activities(self):
        return self.grouped(super(RolePlayTransformer, self).get_context_activities(), self.block_activity(),
                            self.role_activity())

    def get_context_extensions(self):
        extensions = super().get_context_extensions()
        extensions.update({constants.XAPI_CONTEXT_STARTING_POSITION: self.get_data("data.step")})
        return extensions


@XApiTransformersRegistry.register("emm.role_play.went_back")
class RolePlayWentBackTransformer(RolePlayTransformer):
    """``navigated`` back in the role: the step now shown is the TinCan ending-point extension
    (as event-routing-backends gives a sequence's target tab)."""

    _verb = NAVIGATED

    def get_context_extensions(self):
        extensions = super().get_context_extensions()
        extensions.update({constants.XAPI_CONTEXT_ENDING_POSITION: self.get_data("data.step")})
        return extensions


@XApiTransformersRegistry.register("emm.role_play.ended")
class RolePlayEndedTransformer(RolePlayTransformer):
    """``completed`` the role: the ending's node id is the response, ``earned`` points the raw
    score and the block's score in [0, 1] the scaled one; the ending's category (good / acceptable
    / harmful / the author's word) is a TinCan "tags" context extension."""

    _verb = COMPLETED
    additional_fields = ("result",)

    def get_result(self):
        return Result(completion=True, response=self.get_data("data.node"),
                      score={"raw": self.get_data("data.earned"), "scaled": self.get_data("data.score")})

    def get_context_extensions(self):
        extensions = super().get_context_extensions()
        category = self.get_data("data.category")
        if category:
            extensions.update({EXTENSION_TAGS: [category]})
        return extensions


# --- Knowledge check (knowledge_check/events.py) -----------------------------------------------

PHASE_TAGS = {"pre": "pre-test", "post": "post-test"}


class KnowledgeCheckTransformer(BlockTransformer):
    """A pre- or post-test of a pair: the phase is a TinCan "tags" context extension
    (``["pre-test"]`` or ``["post-test"]``), so each statement says which test it is from."""

    activity_type = ACTIVITY_ASSESSMENT

    def get_context_extensions(self):
        extensions = super().get_context_extensions()
        phase = self.get_data("data.phase")
        if phase in PHASE_TAGS:
            extensions.update({EXTENSION_TAGS: [PHASE_TAGS[phase]]})
        return extensions


class KnowledgeCheckQuestionTransformer(CaseStudyQuestionTransformer, KnowledgeCheckTransformer):
    """One question of the test, as a case study's (single or multiple choice): ``answered``,
    the chosen option(s), points, correctness; with the phase tag. Every question of a knowledge
    check is a choice (``knowledge_check.content.KINDS``): its event names no kind."""

    def get_object(self):
        return Activity(id=self.block_iri("question", self.child_id), definition=ActivityDefinition(
            type=constants.XAPI_ACTIVITY_INTERACTION, interaction_type="choice"))


@XApiTransformersRegistry.register("emm.knowledge_check.submitted")
class KnowledgeCheckSubmittedTransformer(OneToManyXApiTransformerMixin, KnowledgeCheckTransformer):
    """``completed`` the test (answered once), its points as the score; the pair is an activity in
    ``grouping`` (``<LMS>/course/<course id>/knowledge-check-pair/<pair key>``, the same for the
    pre- and the post-test, so a pair's statements can be put side by side); then one
    ``answered`` per question."""

    _verb = COMPLETED
    additional_fields = ("result",)
    child_transformer_class = KnowledgeCheckQuestionTransformer

    def get_result(self):
        return Result(score=score(self.get_data("data.score"), self.get_data("data.max_score")), completion=True)

    def pair_activity(self):
        pair = self.get_data("data.pair", True)
        course = self.get_object_iri("course", self.get_data("context.course_id", True))
        return Activity(id=f"{course}/knowledge-check-pair/{pair}", definition=ActivityDefinition(
            type=ACTIVITY_ASSESSMENT, name=LanguageMap({"und": pair})))

    def get_context_activities(self):
        return self.grouped(super().get_context_activities(), self.pair_activity())

    def get_child_ids(self):
        return list(self.get_data("data.questions") or {})
