"""Screenshots of the blocks for the README (not a test).

    .venv/bin/python scripts/screenshots.py [TAKE ...]

(TAKE: a function below, e.g. ``likert_fr``, to redo only its pictures; all of them by default.)

Serves the workbench from a throw-away database, drives Debian's Chromium (the same launch as
the browser tests, never ``playwright install``) and writes, in docs/screenshots/:

* likert-learner.png       the English Likert demo, 1000 px wide, a few answers chosen;
* likert-results.png       the staff results panel after six learners answered;
* likert-fr-phone.png      the French Likert demo on a 360x740 phone, top of the block;
* case-study-learner.png   the "Two teenagers at Assamaka" case and its first questions;
* case-study-results.png   the same case after a submit and the self-assessment: per-question
                           feedback, model answer and expert analysis;
* role-play-node.png       the Assamaka role-play as the border police officer, after one choice:
                           its consequence, the next node and its choices;
* role-play-ending.png     an ending: outcome, debrief, score, the learner's path and the best path,
                           then how the 40 simulated participants of ``make demo-data`` chose (by
                           role, by profile), down to how each role's scenario ended;
* role-play-profiles.png   the same ending's "By participant profile": how each profile chose at the
                           first step, the small groups withheld;
* role-play-editor.png     the Studio editor's map of the same scenario.
* role-play-perspectives.png     a debrief's "How the other roles saw it": how each role chose at
                           the decision two roles share, and how each role's scenario ended;
* role-play-perspectives-ar.png  the same in Arabic on a phone, with a small group withheld.
* case-study-profiles.png  a case study's "How other participants answered" split by the participants'
                           profile (issue 12): a shown group's shares, the small groups withheld.
* case-study-grade-fr-phone.png  a French case ("last attempt counts") on a phone after a first
                           submit: the score, which attempt counts, the warning before a retry;
* case-study-best-fr-phone.png   the same case under "best attempt counts" after a lower second
                           attempt: the counted score beside the last one;
* case-study-offline-fr-phone.png  the French Assamaka case on a phone, Submit pressed offline:
                           the answers kept on the device until the link is back (said under Submit);
* likert-results-fr.png    the French evaluation's results panel for staff after six learners, down
                           to the table's first row: favourable share and literal agreement,
                           figures written the French way;
* likert-earlier-scale-fr.png  answers given on an earlier scale, shown apart with their own labels;
* likert-editor-scale-warning.png  the Studio editor's warning at the scale field of a live evaluation;
* likert-editor-save-anyway.png  the save of that change held back until "Save anyway";
* likert-editor-profile.png  the Studio editor's "Participant profile (optional)" group of the demo
                           course's day evaluation (its question and four answers);
* knowledge-check-fr.png   the French post-test's results: pre- and post-test scores side by side;
* evaluation-report-fr.png  the French demo course's evaluation report (staff) after ``make demo-data``'s
                           40 simulated participants, down to its one-page summary and its charts;
* evaluation-report-chart-fr.png  its first evaluation: each statement's bars above the table;
* role-play-stranded-fr.png  a French role-play step with every choice closed: the way on.
* facilitator-pack-role-play.png  the role-play's printable pack as printed (print media, A4
                           width): role cards and the first decision cards;
* facilitator-pack-card.png       one decision card of it;
* facilitator-pack-likert-fr.png  the French evaluation as a paper questionnaire.

Every picture is an element (or a clip of one), at most MAX_HEIGHT pixels tall; the new ones
stay under 150 KB (a narrower page or a clip where a panel is long). The pictures of issue 10's
states use small scenarios of their own where a demo cannot reach the state in one step. The
workbench is one course, so ``evaluation_report`` runs first, before other takes add answers.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1000, "height": 900}
PHONE = {"width": 360, "height": 740}
MAX_HEIGHT = 1800  # px: longer elements are cut at the bottom

LIKERT_EN, LIKERT_FR = "emm_likert.0", "emm_likert.1"  # scenarios/emm_likert-1-en.xml, -2-fr.xml
CASE_ASSAMAKA = "emm_case_study.2"  # scenarios/emm_case_study-3-en.xml ("Two teenagers at Assamaka")
ROLE_PLAY_EN = "emm_role_play.0"  # scenarios/emm_role_play-1-en.xml
# the officer's path to the good ending (the best path differs at the last step)
OFFICER = ["Speak with her apart from the group, with a female colleague and an interpreter",
           "Treat her as a possible victim of trafficking: she is under 18, so no means (threat, deception, debt) "
           "needs to be proven",
           "Refer her to child protection at the IOM transit centre and to the social worker, so that her best "
           "interests guide every decision"]
REFLECTION = ("Speak with each teenager apart from the adult, in a language they understand and in a safe "
              "place. They are children: their best interests come first in every decision. Refer them to the "
              "child protection and anti-trafficking services, and do not send them back to serious harm.")


def hide_workbench_banner(page):
    """The workbench's fixed page banner would cover the top of an element screenshot."""
    page.add_style_tag(content="header.banner { display: none !important; }")


