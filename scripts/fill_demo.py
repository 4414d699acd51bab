"""Fill the workbench's three-day demo course with simulated participants (issue 11 §3):
``make demo-data``, then ``make run`` and open the course page as staff to read the report.

The course is the workbench scenario ``workbench/scenarios/course/course-*-emm2-niger-<lang>.xml``
(day 1 pre-test, an evaluation each day, day 3 post-test, the evaluation report). Each participant
answers, in the order of the training, the pre-test, the day 1 and day 2 evaluations, the post-test
and the end-of-training evaluation, through the workbench's real handler URL
(``/handler/<usage id>/submit/?student=<id>``, the view the block's JavaScript posts to) with
Django's test client: the blocks check, score, pair and file every answer as they do for a person.

The answers are drawn from a seeded generator, so the same command gives the same figures:
* knowledge checks: each participant has an ability in [0, 1]; a question is fully right with
  probability ``base + 0.4 × (ability − 0.5)``, ``base`` 0.45 before the training and 0.8 after it;
  otherwise a wrong option (single choice), or a right set with one option missing or one wrong
  option added (multiple choice);
* evaluations: each statement's answers follow ``DISTRIBUTIONS`` (``pace`` is worded negatively,
  most disagree); ``na`` where the evaluation allows it, now and then; an optional statement
  is sometimes left out;
* who answered: each participant has one profile for the whole training, drawn from
  ``PROFILES`` (government officials and civil society organisations, as at the Niger training,
  a few from international organisations or elsewhere, a few who do not say), given to every
  evaluation that asks the participant profile question (the day evaluations), so the report's
  figures by profile show the big groups and withhold the small ones. A generator of its own
  (seeded from ``--seed``) draws them: the other answers are those drawn without profiles;
* how others answered, by profile (issue 12): the same participants, with the same profile, then
  answer the language's case study on Agadez (``emm_case_study-1-en.xml`` / ``-2-fr.xml``: a
  single-choice question right with probability 0.6, each option of a multiple-choice one ticked
  with probability 0.8 when right and 0.3 when wrong, the reflection a fixed text) and play the
  role-play (``emm_role_play-1-en.xml`` / ``-2-fr.xml``: a role and, at each step, a choice
  among those offered, at random, to an ending), both asking the profile question, so their
  splits by profile show real figures. Their own generator (seeded from ``--seed``) leaves the
  course's figures as they were.
These are simulated people, not the Niger training's results.

The workbench is **one course**: every scenario's blocks share it, so the report on either
language's page counts every evaluation and knowledge check answered anywhere in the workbench.
Fill one language (``--lang``, English by default) for a clean report. Run twice, it changes
nothing: each participant has already answered (``409 already_submitted``), and the figures stay.

Usage: ``python scripts/fill_demo.py [--lang en|fr] [--participants 40] [--seed 2026]
[--record FILE]``; the working folder holds ``var/`` (the workbench's database, ``EMM_WORKBENCH_DB``
or ``var/workbench.db``). ``--record`` writes what was sent, as JSON, for checking. Exit status 1
if a handler answered anything but 200 or ``409 already_submitted``.
"""

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAFF = "staff_1"  # the workbench makes any student id starting with "staff" course staff

# statement id -> weights of the answers 1..5 (strongly disagree .. strongly agree); others: DEFAULT
DEFAULT = (0.01, 0.03, 0.08, 0.38, 0.50)
DISTRIBUTIONS = {
    "relevance": (0.0, 0.0, 0.02, 0.06, 0.92),
    "job_needs": (0.0, 0.03, 0.07, 0.35, 0.55),
    "useful": (0.0, 0.02, 0.08, 0.35, 0.55),
    "pace": (0.30, 0.35, 0.15, 0.15, 0.05),  # "too fast": worded negatively
    "child_trafficking": (0.0, 0.05, 0.15, 0.45, 0.35),
}
# profile option id -> weight; "" = the participant does not say (the question is optional)
PROFILES = {"gov": 0.45, "cso": 0.28, "io": 0.14, "other": 0.07, "": 0.06}
# the demos whose "how others answered / chose" is split by profile, per language (workbench/scenarios/)
PERSPECTIVES = {"en": ("emm_case_study-1-en.xml", "emm_role_play-1-en.xml"),
                "fr": ("emm_case_study-2-fr.xml", "emm_role_play-2-fr.xml")}
