"""The course's reaction figures (Kirkpatrick level 1; pure): ``reaction(evaluations, min_group_size, _,
headline_statement, numbers, page_language)``.

``evaluations``: ``[(block key, survey, tallies, respondents)]`` -- each Likert evaluation of the
course as it asked (``likert.content.Survey``), its answers' counts as the store keeps them
(``tallies[group][value]``, a group a statement id marked with its scale's epoch,
``likert.epochs``) and its respondents, in the order they were first answered. Only the answers
given on the evaluation's current scale to its current statements are counted, as on its own
results panel (``epochs.split_tallies``). Per evaluation, per statement: n, the
distribution, top box, top two box, mean, after reverse coding (``likert.statistics``, the same
figures as the evaluation's own panel); an evaluation or statement below ``min_group_size`` (or the
evaluation's own, if higher) is suppressed (decision 5). Statements sharing an id across
evaluations (the same question on day 1 and day 3) are set side by side, favourable (rescored:
the top two box, the top box on a scale of two labels, whose top two are every answer; no top two
box there), under a heading and a caption that says which answers that counts, a reverse-coded one's too (``_shared``:
the same words coded both ways are not pooled); the headline pools one statement's answers over
every evaluation that asked it in the same words, in the IOM style: "X% strongly agreed that …"
-- the share who chose the scale's top point for the statement as worded (for a reverse-coded
statement too: the sentence quotes it).

The knowledge-check pairs' figures (level 2) are ``learning.figures``'s; ``csv_rows.csv_rows`` writes every
figure shown, one per row.
Each evaluation carries its chart (``chart``: ``common.charts.diverging``, on the favourable basis
of its top-box columns); ``summary_charts`` adds the one-page summary's two.

The headline's sentence is written in the reader's language (``numbers``, a
``common.numbers.Numbers``: "60 % strongly agreed…" in French); the CSV's values are plain
(``common.spreadsheet.figure``: no grouping), a decimal point in the plain CSV, for the programs that
read it, the language's decimal mark in its Excel variant (``common.spreadsheet.excel``).

Each evaluation's texts are its author's, in the language its block declares
(``content_language``, kept with its description): on a page in another language (the reader's,
``page_language``), each evaluation, each of its statements and each pair carries ``lang``, the
attribute its texts are marked with (``common.content_language.attr``: ``' lang="fr"'`` or "");
``labels_lang`` is an evaluation's for its scale's labels (a custom scale's are the author's).
"""

from dataclasses import replace
from html import escape

from ..common import charts, content_language
from ..common.i18n import list_separator
from ..common.numbers import ENGLISH, rounded
from ..likert import perspectives
from ..likert.content import CUSTOM
from ..likert.epochs import split_tallies
from ..likert.statistics import diverging_segments, headline, statement_stats

AGREE = "agree"


def _evaluation(block_key, survey, tallies, respondents, min_group_size, _, page_language=""):
    survey = replace(survey, min_group_size=max(min_group_size, survey.min_group_size))
    # what the evaluation's own panel counts: the answers on its scale now, to its statements now
    current, _apart = split_tallies(survey, tallies)
    rows = statement_stats(survey, current, respondents)
    lang = content_language.attr(survey.content_language, page_language)
    two = survey.points < 3  # "No / Yes": no top two box (every answer), the shared row compares the top box
    statements = [{"id": r.id, "text": r.text, "reverse": r.reverse, "n": r.n, "na": r.na,
                   "suppressed": r.suppressed, "counts": r.counts, "percents": r.percents,
                   "top_box": r.top_box, "top_two_box": r.top_two_box, "mean": r.mean,
                   "compared": r.top_box if two else r.top_two_box,
                   "segments": diverging_segments(survey, r), "lang": lang} for r in rows]
    labels = list(survey.labels(_))
    labels_lang = lang if survey.scale == CUSTOM else ""  # a custom scale's labels are the author's
    return {
        "lang": lang, "labels_lang": labels_lang,
        "block_key": block_key, "name": survey.display_name, "respondents": respondents,
        "min_group_size": survey.min_group_size,
        "suppressed": respondents < survey.min_group_size, "labels": labels,
        "favourable": headline(rows), "survey": survey, "statements": statements,
        # statements answered by too few to be shown: left out of the favourable share, which says so
        "withheld": sum(1 for r in rows if r.suppressed),
        # the distribution's bars (favourable basis, as the top-box columns), and whether to say so
        "chart": charts.diverging(labels, statements, _, labels_lang),
        "reverse_shown": any(r.reverse and r.n and not r.suppressed for r in rows),
    }


