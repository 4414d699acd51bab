"""The case study, pure: the case and its questions, validation, answer checks, scoring, OLX.

No XBlock and no Django here. Translatable texts are passed in as ``_`` (a gettext function),
so the same validators run in the Studio editor, in ``validate()`` and in tests.

Scoring (points per question, summed; the LMS applies ``weight``):

* single choice: full points for the correct option, else 0;
* multiple choice, all-or-nothing: full points when the chosen set is exactly the correct set;
* multiple choice, partial credit: ``points * max(0, right picks - wrong picks) / correct options``;
* written reflection: ``points * ticked key points / key points`` -- the learner's own
  self-assessment against the expert's checklist, made after the submit (0 until then).
  A reflection without key points earns its points for a submitted answer.

An attempt's score is recomputed from its stored answers and ticks (so a rescore after the
author fixes a key applies); the grade is the best or the last attempt's, as the author chose.

The model is split by concern -- ``case`` (dataclasses, constants), ``rules`` (author
validation), ``scoring`` (answers, scores, grade policy), ``olx`` (XML and plain data) -- and
re-exported here, so callers write ``model.validate``, ``model.score_question``, ``model.from_xml``.
"""

from ..common.validation import Problem, SubmissionError, errors
from .case import (
    CORRECT,
    INCORRECT,
    KINDS,
    MAX_ANSWER_CHARS,
    MAX_ATTEMPTS,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    MAX_WORDS,
    MULTIPLE,
    PARTIAL,
    PENDING,
    POLICIES,
    POLICY_BEST,
    POLICY_LAST,
    REFLECTION,
    SHOW_ANSWERS,
    SHOW_FINISHED,
    SHOW_NEVER,
    SHOW_SUBMITTED,
    SINGLE,
    Case,
    Document,
    Image,
    KeyPoint,
    Option,
    Question,
    Section,
    words,
)
from .olx import from_data, from_xml, to_data, to_xml
from .rules import validate
from .scoring import answers_revealed, check_answers, check_ticks, grade, score_attempt, score_question

__all__ = [
    "CORRECT", "INCORRECT", "KINDS", "MAX_ANSWER_CHARS", "MAX_ATTEMPTS", "MAX_OPTIONS", "MAX_QUESTIONS", "MAX_WORDS",
    "MULTIPLE", "PARTIAL", "PENDING", "POLICIES", "POLICY_BEST", "POLICY_LAST", "REFLECTION", "SHOW_ANSWERS",
    "SHOW_FINISHED", "SHOW_NEVER", "SHOW_SUBMITTED", "SINGLE", "Case", "Document", "Image", "KeyPoint", "Option",
    "Problem", "Question", "Section", "SubmissionError", "answers_revealed", "check_answers", "check_ticks",
    "errors", "from_data", "from_xml", "grade", "score_attempt", "score_question", "to_data", "to_xml",
    "validate", "words",
]
