"""A learner page whose block script did not load (a 2G link dropping during the load), in
headless Chromium: the block's ``emm-*.js`` requests are aborted (``page.route``), as the fresh-user
trial of session 11 did (finding 3: "Envoyer" reloaded the page blank and put every answer, the
written reflections and the anonymous evaluation's included, into the address).

Now the learner answers, taps the button and presses Enter: nothing leaves the page, the address
does not change, the answers stay; a few seconds on, a note in the page's language says why and
what to do. Even a native submission (``form.submit()``) puts no answer into the address. With the
script loaded, the buttons work and the note never shows (the blocks' own browser tests cover the
rest). The server's side: tests/integration/test_pages_wait_for_their_script.py.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import PHONE, student_id

pytestmark = pytest.mark.browser

BLOCK_SCRIPTS = "**/emm-*.js"
NOTE_FR = ("La page ne s’est pas chargée en entier\u00a0: rien ne peut être envoyé. Vérifiez votre connexion, "
           "puis rechargez la page (copiez d’abord votre texte).")
NOTE_FR_CHOICES = ("La page ne s’est pas chargée en entier\u00a0: rien ne peut être envoyé. Vérifiez votre "
                   "connexion, puis rechargez la page.")  # no box to type into: no text to copy first
FORMS = [  # the French demos: scenario, the block's root, what marks a question
    ("emm_likert.1", ".emm-likert", "[data-statement]"),
    ("emm_case_study.1", ".emm-case", "[data-question]"),
    ("emm_knowledge_check.2", ".emm-kc", "[data-question]"),
]
WORDS = " ".join(["mot"] * 60)


def documents(page):
    """The pages the tab loads from now on (a native submission is one)."""
    loaded = []
    page.on("request", lambda request: loaded.append(request.url) if request.resource_type == "document" else None)
    return loaded


def answer_everything(page, block, question):
    """The first option of every question (and of the profile question), a text in every box."""
    for fieldset in page.locator(f"{block} {question}, {block} [data-profile]").all():
        first = fieldset.locator("input").first
        if first.count():
            first.check()
    for area in page.locator(f"{block} textarea").all():
        area.fill(WORDS)


def answers_on_the_page(page, block):
    return page.evaluate("""(block) => {
        const root = document.querySelector(block);
        return [[...root.querySelectorAll("input:checked")].map((i) => i.name + "=" + i.value),
                [...root.querySelectorAll("textarea")].map((t) => t.value)];
    }""", block)


def address_values(url):
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("scenario, block, question", FORMS, ids=["likert", "case study", "knowledge check"])
def test_without_its_script_a_form_sends_nothing_keeps_the_answers_and_says_why(workbench, new_page,
                                                                                 scenario, block, question):
    page = new_page(PHONE, locale="fr-FR")
    page.route(BLOCK_SCRIPTS, lambda route: route.abort())
    learner = student_id()
    url = workbench.scenario_url(scenario, learner, lang="fr")
    page.goto(url)
    loaded = documents(page)
    note = page.locator(f"{block} .emm-wait")
    assert note.is_hidden()  # not at once: a slow script has a few seconds to arrive
    answer_everything(page, block, question)
    given = answers_on_the_page(page, block)
    assert given[0]

    submit = page.locator(f"{block} [data-submit]")
    assert submit.is_disabled()
    submit.click(force=True)  # the tap itself, whatever the button's state
    page.locator(f"{block} {question} input").first.focus()
    page.keyboard.press("Enter")  # the browser's submission by Enter
    page.wait_for_timeout(1000)
    assert loaded == [] and page.url == url
    assert answers_on_the_page(page, block) == given
    note.wait_for(state="visible", timeout=15_000)
    # a knowledge check has choices only: no text to copy first
    assert note.text_content() == (NOTE_FR_CHOICES if block == ".emm-kc" else NOTE_FR)

    # a native submission all the same (a stray one): the answers never go into the address
    with page.expect_navigation():
        page.locator(f"{block} form").evaluate("(form) => form.submit()")
    assert loaded and address_values(page.url) == address_values(url) == {"student": [learner], "lang": ["fr"]}

    page.unroute(BLOCK_SCRIPTS)  # the link is back: reloaded, the page works and says nothing
    assert_ready(page, url, block)


def assert_ready(page, url, block):
    """With the block's script: its buttons work, the note never shows."""
    errors = len(page.js_errors)  # the page without its scripts had its own (the runtime found no init)
    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")  # the block's init ran
    assert page.locator(f"{block} [data-wait]").count() == 0  # what the stylesheet shows the note by
    assert page.locator(f"{block} .emm-wait").is_hidden()
    buttons = page.locator(f"{block} [data-submit], {block} [data-save], {block} [data-role]")
    assert buttons.count() and all(b.is_enabled() for b in buttons.all())
    assert page.js_errors[errors:] == []


def test_without_its_script_a_role_play_choice_does_nothing_and_the_note_says_why(workbench, new_page):
    page = new_page(PHONE, locale="fr-FR")
    page.route(BLOCK_SCRIPTS, lambda route: route.abort())
    url = workbench.scenario_url("emm_role_play.1", student_id(), lang="fr")
    handlers = []
    page.on("request", lambda request: handlers.append(request.url) if "/handler/" in request.url else None)
    page.goto(url)
    role = page.locator(".emm-role-play [data-role]").first
    assert role.is_disabled()
    role.click(force=True)
    page.wait_for_timeout(500)
    assert handlers == [] and page.url == url
    note = page.locator(".emm-role-play .emm-wait")
    note.wait_for(state="visible", timeout=15_000)
    assert note.text_content() == NOTE_FR_CHOICES
    page.unroute(BLOCK_SCRIPTS)
    assert_ready(page, url, ".emm-role-play")


@pytest.mark.parametrize("scenario, block, question", FORMS, ids=["likert", "case study", "knowledge check"])
def test_a_submit_sent_at_load_from_the_device_keeps_its_button_busy(workbench, new_page, scenario, block, question):
    """``EMM.ready`` runs before the page sends what waited on the device (a submit tapped
    offline): that submit's button stays disabled and busy while it goes, not enabled under it."""
    page = new_page(PHONE, locale="fr-FR")
    page.goto(workbench.scenario_url(scenario, student_id(), lang="fr"))
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    answer_everything(page, block, question)
    page.context.set_offline(True)
    page.locator(f"{block} [data-submit]").click()
    page.wait_for_function("""() => Object.keys(localStorage).some((k) => k.startsWith("emm-draft-")
        && (JSON.parse(localStorage.getItem(k)) || {}).queued)""")  # kept, to go when the link is back
    held = []
    page.route("**/submit/**", lambda route: held.append(route))  # it leaves, and no answer comes yet
    page.context.set_offline(False)
    page.reload()
    page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
    submit = page.locator(f"{block} [data-submit]")
    page.wait_for_function("(b) => document.querySelector(b + ' [data-submit]').getAttribute('aria-busy')", arg=block)
    assert held and submit.is_disabled()
