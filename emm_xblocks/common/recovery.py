"""Actions done once, whatever the network does: the client's action ids (decision 22).

The page sends ``action_id`` with every learner POST: a random id made for one action and sent
again, unchanged, when that action is retried (``EMM.action`` in ``static/js/emm-common.js``).
The block remembers the ids of the last ``KEPT`` actions that wrote something in the learner's
state (``action_ids``, ``Scope.user_state``: saved with the rest of the state, in the same
``StudentModule`` row, by the runtime's ``save()`` after the handler), each as
``"<action>:<id>:<fingerprint>"`` (``fingerprint``: a digest of the request's other data, keyed
by the block and the learner, decision 113). A request whose id and data are remembered for the
same action is answered from the learner's state as the first one was (``common.pipeline``: the
action's ``replay``), and changes nothing: no second attempt, no second row, no "already
submitted". The same id with other data is no retry (the page never sends one; a crafted request,
trial s32, was answered as the first): refused, 409 ``action_reused``, nothing done. An entry kept
before fingerprints (``"<action>:<id>"``) is a retry whatever the data; one kept with the block-only
digest of the releases before 113 is compared with that digest.

Where the action's rows and its one-time claim are committed by the store before the learner's
state is saved (the anonymous evaluation), the id also goes into the store, as a claim
``action-<id>`` taken in the same transaction as the rows (``slot``): if the state was then lost,
the retry finds it and is told it was done.
"""

import hashlib
import hmac
import json
import re

from . import platform

FIELD = "action_id"
KEPT = 8  # ids remembered per learner and block: one action is sent at a time per block and page
_VALID = re.compile(r"[A-Za-z0-9_-]{8,64}")


def action_id(data, _):
    """The request's action id ("" when it sends none: the mobile apps, a page older than ids);
    raises ``HandlerError`` 400 ``invalid_request`` for one that is not 8-64 of ``[A-Za-z0-9_-]``."""
    from .errors import HandlerError

    value = data.get(FIELD)
    if value is None:
        return ""
    if not isinstance(value, str) or not _VALID.fullmatch(value):
        raise HandlerError("invalid_request", _("The request could not be read."))
    return value


def fingerprint(block, data):
    """A short digest of a request's data (its ``action_id`` and ``reply`` taken out): the same for the same
    JSON whatever the order of its keys; "" for data JSON cannot write (none is parsed so). It is kept
    in the learner's state, which the platform's "problem responses" report and staff debug show
    beside the username, so it is keyed (HMAC) with the block's secret, that an anonymous
    evaluation's few possible answer sets cannot be hashed one by one until one matches (bug hunt
    s44), and with the learner's anonymous id, that two learners who sent the same answers do not
    carry the same digest (bug hunt s6-privacy: the report's learners grouped by digest beside the
    anonymous CSV's rows grouped by answers said who answered what). The same learner's retry of
    the same request still has the same digest (decision 113)."""
    text = _text(data)
    if text is None:
        return ""
    message = f"{platform.learner_key(block)}\x00{text}".encode()
    return hmac.new(platform.secret(block, "action-data"), message, hashlib.sha256).hexdigest()[:16]


def _text(data):
    try:
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError):
        return None


def _block_fingerprint(block, data):
    """The digest the releases before decision 113 kept (keyed by the block only), still read so that a
    retry of an action done just before the upgrade is recognised ("" for data JSON cannot write)."""
    text = _text(data)
    return "" if text is None else hmac.new(platform.secret(block, "action-data"), text.encode("utf-8"),
                                            hashlib.sha256).hexdigest()[:16]


def seen(block, action, value, digest, _, data=None):
    """True if ``action`` already ran with the id ``value`` and the data of ``digest``
    (``fingerprint``) for this learner; raises ``HandlerError`` 409 ``action_reused`` where it ran
    with that id and other data. An entry kept before digests (``"<action>:<id>"``) is a retry
    whatever the data; one kept with the previous release's digest (keyed by the block only) is
    compared with that digest of ``data``, the request's data."""
    if not value:
        return False
    kept = block.action_ids or []
    if f"{action}:{value}:{digest}" in kept or f"{action}:{value}" in kept:
        return True
    same_id = [entry for entry in kept if entry.startswith(f"{action}:{value}:")]
    if not same_id:
        return False
    if data is not None and f"{action}:{value}:{_block_fingerprint(block, data)}" in same_id:
        return True
    from .errors import HandlerError

    raise HandlerError("action_reused", _("This request repeats an earlier one with other answers: reload the "
                                          "page to see what was kept."))


def remember(block, action, value, digest):
    """Keep the id of an action that was done, with its data's ``digest`` (the oldest give way)."""
    if not value:
        return
    prefix = f"{action}:{value}"
    kept = [e for e in (block.action_ids or []) if e != prefix and not e.startswith(prefix + ":")]
    block.action_ids = [*kept[-(KEPT - 1):], f"{prefix}:{digest}"]


def slot(value):
    """The store's claim slot that records the action ``value`` beside the rows it wrote."""
    return f"action-{value}"


PAST_DUE = "past_due"  # ``pipeline.write_refusal``'s code once the due date has passed


def draft_key(block, refusal=None):
    """The page's key for the answers in progress it keeps on the device (``EMM.deviceDraft``): a
    keyed hash of the learner and the block, so two learners of one phone never see each other's
    drafts and the key names neither. "" where nothing may be kept: staff viewing as a learner, or
    Studio's preview (``refusal``, from ``pipeline.write_refusal``). Past the due date the key is
    still given: the page must find what the device kept to forget it (``device_keys``)."""
    if refusal is not None and refusal.code != PAST_DUE:
        return ""
    return hmac.new(platform.secret(block, "drafts"), platform.learner_key(block).encode(),
                    hashlib.sha256).hexdigest()[:24]


def device_keys(block, refusal, submitted):
    """The page's init args for what it keeps on the device: ``draft_key`` (``draft_key``) and
    ``lapsed``: True past the due date (``refusal`` ``past_due``) while the learner's state holds no
    submitted attempt (``submitted`` False: never submitted, or back on the form after "Try
    again"): what the device kept under the key (typed offline, or a submit that waited for the
    connection) was never submitted and never will be. The script then says so and forgets it
    (``EMM.deviceDraft``'s ``lapse``): a shared phone keeps no learner's answers for good (decision
    22), and the learner is not left believing they went."""
    return {"draft_key": draft_key(block, refusal),
            "lapsed": refusal is not None and refusal.code == PAST_DUE and not submitted}
