"""edx-completion's table of learners' completions (``BlockCompletion``), as the LMS and the
package reach it.

* ``completion/models.py``, ``BlockCompletionManager.submit_completion(user, block_key,
  completion)``: ``block_key`` must be a usage key (``context_key``, ``block_type``; else
  ``ValueError``) whose course key has its run (an old Mongo key without one: ``ValueError``);
  while the switch below is off it raises ``RuntimeError`` ("should not be called when the
  feature is disabled"); else it creates the learner's row of the block or sets its value, lower
  or higher, and returns ``(row, created)``.
* ``completion/waffle.py``, ``ENABLE_COMPLETION_TRACKING_SWITCH``: the waffle switch
  ``completion.enable_completion_tracking`` (off by default; on in an LMS that tracks completion,
  as here unless a test turns it off), ``is_enabled()``.
* ``completion/services.py``, ``CompletionService.submit_completion(block_key, completion)``:
  the same manager with the service's user (``services.CompletionService``, on its Platform's rows);
  ``completion_tracking_enabled()`` is the switch.

The rows are the ``Platform``'s ``events.completions``, one entry per submission: a learner's row
of a block holds the last one's value (``BlockCompletionTransformer`` reads those rows for the
course outline, the unit's check mark and "Resume course"). The package reaches the manager from
the StudentModule's ``post_delete`` (``emm_xblocks.common.deleted_state.completion_reset``,
connected with this module's names as ``apps.completion_reset`` connects the app's).
"""

import weakref

_platforms = []  # weak references to every Platform made, the latest last (a test may set its course key after)


def register(platform):
    """The rows of a course's blocks are the latest registered Platform's of that course."""
    _platforms[:] = [ref for ref in _platforms if ref() is not None]
    _platforms.append(weakref.ref(platform))


def _rows_of_course(course_key):
    for ref in reversed(_platforms):
        platform = ref()
        if platform is not None and str(platform.course_key) == str(course_key):
            return platform.events.completions
    raise LookupError(f"no platform holds the course {course_key}")


class _Switch:
    """``edx_toggles.toggles.WaffleSwitch``: ``is_enabled()``."""

    def __init__(self):
        self.on = True

    def is_enabled(self):
        return self.on


ENABLE_COMPLETION_TRACKING_SWITCH = _Switch()


class BlockCompletionManager:
    """``rows_of(block_key)``: the list of rows of the block's course (a Platform's
    ``events.completions``)."""

    def __init__(self, rows_of):
        self.rows_of = rows_of

    def submit_completion(self, user, block_key, completion):
        try:
            context_key = block_key.context_key
            block_key.block_type  # noqa: B018 - read as the platform reads it
        except AttributeError as error:
            raise ValueError(f"block_key must be an instance of `opaque_keys.edx.keys.UsageKey`.  Got "
                             f"{type(block_key)}") from error
        if getattr(context_key, "is_course", False) and context_key.run is None:
            raise ValueError("If block_key is an old mongo key, you must add its run information to the key before "
                             "calling submit_completion()")
        if not ENABLE_COMPLETION_TRACKING_SWITCH.is_enabled():
            raise RuntimeError("BlockCompletion.objects.submit_completion should not be called when the feature is "
                               "disabled.")
        rows = self.rows_of(block_key)
        created = not any(r["user"] == user.username and r["block"] == str(block_key) for r in rows)
        row = {"user": user.username, "block": str(block_key), "completion": completion}
        rows.append(row)
        return row, created


class BlockCompletion:
    """The model, for the package's receiver: the rows of the latest Platform of the key's course."""

    objects = BlockCompletionManager(lambda block_key: _rows_of_course(block_key.context_key))
