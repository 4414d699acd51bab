"""What a learner does in a role-play (pure): ``action(scenario, state, data, _) -> Outcome``.

``begin`` (take a role), ``choose`` (one choice, named by its opaque token), ``back`` (one step),
``restart`` (a new attempt) and ``current`` (read-only: where the learner is). Every action first
checks the scenario is ``playable`` and ``repaired``: a path in progress the author's edits broke
restarts at the role's start (or at the choice of a role), a finished one stays finished;
``current`` and the views show that repair without keeping it, the next action that writes keeps it.

Attempt numbers are claimed through ``Claim`` (``common.pipeline``); the attempt that counts for
the grade is ``common.attempts.counted_attempt`` of the ended attempts' scores (exact fractions).
"""

import hashlib
import hmac
import re
from dataclasses import dataclass, field, replace

from ..common.actions import ActionError, Claim, Live, Outcome, Record, refuse_unless_ready
from ..common.attempts import (
    attempts_left,
    claim_number,
    counted_attempt,
    kept_attempts,
    no_attempts_left,
    refuse_if_none_left,
)
from ..common.i18n import N_
from ..common.profile import check as check_profile
from ..common.profile import with_profile
from . import events, marks, paths, perspectives
from .scoring import MAX_SCORE, attempt_scores, stored_score
from .validation import playable

# the refusal of an action while the author must fix the scenario (``common.actions.refuse_unless_ready``),
# and its panel's notice (``play_html``)
NOT_READY = N_("This role-play is not ready yet: please come back later.")


@dataclass(frozen=True)
class State:
    """The learner's fields: the attempt in play (``role``, ``path`` of node ids, ``taken`` choice
    indexes, ``marks``: each choice's ``marks.mark``, ``ended``), how many attempts were started
    (``attempts``: the platform's "Reset attempts" sets it to 0), the last attempt number claimed
    (``attempt_serial``, never set back: ``common.attempts.claim_number``) and the ended ones
    (``[{role, path, taken, marks, score}]``; ``marks`` since decision 89)."""

    role: str = ""
    path: list = field(default_factory=list)
    taken: list = field(default_factory=list)
    marks: list = field(default_factory=list)
    attempts: int = 0
    attempt_serial: int = 0
    ended: bool = False
    finished: list = field(default_factory=list)
    learner_profile: str = ""  # the participant profile given with the choice of a role ("": none)


TOKEN_LENGTH = 16
_PLACE = TOKEN_LENGTH // 2  # the token's first half names the place, its second the choice there
# what ``choice_token`` gives: anything else names no choice (and ``hmac.compare_digest`` would
# raise TypeError on a string with a non-ASCII character)
_TOKEN_SHAPE = re.compile(f"[0-9a-f]{{{TOKEN_LENGTH}}}")
# a token of a page shown before the author moved or changed this step's choices (decision 89);
# the page then shows the step's choices as they are now (``refresh`` in emm-role-play.js)
CHOICES_CHANGED = N_("The choices at this step were changed since your page was shown: your path so far is kept. "
                     "Please choose again.")


def choice_token(secret, attempt, step, node_id, index, mark):
    """The opaque id of a choice sent to the browser: ``TOKEN_LENGTH`` lowercase hexadecimal
    digits of two HMACs, so it tells nothing of the target and cannot be forged for a choice that is
    not offered at this step. The first half names the place (attempt, step, node, ``index``), the
    second the choice there too (its ``marks.mark``): a page shown before the author moved the
    node's choices names no choice now (bug hunt: its tap took the choice moved into that place)."""
    place = f"{attempt}\x00{step}\x00{node_id}\x00{index}".encode()
    return (hmac.new(secret, place, hashlib.sha256).hexdigest()[:_PLACE]
            + hmac.new(secret, place + b"\x00" + mark.encode(), hashlib.sha256).hexdigest()[:TOKEN_LENGTH - _PLACE])


