"""Speed beside the anchors (issue 7's targets), run by ``make bench-speed`` (``make bench`` runs it too).

It runs in var/bench-venv, a bench-only environment that also holds three published XBlocks as
anchors: xblock-poll, xblock-drag-and-drop-v2 and branching-xblock (never installed into the test
environments). Every block, anchors and ours, goes through the same harness:

* **in-memory store**: XBlock's own ``ToyRuntime`` (fields in a dict key-value store) with the
  workbench's LMS-like ``i18n`` and ``user`` services; our aggregate store (the package's Django
  models) on SQLite ``:memory:``. Timed: ``block.render("student_view")`` and the main learner
  action called as the block's JavaScript calls it, ``runtime.handle(block, name, request)`` (the case
  study's submit asks ``"reply": "page"``, as its page does: decision 61);
* **the workbench's SQLite store**: the workbench's own runtime and database file, the main
  learner action posted with Django's test client to ``/handler/...`` (as bench/run.py does).

Each figure is the median of 200 timings (``time.perf_counter``) after 20 warm-up calls; every
call is made for a new learner on a new block instance (as each request is in the LMS), the
learner's earlier steps (role-play ``start``) untimed, and every answer is checked to be the
success it would be in a browser. Django's DEBUG is off, as in production (the workbench's settings
turn it on, and it logs every SQL query). The in-memory table and the workbench's end with the
case study's submit for the same ten questions without its profile question, then without its
distribution either (``case_variants``): what the results panel's "how others answered" costs it
(on the workbench's store, beside the drop's figure of the same run).
``python bench/speed.py profile [--block emm_case_study]`` profiles one of ours.
"""

import argparse
import copy
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS_DIR = ROOT / "emm_xblocks" / "workbench" / "scenarios"
REPEAT, WARMUP = 200, 20
ALONE_IDS = 100_000  # the learners of the runs of one block alone: numbered after those of the shared run
ANCHOR_PACKAGES = {"poll": "xblock-poll", "drag-and-drop-v2": "xblock-drag-and-drop-v2",
                   "branching_xblock": "branching-xblock"}
# issue 7: in-memory, student_view <= 1 ms; main action <= 1 ms (Likert, role-play), <= 2 ms (10-question case)
RENDER_LIMIT_MS = 1.0
ACTION_LIMIT_MS = {"emm_likert": 1.0, "emm_role_play": 1.0, "emm_case_study": 2.0}
CASE_VARIANTS = "case_study_variants"  # the memory phase's figures of case_variants()


