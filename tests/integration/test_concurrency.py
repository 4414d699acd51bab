"""Concurrent learners lose nothing: 8 threads x 50 learners submit at once over HTTP."""

import re
import sqlite3
import threading

import pytest

from tests.server import running_workbench, session_for

THREADS, LEARNERS = 8, 50


@pytest.mark.slow
def test_every_concurrent_response_is_counted(tmp_path):
    with running_workbench(tmp_path) as base:
        page = session_for(base, "/scenario/emm_likert.0/")
        html = page.get(base + "/scenario/emm_likert.0/").text
        usage_id = re.search(r"data-usage='([^']+\.emm_likert\.[^']+)'", html).group(1)
        statements = re.findall(r'data-statement="([^"]+)"', html)
        assert len(statements) == 8
        barrier = threading.Barrier(THREADS)
        failures = []

        def learner_batch(t):
            session = session_for(base, "/scenario/emm_likert.0/")
            barrier.wait()
            for i in range(LEARNERS):
                answers = {sid: 1 + (t + i + n) % 5 for n, sid in enumerate(statements)}
                r = session.post(f"{base}/handler/{usage_id}/submit/?student=crowd_{t}_{i}",
                                 json={"answers": answers}, timeout=60)
                if r.status_code != 200:
                    failures.append((r.status_code, r.text[:200]))

        threads = [threading.Thread(target=learner_batch, args=(t,)) for t in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
    db = sqlite3.connect(tmp_path / "var" / "workbench.db")
    submissions, rows = db.execute(
        "select count(distinct submission), count(*) from emm_xblocks_response where block_key = ?",
        (usage_id,)).fetchone()
    assert submissions == THREADS * LEARNERS
    assert rows == THREADS * LEARNERS * len(statements)
    assert db.execute("select count(*) from emm_xblocks_response where user_key != ''").fetchone()[0] == 0
