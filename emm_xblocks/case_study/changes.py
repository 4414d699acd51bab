"""What editing a case study does to stored answers (pure; see ``common.changes``).

``answer_changes(old, new, _)``: a question or an option removed or its id renamed (learners'
attempts and "how others answered" name them by id), a reflection's key point removed or its id
renamed (learners' self-assessments name the key points they ticked, which a rescore counts), a
question's kind changed (``kind_changes``: its answers are kept in the old kind's shape), a
question's correct answers, points or partial credit changed (attempts already scored keep the
grade they were given until staff rescore), or an option of the participant profile question
removed or its id renamed (``common.profile.option_changes``: its participants stay under the old
id, a row of their own in the split by profile).
``grading_changes(old, new, _)``: "Attempt that counts" (``grade_policy``) changed, part of
``answer_changes``, so held only once learners answered (``has_stored_answers``): the LMS keeps the
grade it recorded for each learner (``StoredScoreMixin``, decision 10) until staff rescore or the
learner submits again, either of which counts all their stored attempts the new way. A question's
points changed warn as its correct answers do (``common.changes.grades_kept``).
``added_changes(old, new, _)`` (bug hunt 8), part of ``answer_changes``: a question added while the
case's points add up to another total (every attempt already submitted is then out of more points,
with no answer to it) and a key point added to a reflection kept under its id (the learners who
assessed their answer could not tick it: a rescore counts it as not ticked) warn as changed points
do (``grades_kept``); one given back a retired id with its old words is the old one back
(``common.retired.brought_back``) and warns of nothing.
``reworded_options(old, new, _)`` (bug hunt 8, as the Likert's statements, decision 27): an option
kept under its id whose words changed beyond case, spacing and punctuation
(``common.changes.reworded``): the learners who chose it read the new words in their own results,
and "how others answered" counts them for the new words. A question's prompt reworded warns of
nothing (the answers are to the options).
A question, an option, a key point or a profile option that takes the id of one removed while
answered, with other words (``retired_changes``, ``common.retired``): learners' answers to the
removed one (their ticks, for a key point) are still stored under that id, and would be read as
answers to it.
``carry_over``: the retired ids (the editor sends the rest of the case): those of the questions,
options, key points and profile options the save removes, when answers are stored; an item that
takes one with other words is given a fresh id, so those answers stay apart. The answers such
edits leave apart are listed by ``perspectives.apart_answers``.
"""

import math
from dataclasses import replace

from ..common import numbers, profile, retired
from ..common.changes import grade_policy_changes, grades_kept, id_change_problems, id_changes, kept_pairs, reworded
from ..common.i18n import N_
from ..common.questions import MULTIPLE, REFLECTION, SINGLE
from ..common.sanitize import plain_text
from ..common.text import shortened
from ..common.validation import Problem

WORDS = 80  # characters of a reworded option's old words its warning quotes (the Likert's)


def grading_changes(old, new, _):
    """``[Problem(..., error=False)]``: "Attempt that counts" changed in ``new``; each learner who
    submitted keeps the grade recorded the old way until staff rescore or they submit again."""
    return grade_policy_changes(old.grade_policy, new.grade_policy, lambda was: _(
        "“Attempt that counts” was “{old}”: learners who already submitted keep the grade the course recorded "
        "that way until staff rescore this case study or they submit again, which counts all their attempts the "
        "new way. Until then, they and the learners who submit next are not graded alike.").format(old=was), _)


def retired_changes(old, new, _):
    """``[Problem(..., error=False)]`` at the id of each question, option, key point and profile
    option of ``new`` that takes an id ``old`` retired with other words (``common.retired``:
    ``questions_held``, ``profile_held``), naming the id "Save anyway" gives it (``carry_over``)."""
    return retired.questions_held(old, new, _) + retired.profile_held(old, new, _)


