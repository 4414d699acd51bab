"""Issue 11 §3: the workbench's three-day demo course (``workbench/scenarios/course/``) and
``scripts/fill_demo.py`` (``make demo-data``), which fills it with 40 simulated participants
through the workbench's handler URLs.

The script runs as ``make demo-data`` runs it, in its own process, on a fresh workbench database in
a temporary folder; then the course page is read as course staff through the workbench's scenario
view (Django's test client, in another process on the same database), and the report's figures
are compared with what the script says it sent (``--record``): 40 respondents in each day's
evaluation, 40 learners linked in the knowledge-check pair, the mean pre- and post-test scores and
the headline computed from those answers.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from emm_xblocks.common.numbers import percent
from emm_xblocks.workbench.scenarios import compose, courses, load

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "emm_xblocks" / "workbench" / "scenarios"
# the course page, as the workbench's scenario view serves it to a student id (workbench/views.py)
RENDER = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emm_xblocks.workbench.settings")
import django
django.setup()
from django.test import Client
response = Client().get(f"/scenario/{sys.argv[1]}/?student={sys.argv[2]}&lang=en")
assert response.status_code == 200, response.status_code
sys.stdout.write(response.content.decode("utf-8"))
"""


def run(args, folder, **kwargs):
    env = {**os.environ, "EMM_WORKBENCH_DB": str(folder / "workbench.db"), "PYTHONPATH": str(ROOT)}
    env.pop("EMM_DB", None)  # the demo is SQLite, as `make run`
    return subprocess.run([sys.executable, *args], cwd=folder, env=env, capture_output=True, text=True, **kwargs)


def page(folder, scenario, student):
    result = run(["-c", RENDER, scenario, student], folder)
    assert result.returncode == 0, result.stderr[-3000:]
    return lxml.html.fromstring(result.stdout)


def text(element):
    return " ".join(element.text_content().split())


def rows(root, attribute):
    [table] = root.xpath(f"//table[@{attribute}]")
    return [[text(cell) for cell in row.xpath("./th|./td")] for row in table.xpath("./tbody/tr")]


def correct_options(path):
    """``{question id: set of correct option ids}`` of a knowledge-check scenario file."""
    check = etree.parse(str(path)).getroot()
    return {q.get("id"): {o.get("id") for o in q.iter("option") if o.get("correct") == "true"}
            for q in check.iter("question")}


def percent_right(answers, key):
    """A submission's score in percent (every question of the demo: 1 point, all or nothing)."""
    right = sum(1 for qid, chosen in answers.items()
                if set(chosen if isinstance(chosen, list) else [chosen]) == key[qid])
    return 100 * right / len(key)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    result = run([str(ROOT / "scripts" / "fill_demo.py"), "--record", "sent.json"], folder)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    record = json.loads((folder / "sent.json").read_text(encoding="utf-8"))
    return folder, result.stdout, record


def test_the_demo_course_is_one_page_made_of_the_demos():
    [(title_en, xml_en), (title_fr, _xml_fr)] = courses()
    assert "three days" in title_en and "trois jours" in title_fr
    page_ = etree.fromstring(xml_en)
    assert [e.tag for e in page_] == [
        "html_demo", "emm_knowledge_check", "emm_likert",  # day 1: the pre-test, the day's evaluation
        "html_demo", "emm_likert",  # day 2
        "html_demo", "emm_knowledge_check", "emm_likert",  # day 3: the post-test, the end-of-training evaluation
        "html_demo", "emm_evaluation_report"]
    pre, post = page_.findall("emm_knowledge_check")
    assert (pre.get("phase"), post.get("phase")) == ("pre", "post")
    # the include's attributes replace the demo's: the course has its own pair key, so the
    # knowledge-check demos on their own pages stay a pair of their own
    assert pre.get("pair") == post.get("pair") == "niger-course-en"
    assert etree.parse(str(SCENARIOS / "emm_knowledge_check-1-en-pre.xml")).getroot().get("pair") == "emm-niger-en"
    assert [q.get("id") for q in pre.iter("question")] == list(correct_options(
        SCENARIOS / "emm_knowledge_check-1-en-pre.xml"))
    days = [e.get("display_name") for e in page_.findall("emm_likert")]
    assert days == ["Day 1 — evaluation of the day", "Day 2 — evaluation of the day",
                    "Day 3 — end-of-training evaluation"]
    # the report's own demos come first, so the browser tests' scenario ids stay
    assert [t for t, _x in load("emm_evaluation_report")][0] == "EMM2.0 national training, Niger: evaluation report"


