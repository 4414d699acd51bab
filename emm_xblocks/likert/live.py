"""The Likert evaluation in the live room (pure): one statement per screen, the points of its
scale (and "Not applicable") as the options; no right answer to reveal. The room's figures are
the results panel's (``statistics.statement_stats``): "Not applicable" counted apart, outside the
percentages, and a statement shown once enough people answered on the scale. An anonymous
evaluation's statement is withheld while the answers given outside the session are too few:
the results panel less the wall would give them (``figures``' ``totals``, decision 113)."""

from ..common import live
from ..common.perspectives import share
from . import content, statistics
from .epochs import group_of


def needs_totals(survey):
    """Whether ``figures`` must be given everyone's answers (``totals``): an anonymous evaluation's."""
    return survey.anonymous


def items(survey, _):
    """``live.Item`` per statement, in the author's order."""
    labels = survey.labels(_)
    own = survey.scale == content.CUSTOM  # a preset's points are the reader's words, a custom scale's the author's
    options = [live.Option(str(value), label, own=own) for value, label in enumerate(labels, start=1)]
    if survey.allow_na:
        options.append(live.Option(content.NA, _("Not applicable"), apart=True, own=False))
    return [live.Item(s.id, live.STATEMENT, s.text, tuple(options)) for s in survey.statements]


def figures(survey, item, values, *, session_state="none", reveal=False, totals=None):
    """``live.figures`` of a statement on the results panel's basis (``statistics.statement_stats``):
    ``n`` everyone who answered, ``na`` those who answered "Not applicable" (counted at its option
    but ``None`` in ``p``), percentages of the answers on the scale, each rounded half up; nothing
    shown (``shown`` False) where the panel shows nothing: fewer respondents than the minimum
    group size, or fewer answers on the scale. No right answer: ``reveal`` asks for nothing.

    Fewer respondents than the minimum group size: no ``na`` either, only how many answered. Their
    "Not applicable" is an answer as their points are: "2 answers, 2 of them “Not applicable”"
    told the room how each of the two chose (bug hunt s6-privacy), where the panel shows nothing.

    ``totals`` (an anonymous evaluation's, ``needs_totals``): the store's ``{group: {value: n}}``
    of every answer, the results panel's. Where 1 to ``min_group_size - 1`` people answered the
    statement outside this session, nothing is shown either (``outside`` True), and no ``na``: the
    panel's counts less the wall's would be their answers, and who answered outside a session (at
    home the evening before, after it ended) is easy to know (bug hunt s6-privacy)."""
    respondents, counts = live.count(item, values)
    row = next(r for r in statistics.statement_stats(survey, {item.id: counts}, respondents) if r.id == item.id)
    result = {"s": session_state, "n": respondents, "min": survey.min_group_size,
              "shown": respondents > 0 and not row.suppressed}
    if respondents > 0 and totals is not None:  # also where the scale's few hide the bars: na would tell
        outside = sum(totals.get(group_of(survey, item.id), {}).values()) - respondents
        if 0 < outside < survey.min_group_size:
            result["shown"], result["outside"] = False, True
    if respondents >= survey.min_group_size and not result.get("outside"):  # a group big enough: its N/A
        result["na"] = row.na
    if result["shown"]:
        apart = [option.apart for option in item.options]
        result["c"] = [row.na if is_apart else counts[option.value]
                       for option, is_apart in zip(item.options, apart, strict=True)]
        result["p"] = [None if is_apart else share(c, row.n) for c, is_apart in zip(result["c"], apart, strict=True)]
    return result
