"""The figures of a Likert evaluation (pure): per-statement counts, top box, top two box, mean,
the headlines, and the diverging bars' geometry.

Two bases, always named:

* **as answered** (literal): the point each learner chose, as the statement is worded
  (``counts``, ``percents``, ``agree_two_box``, the ``literal`` headline);
* **favourable**: reverse-coded statements (worded negatively) rescored ``points + 1 - value``,
  so that the right-hand side is always the favourable one (``favourable_counts``,
  ``favourable_percents``, ``top_box``, ``top_two_box``, ``mean``, the ``favourable`` headline,
  and the diverging bars, which sit beside the top-box columns and so share their basis).

For a statement without reverse coding the two bases are the same numbers.

"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .content import NA


def reverse_coded(survey, statement, value):
    """Reverse-coded statements count ``points + 1 - value`` (6 - x on five points)."""
    return survey.points + 1 - value if statement.reverse else value


@dataclass
class StatementStats:
    """One statement's figures. ``n``: answers on the scale (N/A apart, in ``na``). Percentages are
    of ``n``, in percent (0-100, one decimal); None where there is nothing to divide (``n`` 0), and
    the top two boxes None on a scale of fewer than three points (they would count every answer)."""

    id: str
    text: str
    reverse: bool
    n: int = 0
    na: int = 0
    counts: list = field(default_factory=list)  # per scale point, as answered, lowest first
    percents: list = field(default_factory=list)
    favourable_counts: list = field(default_factory=list)  # per scale point after reverse coding
    favourable_percents: list = field(default_factory=list)
    top_box: float | None = None  # % at the most favourable point (after reverse coding)
    # the two "two box" figures are None on a scale of two labels, where they would be every answer
    top_two_box: float | None = None  # % at the two most favourable points (after reverse coding)
    agree_two_box: float | None = None  # % at the two highest points as worded (literal agreement)
    mean: float | None = None  # after reverse coding
    suppressed: bool = False


def pct(part, whole):
    """``part / whole`` in percent, one decimal, rounded half up (as the browser's ``Intl`` rounds);
    None when ``whole`` is 0."""
    if not whole:
        return None
    return float((Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def statement_stats(survey, tallies, respondents=None):
    """Per-statement figures from ``tallies[statement][value] = count`` (values as stored strings).

    N/A is counted apart and left out of every denominator. A survey with fewer ``respondents``
    (its submissions) than ``min_group_size`` shows nothing (``suppressed``; None: no such check,
    a profile's figures, whose group ``perspectives.breakdown`` has checked), nor does a statement answered on the scale
    by 1 to ``min_group_size - 1`` people; a statement answered only "N/A" (``n`` 0) is shown as
    such, with its N/A count: there is no distribution to protect.
    """
    points = survey.points
    rows = []
    for st in survey.statements:
        tally = tallies.get(st.id, {})
        counts = [int(tally.get(str(v), 0)) for v in range(1, points + 1)]
        n = sum(counts)
        row = StatementStats(st.id, st.text, st.reverse, n=n, na=int(tally.get(NA, 0)))
        too_few = respondents is not None and respondents < survey.min_group_size
        row.suppressed = too_few or 0 < n < survey.min_group_size
        if row.suppressed:
            rows.append(row)
            continue
        coded = [0] * points
        for v, c in enumerate(counts, start=1):
            coded[reverse_coded(survey, st, v) - 1] += c
        row.counts, row.favourable_counts = counts, coded
        if n:
            row.percents = [pct(c, n) for c in counts]
            row.favourable_percents = [pct(c, n) for c in coded]
            row.top_box = pct(coded[-1], n)
            if points >= 3:  # on two labels ("No / Yes") the two most favourable are every answer (bug hunt s45)
                row.top_two_box = pct(sum(coded[-2:]), n)
                row.agree_two_box = pct(sum(counts[-2:]), n)
            # half up, as every figure (decision 26) and a spreadsheet's ROUND: 3.125 is 3.13 (round() gave 3.12)
            row.mean = float((Decimal(sum(v * c for v, c in enumerate(coded, start=1))) / Decimal(n))
                             .quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        rows.append(row)
    return rows


def _pooled(rows, top_two):
    shown = [r for r in rows if not r.suppressed and r.n]
    if shown and len(shown[0].counts) < 3:
        # a scale of two labels: its "two most favourable" are every answer, a headline of 100 %
        # whatever was answered (bug hunt s43); the table's most favourable answer says it
        return None
    total = sum(r.n for r in shown)
    if not total:
        return None
    return pct(sum(top_two(r) for r in shown), total)


def headline(rows):
    """Favourable share: % of all answers on the scale (N/A left out) at the two most favourable
    points after reverse coding, pooled over the statements shown; None with no such answer."""
    return _pooled(rows, lambda r: sum(r.favourable_counts[-2:]))


def literal_headline(rows):
    """Literal agreement: % of all answers on the scale at the two highest points as worded
    (a reverse-coded statement's agreement counted as agreement), pooled likewise."""
    return _pooled(rows, lambda r: sum(r.counts[-2:]))


def diverging_segments(survey, row, as_worded=False):
    """Bar segments centred on neutral, on the favourable basis (the top-box columns' basis):
    ``(point, start %, width %)`` on a 0-100 track, ``point`` the favourable point (1..points).
    ``as_worded``: on the scale as worded instead (``point`` the answer given; the same bars for a
    statement that is not reverse-coded), as a learner's chart draws them.

    The track's middle is neutral; the lower side extends left of it and the higher side right,
    each at half scale so that 100 % on one side fills half the track.
    """
    points = survey.points
    if row.suppressed or not row.n:
        return []
    percents = row.percents if as_worded else row.favourable_percents
    mid = (points + 1) / 2.0
    below = sum(p for v, p in enumerate(percents, start=1) if v < mid)
    neutral = sum(p for v, p in enumerate(percents, start=1) if v == mid)
    start = 50.0 - (below + neutral / 2.0) / 2.0
    segments = []
    for v, p in enumerate(percents, start=1):
        width = p / 2.0
        if width:
            segments.append((v, round(start, 2), round(width, 2)))
        start += width
    return segments
