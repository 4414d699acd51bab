"""``make bench`` figures of the case-study block (called by bench/run.py).

Render and submit times on the first demo case, then the same and the learner's download for a
constructed case of 10 questions (4 single choice, 4 multiple choice, 2 written reflections),
a narrative, key facts, two documents and an image. Target: download < 20 KB gzip, shared files
included, images not counted (they are not part of the fragment: the page loads them lazily).
"""

import gzip
import itertools

from django.test import Client
from workbench.runtime import WorkbenchRuntime
from workbench.scenarios import SCENARIOS, add_xml_scenario

BLOCK_TYPE = "emm_case_study"
SENTENCE = "A group of migrants arrives at the transit centre in Agadez after several days on the road. "
REFLECTION_ANSWER = " ".join(["Protection comes first: identify, refer and respect non-refoulement."] * 4)


def _question(i):
    kind = "single" if i < 4 else "multiple" if i < 8 else "reflection"
    prompt = f"<![CDATA[<p>Question {i + 1}: {SENTENCE * 2}What should the officials do first?</p>]]>"
    if kind == "reflection":
        points = "".join(f'<key_point id="k{j}">Key point {j} of the expert answer</key_point>' for j in range(4))
        return (f'<question id="q{i}" type="reflection" points="3" min_words="20" max_words="300">'
                f"<prompt>{prompt}</prompt><model_answer><![CDATA[<p>{SENTENCE * 4}</p>]]></model_answer>"
                f"{points}<explanation><![CDATA[<p>{SENTENCE}</p>]]></explanation></question>")
    correct = ' correct="true"'
    options = "".join(
        f'<option id="o{j}"{correct if j == 0 or (kind == "multiple" and j == 1) else ""}>'
        f"Option {j}: register the group and refer the people in need<feedback>{SENTENCE}</feedback></option>"
        for j in range(4))
    return (f'<question id="q{i}" type="{kind}" points="2"><prompt>{prompt}</prompt>{options}'
            f"<explanation><![CDATA[<p>{SENTENCE * 2}</p>]]></explanation></question>")


def ten_question_case():
    facts = "".join(f"<fact>Key fact {i}: {SENTENCE}</fact>" for i in range(4))
    return (
        '<emm_case_study display_name="Bench: ten questions" attempts_allowed="0" show_answers="submitted" '
        'topic="Developing efficient and sustainable migration policies" estimated_minutes="40">'
        f"<narrative><![CDATA[{''.join(f'<p>{SENTENCE * 3}</p>' for _ in range(5))}]]></narrative>"
        f"<key_facts>{facts}</key_facts>"
        f'<document size="4 KB">Excerpt of the law<excerpt><![CDATA[<p>{SENTENCE * 10}</p>]]></excerpt></document>'
        '<document href="https://emm.iom.int" size="web page">EMM2.0 handbook (IOM)</document>'
        '<image src="/static/agadez.jpg" alt="The bus station in Agadez">Agadez</image>'
        f"{''.join(_question(i) for i in range(10))}"
        f"<expert_analysis><![CDATA[<p>{SENTENCE * 6}</p>]]></expert_analysis></emm_case_study>"
    )


def answers_for(block):
    answers = {}
    for q in block.load_content().questions:
        answers[q.id] = ("o0" if q.kind == "single" else ["o0", "o2"] if q.kind == "multiple"
                         else REFLECTION_ANSWER)
    return answers


def _post_submit(client, usage, student, answers, reply="page"):
    """A submit as the page sends it (``"reply": "page"``: only what its script reads), or with
    ``reply="full"`` as the mobile apps and scripts get it; the answer's bytes."""
    r = client.post(f"/handler/{usage}/submit/?student={student}", data={"answers": answers, "reply": reply},
                    content_type="application/json")
    assert r.status_code == 200, r.content
    return r.content


def _timed_submit(timed, usage, answers, prefix):
    client, counter = Client(), itertools.count()
    return timed(lambda: _post_submit(client, usage, f"{prefix}_{next(counter)}", answers), 50)


def run(block_for, timed, line, learner_download):
    print(BLOCK_TYPE)
    demo = block_for(BLOCK_TYPE, "bench_case_learner")
    median, worst = timed(lambda: demo.render("student_view", {}), 50)
    line("student_view render, demo case (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")
    demo_answers = {"smuggling": "smuggling", "still_apply": ["nonrefoulement"],
                    "policy": " ".join(["Evidence, partners and protection."] * 12)}
    median, worst = _timed_submit(timed, demo.scope_ids.usage_id, demo_answers, "bench_case_demo")
    line("submit handler over HTTP, demo case (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")

    name = "bench-case-10"
    add_xml_scenario(name, "Bench: ten questions", f"<vertical_demo>{ten_question_case()}</vertical_demo>")

    def block(student):
        runtime = WorkbenchRuntime(student)
        return runtime.get_block(runtime.get_block(SCENARIOS[name].usage_id).children[0])

    big = block("bench_case_big")
    assert len(big.load_content().questions) == 10
    median, worst = timed(lambda: big.render("student_view", {}), 50)
    line("student_view render, 10 questions (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")
    median, worst = _timed_submit(timed, big.scope_ids.usage_id, answers_for(big), "bench_case_big")
    line("submit handler over HTTP, 10 questions (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")
    client = Client()
    for reply, label in (("page", "to the page"), ("full", "whole, to the apps and scripts")):
        answer = _post_submit(client, big.scope_ids.usage_id, f"bench_case_reply_{reply}", answers_for(big), reply)
        line(f"a submit's answer {label} (JSON with the results panel)",
             f"{len(answer) / 1024:.1f} KB raw, {len(gzip.compress(answer, 9)) / 1024:.1f} KB gzip")

    learner_download(lambda: block("bench_case_size").render("student_view", {}), ("en", "fr", "ar"),
                     "10 questions, ", target_kb=20)
