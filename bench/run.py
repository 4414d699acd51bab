"""Benchmarks (not tests): print the speed and size figures of each block.

Run with ``make bench``. Uses a throw-away SQLite database under var/bench/.
Targets (2-core machine): Likert results for 100,000 responses < 1 s; learner download
< 15 KB gzip for the Likert block, shared files included. The download counts what the page
loads (common/assets.py); the files a page loads only when asked (the Likert results panel,
common/assets.py ADDED) are measured apart.
"""

import gzip
import json
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from benchkit import line, workbench_db  # noqa: E402

workbench_db("bench")

from django.test import Client  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from workbench.runtime import WorkbenchRuntime  # noqa: E402
from workbench.scenarios import get_scenarios  # noqa: E402

from emm_xblocks.likert import views  # noqa: E402
from emm_xblocks.models import Answer  # noqa: E402


def timed(func, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def block_for(block_type, student):
    scenario = next(s for key, s in sorted(get_scenarios().items()) if key.startswith(block_type + "."))
    runtime = WorkbenchRuntime(student)
    parent = runtime.get_block(scenario.usage_id)
    return runtime.get_block(parent.children[0])


def download_size(frag, language):
    """Bytes a learner downloads for the block: its HTML and every CSS/JS file of the fragment."""
    raw = frag.body_html().encode("utf-8")
    files = [raw]
    for resource in frag.resources:
        if resource.kind == "url" and "/resource/" in resource.data:
            uri = resource.data.split("/resource/", 1)[1].split("/", 1)[1]
            files.append((ROOT / "static" / uri).read_bytes())  # URIs are relative to static/
    total_raw = sum(len(f) for f in files)
    total_gz = sum(len(gzip.compress(f, 9)) for f in files)
    return total_raw, total_gz, len(files) - 1


INIT_ARGS = re.compile(r'<script type="json/xblock-args"[^>]*>(.*?)</script>', re.S)  # the runtime's wrap_xblock


def on_demand_size(urls):
    """``(raw, gzip)`` bytes of files a page loads later (URLs as the workbench serves them)."""
    files = [(ROOT / "static" / url.split("/resource/", 1)[1].split("/", 1)[1]).read_bytes() for url in urls]
    return sum(len(f) for f in files), sum(len(gzip.compress(f, 9)) for f in files)


def learner_download(render, languages=("en", "fr"), what="", target_kb=15):
    """Print, per language, what a learner downloads for a block (``download_size``): ``render()``
    gives its student_view fragment and is called under each language; ``what`` names the case
    (``"10 questions, "``); the target is ``target_kb`` KB gzip."""
    for language in languages:
        with translation.override(language):
            raw, gz, count = download_size(render(), language)
        line(f"learner download, {what}{language} (HTML + {count} CSS/JS files)",
             f"{raw / 1024:.1f} KB raw, {gz / 1024:.2f} KB gzip   target < {target_kb} KB gzip")


def bench_likert():
    print("emm_likert")
    block = block_for("emm_likert", "bench_learner")
    median, worst = timed(lambda: block.render("student_view", {}), 50)
    line("student_view render (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")

    client = Client()
    usage = block.scope_ids.usage_id
    answers = {s.id: 4 for s in block.load_content().statements}
    counter = iter(range(10**6))

    def submit():
        r = client.post(f"/handler/{usage}/submit/?student=bench_{next(counter)}", data={"answers": answers},
                        content_type="application/json")
        assert r.status_code == 200, r.content

    median, worst = timed(submit, 50)
    line("submit handler over HTTP (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")

    key = str(usage)
    statements = [s.id for s in block.load_content().statements]
    today = timezone.now().date()
    rows, n = [], 100_000
    for i in range(n // len(statements)):
        submission = uuid.uuid4()
        for j, sid in enumerate(statements):
            rows.append(Answer(block_key=key, submission=submission, group=sid, value=str(1 + (i + j) % 5),
                                 day=today))
    Answer.objects.bulk_create(rows, batch_size=5000)
    staff = block_for("emm_likert", "staff_bench")
    median, worst = timed(lambda: views.results_json(staff), 5)
    total = Answer.objects.filter(block_key=key).count()
    line(f"results for {total:,} stored responses (median / max of 5)",
         f"{median:.1f} ms / {worst:.1f} ms   target < 1000 ms")

    learner_download(lambda: block_for("emm_likert", "bench_size").render("student_view", {}))
    for language in ("en", "fr"):
        with translation.override(language):
            html = block_for("emm_likert", "bench_size").render("student_view", {}).body_html()
        files = json.loads(INIT_ARGS.search(html).group(1))["results_files"]
        urls = files["styles"] + files["scripts"]
        raw, gz = on_demand_size(urls)
        line(f"  + on \"Show results\", {language} ({len(urls)} files, not counted above)",
             f"{raw / 1024:.1f} KB raw, {gz / 1024:.1f} KB gzip")
        # the answer itself, for a learner (the demo's results are the learners' too): the panel's
        # HTML the page asks for ("reply": "page"), beside the figures' JSON a script would draw from
        with translation.override(language):
            answer = views.results_json(block_for("emm_likert", "bench_reader"))
        html = json.dumps({"html": answer.pop("html")}).encode()
        figures = json.dumps(answer).encode()
        line(f"  + its answer, {language}: the panel's HTML (the figures' JSON)",
             f"{len(html) / 1024:.1f} KB raw, {len(gzip.compress(html, 9)) / 1024:.1f} KB gzip "
             f"({len(figures) / 1024:.1f} KB raw, {len(gzip.compress(figures, 9)) / 1024:.1f} KB gzip)")


if __name__ == "__main__":
    import importlib

    bench_likert()
    # each other block adds bench/<block>.py with run(block_for, timed, line, learner_download)
    for name in ("case_study", "role_play", "knowledge_check"):
        if (ROOT / "bench" / f"{name}.py").exists():
            importlib.import_module(name).run(block_for, timed, line, learner_download)
