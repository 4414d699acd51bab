"""The case study's rows for course staff (pure): the LMS's "problem responses" report
(``report_data``, ``generate_report_data``) and the staff's download of how participants answered
(``distribution_rows``, split by profile with ``perspectives.ProfileSplit``).

The LMS calls ``generate_report_data(user_state_iterator, limit_responses)`` on a block loaded
without any learner: each item of the iterator has ``.username`` and ``.state`` (the learner's
stored ``Scope.user_state`` fields, decoded from JSON). Every row describes one question of the
learner's attempt that counts for the grade (best or last); a learner who only saved a draft has no row.
Answers to questions or options the author has since removed or renamed are never dropped: a
removed question's answer has its own row (after the current questions, its answer as stored, no
score), a removed option is named by its id.
"""

from ..common import profile
from ..common.attempts import counted_index
from ..common.i18n import N_
from ..common.perspectives import Group, share, withheld_cells
from ..common.question_report import REPORT_VERDICTS, report_answer_rows
from ..common.question_scoring import marks, total
from ..common.sanitize import plain_text
from ..common.spreadsheet import report_rows
from . import perspectives
from .content import MULTIPLE, PENDING, SINGLE
from .scoring import attempt_parts

VERDICTS = {**REPORT_VERDICTS, PENDING: N_("Not yet self-assessed")}  # the "Correct" column


def learner_rows(case, state, _):
    """The report rows (dicts with translated column names) of one learner's stored state."""
    history = state.get("history") if isinstance(state, dict) else None
    attempts = [h for h in history if isinstance(h, dict)] if isinstance(history, list) else []
    if not attempts:
        return []

    # the attempt that counts for the grade (best or last), as the grade itself is computed
    each = [marks(case, *attempt_parts(a)) for a in attempts]
    scores = [total(case, m) for m in each]
    index = counted_index(case.grade_policy, scores)  # the earliest of equal best ones
    answers, _ticks = attempt_parts(attempts[index])
    return report_answer_rows(case.questions, answers, each[index], _, VERDICTS,
                              extra=[(_("Attempt"), attempt_number(attempts[index], index))])


def attempt_number(attempt, index):
    """The number of a stored ``attempt`` (``learner.submit`` keeps it, as the learner's page and the
    tracking log give it), else (an attempt stored before bug hunt 8, or damaged) its place in the
    kept attempts, ``index`` + 1: right while no more than ``common.attempts.MAX_KEPT_ATTEMPTS`` were
    made, whose place past them is not their number (the 49 latest and the best are kept)."""
    number = attempt.get("attempt")
    return number if isinstance(number, int) and not isinstance(number, bool) and number > 0 else index + 1


def report_data(case, user_state_iterator, _, limit_responses=None):
    """``(username, row)`` pairs, at most ``limit_responses`` rows in all (None: no limit): for each
    learner, one row per question of the attempt that counts for their grade
    (``{"Question", "Answer", "Correct", ...}``, ``learner_rows``). ``user_state_iterator`` yields
    objects with ``.username`` and ``.state`` (the learner's stored fields)."""
    yield from report_rows(user_state_iterator, lambda state: learner_rows(case, state, _), limit_responses)


def distribution_rows(case, tallies, by_profile, respondents, _):
    """The distribution, and its split by profile where the case asks it, as CSV rows (header
    first): ``Question ID`` (its id, the key of a spreadsheet built on the download), ``Question``
    (its prompt as plain text: ``common.sanitize.plain_text``, what a facilitator reads),
    ``Answer`` (the option's text), the profile question's prompt (the group), ``Participants``,
    ``Count``, ``Percent`` (a whole number), as the role-play's perspectives CSV. The group "All
    participants" first, then each profile group in ``perspectives.ProfileSplit.question``'s order
    (the feedback panel's: the same split); a withheld group's row says why in ``Participants``
    ("fewer than N", or "not shown" for one withheld to protect a small one) and gives no figure.
    ``by_profile`` None: no profile rows. The caller checks the whole block's minimum group size
    first.

    Then the answers no figure counts (``apart_rows``), as the staff's "how others answered" lists
    them apart: never dropped from the download."""
    everyone = _("All participants")
    names = profile.group_names(case.profile_options, _)
    rows = [[_("Question ID"), _("Question"), _("Answer"), case.profile_prompt or _("Profile"), _("Participants"),
             _("Count"), _("Percent")]]
    split = perspectives.ProfileSplit(case, tallies, by_profile, respondents) if by_profile is not None else None
    for q in case.questions:
        if q.kind not in (SINGLE, MULTIPLE):
            continue
        prompt = plain_text(q.prompt)
        counts_of = perspectives.counter(q)
        counts = counts_of(tallies)
        groups = [(everyone, Group(None, perspectives.answered(q, counts, tallies), True), counts)]
        if split is not None:
            groups += [(profile.group_name(names, key, _), group, counted)
                       for key, group, counted in split.question(q, counts_of)]
        for name, group, counted in groups:
            if group.shown:
                n = group.total
                rows += [[q.id, prompt, o.text, name, str(n), str(c), str(share(c, n))]
                         for o, c in zip(q.options, counted, strict=True)]
            else:
                rows += [[q.id, prompt, o.text, name, *withheld_cells(group.small, case.min_group_size, _)]
                         for o in q.options]
    return rows + apart_rows(case, tallies, everyone, _)


def apart_rows(case, tallies, everyone, _):
    """``distribution_rows``' rows (no header) of the stored answers the figures no longer count
    (``perspectives.apart_answers``: the author removed or renamed their question or option since,
    or changed the question's kind), among all participants (``everyone``, the group's name), one
    per answer: ``Question ID`` the id it was given under, ``Question`` "Removed question" (as the
    LMS's report says it, ``common.question_report``) and ``Answer`` the option id it was given as,
    or a current question's id and prompt and ``Answer`` "<option id> (removed option)" or "<option
    id> (given before the question's kind changed)"; ``Count`` the answers,
    and ``Participants`` and ``Percent`` empty (the case no longer says who was asked: a question
    removed is no longer anyone's denominator). Ids as stored; ``common.spreadsheet.csv_lines`` makes
    every cell formula-safe."""
    prompts = {q.id: q.prompt for q in case.questions}
    rows = []
    for section in perspectives.apart_answers(case, tallies, _):
        removed_question = section["kind"] == perspectives.REMOVED_QUESTIONS
        said = (_("{id} (given before the question's kind changed)") if section["kind"] == perspectives.KIND_CHANGED
                else _("{id} (removed option)"))
        for row in section["rows"]:
            question = _("Removed question") if removed_question else plain_text(prompts.get(row["id"], ""))
            for answer in row["answers"]:
                value = answer["value"] if removed_question else said.format(id=answer["value"])
                rows.append([row["id"], question, value, everyone, "", str(answer["count"]), ""])
    return rows