def repaired(scenario, state, _):
    """``(state, notice)``: a path the author's edits broke (or left stopped at a node made an
    ending since) starts again at the role's start (or at the choice of a role, if the role is
    gone or its start is an ending now); ``notice`` tells the learner ("" if nothing changed).
    A finished attempt stays finished, its score kept (``scoring.attempt_score``: the one it earned): the
    page shows its outcome and its path as far as it still exists (``views.panel_context``).
    The choices the learner made are followed where the author moved them (``marks``, decision
    89): ``taken`` then names their places now, and ``marks`` those of the choices at them."""
    if not state.role:
        return state, ""
    if state.ended:
        role = scenario.role(state.role)
        taken = marks.followed(scenario, state.path, state.taken, state.marks)
        followed = replace(state, taken=taken) if taken is not None else None
        if role is not None and followed is not None and _still_played(scenario, role, followed) and paths.ends(
                scenario, state.path):
            return followed, ""
        return state, _("The scenario was changed since you finished it: your result is kept, and your path is "
                        "shown as far as it still exists.")
    role = scenario.role(state.role)
    if role is None or scenario.node(role.start) is None:
        return (replace(state, role="", path=[], taken=[], marks=[], ended=False),
                _("The scenario was changed since your last visit: please choose a role again."))
    taken = marks.in_play(scenario, state.path, state.taken, state.marks)
    followed = replace(state, taken=taken)
    # a path in play that stops at a node made an ending since would offer no choice and never end
    # (bug hunt s42): it starts again too, as a broken path does
    if _still_played(scenario, role, followed) and not paths.ends(scenario, state.path):
        # the marks of the choices at those places now: one reworded in its place is taken as it reads now
        return replace(followed, marks=marks.marks_of(scenario, state.path, taken)), ""
    if scenario.node(role.start).ending:
        # back at a start made an ending there would be no choice and no way on either (bug hunt
        # s43): the learner takes the role again, and taking it ends the attempt there (``_begin``)
        return (replace(state, role="", path=[], taken=[], marks=[], ended=False),
                _("The scenario was changed since your last visit: please choose a role again."))
    return (replace(state, path=[role.start], taken=[], marks=[], ended=False),
            _("The scenario was changed since your last visit: you start again at the beginning of your role."))


def standing(scenario, state, closed=False):
    """``state`` as the learner stands once no attempt may start: past the due date (``closed``,
    ``platform.is_past_due``), one who pressed "Start again" after an ended attempt (a role still
    to choose, or a new path begun) is back on the last attempt they ended, its path and outcome
    (docs/lms-behaviour.md §2: the results already earned stay in sight), not on a step they can
    never play; any other state as it is. Shown, never kept (as the case study's
    ``learner.standing``)."""
    if not closed or state.ended or not state.finished:
        return state
    last = state.finished[-1]  # ``kept_attempts`` keeps the latest last
    return replace(state, role=last.get("role") or "", path=list(last.get("path") or []),
                   taken=list(last.get("taken") or []), marks=list(last.get("marks") or []), ended=True)


def _still_played(scenario, role, state):
    """The learner's path still exists step by step and starts where ``role`` can arrive: a start
    moved elsewhere may leave the old one a draft no learner meets (decision 78, review s39)."""
    if not paths.path_is_valid(scenario, state.path, state.taken):
        return False
    return state.path[0] == role.start or state.path[0] in paths.reached(scenario, (role.start,))


# ------------------------------------------------------------------ the steps of an attempt
def _ready(scenario, state, _):
    refuse_unless_ready(playable(scenario), NOT_READY, _)
    return repaired(scenario, state, _)


def _in_progress(state, _):
    if not state.role:
        raise ActionError("not_started", _("Choose a role first."))
    if state.ended:
        raise ActionError("already_ended", _("This attempt has ended."))


