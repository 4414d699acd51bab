"""Screenshots of the Likert block for the docs (not a test).

    .venv/bin/python scripts/screenshots.py

Serves the workbench from a throw-away database, drives Debian's Chromium (the same launch as
the browser tests, never ``playwright install``) and writes

* docs/screenshots/likert-learner.png  the English demo, 1000 px wide, a few answers chosen;
* docs/screenshots/likert-results.png  the staff results panel after six learners answered.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def hide_workbench_banner(page):
    """The workbench's fixed page banner would cover the top of an element screenshot."""
    page.add_style_tag(content="header.banner { display: none !important; }")


def main():
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    workdir = tempfile.mkdtemp(prefix="emm-screenshots-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emm_xblocks.workbench.settings")
    os.environ["EMM_WORKBENCH_DB"] = str(Path(workdir) / "workbench.db")

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)

    from playwright.sync_api import sync_playwright
    from pytest_django.live_server_helper import LiveServer
    from workbench.runtime_util import reset_global_state

    from tests.browser.conftest import DEMO_EN, Workbench, chromium_path, launch_chromium, student_id
    from tests.browser.test_likert_browser import SEED, STATEMENTS

    if not chromium_path():
        sys.exit("Chromium is not installed (apt-get install chromium)")
    reset_global_state()  # load the demo scenarios into the fresh database
    server = LiveServer("127.0.0.1:0")
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        bench = Workbench(server.url)
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="en-US")
            page = context.new_page()

            page.goto(bench.scenario_url(DEMO_EN, student_id()))
            block = page.locator(".emm-likert")
            for sid, point in zip(STATEMENTS[:3], (4, 5, 2), strict=True):  # "Agree", "Strongly agree", "Disagree"
                block.locator(f'[data-statement="{sid}"] .emm-option').nth(point - 1).click()
            page.mouse.move(0, 0)  # no hover highlight in the picture
            hide_workbench_banner(page)
            block.screenshot(path=str(OUT / "likert-learner.png"))

            comments = ["More practical exercises on referral, please.", "Très utile, merci."]
            comments += [""] * (len(SEED) - len(comments))
            for answers, comment in zip(SEED, comments, strict=True):
                response = bench.submit(page, DEMO_EN, student_id("seed"), answers, comment)
                assert response.status == 200, response.text()
            page.goto(bench.scenario_url(DEMO_EN, "staff_1"))
            page.get_by_role("button", name="Show results").click()
            page.locator(".emm-likert [data-results] table").wait_for()
            hide_workbench_banner(page)
            page.locator(".emm-likert [data-results-section]").screenshot(path=str(OUT / "likert-results.png"))
            browser.close()
    finally:
        server.stop()
    for name in ("likert-learner.png", "likert-results.png"):
        print(OUT / name)


if __name__ == "__main__":
    main()
