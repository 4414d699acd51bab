"""The one way a learner handler runs: read the request, load the content once, call the pure
action, keep what it decided, publish its effects, answer.

``learner_handler(action)`` turns a pure ``action(content, state, data, _) -> Outcome``
(``common.actions``) into an XBlock JSON handler. The rules that hold for every learner action
live here, once:

* nothing runs where the LMS checked no access (its ``handler_noauth`` address: no CSRF check,
  no enrolment, release date or staff-only check): 403 ``access_not_checked``, before the request
  is read (``handlers.block_handler``, as every handler of the package);
* an action that writes is refused while course staff view the course as a specific learner
  (``read_only_masquerade``): the LMS shows our blocks then (``show_in_read_only_mode``), and a
  write would change that learner's answers for real (``lms/djangoapps/courseware/masquerade.py``);
* an action that writes is refused once a graded block's deadline (``due`` + ``graceperiod``,
  inherited from the subsection) has passed (``past_due``), as ``xmodule/capa_block.py`` closes
  a problem;
* the store writes come first (a refused claim stores nothing and changes no state), then the
  learner state, the score, completion, the tracking events and the live room's answers; a
  store write that fails after retries (``transactions.StoreError``) answers 400
  ``text_not_storable`` or 503 ``busy`` with the learner's state unchanged and any attempt claim
  of the request given back. Where the database has one writer at a time (SQLite beginning its
  transactions IMMEDIATE: the workbench), the store writes and the learner state are committed in
  one transaction (``store.state_joined``: one commit, kept whole or not at all); where it locks
  rows (the LMS's MySQL) the runtime saves the state after the handler, in its own (decision 67).

* a request may ask ``"reply": "page"``: the answer then holds only what the block's own page
  reads (``page``: its keys, the rendered panel among them), not the whole documented answer,
  which the mobile apps and scripts get by default (``"reply": "full"``, or none). The page's
  script asks it: a ten-question case study's submit answer is half to two thirds of the whole (decision 61);

* an action the page sends again (the same ``action_id``: a retry after a lost reply) is not done
  twice: it answers as the first did, from the learner's state (``replay``), and keeps nothing
  (decision 22, ``common.recovery``).

A block provides ``load_content()`` (parsed once per content), ``learner_state()`` /
``keep_state(state)``, the ``action_ids`` field (``common.recovery``) and, for graded blocks,
``keep_score((earned, possible))``.
"""

import functools
from contextlib import nullcontext

from . import content_cache, course_outline, descriptions, pairs, platform, recovery, store, transactions
from .actions import ActionError, Claim, Described, Paired, Record, refusal
from .errors import HandlerError, json_response
from .handlers import block_handler, check_address, parse_json, store_error

ATTEMPT_STALE_SECONDS = 120  # an attempt claim this old, that the learner's state says is free, is taken over
REPLY = "reply"  # the request's field naming the answer's shape: "full" (the default) or "page"


def as_handler_error(err):
    """The one mapping from a refused action to a handler error (status from ``common.codes``)."""
    return HandlerError(err.code, err.message, **err.extra)


def write_refusal(block):
    """The ``HandlerError`` a write would get now, or None: in Studio's preview, while staff
    masquerade as a learner, or after a graded block's deadline. Views show its message beside the disabled buttons."""
    _ = block.ugettext
    if platform.in_studio_preview(block):  # its submits would count in the course's figures (bug hunt s44)
        return HandlerError("forbidden", _("Your answers cannot be kept here: open the course in the LMS."))
    if platform.is_masquerading(block):
        return HandlerError("read_only_masquerade", _(
            "You are viewing this as a learner: nothing you do here is saved for them."))
    # the deadline first: most blocks have none, and ``has_score`` may read a field (the Likert
    # evaluation's, a query on a key-value store such as the workbench's)
    if platform.is_past_due(block) and block.has_score:
        return HandlerError("past_due", _("The due date has passed: answers are no longer accepted."))
    return None


def check_may_write(block):
    """Refuse a write while masquerading, or after a graded block's deadline."""
    refused = write_refusal(block)
    if refused is not None:
        raise refused


def reply_keys(data, page, _):
    """The keys the answer keeps, taking the request's ``"reply"`` out of ``data``: ``page`` (the
    handler's tuple of keys its block's page reads) for ``"page"``, None (all of them) for
    ``"full"``, none given, or a handler with no ``page``. Any other value raises
    ``HandlerError`` 400 ``invalid_request``."""
    shape = data.pop(REPLY, "full")
    if shape == "full" or (shape == "page" and not page):
        return None
    if shape == "page":
        return page
    raise HandlerError("invalid_request", _("The request could not be read."))


