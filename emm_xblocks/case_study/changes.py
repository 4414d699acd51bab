"""What editing a case study does to stored answers (pure; see ``common.live_edits``).

``answer_changes(old, new, _)``: a question or an option removed or its id renamed (learners'
attempts and "how others answered" name them by id), or a question's correct answers changed
(attempts already scored keep the grade they were given until staff rescore).
``carry_over``: nothing to carry (the editor sends the whole case).
"""

from ..common.live_edits import id_change_problems, kept_pairs
from ..common.validation import Problem


def answer_changes(old, new, _):
    """``[Problem(..., error=False)]``: each change of ``new`` over ``old`` that touches answers."""
    problems = id_change_problems(
        old.questions, new.questions, lambda q: q.prompt, "questions",
        lambda old_id: _("This question's id was “{old}”: learners' answers to it stay under that id and no longer "
                         "count here. Keep the old id to keep them.").format(old=old_id),
        lambda old_id: _("Question “{id}” was removed: learners' answers to it no longer show in “how others "
                         "answered”.").format(id=old_id))
    for i, was, now in kept_pairs(old.questions, new.questions):
        problems += id_change_problems(
            was.options, now.options, lambda o: o.text, f"questions.{i}.options",
            lambda old_id: _("This option's id was “{old}”: learners who chose it are no longer counted for it. "
                             "Keep the old id to keep them.").format(old=old_id),
            lambda old_id, n=i + 1: _("Question {n}: option “{id}” was removed: learners who chose it are no "
                                      "longer counted for it.").format(n=n, id=old_id))
        if was.options and set(was.correct_ids) != set(now.correct_ids):
            problems.append(Problem(f"questions.{i}.options", _(
                "Question {n}: the correct answers changed. Learners who already answered keep the score they "
                "were given until staff rescore.").format(n=i + 1), False))
    return problems


def carry_over(old, new, answered):
    """The case as the editor sent it: no field of it is kept apart from the form."""
    return new