def test_an_include_must_name_a_file_of_the_scenarios():
    with pytest.raises(ValueError, match="inside workbench/scenarios"):
        compose('<course display_name="x"><section title="a"><include file="../../models.py"/></section></course>')


def test_forty_participants_fill_the_report_with_real_figures(filled):
    folder, output, record = filled
    assert "40 participants in emm_evaluation_report.2: 200 answers filed, 0 already there, 0 refused" in output
    submissions = record["submissions"]
    assert len(submissions) == 200 and {s["status"] for s in submissions} == {200}
    assert len({s["student"] for s in submissions}) == 40

    staff = page(folder, record["scenario"], "staff_1")
    # every day's evaluation: 40 respondents
    evaluations = rows(staff, "data-summary-evaluations")
    assert [(name, n) for name, n, _favourable in evaluations] == [
        ("Day 1 — evaluation of the day", "40"), ("Day 2 — evaluation of the day", "40"),
        ("Day 3 — end-of-training evaluation", "40")]
    # the knowledge-check pair: 40 linked learners, the mean scores of what was sent
    key = correct_options(SCENARIOS / "emm_knowledge_check-1-en-pre.xml")
    roles = record["roles"]
    mean = {phase: sum(percent_right(s["data"]["answers"], key) for s in submissions
                       if roles[s["usage_id"]] == phase) / 40 for phase in ("pre", "post")}
    [pair] = rows(staff, "data-summary-pairs")
    # named by its two tests, as a ministry reading the summary knows them, not by its key
    assert pair[:4] == ["Day 1 – what do you know? (pre-test) · Day 3 – what have you learned? (post-test)", "40",
                        percent(mean["pre"], "en", 0), percent(mean["post"], "en", 0)]
    assert mean["post"] > mean["pre"]  # the simulated training teaches something
    # the headline: the end-of-training evaluation's "relevance", top box over its answers (N/A apart)
    [day3] = [s["usage_id"] for s in submissions if roles[s["usage_id"]] == "evaluation"][-1:]
    relevance = [s["data"]["answers"].get("relevance") for s in submissions if s["usage_id"] == day3]
    answered = [v for v in relevance if v not in (None, "na")]
    top = percent(100 * sum(1 for v in answered if v == 5) / len(answered), "en", 0)
    [headline] = staff.xpath("//*[@data-headline]")
    assert text(headline).startswith(f"{top} strongly agreed that “The knowledge and skills acquired")
    assert text(headline).endswith(f"Based on {len(answered)} answers.")
    # a participant sees the course, and nothing of the report
    learner = page(folder, record["scenario"], "participant_01")
    assert learner.xpath("//*[contains(@class, 'emm-kc')]") and not learner.xpath("//*[@data-headline]")