REFLECTION = {  # a participant's answer to the case study's reflection question (40 words at least)
    "en": "The region needs a policy built with the people who work there every day: government officials, "
          "civil society organisations and international partners. It should protect people in vulnerable "
          "situations first, refer children and possible victims to the services that can help them, and be "
          "reviewed with evidence every year.",
    "fr": "La région a besoin d'une politique construite avec celles et ceux qui y travaillent chaque jour : "
          "agents de l'État, organisations de la société civile et partenaires internationaux. Elle doit "
          "d'abord protéger les personnes en situation de vulnérabilité, orienter les enfants et les victimes "
          "possibles vers les services qui peuvent les aider, et être revue chaque année à partir de données.",
}
MAX_STEPS = 40  # a role-play path longer than this stops (the demos' paths are far shorter)
NA_RATE = 0.03  # "not applicable", where the evaluation allows it
SKIP_RATE = 0.05  # an optional statement left out


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emm_xblocks.workbench.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)  # as `make run` does


def course_blocks(lang):
    """``(scenario id, [(role, usage id, content)])`` of the language's demo course, in page
    order; role is ``pre``, ``post``, ``evaluation`` or ``report``."""
    from workbench.runtime import WorkbenchRuntime
    from workbench.scenarios import get_scenarios

    from emm_xblocks.workbench.scenarios import courses

    wanted = {title for title, _xml in courses()}
    scenarios = get_scenarios()
    runtime = WorkbenchRuntime("setup")
    for name, scenario in sorted(scenarios.items()):
        if scenario.description not in wanted:
            continue
        page = runtime.get_block(scenario.usage_id)
        blocks = []
        for usage_id in page.children:
            block = runtime.get_block(usage_id)
            kind = block.scope_ids.block_type
            if kind == "emm_knowledge_check":
                content = block.load_content()
                blocks.append((content.phase, usage_id, content))
            elif kind == "emm_likert":
                blocks.append(("evaluation", usage_id, block.load_content()))
            elif kind == "emm_evaluation_report":
                blocks.append(("report", usage_id, None))
        pairs = {c.pair for role, _u, c in blocks if role in ("pre", "post")}
        if any(p.endswith(f"-{lang}") for p in pairs):
            return name, blocks
    raise SystemExit(f"fill_demo: no demo course for {lang!r} among the workbench scenarios")


def check_answers(check, rng, ability):
    """``{question id: option id or [option ids]}`` of one participant in one knowledge check."""
    base = 0.45 if check.phase == "pre" else 0.8
    answers = {}
    for q in check.questions:
        right = [o.id for o in q.options if o.correct]
        wrong = [o.id for o in q.options if not o.correct]
        fully_right = rng.random() < min(0.97, max(0.03, base + 0.4 * (ability - 0.5)))
        if q.kind == "single":
            answers[q.id] = right[0] if fully_right or not wrong else rng.choice(wrong)
        elif fully_right or (len(right) < 2 and not wrong):
            answers[q.id] = right
        elif wrong and (len(right) < 2 or rng.random() < 0.5):
            answers[q.id] = [*right[:-1], rng.choice(wrong)]  # one right missed, one wrong ticked
        else:
            answers[q.id] = rng.sample(right, len(right) - 1)  # one right option missed
    return answers


def evaluation_answers(survey, rng):
    """``{statement id: 1..points or "na"}`` of one participant (optional ones sometimes left out)."""
    answers = {}
    points = survey.points
    for statement in survey.statements:
        if not statement.required and rng.random() < SKIP_RATE:
            continue
        if survey.allow_na and rng.random() < NA_RATE:
            answers[statement.id] = "na"
            continue
        weights = DISTRIBUTIONS.get(statement.id, DEFAULT)
        value = rng.choices(range(1, 6), weights=weights)[0]
        answers[statement.id] = max(1, min(points, round(value * points / 5)))  # a 5-point shape
    return answers


