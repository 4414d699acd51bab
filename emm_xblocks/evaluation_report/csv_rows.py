"""The evaluation report's figures as the rows of its CSV (pure): ``csv_rows(figures, _)``.

``figures``: ``report.reaction``'s, with ``learning.figures``'s under ``"learning"``
(``course_figures.figures``). Every figure the page shows, one per row; the values plain
(``common.spreadsheet.figure``: no grouping), a decimal point in the plain CSV, for the programs
that read it, the language's decimal mark in its Excel variant (``common.spreadsheet.excel``).
"""

from ..common.perspectives import withheld_cells
from ..common.spreadsheet import figure
from ..knowledge_check.statistics import gain_as_shown


def _figure(value, digits=1):
    """A CSV cell: ``value`` with at most ``digits`` decimals, "" for None; a ``Figure``, which each
    dialect writes with its decimal mark (``common.spreadsheet``)."""
    return figure(value, digits)


def csv_rows(figures, _):
    """Every figure of ``reaction`` + ``learning`` (``figures["learning"]``) as rows ``[section,
    evaluation or pair, pair key, statement or question, figure, value]``, the header first; what
    the page withholds below the minimum group size the CSV withholds too (a ``suppressed`` row says
    so). A pair is named as on the page (by its tests), its key beside the name for staff's
    spreadsheets. The headline's rows name the evaluations it pools and its answers, as the page
    does. A reverse-coded statement is marked as on the page ("… (reverse-coded)") on each
    of its rows, and its rescored figures say so ("Top two box, rescored (%)"); its answers per
    scale point stay as given. Text cells are not yet formula-safe and figures are
    ``Figure``s: the writer makes the one safe and gives the other its decimal mark
    (``common.spreadsheet.Dialect.cell``)."""
    reaction_, learning_ = _("Reaction"), _("Learning")
    rows = [[_("Section"), _("Evaluation or pair"), _("Pair key"), _("Statement or question"), _("Figure"),
             _("Value")]]
    if figures.get("headline"):
        h = figures["headline"]
        # the headline's evaluations and answers, as its page says them ("(45 answers)
        # Evaluations: Day 1; Day 3"): the evaluations in the evaluation's column; the statement by
        # its words, as every other row names it (not its id: trial s38)
        text = _statement({"text": h["words"], "reverse": h["reverse"]}, _)  # as its other rows
        rows += [[reaction_, h["names"], "", text, _("Headline"), h["text"]],
                 [reaction_, h["names"], "", text, _("Answers counted in the headline"), h["n"]]]
    for e in figures["evaluations"]:
        def row(statement, figure, value, name=e["name"]):
            return [reaction_, name, "", statement, figure, value]

        rows.append(row("", _("Respondents"), e["respondents"]))
        if e["suppressed"]:
            rows.append(row("", _("Suppressed below the minimum group size"), e["min_group_size"]))
            continue
        rows.append(row("", _("Favourable answers over all statements (%)"), _figure(e["favourable"])))
        if e["withheld"]:
            rows.append(row("", _("Statements left out of the favourable answers (too few answers)"), e["withheld"]))
        for st in e["statements"]:
            text = _statement(st, _)
            rows += [row(text, "n", st["n"]), row(text, _("Not applicable"), st["na"])]
            if st["suppressed"]:
                rows.append(row(text, _("Suppressed below the minimum group size"), e["min_group_size"]))
                continue
            if not st["n"]:  # answered only "N/A", or not at all: no figure on the scale to give
                continue
            for label, percent in zip(e["labels"], st["percents"], strict=True):
                # xgettext:no-python-format  ("(%)" is a column's unit, not a %-format)
                rows.append(row(text, _("{label} (%)").format(label=label), _figure(percent)))
            if st["reverse"]:
                # xgettext:no-python-format
                top, top_two, mean = _("Top box, rescored (%)"), _("Top two box, rescored (%)"), _("Mean, rescored")
            else:
                top, top_two, mean = _("Top box (%)"), _("Top two box (%)"), _("Mean")
            rows += [row(text, top, _figure(st["top_box"])), row(text, top_two, _figure(st["top_two_box"])),
                     row(text, mean, _figure(st["mean"], 2))]
        rows += _profile_rows(e, reaction_, _)
    for p in figures.get("learning", []):
        g = p["figures"]

        def row(question, figure, value, name=p["name"], key=p["pair"]):
            return [learning_, name, key, question, figure, value]

        rows += [row("", _("Learners who took both tests"), g["linked"]),
                 row("", _("Pre-test only"), g["pre_only"]),
                 row("", _("Post-test only"), g["post_only"]),
                 row("", _("Different questions"), g["mismatched"]),
                 # Translators: how many learners took both tests with a version of the questions fewer
                 # than the minimum group size took, counted apart (as "Different questions" counts)
                 row("", _("Questions too few took"), g["set_apart"])]
        if g["suppressed"]:
            rows.append(row("", _("Suppressed below the minimum group size"), g["min_group_size"]))
            continue
        rows += [row("", _("Mean pre-test score (%)"), _figure(g["mean_pre"])),
                 row("", _("Mean post-test score (%)"), _figure(g["mean_post"])),
                 row("", _("Mean gain (percentage points)"), _figure(gain_as_shown(g, 1))),
                 row("", _("Learners who improved (%)"), _figure(g["improved"])),
                 row("", _("Normalised gain"), _figure(g["normalised_gain"], 3))]
        for q in g["questions"]:
            rows += [row(q["prompt"], _("Correct before (%)"), _figure(q["pre_correct"])),
                     row(q["prompt"], _("Correct after (%)"), _figure(q["post_correct"]))]
    return rows


def _statement(st, _):
    """A statement as the CSV names it: its text, marked as the page marks it when reverse-coded."""
    if not st.get("reverse"):
        return st["text"]
    marker = _("reverse-coded")  # not inside the f-string: xgettext would not read it there
    return f'{st["text"]} ({marker})'


def _profile_rows(e, section, _):
    """An evaluation's figures by profile as CSV rows; a withheld cell says why ("fewer than N",
    or "not shown" for a group withheld to protect a small one: ``common.perspectives.withheld_cells``,
    as the evaluation's own CSV). A reverse-coded statement is marked, its top box said to be
    rescored, as in ``csv_rows``."""
    table = e.get("profiles")
    if not table:
        return []
    rows = []
    texts = {c["key"]: c["text"] for c in table["columns"]}
    min_size = table["min_group_size"]
    for st in table["statements"]:
        text = _statement(st, _)
        # xgettext:no-python-format
        top = _("{profile}: top box, rescored (%)") if st.get("reverse") else _("{profile}: top box (%)")
        for cell in st["cells"]:
            profile = texts[cell["key"]]
            if not cell["shown"]:
                rows.append([section, e["name"], "", text, _("{profile}: favourable (%)").format(profile=profile),
                             withheld_cells(cell["small"], min_size, _)[0]])
                continue
            rows += [[section, e["name"], "", text, _("{profile}: n").format(profile=profile), cell["n"]],
                     [section, e["name"], "", text, _("{profile}: favourable (%)").format(profile=profile),
                      _figure(cell["favourable"])],
                     [section, e["name"], "", text, top.format(profile=profile), _figure(cell["top_box"])]]
    return rows