def _words(text):
    """A statement's text as compared across evaluations: its words (a key, never shown), so
    that two texts differing only in their white space, a no-break space included, are one."""
    return tuple(text.split())


def _shared(evaluations):
    """Statement ids asked by two evaluations or more, side by side: ``[{id, text, reverse,
    split, cells}]``, ``cells`` one per evaluation (None where it did not ask the row's statement).

    A row is an id: the author's word that day 1's and day 3's statement measure the same thing,
    so each cell is that evaluation's favourable share (``compared``: its top two box, its top box
    on a scale of two labels, where the top two are every answer), even where it worded the statement
    differently (a cell whose text or coding differs from the row's, ``differs``, shows its own
    words). The same words coded the other way in another evaluation are a contradiction: the
    favourable share would be agreeing in one cell and disagreeing in the next. Such an id gets one
    row per coding (``split``), never pooled in one."""
    ids = {}
    for e in evaluations:
        for row in e["statements"]:
            ids.setdefault(row["id"], None)
    shared = []
    for sid in ids:
        cells = [next((r for r in e["statements"] if r["id"] == sid), None) for e in evaluations]
        asked = [c for c in cells if c is not None]
        if len(asked) < 2:
            continue
        codings = {}
        for c in asked:
            codings.setdefault(_words(c["text"]), set()).add(c["reverse"])
        split = any(len(coded) > 1 for coded in codings.values())
        order = list(dict.fromkeys(c["reverse"] for c in asked)) if split else [None]
        for reverse in order:
            row_cells = [c if c is not None and reverse in (None, c["reverse"]) else None for c in cells]
            first = next(c for c in row_cells if c is not None)
            shared.append({"id": sid, "text": first["text"], "lang": first["lang"], "reverse": first["reverse"],
                           "split": split,
                           "cells": [None if c is None else dict(c, differs=(
                               _words(c["text"]) != _words(first["text"]) or c["reverse"] != first["reverse"]))
                               for c in row_cells]})
    return shared


def _either(labels, reverse, _):
    """The two most favourable answers of a scale (``labels``, lowest first) in words:
    "“Agree” or “Strongly agree”"; for a reverse-coded statement its two lowest, the favourable
    ones once rescored: "“Disagree” or “Strongly disagree”"."""
    first, second = (labels[1], labels[0]) if reverse else (labels[-2], labels[-1])
    return _("“{first}” or “{second}”").format(first=first, second=second)


def _most(labels, reverse, _):
    """The most favourable answer of a scale of two labels in words: "“Yes”"; for a reverse-coded
    statement the other one, "“No”"."""
    return _("“{label}”").format(label=labels[0] if reverse else labels[-1])


def _one_scale(evaluations):
    """The labels the ``evaluations`` all answered on, or None when they differ (or say too little)."""
    scales = {tuple(e["labels"]) for e in evaluations}
    labels = scales.pop() if len(scales) == 1 else ()
    return labels if len(labels) >= 2 else None


def _asking(evaluations, shared):
    """The ``evaluations`` that asked a statement of the ``shared`` rows."""
    return [e for i, e in enumerate(evaluations) if any(s["cells"][i] is not None for s in shared)]


def _shared_heading(evaluations, shared, _):
    """The heading of the shared statements' table, naming its figure: the top two box, the top box
    where every evaluation in it answered on two labels, favourable answers where both are compared."""
    two = [e["survey"].points < 3 for e in _asking(evaluations, shared)]
    if all(two):
        return _("The same statements across evaluations (top box)")
    if any(two):
        return _("The same statements across evaluations (favourable answers)")
    return _("The same statements across evaluations (top two box)")