def profiles(participants, seed):
    """``{student id: profile option id or ""}``: who each participant is, for the whole training."""
    who = random.Random(f"{seed}-profiles")
    return {f"participant_{number:02d}": who.choices(list(PROFILES), weights=list(PROFILES.values()))[0]
            for number in range(1, participants + 1)}


def plan(blocks, participants, seed):
    """``[(student id, usage id, data)]``: every submission, in the order of the training."""
    rng = random.Random(seed)
    who = profiles(participants, seed)
    order = []
    pre = [b for b in blocks if b[0] == "pre"]
    post = [b for b in blocks if b[0] == "post"]
    evaluations = [b for b in blocks if b[0] == "evaluation"]
    # day 1: pre-test, evaluation; day 2: evaluation; day 3: post-test, end-of-training evaluation
    days = [*pre, *evaluations[:-1], *post, *evaluations[-1:]]
    for number in range(1, participants + 1):
        student = f"participant_{number:02d}"
        ability = rng.random()
        profile = who[student]
        for role, usage_id, content in days:
            if role in ("pre", "post"):
                data = {"answers": check_answers(content, rng, ability)}
            else:
                data = {"answers": evaluation_answers(content, rng), "comment": ""}
                if profile in {o.id for o in content.profile_options}:  # the evaluation offers it
                    data["profile"] = profile
            order.append((student, usage_id, data))
    return order


def perspective_blocks(lang):
    """``[(block type, usage id, content)]`` of the language's case study and role-play demos
    (``PERSPECTIVES``), found among the workbench's scenarios by their display name."""
    from lxml import etree
    from workbench.runtime import WorkbenchRuntime
    from workbench.scenarios import get_scenarios

    folder = ROOT / "emm_xblocks" / "workbench" / "scenarios"
    titles = [etree.parse(str(folder / name)).getroot().get("display_name") for name in PERSPECTIVES[lang]]
    scenarios = get_scenarios()
    runtime = WorkbenchRuntime("setup")
    found = []
    for title in titles:
        scenario = next((sc for sc in scenarios.values() if sc.description == title), None)
        if scenario is None:
            raise SystemExit(f"fill_demo: no workbench scenario {title!r}")
        [usage_id] = runtime.get_block(scenario.usage_id).children
        block = runtime.get_block(usage_id)
        found.append((block.scope_ids.block_type, usage_id, block.load_content()))
    return found


def case_answers(case, rng, lang):
    """``{question id: option id, [option ids] or text}`` of one participant in the case study."""
    answers = {}
    for q in case.questions:
        right = [o.id for o in q.options if o.correct]
        wrong = [o.id for o in q.options if not o.correct]
        if q.kind == "single":
            answers[q.id] = right[0] if right and (rng.random() < 0.6 or not wrong) else rng.choice(wrong)
        elif q.kind == "multiple":
            ticked = [o.id for o in q.options if rng.random() < (0.8 if o.correct else 0.3)]
            answers[q.id] = ticked or [rng.choice(right or wrong)]
        else:
            answers[q.id] = REFLECTION[lang]
    return answers


CHOICE = re.compile(r'data-choice="([^"]+)"')


def play(client, usage_id, scenario, student, profile, rng, lang):
    """Play the role-play once through its handlers (``start``, then ``choose`` at each step, a
    choice drawn among those the page offers, to an ending); ``[(handler, data, status)]``, or
    what was refused. A participant who already played is answered ``409 already_started``."""
    def post(handler, data):
        response = client.post(f"/handler/{usage_id}/{handler}/?student={student}&lang={lang}",
                               data=json.dumps(data), content_type="application/json")
        body = response.json() if response.get("Content-Type", "").startswith("application/json") else {}
        steps.append((handler, data, response.status_code, body.get("error", "")))
        return response.status_code, body

    steps = []
    data = {"role": rng.choice(scenario.roles).id}
    if profile and any(o.id == profile for o in scenario.profile_options):
        data["profile"] = profile
    status, body = post("begin", data)
    for _step in range(MAX_STEPS):
        tokens = CHOICE.findall(body.get("html", "")) if status == 200 else []
        if body.get("phase") == "ending" or not tokens:
            break
        status, body = post("choose", {"choice": rng.choice(tokens)})
    return steps


