"""The live room (pure): what a facilitator projects, and the figures the room sees.

A block offers its projectable items (``Item``: a role-play decision, a case-study choice
question, a Likert statement), each with its options (``Option``: a choice, an answer option, a
point of the scale). While a facilitator's *session* is open (``Session``), every answer a
participant gives at an item is kept as one value per participant and item (a later answer at
the same item replaces the earlier one), and the room sees ``figures``: how many answered, and
per option a count and a percentage, but nothing at all while fewer than the block's minimum
group size answered (docs/decisions/0005-minimum-group-size.md). Each percentage is rounded half up
on its own, as everywhere in the package (``perspectives.share``): equal counts show equal
percentages, and a column may add up to 99 or 101.

Values are the ones the blocks already store: a Likert point (``"1"`` .. ``"7"``, ``"na"``), a
case-study option id, a role-play choice index (``"0"``, ``"1"`` ...). A multiple-choice
question's value is its picked option ids joined by spaces (a respondent may pick several: the
percentages are of respondents and may add up to more than 100).

Pure: no XBlock, no Django.
"""

import datetime
import hashlib
import hmac
import json
from dataclasses import dataclass, replace

from .perspectives import share

# A session nobody ended stops taking answers after this long: a facilitator who forgot to press
# "End" must not keep collecting a room's answers for days.
MAX_SESSION = datetime.timedelta(hours=8)

DECISION, QUESTION, STATEMENT = "decision", "question", "statement"


@dataclass(frozen=True)
class Option:
    """One answer the room can give: ``value`` as stored, ``label`` as shown (plain text),
    ``correct``: the block marks it as a right answer (shown only on "reveal"); ``apart``: counted
    apart, its count shown but outside the percentages (a Likert "Not applicable", as the results
    panel and the report count it); ``own``: the label is the author's words (an option, a choice,
    a custom scale's point), not the reader's (a preset scale's translated point, "Not
    applicable"): it carries the author's language (``common.content_language``)."""

    value: str
    label: str
    correct: bool = False
    apart: bool = False
    own: bool = True


@dataclass(frozen=True)
class Item:
    """One projectable screen: ``id`` is the group the answers are kept under (statement,
    question or node id), ``prompt`` the author's text (HTML where ``prompt_html``; the view
    sanitises it), ``multiple`` for a question with several answers per respondent; ``group``:
    whose item it is, named on its screen (a role-play decision's role, when the scenario has
    several roles); ``place``: ``(i, n)``, its number among its group's items when the items are
    numbered by group (else they are numbered in one run); ``exact_count``: the room may read how
    many answered while fewer than the minimum group size did -- False where that number would
    tell how a withheld item split (a role-play decision past a role's first: only some of those
    who took an earlier decision's choices reach it, docs/live-room.md §5)."""

    id: str
    kind: str
    prompt: str
    options: tuple = ()
    prompt_html: bool = False
    multiple: bool = False
    title: str = ""  # a short heading (a speaker, a question number), plain text
    group: str = ""
    place: tuple = ()
    exact_count: bool = True

    @property
    def revealable(self):
        """Has a right answer to reveal (a case-study question with correct options, a role-play
        decision whose choices earn different points)."""
        return any(option.correct for option in self.options)

    def values(self):
        return [option.value for option in self.options]


def without_answers(items):
    """``items`` with no option marked right: nothing to reveal (a case study whose answers are
    never shown, by its author or by the course's settings)."""
    return [replace(item, options=tuple(replace(option, correct=False) for option in item.options))
            for item in items]


@dataclass(frozen=True)
class Session:
    """A facilitator's session: answers given from ``started`` until ``ended`` (None: still open,
    at most ``MAX_SESSION``) are counted. Times are aware datetimes (UTC)."""

    id: str
    started: datetime.datetime
    ended: datetime.datetime | None = None

    def open_at(self, now):
        """Does the session take an answer given at ``now``?"""
        return self.started <= now and (self.ended is None or now < self.ended) and now < self.closes

    @property
    def closes(self):
        """When it stops taking answers: its end, or ``MAX_SESSION`` after its start."""
        limit = self.started + MAX_SESSION
        return limit if self.ended is None else min(self.ended, limit)

    def state(self, now):
        """``"open"`` or ``"ended"`` (also once ``MAX_SESSION`` has passed)."""
        return "open" if self.open_at(now) else "ended"


def respondent_key(secret, session_id, learner_key):
    """The key one participant's answers carry in one session: an HMAC of their learner key,
    so answers of the same person replace each other within the session, while nothing links
    them to the person or to their answers in another session (``secret``: bytes)."""
    return hmac.new(secret, f"{session_id}\x00{learner_key}".encode(), hashlib.sha256).hexdigest()[:32]


def count(item, values):
    """``(respondents, {value: count})`` of ``values`` (one per respondent) at ``item``; a value the
    item no longer offers (the author edited it) counts as a respondent but at no option."""
    counts = dict.fromkeys(item.values(), 0)
    respondents = 0
    for value in values:
        respondents += 1
        picked = set(value.split()) if item.multiple else {value}
        for one in picked:
            if one in counts:
                counts[one] += 1
    return respondents, counts


def percentages(counts, total):
    """Whole percentages of ``total`` for ``counts`` (a list), each rounded half up on its own
    (``perspectives.share``, as the results panels round): equal counts show equal percentages,
    and single answers may add up to 99 or 101. A multiple-choice question's are of respondents
    and may add up to more."""
    return [share(n, total) for n in counts]


def figures(item, values, min_group_size, *, session_state="none", reveal=False):
    """What the room may see of ``item`` (a JSON-ready dict of a few hundred bytes at most):

    * ``s``: the session's state (``none``, ``open``, ``ended``); ``n``: respondents, left out
      while not ``shown`` at an item without ``exact_count`` (it would tell how an earlier
      decision split);
    * ``shown``: False while ``n < min_group_size`` -- then no count and no percentage at all;
    * ``c``, ``p``: counts and percentages in the order of ``item.options``;
    * ``r``: the indexes of the right options, only when ``reveal`` and the item has some.
    """
    respondents, counts = count(item, values)
    result = {"s": session_state, "n": respondents, "min": min_group_size,
              "shown": respondents >= min_group_size and respondents > 0}
    if result["shown"]:
        ordered = [counts[value] for value in item.values()]
        result["c"] = ordered
        result["p"] = percentages(ordered, respondents)
    elif not item.exact_count:
        del result["n"]
    if reveal and item.revealable:
        result["r"] = [i for i, option in enumerate(item.options) if option.correct]
    return result


def body_and_etag(result):
    """The poll's body (compact JSON, UTF-8) and its entity tag (a strong ETag, quoted): the same
    figures always give the same tag, so an unchanged room answers ``304 Not Modified``."""
    body = json.dumps(result, separators=(",", ":"), sort_keys=True).encode()
    return body, '"' + hashlib.sha256(body).hexdigest()[:20] + '"'

