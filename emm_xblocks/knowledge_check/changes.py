"""What editing a knowledge check does to the results already filed (pure; see ``common.live_edits``).

Each filed result keeps the fingerprint of the questions it was scored on
(``common.questions.questions_fingerprint``: ids, kinds, points, partial credit, each option's
id and key). A learner whose pre-test and post-test were scored on different question sets is
counted apart in the pair's figures ("Different questions", ``report.pair_figures``) and their
results compare no scores (``views.answer``): an edit that changes the fingerprint of a paired
test (either of the two: the other's results are compared with this one's) is warned of and held
until confirmed. A prompt or an option's text reworded changes no fingerprint and warns of nothing.

``answer_changes(old, new, _)``: a question removed, added or its id renamed; a question's
options, correct answers, points or partial credit changed; the questions moved.
``carry_over``: nothing to carry.
"""

from ..common.live_edits import id_change_problems, id_changes, kept_pairs
from ..common.questions import questions_fingerprint
from ..common.validation import Problem


def answer_changes(old, new, _):
    """``[Problem(..., error=False)]``: each change of ``new`` over ``old`` that its pair's results
    would no longer be compared across (none for a check with no pair key)."""
    if not (old.pair or new.pair) or questions_fingerprint(old.questions) == questions_fingerprint(new.questions):
        return []
    apart = _("Learners who took the pre-test and the post-test with different questions are counted apart in "
              "the pair's figures, and their results compare no scores.")

    def said(text):
        return f"{text} {apart}"

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
        .format(n=i + 1)), False)
        for i, was, now in kept_pairs(old.questions, new.questions)
        if questions_fingerprint((was,)) != questions_fingerprint((now,))]
    # nothing else changed: the questions were moved (the fingerprint keeps their order)
    return problems or [Problem("questions", said(_("The questions are in another order than in the tests already "
                                                    "taken.")), False)]


def carry_over(old, new, answered):
    """The check as the editor sent it: no field of it is kept apart from the form."""
    return new
