"""The course's reaction figures (Kirkpatrick level 1), pure: ``reaction(evaluations, min_group, _)``.

``evaluations``: ``[(block key, survey, tallies, respondents)]`` -- each Likert evaluation of the
course as it asked (``likert.content.Survey``), its answers' counts (``tallies[statement][value]``)
and its respondents, in the order they were first answered. Per evaluation, per statement: n, the
distribution, top box, top two box, mean, after reverse coding (``likert.statistics``, the same
figures as the evaluation's own panel); an evaluation or statement below ``min_group`` (or the
evaluation's own, if higher) is suppressed (decision 5). Statements sharing an id across
evaluations (the same question on day 1 and day 3) are set side by side; the headline pools one
statement's answers over every evaluation that asked it, in the IOM style:
"X% strongly agreed that …" -- the share who chose the scale's top point for the statement as
worded (for a reverse-coded statement too: the sentence quotes it).

``learning(pairs, min_group)``: the knowledge-check pairs' figures (level 2), by
``knowledge_check.report.pair_figures``. ``csv_rows(figures, _)``: every figure shown, one per row.
Each evaluation carries its chart (``chart``: ``common.charts.diverging``, on the favourable basis
of its top-box columns); ``summary_charts`` adds the one-page summary's two.

The headline's sentence is written in the reader's language (``numbers``, a
``common.numbers.Numbers``: "60 % strongly agreed…" in French); the CSV's values are plain
(``common.numbers.plain``: a decimal point, no grouping), for the programs that read it.
"""

from dataclasses import replace
from html import escape

from ..common import charts
from ..common.numbers import ENGLISH, plain, rounded
from ..common.questions import Question
from ..knowledge_check.report import pair_figures
from ..likert import profiles
from ..likert.statistics import diverging_segments, headline, statement_stats

AGREE = "agree"


def _evaluation(block_key, survey, tallies, respondents, min_group, _):
    survey = replace(survey, min_group_size=max(min_group, survey.min_group_size))
    rows = statement_stats(survey, tallies, respondents)
    statements = [{"id": r.id, "text": r.text, "reverse": r.reverse, "n": r.n, "na": r.na,
                   "suppressed": r.suppressed, "counts": r.counts, "percents": r.percents,
                   "top_box": r.top_box, "top_two_box": r.top_two_box, "mean": r.mean,
                   "segments": diverging_segments(survey, r)} for r in rows]
    labels = list(survey.labels(_))
    return {
        "block_key": block_key, "name": survey.display_name, "respondents": respondents,
        "min_group": survey.min_group_size,
        "suppressed": respondents < survey.min_group_size, "labels": labels,
        "favourable": headline(survey, rows), "survey": survey, "statements": statements,
        # the distribution's bars (favourable basis, as the top-box columns), and whether to say so
        "chart": charts.diverging(labels, statements, _),
        "reverse_shown": any(r.reverse and r.n and not r.suppressed for r in rows),
    }


def _shared(evaluations):
    """Statement ids asked by two evaluations or more: ``[{id, text, cells: [row or None per evaluation]}]``."""
    seen = {}
    for e in evaluations:
        for row in e["statements"]:
            seen.setdefault(row["id"], row["text"])
    shared = []
    for sid, text in seen.items():
        cells = [next((r for r in e["statements"] if r["id"] == sid), None) for e in evaluations]
        if sum(1 for c in cells if c is not None) >= 2:
            shared.append({"id": sid, "text": text, "cells": cells})
    return shared


def _headline(evaluations, chosen, min_group, _, numbers):
    """The pooled top box of statement ``chosen`` (or, if empty, of the statement with the most
    answers) over the evaluations that asked it and show it; None below ``min_group`` answers.
    ``percent`` is the whole percent shown in ``text`` (rounded half up, as written)."""
    pooled = {}
    for e in evaluations:
        for row in e["statements"]:
            if row["suppressed"] or not row["n"]:
                continue
            entry = pooled.setdefault(row["id"], {"text": row["text"], "n": 0, "top": 0.0, "evaluation": e})
            entry["n"] += row["n"]
            entry["top"] += row["counts"][-1]  # as worded: a reverse-coded statement's "strongly agree" too
    if not pooled:
        return None
    sid = chosen if chosen in pooled else max(pooled, key=lambda k: pooled[k]["n"]) if not chosen else None
    if sid is None or pooled[sid]["n"] < min_group:
        return None
    entry = pooled[sid]
    percent = rounded(100.0 * entry["top"] / entry["n"])
    shown = numbers.percent(percent, 0)  # "60 %" in French, "60%" in English
    survey = entry["evaluation"]["survey"]
    # the sentence ends with its own full stop, after the quotation marks: the statement's is left
    # out ("… at work”." not "… at work.”.")
    statement = entry["text"].rstrip()
    if statement.endswith(".") and not statement.endswith(".."):
        statement = statement[:-1]
    if survey.scale.startswith(AGREE):
        frame, words = _("{percent} strongly agreed that “{statement}”."), {}
    else:
        frame, words = _("{percent} answered “{label}” to “{statement}”."), {"label": survey.labels(_)[-1]}
    text = frame.format(percent=shown, statement=statement, **words)
    # the page's: the statement (and a label) in their own direction inside the reader's sentence, a
    # French statement in an Arabic report; every text escaped (the view marks it safe)
    html = escape(frame).format(percent=escape(shown), statement=f"<bdi>{escape(statement)}</bdi>",
                                **{k: f"<bdi>{escape(v)}</bdi>" for k, v in words.items()})
    return {"statement": sid, "percent": percent, "n": entry["n"], "text": text, "html": html}