def _shared_caption(evaluations, shared, _):
    """The caption of the shared statements' table: what its figure counts, in the scale's words
    when every evaluation in it answered on one scale (its top box on a scale of two labels); and
    what it counts for a reverse-coded row."""
    asking = _asking(evaluations, shared)
    labels = _one_scale(asking)
    reverse = any(c is not None and c["reverse"] for s in shared for c in s["cells"])
    if labels is None:
        if any(e["survey"].points < 3 for e in asking):  # a scale of two labels among others: its top box
            return _("Percent of the two most favourable answers, per evaluation: the scale's two highest; "
                     "for a statement marked reverse-coded, its two lowest; on a scale of two answers, the "
                     "most favourable one")
        return _("Percent of the two most favourable answers, per evaluation: the scale's two highest; "
                 "for a statement marked reverse-coded, its two lowest")
    if len(labels) < 3:  # "No / Yes": the top box (the top two would be every answer, bug hunt s45)
        answer = _most(labels, False, _)
        if not reverse:
            return _("Percent answering {answer} (the most favourable answer), per evaluation").format(answer=answer)
        return _("Percent answering {answer} (the most favourable answer), per evaluation; for a statement "
                 "marked reverse-coded, answering {reverse}").format(answer=answer, reverse=_most(labels, True, _))
    answers = _either(labels, False, _)
    if not reverse:
        return _("Percent answering {answers} (the two most favourable answers), per evaluation").format(
            answers=answers)
    return _("Percent answering {answers} (the two most favourable answers), per evaluation; for a statement "
             "marked reverse-coded, answering {reverse}").format(answers=answers, reverse=_either(labels, True, _))


def _favourable_note(evaluations, _):
    """The one-page summary's sentence on what its favourable share counts, once a reverse-coded
    statement is among the figures it pools (None before)."""
    # an evaluation on two labels has no favourable share (it would be every answer): nothing to explain
    shown = [e for e in evaluations if not e["suppressed"] and e["favourable"] is not None]
    if not any(e["reverse_shown"] for e in shown):
        return None
    labels = _one_scale(shown)
    if labels is None:
        return _("Favourable answers: each statement's two most favourable answers; for a statement worded "
                 "negatively (reverse-coded), its two lowest.")
    return _("Favourable answers: {answers}; for a statement worded negatively (reverse-coded), {reverse}.").format(
        answers=_either(labels, False, _), reverse=_either(labels, True, _))


def _headline(evaluations, chosen, min_group_size, _, numbers):
    """The pooled top box of statement ``chosen`` (or, if empty, of the statement with the most
    answers) over the evaluations that asked it in the same words on the same scale and show it
    (the sentence quotes those words: another evaluation's rewording of the id is not pooled in;
    of an id asked in several wordings, the most answered is quoted); None below ``min_group_size``
    answers. ``percent`` is the whole percent shown in ``text`` (rounded half up, as written);
    ``n`` the answers it pools, ``evaluations`` the names of the evaluations they come from, and
    ``names`` those names in one line, as the page (when it pools two or more) and the CSV say them;
    ``statement`` the statement's id, ``words`` its text as quoted (the CSV's statement column),
    ``reverse`` whether it is reverse-coded."""
    pooled = {}  # (id, words, scale): only the answers to the same words on the same scale are pooled
    for e in evaluations:
        for row in e["statements"]:
            if row["suppressed"] or not row["n"]:
                continue
            version = (row["id"], _words(row["text"]), e["survey"].scale_identity)
            entry = pooled.setdefault(version, {"id": row["id"], "text": row["text"], "n": 0, "top": 0.0,
                                                "evaluation": e, "names": [], "reverse": bool(row.get("reverse"))})
            entry["n"] += row["n"]
            entry["names"].append(e["name"])
            entry["top"] += row["counts"][-1]  # as worded: a reverse-coded statement's "strongly agree" too
    candidates = [v for v in pooled.values() if v["id"] == chosen] if chosen else list(pooled.values())
    if not candidates:
        return None
    entry = max(candidates, key=lambda v: v["n"])  # the first of the most answered
    sid = entry["id"]
    if entry["n"] < min_group_size:
        return None
    percent = rounded(100.0 * entry["top"] / entry["n"])
    shown = numbers.percent(percent, 0)  # "60 %" in French, "60%" in English
    survey, lang = entry["evaluation"]["survey"], entry["evaluation"]["lang"]
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
    # French statement in an Arabic report, and their language; every text escaped (the view marks
    # it safe)
    label_lang = entry["evaluation"]["labels_lang"]
    html = escape(frame).format(percent=escape(shown), statement=f"<bdi{lang}>{escape(statement)}</bdi>",
                                **{k: f"<bdi{label_lang}>{escape(v)}</bdi>" for k, v in words.items()})
    # the evaluations it pools, named as the page and the CSV name them ("Day 1; Day 3")
    return {"statement": sid, "words": entry["text"], "reverse": entry["reverse"], "percent": percent,
            "n": entry["n"], "text": text, "html": html, "evaluations": entry["names"],
            "names": list_separator(_).join(entry["names"])}


