"""The figures of a Likert evaluation (pure): per-statement counts, top box, top two box, mean,
the headline, and the diverging bars' geometry.

Reverse-coded statements (worded negatively) count ``points + 1 - value`` in every favourable
figure (top box, top two box, mean, headline); their raw counts are kept as answered.
"""

from dataclasses import dataclass, field

from .content import NA


def reverse_coded(survey, statement, value):
    """Reverse-coded statements count ``points + 1 - value`` (6 - x on five points)."""
    return survey.points + 1 - value if statement.reverse else value


@dataclass
class StatementStats:
    id: str
    text: str
    reverse: bool
    n: int = 0
    na: int = 0
    counts: list = field(default_factory=list)  # per scale point, raw answers, lowest first
    percents: list = field(default_factory=list)
    top_box: float = 0.0  # % choosing the most favourable point (after reverse coding)
    top_two_box: float = 0.0
    mean: float | None = None  # after reverse coding
    suppressed: bool = False


def pct(part, whole):
    return round(100.0 * part / whole, 1) if whole else 0.0


def statement_stats(survey, tallies, respondents):
    """Per-statement figures from ``tallies[statement][value] = count`` (values as stored strings).

    N/A is counted apart and left out of every denominator. A statement answered by fewer
    than ``min_group_size`` people (or a survey with fewer respondents) is ``suppressed``.
    """
    points = survey.points
    rows = []
    for st in survey.statements:
        tally = tallies.get(st.id, {})
        counts = [int(tally.get(str(v), 0)) for v in range(1, points + 1)]
        n = sum(counts)
        row = StatementStats(st.id, st.text, st.reverse, n=n, na=int(tally.get(NA, 0)))
        row.suppressed = respondents < survey.min_group_size or n < survey.min_group_size
        if row.suppressed:
            rows.append(row)
            continue
        coded = [0] * points
        for v, c in enumerate(counts, start=1):
            coded[reverse_coded(survey, st, v) - 1] += c
        row.counts = counts
        row.percents = [pct(c, n) for c in counts]
        row.top_box = pct(coded[-1], n)
        row.top_two_box = pct(sum(coded[-2:]), n)
        row.mean = round(sum(v * c for v, c in enumerate(coded, start=1)) / n, 2) if n else None
        rows.append(row)
    return rows


def headline(survey, rows):
    """% of all (non-N/A) answers in the two most favourable points, over shown statements."""
    shown = [r for r in rows if not r.suppressed and r.n]
    total = sum(r.n for r in shown)
    if not total:
        return None
    favourable = sum(r.top_two_box * r.n / 100.0 for r in shown)
    return round(100.0 * favourable / total, 1)


def diverging_segments(survey, row):
    """Bar segments centred on neutral: ``(point, start %, width %)`` on a 0-100 track.

    The track's middle is neutral; the disagreeing side extends left of it and the agreeing
    side right, each at half scale so that 100 % on one side fills half the track.
    """
    points = survey.points
    if row.suppressed or not row.n:
        return []
    mid = (points + 1) / 2.0
    below = sum(p for v, p in enumerate(row.percents, start=1) if v < mid)
    neutral = sum(p for v, p in enumerate(row.percents, start=1) if v == mid)
    start = 50.0 - (below + neutral / 2.0) / 2.0
    segments = []
    for v, p in enumerate(row.percents, start=1):
        width = p / 2.0
        if width:
            segments.append((v, round(start, 2), round(width, 2)))
        start += width
    return segments