def reaction(evaluations, min_group, _, headline_statement="", numbers=ENGLISH):
    """Every evaluation's figures, the statements they share, and the headline (see the module);
    ``numbers``: the reader's ``common.numbers.Numbers``, for the headline's sentence."""
    shown = [_evaluation(*e, min_group, _) for e in evaluations]
    return {
        "evaluations": shown,
        "shared": _shared(shown),
        "headline": _headline(shown, headline_statement, min_group, _, numbers),
        "min_group": min_group,
    }


def by_profile(figures, evaluations, profile_tallies, _):
    """Give each shown evaluation of ``reaction``'s ``figures`` its figures by participant profile,
    ``e["profiles"]`` (``likert.profiles.breakdown`` at the report's minimum group size or the
    evaluation's, if higher; None without a profile question). ``evaluations``: what ``reaction``
    was given; ``profile_tallies``: ``{block key: summary.profile_tallies}``."""
    for e, (key, _survey, tallies, respondents) in zip(figures["evaluations"], evaluations, strict=True):
        e["profiles"] = None if e["suppressed"] else profiles.breakdown(
            e["survey"], tallies, profile_tallies.get(key, {}), respondents, _)
    return figures


def summary_charts(figures, _, numbers):
    """The one-page summary's two charts, beside its tables: ``figures["summary_chart"]`` (each
    evaluation's favourable share, no bar while it is suppressed) and ``figures["learning_chart"]``
    (each shown pair's mean pre- and post-test scores; None without one). ``figures``: ``reaction``'s
    with ``figures["learning"]``; ``numbers``: the reader's ``common.numbers.Numbers``."""
    figures["summary_chart"] = charts.bars([
        (e["block_key"], e["name"], None if e["suppressed"] else e["favourable"],
         "—" if e["suppressed"] or e["favourable"] is None else numbers.percent(e["favourable"]), "emm-bar-favourable")
        for e in figures["evaluations"]])
    rows = []
    for p in figures.get("learning", []):
        g = p["figures"]
        if g["suppressed"]:
            continue
        for phase, mean, cls in (("pre", g["mean_pre"], "emm-bar-pre"), ("post", g["mean_post"], "emm-bar-post")):
            label = _("Pre-test") if phase == "pre" else _("Post-test")
            rows.append((f'{p["pair"]}-{phase}', f'{p["pair"]} · {label}', mean, numbers.percent(mean, 0), cls))
    figures["learning_chart"] = charts.bars(rows) if rows else None
    return figures


def learning(pairs, min_group):
    """Learning (Kirkpatrick level 2): each knowledge-check pair of the course.

    ``pairs``: ``[{"pair", "names", "description", "rows"}]`` -- the pair key, its blocks' names,
    what its post-test (else its pre-test) asked (``knowledge_check.learner.described``) and its
    stored results (``common.pairs.pair_rows``). Each pair's figures are
    ``knowledge_check.report.pair_figures`` at the report's minimum group size or the check's, if
    higher; each question keeps its prompt for the table."""
    out = []
    for p in pairs:
        asked = [q for q in p["description"].get("questions", []) if isinstance(q, dict)]
        questions = [Question(id=str(q.get("id", "")), prompt=str(q.get("prompt", ""))) for q in asked]
        group = max(min_group, int(p["description"].get("min_group_size") or 0))
        figures = pair_figures(p["rows"], questions, group)
        figures["questions"] = [dict(rates, id=q.id, prompt=q.prompt)
                                for q, rates in zip(questions, figures["questions"], strict=True)]
        out.append({"pair": p["pair"], "names": p["names"], "figures": figures})
    return out


