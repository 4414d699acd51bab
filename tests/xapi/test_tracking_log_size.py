"""(Bug hunt s43; eventtracking comes with event-routing-backends: Python 3.12, as tests/xapi.)
An analyst reads the case study's submissions in the LMS's tracking log (docs/xapi.md: what the
xAPI statements leave out "stays in the tracking log"). The LMS writes that log through
eventtracking's ``LoggerBackend`` with ``max_event_size=TRACK_MAX_EVENT`` (50,000 characters,
``lms/envs/common.py``), which drops a larger event silently (``eventtracking/backends/logger.py``:
``if ... len(event_str) <= self.max_event_size: self.log(event_str)``, JSON with ``ensure_ascii``).

A written answer the block accepts (at most 20,000 characters and 3,000 words,
``common/questions.py``) goes into ``emm.case_study.submitted`` whole (``case_study/events.py``),
so one long Arabic reflection (each letter ``\\uXXXX``, six characters) makes the whole submission
event (its score, every answer) vanish from the tracking log.
"""

import json
import logging

from eventtracking.backends.logger import LoggerBackend
from eventtracking.backends.routing import RoutingBackend
from eventtracking.tracker import Tracker

from emm_xblocks.common.event_size import BUDGET, fit_texts, json_size
from tests.integration.test_case_study_handlers import CASE

TRACK_MAX_EVENT = 50000  # lms/envs/common.py

ARABIC_WORD = "الهجرة"  # 6 letters


def logged_by_the_lms(record, usage_key):
    """What the LMS's ``tracking_logs`` backend writes for the published ``record`` (None: dropped)."""
    written = []

    class Keep(logging.Handler):
        def emit(self, log_record):
            written.append(log_record.getMessage())

    logger = logging.getLogger("tracking-hunt6")
    logger.setLevel(logging.INFO)
    handler = Keep()
    logger.addHandler(handler)
    try:
        backend = RoutingBackend(backends={"logger": LoggerBackend(name="tracking-hunt6",
                                                                    max_event_size=TRACK_MAX_EVENT)})
        tracker = Tracker(backends={"tracking_logs": backend})
        with tracker.context("module_callback_handler", {"module": {"usage_key": usage_key}}):
            tracker.emit(name=record["name"], data=json.loads(json.dumps(record["data"])))
    finally:
        logger.removeHandler(handler)
    return written[0] if written else None


def test_a_long_arabic_reflection_the_block_accepts_keeps_its_submission_in_the_tracking_log(scenario, handlers,
                                                                                               events):
    uid = scenario(CASE.format(attempts=2, policy="best", show="submitted", extra="")
                   .replace('max_words="20"', 'max_words="3000"'))
    reflection = " ".join([ARABIC_WORD] * 1500)  # 10,499 characters, 1,500 words: well within the limits
    assert len(reflection) < 20000
    r = handlers.post(uid, "submit", {"answers": {"q1": "a", "q2": ["x"], "q3": reflection}})
    assert r.status_code == 200, r.content  # the block accepted and graded it
    [record] = events.named("emm.case_study.submitted")
    logged = logged_by_the_lms(record, uid)
    assert logged is not None, (
        f"emm.case_study.submitted is {len(json.dumps(record['data']))} characters as JSON: "
        "the LMS's tracking log drops it (TRACK_MAX_EVENT 50,000)")
    kept = json.loads(logged)["data"]["questions"]
    assert kept["q3"]["answer_cut"] is True and kept["q3"]["answer_chars"] == len(reflection)
    assert kept["q3"]["answer"].endswith("…") and reflection.startswith(kept["q3"]["answer"][:-1])
    assert kept["q1"]["answer"] == "a" and "answer_cut" not in kept["q1"]  # the rest whole
    assert json.loads(logged)["data"]["score"] == record["data"]["score"]


def test_texts_share_the_room_evenly_and_a_short_one_keeps_all_it_has():
    data = {"questions": {"a": {"answer": "short"}, "b": {"answer": "é" * 9000}, "c": {"answer": "x" * 30000}}}
    texts = [(q, "answer") for q in data["questions"].values()]
    fit_texts(data, texts, budget=40000)
    q = data["questions"]
    assert json_size(data) <= 40000
    assert q["a"] == {"answer": "short"}  # not cut, no mark
    assert q["b"]["answer_cut"] and q["c"]["answer_cut"] and q["c"]["answer_chars"] == 30000
    # the two long ones take about the same room in the log
    assert abs(json_size(q["b"]["answer"]) - json_size(q["c"]["answer"])) < 20
    small = {"questions": {"a": {"answer": "x" * 100}}}
    assert fit_texts(small, [(small["questions"]["a"], "answer")]) == {"questions": {"a": {"answer": "x" * 100}}}
    assert BUDGET < 50000
