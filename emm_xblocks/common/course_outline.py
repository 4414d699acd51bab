"""Which blocks of a type the course's outline holds now, for the course-wide evaluation report
and the knowledge check's results (a deleted test's count nowhere), and which of them have a
setting set to a value, for the knowledge check's Studio warning of two tests of one pair key and
phase (``blocks_set_to``).

The report reads what each evaluation and knowledge check asked from ``models.EvaluationDescription``
(written by their submissions, ``common.descriptions``), rows that stay when an author deletes
the block in Studio: the learners' answers are kept (a block put back, or re-imported under its
``url_name``, finds them again). What the report counts is what the published course holds: a
rehearsal evaluation answered by staff stayed in the donor's headline, and deleting it did not
take it out (facilitator trial s38).

In the LMS that is the modulestore's ``get_items(course_key, qualifiers={"category": type},
include_orphans=False)`` (``xmodule/modulestore/split_mongo/split.py``, through
``xmodule/modulestore/mixed.py``): the blocks of that type in the course's tree, on the branch the
request reads (published in the LMS; a delete takes the block and its subtree out of the
structure when published). ``apps.connect_course_outline`` connects the platform's
``modulestore`` at start-up; where there is none (the xblock-sdk workbench), or it fails, nothing
is left out (``block_ids`` answers None) and the report counts every described block, as before.
"""

import logging

from . import descriptions, platform

log = logging.getLogger(__name__)

_modulestore = None  # the platform's ``xmodule.modulestore.django.modulestore``, once connected


def connect(modulestore):
    """Read outlines from ``modulestore()`` (a callable answering an object with ``get_items``)."""
    global _modulestore  # noqa: PLW0603 - one platform per process, connected at start-up
    _modulestore = modulestore


def disconnect():
    connect(None)


def block_ids(course_key, block_type):
    """``frozenset`` of the ``block_id`` of each ``block_type`` block in the outline of
    ``course_key`` (the platform's key object, ``usage_id.context_key``), or None where no
    outline can be read: no modulestore (the workbench), or it failed (logged: the report then
    counts every described block rather than none)."""
    items = _items(course_key, block_type, f"every {block_type} described is counted")
    return None if items is None else frozenset(item.location.block_id for item in items)


def blocks_set_to(course_key, block_type, **settings):
    """The ``block_type`` blocks of the outline of ``course_key`` whose settings fields ``settings``
    are set to those values, as the modulestore loads them (their fields read as in Studio or the
    LMS), or None where no outline can be read (``block_ids``). ``get_items``' ``settings`` are
    matched on the structure, before any block is loaded, and only with a value set on the block
    (split's ``_block_matches``: never a default or an inherited value): ask only for fields a
    block has set whenever it has that value (a knowledge check's pair key, "" by default)."""
    return _items(course_key, block_type, f"nothing is said of its other {block_type} blocks", settings)


def _items(course_key, block_type, instead, settings=None):
    """``get_items`` of the ``block_type`` blocks in the tree of ``course_key`` (with ``settings``,
    if any), or None: no modulestore, an old-style key, or the store failed (logged, with what is
    done ``instead``)."""
    if _modulestore is None or course_key is None or getattr(course_key, "deprecated", False):
        return None  # an old-style key: split answers none of its blocks, which would leave out all
    more = {"settings": settings} if settings else {}
    try:
        return list(_modulestore().get_items(course_key, qualifiers={"category": block_type},
                                             include_orphans=False, **more))
    except Exception:  # noqa: BLE001 - any store failure: said in the log, and what is done instead
        log.warning("The outline of %s could not be read: %s", course_key, instead, exc_info=True)
        return None


def block_id_of(usage_key_text):
    """The ``block_id`` of a usage key's text (``block-v1:O+C+R+type@T+block@ID``: ``ID``; an old
    ``i4x://O/C/T/ID`` key: its last part): a block id holds neither ``@`` nor ``/``."""
    if "block@" in usage_key_text:
        return usage_key_text.rsplit("block@", 1)[1]
    return usage_key_text.rstrip("/").rsplit("/", 1)[-1]


def in_outline(described, course_key, block_type):
    """``described`` (``[(usage key text, fields)]``, ``descriptions.course_descriptions``) less the
    blocks the outline no longer holds; all of it where no outline can be read (``block_ids``)."""
    present = block_ids(course_key, block_type)
    if present is None:
        return described
    return [(key, fields) for key, fields in described if block_id_of(key) in present]


def described_and_gone(block, block_type, usage_key=None):
    """``(kept, gone)``: ``[(block key, fields)]`` of the described blocks of ``block_type`` in the
    course of the block's key (or of ``usage_key``) that its outline still holds, and the keys
    (text) of those it no longer holds (deleted in Studio: neither they nor their learners'
    results count, in the report or in a knowledge check's own staff panel)."""
    key = block.scope_ids.usage_id if usage_key is None else usage_key
    every = descriptions.course_descriptions(platform.course_key(block, key), block_type)
    kept = in_outline(every, getattr(key, "context_key", None), block_type)
    return kept, {k for k, _fields in every} - {k for k, _fields in kept}


def gone_test(block, block_type):
    """``gone(block key text)``: True where the outline of ``block``'s course no longer holds that
    block of ``block_type`` (deleted in Studio). The outline is read once, at the first question
    (most never come: only a learner's earlier row asks); where none can be read, nothing is gone."""
    present = []

    def gone(block_key):
        if not present:
            present.append(block_ids(getattr(block.scope_ids.usage_id, "context_key", None), block_type))
        return present[0] is not None and block_id_of(block_key) not in present[0]

    return gone
