"""Which choice a learner made, as the scenario now numbers its choices (pure; decision 9NN).

A choice has no id: a learner's step names it by its place in its node's list. Its mark, a short
digest of its label (on one line, as the editor compares labels: ``changes._choices_moved``) and
of the node it leads to, tells whether the choice at a place is still the one a page offered
there (``learner.choice_token``).
"""

import hashlib

from ..common.text import one_line

# hexadecimal digits: told apart among one node's few choices
MARK_LENGTH = 6


def mark(choice):
    """``choice``'s mark: ``MARK_LENGTH`` lowercase hexadecimal digits of a SHA-256 of its label
    (``one_line``) and its target (``goto``). Its points, conditions and consequence are not part of
    it: a choice whose points change is the same choice."""
    return _digest(choice.label, choice.goto)


def _digest(label, goto):
    return hashlib.sha256(f"{one_line(label)}\x00{goto}".encode()).hexdigest()[:MARK_LENGTH]
