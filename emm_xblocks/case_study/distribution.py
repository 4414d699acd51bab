"""The feedback panel's "how other participants answered" (the distribution), its figures worked
out from the counts the aggregate store gives (pure: no store, no XBlock, no Django).

``panel_figures`` takes what ``views.distribution`` read (``summary.panel_counts``: the
submissions, the tallies, the tallies by profile), whether the viewer is staff, and the panel's
words (``block.translators()``), and gives the figures ``distribution_html`` renders: each choice
question's counts, ``n`` and shares, split by participant profile where the case asks one, the
groups below the minimum group size withheld, and for staff the answers no figure counts. Its own
module, not ``perspectives``: that one holds the building blocks the panel and the staff download
(``report.distribution_rows``) share (the store's rows, ``counter``, ``answered``, ``ProfileSplit``,
``apart_answers``); this one is the panel's assembly of them, in the learner's language.
"""

from ..common import profile
from ..common.perspectives import share
from ..common.sanitize import plain_text
from . import perspectives
from .content import REFLECTION


def panel_figures(case, respondents, tallies, by_profile, staff, words):
    """How other participants answered each choice question, above the minimum group size only.

    Each question is named (its number and prompt as text) with how many participants answered it
    (``n``, ``perspectives.answered``): a single-choice question's answers summed, a
    multiple-choice question's submissions that answered it (each may tick several options); a
    question added after some submissions was answered by fewer. Percentages are of ``n``. With a
    profile question (``by_profile`` not None), each question's ``profiles`` splits the same
    answers by participant profile (``_PanelGroups.groups``); else it is None. Staff (``staff``)
    also get ``apart`` (``perspectives.apart_answers``): the stored answers to questions and
    options the author removed since, which no figure counts. ``respondents``, ``tallies``,
    ``by_profile``: ``summary.panel_counts``'s; ``words``: the panel's ``block.translators()``,
    ``(gettext, ngettext, numbers)``."""
    if respondents < case.min_group_size:
        return {"respondents": respondents, "suppressed": True, "questions": []}
    panel = _PanelGroups(words, case, perspectives.ProfileSplit(case, tallies, by_profile, respondents)
                        if by_profile is not None else None)
    share_text = panel.share
    out = []
    for number_, q in enumerate(case.questions, start=1):
        if q.kind == REFLECTION:
            continue
        counter = perspectives.counter(q)
        counts = counter(tallies)
        n = perspectives.answered(q, counts, tallies)
        options = []
        for o, c in zip(q.options, counts, strict=True):
            whole = share(c, n)  # 100 * c / n rounded half up, as numbers.rounded rounds it: in whole numbers
            options.append({"text": o.text, "count": c, "percent": whole, "percent_text": share_text(whole)})
        out.append({"id": q.id, "number": number_, "prompt": plain_text(q.prompt), "n": n, "options": options,
                    "profiles": None if by_profile is None else panel.groups(q, counter)})
    # staff also see the answers no figure counts (questions or options removed since): apart, never dropped
    apart = perspectives.apart_answers(case, tallies, words[0]) if staff else []
    return {"respondents": respondents, "suppressed": False, "questions": out, "apart": apart,
            "profile_prompt": case.profile_prompt if by_profile is not None else ""}


class _PanelGroups:
    """What the questions of a panel share, worked out once per panel (not once per question or
    group): each share's text ("33 %", ``share``) and, with a profile question, the split by
    profile (``split``, ``perspectives.ProfileSplit``, the staff download's too; None without
    one), each profile's name (``names``: the option's text by id) and the words asked of the
    catalogue ("Did not say", each size's "{n} participants") in the learner's language."""

    def __init__(self, words, case, split=None):
        self._, self.ungettext, self.nums = words
        self.split, self.sizes, self.shares = split, {}, {}
        if split is not None:
            self.names = profile.group_names(case.profile_options, self._)

    def size(self, n):
        """"12 participants" (the plural CLDR gives ``n``)."""
        text = self.sizes.get(n)
        if text is None:
            text = self.sizes[n] = self.ungettext("{n} participant", "{n} participants", n).format(
                n=self.nums.number(n, 0))
        return text

    def share(self, whole):
        """A whole percentage's text ("33 %")."""
        text = self.shares.get(whole)
        if text is None:
            text = self.shares[whole] = self.nums.percent(whole, 0)
        return text

    def groups(self, q, counter):
        """Choice question ``q``'s answers split by participant profile (issue 12), as the feedback
        panel shows them: ``[{"key", "name", "shown", "small", "n", "n_text", "percents": [text
        per option]}]``, a group per profile option that has participants, then those who did not
        say; a group below the minimum group size is withheld (``small``), and so is the next
        smallest when it could be worked out (``perspectives.ProfileSplit.question``, as the staff
        download splits it);
        ``counter``: ``perspectives.counter(q)``."""
        share_text, groups = self.share, []
        for key, group, counts in self.split.question(q, counter):
            name = profile.group_name(self.names, key, self._)
            if group.shown:
                n = group.total
                groups.append({"key": key, "name": name, "shown": True, "small": False, "n": n, "n_text": self.size(n),
                               "percents": [share_text(share(c, n)) for c in counts]})
            else:
                groups.append({"key": key, "name": name, "shown": False, "small": group.small, "n": None, "n_text": "",
                               "percents": []})
        return groups
