"""What course staff read of a knowledge check's answers (pure): ``report_data(check,
user_state_iterator, _, limit)``, the rows of the LMS "problem responses" report
(``generate_report_data``), one per question of a learner's submitted test. The pair's figures
are ``statistics.figures_of``'."""

from ..common.question_report import report_answer_rows
from ..common.question_scoring import marks
from ..common.spreadsheet import report_rows


# ------------------------------------------------------------------ the LMS's "problem responses" report
def learner_rows(check, state, _):
    """The report rows of one learner's stored state (``{"answers", "submitted"}``): one
    ``OrderedDict`` per question (``Question ID``, ``Question``, ``Answer``, ``Correct``, ``Points``,
    headings translated), scored with the current key as the grade is; then an answer to a question
    the author has since removed, as stored. None before a submit."""
    answers = state.get("answers") if isinstance(state, dict) else None
    if not (isinstance(state, dict) and state.get("submitted") and isinstance(answers, dict)):
        return []
    return report_answer_rows(check.questions, answers, marks(check, answers), _)


def report_data(check, user_state_iterator, _, limit_responses=None):
    """``(username, row)`` pairs, at most ``limit_responses`` rows in all (None: no limit): for each
    learner who submitted, one row per question (``{"Question ID", "Question", "Answer", "Correct",
    "Points"}``). ``user_state_iterator`` yields objects with ``.username`` and ``.state`` (the learner's stored
    ``Scope.user_state`` fields, decoded from JSON)."""
    yield from report_rows(user_state_iterator, lambda state: learner_rows(check, state, _), limit_responses)
