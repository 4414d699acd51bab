"""Figures of the role-play block, run by ``bench/run.py`` (``make bench``).

Targets: validation and best score of a generated 2,000-node scenario < 50 ms; the debrief's
playable best route (first call) < 50 ms; the learner's download < 15 KB gzip, shared files included.
"""

import gzip
import json
import re
from itertools import count

from django.test import Client

from emm_xblocks.role_play import paths, routes, validation
from emm_xblocks.role_play.content import Choice, Node, Role, Scenario

TOKEN = re.compile(r'data-choice="([0-9a-f]+)"')


def generated(n):
    """2n + 1 nodes, 4n choices: a chain i -> i+1 (1 point) with a side loop i -> l_i -> i and an exit."""
    nodes = []
    for i in range(n):
        nxt = f"n{i + 1}" if i + 1 < n else "end"
        nodes.append(Node(f"n{i}", narrative=f"<p>Step {i}</p>", choices=(
            Choice("Forward", nxt, 1), Choice("Aside", f"l{i}"), Choice("Give up", "end", -1))))
        nodes.append(Node(f"l{i}", narrative=f"<p>Aside {i}</p>", choices=(Choice("Back", f"n{i}"),)))
    nodes.append(Node("end", narrative="<p>The end</p>", ending=True, debrief="<p>Debrief</p>"))
    return Scenario(roles=(Role("r", "Role", "n0"),), nodes=tuple(nodes))


def _post(client, usage, handler, student, data):
    r = client.post(f"/handler/{usage}/{handler}/?student={student}", data=json.dumps(data),
                    content_type="application/json")
    assert r.status_code == 200, r.content
    return r


def run(block_for, timed, line, learner_download):
    print("emm_role_play")
    block = block_for("emm_role_play", "bench_rp_learner")
    median, worst = timed(lambda: block.render("student_view", {}), 50)
    line("student_view render, choosing a role (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")
    role = block.load_content().roles[0]
    block.role, block.path, block.taken, block.attempts = role.id, [role.start], [], 1
    median, worst = timed(lambda: block.render("student_view", {}), 50)
    line("student_view render, mid-play (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")

    client = Client()
    usage = block.scope_ids.usage_id
    learners = count()
    ready = []
    for _ in range(50):  # each timed choice is the first choice of a learner who has just started
        student = f"bench_rp_{next(learners)}"
        html = _post(client, usage, "begin", student, {"role": role.id}).json()["html"]
        ready.append((student, TOKEN.findall(html)[0]))
    todo = iter(ready)
    answers = []

    def choose():
        student, token = next(todo)
        answers.append(_post(client, usage, "choose", student, {"choice": token}).content)

    median, worst = timed(choose, 50)
    line("choose handler over HTTP (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")
    answer = answers[-1]
    line("one choice's answer (JSON with the next panel)",
         f"{len(answer) / 1024:.1f} KB raw, {len(gzip.compress(answer, 9)) / 1024:.1f} KB gzip")

    big = generated(1000)

    def check():
        paths._best_values.cache_clear()  # the figure is the uncached cost (a scenario just edited)
        validation.validate(big, lambda text: text)
        paths.best_score(big, "n0")

    check()  # warm up (imports, first allocations)
    median, worst = timed(check, 20)
    choices = sum(len(n.choices) for n in big.nodes)
    line(f"validate + best score, {len(big.nodes):,} nodes (median / max of 20)",
         f"{median:.1f} ms / {worst:.1f} ms   target < 50 ms ({choices:,} choices)")
    median, _worst = timed(lambda: validation.validate(big, lambda text: text), 20)
    best, _worst = timed(lambda: (paths._best_values.cache_clear(), paths.best_score(big, "n0")), 20)
    line("  of which validate / best score (median)", f"{median:.1f} ms / {best:.1f} ms")

    def gated(n):
        """``n`` nodes: two-way choices in a chain, then a 100-point choice no path can unlock, so the
        debrief's search for a playable best route runs out of budget (its worst case)."""
        last = n - 3
        nodes = [Node(f"g{i}", choices=(Choice("1", f"g{i + 1}" if i + 1 < last else "gate", 1),
                                        Choice("0", f"g{i + 1}" if i + 1 < last else "gate")))
                 for i in range(last)]
        nodes += [Node("gate", choices=(Choice("Rich", "best", 100, min_points=10**6), Choice("Plain", "end"))),
                  Node("best", ending=True), Node("end", ending=True)]
        return Scenario(roles=(Role("r", "Role", "g0"),), nodes=tuple(nodes))

    for name, scen, start in (("chain", big, "n0"), ("best locked", gated(1000), "g0")):
        routes._playable_route.cache_clear()
        routes._best_route.cache_clear()
        first, _worst = timed(lambda s=scen, st=start: routes.playable_best_route(s, st), 1)
        cached, _worst = timed(lambda s=scen, st=start: routes.playable_best_route(s, st), 20)
        line(f"debrief's best route, {len(scen.nodes):,} nodes, {name} (1st / cached)",
             f"{first:.1f} ms / {cached:.1f} ms")

    learner_download(lambda: block_for("emm_role_play", "bench_rp_size").render("student_view", {}))
