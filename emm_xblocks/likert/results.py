"""The Likert evaluation's results panel (pure): its figures from the store's counts
(``panel_figures``: ``views.results_json`` reads the counts and hands them here, as the case
study's ``views.distribution`` hands its panel's to ``distribution.panel_figures``), and what it
says: the headline's sentences, the note on the statements withheld, and the answers no figure
counts, shown apart. Each statement's figures are ``statistics``'s, the split by profile
``perspectives``'."""

from ..common.apart import row as apart_row
from . import perspectives
from .content import CUSTOM, NA, RESULTS_LEARNERS
from .epochs import labels_of, scale_name, split_tallies
from .statistics import diverging_segments, headline, literal_headline, statement_stats


def allowed(survey, submitted, staff):
    """Whether the results panel (the group's figures) may be opened: always by course staff; by a
    learner once they ``submitted``, when the author shows learners the results (the block's
    ``results_allowed``; a learner's answers say it as ``results_available``)."""
    return staff or (survey.results == RESULTS_LEARNERS and submitted)


def panel_figures(survey, respondents, tallies, by_profile, words):
    """The results panel's figures (JSON types): ``respondents``, ``min_group_size``, the scale's
    ``labels``, ``suppressed`` (fewer respondents than the minimum group size: then ``message``
    says so and nothing else is given), ``statements`` (each one's counts, shares, boxes, mean and
    diverging ``segments``; a statement answered by fewer than the minimum is ``suppressed``),
    the pooled ``headline`` and ``literal_headline`` (shares, 0-100) and their sentences
    (``headline_text``, ``literal_text``, the withheld statements noted), ``reverse_shown``, the
    answers shown ``apart`` and, with a profile question, the figures by ``profiles``
    (``perspectives.breakdown``). ``respondents``, ``tallies``, ``by_profile``:
    ``summary.panel_counts``'s; ``words``: ``block.translators()``, ``(gettext, ngettext, numbers)``."""
    _, ungettext, nums = words
    labels = survey.labels(_)
    data = {
        "respondents": respondents,
        "min_group_size": survey.min_group_size,
        "labels": list(labels),
        "suppressed": respondents < survey.min_group_size,
        "statements": [],
        "headline": None,
        "headline_text": None,
        "literal_headline": None,
        "literal_text": None,
    }
    if data["suppressed"]:
        data["message"] = ungettext(  # "au moins 1 personne" (hunt s44: "1 personnes")
            "Results are shown once at least {n} person has answered ({count} so far).",
            "Results are shown once at least {n} people have answered ({count} so far).", survey.min_group_size,
        ).format(n=nums.number(survey.min_group_size, 0), count=nums.number(respondents, 0))
        return data
    current, apart = split_tallies(survey, tallies)
    data["apart"] = apart_sections(survey, apart, _)
    rows = statement_stats(survey, current, respondents)
    data["headline"] = headline(rows)
    data["literal_headline"] = literal_headline(rows)
    data["reverse_shown"] = any(r.reverse and r.n and not r.suppressed for r in rows)
    data.update(headline_texts(survey, data, labels, nums, _))
    withheld = sum(1 for row in rows if row.suppressed)  # left out of the pooled figures: said so
    if withheld and data["headline_text"]:
        data["headline_text"] += " " + withheld_note(withheld, ungettext, nums)
    for row in rows:
        data["statements"].append({
            "id": row.id, "text": row.text, "reverse": row.reverse, "suppressed": row.suppressed,
            "n": row.n, "na": row.na, "counts": row.counts, "percents": row.percents,
            "favourable_counts": row.favourable_counts, "favourable_percents": row.favourable_percents,
            "top_box": row.top_box, "top_two_box": row.top_two_box, "agree_two_box": row.agree_two_box,
            "mean": row.mean,
            "segments": [{"value": v, "start": s, "width": w} for v, s, w in diverging_segments(survey, row)],
            # the same answers as given, a learner's chart (``results_html.chart_rows``)
            "worded_segments": [{"value": v, "start": s, "width": w}
                                for v, s, w in diverging_segments(survey, row, as_worded=True)],
        })
    if survey.asks_profile:  # who answered: the figures by profile, for whoever may read the results
        # (issue 12: wherever distributions are shown), each cell withheld below the minimum group size
        data["profiles"] = perspectives.breakdown(survey, tallies, by_profile, respondents, _)
    return data


