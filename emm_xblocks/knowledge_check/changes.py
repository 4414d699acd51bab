"""What editing a knowledge check does to the results already filed (pure; see ``common.changes``).

Each filed result keeps the fingerprint of the questions it was scored on
(``common.questions.questions_fingerprint``: ids, kinds, points, partial credit, each option's
id and key). A learner whose pre-test and post-test were scored on different question sets is
counted apart in the pair's figures ("Different questions", ``statistics.figures_of``) and their
results compare no scores (``views.shown_feedback``): an edit that changes the fingerprint of a paired
test (either of the two: the other's results are compared with this one's) is warned of and held
until confirmed. A prompt or an option's text reworded changes no fingerprint and warns of nothing.

The results are also filed by pair key and phase (``common.pairs``): a learner's post-test finds
their pre-test under the pair key it has now, the pair's figures and the evaluation report read
the rows of that key, each row with the phase it was filed at. ``pairing_changes(old, new, filed,
_)`` warns of a pair key or phase changed once that splits results filed (``filed``: what
``common.pairs.filed`` says of the pair and of this block): the block's own results, or for a new
pair key the other phase's (its learners would have been matched with them), for a new phase the
results another test filed at that phase (two tests of one phase). A copy of a pre-test made with
Studio's "Duplicate" and set to the post-test, or given a key of its own, has filed nothing and
is saved at once.

``grading_changes(old, new, own, _)`` warns of the grading changed once this block's learners have
results (``own``): the LMS keeps the grade each of them was given (its gradebook reads the
``(earned, possible)`` published, ``StoredScoreMixin``; decision 10) until staff rescore, which
grades their stored answers the new way; a test that was not graded published none, so the course
counts it as 0 for them until then; a test no longer graded is no longer counted (the LMS counts only
the blocks with a score), the grades recorded included. Only this block's results count (grades
are each block's own: the other test's results hold nothing); a test nobody took is saved at once.
``filed_changes(old, new, filed, _)`` says both, in that order, from what the block looked up in the
store; ``filed_moved(old, new)`` tells the block whether to look (one of them changed).

``answer_changes(old, new, _)``: a question removed, added or its id renamed; a question's
options, correct answers, points or partial credit changed; the questions moved. On a test graded
by its score, a question re-keyed (its options, correct answers or points) also says that learners
keep the grade they were given until staff rescore (``common.changes.grades_kept``, the case
study's sentence on its changed correct answers). Each of these warnings also says that the learners
who take both tests with the new questions are in no figure of the pair until at least the minimum
group size have (``new_set_apart``, decision 96: their set is one too few share).
A question or an option that takes the id of one removed while results were filed, with other
words (``common.retired.questions_held``, part of ``answer_changes``): those results still name
it by that id (each question's mark, the pair's "correct before / after" rates, a learner's own
answers), and would be read as results of the new one.
``carry_over``: the retired ids (the editor sends the rest of the check): those of the questions
and options the save removes, when results are filed; an item that takes one with other words is
given a fresh id, so those results stay apart. Each test of a pair keeps its own retired ids: a
question added under a retired id to both tests, which had the same questions, is given the same
fresh id in each (``common.retired.fresh_id`` reads the ids only).
"""

from dataclasses import replace

from ..common import retired
from ..common.changes import grades_kept, id_change_problems, id_changes, kept_pairs
from ..common.i18n import ngettext_of
from ..common.numbers import count
from ..common.questions import questions_fingerprint
from ..common.validation import Problem
from .content import GRADING, PHASES, POST, PRE, SCORE, UNGRADED


def pairing_changes(old, new, filed, _):
    """``[Problem(..., error=False)]``: the pair key or the phase changed in ``new`` and results
    filed would be split (``filed``: ``(phases, own)``, the phases filed in ``old.pair`` and whether
    this block filed any, ``common.pairs.filed``)."""
    phases, own = filed
    problems = []
    other = POST if old.phase == PRE else PRE
    if old.pair and new.pair != old.pair and (own or other in phases):
        problems.append(Problem("pair", _(
            "The pair key was “{old}”: the results already filed stay under it and are no longer matched with "
            "results filed under the new key. Learners with a test under each key see no gain after their "
            "post-test, and are left out of the pair's figures and the evaluation report's learning figures. "
            "Keep the old key to keep them.").format(old=old.pair), False))
    if old.pair and new.phase != old.phase and old.phase in PHASES and (own or new.phase in phases):
        problems.append(Problem("phase", _(
            "“When learners take it” was “{old}”: results are filed by phase, and those already filed keep "
            "theirs. Learners who took this test now see it as the other one, and while both tests of the pair "
            "have the same phase learners are refused the second, see no gain and are left out of the pair's "
            "figures and the evaluation report's learning figures. Set it back to keep the pair.")
            .format(old=_(PHASES[old.phase])), False))
    return problems


