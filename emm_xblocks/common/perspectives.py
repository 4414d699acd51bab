"""Perspectives: one question's counts split by who answered, each group shown only when big enough (pure).

A *dimension* sorts participants into groups: the role they played in a role-play
(``summary.role_tallies``) or the answer they gave to the participant-profile question
(``common.profile.groups_plan``, issue 11). ``split`` does not know which: it takes one
question's counts per group, ``{group key: {value: n}}``, and decides which groups may be shown
under the minimum group size (decision 5).

Two rules keep a small group's answers from being read:

* **primary**: a group of fewer than ``min_size`` participants is not shown (its counts, its
  exact size and its shares are all withheld);
* **secondary**: when the withheld groups together hold between 1 and ``min_size - 1``
  participants, the smallest shown groups are withheld too until they hold at least
  ``min_size`` (or every group is withheld). Otherwise the one small group could be worked out by
  taking the shown groups from the overall figures ("60% of 12 participants chose this"), which
  the debrief also shows.

Where each block keeps and shows how the others answered, in its own words for it:

* Likert (setting ``results``, who sees them): the rows are made in ``learner.submit``, the split by
  profile is ``perspectives.breakdown``, the figures ``results`` and their HTML ``results_html``;
* case study (``show_distribution``): the rows and counters are ``perspectives`` (``recorded``),
  the figures ``distribution`` and their HTML ``distribution_html``;
* role-play (``show_others``): the rows and counters are ``perspectives`` (``recorded``), the
  figures ``others``, their HTML in ``play_html``.
"""

from dataclasses import dataclass, field

# the answer row that carries a submission's participant profile (every block that asks it): its group
# (``@`` is never in a statement, question or node id: ``common.ids``), the option id its value;
# the store counts the submission's other rows under ``Tally.split`` "profile:<option id>" too
PROFILE_GROUP = "@profile"


@dataclass(frozen=True)
class Group:
    """One group's answers to one question: ``total`` participants; ``counts`` ``{value: n}`` is
    empty when the group is withheld (``shown`` False): because it is ``small`` (below the
    minimum group size), or, when not small, to protect a small one (the secondary rule)."""

    key: str
    total: int
    shown: bool
    counts: dict = field(default_factory=dict)
    small: bool = False

    def count(self, value):
        return self.counts.get(value, 0)

    def percent(self, value):
        """The share of the group that gave ``value``, a whole percentage rounded half up."""
        return share(self.count(value), self.total)


def withheld_cells(small, min_size, _):
    """The three cells of a staff CSV's row for a withheld group (``[Participants, Count,
    Percent]``, the Likert's ``[Answers, Favourable, Top box]``): why in the first ("fewer than
    N" when ``small``, the group under ``min_size``; "not shown" for a group withheld to protect a
    small one, the secondary rule), no figure in the others."""
    return [_("fewer than {n}").format(n=min_size) if small else _("not shown"), "", ""]


def share(count, total):
    """``100 * count / total`` as a whole number rounded half up (0 when ``total`` is 0)."""
    return (200 * count + total) // (2 * total) if total else 0


def split(counts, min_size):
    """``{group key: Group}`` for one question; ``counts``: ``{group key: {value: n}}``.

    Groups with no participant are left out. ``min_size`` is the block's minimum group size
    (at least 1). Which groups are shown follows the two rules of this module's docstring."""
    totals = {key: sum(values.values()) for key, values in counts.items()}
    totals = {key: n for key, n in totals.items() if n > 0}
    withheld = {key for key, n in totals.items() if n < min_size}
    hidden = sum(totals[key] for key in withheld)
    # smallest first; ties by key, so the same counts always withhold the same groups
    for key in sorted(set(totals) - withheld, key=lambda k: (totals[k], k)):
        if hidden == 0 or hidden >= min_size:
            break
        withheld.add(key)
        hidden += totals[key]
    return {key: Group(key, n, key not in withheld, {} if key in withheld else dict(counts[key]), n < min_size)
            for key, n in totals.items()}
