"""The database's own share of a Likert submit (decision 38): the statements one submit runs,
captured on bench/speed.py's in-memory store, then replayed on the raw ``sqlite3`` connection
(no Django, no Python of ours), a new learner's ids each time, ``BEGIN ... COMMIT`` as the store
runs them. Run: ``DJANGO_SETTINGS_MODULE=emm_xblocks.workbench.settings python bench/floor.py``.
"""
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import speed  # noqa: E402
from django.db import connection  # noqa: E402

speed.setup_django(":memory:")
rc = speed.memory_runtime_class()
subject = next(s for s in speed.subjects() if s.key == "emm_likert")
usage = rc(None).parse_xml_string(subject.olx)


def run(i, log):
    """One new learner's submit; its statements appended to ``log``."""
    runtime = rc(f"fl_{i}")
    block = runtime.get_block(usage)

    def call(h, d):
        r = runtime.handle(block, h, speed.post(d))
        return r.status_code, speed.answer_of(r)

    req = speed.post(subject.request(block, call))
    blk = runtime.get_block(usage)

    def wrapper(execute, sql, params, many, context):
        log.append((sql, params, many))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        runtime.handle(blk, "submit", req)


for i in range(5):
    run(i, [])
log = []
run(99, log)
raw = connection.connection  # the sqlite3 connection


def sqlite(sql):
    return sql.replace("%s", "?")


def fresh(params):
    """A new learner's values: every 32-hex value (row ids, the submission, the learner key) new."""
    return [uuid.uuid4().hex if isinstance(p, str) and len(p) == 32 and all(c in "0123456789abcdef" for c in p)
            else p for p in params]


times = []
for _ in range(300):
    stmts = [(sqlite(s), [fresh(p) for p in ps] if many else fresh(ps), many)
             for s, ps, many in log if not s.startswith("BEGIN")]
    t = time.perf_counter()
    cur = raw.cursor()
    cur.execute("BEGIN IMMEDIATE")
    for s, ps, many in stmts:
        (cur.executemany if many else cur.execute)(s, ps)
    cur.execute("COMMIT")
    times.append(time.perf_counter() - t)
print(f"{len(log)} statements (BEGIN included); raw sqlite3 replay median {statistics.median(times)*1000:.3f} ms")
