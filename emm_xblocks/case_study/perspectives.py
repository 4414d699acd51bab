"""How other participants answered a case study's choice questions: the rows a submission is kept
as, their counts split by participant profile (issue 12 §1), and the answers no figure counts (pure).

A submission's choice answers are kept as rows of the aggregate store (``recorded``): a
single-choice question's group is its id, the value the option id; a multiple-choice question has
a group ``<question id>.<option id>`` per picked option, value ``"1"``, and one more,
``<question id>.*`` (``answered_group``), saying the submission answered it: how many answered a
multiple-choice question (``answered``, its shares' denominator) is that row's tally, not the
block's submissions, some of which may predate the question (bug hunt s45, decision 94;
migration 0013 wrote it for the submissions kept before). ``counter`` counts a question's rows;
``apart_answers`` lists the rows of questions and options the author removed since, and those
kept in the shape of a question's old kind (a single choice under a question now multiple-choice,
or the other way).

The case's distribution rows are counted in the summary among all rows and, when the learner
answered the case's participant profile question, among that profile's too (``Tally.split``
"profile:<option id>", decision 30). ``ProfileSplit`` takes them (``summary.panel_counts``) once
per feedback panel or staff download, who did not say as one more group
(``common.profile.with_not_said``), and ``ProfileSplit.question`` splits each choice question by
them for both (``common.profile.groups_plan``), so a group below the minimum group size is
withheld, and so is the next smallest when the withheld one could be worked out from the overall
figures.
"""

from ..common import apart, profile
from ..common.perspectives import PROFILE_GROUP
from ..common.sanitize import plain_text
from .content import MULTIPLE, SINGLE

_NONE = {}  # a group no tally counts (read only)
ANSWERED = "*"  # the "option" of a multiple-choice question's answered row: no option id has a "*"


def answered_group(qid):
    """The group of the row a submission keeps for each multiple-choice question it answered,
    ``"<question id>.*"`` (value ``"1"``): the tally of who answered it."""
    return f"{qid}.{ANSWERED}"


def recorded(case, answers):
    """The aggregate store's rows of one submission's checked ``answers``: ``{question id: option
    id}`` per single-choice question answered, ``{"<question id>.<option id>": "1"}`` per option
    picked in a multiple-choice one, and its ``{"<question id>.*": "1"}`` (``answered_group``)."""
    rows = {}
    for q in case.questions:
        value = answers.get(q.id)
        if q.kind == SINGLE and value:
            rows[q.id] = value
        elif q.kind == MULTIPLE and value:
            for oid in value:
                rows[f"{q.id}.{oid}"] = "1"
            rows[answered_group(q.id)] = "1"
    return rows


def answered(q, counts, tallies):
    """How many answered choice question ``q``, the denominator of its shares: a single-choice
    question's answers (``counts``, summed), a multiple-choice one's answered row
    (``answered_group``) in ``tallies`` (the block's or one profile's ``{group: {value: n}}``),
    never fewer than its most chosen option's count (``counts``: a row kept without it). Either
    way a question added after some submissions was answered by fewer (bug hunt s45: a
    multiple-choice one was shared among every submission)."""
    if q.kind == SINGLE:
        return sum(counts)
    return max(int(tallies.get(answered_group(q.id), _NONE).get("1", 0)), max(counts, default=0))


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
    (``distribution._PanelGroups``) and its staff download (``report.distribution_rows``) show them: what every question
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
        answered ``q`` in it (``answered``); a withheld group (``shown`` False: ``small``, below the
        minimum group size, or withheld to protect a small one) has no figure to show.
        ``counts_of``: ``counter(q)``, which the caller has (it counts all participants with it)."""
        counted = {key: counts_of(tallies) for key, tallies in self.groups.items()}
        sizes = {key: answered(q, counts, self.groups[key]) for key, counts in counted.items()}
        return [(key, group, counted[key])
                for key, group in profile.groups_plan(self.options, sizes, self.min_size, self.memo)]


# the sections apart, in this order
REMOVED_QUESTIONS, REMOVED_OPTIONS, KIND_CHANGED = "1-questions", "2-options", "3-kind"


def apart_answers(case, tallies, _):
    """The answers of the aggregate store (``{group: {value: n}}``: a single-choice question's
    group is its id, the value the option id; a multiple-choice question has a group
    ``<question id>.<option id>`` per option, value ``"1"``) that no figure of "how others
    answered" counts, because the author removed (or renamed) their question or option since, or
    changed the question's kind (a single-choice answer kept under a question now multiple-choice,
    or the other way, or under one now a written reflection: bug hunt s45):
    ``[{"kind", "title", "rows": [{"id", "text", "n", "answers": [{"value", "count"}]}]}]``
    (``kind``: ``REMOVED_QUESTIONS``, ``REMOVED_OPTIONS`` or ``KIND_CHANGED``), answers to removed
    questions first (named by their old ids), then answers to removed options of the current
    questions, then those given before a question's kind changed (both named by question number
    and prompt; the latter by the option ids they were given as); ``[]`` when there are none.
    Shown under the same minimum group size as the figures (the caller's)."""
    numbered = {q.id: (n, q) for n, q in enumerate(case.questions, start=1)}

    def place(group):
        qid, dot, oid = group.partition(".")
        if group == PROFILE_GROUP or oid == ANSWERED:  # who answered, not an answer
            return apart.SKIP, group
        if qid not in numbered:
            return REMOVED_QUESTIONS, qid
        # the shape the question's kind keeps its answers in: "q1" single, "q2.<option>" multiple
        return (apart.CURRENT if numbered[qid][1].kind == (MULTIPLE if dot else SINGLE) else KIND_CHANGED), qid

    def named(qid):
        number, q = numbered[qid]
        return _("Question {n}: {prompt}").format(n=number, prompt=plain_text(q.prompt))

    # a multiple-choice question's groups ("q2.x": {"1": n}) as one tally of its options ({"x": n})
    tallies = {group: ({group.partition(".")[2]: tally.get("1", 0)} if "." in group else tally)
               for group, tally in tallies.items()}
    current, removed = apart.split(tallies, place)
    removed = dict(removed)
    sections = {REMOVED_QUESTIONS: [(qid, qid, tally) for qid, tally in sorted(removed.get(REMOVED_QUESTIONS,
                                                                                         {}).items())],
                REMOVED_OPTIONS: [],
                KIND_CHANGED: [(qid, named(qid), tally) for qid, tally in sorted(
                    removed.get(KIND_CHANGED, {}).items(), key=lambda item: numbered[item[0]][0])]}
    for qid, tally in sorted(current.items(), key=lambda item: numbered[item[0]][0]):
        known = {o.id for o in numbered[qid][1].options}
        gone = {value: n for value, n in tally.items() if value not in known}
        if any(gone.values()):
            sections[REMOVED_OPTIONS].append((qid, named(qid), gone))
    titles = {REMOVED_QUESTIONS: _("Answers to removed questions"), REMOVED_OPTIONS: _("Answers to removed options"),
              KIND_CHANGED: _("Answers given before their question's kind changed")}
    out = []
    for key, items in sections.items():
        rows = []
        for qid, text, tally in items:
            values = sorted(value for value, n in tally.items() if n)
            counted = apart.row(qid, text, tally, values, 0)  # the figures' minimum group size is the caller's
            rows.append({"id": qid, "text": text, "n": counted["n"],
                         "answers": [{"value": v, "count": c} for v, c in zip(values, counted["counts"], strict=True)]})
        if rows:
            out.append({"kind": key, "title": titles[key], "rows": rows})
    return out