def _finish(scenario, state, done, notice="", writes=()):
    """The outcome of an attempt that reached an ending: kept, scored once, graded, completed."""
    role = scenario.role(state.role)
    value = paths.score(scenario, role, state.path, state.taken)
    ended = [*state.finished, {"role": state.role, "path": list(state.path), "taken": list(state.taken),
                               "marks": list(state.marks), "score": value}]
    # the best kept by the score each earned (the current points may no longer reach an old path)
    finished = kept_attempts(ended, [(stored_score(a), MAX_SCORE) for a in ended])
    scores = [*attempt_scores(scenario, finished[:-1]), (value, MAX_SCORE)]
    if scenario.keeps_answers:
        # one row per decision of this learner's latest finished path, and one for its ending,
        # with the role played (perspectives): going back, choosing again or replaying never
        # counts a learner twice at a node
        # and the participant profile given with the role, as one more row (decision 30)
        writes = (*writes, Record(with_profile(perspectives.recorded(state.path, state.taken),
                                               state.learner_profile if scenario.asks_profile else ""),
                                  role=state.role))
    end = scenario.node(state.path[-1])
    ended = events.ended(state.role, end, state.attempts, paths.earned(scenario, state.path, state.taken),
                         paths.best_score(scenario, role.start), value)
    return Outcome(state=replace(state, ended=True, finished=finished), result={"notice": notice},
                   score=counted_attempt(scenario.grade_policy, scores), completion=1.0,
                   events=(*done, ended), writes=writes)


def _begin(scenario, state, role, notice="", writes=()):
    state = replace(state, role=role.id, path=[role.start], taken=[], marks=[], ended=False)
    done = (events.started(role.id, state.attempts),)
    if scenario.node(role.start).ending:
        return _finish(scenario, state, done, notice, writes)
    return Outcome(state=state, result={"notice": notice}, events=done, writes=writes)


# ------------------------------------------------------------------ the actions
def current(scenario, state, data, _):
    """Where the learner is (read-only: the repair is shown, not kept)."""
    if not playable(scenario):
        return Outcome(state=state)
    state, notice = repaired(scenario, state, _)
    return Outcome(state=state, result={"notice": notice})


def begin(scenario, state, data, _):
    """Take a role, and with it the optional participant profile (``profile``: an option id or
    ""); the first attempt's number is claimed."""
    state, notice = _ready(scenario, state, _)
    role = scenario.role(data.get("role")) if isinstance(data.get("role"), str) else None
    if role is None:
        raise ActionError("unknown_role", _("There is no such role in this scenario."))
    if scenario.asks_profile:
        state = replace(state, learner_profile=check_profile(scenario.profile_options, data.get("profile"), _))
    already = ActionError("already_started", _("You have already chosen a role for this attempt."))
    if state.role:
        raise already
    writes = ()
    if state.attempts == 0:
        serial = claim_number(state.attempts, state.attempt_serial)
        writes = (Claim(serial, refused=already),)
        state = replace(state, attempts=1, attempt_serial=serial)
    return _begin(scenario, state, role, notice, writes)


def _offered(scenario, state, token, secret, _):
    """``(node, index)`` of the choice ``token`` names at the learner's step, or refused:
    ``invalid_choice`` for no token (not a string, or empty); ``unknown_choice`` for one that
    names no choice offered here, a token not of ``choice_token``'s shape (``_TOKEN_SHAPE``: any
    other character, a non-ASCII one included) refused before any comparison, and one of a page
    shown before the author changed the choice at its place (``CHOICES_CHANGED`` says so);
    ``condition_not_met`` for a choice offered but not open to the learner."""
    _in_progress(state, _)
    if not isinstance(token, str) or not token:
        raise ActionError("invalid_choice", _("The request names no choice."))
    node = scenario.node(state.path[-1])
    step = len(state.path)
    index = None
    if _TOKEN_SHAPE.fullmatch(token):
        tokens = [choice_token(secret, state.attempts, step, node.id, i, marks.mark(c))
                  for i, c in enumerate(node.choices)]
        index = next((i for i, t in enumerate(tokens) if hmac.compare_digest(t, token)), None)
        if index is None and any(hmac.compare_digest(t[:_PLACE], token[:_PLACE]) for t in tokens):
            raise ActionError("unknown_choice", _(CHOICES_CHANGED))
    if index is None:
        raise ActionError("unknown_choice", _("This choice is not offered at this step."))
    if index not in {i for i, _c in paths.available(scenario, state.path, state.taken)}:
        raise ActionError("condition_not_met", _("This choice is not open to you at this point."))
    return node, index


