"""What a learner does in a case study (pure): each action is ``action(case, state, data, _) -> Outcome``.

* ``save_draft``: keep unfinished answers (and the profile given with them) on the server;
* ``submit``: check every answer, take the next attempt number (``Claim``), score the attempt
  once, and grade by the attempt that counts (``common.attempts.counted_attempt``);
* ``self_assess``: tick the key points a written answer covered, once per attempt;
* ``try_again``: back to the form with the last answers, if attempts remain;
* ``document_opened``: a learner opened a document (tracking only; the viewer gets its excerpt);
* ``answers_seen``: no action, the page's: answers the platform let through since the submit.

The learner's state keeps each attempt's answers and ticks (``history``: at most
``common.attempts.MAX_KEPT_ATTEMPTS``, the latest and the best, ``kept_attempts``), from which the
block's ``calculate_score`` recomputes the grade on a rescore. No XBlock, no Django.
"""

from dataclasses import dataclass, field, replace

from ..common import profile
from ..common.actions import ActionError, Claim, Live, Outcome, Record, refuse_unless_ready
from ..common.attempts import attempts_left, claim_number, counted_attempt, kept_attempts, refuse_if_none_left
from ..common.i18n import N_, ngettext_of
from ..common.numbers import count
from ..common.question_scoring import marks, total
from ..common.questions import check_answers as check_question_answers
from . import events, perspectives
from .content import MAX_ANSWER_CHARS, MULTIPLE, REFLECTION, SINGLE, word_count
from .feedback import feedback
from .scoring import answers_revealed, attempt_scores, counted_score
from .validation import playable

# the refusal of an action while the author must fix the case (``common.actions.refuse_unless_ready``)
NOT_READY = N_("This case study is not ready yet: please come back later.")
NOT_PART = N_("This question is not part of the case.")  # an answer to an id the case does not ask


@dataclass(frozen=True)
class State:
    """The learner's fields: the draft, the submitted attempt (answers, ticks), the attempts kept
    (``history``: ``[{"answers": {...}, "ticks": {...} or None, "attempt": n}]``, oldest first, at most
    ``common.attempts.MAX_KEPT_ATTEMPTS``; ``attempt``, the attempt's number as the learner's page
    and the tracking log gave it, absent from an attempt stored before bug hunt 8) and whether
    answers were shown. ``attempts`` is the
    platform's count (its "Reset attempts" sets it to 0); ``attempt_serial``, the last attempt
    number claimed (``common.attempts.claim_number``), is not set back."""

    draft: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)
    ticks: dict = field(default_factory=dict)
    assessed: bool = False
    submitted: bool = False
    attempts: int = 0
    attempt_serial: int = 0
    history: list = field(default_factory=list)
    answers_shown: bool = False
    learner_profile: str = ""  # the participant profile given with the last submit or draft ("": none)
    # when the server's draft was last saved (milliseconds since 1970, the server's clock; 0: never): the page
    # compares it with the time of the answers kept on the device (decision 117)
    draft_saved: int = 0


# ------------------------------------------------------------------ what the browser sent
def check_answers(case, raw, _, final=True):
    """Clean a learner's ``{question id: answer}``; raise ``ActionError`` on any bad answer
    (``common.questions.check_answers``).

    Single choice: an option id. Multiple choice: a list of option ids. Reflection: text, at most
    ``MAX_ANSWER_CHARS`` characters. ``final`` (a submit, not a draft) also requires every
    question and the word limits (too long, then, once all are answered, too short).
    """
    def written(q, value):
        if not isinstance(value, str):
            raise ActionError("invalid_answer", _("This answer could not be read."), question=q.id)
        value = value.strip()
        if len(value) > MAX_ANSWER_CHARS:  # a draft's too: said in characters, whatever its words
            raise ActionError("answer_too_long", ngettext_of(
                _, "This text is longer than {max} character: shorten it (nothing was cut).",
                "This text is longer than {max} characters: shorten it (nothing was cut).",
                MAX_ANSWER_CHARS).format(max=count(MAX_ANSWER_CHARS, _)), question=q.id)
        if final and q.max_words and word_count(value) > q.max_words:
            raise ActionError("answer_too_long", ngettext_of(
                _, "This answer is too long ({max} word at most).", "This answer is too long ({max} words at most).",
                q.max_words).format(max=count(q.max_words, _)), question=q.id)
        return value

    cleaned = check_question_answers(case, raw, _, NOT_PART, written, final)
    if final:
        for q in case.questions:
            if q.kind == REFLECTION and word_count(cleaned[q.id]) < q.min_words:
                raise ActionError("answer_too_short", ngettext_of(
                    _, "This answer is too short ({min} word at least).",
                    "This answer is too short ({min} words at least).", q.min_words,
                ).format(min=count(q.min_words, _)), question=q.id)
    return cleaned