def fill(lang="en", participants=40, seed=2026, record=None, out=print):
    """Send every submission of ``plan``; returns ``{"sent", "already", "failed", "scenario"}``."""
    from django.test import Client

    scenario, blocks = course_blocks(lang)
    client = Client()
    counts = {"sent": 0, "already": 0, "failed": 0, "scenario": scenario}
    sent = []
    for student, usage_id, data in plan(blocks, participants, seed):
        response = client.post(f"/handler/{usage_id}/submit/?student={student}&lang={lang}",
                               data=json.dumps(data), content_type="application/json")
        body = response.json() if response.get("Content-Type", "").startswith("application/json") else {}
        if response.status_code == 200:
            counts["sent"] += 1
        elif response.status_code == 409 and body.get("error") == "already_submitted":
            counts["already"] += 1
        else:
            counts["failed"] += 1
            out(f"fill_demo: {student} {usage_id}: {response.status_code} {response.content[:300]!r}")
        sent.append({"student": student, "usage_id": usage_id, "data": data, "status": response.status_code})
    out(f"{participants} participants in {scenario}: {counts['sent']} answers filed, "
        f"{counts['already']} already there, {counts['failed']} refused")
    others = fill_perspectives(client, lang, participants, seed, counts, out)
    if record:
        roles = {usage_id: role for role, usage_id, _c in blocks}
        Path(record).write_text(json.dumps({"scenario": scenario, "roles": roles, "submissions": sent,
                                            "perspectives": others}, ensure_ascii=False), encoding="utf-8")
    return counts


def fill_perspectives(client, lang, participants, seed, counts, out=print):
    """The same participants, with their profile, answer the case study and play the role-play
    (``PERSPECTIVES``); their refusals count in ``counts["failed"]``. Returns what was sent:
    ``[{"student", "usage_id", "block_type", "profile", "steps": [[handler, data, status, error]]}]``."""
    rng = random.Random(f"{seed}-perspectives")
    who = profiles(participants, seed)
    blocks = perspective_blocks(lang)
    sent, mine = [], {"sent": 0, "already": 0, "failed": 0}
    for student, profile in who.items():
        for kind, usage_id, content in blocks:
            if kind == "emm_case_study":
                data = {"answers": case_answers(content, rng, lang)}
                if profile and any(o.id == profile for o in content.profile_options):
                    data["profile"] = profile
                response = client.post(f"/handler/{usage_id}/submit/?student={student}&lang={lang}",
                                       data=json.dumps(data), content_type="application/json")
                body = response.json() if response.get("Content-Type", "").startswith("application/json") else {}
                steps = [("submit", data, response.status_code, body.get("error", ""))]
                done = {"already_submitted", "no_attempts_left"}
            else:
                steps = play(client, usage_id, content, student, profile, rng, lang)
                done = {"already_started"}
            last = steps[-1]
            if all(step[2] == 200 for step in steps):
                mine["sent"] += 1
            elif len(steps) == 1 and last[2] == 409 and last[3] in done:
                mine["already"] += 1
            else:
                mine["failed"] += 1
                out(f"fill_demo: {student} {usage_id}: {last[0]} {last[2]} {last[3]}")
            sent.append({"student": student, "usage_id": usage_id, "block_type": kind, "profile": profile,
                         "steps": [list(step) for step in steps]})
    counts["failed"] += mine["failed"]
    names = " and ".join(kind for kind, _u, _c in blocks)
    out(f"{participants} participants in {names}: {mine['sent']} answered, {mine['already']} already there, "
        f"{mine['failed']} refused")
    return sent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="the course's language (default: en)")
    parser.add_argument("--participants", type=int, default=40, help="how many (default: 40)")
    parser.add_argument("--seed", type=int, default=2026, help="the generator's seed (default: 2026)")
    parser.add_argument("--record", type=Path, help="write what was sent to this JSON file")
    args = parser.parse_args(argv)
    setup_django()
    counts = fill(args.lang, args.participants, args.seed, args.record)
    print(f"Read the report: make run, then /scenario/{counts['scenario']}/?student={STAFF}&lang={args.lang}")
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
