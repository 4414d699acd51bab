"""Answers no figure counts, shown apart (issue 10, decision 27) (pure: no XBlock, no Django).

An author may edit live content: a Likert scale changes, a statement, question, option or node is
removed or its id renamed. The answers learners gave stay in the store under the groups and values
they were given with; a report never relabels them as something else nor drops them: the figures
count only what the content still asks, and everything else is listed *apart*, named as what it
was. The Likert evaluation (answers on an earlier scale, to removed statements), the case study
(answers to removed questions and options) and the role-play (choices at removed nodes) share:

* ``split(tallies, place)``: the store's ``{group: {value: n}}`` sorted into what the figures count
  and what is shown apart, by the block's ``place(group)``;
* ``row(item, text, tally, values, min_size, na)``: one item's answers apart, counted in the order
  of ``values`` (the answers its section names), with the minimum group size kept (decision 5).
"""

CURRENT = "current"  # ``place`` says: the figures count this group
SKIP = "skip"  # ``place`` says: not an answer (a participant profile, counted elsewhere)


def split(tallies, place):
    """``(current, apart)`` of ``tallies`` (``{group: {value: n}}``): ``place(group)`` returns
    ``(where, item)``, ``where`` being ``CURRENT``, ``SKIP`` or a section key (sortable: a
    scale's epoch and whether the item was removed, "questions"...). ``current`` is ``{item:
    tally}``; ``apart`` is ``[(section key, {item: tally})]`` sorted by section key. An item met
    twice in one place (the groups of a multiple-choice question, one per option) has its
    tallies added up."""
    current, apart = {}, {}
    for group, tally in tallies.items():
        where, item = place(group)
        if where == SKIP:
            continue
        into = current if where == CURRENT else apart.setdefault(where, {})
        if item in into:
            into[item] = {value: into[item].get(value, 0) + tally.get(value, 0) for value in {*into[item], *tally}}
        else:
            into[item] = dict(tally)
    return current, sorted(apart.items())


def row(item, text, tally, values, min_size, na=None):
    """One item's answers apart: ``{"id", "text", "n", "na", "suppressed", "counts"}``.

    ``counts`` follows ``values`` (a value not among them still counts in ``n``: nothing is
    dropped); ``na``: the value of "not applicable", counted apart in ``"na"``; a row answered by
    fewer than ``min_size`` shows no counts (``suppressed``), nor one answered on the scale by 1 to
    ``min_size - 1`` whatever the "not applicable" beside them, as the figures' own rows (decision
    26; bug hunt s43: one anonymous answer beside four N/A read off once its statement was removed)."""
    counts = [int(tally.get(value, 0)) for value in values]
    other = sum(int(n) for value, n in tally.items() if value != na and value not in values)
    n, not_applicable = sum(counts) + other, int(tally.get(na, 0)) if na is not None else 0
    suppressed = n + not_applicable < min_size or 0 < n < min_size
    return {"id": item, "text": text, "n": n, "na": not_applicable, "suppressed": suppressed,
            "counts": [] if suppressed else counts}
