"""What a learner does in a knowledge check (pure): ``submit(check, state, data, _) -> Outcome``,
and ``current``, what the page shows of the learner's state (also ``submit``'s replay).

A learner answers each test once (a pre-test retaken after its answers were shown would measure
nothing). ``submit`` checks every answer, scores it, files the result under the learner's pair
token (``common.actions.Paired``: refused if they already answered this phase of the pair) and
grades it as the author chose (none, participation, or the score -- post-test only).

What the answer says depends on the phase: after a **pre-test**, only that the answers are kept
-- no score, no verdict, no feedback, nothing that tells which answer was right (the server
decides: the browser never receives it); after a **post-test**, the score, each question's
verdict and feedback, the correct answers and explanations (``feedback``; the pre-test score is
read from the store by ``views.respond``). No XBlock, no Django.
"""

from dataclasses import dataclass, field, replace

from ..common.actions import ActionError, Outcome, Paired, described_once, refuse_unless_ready
from ..common.i18n import N_
from ..common.question_scoring import marks, total
from ..common.questions import check_answers as check_question_answers
from ..common.questions import question_result, questions_fingerprint
from ..common.sanitize import plain_text
from . import events
from .content import POST, PRE
from .scoring import counted_score
from .validation import playable

# the refusal of a submit while the author must fix the test (``common.actions.refuse_unless_ready``)
NOT_READY = N_("This knowledge check is not ready yet: please come back later.")
NOT_PART = N_("This question is not part of the knowledge check.")  # an answer to an id it does not ask
# a pre-test answered after a post-test taken before it (at the end of the training, its feedback
# perhaps giving the right answers) would measure nothing, and its pair would count in the figures:
# refused (409 ``post_test_taken``), said on its page in place of the form. Staff who delete the
# learner's post-test state reopen it; a pre-test taken first whose state staff delete may be taken
# again.
PRE_AFTER_POST = N_("You have already taken the post-test: this pre-test is closed, as it can no longer tell "
                    "what you knew before the training.")

# the page of a test whose pair key and phase the learner answered in another test of the course (a
# Studio "Duplicate" left at the original's phase: results are filed by pair key and phase, decision
# 106), in place of a form whose submit would be refused (409 ``already_submitted``); named where
# that test is described (its submit describes it)
ANSWERED_AS = N_("You have already answered this test, as “{name}”: a test is answered once, so there is "
                 "nothing more to do here.")
ANSWERED_ELSEWHERE = N_("You have already answered this test, elsewhere in the course: a test is answered once, "
                        "so there is nothing more to do here.")


@dataclass(frozen=True)
class State:
    """The learner's fields: their answers once submitted (``{question id: option id or [ids]}``)."""

    answers: dict = field(default_factory=dict)
    submitted: bool = False


def check_answers(check, raw, _):
    """Clean ``{question id: answer}``; every question must be answered (``ActionError`` otherwise:
    ``common.questions.check_answers``)."""
    return check_question_answers(check, raw, _, NOT_PART)


def feedback(check, state):
    """What a learner may see of their submitted answers, as JSON-able data: after a pre-test only
    that they were kept; after a post-test the score and every question's result, answers shown."""
    if not state.submitted:
        return {"submitted": False, "phase": check.phase}
    if check.phase != POST:
        return {"submitted": True, "phase": check.phase}
    question_marks = marks(check, state.answers)
    earned, possible = total(check, question_marks)
    return {
        "submitted": True, "phase": check.phase, "score": earned, "max_score": possible,
        "revealed": True, "correctness": True,
        "questions": [question_result(q, state.answers.get(q.id), None, mark, True)
                      for q, mark in zip(check.questions, question_marks, strict=True)],
    }


def description_fields(check):
    """What the course's evaluation report needs to label this check's pair: its name, phase, pair,
    minimum group size, the language of its texts (``content_language``, only when specified: a
    description written before it stays the same) and questions (ids and prompts as text; never
    which option is correct)."""
    language = {"content_language": check.content_language} if check.content_language else {}
    return {"display_name": check.display_name, "phase": check.phase, "pair": check.pair,
            "min_group_size": check.min_group_size, **language,
            "questions": [{"id": q.id, "prompt": plain_text(q.prompt)} for q in check.questions]}


description = described_once(description_fields)  # the store's write of them, made once per content


def current(check, state, data, _):
    """Read-only: the learner's feedback as ``submit`` answers it (``feedback``), or
    ``{"submitted": False, "phase"}`` before a submit -- what the page shows after a lost reply or
    an error. Also the replay of ``submit`` (decision 22): the page sent the same action again, it
    gets the same feedback, nothing is filed, graded or published twice."""
    return Outcome(result=feedback(check, state))


def submit(check, state, data, _, closed=False):
    """Check, score and file the learner's one answer to this test. ``closed``: a pre-test whose
    post-test the learner took first (the block reads it from the store,
    ``KnowledgeCheckBlock.pre_test_closed``): refused. A post-test is filed ``after`` the pre-test."""
    refuse_unless_ready(playable(check), NOT_READY, _)
    if state.submitted:
        raise ActionError("already_submitted", _("You have already answered this test."))
    if check.phase == PRE and closed:
        raise ActionError("post_test_taken", _(PRE_AFTER_POST))
    answers = check_answers(check, data.get("answers"), _)
    question_marks = marks(check, answers)
    earned, possible = total(check, question_marks)
    new = replace(state, answers=answers, submitted=True)
    refused = ActionError("already_submitted", _("You have already answered this test (in another window, or "
                                                 "before your answers here were reset)."))
    filed = Paired(pair=check.pair, phase=check.phase, earned=earned, possible=possible,
                   marks={q.id: (e / q.points if q.points else 0.0)
                          for q, (e, _s) in zip(check.questions, question_marks, strict=True)},
                   questions_key=questions_fingerprint(check.questions), refused=refused,
                   after=PRE if check.phase == POST else "")
    event = events.submitted(check, answers, question_marks, earned, possible)
    return Outcome(state=new, result=feedback(check, new), score=counted_score(check, new), completion=1.0,
                   writes=(filed, description(check)), events=(event,))
