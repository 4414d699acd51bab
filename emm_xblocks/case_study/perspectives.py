"""How the participants of each profile answered a case study's choice questions (issue 12 §1; pure).

The case's distribution rows are counted in the summary among all rows and, when the learner
answered the case's participant profile question, among that profile's too (``Tally.split``
"profile:<option id>", decision 30). ``ProfileSplit`` takes them (``summary.panel_counts``) once
per feedback panel or staff download, who did not say as one more group
(``common.profile.with_not_said``), and ``ProfileSplit.question`` splits each choice question by
them for both (``common.profile.groups_plan``), so a group below the minimum group size is
withheld, and so is the next smallest when the withheld one could be worked out from the overall
figures.
"""

from ..common import profile
from .content import SINGLE

_NONE = {}  # a group no tally counts (read only)


def counter(q):
    """How many answers chose each option of choice question ``q`` (a single-choice question's row
    is ``q.id`` -> option id, a multiple-choice one's ``q.id.option`` -> "1"): a function of ``tallies`` (the
    block's or one profile's ``{group: {value: n}}``) giving the counts in ``q.options``' order;
    what ``q``'s rows are called is worked out once, for every tallies it is given."""
    if q.kind == SINGLE:
        qid, ids = q.id, [o.id for o in q.options]

        def counts(tallies):
            row = tallies.get(qid)
            return [int(row.get(oid, 0)) for oid in ids] if row else [0] * len(ids)
    else:
        keys = [f"{q.id}.{o.id}" for o in q.options]

        def counts(tallies):
            get = tallies.get
            return [int(get(key, _NONE).get("1", 0)) for key in keys]
    return counts


class ProfileSplit:
    """A case's choice questions split by participant profile, as its feedback panel
    (``views._PanelGroups``) and its staff download (``report.perspective_rows``) show them: what every question
    shares is worked out once, when made (not once per question): who gave each profile
    (``people``, ``common.profile.people``), each profile's tallies and those of who did not say
    (``groups``: ``{option id: {group: {value: n}}}``, ``common.profile.NOT_SAID`` last,
    ``common.profile.with_not_said``), and ``memo``, ``common.profile.groups_plan``'s (the groups'
    order and which are shown, once per distinct groups' sizes: every multiple-choice question has
    the same, who gave each profile).

    ``tallies``: the block's ``{group: {value: n}}``; ``by_profile``: ``{option id: {group:
    {value: n}}}``; ``respondents``: the block's submissions (``summary.panel_counts``)."""

    def __init__(self, case, tallies, by_profile, respondents):
        self.people = profile.people(tallies, respondents)
        self.groups = profile.with_not_said({pid: by_profile.get(pid, {}) for pid in self.people if pid}, tallies)
        self.options, self.min_size, self.memo = case.profile_options, case.min_group_size, {}

    def question(self, q, counts_of):
        """Choice question ``q``'s answers by profile: ``[(group key, perspectives.Group, counts)]``,
        a group per profile option with participants (an option removed since, with answers, after
        them by id), then who did not say (``common.profile.NOT_SAID``); ``counts``: the group's
        answers in ``q.options``' order (read only when the group is shown). A group's size is who
        answered ``q`` in it: a single-choice question's answers (a question added later was
        answered by fewer), a multiple-choice one's every submission of the group (each may tick
        several options, or none); a withheld group (``shown`` False: ``small``, below the
        minimum group size, or withheld to protect a small one) has no figure to show.
        ``counts_of``: ``counter(q)``, which the caller has (it counts all participants with it)."""
        counted = {key: counts_of(tallies) for key, tallies in self.groups.items()}
        sizes = {key: sum(counts) for key, counts in counted.items()} if q.kind == SINGLE else self.people
        return [(key, group, counted[key])
                for key, group in profile.groups_plan(self.options, sizes, self.min_size, self.memo)]