def test_the_day_evaluations_figures_by_profile_show_the_big_groups_and_withhold_the_small(filled):
    """Issue 11 "Who answered": each participant keeps one profile through the training; the
    report breaks each day evaluation down by it, the groups under the minimum size (5) withheld."""
    folder, _output, record = filled
    submissions = record["submissions"]
    days = list(dict.fromkeys(s["usage_id"] for s in submissions if "profile" in s["data"]))
    assert len(days) == 2  # the day 1 and day 2 evaluations ask it; the end-of-training one does not
    profile_of = {}
    for s in submissions:
        if s["usage_id"] in days:
            assert profile_of.setdefault(s["student"], s["data"].get("profile")) == s["data"].get("profile")
    counts = {key: sum(1 for p in profile_of.values() if p == key) for key in ("gov", "cso", "io", "other", None)}
    assert counts["gov"] >= 5 and counts["cso"] >= 5 and sum(counts.values()) == 40

    staff = page(folder, record["scenario"], "staff_1")
    tables = staff.xpath("//table[@data-profiles]")
    assert len(tables) == 2
    for usage_id, table in zip(days, tables, strict=True):
        heads = [text(th) for th in table.xpath("./thead/tr/th")][1:]
        assert [h.split(" (")[0] for h in heads] == [
            "Government", "Civil society", "An international organisation", "Other", "Did not say"]
        assert f"({counts['gov']} answered)" in heads[0] and f"({counts['cso']} answered)" in heads[1]
        assert not any("answered" in h for h in heads[2:])  # fewer than 5 each (together 5 or more)
        [objectives] = [row for row in table.xpath("./tbody/tr") if row.get("data-profile-statement") == "objectives"]
        cells = [text(td) for td in objectives.xpath("./td")]
        for key, cell in zip(("gov", "cso"), cells, strict=False):
            answers = [s["data"]["answers"].get("objectives") for s in submissions
                       if s["usage_id"] == usage_id and s["data"].get("profile") == key]
            on_scale = [v for v in answers if v not in (None, "na")]
            favourable = percent(100 * sum(1 for v in on_scale if v >= 4) / len(on_scale), "en", 1)
            assert cell.startswith(favourable + " ("), (key, cell, favourable)
        assert cells[2:] == ["too few"] * 3


def test_filling_again_changes_nothing(filled):
    folder, _output, record = filled
    result = run([str(ROOT / "scripts" / "fill_demo.py"), "--participants", "3"], folder)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "3 participants in emm_evaluation_report.2: 0 answers filed, 15 already there, 0 refused" in result.stdout
    assert "3 participants in emm_case_study and emm_role_play: 0 answered, 6 already there, 0 refused" in result.stdout
    staff = page(folder, record["scenario"], "staff_1")
    assert [n for _name, n, _f in rows(staff, "data-summary-evaluations")] == ["40", "40", "40"]
    assert rows(staff, "data-summary-pairs")[0][1] == "40"


def test_the_same_participants_answer_the_case_study_and_the_role_play_with_their_profile(filled):
    """Issue 12 §1: the Agadez case study and the role-play ask the profile question too; each
    participant gives the profile they gave in the day evaluations, so "how others answered" and
    "how others chose" by profile show real figures, the small groups withheld."""
    folder, output, record = filled
    assert "40 participants in emm_case_study and emm_role_play: 80 answered, 0 already there, 0 refused" in output
    given = {s["student"]: s["data"].get("profile", "") for s in record["submissions"] if "profile" in s["data"]}
    others = record["perspectives"]
    assert len(others) == 80 and {o["block_type"] for o in others} == {"emm_case_study", "emm_role_play"}
    for other in others:
        assert other["profile"] == given.get(other["student"], ""), other["student"]
        sent = other["steps"][0][1].get("profile", "")
        assert sent == other["profile"] and all(step[2] == 200 for step in other["steps"])
    counts = {key: sum(1 for o in others if o["block_type"] == "emm_case_study" and o["profile"] == key)
              for key in ("gov", "cso")}

    case = page(folder, "emm_case_study.0", "participant_01")
    [q1] = case.xpath("//table[contains(@class, 'emm-dist-profiles')]")[:1]
    groups = {row.get("data-profile-group"): text(row) for row in q1.xpath("./tbody/tr")}
    assert groups["gov"].startswith(f"Government {counts['gov']} participants")
    assert groups["cso"].startswith(f"Civil society {counts['cso']} participants")
    assert groups["io"].endswith("withheld: too few answers")

    roleplay = page(folder, "emm_role_play.0", "participant_01")
    [ended] = [t for t in roleplay.xpath("//table")
               if text(t.xpath("./caption")[0]) == "How the scenario ended for the participants of each profile"]
    heads = [text(row.xpath("./th")[0]) for row in ended.xpath("./tbody/tr")]
    assert heads[:2] == [f"Government (your profile){counts['gov']} participants",
                         f"Civil society{counts['cso']} participants"]
