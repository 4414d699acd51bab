"""Questions in reports (pure): a learner's answers in words and as rows of the LMS's
problem-responses report, the same for every block that asks questions (case study, knowledge
check; the model: ``common.questions``)."""

from collections import OrderedDict

from .i18n import N_
from .questions import CORRECT, PARTIAL, REFLECTION
from .sanitize import plain_text
from .spreadsheet import number, safe_cell


def answer_text(question, answer, _=lambda text: text):
    """What the learner answered, in words: option texts (``; ``-separated) or their own text. An
    option the author has since removed (or renamed) stays, as ``<id> (removed option)``: a report
    never hides an answer."""
    if question.kind == REFLECTION:
        return answer if isinstance(answer, str) else ""
    chosen = [answer] if isinstance(answer, str) else answer if isinstance(answer, list) else []
    known = {o.id for o in question.options}
    words = [o.text for o in question.options if o.id in chosen]
    words += [_("{id} (removed option)").format(id=c) for c in chosen if isinstance(c, str) and c not in known]
    return "; ".join(words)


def removed_answer_text(answer):
    """An answer to a question no longer in the case or check, as stored (its option ids or its
    text)."""
    if isinstance(answer, list):
        return "; ".join(str(a) for a in answer)
    return answer if isinstance(answer, str) else ""


REPORT_VERDICTS = {CORRECT: N_("Yes"), PARTIAL: N_("Partly")}  # the report's "Correct": any other status is "No"


def report_answer_rows(questions, answers, question_marks, _, verdicts=REPORT_VERDICTS, extra=()):
    """One learner's answers as rows of the LMS's problem-responses report: per question an
    ``OrderedDict`` of ``Question ID``, ``Question`` (its prompt as text), ``Answer``
    (``answer_text``), ``Correct`` (``verdicts`` of its status, marked ``N_``, else "No") and
    ``Points`` ("earned/points"), then ``extra`` (``[(heading, value)]``, on every row); then a row
    for each answer to a question the author has since removed, as stored (never dropped).
    ``question_marks``: ``(earned, status)`` per question. Cells formula-safe. An ``OrderedDict``
    keeps the columns in this order in the report (the platform sorts a plain dict's keys:
    ``lms/djangoapps/instructor_task/tasks_helper/grades.py``)."""
    rows = []
    for q, (earned, status) in zip(questions, question_marks, strict=True):
        rows.append(OrderedDict([
            (_("Question ID"), safe_cell(q.id)),
            (_("Question"), safe_cell(plain_text(q.prompt))),
            (_("Answer"), safe_cell(answer_text(q, answers.get(q.id), _))),
            (_("Correct"), _(verdicts.get(status, N_("No")))),
            (_("Points"), f"{number(earned)}/{number(q.points)}"),
            *extra,
        ]))
    ids = {q.id for q in questions}
    for qid in sorted(str(k) for k in answers if str(k) not in ids):  # answers to a removed question: apart
        rows.append(OrderedDict([
            (_("Question ID"), safe_cell(qid)),
            (_("Question"), _("Removed question")),
            (_("Answer"), safe_cell(removed_answer_text(answers[qid]))),
            (_("Correct"), ""),
            (_("Points"), ""),
            *extra,
        ]))
    return rows
