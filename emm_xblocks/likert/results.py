"""What the Likert evaluation's results panel says (pure): the headline's sentences, the note on
the statements withheld, and the answers no figure counts, shown apart. The panel's figures are
``statistics``'s; ``views.results_json`` reads the store and hands them here."""

from ..common.apart import row as apart_row
from .content import NA
from .epochs import labels_of, scale_name


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
    ``[{"title", "labels", "statements": [{"id", "text", "n", "na", "counts", "suppressed"}]}]``;
    a row answered by fewer than the minimum group size shows no counts."""
    texts = {st.id: st.text for st in survey.statements}
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
        rows = [apart_row(sid, texts.get(sid) or survey.removed_text(sid) or sid, tally, points,
                          survey.min_group_size, na=NA)
                for sid, tally in sorted(tallies.items())]
        sections.append({"title": title, "labels": list(labels), "statements": rows})
    return sections


def _points_seen(tallies):
    top = max((int(v) for tally in tallies.values() for v in tally if v.isdigit() and len(v) < 4), default=0)
    return tuple(str(v) for v in range(1, top + 1))
