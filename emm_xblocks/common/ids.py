"""Author ids (statements, questions, options, nodes, roles): one pattern, one check (pure).

Ids are compared without regard to case: MySQL's default collations are case-insensitive, so
``Pace`` and ``pace`` would merge in a report's ``GROUP BY`` (see ``../shared/PLATFORM.md``).
"""

import re

MAX_ID = 50  # characters (the editors count ids by it: ``data-max-chars``)
ID_PATTERN = rf"[A-Za-z0-9_-]{{1,{MAX_ID}}}"
ID_RE = re.compile(ID_PATTERN)  # matched whole (``fullmatch``: "$" also matches before a final "\n")
# the aggregate store's group column (``models.Answer.group``, ``Tally.group``): a multiple-choice
# option's answers are kept under "<question id>.<option id>", which must fit (case_study/validation.py)
MAX_GROUP = 100


def is_valid_id(value):
    """1 to 50 letters, digits, hyphens or underscores."""
    return isinstance(value, str) and bool(ID_RE.fullmatch(value))


def id_key(value):
    """The form two ids are compared in (``Pace`` and ``pace`` are the same id)."""
    return value.casefold() if isinstance(value, str) else value


BAD_ID, USED_TWICE = "bad_id", "twice"  # what ``id_problem`` finds


def id_problem(value, seen):
    """What is wrong with ``value`` as the next id of a list (questions, options, statements,
    nodes, roles...): ``BAD_ID`` (not 1 to 50 letters, digits, hyphens or underscores),
    ``USED_TWICE`` (an earlier id of the list is the same, compared as ``id_key``) or None.
    ``seen``: the set of the earlier ids' ``id_key``; ``value``'s is added to it. The caller words
    the problem for its list."""
    key = id_key(value)
    problem = BAD_ID if not is_valid_id(value) else USED_TWICE if key in seen else None
    seen.add(key)
    return problem
