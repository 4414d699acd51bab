"""Figures of the knowledge-check block, run by ``bench/run.py`` (``make bench``): the render of
the first demo (a pre-test of four questions) and the learner's download, shared files included.
No target was set for it; it is held to the Likert block's, < 15 KB gzip.
"""


def run(block_for, timed, line, learner_download):
    print("emm_knowledge_check")
    block = block_for("emm_knowledge_check", "bench_kc_learner")
    median, worst = timed(lambda: block.render("student_view", {}), 50)
    line("student_view render, pre-test (median / max of 50)", f"{median:.2f} ms / {worst:.2f} ms")
    learner_download(lambda: block_for("emm_knowledge_check", "bench_kc_size").render("student_view", {}),
                     what="pre-test, ")
