"""What editing a case study does to stored answers (pure; see ``common.changes``).

``answer_changes(old, new, _)``: a question or an option removed or its id renamed (learners'
attempts and "how others answered" name them by id), a question's correct answers, points or
partial credit changed (attempts already scored keep the grade they were given until staff
rescore), or an option of the
participant profile question removed or its id renamed (``common.profile.option_changes``: its
participants stay under the old id, a row of their own in the split by profile).
``grading_changes(old, new, _)``: "Attempt that counts" (``grade_policy``) changed, part of
``answer_changes``, so held only once learners answered (``has_stored_answers``): the LMS keeps the
grade it recorded for each learner (``StoredScoreMixin``, decision 10) until staff rescore or the
learner submits again, either of which counts all their stored attempts the new way. A question's
points changed warn as its correct answers do (``common.changes.grades_kept``).
``carry_over``: nothing to carry (the editor sends the whole case). The answers such edits leave
apart are listed by ``perspectives.apart_answers``.
"""

from ..common import numbers, profile
from ..common.changes import grade_policy_changes, grades_kept, id_change_problems, kept_pairs
from ..common.questions import MULTIPLE
from ..common.validation import Problem


def grading_changes(old, new, _):
    """``[Problem(..., error=False)]``: "Attempt that counts" changed in ``new``; each learner who
    submitted keeps the grade recorded the old way until staff rescore or they submit again."""
    return grade_policy_changes(old.grade_policy, new.grade_policy, lambda was: _(
        "“Attempt that counts” was “{old}”: learners who already submitted keep the grade the course recorded "
        "that way until staff rescore this case study or they submit again, which counts all their attempts the "
        "new way. Until then, they and the learners who submit next are not graded alike.").format(old=was), _)


def answer_changes(old, new, _):
    """``[Problem(..., error=False)]``: each change of ``new`` over ``old`` that touches answers."""
    problems = grading_changes(old, new, _) + id_change_problems(
        old.questions, new.questions, lambda q: q.prompt, "questions",
        lambda old_id: _("This question's id was “{old}”: learners' answers to it stay under that id and no longer "
                         "count here. Keep the old id to keep them.").format(old=old_id),
        lambda old_id: _("Question “{id}” was removed: learners' answers to it no longer show in “how others "
                         "answered”.").format(id=old_id))
    for i, was, now in kept_pairs(old.questions, new.questions):
        problems += id_change_problems(
            was.options, now.options, lambda o: o.text, f"questions.{i}.options",
            lambda old_id: _("This option's id was “{old}”: learners who chose it are no longer counted for it, "
                             "and their own results show that answer as an option removed since. Keep the old id to "
                             "keep them.").format(old=old_id),
            lambda old_id, n=i + 1: _("Question {n}: option “{id}” was removed: learners who chose it are no "
                                      "longer counted for it, and their own results show that answer as an option "
                                      "removed since.").format(n=n, id=old_id))
        if was.options and set(was.correct_ids) != set(now.correct_ids):
            problems.append(Problem(f"questions.{i}.options", _("Question {n}: the correct answers changed.")
                                    .format(n=i + 1) + " " + grades_kept(_), False))
        if MULTIPLE == was.kind == now.kind and bool(was.partial_credit) != bool(now.partial_credit):
            # a rescore gives another grade for the same answers (1 of 2 points, then 0): held as a
            # changed answer key is (bug hunt s43), as the knowledge check's fingerprint holds it
            problems.append(Problem(f"questions.{i}.partial_credit", (
                _("Question {n}: partial credit was turned off.") if was.partial_credit else
                _("Question {n}: partial credit was turned on.")).format(n=i + 1) + " " + grades_kept(_), False))
        if float(was.points) != float(now.points):
            problems.append(Problem(f"questions.{i}.points", _("Question {n}: its points were {old}.").format(
                n=i + 1, old=numbers.number(was.points, getattr(_, "language", None))) + " " + grades_kept(_), False))
    return problems + profile.option_changes(
        old.profile_options, new.profile_options,
        lambda old_id: _("This profile option's id was “{old}”: the participants who chose it stay under that id "
                         "and are shown in a row of their own in “how others answered” by profile. Keep the old id "
                         "to keep them together.").format(old=old_id),
        lambda old_id: _("Profile option “{id}” was removed: the participants who chose it are still counted "
                         "under that id, in a row of their own in “how others answered” by profile.")
        .format(id=old_id), _)


def carry_over(old, new, answered):
    """The case as the editor sent it: no field of it is kept apart from the form."""
    return new
