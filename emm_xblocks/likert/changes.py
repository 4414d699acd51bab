"""What editing a Likert evaluation does to stored answers (pure; see ``common.changes``).

* ``answer_changes(old, new, _)``: the warnings a save must be confirmed past while answers are
  stored: the scale changed (preset or custom labels), "Not applicable" taken away, "anonymous"
  switched on or off (the answers already stored stay as they were stored), a statement removed or
  its id renamed, a kept statement's reverse coding changed (its answers already given are read
  the other way round) or its words (beyond case, spacing and punctuation: its answers are counted
  with those given to the new words), an option of the participant profile question removed or its id renamed
  (the answers given under it stay under the old id, ``perspectives.breakdown``), a profile option
  that takes the id of one removed while answered with other words (``common.retired``: its
  participants would be counted as having chosen it), and participation credit switched on or
  off (``grading_changes``).
* ``carry_over(old, new, answered)``: what the editor does not send is kept (the scale's epoch and
  the earlier scales, the removed statements' words); when the scale changed while answers are
  stored, the old scale becomes a ``PastScale`` and the epoch moves on, so answers given on it keep
  their labels; a statement removed or renamed while answers are stored keeps its words in
  ``removed_statements``, so its answers shown apart are labelled with them, not its id; a profile
  option removed or renamed while answers are stored keeps its id in ``retired_ids``, and one
  that takes it with other words is given a fresh id (``common.retired.profile_carried``).

The store's groups of answers by scale epoch, which ``carry_over`` starts: ``epochs``;
``without_unanswered_scale`` drops the scale's warning where no answer is stored on the scale changed.
"""

from dataclasses import replace

from ..common import profile, retired
from ..common.changes import id_change_problems, kept_pairs, reworded
from ..common.perspectives import PROFILE_GROUP
from ..common.text import shortened
from ..common.validation import Problem
from .content import CUSTOM, PastScale, Statement
from .epochs import scale_name, split_group

WORDS = 80  # characters of a removed statement's words its warning quotes


def grading_changes(old, new, _):
    """``[Problem(..., error=False)]``: "Give participation credit (graded)" switched in ``new``
    (held only once learners answered, as every change of ``answer_changes``). The LMS keeps what
    it recorded (decision 10): learners who answered ungraded have no grade, counted as 0 until
    staff rescore, which gives them the credit; made ungraded, the LMS counts the evaluation for
    nobody (it counts only blocks with a score), the credit recorded included."""
    if new.participation_graded == old.participation_graded:
        return []
    if new.participation_graded:
        message = _("“Give participation credit (graded)” was not ticked: learners who already answered have no "
                    "grade for this evaluation, and the course counts it as 0 for them until staff rescore it, "
                    "which gives them the credit.")
    else:
        message = _("“Give participation credit (graded)” was ticked: the course no longer counts this evaluation "
                    "in learners' grades, the credit already recorded included, and learners who answer next get "
                    "none. Tick it again to keep it counted.")
    return [Problem("participation_graded", message, False)]


