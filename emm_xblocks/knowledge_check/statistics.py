"""The figures of one pre/post pair, for staff (pure): ``figures_of(sums, questions, min_group_size)``
from the pair's sums, which the database adds up (``common.pair_sums``), or
``pair_figures(rows, questions, min_group_size)`` from the pair's stored results themselves, as
the Likert's ``statistics`` are an evaluation's. Both give the same figures (``sums_of``: the
sums of the rows, as the database adds them).

``rows`` are the pair's stored results: ``{phase, token, earned, possible, marks,
questions_key}``. A learner's pre- and post-test rows share their ``token`` (a pseudonym,
``common.platform.pair_token``); the tokens only link rows and are never part of the sums nor of
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
from itertools import chain, repeat

from ..common.attempts import percent
from ..common.numbers import rounded
from .content import POST, PRE

NONE_ASKED = (0, 0, 0, 0)  # a question's sums when no linked learner of a set was asked it


def _full(mark):
    try:
        return float(mark) >= 1
    except (TypeError, ValueError):
        return False


def sums_of(rows, question_ids):
    """The sums of the pair's ``rows`` that its figures read, as ``common.pair_sums`` adds them
    up in the database: ``{"before", "after", "both", "scores", "asked"}``.

    * ``before`` / ``after``: the learners with a pre-test / post-test result; ``both``: those with
      both (their question sets alike or not);
    * ``scores``: ``{(questions_key, pre earned, pre possible, post earned, post possible): learners}``
      of the linked learners (both results scored on the same question set, ``questions_key``): by
      set, so that ``figures_of`` can count apart the learners of a set too few took (decision 96);
    * ``asked``: ``{(questions_key, question id): (asked before, fully right before, asked after,
      fully right after)}`` among the linked learners of each set in ``scores``, for each of
      ``question_ids``: how many results' marks hold the question, and how many of those marks are
      a full mark (a number of at least 1)."""
    by_phase = {PRE: {}, POST: {}}
    for row in rows:
        if row["phase"] in by_phase:
            by_phase[row["phase"]][row["token"]] = row
    pre, post = by_phase[PRE], by_phase[POST]
    both = set(pre) & set(post)
    linked = [(pre[t], post[t]) for t in both if pre[t]["questions_key"] == post[t]["questions_key"]]
    scores, sets = {}, {}
    for a, b in linked:
        key = (a["questions_key"], a["earned"], a["possible"], b["earned"], b["possible"])
        scores[key] = scores.get(key, 0) + 1
        sets.setdefault(a["questions_key"], []).append((a, b))
    asked = {}
    for set_key, pairs in sets.items():
        for qid in question_ids:
            counts = []
            for results in ([a for a, _b in pairs], [b for _a, b in pairs]):
                given = [r["marks"][qid] for r in results if qid in r["marks"]]
                counts += [len(given), sum(1 for mark in given if _full(mark))]
            asked[set_key, qid] = tuple(counts)
    return {"before": len(pre), "after": len(post), "both": len(both), "scores": scores, "asked": asked}


def _sets_apart(sizes, min_group_size):
    """The question sets (``questions_key``) of ``sizes`` (``{set: linked learners}``) that fewer
    than ``min_group_size`` linked learners share: none while they all share one (no learner is
    told apart by a set then; below the minimum every figure is withheld anyway)."""
    if len(sizes) < 2:
        return set()
    return {key for key, n in sizes.items() if n < min_group_size}


def _rate(asked, full, min_group_size):
    """The share of the ``asked`` linked learners who answered a question fully right (``full``),
    in percent; None where fewer than ``min_group_size`` (at least one) were asked it: a question
    added once learners took the test is not counted wrong for them (bug hunt s43), nor shown as
    the answers of the few asked it since (bug hunt s45)."""
    if asked < max(1, min_group_size):
        return None
    return 100.0 * full / asked


def _asked(asked, sets, qid):
    """Question ``qid``'s sums (``sums_of``'s ``asked``) added up over the question ``sets``
    counted: a set counted apart is in no figure, its answers in no rate."""
    totals = NONE_ASKED
    for key in sets:
        totals = tuple(a + b for a, b in zip(totals, asked.get((key, qid), NONE_ASKED), strict=True))
    return totals


def _mean(scores, phase):
    """The mean percent of the linked learners' ``scores`` (``{(pre earned, pre possible, post
    earned, post possible): learners}``) at ``phase`` (0: the pre-test, 1: the post-test):
    ``math.fsum`` of each learner's, correctly rounded whatever the order, so the same as every
    learner's score added one by one."""
    each = chain.from_iterable(repeat(percent(key[2 * phase:2 * phase + 2]), n) for key, n in scores.items())
    return math.fsum(each) / sum(scores.values())


def figures_of(sums, questions, min_group_size):
    """The pair's figures as a dict (see the module's docstring) from its ``sums`` (``sums_of``,
    ``common.pair_sums``); ``questions``: the block's questions."""
    sizes = {}
    for (set_key, *_score), n in sums["scores"].items():
        sizes[set_key] = sizes.get(set_key, 0) + n
    apart = _sets_apart(sizes, min_group_size)
    counted = [key for key in sizes if key not in apart]
    scores = {}
    for (set_key, *score), n in sums["scores"].items():
        if set_key not in apart:
            scores[tuple(score)] = scores.get(tuple(score), 0) + n
    same, n = sum(sizes.values()), sum(scores.values())
    figures = {
        "linked": n, "pre_only": sums["before"] - sums["both"], "post_only": sums["after"] - sums["both"],
        "mismatched": sums["both"] - same, "set_apart": same - n, "min_group_size": min_group_size,
        # at least one: an imported minimum of 0 (refused by the editor) divided by none (bug hunt s43)
        "suppressed": n < max(1, min_group_size),
        "mean_pre": None, "mean_post": None, "mean_gain": None, "improved": None, "normalised_gain": None,
        "questions": [{"pre_correct": None, "post_correct": None} for _q in questions], "few_asked": False,
    }
    if figures["suppressed"]:
        return figures
    mean_pre, mean_post = _mean(scores, 0), _mean(scores, 1)
    asked = [_asked(sums["asked"], counted, q.id) for q in questions]
    figures.update(
        mean_pre=mean_pre, mean_post=mean_post, mean_gain=mean_post - mean_pre,
        improved=100.0 * sum(k for (a, b, c, d), k in scores.items() if percent((c, d)) > percent((a, b))) / n,
        normalised_gain=(mean_post - mean_pre) / (100.0 - mean_pre) if mean_pre < 100 else None,
        questions=[{"pre_correct": _rate(pre_asked, pre_full, min_group_size),
                    "post_correct": _rate(post_asked, post_full, min_group_size)}
                   for pre_asked, pre_full, post_asked, post_full in asked],
        few_asked=any(0 < count < min_group_size for a in asked for count in (a[0], a[2])),
    )
    return figures


def pair_figures(rows, questions, min_group_size):
    """The pair's figures from its stored ``rows`` (see the module's docstring): ``figures_of``
    their ``sums_of``; ``questions``: the block's questions."""
    return figures_of(sums_of(rows, [q.id for q in questions]), questions, min_group_size)


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