def shaped(answer, keys):
    """``answer`` with only ``keys`` (``reply_keys``'s), or whole for None."""
    return answer if keys is None else {key: answer[key] for key in keys if key in answer}


def learner_handler(action, *, writes=True, respond=None, replay=None, page=None, bind=None):
    """An XBlock JSON handler running ``action``; ``respond(block, content, outcome)`` may build
    the answer (rendered HTML, figures read from the store), else ``outcome.result`` is sent.

    ``replay(content, state, data, _) -> Outcome`` answers an action the learner already did (its
    ``action_id`` is one the block remembers): read-only, in the shape of the action's answer.
    Every action that writes has one; without it a repeated id runs the action again.

    ``writes=False``: the action changes nothing, so it answers past the due date and while staff
    view the course as a learner; its tracking events (a document opened) are still published,
    except while staff view as the learner (they are not the learner's doing).

    ``page``: the keys of the answer the block's page reads, all it gets when it asks
    ``"reply": "page"`` (``reply_keys``).

    ``bind(block) -> {name: value}``: what of the block the action takes besides its four
    arguments, as keywords (the role-play's choice secret), so the action stays pure.

    The action's ``_`` knows the request's language (``block.learner_gettext``, asked only when a
    message is written): its numbers as that language writes them ("20 000" in French)."""

    name = getattr(action, "__name__", "") or action.func.__name__  # a functools.partial has no name

    @block_handler  # refused first where the LMS checked no access (its handler_noauth address)
    @functools.wraps(action)
    def handler(block, request, suffix=""):
        try:
            check_address(block, suffix)
            data = parse_json(block, request)
            action_id = recovery.action_id(data, block.ugettext)
            data.pop(recovery.FIELD, None)
            # the answer's shape is not the action's data: taken out before the digest (a replay
            # asking "full" where the first asked nothing is the same request)
            keys = reply_keys(data, page, block.ugettext)
            digest = recovery.fingerprint(block, data) if action_id else ""
            content = block.load_content()
            return _run(block, content, data, action_id, digest, keys)
        except ActionError as err:
            return as_handler_error(err).response()
        except HandlerError as err:
            return err.response()
        except transactions.StoreError as err:  # text the database cannot hold, rows still locked: nothing kept
            return store_error(block, err).response()

    def _run(block, content, data, action_id, digest, keys):
        with content_cache.held(block, content):  # read once: its grade (``max_score``) reads it again
            if replay is not None and writes and recovery.seen(block, name, action_id, digest, block.ugettext, data):
                # the same request again (its reply was lost): answer as the first did, keep nothing;
                # also past the due date, which may have come since (nothing is written)
                outcome = replay(content, block.learner_state(), data, block.learner_gettext())
                return json_response(shaped(respond(block, content, outcome) if respond else outcome.result, keys))
            if writes:
                check_may_write(block)
            outcome = action(content, block.learner_state(), data, block.learner_gettext(),
                             **(bind(block) if bind else {}))
            if not writes and outcome.events and not platform.is_masquerading(block):
                for event_name, event in outcome.events:
                    block.runtime.publish(block, event_name, event)
            # a claim taken here is given back if anything after it fails (common.store)
            with store.claims_released_on_failure():
                joined = False
                if writes:
                    with store.state_joined() if outcome.writes else nullcontext(False) as joined:
                        carry_out(block, outcome, action_id)
                        recovery.remember(block, name, action_id, digest)
                        if joined:
                            # the answer is built before the save, as in the LMS, where the runtime saves
                            # after the handler: after a save the request's copy of the learner's fields
                            # holds the saved ones alone (UserStateCache.set_many), others read as unset
                            result = respond(block, content, outcome) if respond else outcome.result
                            block.save()  # the runtime's own save after the handler then finds nothing to write
                if not joined:
                    result = respond(block, content, outcome) if respond else outcome.result
        return json_response(shaped(result, keys))

    return handler


def carry_out(block, outcome, action_id=""):
    """Keep and publish what ``outcome`` decided, in the order that loses nothing.

    A store write this very action already made (``action_id`` found beside an attempt or
    one-time claim: the store kept it, the learner's state was not saved) is not made again; the
    state, score and completion are kept, the tracking events and the live room's answers not
    counted twice."""
    stored_before = False
    writes = list(outcome.writes)
    while writes:
        write = writes.pop(0)
        if isinstance(write, Claim) and writes and isinstance(writes[0], Record) and not writes[0].once:
            stored_before = _claim_and_record(block, write, writes.pop(0), action_id) or stored_before
        else:
            stored_before = _store(block, write, action_id) or stored_before
    if outcome.state is not None:
        block.keep_state(outcome.state)
    if outcome.score is not None:
        block.keep_score(outcome.score)
    if outcome.completion is not None:
        block.emit_completion(outcome.completion)
    if stored_before:
        return
    for name, event in outcome.events:
        block.runtime.publish(block, name, event)
    if outcome.live is not None:  # the live room's open session counts the answers too (common.live_room)
        block.record_live(outcome.live)


