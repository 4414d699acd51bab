"""Screenshots of the three blocks for the docs (not a test).

    .venv/bin/python scripts/screenshots.py [likert case_study role_play perspectives facilitator_pack]

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
* role-play-ending.png     an ending: outcome, debrief, score, the learner's path and the best path;
* role-play-editor.png     the Studio editor's map of the same scenario.
* role-play-perspectives.png     a debrief's "How the other roles saw it": how each role chose at
                           the decision two roles share, and how each role's scenario ended;
* role-play-perspectives-ar.png  the same in Arabic on a phone, with a small group withheld.
* facilitator-pack-role-play.png  the role-play's printable pack as printed (print media, A4
                           width): role cards and the first decision cards;
* facilitator-pack-card.png       one decision card of it;
* facilitator-pack-likert-fr.png  the French evaluation as a paper questionnaire.

Every picture is an element (or a clip of one), at most MAX_HEIGHT pixels tall.
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
    shots.append(shoot(page, block.locator("[data-results]"), "case-study-results.png"))
    assert page.js_errors == [], page.js_errors
    return shots


def role_play(browser, bench, student_id):
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
    shots.append(shoot(page, block, "role-play-ending.png"))
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
            for take in takes or (likert, case_study, role_play, perspectives, facilitator_pack):
                if takes or not sys.argv[1:] or take.__name__ in sys.argv[1:]:  # all, or the ones named
                    shots += take(browser, bench, student_id)
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    for path in shots:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
