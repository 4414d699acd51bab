"""The ids that still hold learners' answers after the item that had them went (pure: no XBlock,
no Django).

Learners' answers name what they answered by id: a case study's attempts and "how others
answered" name its questions and options, a role-play's paths and "how others chose" its nodes,
every block's figures by profile its profile options. An item removed (or whose id was renamed)
while answers are stored leaves them under its old id, shown apart ("an option removed since you
answered"). An item added later under that id would take them: the learner's results would say
they answered it, the figures would count them for it, a rescore would grade them against it
(bug hunt: the editors name a new row with the first free id, the one just freed).

So a block keeps in its content each such id (``Retired``: its list, its id, the question an
option was in, and its item's words, shortened, with a key of them whole), as the Likert keeps
its removed statements' words (``likert.changes``). ``renames`` finds the items of a save that
take a retired id with other words: the block's ``changes.answer_changes`` holds the save with a
warning at the id (409 ``answers_touched``) that names the id "Save anyway" gives the item instead
(``fresh_id``), and its ``changes.carry_over`` gives it (``renamed``), so the answers stay apart.
An item given its old id back with its old words (``changes.comparable_words``: case, spacing
and punctuation aside) is the old item back: its answers are its own again, and its id is no
longer retired (``updated``). ``gone`` names what a save retires; ``profile_held`` and
``profile_carried`` are the profile question's half, the same in the three blocks;
``questions_held`` and ``questions_carried`` the questions' (their options and key points), the
same in the case study and the knowledge check.

The editors avoid retired ids when they name a new row (``editor_ids``, their init args'
``retired_ids``), so an author rarely meets the warning. An export writes them
(``add_xml``: ``<retired_id list="options" of="q1" value="o2" key="...">Detain her</retired_id>``: the
id as a ``value``, as no item of the block is named so any more)
and an import reads them back (``from_xml``), as the Likert's ``<removed_item>``: a course
imported again over the one whose learners answered keeps them apart.
"""

import hashlib
import re
from dataclasses import dataclass, replace

from . import olx
from .changes import comparable_words
from .i18n import N_
from .ids import MAX_ID, id_key
from .olx_shapes import element
from .sanitize import plain_text
from .text import one_line, shortened
from .validation import Problem

QUESTIONS, OPTIONS, KEY_POINTS = "questions", "options", "key_points"  # a case study's, a knowledge check's
NODES, ROLES = "nodes", "roles"  # a role-play's
PROFILE_OPTIONS = "profile_options"  # every block's
MAX_RETIRED = 200  # ids kept (the latest): an older one is forgotten
WORDS = 80  # characters of an item's words kept to name it in the warning
_DIGITS = re.compile(r"\d+$")


@dataclass(frozen=True)
class Retired:
    """An id that holds answers of an item gone: ``list`` (``QUESTIONS``, ``OPTIONS``, ``KEY_POINTS``,
    ``NODES``, ``ROLES``, ``PROFILE_OPTIONS``), ``id``, ``words`` (the item's, one line, at most
    ``WORDS`` characters), ``key`` (``words_key`` of its words whole) and ``of`` (an option's or a
    key point's question id, else "")."""

    list: str
    id: str
    words: str = ""
    key: str = ""
    of: str = ""


def words_key(text):
    """16 hex digits that tell ``text``'s words (``changes.comparable_words``) from others'."""
    return hashlib.sha256(comparable_words(text).encode()).hexdigest()[:16]


def _place(entry_list, of, item_id):
    return entry_list, id_key(of), id_key(item_id)


def _held_by(retired, kind, of=""):
    """``{id_key: Retired}`` of ``retired``'s ids of list ``kind`` (of question ``of``)."""
    of = id_key(of)
    return {id_key(r.id): r for r in retired if r.list == kind and id_key(r.of) == of}


def fresh_id(item_id, taken):
    """The id "Save anyway" gives an item whose id ``item_id`` is retired: its stem (``item_id``
    less its last digits, else ``item_id`` and "-") and the first number from 2 whose id is not
    in ``taken`` (``id_key``s), within ``ids.MAX_ID`` characters ("o2" -> "o3", "detain" -> "detain-2")."""
    stem = _DIGITS.sub("", item_id)
    if stem == item_id:
        stem += "-"
    n = 2
    while True:
        candidate = stem[:MAX_ID - len(str(n))] + str(n)
        if id_key(candidate) not in taken:
            return candidate
        n += 1