# ------------------------------------------------------------------ the blocks measured
def _words(n):
    return " ".join(["Protection, evidence and partners come first in a transit region."] * (n // 9 + 1))


def _demo(name):
    return (SCENARIOS_DIR / name).read_text(encoding="utf-8")


def ten_question_case():
    """The first demo case with its three questions (single, multiple, reflection) repeated to ten."""
    from lxml import etree

    root = etree.fromstring(_demo("emm_case_study-1-en.xml").encode("utf-8"))
    questions = root.findall("question")
    expert = root.find("expert_analysis")
    for q in questions:
        root.remove(q)
    for i in range(10):
        q = copy.deepcopy(questions[i % len(questions)])
        q.set("id", f"{q.get('id')}-{i}")
        expert.addprevious(q)
    root.set("display_name", "Bench: ten questions")
    return etree.tostring(root, encoding="unicode")


def case_answers(olx):
    """The right answers of a case's OLX, as the learner's page sends them."""
    from lxml import etree

    answers = {}
    for q in etree.fromstring(olx.encode("utf-8")).findall("question"):
        right = [o.get("id") for o in q.findall("option") if o.get("correct") == "true"]
        kind = q.get("type")
        answers[q.get("id")] = (right[0] if kind == "single" else right if kind == "multiple"
                                else _words(int(q.get("min_words") or 0) + 10))
    return answers


def case_variants():
    """``[(label, OLX)]``: the 10-question case as the bench measures it (its demo's profile question
    and distribution), and the same case without the profile question, then without the
    distribution either: what each part of the results panel costs its submit."""
    demo = ten_question_case()
    no_profile = re.sub(r"<profile\b.*?</profile>", "", demo, flags=re.S)
    no_distribution = no_profile.replace('show_distribution="true"', 'show_distribution="false"')
    if not demo != no_profile != no_distribution:
        raise SystemExit("bench/speed.py: the demo case no longer has a profile question and a distribution")
    return [("no distribution", no_distribution), ("distribution of all participants", no_profile),
            ("distribution split by profile (the case above)", demo)]


def likert_answers(olx):
    from lxml import etree

    return {"answers": {item.get("id"): 4 for item in etree.fromstring(olx.encode("utf-8")).findall("item")},
            "comment": "More case studies from the region, please."}


def branching_from_role_play():
    """branching-xblock's scenario built from our role-play demo: the same nodes, texts, choices, points."""
    from lxml import etree

    root = etree.fromstring(_demo("emm_role_play-1-en.xml").encode("utf-8"))
    nodes = {}
    for node in root.findall("node"):
        narrative = node.findtext("narrative") or ""
        nodes[node.get("id")] = {
            "id": node.get("id"), "content": narrative, "media": {"type": "", "url": "", "alt": ""},
            "left_image_url": "", "right_image_url": "", "left_image_alt_text": "", "right_image_alt_text": "",
            "overlay_text": False, "hint": "", "transcript_url": "",
            "choices": [{"text": (c.text or "").strip(), "target_node_id": c.get("goto"),
                         "score": max(0, int(c.get("points") or 0)), "feedback": c.findtext("consequence") or ""}
                        for c in node.findall("choice")],
        }
    start = root.find("role").get("start")
    data = json.dumps({"nodes": nodes, "start_node_id": start})
    return etree.tostring(etree.Element("branching_xblock", scenario_data=data, enable_scoring="true",
                                        display_name="Bench: the role-play demo as a branching scenario"),
                          encoding="unicode")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


class Subject:
    """One block: its OLX, its main learner action and how its page calls it."""

    def __init__(self, key, label, olx, action, data, ok=lambda answer: True, before=None, anchor=False):
        self.key, self.label, self.olx, self.action = key, label, olx, action
        self._data, self.ok, self.before, self.anchor = data, ok, before, anchor

    def request(self, block, call):
        """The action's request data for a new learner; ``call(name, data)`` runs earlier steps."""
        if self.before:
            return self.before(block, call)
        return self._data(block)


def _drop_item(block):
    item = block.data["items"][0]
    zones = item.get("zones") or [item.get("zone")]
    return {"val": item["id"], "zone": zones[0]}


def _role_play_start(block, call):
    """The learner takes the first role (untimed); the action is then the first choice offered."""
    from lxml import etree

    role = etree.fromstring(_demo("emm_role_play-1-en.xml").encode("utf-8")).find("role").get("id")
    status, answer = call("begin", {"role": role})
    assert status == 200, answer
    token = next(m for s in strings_in(answer) for m in re.findall(r'data-choice="([^"]+)"', s))
    return {"choice": token}


def subjects():
    likert = _demo("emm_likert-1-en.xml")
    case = ten_question_case()
    return [
        Subject("poll", "xblock-poll (anchor)", "<poll/>", "vote",
                lambda block: {"choice": block.answers[0][0]}, lambda a: a.get("success") is True, anchor=True),
        Subject("drag-and-drop-v2", "drag-and-drop-v2 (anchor)", "<drag-and-drop-v2/>", "drop_item",
                _drop_item, lambda a: a.get("correct") is True, anchor=True),
        Subject("branching_xblock", "branching-xblock (anchor)", branching_from_role_play(), "select_choice",
                lambda block: {"choice_index": 0}, lambda a: a.get("success") is True, anchor=True),
        Subject("emm_likert", "emm_likert (demo, 8 statements)", likert, "submit",
                lambda block: likert_answers(likert), lambda a: a.get("submitted") is True),
        Subject("emm_case_study", "emm_case_study (10 questions)", case, "submit",
                lambda block: {"answers": case_answers(case), "reply": "page"}, lambda a: a.get("submitted") is True),
        Subject("emm_role_play", "emm_role_play (demo)", _demo("emm_role_play-1-en.xml"), "choose",
                None, lambda a: bool(a.get("html")), before=_role_play_start),
    ]


# ------------------------------------------------------------------ timing
def interleaved(tasks, repeat=REPEAT, warmup=WARMUP):
    """``{key: median ms}`` of ``timed(prepare(i))`` for each ``key: (prepare, timed)``, and
    ``{key: error}`` for a task that fails. The blocks take turns call by call, so a change of
    the machine's load touches them alike; ``prepare`` is not timed."""
    samples, errors = {key: [] for key in tasks}, {}
    gc.collect()
    for i in range(warmup + repeat):
        for key, (prepare, timed) in tasks.items():
            if key in errors:
                continue
            try:
                args = prepare(i)
                start = time.perf_counter()
                timed(args)
                elapsed = time.perf_counter() - start
            except Exception as err:  # a block mid-conversion: print the truth, go on with the others
                errors[key] = f"{type(err).__name__}: {err}"[:160]
                continue
            if i >= warmup:
                samples[key].append(elapsed * 1000)
    return {key: statistics.median(s) for key, s in samples.items() if key not in errors}, errors


def python_calls(task, i):
    """The Python function calls of one ``timed(prepare(i))`` (``cProfile``'s count, ``prepare`` not
    counted): the same on any machine and at any load, a count of the interpreter's work (not of
    C's, the database's or the caches')."""
    import cProfile
    import pstats

    prepare, timed = task
    args = prepare(i)
    profile = cProfile.Profile()
    profile.enable()
    try:
        timed(args)
    finally:
        profile.disable()
    return pstats.Stats(profile).total_calls


def setup_django(db_name):
    os.environ["EMM_WORKBENCH_DB"] = db_name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emm_xblocks.workbench.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # as in production: the workbench's DEBUG logs every SQL query to var/workbench.log

    call_command("migrate", run_syncdb=True, verbosity=0)


# ------------------------------------------------------------------ in-memory store
def memory_runtime_class():
    from xblock.test.toy_runtime import ToyRuntime

    from emm_xblocks.workbench.services import LmsLikeI18nService, LmsLikeUserService

    class MemoryRuntime(ToyRuntime):
        """XBlock's ToyRuntime (a dict key-value store shared by its instances) with the LMS-like
        services every block here is given in the workbench; events are counted, not logged."""

        events = 0

        def __init__(self, user_id):
            super().__init__(user_id=user_id)
            for name, service in (("i18n", LmsLikeI18nService()), ("user", LmsLikeUserService())):
                service.runtime = self
                self._services[name] = service

        def local_resource_url(self, block, uri):
            return f"/resource/{block.scope_ids.block_type}/{uri}"

        def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
            return f"/handler/{block.scope_ids.usage_id}/{handler_name}/{suffix}?student={block.scope_ids.user_id}"

        def publish(self, block, event_type, event_data):
            MemoryRuntime.events += 1

        def applicable_aside_types(self, block):
            """No asides: XBlock's default reads every installed package's entry points on each
            render (the same few ms for every block, none of it the block's)."""
            return []

    return MemoryRuntime


def post(data):
    from webob import Request

    return Request.blank("/", method="POST", body=json.dumps(data).encode("utf-8"),
                         content_type="application/json")


def answer_of(response):
    try:
        return json.loads(response.body)
    except ValueError:
        return {"body": response.body[:200].decode("utf-8", "replace")}


def sql_statements(task, i):
    """The SQL statements one ``timed(prepare(i))`` sends through Django's cursors (``prepare`` not
    counted; a transaction's ``BEGIN`` and ``COMMIT`` are not among them): on the in-memory store, ours are those of
    the aggregate store; an anchor that keeps everything in XBlock fields sends none (in the LMS
    its fields are rows too: ``lms/djangoapps/courseware/model_data.py``)."""
    from django.db import connection

    count = 0

    def counting(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    prepare, timed = task
    args = prepare(i)
    with connection.execute_wrapper(counting):
        timed(args)
    return count


def memory_phase(repeat):
    setup_django(":memory:")
    runtime_class = memory_runtime_class()
    results, renders, actions, answers = {}, {}, {}, {}
    for subject in subjects():
        try:
            usage = runtime_class(None).parse_xml_string(subject.olx)
        except Exception as err:
            results[subject.key] = {"error": f"{type(err).__name__}: {err}"[:160]}
            continue

        def fresh(prefix, i, key=subject.key, usage=usage):
            runtime = runtime_class(f"{prefix}_{key}_{i}")
            return runtime, runtime.get_block(usage)

        def prepare_action(i, subject=subject, usage=usage, fresh=fresh):
            runtime, block = fresh("act", i)

            def call(name, data):
                response = runtime.handle(block, name, post(data))
                return response.status_code, answer_of(response)

            data = subject.request(block, call)
            return runtime, runtime.get_block(usage), post(data)  # a new request: a new block instance

        kept = answers[subject.key] = []

        def act(args, subject=subject, kept=kept):
            runtime, block, request = args
            kept.append(runtime.handle(block, subject.action, request))

        renders[subject.key] = (lambda i, fresh=fresh: fresh("render", i)[1],
                                lambda block: block.render("student_view", {}))
        actions[subject.key] = (prepare_action, act)

    render, render_errors = interleaved(renders, repeat)
    action, action_errors = interleaved(actions, repeat)
    alone = {}
    for key in render.keys() & action.keys():  # then each block by itself: its figures with warm caches
        fresh_ids = {kind: (lambda i, prepare=task[0]: prepare(ALONE_IDS + i), task[1])
                     for kind, task in (("render", renders[key]), ("action", actions[key]))}
        alone[key] = {f"{kind}_alone": interleaved({key: task}, repeat)[0].get(key)
                      for kind, task in fresh_ids.items()}
        alone[key].update({f"{kind}_calls": python_calls(task, 2 * ALONE_IDS)
                           for kind, task in (("render", renders[key]), ("action", actions[key]))})
        alone[key]["action_statements"] = sql_statements(actions[key], 2 * ALONE_IDS + 1)
    for s in subjects():
        if s.key in results:
            continue
        bad = [r for r in answers[s.key] if r.status_code != 200 or not s.ok(answer_of(r))]
        error = render_errors.get(s.key) or action_errors.get(s.key) or (
            f"{len(bad)} failed answers, e.g. {bad[0].status_code} {answer_of(bad[0])}"[:160] if bad else None)
        results[s.key] = {"error": error} if error else {"render": render[s.key], "action": action[s.key],
                                                         **alone.get(s.key, {})}
    results[CASE_VARIANTS] = case_variant_figures(runtime_class, repeat)
    return results


def case_variant_figures(runtime_class, repeat):
    """``{label: {"action", "calls"} or {"error"}}``: the case study's submit for each of
    ``case_variants``, the variants taking turns call by call, a new learner per call."""
    tasks, kept = {}, {}
    for n, (label, olx) in enumerate(case_variants()):
        usage, answers, out = runtime_class(None).parse_xml_string(olx), case_answers(olx), []
        kept[label] = out

        def prepare(i, usage=usage, n=n, answers=answers):
            return runtime_class(f"variant{n}_{i}").get_block(usage), post({"answers": answers, "reply": "page"})

        def act(args, out=out):
            block, request = args
            out.append(block.runtime.handle(block, "submit", request))

        tasks[label] = (prepare, act)
    figures, errors = interleaved(tasks, repeat)
    out = {}
    for label, task in tasks.items():
        bad = [r for r in kept[label] if r.status_code != 200 or answer_of(r).get("submitted") is not True]
        error = errors.get(label) or (f"{len(bad)} failed answers" if bad else None)
        out[label] = {"error": error} if error else {"action": figures[label],
                                                     "calls": python_calls(task, ALONE_IDS)}
    return out


# ------------------------------------------------------------------ the workbench's SQLite store
def workbench_phase(repeat, sdk_store=False):
    """``sdk_store``: on xblock-sdk's own key-value store, which reads a block's row again for every
    field (``workbench/runtime.py``), instead of the workbench's field data of decision 57."""
    db = ROOT / "var" / "bench" / "speed.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.unlink(missing_ok=True)
    setup_django(str(db))
    if sdk_store:
        from django.conf import settings

        settings.WORKBENCH["services"].pop("field-data", None)  # WorkbenchRuntime's own then
    from django.test import Client
    from workbench.runtime import WorkbenchRuntime
    from workbench.scenarios import SCENARIOS, add_xml_scenario

    client = Client()
    results, actions, answers = {}, {}, {}

    def place(name, olx):
        """The usage id of ``olx`` put in a workbench scenario ``name``."""
        add_xml_scenario(name, f"Speed {name}", f"<vertical_demo>{olx}</vertical_demo>")
        return WorkbenchRuntime("bench").get_block(SCENARIOS[name].usage_id).children[0]

    def task(key, usage, handler, request):
        """``(prepare, timed)`` of ``handler`` for a new learner; ``request(block, call)`` its data."""

        def prepare_action(i):
            student = f"speed_{key}_{i}"

            def call(name, data):
                r = client.post(f"/handler/{usage}/{name}/?student={student}", data=json.dumps(data),
                                content_type="application/json")
                return r.status_code, json.loads(r.content)

            block = WorkbenchRuntime(student).get_block(usage)
            return f"/handler/{usage}/{handler}/?student={student}", json.dumps(request(block, call))

        kept = answers[key] = []

        def act(args):
            url, body = args
            kept.append(client.post(url, data=body, content_type="application/json"))

        return prepare_action, act

    for subject in subjects():
        try:
            usage = place(f"speed-{subject.key}", subject.olx)
        except Exception as err:
            results[subject.key] = {"error": f"{type(err).__name__}: {err}"[:160]}
            continue
        actions[subject.key] = task(subject.key, usage, subject.action, subject.request)
    # the case study's submit by what the case keeps and shows, in the same run as the drop
    variant_keys = {}
    for n, (label, olx) in enumerate(case_variants()):
        answers_of = case_answers(olx)
        variant_keys[label] = key = f"case-variant-{n}"
        actions[key] = task(key, place(f"speed-{key}", olx), "submit",
                            lambda block, call, a=answers_of: {"answers": a, "reply": "page"})

    action, errors = interleaved(actions, repeat)
    for s in subjects():
        if s.key in results:
            continue
        bad = [r for r in answers[s.key] if r.status_code != 200 or not s.ok(json.loads(r.content))]
        error = errors.get(s.key) or (
            f"{len(bad)} failed answers, e.g. {bad[0].status_code} {bad[0].content[:120]}" if bad else None)
        results[s.key] = {"error": error} if error else {"action": action[s.key],
                                                         **store_calls(actions[s.key], ALONE_IDS)}
    variants = results[CASE_VARIANTS] = {}
    for label, key in variant_keys.items():
        bad = [r for r in answers[key] if r.status_code != 200 or json.loads(r.content).get("submitted") is not True]
        error = errors.get(key) or (f"{len(bad)} failed answers" if bad else None)
        variants[label] = {"error": error} if error else {"action": action[key]}
    return results


def store_calls(task, i):
    """``{"reads", "writes"}``: the statements on the workbench's learner-state table
    (``workbench_xblockstate``, ``workbench/models.py``) of one ``timed(prepare(i))``, counted after
    the timed runs (``prepare`` not counted): each read a ``SELECT``, each write an ``INSERT`` or
    ``UPDATE``. The workbench's field data (``emm_xblocks/workbench/field_data.py``, decision 57)
    reads a row once per request, makes none by reading and writes it once per save, as the LMS
    does; xblock-sdk's own store reads the row for every field and makes it at the first read."""
    from django.db import connection

    counts = {"reads": 0, "writes": 0}

    def counting(execute, sql, params, many, context):
        if "workbench_xblockstate" in sql:
            verb = sql.lstrip().split(None, 1)[0].upper()
            if verb == "SELECT":
                counts["reads"] += 1
            elif verb in ("INSERT", "UPDATE"):
                counts["writes"] += 1
        return execute(sql, params, many, context)

    prepare, timed = task
    args = prepare(i)
    with connection.execute_wrapper(counting):
        timed(args)
    return counts


# ------------------------------------------------------------------ the tables
def _ms(value):
    return f"{value:6.2f}" if value is not None else "   n/a"


def verdicts(subject, figures, fastest):
    """(target text, verdict) for one of our blocks."""
    misses = []
    render, action = figures.get("render"), figures.get("action")
    limit = ACTION_LIMIT_MS[subject.key]
    target = (f"render <= {RENDER_LIMIT_MS:g} & <= {fastest['render'][1]:.2f} ({fastest['render'][0]}); "
              f"action <= {limit:g} & <= {fastest['action'][1]:.2f} ({fastest['action'][0]})")
    if render is None or action is None:
        return target, "misses: " + figures.get("error", "no figure")
    if render > RENDER_LIMIT_MS:
        misses.append(f"render > {RENDER_LIMIT_MS:g} ms")
    if render > fastest["render"][1]:
        misses.append(f"render slower than {fastest['render'][0]}")
    if action > limit:
        misses.append(f"action > {limit:g} ms")
    if action > fastest["action"][1]:
        misses.append(f"action slower than {fastest['action'][0]}")
    return target, "meets" if not misses else "misses: " + ", ".join(misses)


def _package(key):
    try:
        return version(ANCHOR_PACKAGES.get(key, "emm-xblocks"))
    except PackageNotFoundError:
        return "?"


def print_memory_table(results, repeat):
    subs = subjects()
    anchors = [s for s in subs if s.anchor and "render" in results.get(s.key, {})]
    fastest = {kind: min(((s.key, results[s.key][kind]) for s in anchors), key=lambda p: p[1], default=("-", 0.0))
               for kind in ("render", "action")}
    print(f"In-memory store, ms (median of {repeat} after {WARMUP} warm-up calls, a new learner and block instance "
          "per call)")
    print("  'in-memory': XBlock fields in XBlock's ToyRuntime dict store (no database); our aggregate store")
    print("  (emm_xblocks.models: the Likert rows, attempt claims, case-study distribution) on SQLite ':memory:'.")
    print("  No asides; Django DEBUG off (as in production) in both tables. 'render' and 'action': the blocks")
    print("  taking turns call by call (the verdict's figures); 'alone': then each block by itself, its code and")
    print("  data still in the CPU's caches from its call before (docs/decisions/0047).")
    print(f"  {'block':<34} {'version':<8} {'render':>7} {'action':>7} {'alone:':>7} {'render':>6} {'action':>6}"
          f"  {'(handler)':<14} target / verdict")
    for s in subs:
        figures = results.get(s.key, {})
        head = (f"  {s.label:<34} {_package(s.key):<8} {_ms(figures.get('render'))} "
                f"{_ms(figures.get('action'))} {'':>7}{_ms(figures.get('render_alone'))}"
                f"{_ms(figures.get('action_alone'))}   {s.action:<14}")
        if s.anchor:
            print(head + (" anchor" if "error" not in figures else " " + figures["error"]))
        else:
            target, verdict = verdicts(s, figures, fastest)
            print(head + f" {verdict}\n  {'':<34} {'':<8} {'':>7} {'':>7} {'':>7} {'':>6} {'':>6}   {'':<14} "
                  f"target: {target}")
    print("  Python function calls of one render and one action (cProfile's count, after the runs above: the")
    print("  same on any machine and load; the interpreter's work, not C's, the database's or the caches'),")
    print("  and the SQL statements of one action (BEGIN and COMMIT not counted; the anchors keep all in")
    print("  XBlock fields, here a dict: in the LMS those are database rows too):")
    print(f"  {'':<34} {'render':>7} {'action':>7} {'SQL':>5}")
    for s in subs:
        figures = results.get(s.key, {})
        if "action_calls" in figures:
            print(f"  {s.label:<34} {figures['render_calls']:>7,} {figures['action_calls']:>7,}"
                  f" {figures.get('action_statements', 0):>5}")
    print_variants(results, ("the same 10 questions, the",
                             "three cases taking turns call by call (ms, median; Python function calls):"),
                   lambda figures: f"{figures['calls']:>7,}")


def print_variants(results, heading, extra):
    """The case study's submit for each of ``case_variants`` (``results[CASE_VARIANTS]``), if
    measured: ``heading``'s two lines, then a line per variant, its ms and ``extra(figures)``."""
    variants = results.get(CASE_VARIANTS)
    if not variants:
        return
    print(f"  emm_case_study's submit by what the case keeps and shows after it: {heading[0]}")
    print(f"  {heading[1]}")
    for label, figures in variants.items():
        if "error" in figures:
            print(f"    {label:<48} {figures['error']}")
        else:
            print(f"    {label:<48} {_ms(figures['action'])} {extra(figures)}")


def print_workbench_table(results, repeat, sdk_store=False):
    dnd = results.get("drag-and-drop-v2", {}).get("action")
    store = ("xblock-sdk's own store, a read of the row per field" if sdk_store
             else "each row read once per request, as the LMS reads it (decision 57)")
    print(f"Workbench SQLite store ({store}),")
    print(f"  main learner action over HTTP (Django test client), ms, median of {repeat};")
    print("  its statements on the block-state table, reads (SELECT) and writes (INSERT, UPDATE), for a new")
    print("  learner, counted after the runs:")
    print(f"  {'block':<34} {'action':>7} {'reads':>6} {'writes':>6}  {'(handler)':<14} target / verdict")
    for s in subjects():
        figures = results.get(s.key, {})
        action = figures.get("action")
        head = (f"  {s.label:<34} {_ms(action)} {figures.get('reads', ''):>6} {figures.get('writes', ''):>6}"
                f"   {s.action:<14}")
        if "error" in figures:
            print(head + " " + ("" if s.anchor else "misses: ") + figures["error"])
        elif s.anchor:
            print(head + " anchor")
        elif dnd is None:
            print(head + " no drag-and-drop figure to compare with")
        else:
            verdict = "meets" if action <= dnd else "misses"
            print(head + f" {verdict} (target <= drag-and-drop-v2's {dnd:.2f})")
    print_variants(results, ("the same 10 questions,", "in the same run, taking turns with the blocks above "
                                                      "(ms, median; times the drop's):"),
                   lambda figures: f"{figures['action'] / dnd:5.2f}x" if dnd else "")


def machine_note():
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"Machine: {os.cpu_count()} CPUs, load average {load} (1/5/15 min), Python {sys.version.split()[0]}, "
            f"XBlock {_package_version('XBlock')}, Django {_package_version('Django')}. Timings on a shared, loaded "
            "machine vary by tens of per cent between runs: compare rows of one run, not runs.")


def _package_version(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


# ------------------------------------------------------------------ profile
def profile_block(key, repeat):
    """Where one of our blocks' render and main action spend their time, on the in-memory store."""
    import cProfile
    import pstats

    setup_django(":memory:")
    runtime_class = memory_runtime_class()
    subject = next(s for s in subjects() if s.key == key)
    usage = runtime_class(None).parse_xml_string(subject.olx)

    def learner(name, i):
        runtime = runtime_class(f"profile_{name}_{i}")
        block = runtime.get_block(usage)

        def call(handler, data):
            response = runtime.handle(block, handler, post(data))
            return response.status_code, answer_of(response)

        return runtime, block, call

    for i in range(20):  # warm-up
        runtime, block, call = learner("warm", i)
        block.render("student_view", {})
        call(subject.action, subject.request(block, call))
    renders = [learner("render", i)[1] for i in range(repeat)]
    actions = []
    for i in range(repeat):
        runtime, block, call = learner("action", i)
        actions.append((runtime.get_block(usage), post(subject.request(block, call))))
    for name, run in (("student_view", lambda: [b.render("student_view", {}) for b in renders]),
                      (subject.action, lambda: [b.runtime.handle(b, subject.action, r) for b, r in actions])):
        profiler = cProfile.Profile()
        profiler.enable()
        run()
        profiler.disable()
        print(f"\n=== {key} {name}: {repeat} calls, top by cumulative time ===")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        print(f"=== {key} {name}: top by own time ===")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


# ------------------------------------------------------------------ main
def _child(phase, repeat):
    out = subprocess.run([sys.executable, __file__, phase, "--json", "--repeat", str(repeat)],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"bench/speed.py {phase} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phase", nargs="?", default="all",
                        choices=["all", "memory", "workbench", "workbench-sdk", "profile"])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (one phase)")
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--block", default="emm_likert", choices=list(ACTION_LIMIT_MS), help="for profile")
    args = parser.parse_args()
    if args.phase == "profile":
        profile_block(args.block, args.repeat)
        return
    sdk = args.phase == "workbench-sdk"
    if args.phase in ("memory", "workbench", "workbench-sdk"):
        results = memory_phase(args.repeat) if args.phase == "memory" else workbench_phase(args.repeat, sdk)
        if args.json:
            print(json.dumps(results))
        elif args.phase == "memory":
            print_memory_table(results, args.repeat)
        else:
            print_workbench_table(results, args.repeat, sdk)
        return
    # each phase in its own process: the two stores are two Django database settings
    memory = _child("memory", args.repeat)
    workbench = _child("workbench", args.repeat)
    workbench_sdk = _child("workbench-sdk", args.repeat)
    print("Speed beside the anchors (issue 7)")
    print_memory_table(memory, args.repeat)
    print()
    print_workbench_table(workbench, args.repeat)
    print()
    print_workbench_table(workbench_sdk, args.repeat, sdk_store=True)
    print(machine_note())


if __name__ == "__main__":
    main()
