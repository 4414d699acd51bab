"""Attempts and which one counts (pure: no XBlock, no Django).

Graded blocks let the author choose ``attempts_allowed`` (0: no limit) and the attempt that
counts for the grade: the best (by percentage) or the last. Attempt numbers themselves are
claimed in the aggregate store by the pipeline (``common.actions.Claim``), so two requests sent
at the same moment cannot both spend one: each by its serial (``claim_number``), not by the count
the platform's "Reset attempts" sets back to 0.
"""

from .actions import ActionError
from .i18n import N_
from .numbers import per_cent
from .question_scoring import verdict_of
from .questions import PARTIAL

COUNT_BEST, COUNT_LAST = "best", "last"
COUNTED_ATTEMPT = {COUNT_BEST: N_("Best attempt"), COUNT_LAST: N_("Last attempt")}


def participation_score(submitted):
    """The ``(earned, possible)`` of a participation grade: full marks once ``submitted``, none
    before (the Likert's ``participation_graded``, the knowledge check's "participation" grading).
    What a submit publishes and what the block's ``calculate_score`` gives the LMS when it rescores."""
    return (1.0 if submitted else 0.0), 1.0


def recorded(earned, possible, maximum):
    """``(earned, possible)`` the LMS holds for a learner, in the block's own points, from the
    stored ``raw_earned``/``raw_possible`` (None: ``maximum``, the block's points); None before any
    (``earned`` None). A staff override is stored in the block's points when it comes
    (``grading.StoredScoreMixin.set_score``): read back here, a guess from the current weight named
    a grade in points nobody earned once the author changed the weight or the questions (bug hunt s44)."""
    if earned is None:
        return None
    return earned, (maximum if possible is None else possible)


def fraction(score):
    """``earned / possible`` of ``(earned, possible)``, from 0 to 1 (not a percentage: that is
    ``numbers.per_cent`` of it); 0 when nothing was possible."""
    earned, possible = score
    return earned / possible if possible else 0.0


def percent(score):
    """``(earned, possible)`` in per cent (0-100), 0 when nothing was possible: the score every
    page and figure shows (``numbers.per_cent`` of ``fraction``: 5.75 of 10 is 57.5, rounded half
    up to 58 %, not the float's 57.49999999999999 shown as 57 %)."""
    return per_cent(fraction(score))


def counted_index(policy, scores):
    """The index in ``scores`` (``(earned, possible)`` of each attempt, oldest first) of the attempt
    that counts, or None if there is none: the last one, or the best by percentage (the earliest of
    equal ones: ``max`` keeps the first). The one place that decides it (``counted_attempt``)."""
    if not scores:
        return None
    if policy == COUNT_LAST:
        return len(scores) - 1
    return max(range(len(scores)), key=lambda i: fraction(scores[i]))


def counted_attempt(policy, scores):
    """The ``(earned, possible)`` that counts among ``scores`` (oldest first), or None if there
    is none: the one at ``counted_index``."""
    index = counted_index(policy, scores)
    return None if index is None else scores[index]


MAX_KEPT_ATTEMPTS = 50  # a learner's stored attempts at most (``kept_attempts``)


def kept_attempts(attempts, scores, limit=MAX_KEPT_ATTEMPTS):
    """The stored attempts worth keeping of ``attempts`` (oldest first; ``scores``: each one's
    ``(earned, possible)`` now, the caller's: the case study's by the current key, the role-play's
    as each earned it): all of them up to ``limit``; beyond, the ``limit - 1`` most recent and, when
    it is older and scores more than each of them, the best one. So the "best" policy never loses
    its attempt as poor ones pile up (attempts without limit, ``attempts_allowed`` 0), and a
    learner's state, which every request reads and writes, stays small (decision 79)."""
    if len(attempts) <= limit:
        return list(attempts)
    recent = list(attempts[-(limit - 1):])
    best = counted_index(COUNT_BEST, scores)
    if fraction(scores[best]) <= max(fraction(s) for s in scores[-(limit - 1):]):
        return recent
    return [attempts[best], *recent]


def claim_number(attempts, serial):
    """The slot number an attempt starting now claims (``common.actions.Claim``): one more than
    the learner's state's ``attempts`` and its ``attempt_serial`` (the last number it claimed),
    whichever is higher. The platform's "Reset attempts" sets ``attempts`` to 0 and keeps the rest
    of the state (``lms/djangoapps/instructor/enrollment.py``, ``_reset_module_attempts``; the
    bulk task alike): the serial goes on where it was, so the attempt after a reset claims a number
    no earlier attempt took, and the learner goes on at once (decision 112). A state kept before
    the serial existed holds 0 there: it claims ``attempts + 1``, as it did then."""
    return max(attempts, serial) + 1