def renames(retired, kind, old_items, new_items, text, of=""):
    """``{index: (Retired, fresh id)}``: the items of ``new_items`` whose ``id`` is retired in list
    ``kind`` (of question ``of``) with other words (``text(item)``), each with the id "Save anyway"
    gives it instead (``fresh_id``: none of ``old_items``', ``new_items``', the retired ids' nor
    another's)."""
    held = _held_by(retired, kind, of)
    taken = {id_key(item.id) for item in (*old_items, *new_items)} | set(held)
    found = {}
    for i, item in enumerate(new_items):
        entry = held.get(id_key(item.id))
        if entry is not None and entry.key != words_key(text(item)):
            fresh = fresh_id(item.id, taken)
            taken.add(id_key(fresh))
            found[i] = (entry, fresh)
    return found


def brought_back(retired, kind, items, text, of=""):
    """The indices of ``items`` that take an id retired in list ``kind`` (of question ``of``) with
    its old words (``text(item)``): the old item back, its answers its own again, nothing new (a
    case study's question or key point added so warns of nothing, ``case_study.changes``)."""
    held = _held_by(retired, kind, of)
    return {i for i, item in enumerate(items)
            if id_key(item.id) in held and held[id_key(item.id)].key == words_key(text(item))}


def held(found, where, message):
    """``[Problem(..., error=False)]`` at ``{where}.{index}.id``, one per item of ``found``
    (``renames``), worded by ``message(item's id, its words then, fresh id)``."""
    return [Problem(f"{where}.{i}.id", message(entry.id, entry.words, fresh), False)
            for i, (entry, fresh) in found.items()]


def renamed(items, found):
    """``items`` with the fresh ids of ``found`` (``renames``)."""
    return tuple(replace(item, id=found[i][1]) if i in found else item for i, item in enumerate(items))


def gone(kind, old_items, new_items, text, of=""):
    """``[Retired]`` of the items of ``old_items`` whose id ``new_items`` no longer has."""
    ids = {id_key(item.id) for item in new_items}
    return [Retired(kind, item.id, shortened(one_line(text(item)), WORDS), words_key(text(item)), of)
            for item in old_items if id_key(item.id) not in ids]


def used(kind, items, of=""):
    """The places (``updated``'s ``taken``) of ``items``' ids in list ``kind`` (of question ``of``)."""
    return {_place(kind, of, item.id) for item in items}


def updated(retired, retiring, taken):
    """``retired`` less the ids a content holds again (``taken``: ``used``'s places; the item back
    with its words, or an id no answer is stored under) and the ids ``retiring`` retires anew, then
    ``retiring`` (``gone``); the last ``MAX_RETIRED``."""
    anew = {_place(r.list, r.of, r.id) for r in retiring}
    kept = [r for r in retired if _place(r.list, r.of, r.id) not in taken | anew]
    return tuple((kept + list(retiring))[-MAX_RETIRED:])


def without_retired(data):
    """``data`` (a content's plain data, its editor's form) less ``retired_ids``: the editors never
    send them; the save keeps them (``changes.carry_over``)."""
    return {name: value for name, value in data.items() if name != "retired_ids"}


def editor_ids(retired):
    """``{list: [id]}`` the editors do not give a new row (``retired_ids``; an option's of any question)."""
    out = {}
    for r in retired:
        out.setdefault(r.list, []).append(r.id)
    return out


def _text(item):
    """An option's (a question's, the profile question's) or a key point's words."""
    return item.text


# ------------------------------------------------------------------ the profile question's options
def profile_held(old, new, _):
    """The warnings of ``new``'s profile options that take an id ``old`` retired with other words
    (``held``, at ``profile_options.<index>.id``), translated by ``_`` (the same in every block)."""
    return held(renames(old.retired_ids, PROFILE_OPTIONS, old.profile_options, new.profile_options, _text),
                PROFILE_OPTIONS, lambda was, words, fresh: _(
                    "The id “{id}” was that of a profile option removed since participants chose it (“{words}”): "
                    "they are still counted under it. “Save anyway” gives this option the id “{new}”, so that they "
                    "stay apart. To bring the removed option back, give it its old words.")
                .format(id=was, words=words, new=fresh))


def profile_carried(old, new, answered):
    """``(options, retiring, taken)`` of ``new``'s profile options once saved: the options, those
    that took a retired id with other words given a fresh one when ``answered``; the options of
    ``old`` gone when ``answered``; the places their ids hold (``updated``)."""
    options = new.profile_options
    if not answered:
        return options, [], used(PROFILE_OPTIONS, options)
    options = renamed(options, renames(old.retired_ids, PROFILE_OPTIONS, old.profile_options, options, _text))
    return options, gone(PROFILE_OPTIONS, old.profile_options, options, _text), used(PROFILE_OPTIONS, options)


