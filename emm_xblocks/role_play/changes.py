"""What editing a role-play does to stored answers (pure; see ``common.live_edits``).

``answer_changes(old, new, _)``: a node removed or its id renamed (learners' paths in progress and
"how others chose" name nodes by id; ``learner.repaired`` restarts a path the edit broke).
``carry_over``: nothing to carry.
"""

from ..common.live_edits import id_change_problems


def answer_changes(old, new, _):
    """``[Problem(..., error=False)]``: each change of ``new`` over ``old`` that touches answers."""
    return id_change_problems(
        old.nodes, new.nodes, lambda node: node.narrative, "nodes",
        lambda old_id: _("This node's id was “{old}”: learners part-way through a path that passes it start again at "
                         "the beginning of their role, and “how others chose” counts stay under the old id. Keep the "
                         "old id to keep them.").format(old=old_id),
        lambda old_id: _("Node “{id}” was removed: learners part-way through a path that passes it start again at "
                         "the beginning of their role, and its “how others chose” counts no longer show.")
        .format(id=old_id))


def carry_over(old, new, answered):
    """The scenario as the editor sent it: no field of it is kept apart from the form."""
    return new