def check_ticks(case, raw, _):
    """Clean a self-assessment ``{reflection question id: [key point ids]}``."""
    if not isinstance(raw, dict):
        raise ActionError("invalid_ticks", _("The self-assessment could not be read."))
    cleaned = {}
    for qid, value in raw.items():
        q = case.question(qid)
        if q is None or q.kind != REFLECTION:
            raise ActionError("unknown_question", _("This question is not a written reflection of the case."),
                              question=qid)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ActionError("invalid_ticks", _("The self-assessment could not be read."), question=qid)
        known = [kp.id for kp in q.key_points]
        if any(v not in known for v in value):
            raise ActionError("unknown_key_point", _("This key point is not part of the model answer."),
                              question=qid)
        cleaned[qid] = sorted(set(value), key=known.index)
    return cleaned


# ------------------------------------------------------------------ refusals
def _refuse_if_submitted(state, _):
    if state.submitted:
        raise ActionError("already_submitted", _("You have already submitted: choose “Try again” to change "
                                                 "your answers."))


def _shown(state, shown):
    """The learner's state and events once ``shown`` is known: the feedback's ``revealed`` (the
    author's ``show_answers``) where the platform lets the answers through (``served``)."""
    if shown and not state.answers_shown:
        return replace(state, answers_shown=True), (events.answers_shown(state.attempts),)
    return state, ()


# ------------------------------------------------------------------ the actions
def _draft_saved(_, saved):
    return {"saved": True, "saved_at": saved, "message": _("Draft saved. You can come back and finish later.")}


def standing(case, state, closed=False):
    """``state`` as the learner stands in ``case``: one who chose "Try again" and has no attempt
    left since (the author lowered the maximum, bug hunt s42, or the due date passed: ``closed``,
    ``platform.is_past_due``) is back on their last attempt, submitted, as it was answered and
    assessed (its feedback, its grade), not on a form no submit may send; any other state as it
    is. The page, the apps and every action read it so (docs/lms-behaviour.md §2: past the due
    date the results already earned stay in sight)."""
    if state.submitted or not state.history or attempts_left(case.attempts_allowed, state.attempts, closed) != 0:
        return state
    last = state.history[-1]
    ticks = last.get("ticks")
    return replace(state, answers=dict(last.get("answers") or {}), ticks=dict(ticks or {}),
                   assessed=ticks is not None, submitted=True)


def save_draft(case, state, data, _, now=0):
    """Keep unfinished answers (checked, not required to be complete) and, when the case asks it,
    the participant profile given with them (``"profile"``: an option id, or "" for none; checked
    as ``submit`` checks it: ``unknown_profile`` for anything else; left as it was when the request
    has no ``"profile"``): the page's form shows both when the learner comes back. ``now``: the server's
    time in milliseconds, kept as the draft's (``draft_saved``) and answered as ``saved_at``."""
    state = standing(case, state)
    _refuse_if_submitted(state, _)
    answers = check_answers(case, data.get("answers"), _, final=False)
    new = replace(state, draft=answers, draft_saved=now)
    if case.asks_profile and "profile" in data:
        new = replace(new, learner_profile=profile.check(case.profile_options, data["profile"], _))
    return Outcome(state=new, result=_draft_saved(_, now))