def answer_changes(old, new, _):
    """``[Problem(..., error=False)]``: each change of ``new`` over ``old`` that touches answers."""
    problems = retired_changes(old, new, _) + grading_changes(old, new, _) + kind_changes(old, new, _)
    problems += added_changes(old, new, _) + reworded_options(old, new, _)
    problems += id_change_problems(
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
        problems += id_change_problems(
            was.key_points, now.key_points, lambda k: k.text, f"questions.{i}.key_points",
            lambda old_id: _("This key point's id was “{old}”: the self-assessments that ticked it no longer count "
                             "it. Keep the old id to keep them.").format(old=old_id) + " " + grades_kept(_),
            lambda old_id, n=i + 1: _("Question {n}: key point “{id}” was removed: the self-assessments that "
                                      "ticked it no longer count it.").format(n=n, id=old_id) + " " + grades_kept(_))
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


def added(old_items, new_items, text, back=()):
    """``[(new index, item)]`` of ``new_items`` whose id ``old_items`` did not hold, less those that
    are an old item renamed (``common.changes.id_changes``: its own warning says so) and those at
    the indices ``back`` (``common.retired.brought_back``: a removed item given back its id and
    words, its answers its own again)."""
    old_ids = {item.id for item in old_items}
    renamed = {change.new_index for change in id_changes(old_items, new_items, text) if change.renamed}
    return [(i, item) for i, item in enumerate(new_items)
            if item.id not in old_ids and i not in renamed and i not in back]


def added_changes(old, new, _):
    """``[Problem(..., error=False)]`` at the points of each question ``new`` adds when the case's
    points add up to another total (the attempts submitted have no answer to it: a rescore gives
    them no point for it, out of more), and at each key point added to a reflection kept under its
    id (bug hunt 8: both saved without a word, though a rescore lowers the learners' scores)."""
    problems = []
    # (not equal to the float's last digit: 0.1 + 0.2 for 0.3, the total the author reads, is no change)
    if not math.isclose(old.max_points, new.max_points, rel_tol=0, abs_tol=1e-9):
        language = getattr(_, "language", None)
        problems += [Problem(f"questions.{i}.points", _(
            "Question {n} is new: the case study's points now add up to {total}, not {old}. The attempts already "
            "submitted have no answer to it: a rescore gives them no point for it.").format(
                n=i + 1, total=numbers.number(new.max_points, language),
                old=numbers.number(old.max_points, language)) + " " + grades_kept(_), False)
            for i, _q in added(old.questions, new.questions, lambda q: q.prompt, retired.brought_back(
                old.retired_ids, retired.QUESTIONS, new.questions, lambda q: plain_text(q.prompt)))]
    for i, was, now in kept_pairs(old.questions, new.questions):
        if REFLECTION == was.kind == now.kind:
            problems += [Problem(f"questions.{i}.key_points.{j}.text", _(
                "Question {n}: this key point is new. Learners who already assessed their answer could not tick it: "
                "a rescore counts it as not ticked.").format(n=i + 1) + " " + grades_kept(_), False)
                for j, _k in added(was.key_points, now.key_points, lambda k: k.text, retired.brought_back(
                    old.retired_ids, retired.KEY_POINTS, now.key_points, lambda k: k.text, now.id))]
    return problems


def reworded_options(old, new, _):
    """``[Problem("questions.<i>.options.<j>.text", ..., error=False)]`` per option kept under its id
    whose words changed beyond case, spacing and punctuation (``common.changes.reworded``, as the
    Likert's statements): the learners who chose it read the new words as their answer, and "how
    others answered" counts them for the new words (bug hunt 8)."""
    return [Problem(f"questions.{i}.options.{j}.text", _(
        "Question {n}: learners chose this option as it was worded: “{words}”. Their own results and “how others "
        "answered” now show the new words for their answer. If the meaning changed, give the option a new id: the "
        "answers already given are then shown apart, as answers to a removed option.").format(
            n=i + 1, words=shortened(was_option.text, WORDS)), False)
        for i, was, now in kept_pairs(old.questions, new.questions) if was.options and now.options
        for j, was_option, _now in reworded(was.options, now.options, lambda o: o.text)]


# a question's kind changed, said by the kind it was: whole sentences for the translators
KIND_WAS = {
    SINGLE: N_("Question {n} was a single-choice question: the answers given to it as one no longer count in "
               "“how others answered” (course staff see them apart)."),
    MULTIPLE: N_("Question {n} was a multiple-choice question: the answers given to it as one no longer count in "
                 "“how others answered” (course staff see them apart)."),
    REFLECTION: N_("Question {n} was a written reflection: the texts learners wrote for it no longer fit it."),
}


def kind_changes(old, new, _):
    """``[Problem("questions.<i>.kind", ..., error=False)]`` per question kept under its id whose kind
    changed (single or multiple choice, or written reflection): its stored answers keep the old
    kind's shape (a single choice under the question's id, a multiple choice under
    ``<id>.<option>``), which the new kind's figures do not count (``perspectives.apart_answers``
    lists them apart), and a rescore counts the learners' attempts the new way (bug hunt s45: it
    saved without a word)."""
    return [Problem(f"questions.{i}.kind", _(KIND_WAS[was.kind]).format(n=i + 1) + " " + grades_kept(_), False)
            for i, was, now in kept_pairs(old.questions, new.questions)
            if was.kind != now.kind and was.kind in KIND_WAS]


def carry_over(old, new, answered):
    """The case as the editor sent it with ``old``'s retired ids (``common.retired``) kept, less
    those ``new`` holds again, and when ``answered`` (answers are stored) those of the questions
    (with their options and key points), options, key points and profile options ``new`` no longer
    has added; then an item that takes a retired id with other words is given a fresh one
    (``retired_changes`` named it), so the answers stored under it stay apart."""
    questions, retiring, taken = retired.questions_carried(old, new, answered)
    options, gone_options, held_options = retired.profile_carried(old, new, answered)
    return replace(new, questions=questions, profile_options=options, retired_ids=retired.updated(
        old.retired_ids, retiring + gone_options, taken | held_options))