# ------------------------------------------------------------------ the questions, their options and key points
# a question's lists whose ids learners' answers name (a choice, a self-assessment's tick), and how
# the warning says one taken (``questions_held``: "Question {n}: ...")
_PARTS = {
    OPTIONS: N_("Question {n}: the id “{id}” was that of an option removed since learners chose it (“{words}”): "
                "their answers are still stored under it. “Save anyway” gives this option the id “{new}”, so "
                "that they stay apart. To bring the removed option back, give it its old words."),
    KEY_POINTS: N_("Question {n}: the id “{id}” was that of a key point removed since learners assessed their "
                   "answers against it (“{words}”): their ticks are still stored under it. “Save anyway” gives this "
                   "key point the id “{new}”, so that they stay apart. To bring the removed key point back, give it "
                   "its old words."),
}


def _prompt(question):
    return plain_text(question.prompt)


def questions_held(old, new, _):
    """The warnings (``held``) of ``new``'s questions, and of their options and key points, that take
    an id ``old`` retired with other words (a question's: its prompt), translated by ``_``. A
    question given another id checks none of its options or key points (none is retired under the
    id it is given)."""
    found = renames(old.retired_ids, QUESTIONS, old.questions, new.questions, _prompt)
    problems = held(found, QUESTIONS, lambda was, words, fresh: _(
        "The id “{id}” was that of a question removed since learners answered it (“{words}”): their answers are "
        "still stored under it. “Save anyway” gives this question the id “{new}”, so that they stay apart. To "
        "bring the removed question back, give it its old words.").format(id=was, words=words, new=fresh))
    olds = {id_key(q.id): q for q in old.questions}
    for i, q in enumerate(new.questions):
        if i not in found:
            for part, message in _PARTS.items():
                problems += held(renames(old.retired_ids, part, getattr(olds.get(id_key(q.id)), part, ()),
                                         getattr(q, part), _text, q.id),
                                 f"{QUESTIONS}.{i}.{part}", lambda was, words, fresh, n=i + 1, said=message: _(said)
                                 .format(n=n, id=was, words=words, new=fresh))
    return problems


def questions_carried(old, new, answered):
    """``(questions, retiring, taken)`` of ``new``'s questions once saved: the questions, those (and
    the options and key points) that took a retired id with other words given a fresh one when
    ``answered``; the questions, options and key points of ``old`` gone (a question's with its
    options and key points) when ``answered``; the places their ids hold (``updated``)."""
    found = renames(old.retired_ids, QUESTIONS, old.questions, new.questions, _prompt) if answered else {}
    olds = {id_key(q.id): q for q in old.questions}
    questions, retiring, taken = [], [], set()
    for q in renamed(new.questions, found):
        parts = {}
        for part in _PARTS:
            before, items = getattr(olds.get(id_key(q.id)), part, ()), getattr(q, part)
            if answered:
                items = renamed(items, renames(old.retired_ids, part, before, items, _text, q.id))
                retiring += gone(part, before, items, _text, q.id)
            taken |= used(part, items, q.id)
            parts[part] = items
        questions.append(replace(q, **parts))
    if answered:
        retiring += gone(QUESTIONS, old.questions, questions, _prompt)
        kept = {id_key(q.id) for q in questions}
        retiring += [entry for q in old.questions if id_key(q.id) not in kept
                     for part in _PARTS for entry in gone(part, getattr(q, part), (), _text, q.id)]
    return tuple(questions), retiring, taken | used(QUESTIONS, questions)


# ------------------------------------------------------------------ stored data and OLX
def to_data(retired):
    """``[{"list", "id", "words", "key", "of"}]`` (JSON types)."""
    return [{"list": r.list, "id": r.id, "words": r.words, "key": r.key, "of": r.of} for r in retired]


def from_data(raw):
    """``Retired``s of ``to_data``'s list (anything else, or an entry that is not one, skipped)."""
    if not isinstance(raw, list | tuple):
        return ()
    return tuple(r if isinstance(r, Retired) else Retired(*(str(r.get(name) or "") for name in
                                                            ("list", "id", "words", "key", "of")))
                 for r in raw if isinstance(r, Retired | dict))


SHAPE = element("list", "value", "key", "of")  # ``<retired_id>`` (``common.olx_shapes``)


def add_xml(el, retired):
    """A ``<retired_id list="" value="" key="" of="">words</retired_id>`` child of ``el`` per id."""
    for r in retired:
        olx.add_text(el, "retired_id", r.words, list=r.list, value=r.id, key=r.key, of=r.of or None)


def from_xml(el):
    """The ``Retired``s of ``el``'s ``<retired_id>`` children."""
    return tuple(Retired(node.get("list", ""), node.get("value", ""), olx.text_of(node), node.get("key", ""),
                         node.get("of", "")) for node in el.iterchildren("retired_id"))