def save_draft_replayed(case, state, data, _):
    """Read-only replay of ``save_draft`` (the page sent the same action again): its answer."""
    return Outcome(result=_draft_saved(_, state.draft_saved))


def current(case, state, data, _, closed=False):
    """Read-only: what the page shows of the learner's state (after a lost reply or an error):
    the submitted attempt's feedback as ``submit`` answers it, or, before a submit,
    ``{"submitted": False, "revealed": False, "attempts_left", "closed", "draft"}``. Also the replay of
    ``submit`` and ``self_assess``: the page sent the same action again, it gets the same feedback
    (as the first reply gave it). ``closed``: past the due date (bound by the block, as the page reads
    it: ``standing``, ``feedback.feedback``)."""
    state = standing(case, state, closed)
    if not state.submitted:
        return Outcome(result={"submitted": False, "revealed": False, "draft": dict(state.draft), "closed": closed,
                               "attempts_left": attempts_left(case.attempts_allowed, state.attempts, closed)})
    question_marks = marks(case, state.answers, state.ticks if state.assessed else None)
    return Outcome(result=feedback(case, state, question_marks, counted_score(case, state.history), closed))


def _counted_live(case, answers):
    """``{question id: value}`` the live room counts of an attempt's checked ``answers``: a single
    choice's option id, a multiple choice's option ids joined by spaces (a reflection: none)."""
    result = {}
    for q in case.questions:
        answer = answers.get(q.id)
        if q.kind == SINGLE and isinstance(answer, str) and answer:
            result[q.id] = answer
        elif q.kind == MULTIPLE and isinstance(answer, list) and answer:
            result[q.id] = " ".join(sorted(str(a) for a in answer))
    return result


def _tried_again(case, state):
    """The answer of ``try_again``: back on the form with the last answers as the draft (its
    ``reset`` key: the name the handler's answer has had since 0.1, docs/case_study.md)."""
    left = attempts_left(case.attempts_allowed, state.attempts)
    return {"reset": True, "draft": dict(state.draft), "attempts_left": left}


def try_again_replayed(case, state, data, _):
    """Read-only replay of ``try_again``: its answer, while the learner is still on the form (else
    the feedback on what they have since submitted, as ``current``)."""
    return Outcome(result=_tried_again(case, state)) if not state.submitted else current(case, state, data, _)


def submit(case, state, data, _, served=True):
    """Check and keep one attempt; score it once; grade by the attempt that counts. The feedback
    says what the author's ``show_answers`` would show (``revealed``); the platform may show less
    (``views.shown_feedback``): ``served`` says whether it lets the answers through now
    (``platform.answers_available``, bound by the block), and only then are they recorded as shown
    -- the state's ``answers_shown`` and its event (bug hunt s44: a learner the platform showed
    nothing was counted as shown the answers, in the tracking log and in Aspects)."""
    refuse_unless_ready(playable(case), NOT_READY, _)
    _refuse_if_submitted(state, _)
    refuse_if_none_left(case.attempts_allowed, state.attempts, _)
    answers = check_answers(case, data.get("answers"), _)
    who = profile.check(case.profile_options, data.get("profile"), _) if case.asks_profile else ""
    number = state.attempts + 1
    question_marks = marks(case, answers)
    scores = [*attempt_scores(case, state.history), total(case, question_marks)]
    counted = counted_attempt(case.grade_policy, scores)
    # the best kept by the current key's scores, as the grade counts them
    # with its number: past ``MAX_KEPT_ATTEMPTS`` its place in ``history`` is not (``report.attempt_number``)
    history = kept_attempts([*state.history, {"answers": answers, "ticks": None, "attempt": number}], scores)
    serial = claim_number(state.attempts, state.attempt_serial)
    new = replace(state, attempts=number, attempt_serial=serial, answers=answers, ticks={}, submitted=True,
                  assessed=False, draft={}, history=history, learner_profile=who)
    result = feedback(case, new, question_marks, counted)
    new, shown = _shown(new, result["revealed"] and served)
    conflict = ActionError("submit_conflict", _("This attempt was already submitted from another window. "
                                                "Reload the page."))
    writes = (Claim(serial, refused=conflict),)
    if case.keeps_answers:
        # with the profile as one more row: the store counts the others under it too (decision 30)
        writes += (Record(profile.with_profile(perspectives.recorded(case, answers), who)),)
    return Outcome(state=new, result=result, score=counted, completion=1.0, writes=writes,
                   events=(events.submitted(case, number, answers, question_marks, counted), *shown),
                   live=Live(_counted_live(case, answers)))


