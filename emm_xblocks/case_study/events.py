"""The case study's tracking events (pure): each builder returns ``(name, data)``, documented in
``docs/case_study.md``.

* ``emm.case_study.submitted``: ``attempt``, ``max_attempts`` (the ``attempts_allowed`` setting;
  0: no limit), ``questions`` (``{question id: {kind, answer, correctness, points, max_points}}``,
  written reflections ``pending`` until self-assessed; written answers that would make the event
  too long for the LMS's tracking log are cut, with ``answer_chars`` and ``answer_cut``:
  ``common.event_size``), ``score`` and ``max_score`` (the grade: the attempt that counts);
* ``emm.case_study.self_assessed``: ``attempt``, ``ticks`` (``{question id: [key point ids]}``),
  ``score``, ``max_score`` (the grade after it);
* ``emm.case_study.reset``: the learner chose "Try again" (``TRIED_AGAIN``; the event keeps the
  name it had in 0.1, which tracking logs and xAPI statements already hold): ``attempt`` (the one
  left behind), ``attempts_left`` (None: no limit);
* ``emm.case_study.answers_shown``: the correct answers were first shown, after ``attempt``: by the
  action whose feedback shows them, or, let through by the platform only later (``show_correctness``
  "past_due"), by the first page that does (``learner.answers_seen``; bug hunt s44);
* ``emm.case_study.document_opened``: ``index``, ``title``, ``url``, ``via`` (``viewer`` or ``link``).
"""

from ..common.event_size import fit_texts
from ..common.questions import REFLECTION

SUBMITTED, SELF_ASSESSED, TRIED_AGAIN, ANSWERS_SHOWN, DOCUMENT_OPENED = (
    "emm.case_study.submitted", "emm.case_study.self_assessed", "emm.case_study.reset", "emm.case_study.answers_shown",
    "emm.case_study.document_opened")


def submitted(case, attempt, answers, question_marks, grade):
    """``(SUBMITTED, data)``; written answers too long for the LMS's tracking log together are cut
    (``common.event_size.fit_texts``: ``answer_chars`` and ``answer_cut`` beside each one cut)."""
    questions = {q.id: {"kind": q.kind, "answer": answers.get(q.id), "correctness": status, "points": earned,
                        "max_points": q.points}
                 for q, (earned, status) in zip(case.questions, question_marks, strict=True)}
    data = {"attempt": attempt, "max_attempts": case.attempts_allowed, "questions": questions,
            "score": grade[0], "max_score": grade[1]}
    written = [(question, "answer") for question in questions.values() if isinstance(question["answer"], str)
               and question["kind"] == REFLECTION]
    return SUBMITTED, fit_texts(data, written)


def self_assessed(attempt, ticks, grade):
    return SELF_ASSESSED, {"attempt": attempt, "ticks": ticks, "score": grade[0], "max_score": grade[1]}


def tried_again(attempt, left):
    return TRIED_AGAIN, {"attempt": attempt, "attempts_left": left}


def answers_shown(attempt):
    return ANSWERS_SHOWN, {"attempt": attempt}


def document_opened(index, doc, via):
    return DOCUMENT_OPENED, {"index": index, "title": doc.title, "url": doc.url, "via": via}
