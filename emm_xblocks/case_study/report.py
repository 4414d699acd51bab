"""Rows of the LMS "problem responses" report (``generate_report_data``), pure.

The LMS calls ``generate_report_data(user_state_iterator, limit_responses)`` on a block loaded
without any learner: each item of the iterator has ``.username`` and ``.state`` (the learner's
stored ``Scope.user_state`` fields, decoded from JSON). Every row describes one question of the
learner's attempt that counts for the grade (best or last); a learner who only saved a draft has no row.
Answers to questions or options the author has since removed or renamed are never dropped: a
removed question's answer has its own row (after the current questions, its answer as stored, no
score), a removed option is named by its id.
"""

from ..common.attempts import counted_attempt
from ..common.export import report_rows
from ..common.i18n import N_
from ..common.question_report import REPORT_VERDICTS, report_answer_rows
from .content import PENDING
from .scoring import attempt_parts, marks, total

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
    counted = counted_attempt(case.grade_policy, scores)
    number_counted = max(i for i, sc in enumerate(scores) if sc == counted) + 1
    answers, _ticks = attempt_parts(attempts[number_counted - 1])
    return report_answer_rows(case.questions, answers, each[number_counted - 1], _, VERDICTS,
                              extra=[(_("Attempt"), number_counted)])


def report_data(case, user_state_iterator, _, limit_responses=None):
    """``(username, row)`` pairs, at most ``limit_responses`` rows in all (None: no limit)."""
    yield from report_rows(user_state_iterator, lambda state: learner_rows(case, state, _), limit_responses)
