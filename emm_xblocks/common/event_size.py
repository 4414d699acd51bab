"""A tracking event the LMS's tracking log keeps whole (pure).

The LMS writes its tracking log through eventtracking's ``LoggerBackend`` with
``max_event_size=TRACK_MAX_EVENT``: 50,000 characters (``lms/envs/common.py``), the event's JSON
with ``json.dumps``' default ``ensure_ascii`` (every letter past ASCII six characters, ``\\u0627``),
context included; a larger event is dropped without a word (``eventtracking/backends/logger.py``).
A case study's written answers may reach 20,000 characters each (``common.questions``): one long
Arabic reflection made the whole submission event, its score and every answer, vanish (bug hunt
s43). ``fit_texts`` shortens the longest texts of an event's data, evenly, until its JSON fits
``BUDGET``, and says so beside each one cut; the learner's answers themselves are kept whole in the
block's state and in the problem responses report.
"""

import json

TRACK_MAX_EVENT = 50_000  # characters: lms/envs/common.py
# what the event's data may take of it: the LMS adds its context (user, course, page, agent, ...),
# some 2 to 4 thousand characters, around it
BUDGET = 40_000
ELLIPSIS = "…"


def json_size(value):
    """Characters of ``value``'s JSON as the tracking log writes it (``ensure_ascii``)."""
    return len(json.dumps(value))


def _cut(text, allowance):
    """The longest start of ``text`` whose JSON string, with ``ELLIPSIS`` after it, takes at most
    ``allowance`` characters (its quotes included)."""
    used = json_size(ELLIPSIS)  # the quotes and the ellipsis' escape
    for i, char in enumerate(text):
        used += json_size(char) - 2
        if used > allowance:
            return text[:i] + ELLIPSIS
    return text


def fit_texts(data, texts, budget=BUDGET):
    """``data`` (an event's dict) with the strings ``texts`` names cut to fit ``budget``.

    ``texts``: ``[(holder, key)]``, each a dict inside ``data`` whose ``key`` holds a string. While
    the JSON of ``data`` is over ``budget``, the texts share what the rest leaves them evenly (a
    short one keeps all it has, and leaves the others more); each text cut ends in ``ELLIPSIS``,
    and its holder gets ``<key>_chars``, the whole text's length in characters, and
    ``<key>_cut: true``. ``data`` is changed in place and returned."""
    if json_size(data) <= budget or not texts:
        return data
    for holder, key in texts:  # the marks first: they take room too
        holder[f"{key}_chars"], holder[f"{key}_cut"] = len(holder[key]), True
    rest = json_size(data) - sum(json_size(holder[key]) for holder, key in texts)
    left = max(0, budget - rest)
    sizes = sorted(((json_size(holder[key]), n) for n, (holder, key) in enumerate(texts)))
    allowance = {}
    for i, (size, n) in enumerate(sizes):
        share = left // (len(sizes) - i)
        allowance[n] = min(size, share)
        left -= allowance[n]
    for n, (holder, key) in enumerate(texts):
        if json_size(holder[key]) > allowance[n]:
            holder[key] = _cut(holder[key], allowance[n])
        else:
            del holder[f"{key}_chars"], holder[f"{key}_cut"]
    return data