def kept_on_view(block, outcome):
    """Keep what a learner's page found as it rendered (``outcome``: a pure function's, or None for
    nothing): the learner's state and the tracking events only -- never a store write, a score or
    completion. The one case: answers the platform lets through since the learner's last action
    (the case study's ``learner.answers_seen``, bug hunt s44), which no handler sees. Views never
    write (``views.py`` renders only): the block's shell calls this once its view has rendered.

    Nothing while staff view the course as the learner (not the learner's doing; the platform keeps
    their field changes in the staff member's session, ``masquerade.py``) nor in Studio's preview
    (decision 80). Past the due date too: it keeps what the platform showed, not an answer. The
    runtime saves the fields after the view as after a handler (``xblock/runtime.py``:
    ``Runtime.render`` and ``handle`` call ``block.save()``, the LMS's runtime through them): the
    state is saved once the page is built, as ``carry_out``'s once the handler has answered."""
    if outcome is None or platform.in_studio_preview(block) or platform.is_masquerading(block):
        return
    block.keep_state(outcome.state)
    for name, event in outcome.events:
        block.runtime.publish(block, name, event)


def _claim_and_record(block, claim, record, action_id=""):
    """An attempt ``claim`` and the submission's ``record`` that follows it, kept in one
    transaction (one commit instead of two; the claim is still taken before any row is kept and
    given back if a later step fails, ``store.claims_released_on_failure``). A number already
    taken (a stale claim to take over, this very action sent again, another request's) goes the
    two-step way, which tells those apart. True if this action had already made them."""
    key, learner = str(block.scope_ids.usage_id), platform.learner_key(block)
    tag = recovery.slot(action_id) if action_id else ""
    try:
        _record(key, learner, record, claim=(learner, f"attempt-{claim.number}"), tag=tag, attempt=True)
    except store.AlreadyClaimed:
        claimed_before = _store(block, claim, action_id)
        return _store(block, record, action_id) or claimed_before
    return False


def _record(key, learner, write, claim=None, tag="", attempt=False):
    if write.unless and store.claimed(key, learner, write.unless):
        # sent once under that slot (an anonymous submission): its rows cannot be replaced, and
        # more rows would count the learner twice. A plain read before the transaction is enough:
        # the claim was committed before the learner's state said "submitted" (the store writes
        # come first), and only that state makes the action ask for the look (decision 4)
        raise refusal(write.refused)
    store.record(key, write.answers, comment=write.comment, comments=write.comments,
                 user_key=learner if write.named else "", replace=write.named,
                 claim=claim, tag=tag, role=write.role, attempt=attempt)


def _store(block, write, action_id=""):
    """Make one store write; True if this action (``action_id``) had already made it."""
    key, learner = str(block.scope_ids.usage_id), platform.learner_key(block)
    if isinstance(write, Claim):
        tag = recovery.slot(action_id) if action_id else ""
        try:
            store.claim(key, learner, f"attempt-{write.number}", stale_after=ATTEMPT_STALE_SECONDS, tag=tag)
        except store.AlreadyClaimed:
            if tag and store.claimed(key, learner, tag):
                return True
            raise refusal(write.refused) from None
    elif isinstance(write, Record):
        tag = recovery.slot(action_id) if (write.once and action_id) else ""
        try:
            _record(key, learner, write, claim=(learner, write.once) if write.once else None, tag=tag)
        except store.AlreadyClaimed:
            if tag and store.claimed(key, learner, tag):
                return True
            raise refusal(write.refused) from None
    elif isinstance(write, Paired):
        token = platform.pair_token(block, write.pair)
        if token is None:  # Studio's preview, or no user: nobody to keep a result for
            raise HandlerError("forbidden", block.ugettext(
                "Your answers cannot be kept here: open the course in the LMS to take this test."))
        course = platform.course_key(block)
        try:
            pairs.file_result(course, key, token, write,
                              gone=course_outline.gone_test(block, block.scope_ids.block_type))
        except pairs.AlreadyFiled:
            raise refusal(write.refused) from None
        # filed in its own transaction: taken back if a later step fails (the description busy, the
        # state not saved), or the learner would be refused "already answered" for good (bug hunt s43)
        store.undone_on_failure(lambda: pairs.take_back(course, key, token, write))
    elif isinstance(write, Described):
        descriptions.describe(key, platform.course_key(block), block.scope_ids.block_type, write.text)
    else:  # pragma: no cover - a programming error, not a request's
        raise TypeError(f"unknown store write {write!r}")
    return False