def answer_changes(old, new, _):
    """``[Problem(..., error=False)]``: each change of ``new`` over ``old`` that touches answers."""
    problems = grading_changes(old, new, _)
    if old.scale_identity != new.scale_identity:
        problems.append(Problem("scale", _(
            "Learners answered on the scale “{old}”. Their answers stay with that scale: reports show them "
            "apart from answers on the new scale, never relabelled.").format(old=scale_name(old, _)), False))
    if old.allow_na and not new.allow_na:
        problems.append(Problem("allow_na", _(
            "Learners may have answered “Not applicable”: those answers stay in the reports, but nobody can "
            "choose it any more."), False))
    if old.anonymous != new.anonymous:
        problems.append(Problem("anonymous", _(
            "The answers already sent stay as they were stored: those sent under the learner's name keep their "
            "identity in the database (the results and downloads will no longer show it), and those learners can "
            "no longer change them.") if new.anonymous else _(
            "The answers already sent stay as they were stored: those sent anonymously keep no identity and cannot "
            "be linked to anyone, so those learners cannot change them afterwards. Answers sent from now on are "
            "kept with the learner's name, shown in the staff CSV."), False))
    problems += [Problem(f"statements.{i}.reverse", _(
        "Learners have answered this statement: changing “Reverse-coded” reads the answers already given the "
        "other way round, in the results and in the CSV of the answers (agreeing becomes unfavourable, or "
        "favourable again)."), False)
        for i, was, now in kept_pairs(old.statements, new.statements) if was.reverse != now.reverse]
    problems += [Problem(f"statements.{i}.text", _(
        "Learners have answered this statement as it was worded: “{words}”. Their answers and those given to the "
        "new words are counted together. If the meaning changed, give it a new id: the answers already given are "
        "then shown apart, under the old words.").format(words=shortened(was.text, WORDS)), False)
        # a removed statement asked again under its id is one too: its answers, shown apart, join the new words'
        for i, was, _now in reworded((*old.statements, *old.removed_statements), new.statements, lambda st: st.text)]
    old_words = {st.id: st.text for st in old.statements}
    problems += id_change_problems(
        old.statements, new.statements, lambda st: st.text, "statements",
        lambda old_id: _("This statement's id was “{old}”: its answers stay under that id and are shown apart, as "
                         "answers to a removed statement. Keep the old id to keep them together.").format(old=old_id),
        # named by its words, as the author wrote it (an id they may never have seen: trial s34)
        lambda old_id: _("The statement “{words}” was removed: its answers are shown apart, as answers to a "
                         "removed statement.").format(words=shortened(old_words.get(old_id, old_id), WORDS)))
    problems += retired.profile_held(old, new, _)
    return problems + profile.option_changes(
        old.profile_options, new.profile_options,
        lambda old_id: _("This profile option's id was “{old}”: the participants who chose it stay under that id "
                         "and are shown in a column of their own. Keep the old id to keep them together.")
        .format(old=old_id),
        lambda old_id: _("Profile option “{id}” was removed: the participants who chose it are still counted "
                         "under that id, in a column of their own.").format(id=old_id), _)


def without_unanswered_scale(problems, old, groups):
    """``problems`` less the scale's warning when none of the store's answer ``groups`` (its
    tallies' keys) is on ``old``'s scale: answers are stored, on earlier scales only, and the scale
    changed was never answered on (author trial s38: back on the scale everyone answered on, after
    a "Save anyway" nobody answered since, the warning named the unanswered one)."""
    if any(split_group(group)[1] == old.scale_epoch for group in groups if group != PROFILE_GROUP):
        return problems
    return [p for p in problems if p.field != "scale"]


def carry_over(old, new, answered):
    """``new`` with what the editor does not send kept from ``old``; when ``answered`` (answers are
    stored) and the scale changed, ``old``'s scale joins ``past_scales`` and a new epoch starts (a
    scale the survey had before takes back its own epoch); ``old``'s retired ids kept, and a
    profile option that takes one with other words given a fresh id (``common.retired.profile_carried``)."""
    options, gone, taken = retired.profile_carried(old, new, answered)
    new = replace(new, scale_epoch=old.scale_epoch, past_scales=old.past_scales,
                  removed_statements=removed_statements(old, new, answered), profile_options=options,
                  retired_ids=retired.updated(old.retired_ids, gone, taken))
    if not answered or old.scale_identity == new.scale_identity:
        return new
    past = [p for p in old.past_scales]
    past.append(PastScale(old.scale_epoch, old.scale, tuple(old.custom_labels) if old.scale == CUSTOM else ()))
    again = next((p for p in past if (p.scale, p.custom_labels) == new.scale_identity), None)
    if again is not None:
        past.remove(again)
        epoch = again.epoch
    else:
        epoch = max(p.epoch for p in past) + 1
    return replace(new, scale_epoch=epoch, past_scales=tuple(sorted(past, key=lambda p: p.epoch)))


MAX_REMOVED = 200  # removed statements whose words are kept (the latest)


def removed_statements(old, new, answered):
    """``old``'s removed statements without those ``new`` asks again, and, when ``answered``, the
    statements of ``old`` that ``new`` no longer has (id and words: their answers stay under the id)."""
    ids = {st.id for st in new.statements}
    gone = [Statement(st.id, st.text) for st in old.statements if st.id not in ids] if answered else []
    gone_ids = {st.id for st in gone}
    kept = [st for st in old.removed_statements if st.id not in ids and st.id not in gone_ids]
    return tuple((kept + gone)[-MAX_REMOVED:])
