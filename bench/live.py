"""The live room's cost (printed, not asserted): a room of 30 participants and one projector, each
polling the open screen every 4 s, as the page does (``POLL_MS`` in static/js/emm-present.js; the
bench said 5 s, and so did docs/live-room.md: bug hunt s44), while the participants answer.

Through the whole workbench stack (Django's test client: URL routing, middleware, the runtime, the
handler, the database), in one process, on a throw-away SQLite database under var/bench/. The
load is harsher than the room's: every one of the 31 pollers polls like the projector (course
staff, the screen's figures with their ETag), and the participants' answers (a role and a choice
each, the role-play's own handlers) are sent in the same rounds. CPU time is the process's
(``time.process_time``), so the test client's own work counts too: an upper bound of the server's.
The issue's target: at most 5% of one core.
"""

import json
import re
import time

from benchkit import line, workbench_db

workbench_db("live")

from django.test import Client  # noqa: E402
from workbench.runtime import WorkbenchRuntime  # noqa: E402
from workbench.scenarios import get_scenarios  # noqa: E402

PARTICIPANTS = 30
PERIOD_S = 4  # the page's POLL_MS (static/js/emm-present.js), in seconds
ROUNDS = 120 // PERIOD_S  # 2 minutes of a session
ITEM = "po-arrival"  # the demo role-play's first decision
LABELS = ["Speak with her apart", "Question her in front", "Register her with the adults"]


def main():
    scenario = next(s for key, s in sorted(get_scenarios().items()) if key.startswith("emm_role_play."))
    usage = WorkbenchRuntime("setup").get_block(scenario.usage_id).children[0]
    client = Client()

    def url(handler, student, query=""):
        return f"/handler/{usage}/{handler}/?student={student}" + (f"&{query}" if query else "")

    def post(handler, student, data):
        r = client.post(url(handler, student), data=json.dumps(data), content_type="application/json")
        assert r.status_code == 200, r.content
        return r.json()

    post("live_session", "staff_facilitator", {"action": "start"})
    tags = {}  # poller -> the ETag of the figures it holds
    statuses = {200: 0, 304: 0}
    sizes = []
    poll_cpu = answer_cpu = 0.0
    answered = 0
    per_round = -(-PARTICIPANTS // 6)  # the room answers within the first 6 rounds (24 s)
    for _ in range(ROUNDS):
        start = time.process_time()
        for i in range(min(per_round, PARTICIPANTS - answered)):
            learner = f"bench_p{answered}"
            html = post("begin", learner, {"role": "officer"})["html"]
            tokens = re.findall(r'data-choice="([0-9a-f]+)"', html)
            post("choose", learner, {"choice": tokens[(answered + i) % len(LABELS)]})
            answered += 1
        answer_cpu += time.process_time() - start
        start = time.process_time()
        for poller in range(PARTICIPANTS + 1):
            headers = {"HTTP_IF_NONE_MATCH": tags[poller]} if poller in tags else {}
            r = client.get(url("live_poll", f"staff_p{poller}", f"item={ITEM}"), **headers)
            statuses[r.status_code] += 1
            if r.status_code == 200:
                tags[poller] = r["ETag"]
                sizes.append(len(r.content))
        poll_cpu += time.process_time() - start

    seconds = ROUNDS * PERIOD_S
    polls = ROUNDS * (PARTICIPANTS + 1)
    print(f"live room (30 participants + 1 projector, a poll every {PERIOD_S} s each, 2 minutes)")
    line("polls answered 200 / 304", f"{statuses[200]} / {statuses[304]}")
    line("poll body (largest)", f"{max(sizes)} bytes")
    line("CPU per poll (mean)", f"{1000 * poll_cpu / polls:.2f} ms")
    line("polling: share of one core", f"{100 * poll_cpu / seconds:.2f} %   target <= 5 %")
    line(f"polling + {answered} answers (role + choice each): share of one core",
         f"{100 * (poll_cpu + answer_cpu) / seconds:.2f} %")


if __name__ == "__main__":
    main()
