"""The figures of one pre/post pair, for staff (pure): ``pair_figures(rows, questions, min_group_size)``,
as the Likert's ``statistics`` are an evaluation's.

``rows`` are the pair's stored results (``common.pairs.pair_rows``): ``{phase, token, earned,
possible, marks, questions_key}``. A learner's pre- and post-test rows share their ``token`` (a
pseudonym, ``common.platform.pair_token``); the tokens only link rows here and are never part of
the figures. Figures are in percent of the points (0-100):

* ``linked``: learners with both results, counted in the figures (the figures' n); ``pre_only`` /
  ``post_only``: results without their other half, counted apart and in no figure;
  ``mismatched``: learners with both results whose
  two results were scored on different question sets (a fingerprint of ids, options and keys,
  ``common.questions.questions_fingerprint``), also counted apart; ``set_apart``: linked learners
  whose question set fewer than ``min_group_size`` linked learners share, where the linked learners
  took more than one set, counted apart too and in no figure (``_sets_apart``, decision 96): the
  few who took the tests before or after an edit are told apart by their set, so a figure pooling
  them with the others would give their answers away (bug hunt s45: the means gave away a late
  learner's answers to the question added); they are counted once enough learners took their set;
* ``mean_pre``, ``mean_post``, ``mean_gain`` (post - pre, in percentage points), ``improved`` (the
  share of linked learners whose post-test score is above their pre-test's, in percent);
* ``normalised_gain``: Hake's class-average normalised gain, ``(mean_post - mean_pre) / (100 -
  mean_pre)`` (Hake 1998, Am. J. Phys. 66, 64), None when the mean pre-test score is 100;
* ``questions``: for each question (in the block's order), ``pre_correct`` and ``post_correct``:
  the share of the linked learners asked it (a question added since was not asked of those who
  took the test before) who answered it fully right, in percent, or None where fewer than
  ``min_group_size`` were asked it (none, or a few who took the tests after the question was
  added: their rate would be their own answers, bug hunt s45); ``few_asked``: whether a question asked
  of 1 to ``min_group_size - 1`` linked learners shows no rate for that reason (the page says so).
  Since ``set_apart`` a question is asked of all the learners of a set counted or of none of them,
  so that no longer happens with rows written by ``learner.submit``: both stay, a backstop.

Below ``min_group_size`` linked learners every figure is None and ``suppressed`` is True (decision 5);
the counts stay. Issue 11's course report reads the same function for every pair.
"""

import math
from collections import Counter

from ..common.attempts import percent
from ..common.numbers import rounded
from .content import POST, PRE


def _percent(row):
    return percent((row["earned"], row["possible"]))


def _asked(rows, qid):
    """The marks of question ``qid`` of the ``rows`` asked it (their marks hold it)."""
    return [r["marks"][qid] for r in rows if qid in r["marks"]]


def _rate(rows, qid, min_group_size):
    """The share of ``rows`` asked question ``qid`` that answered it fully right, in percent; None
    where fewer than ``min_group_size`` (at least one) were asked it: a question added once learners
    took the test is not counted wrong for them (bug hunt s43), nor shown as the answers of the few
    asked it since (bug hunt s45)."""
    asked = _asked(rows, qid)
    if len(asked) < max(1, min_group_size):
        return None
    return 100.0 * sum(1 for mark in asked if _full(mark)) / len(asked)


def _full(mark):
    try:
        return float(mark) >= 1
    except (TypeError, ValueError):
        return False


def _sets_apart(linked, min_group_size):
    """The question sets (``questions_key``) of ``linked`` (``[(pre row, post row)]``, one set each)
    that fewer than ``min_group_size`` of them share: none while they all share one (no learner is
    told apart by a set then; below the minimum every figure is withheld anyway)."""
    sizes = Counter(pre["questions_key"] for pre, _post in linked)
    if len(sizes) < 2:
        return set()
    return {key for key, n in sizes.items() if n < min_group_size}


def pair_figures(rows, questions, min_group_size):
    """The pair's figures as a dict (see the module's docstring); ``questions``: the block's questions."""
    by_phase = {PRE: {}, POST: {}}
    for row in rows:
        if row["phase"] in by_phase:
            by_phase[row["phase"]][row["token"]] = row
    pre, post = by_phase[PRE], by_phase[POST]
    both = sorted(set(pre) & set(post))
    same = [(pre[t], post[t]) for t in both if pre[t]["questions_key"] == post[t]["questions_key"]]
    apart = _sets_apart(same, min_group_size)
    linked = [(a, b) for a, b in same if a["questions_key"] not in apart]
    figures = {
        "linked": len(linked), "pre_only": len(set(pre) - set(post)), "post_only": len(set(post) - set(pre)),
        "mismatched": len(both) - len(same), "set_apart": len(same) - len(linked), "min_group_size": min_group_size,
        # at least one: an imported minimum of 0 (refused by the editor) divided by none (bug hunt s43)
        "suppressed": len(linked) < max(1, min_group_size),
        "mean_pre": None, "mean_post": None, "mean_gain": None, "improved": None, "normalised_gain": None,
        "questions": [{"pre_correct": None, "post_correct": None} for _q in questions], "few_asked": False,
    }
    if figures["suppressed"]:
        return figures
    pre_scores = [_percent(a) for a, _b in linked]
    post_scores = [_percent(b) for _a, b in linked]
    n = len(linked)
    mean_pre, mean_post = math.fsum(pre_scores) / n, math.fsum(post_scores) / n
    pres, posts = [a for a, _b in linked], [b for _a, b in linked]
    figures.update(
        mean_pre=mean_pre, mean_post=mean_post, mean_gain=mean_post - mean_pre,
        improved=100.0 * sum(1 for a, b in zip(pre_scores, post_scores, strict=True) if b > a) / n,
        normalised_gain=(mean_post - mean_pre) / (100.0 - mean_pre) if mean_pre < 100 else None,
        questions=[{"pre_correct": _rate(pres, q.id, min_group_size),
                    "post_correct": _rate(posts, q.id, min_group_size)} for q in questions],
        few_asked=any(0 < len(_asked(rows_, q.id)) < min_group_size for q in questions for rows_ in (pres, posts)),
    )
    return figures


def pair_group_size(described, pair, *floors):
    """The minimum group size of ``pair``'s figures: the highest of ``floors`` (a report's, the
    check's own) and the ``min_group_size`` of each of the pair's tests in ``described``
    (``[(block key, fields)]``, the stored descriptions of the course's knowledge checks): the
    figures of two learners stay withheld wherever one test of theirs asks for more (privacy,
    decision 5). A value that is not a whole number counts as none."""
    sizes = [*floors]
    for _key, fields in described:
        if fields.get("pair") == pair:
            try:
                sizes.append(int(fields.get("min_group_size") or 0))
            except (TypeError, ValueError):
                pass
    return max(sizes, default=0)


def gain_as_shown(figures, digits=0):
    """The mean gain as a page or a file writes it beside the mean scores: the shown post-test mean
    less the shown pre-test mean, each rounded half up to ``digits`` decimals
    (``common.numbers.rounded``), so that the three figures add up (41 % and 81 %: a gain of 40,
    never 41 for 40.6 % and 81.3 %, trial s32). Percentage points; None while suppressed."""
    if figures.get("mean_pre") is None or figures.get("mean_post") is None:
        return None
    return rounded(rounded(figures["mean_post"], digits) - rounded(figures["mean_pre"], digits), digits)