def attempts_left(allowed, used, closed=False):
    """How many more attempts may start (None: no limit); 0 once ``closed``: past the due date
    (``platform.is_past_due``), as the platform's ``closed()`` is "no attempt left or past due"
    (``xmodule/capa_block.py``), whatever the limit. A page then shows no count: its notice says
    why nothing more is accepted."""
    if closed:
        return 0
    if not allowed:
        return None
    return max(0, allowed - used)


def no_attempts_left(_):
    """The refusal of an attempt beyond ``attempts_allowed`` (``ActionError``, code
    ``no_attempts_left``, 409): raised by ``refuse_if_none_left`` before an attempt starts, and
    given to the ``Claim`` of the last attempt (``refused=``) for a request that lost it to another."""
    return ActionError("no_attempts_left", _("You have no attempts left."))


def refuse_if_none_left(allowed, used, _):
    """Raise ``no_attempts_left`` when ``used`` attempts leave none of ``allowed`` (0: no limit)."""
    if attempts_left(allowed, used) == 0:
        raise no_attempts_left(_)


def retry_can_lower(policy, scores, left):
    """A new attempt may lower the grade: the last attempt counts, the one counted now earned
    something, and an attempt may still start."""
    return policy == COUNT_LAST and bool(scores) and fraction(scores[-1]) > 0 and left != 0


def score_words(earned, possible, numbers, ngettext, frame="{score}"):
    """``earned`` of ``possible`` (raw points) in words, in the learner's language, inside ``frame``
    (its ``{score}``): "4 points out of 6", the plural CLDR gives ``earned`` ("1,5 point sur 6" in
    French). ``numbers``: ``common.numbers.Numbers`` of the language; ``ngettext``: its plural
    forms. The case study's and the knowledge check's scores, one msgid."""
    score = ngettext("{earned} point out of {possible}", "{earned} points out of {possible}", earned).format(
        earned=numbers.number(earned), possible=numbers.number(possible))
    return frame.format(score=score)


def score_tone(score, pending=False):
    """How a page shows the announcement of ``score`` (``(earned, possible)``), in the words of a
    question's result (``question_scoring.verdict_of``): ``correct`` (full marks: a success), ``partial``
    (some points, or none yet while a self-assessment is ``pending``) or ``incorrect`` (no point);
    "" when nothing could be earned. Only the first looks like a success (``emm-common.css``,
    ``.emm-status[data-tone]``)."""
    if not score[1]:
        return ""
    share = fraction(score)
    return PARTIAL if pending and not share else verdict_of(share)


def held_grade_words(grade, _):
    """The sentence under a grade the LMS holds that the current key would not give (``grade``:
    it in words, in the learner's language). It names no cause for sure: an author's change of the
    key ("Save anyway") and a staff override (``StoredScoreMixin.held_grade``) look alike here."""
    return _("Your grade is the one the course recorded: {grade}. It can differ from these results, for "
             "example if the answer key changed after you submitted, until the course team rescores.").format(
                 grade=grade)


def _start_question(left, _, ngettext, count):
    """The question asked before a new attempt, with the attempts ``left`` (None: no limit)."""
    if left is None:
        return _("Start a new attempt?")
    if left == 1:  # "0 attempts left after it" read as a count; the learner needs to know it is the last
        return _("Start your last attempt? You will not be able to try again after it.")
    return ngettext("Start a new attempt? You will have {n} attempt left after it.",
                    "Start a new attempt? You will have {n} attempts left after it.", left - 1).format(
        n=count(left - 1))


