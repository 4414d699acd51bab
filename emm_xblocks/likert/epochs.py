"""A Likert evaluation's answers by scale epoch (pure).

An evaluation's scale may change after learners answered (``changes.carry_over``): the answers
given on the earlier scale keep their meaning by keeping their epoch, so the store's group of an
answer is ``<statement id>`` on epoch 0 and ``<statement id>@<epoch>`` after (ids never hold
``@``: ``common.ids``).

* ``group_of(survey, sid)`` / ``split_group(group)``: the store's group of an answer, and back;
* ``split_tallies(survey, tallies)``: the store's counts split into the current scale's and the
  rest, shown apart (``common.apart``);
* ``labels_of(survey, epoch, _)``, ``scale_name(survey_or_past, _)``: the words of an epoch's scale.
"""

from ..common import apart
from ..common.perspectives import PROFILE_GROUP
from .content import CUSTOM, SCALE_NAMES

EPOCH_MARK = "@"


def group_of(survey, sid):
    """The store's group for an answer to statement ``sid`` given on the survey's current scale."""
    return f"{sid}{EPOCH_MARK}{survey.scale_epoch}" if survey.scale_epoch else sid


def split_group(group):
    """``(statement id, epoch)`` of a stored group (``"pace@2"`` -> ``("pace", 2)``)."""
    sid, mark, epoch = group.rpartition(EPOCH_MARK)
    if mark and epoch.isdigit():
        return sid, int(epoch)
    return group, 0


def scale_name(survey_or_past, _):
    """``Agreement, 5 points`` or the custom labels joined (``Low / High``)."""
    if survey_or_past.scale in SCALE_NAMES and survey_or_past.scale != CUSTOM:
        return _(SCALE_NAMES[survey_or_past.scale])
    return " / ".join(survey_or_past.custom_labels)


def split_tallies(survey, tallies):
    """The store's ``{group: {value: n}}`` split by scale and statement:
    ``(current, apart)``: ``current`` is ``{statement id: tally}`` of answers on the current scale to
    the current statements (what every figure counts); ``apart`` is ``[((epoch, removed), {statement
    id: tally})]`` of everything else, sorted (earlier scales first, then removed statements),
    never dropped."""
    ids = {st.id for st in survey.statements}

    def place(group):
        if group == PROFILE_GROUP:
            return apart.SKIP, group  # who answered, not a statement (``summary.profile_tallies``)
        sid, epoch = split_group(group)
        if epoch == survey.scale_epoch and sid in ids:
            return apart.CURRENT, sid
        return (epoch, sid not in ids), sid

    return apart.split(tallies, place)


def labels_of(survey, epoch, _):
    """The labels of the scale answers of ``epoch`` were given on (``()`` if unknown)."""
    if epoch == survey.scale_epoch:
        return survey.labels(_)
    past = survey.past_scale(epoch)
    return past.labels(_) if past is not None else ()
