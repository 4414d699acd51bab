"""Instructions per main learner action beside the anchors, run by ``make bench-instructions``
(``make bench`` runs it too).

Milliseconds on a shared 2-core machine move by tens of per cent from one run to the next, and
from one day's machine to another's (decision 47, decision 61). The number of instructions the
CPU runs for one action does not: ``valgrind --tool=callgrind`` counts them, whatever else the
machine is doing. Each block of ``bench/speed.py`` (the anchors and ours, the same OLX, requests
and in-memory store) runs twice under callgrind in a child process: once to prepare ``N + WARMUP``
new learners and run the ``WARMUP`` first actions, once to run all ``N + WARMUP``; the difference
over ``N`` is one action's instructions (the learners' preparation, the role-play's untimed
``start`` included, is in both runs and cancels out). The interpreter runs some 50 times slower
under callgrind: a few minutes for the table.

``python bench/instructions.py`` prints the table; ``child <block> <n> <prepare-only>`` is one run.
Needs ``valgrind`` (Debian's package): without it, says so and exits 0 (a figure, never a test).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
N, WARMUP = 50, 20
COLLECTED = re.compile(r"Collected : (\d+)")


def child(key, n, prepare_only):
    """Prepare ``n + WARMUP`` new learners of block ``key``, then run the action of the first
    ``WARMUP`` (``prepare_only``) or of all of them; each answer must be a 200."""
    sys.path.insert(0, str(HERE))
    import speed

    speed.setup_django(":memory:")
    runtime_class = speed.memory_runtime_class()
    subject = next(s for s in speed.subjects() if s.key == key)
    usage = runtime_class(None).parse_xml_string(subject.olx)
    prepared = []
    for i in range(WARMUP + n):
        runtime = runtime_class(f"instructions_{i}")
        block = runtime.get_block(usage)

        def call(name, data, runtime=runtime, block=block):
            response = runtime.handle(block, name, speed.post(data))
            return response.status_code, speed.answer_of(response)

        prepared.append((runtime, runtime.get_block(usage), speed.post(subject.request(block, call))))
    for runtime, block, request in prepared[:WARMUP] if prepare_only else prepared:
        response = runtime.handle(block, subject.action, request)
        if response.status_code != 200 or not subject.ok(speed.answer_of(response)):
            raise SystemExit(f"{key}: {response.status_code} {response.body[:200]!r}")


def instructions(key, prepare_only, n):
    """The instructions callgrind counted for one child run (the whole process)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/callgrind.out",
             sys.executable, "-W", "ignore", __file__, "child", key, str(n), "1" if prepare_only else ""],
            capture_output=True, text=True, cwd=HERE.parent,
            env=dict(os.environ, PYTHONHASHSEED="0"))  # the two runs subtracted hash alike
    if out.returncode != 0:
        raise SystemExit(f"bench/instructions.py {key} failed:\n{out.stderr[-2000:]}")
    return int(COLLECTED.findall(out.stderr)[-1])


def per_action(keys, n=N):
    """``{block key: instructions of one action}``, two callgrind runs at a time (2 cores)."""
    runs = [(key, prepare_only) for key in keys for prepare_only in (True, False)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(zip(runs, pool.map(lambda run: instructions(*run, n), runs), strict=True))
    return {key: (counts[key, False] - counts[key, True]) / n for key in keys}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(sys.argv[2], int(sys.argv[3]), bool(sys.argv[4]) if len(sys.argv) > 4 else False)
        return
    if shutil.which("valgrind") is None:
        print("Instructions per action: valgrind is not installed (apt-get install valgrind); not measured.")
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emm_xblocks.workbench.settings")
    sys.path.insert(0, str(HERE))
    import speed

    subjects = speed.subjects()
    figures = per_action([s.key for s in subjects])
    drop = figures.get("drag-and-drop-v2")
    print(f"Instructions per main learner action, in-memory store (valgrind --tool=callgrind, {N} actions")
    print(f"  after {WARMUP}, a new learner each; a count, not a time: the same at any load), millions:")
    print(f"  {'block':34} {'action':>8}  {'/ drop':>6}  (handler)")
    for s in subjects:
        ratio = f"{figures[s.key] / drop:6.2f}" if drop else "     ?"
        print(f"  {s.label:34} {figures[s.key] / 1e6:8.2f}  {ratio}  {s.action}")


if __name__ == "__main__":
    main()
