"""The instructor's tools, the Blocks API and the responses report, as the platform runs them.

* ``rescore``: ``lms/djangoapps/instructor_task/tasks_helper/module_state.py``
  (``perform_module_state_update``, ``rescore_problem_module_state``): the block is fetched once,
  and the **same instance** is bound to each StudentModule's learner in turn
  (``_get_module_instance_for_task`` -> ``get_block_for_descriptor``: the runtime's services
  become that learner's, then ``xmodule/x_module.py`` ``XModuleMixin.bind_for_student`` saves,
  replaces ``scope_ids.user_id`` and drops every user-scoped cached value, ``bind_for_student``
  below); a learner with ``has_submitted_answer() == False`` is skipped; then
  ``rescore(only_if_higher=...)`` and ``save()``.
* ``override_score``: same file (``override_score_module_state``): the weighted score must be
  within ``0..max_score()``; ``set_score(Score(score / weight, max_score() / weight))`` (weight
  None counts as 1, 0 is refused), then ``publish_grade()`` with no argument, then ``save()``.
* ``reset_attempts``: ``lms/djangoapps/instructor/enrollment.py`` (``_reset_module_attempts``, one
  learner from the instructor dashboard): ``state["attempts"] = 0`` and the capa history keys
  emptied; ``reset_attempts_all``: the instructor task (``reset_attempts_module_state``) only
  touches rows whose state has ``attempts > 0``.
* ``delete_state``: ``enrollment.py`` (``reset_student_attempts(delete_module=True)``): the
  **unbound** block's ``clear_student_state(user_id=<anonymous id>, course_id, item_id,
  requesting_user_id)`` is called if it has one, then the StudentModule row is deleted; if the
  block had no ``clear_student_state``, the grades app is told the score is now 0 of
  ``max_score()`` (``_fire_score_changed_for_block``, ``score_deleted=True``); with one
  (``submission_cleared``), neither that nor ``sub_api.reset_score`` runs (the submissions API is
  not modelled: the package's blocks keep no submissions there). The row is deleted with
  ``studentmodule.delete()``: ``post_delete`` is sent (``student_module.py``).
* ``delete_state_all``: the instructor task "delete state" of every learner
  (``instructor_task/tasks_helper/module_state.py``: ``perform_module_state_update`` over
  ``StudentModule.get_state_by_params(course_id, [usage_key])``, then ``delete_problem_module_state``
  for each row): ``student_module.delete()`` and a ``problem_delete_state`` tracking event; no
  method of the block is called and no score is reset.
* ``mobile_collect``: ``lms/djangoapps/course_api/blocks/transformers/student_view.py``
  (``StudentViewTransformer.collect``): on the unbound block,
  ``block.has_support(getattr(block.__class__, "student_view", None), "multi_device")`` and, if
  the block has ``student_view_data``, ``block.student_view_data()`` with no argument.
* ``problem_responses``: ``lms/djangoapps/instructor_task/tasks_helper/grades.py``
  (``ProblemResponses._build_student_data``): the unbound block's
  ``generate_report_data(user_state_iterator, limit)`` gets an iterator of ``XBlockUserState``
  (``.username``, ``.state`` dict, ``.block_key``, ``.updated``, ``.scope``) from
  ``user_state_client.iter_all_for_block``; rows are the block's StudentModules (by learner id), each
  merged with every ``(username, dict)`` the block yielded for that learner; the columns are
  ``username, title, location``, then the yielded keys (in the dict's order only if it is an
  ``OrderedDict``, **sorted** otherwise), then ``block_key, state``.
"""

import json
from collections import OrderedDict, namedtuple

from xblock.fields import Scope, UserScope
from xblock.scorable import Score

from .grades import score_published  # noqa: F401  (re-exported for tests)
from .services import anonymous_id_for_user

# edx_user_state_client/interface.py: the platform's fields, in its order
XBlockUserState = namedtuple("XBlockUserState", "username block_key state updated scope")


class UpdateProblemModuleStateError(Exception):
    pass


def _bound(platform, user, usage_key):
    return platform.lms(user).block(usage_key)


def bind_for_student(platform, instance, user):
    """``instance`` (bound to a learner) bound to ``user`` as ``get_block_for_descriptor`` binds
    the rescore task's one block: the runtime's services are ``user``'s (a new runtime of theirs
    here), then ``XModuleMixin.bind_for_student``: nothing for the same user; else the old
    learner's data saved, ``scope_ids.user_id`` replaced, every user-scoped field's cached value
    (``Field._del_cached_value``) and dirty mark dropped."""
    if instance.scope_ids.user_id == user.id:
        return instance
    instance.save()
    instance.runtime = platform.lms(user).runtime()  # its field data: the new learner's FieldDataCache
    instance.runtime.cache_block(instance.scope_ids.usage_id)
    instance.scope_ids = instance.scope_ids._replace(user_id=user.id)
    for f in instance.fields.values():
        if f.scope in (Scope.parent, Scope.children):
            continue
        if f.scope.user == UserScope.ONE:
            f._del_cached_value(instance)  # noqa: SLF001 - as the platform does
            instance._dirty_fields.pop(f, None)  # noqa: SLF001
    return instance


