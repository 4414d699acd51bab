"""What an author's edit does to the answers learners already gave, the half every block's
``changes.py`` shares (pure: no XBlock, no Django; not the live room, ``common.live``).

Each block's ``changes.answer_changes(old, new, _) -> [Problem]`` compares the content a save would
replace with the one it would store, and names every change that touches stored answers (a scale
relabelled, a statement, question, option or node removed or renamed, correct answers changed),
each as a warning (``Problem(..., error=False)``) tied to the field the editor shows it at.
``EditableContentMixin.studio_submit`` refuses such a save (409 ``answers_touched``) while answers
are stored, unless the author confirms it (``confirm: true``).

``id_changes`` is the comparison the three blocks share: items (statements, questions, options,
nodes) are matched by id; an item whose id vanished is *renamed* when a new item with a new id has
the same text (the author edited the id), else *removed*.

``reworded`` finds the items kept under their id whose words changed beyond spacing, case and
punctuation: their answers are pooled with those given to the new words (the Likert's warning).

``grade_policy_changes`` is the warning of a graded block whose attempt that counts (best or last)
changed: the case study's and the role-play's, each in its own words.

``grades_kept(_)`` is the sentence a warning of a graded block's re-keying ends with (the case
study's and the knowledge check's): the LMS keeps each grade until staff rescore (decision 10).
"""

import unicodedata
from dataclasses import dataclass

from .attempts import COUNT_BEST, COUNTED_ATTEMPT
from .text import one_line
from .validation import Problem


@dataclass(frozen=True)
class IdChange:
    """``old_id`` vanished; ``new_index``/``new_id``: the item it was renamed to (None: removed)."""

    old_id: str
    new_index: int | None = None
    new_id: str | None = None

    @property
    def renamed(self):
        return self.new_index is not None


def id_changes(old_items, new_items, text=lambda item: ""):
    """``[IdChange]`` for each item of ``old_items`` whose ``id`` is not in ``new_items``, in old order.

    ``text(item)`` is what identifies an item besides its id (a statement's text, a node's
    narrative): a new item with a new id and the same non-empty text is the old one renamed."""
    new_ids = {item.id for item in new_items}
    old_ids = {item.id for item in old_items}
    fresh = [(i, item) for i, item in enumerate(new_items) if item.id not in old_ids]
    changes = []
    for item in old_items:
        if item.id in new_ids:
            continue
        key = one_line(text(item))
        match = next(((i, new) for i, new in fresh if key and one_line(text(new)) == key), None)
        if match is None:
            changes.append(IdChange(item.id))
        else:
            fresh.remove(match)
            changes.append(IdChange(item.id, match[0], match[1].id))
    return changes


def id_change_problems(old_items, new_items, text, where, renamed, removed):
    """``[Problem(..., error=False)]``, one per ``id_changes(old_items, new_items, text)``: an item
    renamed is named at ``{where}.{new index}.id`` with ``renamed(old id)``, an item removed at
    ``where`` with ``removed(old id)`` (both give the translated message)."""
    return [Problem(f"{where}.{change.new_index}.id", renamed(change.old_id), False) if change.renamed
            else Problem(where, removed(change.old_id), False)
            for change in id_changes(old_items, new_items, text)]


def kept_pairs(old_items, new_items):
    """``[(new index, old item, new item)]`` of the items present in both, matched by id."""
    old = {item.id: item for item in old_items}
    return [(i, old[item.id], item) for i, item in enumerate(new_items) if item.id in old]


def comparable_words(text):
    """``text``'s words as a comparison sees them: case, spacing and punctuation left out (a typo's
    apostrophe, a French no-break space or a doubled space changes no meaning), each run of them
    one space ("a part" is not "apart", "1.5" not "15"), and the Unicode composed (NFC: an "é"
    pasted as "e" and an accent is an "é")."""
    return one_line("".join(ch if ch.isalnum() else " " for ch in unicodedata.normalize("NFC", text or "").casefold()))


def reworded(old_items, new_items, text):
    """``[(new index, old item, new item)]`` of the items kept under their id (``kept_pairs``) whose
    ``text(item)`` changed beyond case, spacing and punctuation."""
    return [(i, was, now) for i, was, now in kept_pairs(old_items, new_items)
            if comparable_words(text(was)) != comparable_words(text(now))]


def grades_kept(_):
    """What a changed answer key or points do to the grades already given, translated: the LMS
    keeps them as they are until staff rescore (decision 10; the learner's page says it too,
    ``common.attempts.held_grade_words``)."""
    return _("Learners who already answered keep the score they were given until staff rescore.")


def grade_policy_changes(old_policy, new_policy, message, _):
    """``[Problem("grade_policy", message(was), error=False)]`` when the attempt that counts changed
    from ``old_policy`` to ``new_policy`` (``common.attempts``: best or last), else ``[]``.
    ``message(was)`` is the block's warning, given the old policy's translated name ("Best
    attempt"; an unknown one reads as best, as ``counted_attempt`` counts it)."""
    if new_policy == old_policy:
        return []
    return [Problem("grade_policy", message(_(COUNTED_ATTEMPT.get(old_policy, COUNTED_ATTEMPT[COUNT_BEST]))), False)]
