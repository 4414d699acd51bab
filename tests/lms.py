"""Stand-ins for what edx-platform does with a block's events, so tests check the real contract.

* grade: ``lms/djangoapps/courseware/block_render.py::handle_grade_event`` sends
  ``SCORE_PUBLISHED`` with ``raw_earned=event['value']``, ``raw_possible=event['max_value']``,
  ``only_if_higher=event.get('only_if_higher')`` — both numbers must be present.
* completion: edx-completion's handler reads ``event['completion']``, a float in [0, 1].
* anything else is a tracking event (``tracker.emit``), which must be JSON-serialisable.
"""

import json
from contextlib import contextmanager
from unittest import mock


class LmsEvents:
    def __init__(self):
        self.grades, self.completions, self.tracking = [], [], []

    def publish(self, block, event_type, event):
        if event_type == "grade":
            raw_earned, raw_possible = event["value"], event["max_value"]
            assert isinstance(raw_earned, (int, float)) and isinstance(raw_possible, (int, float))
            assert 0 <= raw_earned <= raw_possible, event
            self.grades.append({"user": block.scope_ids.user_id, "block": str(block.scope_ids.usage_id),
                                "raw_earned": raw_earned, "raw_possible": raw_possible,
                                "only_if_higher": event.get("only_if_higher")})
        elif event_type == "completion":
            value = event["completion"]
            assert 0.0 <= value <= 1.0
            self.completions.append({"user": block.scope_ids.user_id, "completion": value})
        else:
            json.dumps(event)
            self.tracking.append({"name": event_type, "user": block.scope_ids.user_id, "data": event})

    def named(self, name):
        return [e for e in self.tracking if e["name"] == name]


@contextmanager
def lms_events():
    """Record what the workbench runtime publishes (it only logs otherwise)."""
    events = LmsEvents()

    def publish(runtime, block, event_type, event_data):
        events.publish(block, event_type, event_data)

    with mock.patch("workbench.runtime.WorkbenchRuntime.publish", publish):
        yield events