def explain(policy, scores, left, score_text, _, ngettext, count=str, held=None, held_words=held_grade_words,
            pending=None, graded=True, closed=False):
    """What the page says about the grade (the server decides, the page shows):

    ``scores``: ``(earned, possible)`` of each ended attempt, oldest first; ``left``: attempts that
    may still start (None: no limit); ``score_text((earned, possible))``: a score in words, in the
    learner's language ("67 %", "4 points out of 6"); ``count(n)``: a whole number in that
    language (``common.numbers``; ``str`` by default); ``held``: the ``(earned, possible)`` the LMS
    holds when the current key counts another from ``scores`` (an author changed the answer key
    since, staff have not rescored: decision 10), else None. Returns ``{"policy", "counted",
    "retry_warning", "retry_confirm", "final", "changed"}``, each a sentence or "":

    * ``policy``: which attempt counts and why it matters;
    * ``counted``: the score that counts, when it is not the last attempt's (shown beside it);
    * ``retry_warning``: shown before the retry button when a new attempt can lower the grade;
    * ``retry_confirm``: the question asked when the learner starts a new attempt;
    * ``final``: once no attempt is left, that the grade will not change;
    * ``changed``: with ``held``, that the key changed and the grade kept until staff rescore
      (``held_words(grade in words, _)``, the block's sentence; then ``held`` is the grade every
      other sentence names, and neither ``counted`` nor ``final`` is said: the page shows the grade
      held, which a rescore may change).

    ``pending``: ``(n, questions)`` while a step the learner can still take would raise the grade
    (the case study's self-assessment of ``n`` written questions, ``questions`` their numbers in
    words: "3", "3 and 4"), else None. Then ``final`` does not say the grade stays: it says the
    grade so far and what counts the rest; with attempts left, the question before a new attempt
    says that it leaves them unscored.

    ``graded`` False (the author's weight 0, "not graded"): no sentence names a grade, and
    ``retry_confirm`` only asks, with the attempts left (bug hunt s43: "Your best attempt counts
    for your grade" of a grade that does not exist).

    ``closed``: past the due date (``left`` is then 0): ``final`` says the grade stays, not that no
    attempt is left (the page's notice says the due date has passed), and nothing of a step the
    learner could still take (``pending``: every action is refused).
    """
    words = {"policy": "", "counted": "", "retry_warning": "", "retry_confirm": "", "final": "", "changed": ""}
    if not graded:
        words["retry_confirm"] = _start_question(left, _, ngettext, count)
        return words
    if policy == COUNT_LAST:
        words["policy"] = _("Your last attempt counts for your grade.")
    else:
        words["policy"] = _("Your best attempt counts for your grade.")
    index = counted_index(policy, scores)
    if held is not None and scores:
        counted = score_text(held)
        words["changed"] = held_words(counted, _)
        if left == 0:
            return words
        can_lower = retry_can_lower(policy, [held], left)
    else:
        counted = score_text(scores[index]) if index is not None else ""
        can_lower = retry_can_lower(policy, scores, left)
        if counted and index != len(scores) - 1:
            words["counted"] = _("Your grade keeps your best attempt: {counted}.").format(counted=counted)
    if left == 0:
        if counted and closed:
            words["final"] = _("Your grade stays {counted}.").format(counted=counted)
        elif counted and pending:
            n, questions = pending
            words["final"] = ngettext(
                "You have no attempts left: your grade is {counted} for now; save your self-assessment to count "
                "question {questions}.",
                "You have no attempts left: your grade is {counted} for now; save your self-assessment to count "
                "questions {questions}.", n).format(counted=counted, questions=questions)
        elif counted:
            words["final"] = _("You have no attempts left: your grade stays {counted}.").format(counted=counted)
        return words
    if counted and can_lower:
        words["retry_warning"] = _("A new attempt replaces your grade, even if it scores less than your {counted} "
                                   "now.").format(counted=counted)
    question = _start_question(left, _, ngettext, count)
    if pending:
        # "Try again" first leaves the written answers waiting for the self-assessment unscored for
        # good, which the promise below does not say (bug hunt s43)
        n, questions = pending
        question = ngettext(
            "Your self-assessment is not saved: a new attempt leaves question {questions} of this one without its "
            "points.",
            "Your self-assessment is not saved: a new attempt leaves questions {questions} of this one without their "
            "points.", n).format(questions=questions) + " " + question
    if words["retry_warning"]:
        question = f"{words['retry_warning']} {question}"
    elif counted and policy != COUNT_LAST and held is None:
        # (with ``held``, the grade the course recorded: a submit gives the LMS the current key's best,
        # which may be less, so no promise is made; ``changed`` says why they differ)
        # the best counts: a new attempt can only raise the grade (trial s41: "whatever the new attempt
        # scores" was read as "trying again will not help")
        question = _("A new attempt cannot lower your grade: your best score so far, {counted}, counts unless the new "
                     "attempt scores more.").format(counted=counted) + " " + question
    words["retry_confirm"] = question
    return words


def grade_words(policy, scores, allowed, used, words, score_text, closed=False, **more):
    """``explain`` in a panel's words: the grade's sentences of the case study's feedback and of the
    role-play's ending (``grade_html`` writes them). ``allowed``: the block's ``attempts_allowed``
    (0: no limit), ``used`` of them spent, none left once ``closed`` (``attempts_left``: past the
    due date the grade stays); ``words``: the panel's ``block.translators()``,
    ``(gettext, ngettext, numbers)``, which write the counts too; ``score_text``, ``more``
    (``held``, ``held_words``, ``pending``, ``graded``): ``explain``'s."""
    _, ngettext, nums = words
    return explain(policy, scores, attempts_left(allowed, used, closed), score_text, _, ngettext,
                   count=lambda n: nums.number(n, 0), closed=closed, **more)