def rescore(platform, usage_key, only_if_higher=False, user=None):
    """Returns {username: "succeeded" | "skipped"}."""
    results = {}
    instance = None
    for row in platform.student_modules.for_block(usage_key):
        if user is not None and row.student.id != user.id:
            continue
        instance = (_bound(platform, row.student, usage_key) if instance is None
                    else bind_for_student(platform, instance, row.student))
        if not hasattr(instance, "rescore"):
            raise UpdateProblemModuleStateError(f"{usage_key} does not support rescoring")
        if not instance.has_submitted_answer():
            results[row.student.username] = "skipped"
            continue
        instance.rescore(only_if_higher=only_if_higher)
        instance.save()
        results[row.student.username] = "succeeded"
    return results


def override_score(platform, usage_key, user, score):
    platform.student_modules.get_or_create(user, usage_key)
    instance = _bound(platform, user, usage_key)
    if not hasattr(instance, "set_score"):
        raise UpdateProblemModuleStateError("Scores cannot be overridden for this problem type.")
    weighted = float(score)
    if not 0 <= weighted <= instance.max_score():
        raise UpdateProblemModuleStateError("Score must be between 0 and the maximum points available for the problem.")
    weight = instance.weight if instance.weight is not None else 1
    if weight == 0:
        raise UpdateProblemModuleStateError("Scores cannot be overridden for a problem that has a weight of zero.")
    instance.set_score(Score(raw_earned=weighted / weight, raw_possible=instance.max_score() / weight))
    instance.publish_grade()
    instance.save()


def reset_attempts(platform, usage_key, user):
    row = platform.student_modules.get(user, usage_key)
    if row is None:
        raise LookupError("StudentModule.DoesNotExist")
    row.state = json.loads(json.dumps(row.state))
    row.state.update(attempts=0, score_history=[], correct_map_history=[], student_answers_history=[])


def reset_attempts_all(platform, usage_key):
    for row in platform.student_modules.for_block(usage_key):
        if row.state.get("attempts", 0) > 0:
            row.state["attempts"] = 0


def delete_state(platform, usage_key, user, requesting_user):
    block = platform.unbound(usage_key)
    cleared = False
    clear = getattr(block, "clear_student_state", None)
    if callable(clear):
        clear(user_id=anonymous_id_for_user(user, platform.course_key), course_id=str(platform.course_key),
              item_id=str(usage_key), requesting_user_id=anonymous_id_for_user(requesting_user, platform.course_key))
        cleared = True
    if platform.student_modules.get(user, usage_key) is None:
        raise LookupError("StudentModule.DoesNotExist")
    platform.student_modules.delete(user, usage_key)
    platform.events.tracking.append({"name": "edx.grades.problem.state_deleted", "user": user.username, "data": {}})
    if not cleared and getattr(block, "has_score", False) and block.max_score() is not None:
        platform.events.grades.append({"user": user.username, "block": str(usage_key), "raw_earned": 0,
                                       "raw_possible": block.max_score(), "score_deleted": True})


def delete_state_all(platform, usage_key):
    """Returns the usernames whose state was deleted."""
    deleted = []
    for row in platform.student_modules.for_block(usage_key):
        platform.student_modules.delete(row.student, usage_key)
        platform.events.tracking.append({"name": "problem_delete_state", "user": row.student.username, "data": {}})
        deleted.append(row.student.username)
    return deleted


def mobile_collect(platform, usage_key, current_user=None):
    """``current_user``: whoever's request made the course's block structure be collected
    (the modulestore's user service names them), or None in a Celery task."""
    block = platform.unbound(usage_key, current_user)
    student_view = getattr(block.__class__, "student_view", None)
    collected = {"student_view_multi_device": block.has_support(student_view, "multi_device")}
    if getattr(block, "student_view_data", None):
        collected["student_view_data"] = block.student_view_data()
    return collected


def user_states(platform, usage_key):
    """``iter_all_for_block`` (``lms/djangoapps/courseware/user_state_client.py``): a row whose state
    is ``{}`` ("deleted", as every conformant user state client treats it) is skipped."""
    for row in platform.student_modules.for_block(usage_key):
        state = json.loads(json.dumps(row.state))
        if state == {}:
            continue
        yield XBlockUserState(row.student.username, usage_key, state, None, Scope.user_state)


def problem_responses(platform, usage_key, title="", max_count=None):
    """(rows, columns) of the report for one block; each row a dict."""
    block = platform.unbound(usage_key)
    generated = {}
    if hasattr(block, "generate_report_data"):
        try:
            for username, state in block.generate_report_data(user_states(platform, usage_key), max_count):
                generated.setdefault(username, []).append(state)
        except NotImplementedError:
            pass
    keys = OrderedDict()
    rows = []
    # list_problem_responses (instructor_analytics/basic.py): the learners by id, the first
    # ``limit_responses`` of them (``smdat[:limit_responses]``)
    modules = platform.student_modules.for_block(usage_key)
    for module in modules if max_count is None else modules[:max_count]:
        response = {"username": module.student.username, "state": json.dumps(module.state), "title": title,
                    "location": title, "block_key": str(usage_key)}
        states = generated.get(module.student.username)
        if states:
            for state in states:
                row = dict(response)
                row.update(state)
                for key in (state.keys() if isinstance(state, OrderedDict) else sorted(state.keys())):
                    keys[key] = 1
                rows.append(row)
        else:
            rows.append(response)
    columns = ["username", "title", "location", *keys, "block_key", "state"]
    for row in rows:
        for key in columns:
            row.setdefault(key, "")
    return rows, columns
