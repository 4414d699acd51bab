"""How the participants of each profile answered a case study's choice questions (issue 12 §1; pure).

The case's distribution rows are counted in the summary among all rows and, when the learner
answered the case's participant profile question, among that profile's too (``Tally.split``
"profile:<option id>", decision 30). ``question_split`` takes one question's counts from both
(``summary.tallies``, ``summary.profile_tallies``) and hands them to ``common.profile.choice_split``,
so a group below the minimum group size is withheld, and so is the next smallest when the withheld
one could be worked out from the overall figures.
"""

from ..common import profile
from ..common.perspectives import share
from ..common.sanitize import plain_text
from . import changes
from .content import MULTIPLE, SINGLE


def count(tallies, q, option):
    """How many answers chose ``option`` of ``q`` among ``tallies`` (``{group: {value: n}}``): a
    single-choice question's row is ``q.id`` -> option id, a multiple-choice one's ``q.id.option`` -> "1"."""
    if q.kind == SINGLE:
        return int(tallies.get(q.id, {}).get(option.id, 0))
    return int(tallies.get(f"{q.id}.{option.id}", {}).get("1", 0))


_NONE = {}  # a group no tally counts (read only)


def counter(q):
    """``count`` of every option of choice question ``q`` at once: a function of ``tallies`` (the
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


def question_split(case, q, tallies, by_profile, respondents, people=None, overall=None, memo=None):
    """Choice question ``q``'s answers by profile: ``common.profile.choice_split``'s groups
    (``[{"key", "shown", "n", "counts", "percents"}]``, a group per profile option with
    participants, then ``profile.NOT_SAID``), counts keyed by ``q``'s option ids.

    ``tallies``: the block's ``{group: {value: n}}``; ``by_profile``: ``{option id: {group:
    {value: n}}}``; ``respondents``: the block's submissions. A group's size is who answered ``q``
    in it: a single-choice question's answers (a question added later was answered by fewer), a
    multiple-choice one's every submission of the group (each may tick several options, or none).
    What a panel or a download works out once for all its questions may be given (else it is
    worked out here): ``people``, ``profile.people(tallies, respondents)``; ``overall``, ``q``'s
    counts among all participants (``{option id: count(tallies, q, option)}``); ``memo``,
    ``choice_split``'s, one per case."""
    if people is None:
        people = profile.people(tallies, respondents)
    if overall is None:
        overall = {o.id: count(tallies, q, o) for o in q.options}
    counted = {pid: {o.id: count(by_profile.get(pid, {}), q, o) for o in q.options} for pid in people if pid}
    counted[profile.NOT_SAID] = profile.rest(overall, counted.values())
    if q.kind == SINGLE:
        sizes = {pid: sum(c.values()) for pid, c in counted.items()}
    else:
        sizes = dict(people)
    return profile.choice_split(case.profile_options, counted, sizes, case.min_group_size, memo)


def csv_rows(case, tallies, by_profile, respondents, _):
    """The distribution, and its split by profile where the case asks it, as CSV rows (header
    first): ``Question ID`` (its id, the key of a spreadsheet built on the download), ``Question``
    (its prompt as plain text: ``common.sanitize.plain_text``, what a facilitator reads),
    ``Answer`` (the option's text), the profile question's prompt (the group), ``Participants``,
    ``Count``, ``Percent`` (a whole number), as the role-play's perspectives CSV. The group "All
    participants" first, then each profile group in ``question_split``'s order; a withheld group's
    row says why in ``Participants`` ("fewer than N", or "not shown" for one withheld to protect a
    small one) and gives no figure. ``by_profile`` None: no profile rows. The caller checks the
    whole block's minimum group size first.

    Then the answers no figure counts (``apart_rows``), as the staff's "how others answered" lists
    them apart: never dropped from the download."""
    everyone, not_said = _("All participants"), _("Did not say")
    small, hidden = _("fewer than {n}").format(n=case.min_group_size), _("not shown")
    texts = {o.id: o.text for o in case.profile_options}
    rows = [[_("Question ID"), _("Question"), _("Answer"), case.profile_prompt or _("Profile"), _("Participants"),
             _("Count"), _("Percent")]]
    for q in case.questions:
        if q.kind not in (SINGLE, MULTIPLE):
            continue
        prompt = plain_text(q.prompt)
        counts = {o.id: count(tallies, q, o) for o in q.options}
        n = sum(counts.values()) if q.kind == SINGLE else respondents
        groups = [{"key": None, "shown": True, "n": n, "counts": counts,
                   "percents": {oid: share(c, n) for oid, c in counts.items()}}]
        if by_profile is not None:
            groups += question_split(case, q, tallies, by_profile, respondents)
        for g in groups:
            name = everyone if g["key"] is None else not_said if g["key"] == profile.NOT_SAID else texts.get(
                g["key"], g["key"])
            for o in q.options:
                if g["shown"]:
                    rows.append([q.id, prompt, o.text, name, str(g["n"]), str(g["counts"].get(o.id, 0)),
                                 str(g["percents"].get(o.id, 0))])
                else:
                    rows.append([q.id, prompt, o.text, name, small if g["small"] else hidden, "", ""])
    return rows + apart_rows(case, tallies, everyone, _)


def apart_rows(case, tallies, everyone, _):
    """``csv_rows``' rows (no header) of the stored answers the figures no longer count
    (``changes.apart_answers``: the author removed or renamed their question or option since),
    among all participants (``everyone``, the group's name), one per answer: ``Question ID`` the
    id it was given under, ``Question`` "Removed question" (as the LMS's report says it,
    ``common.question_report``) and ``Answer`` the option id it was given as, or a current
    question's id and prompt and ``Answer`` "<option id> (removed option)"; ``Count`` the answers,
    and ``Participants`` and ``Percent`` empty (the case no longer says who was asked: a question
    removed is no longer anyone's denominator). Ids as stored; ``common.export.csv_lines`` makes
    every cell formula-safe."""
    prompts = {q.id: q.prompt for q in case.questions}
    rows = []
    for section in changes.apart_answers(case, tallies, _):
        removed_question = section["kind"] == changes.REMOVED_QUESTIONS
        for row in section["rows"]:
            question = _("Removed question") if removed_question else plain_text(prompts.get(row["id"], ""))
            for answer in row["answers"]:
                value = answer["value"] if removed_question else _("{id} (removed option)").format(id=answer["value"])
                rows.append([row["id"], question, value, everyone, "", str(answer["count"]), ""])
    return rows
