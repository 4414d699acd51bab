"""Which choice a learner made, as the scenario now numbers its choices (pure; decision 89).

A learner's step is stored by the place of its choice in its node's list (``taken``) and by the
choice's mark (``marks``, one per step): a short digest of its label (on one line, as the editor
compares labels: ``changes._choices_moved``) and of the node it leads to. An author who moves a
node's choices ("Save anyway") leaves the places naming other choices; the mark finds the one the
learner made (``places``). An attempt stored without marks (before decision 89, or damaged) is
read by its places, as it always was.
"""

import hashlib

from ..common.text import one_line

# hexadecimal digits: told apart among one node's few choices, a few bytes a step in a learner's
# state (which a phone on slow data loads with the page)
MARK_LENGTH = 6


def mark(choice):
    """``choice``'s mark: ``MARK_LENGTH`` lowercase hexadecimal digits of a SHA-256 of its label
    (``one_line``) and its target (``goto``). Its points, conditions and consequence are not part of
    it: a choice whose points change is the same choice (graded with its new points on a rescore)."""
    return _digest(choice.label, choice.goto)


def _digest(label, goto):
    return hashlib.sha256(f"{one_line(label)}\x00{goto}".encode()).hexdigest()[:MARK_LENGTH]


def marks_of(scenario, path, taken):
    """The marks of the choices ``taken`` along ``path`` (a path ``paths.path_is_valid`` accepts)."""
    return [mark(scenario.node(nid).choices[index]) for nid, index in zip(path, taken, strict=False)]


def marked(taken, marks):
    """``marks`` holds one mark per step of ``taken`` (else the steps are read by their places)."""
    return (isinstance(marks, list) and isinstance(taken, list) and len(marks) == len(taken)
            and all(isinstance(m, str) for m in marks))


def found(node, index, wanted, went):
    """The place in ``node`` of the choice marked ``wanted`` that the learner took to node ``went``:
    ``index`` while the choice there is it, else the place of the one choice of the node that is it
    (moved), else None (its label changed, or it was removed; two choices alike leave it unknown
    too). A choice found that leads elsewhere now breaks the path there (``paths.path_is_valid``)."""
    at = [i for i, choice in enumerate(node.choices) if _digest(choice.label, went) == wanted]
    if index in at:
        return index
    return at[0] if len(at) == 1 else None


def places(scenario, path, taken, marks):
    """Each step's place now (``found``), None for a step whose choice or node is not found; the
    places stored (``taken``, as it is) for an attempt stored without marks (``marked``)."""
    if not marked(taken, marks):
        return list(taken)
    now = []
    for nid, went, index, wanted in zip(path, path[1:], taken, marks, strict=False):
        node = scenario.node(nid)
        now.append(found(node, index, wanted, went) if node is not None else None)
    return now + [None] * (len(taken) - len(now))


def followed(scenario, path, taken, marks):
    """``taken`` with each choice made found where it is now, or None when one is not found (a
    choice found that leads elsewhere now is ``paths.path_is_valid``'s to refuse): a finished
    attempt then keeps the score it earned (``scoring.attempt_score``) and shows its path
    as far as its choices are found (``known``)."""
    now = places(scenario, path, taken, marks)
    return None if None in now else now


def known(scenario, path, taken, marks):
    """The places now of the steps before the first whose choice is not found (``paths.kept_steps``
    shows their labels up to a choice that leads elsewhere now)."""
    now = places(scenario, path, taken, marks)
    return now[:now.index(None)] if None in now else now


def in_play(scenario, path, taken, marks):
    """The places now of an attempt in play: a choice moved is followed; one not found keeps its
    place (a choice reworded in its place is the same choice, as the editor reads it; one that leads
    elsewhere now breaks the path there, ``paths.path_is_valid``)."""
    return [index if now is None else now
            for index, now in zip(taken, places(scenario, path, taken, marks), strict=False)]