def choose(scenario, state, data, _, *, secret):
    """Take the choice whose token is ``data["choice"]`` (``secret``: the block's token key).

    After an author's edit broke the path, a choice offered on the repaired page (the views
    show the repair) is taken; one from an older page only gets the repaired attempt, kept."""
    state, notice = _ready(scenario, state, _)
    try:
        node, index = _offered(scenario, state, data.get("choice"), secret, _)
    except ActionError:
        if notice:
            return Outcome(state=state, result={"notice": notice})
        raise
    choice = node.choices[index]
    step = len(state.path)
    state = replace(state, path=[*state.path, choice.goto], taken=[*state.taken, index],
                    marks=[*state.marks, marks.mark(choice)])
    done = (events.chose(state.role, node.id, index, choice.points, step, state.attempts),)
    live = Live({node.id: str(index)})  # the live room counts a decision when it is taken
    if scenario.node(choice.goto).ending:
        return replace(_finish(scenario, state, done), live=live)
    return Outcome(state=state, result={"notice": ""}, events=done, live=live)


def back(scenario, state, data, _):
    """Go back one step: when the author allows it, and always from a node where no choice is
    open to the learner (``paths.stranded``: the only ways on are back and starting again)."""
    state, notice = _ready(scenario, state, _)
    if notice:
        return Outcome(state=state, result={"notice": notice})
    if not scenario.allow_back and not (state.role and not state.ended
                                        and paths.stranded(scenario, state.path, state.taken)):
        raise ActionError("back_not_allowed", _("Going back is not allowed in this role-play."))
    _in_progress(state, _)
    if len(state.path) < 2:
        raise ActionError("cannot_go_back", _("You are at the start: there is no step to go back to."))
    state = replace(state, path=state.path[:-1], taken=state.taken[:-1], marks=state.marks[:-1])
    return Outcome(state=state, result={"notice": ""},
                   events=(events.went_back(state.role, len(state.path), state.attempts),))


def _fresh(scenario, state):
    """The attempt in play is at its role's start with nothing chosen yet."""
    role = scenario.role(state.role)
    return bool(role) and not state.ended and not state.taken and list(state.path) == [role.start]


def restart(scenario, state, data, _):
    """A new attempt (its number claimed); with one role it starts at once, and an attempt of one
    role still at its start (nothing chosen) is not begun again (nothing is spent). From a node where no
    choice is open (``paths.stranded``, an author's mistake), the same attempt starts again at the
    role's start instead: no attempt is spent, so a learner with none left is never stuck."""
    state, notice = _ready(scenario, state, _)
    if state.role and not state.ended and not notice and paths.stranded(scenario, state.path, state.taken):
        return _begin(scenario, state, scenario.role(state.role))
    # no attempt begun yet (none counted, no role chosen): a learner chooses a role first. A role
    # with no attempt counted (staff "Reset attempts": the platform sets ``attempts`` to 0) goes on
    if state.attempts == 0 and not state.role:
        raise ActionError("not_started", _("Choose a role first."))
    if not state.role:  # this attempt was begun (a role is still to choose): a double tap, another tab
        raise ActionError("already_started", _("You already began again in another window: reload the page."))
    refuse_if_none_left(scenario.attempts_allowed, state.attempts, _)
    if len(scenario.roles) == 1 and _fresh(scenario, state):
        # one role: this attempt is at its start, nothing chosen (a double tap, another window, or
        # "Start again" pressed there): nothing to start again, no attempt spent
        return Outcome(state=state, result={"notice": notice})
    number, serial = state.attempts + 1, claim_number(state.attempts, state.attempt_serial)
    state = replace(state, attempts=number, attempt_serial=serial, role="", path=[], taken=[], marks=[], ended=False)
    # another window began attempt ``number`` first: that was the last attempt, or this one is begun
    lost = (no_attempts_left(_) if attempts_left(scenario.attempts_allowed, number) == 0 else ActionError(
        "already_started", _("You already began again in another window: reload the page.")))
    writes = (Claim(serial, refused=lost),)
    if len(scenario.roles) == 1:
        return _begin(scenario, state, scenario.roles[0], notice, writes)
    return Outcome(state=state, result={"notice": notice}, writes=writes)