def reaction(evaluations, min_group_size, _, headline_statement="", numbers=ENGLISH, page_language=""):
    """Every evaluation's figures, the statements they share, and the headline (see the module);
    ``numbers``: the reader's ``common.numbers.Numbers``, for the headline's sentence;
    ``page_language``: the reader's language (each evaluation's ``lang``)."""
    shown = [_evaluation(*e, min_group_size, _, page_language) for e in evaluations]
    shared = _shared(shown)
    headline = _headline(shown, headline_statement, min_group_size, _, numbers)
    return {
        "evaluations": shown,
        "shared": shared,
        "shared_caption": _shared_caption(shown, shared, _) if shared else "",
        "shared_heading": _shared_heading(shown, shared, _) if shared else "",
        "favourable_note": _favourable_note(shown, _),
        "headline": headline,
        "headline_note": _headline_note(shown, headline_statement, headline, _),
        "min_group_size": min_group_size,
    }


def _headline_note(evaluations, chosen, headline, _):
    """Why the statement the author chose for the headline shows none, for staff ("" where it shows,
    or none was chosen): an id no evaluation of the course asks (a typo in the report's settings:
    the key figure would otherwise leave the summary without a word), or too few answers yet."""
    if not chosen or headline is not None:
        return ""
    # before anyone answered there is nothing to check the id against: not a typo (trial s43: a new
    # course's empty report sent the author looking for a settings error that was not there)
    if evaluations and not any(row["id"] == chosen for e in evaluations for row in e["statements"]):
        return _("No evaluation of this course has a statement “{id}”, the one chosen for the key figure: check "
                 "its id in this report's settings (empty: the statement most answered).").format(id=chosen)
    return _("The key figure (statement “{id}”) shows once enough people have answered it.").format(id=chosen)


def by_profile(figures, evaluations, profile_tallies, _):
    """Give each shown evaluation of ``reaction``'s ``figures`` its figures by participant profile,
    ``e["profiles"]`` (``likert.perspectives.breakdown`` at the report's minimum group size or the
    evaluation's, if higher; None without a profile question). ``evaluations``: what ``reaction``
    was given; ``profile_tallies``: ``{block key: summary.profile_tallies}``."""
    for e, (key, _survey, tallies, respondents) in zip(figures["evaluations"], evaluations, strict=True):
        e["profiles"] = None if e["suppressed"] else perspectives.breakdown(
            e["survey"], tallies, profile_tallies.get(key, {}), respondents, _)
        if e["profiles"]:  # a reverse-coded row is marked there too: its favourable share is rescored
            reverse = {st.id for st in e["survey"].statements if st.reverse}
            for st in e["profiles"]["statements"]:
                st["reverse"] = st["id"] in reverse
    return figures


def summary_charts(figures, _, numbers):
    """The one-page summary's two charts, beside its tables: ``figures["summary_chart"]`` (each
    evaluation's favourable share, no bar while it is suppressed) and ``figures["learning_chart"]``
    (each shown pair's mean pre- and post-test scores, each bar named by its test; None without
    one). ``figures``: ``reaction``'s with ``figures["learning"]``; ``numbers``: the reader's
    ``common.numbers.Numbers``."""
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
            name = p["tests"].get(phase) or p["name"]
            # the test by its name, and which test it is unless its name says so already
            shown = name if label.casefold() in name.casefold() else f"{name} · {label}"
            rows.append((f'{p["pair"]}-{phase}', shown, mean, numbers.percent(mean, 0), cls))
    figures["learning_chart"] = charts.bars(rows) if rows else None
    return figures
