"""What a learner action returns, and how it refuses: the pure half of every learner handler.

A learner action is a plain function ``action(content, state, data, _) -> Outcome``:

* ``content``: the block's frozen content dataclass (what the author wrote, settings included);
* ``state``: the learner's frozen state dataclass (their fields of ``Scope.user_state``);
* ``data``: the request's JSON object (already cleaned by ``common.handlers``);
* ``_``: the translator of the request's language.

It decides everything (scores, what counts, what to reveal) and changes nothing itself: the
``Outcome`` says what to keep and what to tell, and ``common.pipeline`` carries it out in a fixed
order (store writes, state, score, completion, events, the live room's answers). It refuses by raising ``ActionError``
with a code of ``common.codes``. No XBlock and no Django here.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache


class ActionError(ValueError):
    """A learner's request breaks a rule: ``code`` is stable (``common.codes``), ``message``
    translated; ``extra`` goes into the JSON error body (``{"statement": "pace"}``)."""

    def __init__(self, code, message, **extra):
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


def refusal(refused):
    """The ``ActionError`` a refused store write raises: ``refused`` itself, or what it makes
    when it is a function (``Record``, ``Claim``, ``Paired``). An error instance is never
    callable; a function is called only when the write is refused, so a write that is kept
    asks the translator nothing (decision 59)."""
    return refused() if callable(refused) else refused


def refuse_unless_ready(ready, not_ready, _):
    """The first rule of every learner action that writes: content an author must fix first
    (``ready`` false: the block's ``validation.playable``) runs none. It is refused with
    ``ActionError`` code ``not_ready`` (409) and ``_(not_ready)``: the block's own whole sentence,
    marked with ``N_`` (its ``learner.NOT_READY``, "This case study is not ready yet: please come
    back later."), the one its page shows in place of the form; translated only when refused
    (decision 59)."""
    if not ready:
        raise ActionError("not_ready", _(not_ready))


@dataclass(frozen=True)
class Record:
    """Rows of one submission for the aggregate store (``common.store.record``).

    ``answers`` maps a group (statement, question, node id) to a value. ``named``: the rows carry
    the learner's key and replace their earlier rows in the block (a learner counts once);
    anonymous rows carry none. ``once``: a one-time slot the submission takes in the same
    transaction; if it is already taken nothing is stored and ``refused`` is raised. ``unless``: a
    one-time slot the learner may hold from an earlier submission (a Likert evaluation answered
    while it was anonymous, since switched to named): if they hold it, nothing is stored and
    ``refused`` is raised; an action sets it only when its state calls for the look (a read of
    the store). ``role``: the
    role the learner played (role-play), kept on the rows and split out in the summary.
    ``comments``: the block keeps a comment with its rows (Likert), so a named resubmission also
    replaces the learner's earlier comment (False: there is none to look for).
    """
    # ``refused`` (here, in ``Claim`` and ``Paired``): the ``ActionError`` itself, or a function of
    # no argument that makes it (``refusal``), so that an action whose write is kept translates no
    # message it will not send (decision 59)

    answers: dict
    named: bool = True
    comment: str = ""
    comments: bool = False
    once: str = ""
    refused: ActionError | Callable[[], ActionError] | None = None
    role: str = ""
    unless: str = ""


@dataclass(frozen=True)
class Claim:
    """Take attempt slot ``number`` (a unique slot per learner, ``common.attempts.claim_number``:
    the attempt's serial, which the platform's "Reset attempts" does not set back) before anything
    else is kept, so two requests sent at the same moment cannot both spend it; ``refused`` is
    raised if it is taken."""

    number: int
    refused: ActionError | Callable[[], ActionError]


@dataclass(frozen=True)
class Paired:
    """A knowledge check's result, filed under the learner's pseudonymous token in ``pair``
    (``common.pairs.file_result``): ``earned``/``possible`` points, ``marks`` ``{question id: share
    of its points}``, ``questions_key`` (the questions' fingerprint). A learner files each phase of
    a pair once; ``refused`` is raised if they already did. ``after``: the phase this one follows
    (a post-test's: ``"pre"``), or ""; filed while the learner has no result there, the row is
    ``ahead`` (``pairs.filed_ahead``)."""

    pair: str
    phase: str
    earned: float
    possible: float
    marks: dict
    questions_key: str
    refused: ActionError | Callable[[], ActionError]
    after: str = ""


@dataclass(frozen=True)
class Described:
    """What the block asked (``fields``: its content as JSON, nothing of a learner), kept for the
    course's reports (``common.descriptions.describe``); written only when it changed. A block
    makes one per content (``described_once``), so ``text`` is worked out once per content."""

    fields: dict

    @cached_property
    def text(self):
        """``fields`` as the store keeps them: JSON, keys sorted, not ASCII-escaped."""
        return json.dumps(self.fields, sort_keys=True, ensure_ascii=False)


def described_once(fields_of):
    """``content -> Described(fields_of(content))``, made once per content (a block's content is
    parsed once and kept, ``common.content_cache``; it is hashable): its fields and their JSON
    text are not built again at every submission."""
    return lru_cache(maxsize=256)(lambda content: Described(fields_of(content)))


@dataclass(frozen=True)
class Live:
    """The answers a facilitator's open live session counts (``common.live_room``, ``common.live``):
    ``answers`` ``{item id: value}`` (a Likert point, a case-study option id or several joined by
    spaces, a role-play choice index); ``named``: counted under the learner's key in the session,
    so a later answer at the same item replaces theirs; False (an anonymous evaluation): a random
    key, nothing that ties the answers to anyone. ``covers``: the items the action answers as a
    whole (a Likert submission: every statement); a named learner's earlier answer at one of them
    that this action leaves blank is taken back from the session's counts (bug hunt s42)."""
    answers: dict
    named: bool = True
    covers: tuple = ()


@dataclass(frozen=True)
class Outcome:
    """What an action decided.

    * ``state``: the learner's new state (``None``: unchanged); a read-only action's
      (``pipeline.learner_handler(..., writes=False)``, the role-play's ``current``) is what the
      page shows, never kept (a repair after an author's edit, kept at the learner's next action);
    * ``result``: the JSON answer (a block's ``respond`` may add rendered parts);
    * ``score``: ``(earned, possible)`` raw points to keep and publish as the grade, or None;
    * ``completion``: a completion value in [0, 1] to publish, or None;
    * ``events``: ``((name, data), ...)`` tracking events, in order;
    * ``writes``: ``Claim``/``Record``/``Paired``/``Described`` for the aggregate store, done first, in order;
    * ``live``: ``Live`` answers for the live room's open session, if any, counted last (or None).
    """

    state: object = None
    result: dict = field(default_factory=dict)
    score: tuple | None = None
    completion: float | None = None
    events: tuple = ()
    writes: tuple = ()
    live: Live | None = None
