"""Author ids (statements, questions, options, nodes, roles): one pattern, one check (pure).

Ids are compared without regard to case: MySQL's default collations are case-insensitive, so
``Pace`` and ``pace`` would merge in a report's ``GROUP BY`` (see ``../shared/PLATFORM.md``).
"""

import re

MAX_ID = 50  # characters (the editors count ids by it: ``data-max-chars``)
ID_PATTERN = rf"[A-Za-z0-9_-]{{1,{MAX_ID}}}"
ID_RE = re.compile(rf"^{ID_PATTERN}$")


def is_valid_id(value):
    """1 to 50 letters, digits, hyphens or underscores."""
    return isinstance(value, str) and bool(ID_RE.match(value))


def id_key(value):
    """The form two ids are compared in (``Pace`` and ``pace`` are the same id)."""
    return value.casefold() if isinstance(value, str) else value


def duplicates(ids):
    """The positions of ids already used earlier in ``ids`` (case-insensitively)."""
    seen, repeated = set(), []
    for i, value in enumerate(ids):
        key = id_key(value)
        if key in seen:
            repeated.append(i)
        seen.add(key)
    return repeated
