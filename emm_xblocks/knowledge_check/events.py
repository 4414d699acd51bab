"""The knowledge check's tracking events (pure): each builder returns ``(name, data)``, documented
in ``docs/knowledge_check.md``.

* ``emm.knowledge_check.submitted``: ``phase`` (``pre``/``post``), ``pair``, ``score`` and
  ``max_score`` (raw points of the answers), ``questions`` (``{question id: {answer, correctness,
  points, max_points}}``). The LMS's tracking log carries the user, as for every event: the
  package's own tables never do.
"""


def submitted(check, answers, question_marks, earned, possible):
    questions = {q.id: {"answer": answers.get(q.id), "correctness": status, "points": points,
                        "max_points": q.points}
                 for q, (points, status) in zip(check.questions, question_marks, strict=True)}
    return "emm.knowledge_check.submitted", {"phase": check.phase, "pair": check.pair, "score": earned,
                                             "max_score": possible, "questions": questions}
