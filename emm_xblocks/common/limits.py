"""Length limits that never cut (issue 10, "Readers"): an editor's text longer than its limit is
refused with a problem at its field, the save refused whole, so nothing the author wrote is lost
(pure: no XBlock, no Django).

A block's editor names its limits as ``{path pattern: characters}``, the pattern a field path of
the editor's JSON with ``*`` for any list index (``"questions.*.options.*.text": 5000``). The
same table goes to the editor's script (``data-max-chars`` on each control: a counter, and a
refusal before sending), and ``check`` refuses on the server what a script did not stop: each
over-long value is a ``Problem`` at its path with ``code`` ``TOO_LONG``; a save refused only for
lengths answers 400 ``text_too_long`` (``common.editing``).

A length is counted in characters (code points, as Python's ``len``) of the value stripped of
surrounding white space; a one-line field is counted as it will be saved (``text.one_line``: white
space runs joined, no-break spaces kept), so the author is never refused for spaces the save would drop.

``check_saved`` also measures what the save keeps: cleaning author HTML may lengthen a text (``&``
written ``&amp;``, a link given its ``rel``), and a kept text over its limit would refuse every
later save of the block, the unchanged text included.
"""

from . import text
from .numbers import count
from .validation import Problem

TOO_LONG = "text_too_long"


def too_long(where, limit, _):
    """The refusal of a text longer than ``limit`` characters at field path ``where``."""
    return Problem(where, _("This text is longer than {max} characters: shorten it (nothing was cut).")
                   .format(max=count(limit, _)), code=TOO_LONG)


def length(value, one_line=False):
    """Characters of ``value`` as the save keeps it (0 for what is not text)."""
    if not isinstance(value, str):
        return 0
    return len(text.one_line(value)) if one_line else len(value.strip())


def _values(data, parts, prefix=()):
    """``[(path, value)]`` of ``data`` at the pattern ``parts`` (``*``: every index of a list)."""
    if not parts:
        return [(".".join(prefix), data)]
    head, rest = parts[0], parts[1:]
    if head == "*":
        if not isinstance(data, list):
            return []
        return [found for i, item in enumerate(data) for found in _values(item, rest, (*prefix, str(i)))]
    if not isinstance(data, dict) or head not in data:
        return []
    return _values(data[head], rest, (*prefix, head))


def over(data, limits, one_line=()):
    """``[(path, limit)]``: each value of ``data`` (the editor's JSON) longer than its limit in
    ``limits`` (``{pattern: characters}``); ``one_line``: the patterns of one-line fields. A value
    that is a list of strings (key facts, one a line) is measured item by item, at the list's path."""
    found = []
    for pattern, limit in limits.items():
        for path, value in _values(data, pattern.split(".")):
            items = value if isinstance(value, list) else [value]
            if any(length(item, pattern in one_line) > limit for item in items):
                found.append((path, limit))
    return found


def check(data, limits, _, one_line=()):
    """``[Problem]``: one per value of ``data`` longer than its limit (``over``), at its path."""
    return [too_long(path, limit, _) for path, limit in over(data, limits, one_line)]


def over_saved(sent, saved, limits, one_line=()):
    """``(as sent, as saved)``: ``over`` of what the editor ``sent`` (the texts as typed, as its
    counter counts them), then of ``saved`` (the same shape: the content as the editor would load
    it after this save, its HTML cleaned) at each path ``sent`` kept within its limit: a text that
    only cleaning takes over the limit. The measure of the editor's save (``check_saved``) and of
    Studio's check of stored content (``common.studio_checks``)."""
    typed = over(sent, limits, one_line)
    said = {path for path, _limit in typed}
    return typed, [(path, limit) for path, limit in over(saved, limits, one_line) if path not in said]


def check_saved(sent, saved, limits, _, one_line=()):
    """``check`` of what the editor ``sent``, then of ``saved`` (``over_saved``): a text that only
    cleaning takes over the limit is refused too, with words that say why the editor's counter
    showed less."""
    typed, cleaned = over_saved(sent, saved, limits, one_line)
    return [too_long(path, limit, _) for path, limit in typed] + [Problem(path, _(
        "This text is longer than {max} characters as it is saved (special characters such as "
        "& are written out, links get safety attributes): shorten it (nothing was cut).")
        .format(max=count(limit, _)), code=TOO_LONG) for path, limit in cleaned]


def only_too_long(problems):
    """Every problem is a text too long (a save refused for that alone answers ``text_too_long``)."""
    return bool(problems) and all(p.code == TOO_LONG for p in problems)