def headline_texts(survey, data, labels, numbers, _):
    """The headline's words, saying what they count: ``{"headline_text", "literal_text"}``.

    Without a reverse-coded statement among those shown, favourable and literal are one figure and
    one sentence. With one, the favourable share (reverse-coded statements rescored) and the
    literal agreement (as worded) are two sentences, each naming its basis."""
    out = {"headline_text": None, "literal_text": None}
    if data["headline"] is None or len(labels) < 2:
        return out
    favourable, literal = numbers.percent(data["headline"]), numbers.percent(data["literal_headline"])
    agreement = survey.scale.startswith("agree")
    if not data["reverse_shown"]:
        if agreement:
            out["headline_text"] = _("{percent} of answers agree or strongly agree, over all statements.").format(
                percent=favourable)
        else:
            out["headline_text"] = _("{percent} of answers are “{a}” or “{b}”, over all statements.").format(
                percent=favourable, a=labels[-2], b=labels[-1])
        return out
    if agreement:
        out["headline_text"] = _(
            "Favourable answers: {percent}, over all statements (agreeing with a statement, or disagreeing "
            "with a reverse-coded one).").format(percent=favourable)
        out["literal_text"] = _(
            "Literal agreement: {percent} of answers agree or strongly agree with the statement as worded, "
            "reverse-coded ones included.").format(percent=literal)
    else:
        out["headline_text"] = _(
            "Favourable answers: {percent}, over all statements (“{a}” or “{b}”, or the two opposite answers "
            "to a reverse-coded statement).").format(percent=favourable, a=labels[-2], b=labels[-1])
        out["literal_text"] = _(
            "As worded: {percent} of answers are “{a}” or “{b}”, reverse-coded statements included.").format(
            percent=literal, a=labels[-2], b=labels[-1])
    return out


def withheld_note(count, ungettext, numbers):
    """What the headline leaves out: ``count`` statements answered by too few to be shown, whose
    answers no pooled figure counts ("" when none; trial s12 K5)."""
    if not count:
        return ""
    return ungettext("(Excluding %(n)s statement withheld: too few answers.)",
                     "(Excluding %(n)s statements withheld: too few answers.)", count) % {
        "n": numbers.number(count, 0)}


def apart_sections(survey, apart, _):
    """Answers no figure counts, shown apart, never dropped nor relabelled: answers given on an
    earlier scale (with that scale's labels) and answers to statements no longer in the survey.
    ``[{"title", "labels", "custom", "statements": [{"id", "text", "reverse", "n", "na", "counts",
    "suppressed"}]}]`` (``custom``: the labels are the author's, a custom scale's); a row answered
    by fewer than the minimum group size shows no counts. The rows come in the evaluation's order,
    as the main table's, each statement still asked marked reverse-coded as there (``reverse``);
    removed statements after them, in the order they were removed (``apart_order``)."""
    texts = {st.id: st.text for st in survey.statements}
    place = apart_order(survey)
    sections = []
    for (epoch, removed), tallies in apart:
        labels = labels_of(survey, epoch, _) or _points_seen(tallies)  # labels unknown: the points as numbers
        past = survey.past_scale(epoch)
        scale = scale_name(past, _) if past is not None else ""
        if removed:
            title = (_("Answers to removed statements, on an earlier scale ({scale})").format(scale=scale)
                     if epoch != survey.scale_epoch else _("Answers to removed statements"))
        else:
            title = _("Answers given on an earlier scale ({scale})").format(scale=scale or _("unknown"))
        points = [str(v) for v in range(1, len(labels) + 1)]  # a point beyond the labels still counts in n
        # a removed statement by its words when they were kept (``changes.carry_over``), else its id
        rows = [dict(apart_row(sid, texts.get(sid) or survey.removed_text(sid) or sid, tally, points,
                               survey.min_group_size, na=NA), reverse=_reverse(survey, sid))
                for sid, tally in sorted(tallies.items(), key=lambda item: place(item[0]))]
        scale_of = survey if epoch == survey.scale_epoch else past
        custom = scale_of is not None and scale_of.scale == CUSTOM
        sections.append({"title": title, "labels": list(labels), "custom": custom, "statements": rows})
    return sections


def apart_order(survey):
    """The sort key of a statement's id among answers shown apart: the evaluation's statements in
    its order, then the removed ones in the order they were removed, then any other id (its words
    not kept) by id."""
    order = {}
    for st in (*survey.statements, *survey.removed_statements):
        order.setdefault(st.id, len(order))
    return lambda sid: (order.get(sid, len(order)), sid)


def _reverse(survey, sid):
    """Whether statement ``sid`` is reverse-coded (only known of a statement the evaluation still asks)."""
    statement = survey.statement(sid)
    return bool(statement and statement.reverse)


def _points_seen(tallies):
    top = max((int(v) for tally in tallies.values() for v in tally if v.isdigit() and len(v) < 4), default=0)
    return tuple(str(v) for v in range(1, top + 1))