def _plain(value, digits=1):
    """A CSV cell: ``value`` with a decimal point and at most ``digits`` decimals, "" for None."""
    return "" if value is None else plain(value, digits)


def csv_rows(figures, _):
    """Every figure of ``reaction`` + ``learning`` (``figures["learning"]``) as rows ``[section,
    evaluation or pair, statement or question, figure, value]``, the header first; what the page
    withholds below the minimum group size the CSV withholds too (a ``suppressed`` row says so).
    Cells are not yet formula-safe: the writer makes them so (``common.export.safe_cell``)."""
    reaction_, learning_ = _("Reaction"), _("Learning")
    rows = [[_("Section"), _("Evaluation or pair"), _("Statement or question"), _("Figure"), _("Value")]]
    if figures.get("headline"):
        h = figures["headline"]
        rows.append([reaction_, "", h["statement"], _("Headline"), h["text"]])
    for e in figures["evaluations"]:
        rows.append([reaction_, e["name"], "", _("Respondents"), e["respondents"]])
        if e["suppressed"]:
            rows.append([reaction_, e["name"], "", _("Suppressed below the minimum group size"), e["min_group"]])
            continue
        rows.append([reaction_, e["name"], "", _("Favourable answers over all statements (%)"),
                     _plain(e["favourable"])])
        for st in e["statements"]:
            rows.append([reaction_, e["name"], st["text"], "n", st["n"]])
            rows.append([reaction_, e["name"], st["text"], _("Not applicable"), st["na"]])
            if st["suppressed"]:
                rows.append([reaction_, e["name"], st["text"], _("Suppressed below the minimum group size"),
                             e["min_group"]])
                continue
            for label, percent in zip(e["labels"], st["percents"], strict=True):
                # xgettext:no-python-format  ("(%)" is a column's unit, not a %-format)
                rows.append([reaction_, e["name"], st["text"], _("{label} (%)").format(label=label), _plain(percent)])
            rows += [[reaction_, e["name"], st["text"], _("Top box (%)"), _plain(st["top_box"])],
                     [reaction_, e["name"], st["text"], _("Top two box (%)"), _plain(st["top_two_box"])],
                     [reaction_, e["name"], st["text"], _("Mean"), _plain(st["mean"], 2)]]
        rows += _profile_rows(e, reaction_, _)
    for p in figures.get("learning", []):
        g, name = p["figures"], p["pair"]
        rows += [[learning_, name, "", _("Learners who took both tests"), g["linked"]],
                 [learning_, name, "", _("Pre-test only"), g["pre_only"]],
                 [learning_, name, "", _("Post-test only"), g["post_only"]],
                 [learning_, name, "", _("Different questions"), g["mismatched"]]]
        if g["suppressed"]:
            rows.append([learning_, name, "", _("Suppressed below the minimum group size"), g["min_group"]])
            continue
        rows += [[learning_, name, "", _("Mean pre-test score (%)"), _plain(g["mean_pre"])],
                 [learning_, name, "", _("Mean post-test score (%)"), _plain(g["mean_post"])],
                 [learning_, name, "", _("Mean gain (percentage points)"), _plain(g["mean_gain"])],
                 [learning_, name, "", _("Learners who improved (%)"), _plain(g["improved"])],
                 [learning_, name, "", _("Normalised gain"), _plain(g["normalised_gain"], 3)]]
        for q in g["questions"]:
            rows += [[learning_, name, q["prompt"], _("Correct before (%)"), _plain(q["pre_correct"])],
                     [learning_, name, q["prompt"], _("Correct after (%)"), _plain(q["post_correct"])]]
    return rows


def _profile_rows(e, section, _):
    """An evaluation's figures by profile as CSV rows; a withheld cell says so."""
    table = e.get("profiles")
    if not table:
        return []
    rows = []
    texts = {c["key"]: c["text"] for c in table["columns"]}
    withheld = _("withheld: too few answers")
    for st in table["statements"]:
        for cell in st["cells"]:
            profile = texts[cell["key"]]
            if not cell["shown"]:
                rows.append([section, e["name"], st["text"], _("{profile}: favourable (%)").format(profile=profile),
                             withheld])
                continue
            rows += [[section, e["name"], st["text"], _("{profile}: n").format(profile=profile), cell["n"]],
                     [section, e["name"], st["text"], _("{profile}: favourable (%)").format(profile=profile),
                      _plain(cell["favourable"])],
                     [section, e["name"], st["text"], _("{profile}: top box (%)").format(profile=profile),
                      _plain(cell["top_box"])]]
    return rows
