"""Charts drawn on the server (pure): the data ``templates/common/chart.html`` draws.

A chart is a duplicate of a table beside it, drawn for the eye only (``aria-hidden``): the table
stays its text alternative. Its shape::

    {"centre": bool,                      # a centre line (a diverging bar: neutral in the middle)
     "legend": [{"cls", "label"}],        # a swatch per colour class (may be empty)
     "rows": [{"id", "label",             # the row's name, as in the table
               "lang": str,               # the label's language attribute (' lang="fr"', or "")
               "note": str,               # the reader's words after the label ("" for none)
               "segments": [{"cls", "start", "width"}],   # percent of the track (0-100)
               "value": str,              # the figure written after the bar ("" for none)
               "empty": str}]}            # said instead of a bar when ``segments`` is empty

``start`` and ``width`` are CSS lengths' numbers as text ("37.5": a decimal point in every
language, clamped to 0-100), laid out with logical properties (``inset-inline-start``,
``inline-size``) so that a right-to-left page mirrors the bars. Colour classes: ``emm-pXofN``
(point X of an N-point scale, ``static/css/emm-chart.css``), ``emm-bar-pre``, ``emm-bar-post``.
"""

from .numbers import plain

CHART_CSS = "css/emm-chart.css"  # the charts' look, added to the fragment of a view that draws one


def length(percent):
    """``percent`` (a number) as a CSS percentage's number: clamped to 0-100, a decimal point, at
    most 2 decimals ("37.5", "0", "100"); never localised (a French "37,5%" is no CSS length)."""
    return plain(min(100.0, max(0.0, float(percent))), 2)


def point_class(point, points):
    """The colour class of favourable point ``point`` (1..``points``): ``emm-p4of5``."""
    return f"emm-p{point}of{points}"


def diverging(labels, statements, _, labels_lang="", as_worded=False):
    """The Likert distribution chart: per statement, its answers as diverging bars centred on
    neutral, on the favourable basis (``likert.statistics.diverging_segments``: reverse-coded
    statements rescored, as the top-box columns beside it count them); ``as_worded``: the
    segments are the answers as given (a learner's chart), and a reverse-coded statement's note
    says which answers are its favourable ones (any scale: the lower ones).

    ``labels``: the scale's labels, lowest first (``labels_lang``: their language attribute, a
    custom scale's author's, or ""); ``statements``: dicts with ``id``, ``text``, ``reverse``,
    ``suppressed``, ``n``, ``na`` and ``segments`` (``[(point, start %, width %)]``), and may give
    ``lang`` (the text's language attribute) and ``empty`` (what the row says without a bar). A
    suppressed statement (below the minimum group size) or one without an answer on the scale
    gets no bar, and says why."""
    points = len(labels)
    rescored = (_("reverse-coded: the lower answers are the favourable ones") if as_worded
                else _("reverse-coded: counted rescored, favourable answers on the same side as the others"))
    rows = []
    for st in statements:
        segments = [] if st["suppressed"] or not st["n"] else [
            {"cls": point_class(point, points), "start": length(start), "width": length(width)}
            for point, start, width in st["segments"]]
        empty = ""
        if not segments:
            empty = st.get("empty") or (
                _("Too few answers to show.") if st["suppressed"] else _("No answers on the scale."))
        rows.append({"id": st["id"], "label": st["text"], "lang": st.get("lang", ""),
                     "note": rescored if st["reverse"] else "", "segments": segments, "value": "", "empty": empty})
    return {"centre": True, "rows": rows,
            "legend": [{"cls": point_class(i, points), "label": label, "lang": labels_lang}
                       for i, label in enumerate(labels, start=1)]}


def bars(rows):
    """A bar per row from the track's start: ``rows`` are ``(id, label, percent or None, value
    text, colour class)``; a row whose percent is None gets no bar and says its value text."""
    out = []
    for row_id, label, percent, text, cls in rows:
        segments = [] if percent is None else [{"cls": cls, "start": "0", "width": length(percent)}]
        out.append({"id": row_id, "label": label, "lang": "", "note": "", "segments": segments,
                    "value": text if segments else "",
                    "empty": "" if segments else text})
    return {"centre": False, "legend": [], "rows": out}


def pre_post(figures, _, numbers):
    """A knowledge-check pair's mean pre- and post-test scores (``knowledge_check.statistics.figures_of``,
    percent of the points) as two bars, the values written as the table writes them (whole
    percents, ``numbers``: a ``common.numbers.Numbers``); None while the pair is suppressed."""
    if figures["suppressed"] or figures["mean_pre"] is None:
        return None
    return bars([
        ("pre", _("Mean pre-test score"), figures["mean_pre"], numbers.percent(figures["mean_pre"], 0), "emm-bar-pre"),
        ("post", _("Mean post-test score"), figures["mean_post"], numbers.percent(figures["mean_post"], 0),
         "emm-bar-post"),
    ])