def self_assess(case, state, data, _, served=True):
    """Tick the key points each written answer covered: the reflections' points, once per attempt.
    ``served``: as ``submit``'s."""
    state = standing(case, state)
    if not state.submitted:
        raise ActionError("not_submitted", _("Submit your answers before assessing them."))
    if state.assessed:
        raise ActionError("already_assessed", _("You have already assessed this attempt."))
    ticked = check_ticks(case, data.get("ticks"), _)
    ticks = {q.id: ticked.get(q.id, []) for q in case.questions if q.kind == REFLECTION}
    earlier = state.history[:-1]
    history = [*earlier, {**(state.history[-1] if state.history else {"answers": state.answers}), "ticks": ticks}]
    question_marks = marks(case, state.answers, ticks)
    counted = counted_attempt(case.grade_policy, [*attempt_scores(case, earlier), total(case, question_marks)])
    new = replace(state, ticks=ticks, assessed=True, history=history)
    result = feedback(case, new, question_marks, counted)
    new, shown = _shown(new, result["revealed"] and served)
    return Outcome(state=new, result=result, score=counted,
                   events=(events.self_assessed(state.attempts, ticks, counted), *shown))


def answers_seen(case, state, served, closed=False):
    """The learner's page shows them the answers of their submitted attempt, and nothing recorded
    them as shown yet: the state marked and the event, as an ``Outcome`` (kept by
    ``pipeline.kept_on_view``); None otherwise. For answers the platform let through after the
    submit (``served`` now, not then: ``show_correctness`` "past_due" once the due date has passed,
    or a setting the course team changed since), or that the author's ``show_answers`` reveals once
    the due date has passed (``closed``: "After the last attempt"), which no action of the learner's
    brings (bug hunt s44: the event never came). Decided as the page's feedback decides what it shows
    (``feedback.feedback``, cut by ``views.shown_feedback``)."""
    if state.answers_shown or not served:
        return None
    shown = standing(case, state, closed)  # the attempt the page shows (the state itself is not rewritten)
    if not shown.submitted:
        return None
    earned, possible = total(case, marks(case, shown.answers, shown.ticks if shown.assessed else None))
    if not answers_revealed(case, True, shown.attempts, possible > 0 and earned >= possible, closed):
        return None
    new, seen = _shown(state, True)
    return Outcome(state=new, events=seen)


def try_again(case, state, data, _):
    """"Try again": back to the form with the last answers as the draft, if attempts remain."""
    state = standing(case, state)
    if not state.submitted:
        raise ActionError("not_submitted", _("There is nothing to try again yet."))
    refuse_if_none_left(case.attempts_allowed, state.attempts, _)
    left = attempts_left(case.attempts_allowed, state.attempts)
    new = replace(state, draft=dict(state.answers), answers={}, ticks={}, submitted=False, assessed=False)
    return Outcome(state=new, result=_tried_again(case, new),
                   events=(events.tried_again(state.attempts, left),))


def document_opened(case, state, data, _):
    """A learner opened a document: in the page's viewer or by its link (``{"index", "via"}``; the
    answer, the excerpt for the viewer: ``views.respond_document``)."""
    index, via = data.get("index"), data.get("via", "link")
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(case.documents):
        raise ActionError("unknown_document", _("This document is not part of the case."))
    if via not in ("viewer", "link"):
        raise ActionError("invalid_request", _("The request could not be read."))
    doc = case.documents[index]
    return Outcome(result={"recorded": True, "index": index, "via": via},
                   events=(events.document_opened(index, doc, via),))
