"""What happens to the events a block publishes in the LMS.

* ``EventPublishingService.publish`` (``xmodule/services.py``): ``grade`` goes to
  ``_handle_grade_event`` and ``completion`` to the completion service (when tracking is
  enabled) -- **unless staff are masquerading as a specific learner**, in which case the event is
  only written to the tracking log. Every other event is a tracking event.
* ``_handle_grade_event`` sends ``SCORE_PUBLISHED`` with ``raw_earned=event['value']``,
  ``raw_possible=event['max_value']``, ``only_if_higher=event.get('only_if_higher')`` (nothing
  for an anonymous user).
* ``score_published_handler`` (``lms/djangoapps/grades/signals/handlers.py``): with
  ``only_if_higher``, the StudentModule's stored ``grade/max_grade`` is compared with the new
  score by ``is_score_higher_or_equal`` (``openedx/core/lib/grade_utils.py``): a **percentage**
  comparison. If the new score is kept, it is written to the StudentModule (``set_score``) and
  ``block.set_score(Score(raw_earned, raw_possible))`` is called on a ``ScorableXBlockMixin``.
* ``weighted_score`` (``lms/djangoapps/grades/scores.py``): ``raw_earned * weight / raw_possible``
  of ``weight`` points (the raw pair when the weight is None or ``raw_possible`` is 0); this is
  what the progress page and the gradebook show.
"""

import json

from xblock.scorable import ScorableXBlockMixin, Score


def compare_scores(earned1, possible1, earned2, possible2, treat_undefined_as_zero=False):
    try:
        percentage1 = float(earned1) / float(possible1)
    except ZeroDivisionError:
        if not treat_undefined_as_zero:
            raise
        percentage1 = 0.0
    try:
        percentage2 = float(earned2) / float(possible2)
    except ZeroDivisionError:
        if not treat_undefined_as_zero:
            raise
        percentage2 = 0.0
    return percentage2 >= percentage1, percentage1, percentage2


def is_score_higher_or_equal(earned1, possible1, earned2, possible2, treat_undefined_as_zero=False):
    return compare_scores(earned1, possible1, earned2, possible2, treat_undefined_as_zero)[0]


def weighted_score(raw_earned, raw_possible, weight):
    if weight is None or raw_possible == 0:
        return raw_earned, raw_possible
    return float(raw_earned) * weight / raw_possible, float(weight)


class Recorder:
    """Everything the LMS received: SCORE_PUBLISHED calls, completions, tracking events."""

    def __init__(self):
        self.grades, self.completions, self.tracking = [], [], []

    def named(self, name):
        return [e for e in self.tracking if e["name"] == name]


class EventPublishingService:
    def __init__(self, platform, user, masquerading):
        self.platform = platform
        self.user = user
        self.masquerading = masquerading

    def publish(self, block, event_type, event):
        completion = block.runtime._services.get("completion")
        handlers = {"grade": self._handle_grade_event}
        if completion is not None and completion.completion_tracking_enabled():
            handlers["completion"] = lambda b, e: completion.submit_completion(b.scope_ids.usage_id, e["completion"])
        handler = handlers.get(event_type)
        if handler and not self.masquerading:
            handler(block, event)
        else:
            json.dumps(event)  # the tracking log stores JSON
            self.platform.events.tracking.append({"name": event_type, "user": self.user.username, "data": event,
                                                  "masquerading": self.masquerading})

    def _handle_grade_event(self, block, event):
        if not self.user.is_authenticated:
            return
        score_published(self.platform, block, self.user, event["value"], event["max_value"],
                        event.get("only_if_higher"))


def score_published(platform, block, user, raw_earned, raw_possible, only_if_higher):
    """``score_published_handler``; returns whether the stored score changed."""
    usage_key = block.scope_ids.usage_id
    platform.events.grades.append({"user": user.username, "block": str(usage_key), "raw_earned": raw_earned,
                                   "raw_possible": raw_possible, "only_if_higher": only_if_higher})
    if only_if_higher:
        # model_data.py get_score: the learner's StudentModule row, or None; a row kept for its
        # state alone (grade NULL) is compared too, and float(None) raises out of the signal
        previous = platform.student_modules.get(user, usage_key)
        if previous is not None:
            if not is_score_higher_or_equal(previous.grade, previous.max_grade, raw_earned, raw_possible):
                return False
    row = platform.student_modules.get_or_create(user, usage_key)
    row.grade, row.max_grade = raw_earned, raw_possible
    if isinstance(block, ScorableXBlockMixin):
        block.set_score(Score(raw_earned=raw_earned, raw_possible=raw_possible))
    return True