def grading_changes(old, new, own, _):
    """``[Problem(..., error=False)]``: the grading changed in ``new`` while learners have results
    of this block (``own``, ``common.pairs.filed``), each of whom the LMS graded the old way."""
    if new.grading == old.grading or not own:
        return []
    was = _(GRADING.get(old.grading, GRADING[UNGRADED]))
    if old.grading == UNGRADED:
        message = _("“Grading” was “{old}”: learners who already answered have no grade for this test, and the course "
                    "counts it as 0 for them until staff rescore it, which grades their answers.")
    elif new.grading == UNGRADED:
        message = _("“Grading” was “{old}”: the course no longer counts this test in learners' grades, the grades "
                    "already recorded included, and learners who answer next get none. Set it back to keep it "
                    "counted.")
    else:
        message = _("“Grading” was “{old}”: learners who already answered keep the grade they were given that way "
                    "until staff rescore this test, which grades their answers the new way. Until then, they and "
                    "the learners who answer next are not graded alike.")
    return [Problem("grading", message.format(old=was), False)]


def grading_moved(old, new):
    """The grading differs (``grading_changes`` then asks the store whether learners answered)."""
    return old.grading != new.grading


def pairing_moved(old, new):
    """The pair key or the phase differs (``pairing_changes`` then asks the store what is filed)."""
    return (old.pair, old.phase) != (new.pair, new.phase)


def filed_moved(old, new):
    """The pair key, the phase or the grading differs: only then does ``filed_changes`` need what the
    store holds (``common.pairs.filed``), so a save that changes none of them asks nothing."""
    return pairing_moved(old, new) or grading_moved(old, new)


def filed_changes(old, new, filed, _):
    """``[Problem(..., error=False)]``: the pair key or phase changed (``pairing_changes``), then the
    grading changed (``grading_changes``), each held only as the results ``filed`` say
    (``(phases, own)``, ``common.pairs.filed``: the phases filed in ``old.pair`` and whether this
    block filed any)."""
    held = pairing_changes(old, new, filed, _) if pairing_moved(old, new) else []
    return held + (grading_changes(old, new, filed[1], _) if grading_moved(old, new) else [])


def answer_changes(old, new, _):
    """``[Problem(..., error=False)]``: a question or an option that takes an id ``old`` retired with
    other words (``common.retired.questions_held``), then each change of ``new``'s questions over
    ``old``'s that its pair's results would no longer be compared across (none for a check with no
    pair key)."""
    held = retired.questions_held(old, new, _)
    if not (old.pair or new.pair) or questions_fingerprint(old.questions) == questions_fingerprint(new.questions):
        return held
    apart = _("Learners who took the pre-test and the post-test with different questions are counted apart in "
              "the pair's figures, and their results compare no scores.") + new_set_apart(new, _)
    # re-keyed and graded by its score: a grade given follows the new key only once staff rescore (decision 10)
    kept = f" {grades_kept(_)}" if SCORE in (old.grading, new.grading) else ""

    def said(text, grades=""):
        return f"{text}{grades} {apart}"

    problems = id_change_problems(
        old.questions, new.questions, lambda q: q.prompt, "questions",
        lambda old_id: said(_("This question's id was “{old}”: the tests already taken were scored with the old "
                              "id.").format(old=old_id)),
        lambda old_id: said(_("Question “{id}” was removed: the tests already taken had it.").format(id=old_id)))
    old_ids = {q.id for q in old.questions}
    renamed = {change.new_id for change in id_changes(old.questions, new.questions, lambda q: q.prompt)}
    problems += [Problem("questions", said(_("Question {n} is new: the tests already taken did not have it.")
                                           .format(n=i + 1)), False)
                 for i, q in enumerate(new.questions) if q.id not in old_ids and q.id not in renamed]
    problems += [Problem(f"questions.{i}.options", said(_(
        "Question {n}: its options, correct answers or points changed since the tests already taken.")
        .format(n=i + 1), kept), False)
        for i, was, now in kept_pairs(old.questions, new.questions)
        if questions_fingerprint((was,)) != questions_fingerprint((now,))]
    # nothing else changed: the questions were moved (the fingerprint keeps their order)
    return held + (problems or [Problem("questions", said(_("The questions are in another order than in the tests "
                                                            "already taken.")), False)])


def new_set_apart(new, _):
    """What the pair's figures do with the learners who take both tests with ``new``'s questions
    (" ..." translated, its number as the author's language writes it), or "" where no learner is
    counted apart (a minimum group size of 1): a set of questions fewer than the minimum share is in
    no figure (``statistics._sets_apart``, decision 96), and the learners who took the tests already
    took another. The check's own minimum: the pair's figures ask the highest of its tests' and the
    report's (``statistics.pair_group_size``), so "at least"."""
    if new.min_group_size <= 1:
        return ""
    return " " + ngettext_of(
        _, "Learners who take both tests with the new questions are counted apart, in none of the pair's figures, "
        "until at least {n} learner has done so.",
        "Learners who take both tests with the new questions are counted apart, in none of the pair's figures, "
        "until at least {n} learners have done so.", new.min_group_size).format(n=count(new.min_group_size, _))


def carry_over(old, new, answered):
    """The check as the editor sent it with ``old``'s retired ids (``common.retired``) kept, less
    those ``new`` holds again, and when ``answered`` (results are filed) those of the questions
    (with their options) and options ``new`` no longer has added; then a question or an option that
    takes a retired id with other words is given a fresh one (``answer_changes`` named it)."""
    questions, retiring, taken = retired.questions_carried(old, new, answered)
    return replace(new, questions=questions, retired_ids=retired.updated(old.retired_ids, retiring, taken))
