"""Fixtures for the real-browser tests: Debian's Chromium driven by Playwright against the
workbench served by pytest-django's ``live_server``.

* Never ``playwright install``: the tests launch ``/usr/bin/chromium`` (``launch_chromium``).
* Without Chromium the tests skip locally, but FAIL when ``CI=true``.
* ``workbench`` gives a freshly loaded set of demo scenarios in the test database (the live
  server thread shares it), URLs for pages and handlers, and custom scenarios.
"""

import itertools
import json
import os
import shutil
import uuid

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told it is fine (the test and live server share the DB).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
DEMO_EN, DEMO_FR = "emm_likert.0", "emm_likert.1"  # scenarios/emm_likert-1-en.xml, -2-fr.xml
DESKTOP = {"width": 1000, "height": 900}
PHONE = {"width": 320, "height": 640}

_custom = itertools.count()


def chromium_path():
    return shutil.which("chromium")


def launch_chromium(playwright):
    """The only way this machine may start a browser: Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


def on_ci():
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def browser():
    if not chromium_path():
        message = "Chromium is not installed (apt-get install chromium): the browser tests cannot run"
        if on_ci():
            pytest.fail(message + " and CI=true", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """``new_page(viewport=DESKTOP, lang="en", touch=False)`` -> a page in its own context (own
    cookies); ``touch``: a phone's (a touch screen, no hover: Chromium's mobile emulation)."""
    contexts = []

    def make(viewport=DESKTOP, locale="en-US", touch=False):
        context = browser.new_context(viewport=viewport, locale=locale, has_touch=touch, is_mobile=touch)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.js_errors = []
        page.on("pageerror", lambda err: page.js_errors.append(str(err)))
        return page

    yield make
    for context in contexts:
        context.close()


def open_json_tab(page, root):
    """Open the editor's "Edit as JSON (advanced)" under ``root`` (a CSS selector) as an author does:
    click it, then wait for the box to show the form's JSON, which the page writes on the
    ``<details>``' ``toggle`` event, a task of its own after the click (``emm-editor.js``). A test
    that typed into the box before that task ran had what it typed replaced by the form's JSON.
    Returns the box's locator."""
    page.locator(f"{root} [data-json-tab] > summary").click()
    box = page.locator(f"{root} [data-json]")
    page.wait_for_function("box => box.value.startsWith('{')", arg=box.element_handle())
    return box


def answer_asked(page, root, yes=True):
    """Answer the question a block asks in the page before an action (``EMM.ask``, emm-ask.js: not
    ``window.confirm``, which a web view without a dialog handler answers "no" unseen): wait for it
    under ``root`` (a CSS selector), check its own button has the focus, then press Enter on it
    (``yes``) or Escape. Returns the question's words."""
    box = page.locator(f"{root} .emm-ask")
    box.wait_for()
    question = box.locator("p").first.text_content()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-ask-yes')")
    page.keyboard.press("Enter" if yes else "Escape")
    box.wait_for(state="detached")
    return question


LANDMARKS = ("region", "complementary", "navigation", "form", "search", "main", "banner", "contentinfo")


def landmark_names(page):
    """The page's named landmarks as a screen reader lists them (NVDA's D, VoiceOver's rotor):
    their names as Chromium computes them (its accessibility tree, through the DevTools protocol)."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return [n["name"]["value"] for n in nodes
            if not n.get("ignored") and n.get("role", {}).get("value") in LANDMARKS and n.get("name", {}).get("value")]


def student_id(prefix="learner"):
    """A learner id nobody else uses (block state and claims are per student)."""
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


class Workbench:
    """The workbench behind ``live_server``: URLs, usage ids, custom scenarios, seeding."""

    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")
        self.custom = []

    def scenario_url(self, scenario, student, lang="en"):
        return f"{self.base_url}/scenario/{scenario}/?student={student}&lang={lang}"

    def usage_id(self, scenario):
        """Usage id of the (single) block inside a scenario's ``vertical_demo``."""
        from workbench import scenarios
        from workbench.runtime import WorkbenchRuntime

        parent = WorkbenchRuntime("setup").get_block(scenarios.SCENARIOS[scenario].usage_id)
        return parent.children[0]

    def handler_url(self, scenario, handler, student):
        return f"{self.base_url}/handler/{self.usage_id(scenario)}/{handler}/?student={student}"

    def add_scenario(self, block_xml):
        """A scenario made of one block; returns its scenario id (removed after the test)."""
        from workbench import scenarios

        name = f"browser-{next(_custom)}-{uuid.uuid4().hex[:6]}"
        scenarios.add_xml_scenario(name, name, f"<vertical_demo>{block_xml}</vertical_demo>")
        self.custom.append(name)
        return name

    def submit(self, page, scenario, student, answers, comment=""):
        """POST the learner's submit handler over HTTP with the page's cookies and CSRF token,
        as the block's JavaScript does. Returns the Playwright APIResponse."""
        token = next((c["value"] for c in page.context.cookies() if c["name"] == "csrftoken"), None)
        assert token, "open a workbench page first: it sets the csrftoken cookie"
        return page.request.post(
            self.handler_url(scenario, "submit", student),
            data=json.dumps({"answers": answers, "comment": comment}),
            headers={"Content-Type": "application/json", "X-CSRFToken": token},
        )

    def cleanup(self):
        from workbench import scenarios

        for name in self.custom:
            scenarios.SCENARIOS.pop(name, None)


@pytest.fixture
def workbench(live_server, transactional_db):
    """The demo scenarios, loaded into this test's (fresh) database.

    The workbench keeps block content in its Django KVS and caches scenarios in a global: the
    database is flushed after every transactional test, so the scenarios are reparsed here."""
    from workbench.runtime_util import reset_global_state

    reset_global_state()
    bench = Workbench(live_server.url)
    yield bench
    bench.cleanup()


def axe_violations(page, context):
    """axe-core's results inside ``context`` (a CSS selector), with Debian's Chromium.

    ``heading-order`` (a best-practice rule, not WCAG) judges the block's <h3> against the host
    page's headings: the workbench has an <h1> and nothing between; in the LMS an XBlock's title
    sits under the unit's heading, like capa's <h3>. Everything else runs."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"resultTypes": ["violations"], "rules": {"heading-order": {"enabled": False}}}
    results = Axe().run(page, context=context, options=options)
    assert results.response["passes"], "axe checked nothing: is the block on the page?"
    return results


def assert_axe_clean(page, context):
    results = axe_violations(page, context)
    assert results.violations_count == 0, results.generate_report()