def wait_ready(page, selector):
    """The block is on the page and its JavaScript ran (the workbench inits blocks on DOM ready)."""
    page.wait_for_selector(selector, state="attached")
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")


def shoot(page, locator, name, max_height=MAX_HEIGHT):
    """Screenshot one element, cut to ``max_height`` pixels from its top."""
    page.mouse.move(0, 0)  # no hover highlight in the picture
    hide_workbench_banner(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # no focus ring
    locator.scroll_into_view_if_needed()
    box = locator.evaluate("""(el) => { const r = el.getBoundingClientRect();
        return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; }""")
    if box["height"] > max_height:
        print(f"{name}: cut from {box['height']:.0f} to {max_height} px")
        box["height"] = max_height
    page.screenshot(path=str(OUT / name), clip=box, full_page=True)
    return OUT / name


def shoot_span(page, container, first, last, name):
    """Screenshot ``container``'s width from the top of ``first`` to the bottom of ``last`` (parts of
    one long element, the space between included), at most MAX_HEIGHT pixels tall."""
    page.mouse.move(0, 0)
    hide_workbench_banner(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    rect = """(el) => { const r = el.getBoundingClientRect();
        return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; }"""
    outer, top, bottom = (loc.evaluate(rect) for loc in (container, first, last))
    pad = 8
    y = max(outer["y"], top["y"] - pad)
    box = {"x": outer["x"], "y": y, "width": outer["width"],
           "height": min(MAX_HEIGHT, bottom["y"] + bottom["height"] + pad - y)}
    page.screenshot(path=str(OUT / name), clip=box, full_page=True)
    return OUT / name


def new_page(browser, viewport=DESKTOP, locale="en-US"):
    context = browser.new_context(viewport=viewport, locale=locale)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda err: page.js_errors.append(str(err)))
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def likert(browser, bench, student_id):
    from tests.browser.test_likert_browser import SEED, STATEMENTS

    page = new_page(browser)
    page.goto(bench.scenario_url(LIKERT_EN, student_id()))
    wait_ready(page, ".emm-likert [data-progress]")
    block = page.locator(".emm-likert")
    for sid, point in zip(STATEMENTS[:3], (4, 5, 2), strict=True):  # "Agree", "Strongly agree", "Disagree"
        block.locator(f'[data-statement="{sid}"] .emm-option').nth(point - 1).click()
    shots = [shoot(page, block, "likert-learner.png")]

    comments = ["More practical exercises on referral, please.", "Très utile, merci."]
    comments += [""] * (len(SEED) - len(comments))
    for answers, comment in zip(SEED, comments, strict=True):
        response = bench.submit(page, LIKERT_EN, student_id("seed"), answers, comment)
        assert response.status == 200, response.text()
    page.goto(bench.scenario_url(LIKERT_EN, "staff_1"))
    wait_ready(page, ".emm-likert [data-progress]")
    page.get_by_role("button", name="Show results").click()
    page.locator(".emm-likert [data-results] table").wait_for()
    shots.append(shoot(page, page.locator(".emm-likert [data-results-section]"), "likert-results.png"))
    assert page.js_errors == [], page.js_errors

    phone = new_page(browser, PHONE, locale="fr-FR")
    phone.goto(bench.scenario_url(LIKERT_FR, student_id(), lang="fr"))
    wait_ready(phone, ".emm-likert [data-progress]")
    block = phone.locator(".emm-likert")
    block.locator(f'[data-statement="{STATEMENTS[0]}"] .emm-option').nth(3).click()  # « D'accord »
    shots.append(shoot(phone, block, "likert-fr-phone.png", max_height=PHONE["height"]))
    assert phone.js_errors == [], phone.js_errors
    return shots


def case_study(browser, bench, student_id):
    page = new_page(browser)
    page.goto(bench.scenario_url(CASE_ASSAMAKA, student_id()))
    wait_ready(page, ".emm-case [data-status]")
    block = page.locator(".emm-case")
    block.locator("input[value=papers]").check()
    block.locator("input[value=debt]").check()
    shots = [shoot(page, block, "case-study-learner.png")]

    block.locator("input[value=no]").check()
    block.locator("textarea").fill(REFLECTION)
    block.locator("[data-submit]").click()
    status = block.locator("[data-status]")
    status.filter(has_text="Submitted:").wait_for()
    for box in block.locator("[data-key-points] input[type=checkbox]").all()[:3]:  # three of four points
        box.check()
    block.get_by_role("button", name="Save my self-assessment").click()
    block.locator("[data-key-points] input:disabled").first.wait_for()
    block.locator(".emm-expert").wait_for()
    shots.append(shoot(page, block.locator("[data-feedback]"), "case-study-results.png"))
    assert page.js_errors == [], page.js_errors
    return shots


def role_play(browser, bench, student_id):
    """The officer's path to the good ending, after ``make demo-data``'s 40 simulated participants
    played the English role-play (so that its ending shows how the others chose, by role and by
    profile), and the editor's map."""
    from django.test import Client

    from scripts.fill_demo import fill_perspectives

    counts = {"failed": 0}
    fill_perspectives(Client(), "en", 40, 2026, counts, out=lambda line: None)
    assert counts["failed"] == 0, counts
    page = new_page(browser)
    page.goto(bench.scenario_url(ROLE_PLAY_EN, student_id()))
    wait_ready(page, ".emm-role-play [data-panel]")
    block = page.locator(".emm-role-play")
    block.locator("[data-role=officer]").click()
    block.locator("[data-choice]", has_text=OFFICER[0]).click()
    block.locator(".emm-rp-consequence").wait_for()
    shots = [shoot(page, block, "role-play-node.png")]
    for label in OFFICER[1:]:
        block.locator("[data-choice]", has_text=label).click()
    block.locator(".emm-rp-ending").wait_for()
    # the ending down to how each role's scenario ended; then, apart, the first step split by profile
    shots.append(shoot_span(page, block, block, block.locator(".emm-rp-perspectives").first, "role-play-ending.png"))
    profiles = block.locator("[data-profile-perspectives]")
    shots.append(shoot_span(page, profiles, profiles.locator("h5"), profiles.locator("table").first,
                            "role-play-profiles.png"))
    assert page.js_errors == [], page.js_errors

    editor = new_page(browser, {"width": 1000, "height": 1000})
    editor.goto(f"{bench.base_url}/scenario/{ROLE_PLAY_EN}/studio_view/?student=staff_1&lang=en")
    editor.wait_for_selector(".emm-rp-studio [data-problem-count]:not(:empty)")  # the first check came back
    editor.locator(".emm-rp-studio .emm-rp-box").first.wait_for()
    # Below 64rem the map (1130 px for this scenario) is wider than the 1000 px page and passes
    # over the border of the workbench's vertical, which would draw a line across the picture.
    editor.add_style_tag(content=".vertical { border: 0 !important; }")
    shots.append(shoot(editor, editor.locator(".emm-rp-studio .emm-rp-mapbox"), "role-play-editor.png"))
    assert editor.js_errors == [], editor.js_errors
    return shots


def facilitator_pack(browser, bench, student_id):
    """The printable packs, as course staff open them from the block's link, in print media."""
    from urllib.parse import urljoin

    page = new_page(browser, {"width": 794, "height": 1123})  # A4 at 96 dpi

    def open_pack(scenario, lang="en"):
        page.goto(bench.scenario_url(scenario, "staff_1", lang=lang))
        page.goto(urljoin(page.url, page.locator("[data-pack-link]").get_attribute("href")))
        page.emulate_media(media="print")

    open_pack(ROLE_PLAY_EN)
    shots = [shoot(page, page.locator("main"), "facilitator-pack-role-play.png", max_height=1123),
             shoot(page, page.locator(".emm-pack-decision").first, "facilitator-pack-card.png")]
    open_pack(LIKERT_FR, lang="fr")
    shots.append(shoot(page, page.locator(".emm-pack-part").first, "facilitator-pack-likert-fr.png"))
    assert page.js_errors == [], page.js_errors
    return shots


def perspectives(browser, bench, student_id):
    """The browser test's three-role meeting, seeded as the role-play's pipeline stores choices."""
    from emm_xblocks.common import store
    from tests.browser.test_role_play_perspectives_browser import MEETING, play_as_social_worker, seed

    shots = []
    scenario = bench.add_scenario(MEETING)
    seed(bench, scenario)
    page = new_page(browser)
    play_as_social_worker(page, bench, scenario, "en")
    shots.append(shoot(page, page.locator(".emm-role-play .emm-rp-perspectives"), "role-play-perspectives.png"))
    assert page.js_errors == [], page.js_errors

    scenario = bench.add_scenario(MEETING)
    key = str(bench.usage_id(scenario))
    rows = [("officer", {"po": "0", "meet": "0", "@ending": "good"})] * 3 + [
        ("social", {"sw": "0", "meet": "0", "@ending": "good"})] * 3 + [("judge", {"meet": "1", "@ending": "ok"})]
    for n, (role, answers) in enumerate(rows):
        store.record(key, answers, user_key=f"seed{n}", replace=True, role=role)
    phone = new_page(browser, PHONE, locale="ar")
    play_as_social_worker(phone, bench, scenario, "ar", choice=1)
    shots.append(shoot(phone, phone.locator(".emm-role-play .emm-rp-perspectives"), "role-play-perspectives-ar.png"))
    assert phone.js_errors == [], phone.js_errors
    return shots


def case_study_profiles(browser, bench, student_id):
    """The browser test's case with a profile question, seeded as the case's pipeline stores answers."""
    from emm_xblocks.common import store
    from emm_xblocks.common.perspectives import PROFILE_GROUP
    from tests.browser.test_case_study_profile_browser import XML

    scenario = bench.add_scenario(XML)
    key = str(bench.usage_id(scenario))
    rows = [("refer", "gov")] * 5 + [("return", "gov")] + [("refer", "cso")] * 2 + [("return", "io")] + [
        ("refer", "")] * 4
    for n, (step, who) in enumerate(rows):
        answers = {"step": step, PROFILE_GROUP: who} if who else {"step": step}
        store.record(key, answers, user_key=f"seed{n}", replace=True)
    page = new_page(browser, {"width": 600, "height": 900})
    page.goto(bench.scenario_url(scenario, student_id()))
    wait_ready(page, ".emm-case [data-status]")
    page.locator(".emm-case input[value=refer]").check()
    page.get_by_role("radio", name="Government").check()
    page.locator(".emm-case [data-submit]").click()
    page.locator(".emm-case [data-dist-profiles]").wait_for()
    shot = shoot(page, page.locator(".emm-case .emm-distribution"), "case-study-profiles.png")
    assert page.js_errors == [], page.js_errors
    return [shot]


# ------------------------------------------------------------------ issue 10: the new states
CASE_FR = """
<emm_case_study display_name="Indices de traite" attempts_allowed="3" grade_policy="{policy}">
  <question id="q1" type="multiple" partial_credit="true" points="3">
    <prompt><![CDATA[<p>Quels indices de traite ?</p>]]></prompt>
    <option id="x" correct="true">Une dette envers le recruteur</option>
    <option id="y" correct="true">Des papiers confisqués</option>
    <option id="z">Un téléphone</option>
  </question>
</emm_case_study>
"""  # tests/browser/test_figures_french_browser.py's case, three attempts
CASE_ASSAMAKA_FR = "emm_case_study.3"  # scenarios/emm_case_study-4-fr.xml ("Deux adolescents à Assamaka")
REFLECTION_FR = ("Parler avec chaque adolescent hors de la présence de l’adulte, dans une langue qu’il comprend "
                 "et dans un lieu sûr. Ce sont des enfants : leur intérêt supérieur passe avant tout dans chaque "
                 "décision. Les orienter vers la protection de l’enfance et la lutte contre la traite, et ne pas "
                 "les renvoyer vers un préjudice grave.")
LIVE_FR = ('<emm_likert display_name="Évaluation du jour 1" min_group_size="1">'
           '<item id="a">La formation est utile pour mon travail.</item>'
           '<item id="b">Les exemples venaient du Niger.</item></emm_likert>')
KC_PRE_FR, KC_POST_FR = "emm_knowledge_check.2", "emm_knowledge_check.3"  # emm_knowledge_check-3-fr-pre.xml, -4-
ROLE_PLAY_STRANDED = """
<emm_role_play display_name="Au poste frontière" attempts_allowed="2">
  <role id="police" start="arrive">Agente de police</role>
  <node id="arrive"><narrative><![CDATA[<p>Une adolescente arrive seule au poste, sans papiers.</p>]]></narrative>
    <choice goto="desk" points="-2">Enregistrer son passage et la laisser continuer</choice>
    <choice goto="listen" points="1">L’écouter à part, avec une interprète</choice></node>
  <node id="listen"><narrative><![CDATA[<p>Elle dit avoir 15 ans et devoir de l’argent à un recruteur.</p>]]>
    </narrative><choice goto="desk">Continuer</choice></node>
  <node id="desk"><narrative><![CDATA[<p>Au guichet, le dossier attend une décision.</p>]]></narrative>
    <choice goto="end" if_visited="listen">Orienter vers la protection de l’enfance</choice></node>
  <node id="end" ending="true"><narrative><![CDATA[<p>Elle est prise en charge.</p>]]></narrative></node>
</emm_role_play>
"""  # tests/browser/test_figures_french_browser.py's scenario in words: "desk" is closed unless "listen" was seen


def case_study_grade(browser, bench, student_id):
    """Which attempt counts, the warning before a retry, the counted score beside the last one."""
    shots = []
    scenario = bench.add_scenario(CASE_FR.format(policy="last"))
    phone = new_page(browser, PHONE, locale="fr-FR")
    phone.goto(bench.scenario_url(scenario, student_id(), lang="fr"))
    wait_ready(phone, ".emm-case [data-status]")
    phone.locator(".emm-case input[value=x]").check()
    phone.locator(".emm-case [data-submit]").click()
    phone.locator(".emm-case [data-feedback] [data-retry-warning]").wait_for()
    shots.append(shoot(phone, phone.locator(".emm-case [data-feedback]"), "case-study-grade-fr-phone.png"))

    scenario = bench.add_scenario(CASE_FR.format(policy="best"))
    phone.goto(bench.scenario_url(scenario, student_id(), lang="fr"))
    wait_ready(phone, ".emm-case [data-status]")
    phone.locator(".emm-case input[value=x]").check()
    phone.locator(".emm-case input[value=y]").check()
    phone.locator(".emm-case [data-submit]").click()
    phone.locator(".emm-case [data-feedback] [data-retry]").click()  # new_page accepts the question
    phone.locator(".emm-case [data-submit]:visible").wait_for()
    phone.locator(".emm-case input[value=x]").check()
    phone.locator(".emm-case input[value=y]").uncheck()
    phone.locator(".emm-case [data-submit]").click()
    phone.locator(".emm-case [data-feedback] [data-counted]").wait_for()
    shots.append(shoot(phone, phone.locator(".emm-case [data-feedback]"), "case-study-best-fr-phone.png"))
    assert phone.js_errors == [], phone.js_errors

    phone = new_page(browser, PHONE, locale="fr-FR")
    phone.goto(bench.scenario_url(CASE_ASSAMAKA_FR, student_id(), lang="fr"))
    wait_ready(phone, ".emm-case [data-status]")
    block = phone.locator(".emm-case")
    for value in ("papers", "debt", "no"):
        block.locator(f"input[value={value}]").check()
    block.locator("textarea").fill(REFLECTION_FR)
    block.locator("textarea").evaluate("(el) => { el.scrollTop = 0; }")  # the start of the answer in view
    phone.context.set_offline(True)
    phone.wait_for_function("() => navigator.onLine === false")
    block.locator("[data-submit]").click()
    # no alert: the line under Submit says the answers wait on the device and will go by themselves
    block.locator("[data-draft-status]").filter(has_text="connexion").wait_for()
    shots.append(shoot_span(phone, block, block.locator("textarea"), block.locator("[data-draft-status]"),
                            "case-study-offline-fr-phone.png"))
    phone.context.set_offline(False)
    assert phone.js_errors == [], phone.js_errors
    return shots


def likert_fr(browser, bench, student_id):
    """The French results panel, the editor's "Save anyway", answers on an earlier scale."""
    from tests.browser.test_likert_browser import SEED

    shots = []
    page = new_page(browser, {"width": 800, "height": 900}, locale="fr-FR")
    page.goto(bench.scenario_url(LIKERT_FR, "staff_1", lang="fr"))
    wait_ready(page, ".emm-likert [data-progress]")
    for answers in SEED:
        response = bench.submit(page, LIKERT_FR, student_id("seed"), answers)
        assert response.status == 200, response.text()
    page.goto(bench.scenario_url(LIKERT_FR, "staff_1", lang="fr"))
    wait_ready(page, ".emm-likert [data-show-results]")
    page.locator(".emm-likert [data-show-results]").click()
    page.locator(".emm-likert [data-results] table").wait_for()
    section = page.locator(".emm-likert [data-results-section]")
    # the headline, the chart and the table's first row ("1 (16,7 %)"); the rest is more of the same
    shots.append(shoot_span(page, section, section, section.locator("[data-row=relevance]"), "likert-results-fr.png"))

    scenario = bench.add_scenario(LIVE_FR)
    page.goto(bench.scenario_url(scenario, "staff_1", lang="fr"))
    assert bench.submit(page, scenario, student_id("seed"), {"a": 3, "b": 5}).ok
    editor = ".emm-likert-editor"
    page.goto(f"{bench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=en")
    page.wait_for_selector(f"{editor} [data-item]")
    page.get_by_label("Scale").select_option("agree4")
    warning = page.locator(f"{editor} [data-error=scale]")
    warning.filter(has_text="Learners answered on the scale").wait_for()
    shots.append(shoot_span(page, page.locator(editor), page.get_by_label("Scale"), warning,
                            "likert-editor-scale-warning.png"))
    page.get_by_role("button", name="Save", exact=True).click()
    alert = page.locator(f"{editor} [data-save-alert]")
    alert.filter(has_text="Save anyway").wait_for()
    shots.append(shoot_span(page, page.locator(editor), alert, page.locator(f"{editor} [data-save]"),
                            "likert-editor-save-anyway.png"))
    page.get_by_role("button", name="Save anyway").click()
    page.locator(f"{editor} [data-status]").filter(has_text="Saved.").wait_for()
    for answers in ({"a": 3, "b": 4}, {"a": 4, "b": 4}):
        assert bench.submit(page, scenario, student_id("seed"), answers).ok
    page.goto(bench.scenario_url(scenario, "staff_1", lang="fr"))
    wait_ready(page, ".emm-likert [data-show-results]")
    page.locator(".emm-likert [data-show-results]").click()
    apart = page.locator(".emm-likert [data-results] [data-apart]")
    apart.wait_for()
    shots.append(shoot(page, apart, "likert-earlier-scale-fr.png"))
    assert page.js_errors == [], page.js_errors
    return shots


def likert_profile_editor(browser, bench, student_id):
    """The Likert editor's participant profile group, on the demo course's day evaluation."""
    xml = (ROOT / "emm_xblocks" / "workbench" / "scenarios" / "course" / "daily-evaluation-en.xml").read_text("utf-8")
    scenario = bench.add_scenario(xml)
    page = new_page(browser, {"width": 800, "height": 900})
    editor = ".emm-likert-editor"
    page.goto(f"{bench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=en")
    group = page.locator(f"{editor} [data-profile]")
    group.locator("[data-item]").nth(3).wait_for()
    shots = [shoot(page, group, "likert-editor-profile.png")]
    assert page.js_errors == [], page.js_errors
    return shots


def knowledge_check(browser, bench, student_id):
    """The French post-test's results beside the pre-test's."""
    from tests.browser.test_knowledge_check_browser import RIGHT, WRONG, answer

    learner = student_id()
    phone = new_page(browser, PHONE, locale="fr-FR")
    for scenario, answers in ((KC_PRE_FR, WRONG), (KC_POST_FR, RIGHT)):
        phone.goto(bench.scenario_url(scenario, learner, lang="fr"))
        wait_ready(phone, ".emm-kc [data-status]")
        answer(phone, answers)
        phone.locator(".emm-kc [data-submit]").click()
        phone.wait_for_function("() => document.querySelector('.emm-kc [data-feedback]').textContent.trim() !== ''")
    results = phone.locator(".emm-kc [data-feedback]")
    results.locator("[data-gain]").wait_for()
    shots = [shoot_span(phone, results, results.locator("h4").first, results.locator("[data-gain]"),
                        "knowledge-check-fr.png")]
    assert phone.js_errors == [], phone.js_errors
    return shots


def evaluation_report(browser, bench, student_id):
    """The French demo course's report after ``make demo-data``'s 40 simulated participants. The
    workbench is one course and the report counts every answer in it: this take runs first."""
    from scripts.fill_demo import fill

    counts = fill(lang="fr", out=lambda line: None)
    assert counts["failed"] == 0, counts
    page = new_page(browser, {"width": 900, "height": 900}, locale="fr-FR")
    page.goto(bench.scenario_url(counts["scenario"], "staff_1", lang="fr"))
    page.locator(".emm-er [data-headline]").wait_for()
    report = page.locator(".emm-er")
    # the top of the report down to the end of its one-page summary (the per-statement tables follow)
    shots = [shoot_span(page, report, report, report.locator("[data-summary]"), "evaluation-report-fr.png")]
    # the first evaluation: its heading, the bars of its statements, the table they duplicate (its
    # split by profile, a second table, follows)
    evaluation = report.locator("[data-evaluation]").first
    shots.append(shoot_span(page, evaluation, evaluation.locator("h5"), evaluation.locator("table").first,
                            "evaluation-report-chart-fr.png"))
    assert page.js_errors == [], page.js_errors
    return shots


def role_play_stranded(browser, bench, student_id):
    """A step whose only choice is closed: the learner is offered a way on."""
    scenario = bench.add_scenario(ROLE_PLAY_STRANDED)
    phone = new_page(browser, PHONE, locale="fr-FR")
    phone.goto(bench.scenario_url(scenario, student_id(), lang="fr"))
    wait_ready(phone, ".emm-role-play [data-panel]")
    block = phone.locator(".emm-role-play")
    block.locator("[data-role=police]").click()
    block.locator("[data-choice]", has_text="Enregistrer son passage").click()
    block.locator("[data-stranded]").wait_for()
    shots = [shoot(phone, block, "role-play-stranded-fr.png", max_height=PHONE["height"])]
    assert phone.js_errors == [], phone.js_errors
    return shots


def main(takes=None):
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    workdir = tempfile.mkdtemp(prefix="emm-screenshots-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emm_xblocks.workbench.settings")
    os.environ["EMM_WORKBENCH_DB"] = str(Path(workdir) / "workbench.db")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop runs in this thread

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)

    from playwright.sync_api import sync_playwright
    from pytest_django.live_server_helper import LiveServer
    from workbench.runtime_util import reset_global_state

    from tests.browser.conftest import Workbench, chromium_path, launch_chromium, student_id

    if not chromium_path():
        sys.exit("Chromium is not installed (apt-get install chromium)")
    reset_global_state()  # load the demo scenarios into the fresh database
    server = LiveServer("127.0.0.1:0")
    OUT.mkdir(parents=True, exist_ok=True)
    shots = []
    try:
        bench = Workbench(server.url)
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            for take in takes or (evaluation_report, likert, case_study, role_play, perspectives, case_study_grade,
                                 likert_fr, knowledge_check, role_play_stranded, facilitator_pack,
                                 case_study_profiles, likert_profile_editor):
                shots += take(browser, bench, student_id)
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    for path in shots:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    # ``python scripts/screenshots.py likert likert_fr``: only those takes
    main([globals()[name] for name in sys.argv[1:]] or None)
