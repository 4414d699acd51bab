"""Scoring questions (pure): one question's points and verdict, an attempt's marks and total.

Scoring, as a fraction of the question's points (``score_question``; an attempt's points are
summed, ``marks``, ``total``, ``score``; the LMS applies ``weight``):

* single choice: 1 for the correct option, else 0;
* multiple choice, all-or-nothing: 1 when the chosen set is exactly the correct set;
* multiple choice, partial credit: ``max(0, right picks - wrong picks) / correct options``;
* written reflection: ticked key points / key points -- the learner's own self-assessment against
  the expert's checklist, made after the submit (``PENDING``, 0, until then); a reflection
  without key points earns its points for a submitted answer.

Scores are exact floats (``math.fsum``: three thirds make 1); only the page rounds them. The
questions themselves: ``common.questions``.
"""

import math

from .questions import CORRECT, INCORRECT, PARTIAL, PENDING, REFLECTION, SINGLE


def choice_fraction(q, answer):
    """The share of ``q``'s points a choice answer earns (an option id, or a list of them)."""
    chosen = set([answer] if isinstance(answer, str) else answer if isinstance(answer, (list, tuple)) else [])
    correct = set(q.correct_ids)
    if q.kind == SINGLE or not q.partial_credit or not correct:
        return 1.0 if chosen and chosen == correct else 0.0
    return max(0.0, (len(chosen & correct) - len(chosen - correct)) / len(correct))


def verdict_of(fraction):
    """The verdict of a question that earned ``fraction`` (0-1) of its points: ``CORRECT``,
    ``PARTIAL`` or ``INCORRECT``."""
    return CORRECT if fraction >= 1 else PARTIAL if fraction > 0 else INCORRECT


def score_question(q, answer, ticks=None):
    """``(earned points, verdict)`` of one question; ``ticks`` (a reflection's ticked key point
    ids) is None before the self-assessment."""
    if q.kind == REFLECTION:
        if not answer:
            return 0.0, INCORRECT
        if not q.key_points:
            return float(q.points), CORRECT
        if ticks is None:
            return 0.0, PENDING
        ticked = set(ticks) if isinstance(ticks, (list, tuple, set)) else set()
        fraction = len(ticked & {kp.id for kp in q.key_points}) / len(q.key_points)
    else:
        fraction = choice_fraction(q, answer)
    return q.points * fraction, verdict_of(fraction)


def marks(content, answers, ticks=None):
    """``(earned, verdict)`` of each question of ``content`` (its ``questions``), in order;
    ``ticks`` (``{question id: [key point ids]}``) is None before the self-assessment."""
    return tuple(score_question(q, answers.get(q.id), None if ticks is None else ticks.get(q.id, []))
                 for q in content.questions)


def total(content, question_marks):
    """``(earned, possible)`` points of an attempt from its ``marks`` (possible: ``max_points``)."""
    return math.fsum(earned for earned, _verdict in question_marks), content.max_points


def score(content, answers, ticks=None):
    """``(earned, possible)`` points of one attempt, from its answers and self-assessment ticks."""
    return total(content, marks(content, answers, ticks))
