"""The Likert figures broken down by participant profile (issue 11 "Who answered"; pure).

A survey with a profile question asks who answered (an option per kind of organisation, say);
the store counts each submission's answers also under its profile (``Tally.split``
"profile:<option id>", ``common.summary.profile_tallies``). ``breakdown`` turns those counts into
one column per profile option, plus one for the participants who did not say, and one cell per
statement: its favourable share (the two most favourable points, reverse-coded statements
rescored; none on a scale of two labels, where it would be every answer) and top box. Each
statement's columns go through ``common.perspectives.split``, so a column answered by fewer than
the minimum group size is withheld, and so is the smallest other one when the withheld column
could be worked out from the overall figures (the "did not say" column counts as a group there:
the overall figures include it).
"""

from ..common.perspectives import split
from ..common.profile import NOT_SAID, group_keys, group_name, group_names, people, with_not_said
from .epochs import split_tallies
from .statistics import statement_stats


def breakdown(survey, tallies, by_profile, respondents, _):
    """``None`` without a profile question; else ``{"prompt", "columns", "statements"}``.

    ``tallies``: the block's ``{group: {value: n}}`` (``summary.tallies``); ``by_profile``:
    ``{option id: {group: {value: n}}}`` (``summary.profile_tallies``); ``respondents``: the
    block's submissions. ``columns``: ``[{"key", "text", "n" (None when withheld), "shown",
    "small"}]``, the options in the author's order (an option removed since, with answers, after
    them by id), then "did not say"; ``statements``: ``[{"id", "text", "cells": [{"key", "shown",
    "small", "n", "favourable", "top_box"}]}]`` in the columns' order, percentages of the cell's
    answers on the scale (N/A apart), None when withheld or nothing to divide. ``small``: withheld
    because fewer than ``min_group_size`` answered (False when shown, or when withheld only to
    protect a small group: ``common.perspectives.withheld_cells`` words the two apart);
    ``min_group_size``: the survey's."""
    if not survey.asks_profile:
        return None
    keys = group_keys(survey.profile_options, by_profile)
    texts = group_names(survey.profile_options, _)
    counted = people(tallies, respondents)
    who = split({key: {"n": counted.get(key, 0)} for key in keys}, survey.min_group_size)
    columns = [{"key": key, "text": group_name(texts, key, _), "shown": key in who and who[key].shown,
                "small": key not in who or who[key].small,
                "n": who[key].total if key in who and who[key].shown else None} for key in keys]
    overall, _apart = split_tallies(survey, tallies)
    # who did not say (``NOT_SAID``, last): the overall answers less every profile's, statement by statement
    per = with_not_said({key: split_tallies(survey, by_profile.get(key, {}))[0] for key in keys if key}, overall)
    stats = {key: {row.id: row for row in statement_stats(survey, current)}
             for key, current in per.items()}
    on_scale = {str(v) for v in range(1, survey.points + 1)}
    statements = []
    for st in survey.statements:
        counts = {key: {v: n for v, n in per[key].get(st.id, {}).items() if v in on_scale} for key in keys}
        groups = split(counts, survey.min_group_size)
        cells = []
        for key in keys:
            group, row = groups.get(key), stats[key].get(st.id)
            shown = group is not None and group.shown and row is not None and not row.suppressed
            small = not shown and (group is None or group.small or row is None or row.suppressed)
            cells.append({"key": key, "shown": shown, "small": small, "n": group.total if shown else None,
                          "favourable": row.top_two_box if shown else None,
                          "top_box": row.top_box if shown else None})
        statements.append({"id": st.id, "text": st.text, "cells": cells})
    return {"prompt": survey.profile_prompt, "columns": columns, "statements": statements,
            "min_group_size": survey.min_group_size}


def shown_profiles(table):
    """``{option id: its text}`` of the profiles whose group is big enough to be named beside a
    submission (``export.csv_response``), and ``{"": ""}`` where who did not say are a group shown
    too: a submission without a profile is then told by its empty cell. Where that group is withheld
    (too few, or to protect one that is), it reads as a withheld option does (bug hunt s43: the one
    learner who did not say was the one row with an empty cell, and the rows "not shown" were all
    the group withheld to protect them)."""
    if not table:
        return {}
    return {("" if c["key"] == NOT_SAID else c["key"]): ("" if c["key"] == NOT_SAID else c["text"])
            for c in table["columns"] if c["shown"]}
