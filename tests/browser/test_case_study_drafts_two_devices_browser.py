"""A case study's drafts on two devices, the same learner (decision 117). On her phone she types without saving: the
text is kept on the phone. Later, on a laptop, she saves a newer draft on the course. Back on the phone, the page put
the phone's older text over the newer draft, without a word: the laptop's draft was gone from the form, and the next
"Save draft" wrote it over on the course. Now the form shows the newer draft, and a button dated in the page's
language offers the phone's text back."""

import re

import pytest

from tests.browser.conftest import DESKTOP, student_id
from tests.browser.test_phone_in_niger_browser import CASE_FR, PHONE_360
from tests.browser.test_recovery_browser import CASE_BLOCK, block_of, open_block

pytestmark = pytest.mark.browser

PHONE_TEXT = "Écrit sur le téléphone, sans l’enregistrer."
LAPTOP_TEXT = "Écrit plus tard sur l’ordinateur, et enregistré."
MONTHS_FR = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre")


def test_the_phones_older_text_does_not_hide_the_newer_draft_saved_on_the_laptop_and_is_offered_back(
        workbench, new_page):
    learner = student_id()
    url = workbench.scenario_url(CASE_FR, learner, lang="fr")
    area = f"{CASE_BLOCK} textarea"

    phone = new_page(PHONE_360, locale="fr-FR", touch=True)  # device B: typed, not saved
    open_block(phone, url, CASE_BLOCK)
    phone.locator(area).first.fill(PHONE_TEXT)
    phone.wait_for_function("() => Object.keys(localStorage).some((k) => k.startsWith('emm-draft-'))")
    phone.wait_for_timeout(50)

    laptop = new_page(DESKTOP, locale="fr-FR")  # device A: a newer draft, saved on the course
    open_block(laptop, url, CASE_BLOCK)
    laptop.locator(area).first.fill(LAPTOP_TEXT)
    laptop.locator(f"{CASE_BLOCK} [data-save]").click()
    laptop.locator(f"{CASE_BLOCK} [data-status]").filter(has_text="Brouillon enregistré").wait_for()
    first = block_of(workbench, CASE_FR, learner).draft
    assert LAPTOP_TEXT in first.values()

    open_block(phone, url, CASE_BLOCK)  # back on the phone
    assert phone.locator(area).first.input_value() == LAPTOP_TEXT, "the newer draft saved on the laptop is shown"
    restore = phone.locator(f"{CASE_BLOCK} [data-restore-device]")
    assert restore.is_visible(), "the phone's text is offered back, not lost"
    label = restore.text_content()
    assert label.startswith("Restaurer le texte saisi sur cet appareil le "), label
    assert re.search(rf"\b\d{{1,2}} ({MONTHS_FR}) \d{{4}}", label), label  # the date as French writes it
    phone.wait_for_timeout(500)
    assert block_of(workbench, CASE_FR, learner).draft == first, "nothing sent over the newer draft"

    phone.locator(f"{CASE_BLOCK} [data-save]").click()  # the laptop's draft saved again, from the phone
    phone.locator(f"{CASE_BLOCK} [data-status]").filter(has_text="Brouillon enregistré").wait_for()
    open_block(phone, url, CASE_BLOCK)
    assert phone.locator(area).first.input_value() == LAPTOP_TEXT, "the phone's older text stays the older"
    assert restore.is_visible(), "and is still offered"

    restore.click()
    assert phone.locator(area).first.input_value() == PHONE_TEXT
    assert restore.count() == 0
    open_block(phone, url, CASE_BLOCK)  # restored: now the newer, kept on the phone
    assert phone.locator(area).first.input_value() == PHONE_TEXT
    assert phone.locator(f"{CASE_BLOCK} [data-restore-device]").count() == 0
    assert phone.js_errors == [] and laptop.js_errors == []


def test_text_typed_on_the_phone_after_the_laptops_draft_was_saved_stays_in_the_form(workbench, new_page):
    """The newer wins: the phone's page, open before the laptop's save, typed on after it."""
    learner = student_id()
    url = workbench.scenario_url(CASE_FR, learner, lang="fr")
    area = f"{CASE_BLOCK} textarea"
    phone = new_page(PHONE_360, locale="fr-FR", touch=True)
    open_block(phone, url, CASE_BLOCK)
    laptop = new_page(DESKTOP, locale="fr-FR")
    open_block(laptop, url, CASE_BLOCK)
    laptop.locator(area).first.fill(LAPTOP_TEXT)
    laptop.locator(f"{CASE_BLOCK} [data-save]").click()
    laptop.locator(f"{CASE_BLOCK} [data-status]").filter(has_text="Brouillon enregistré").wait_for()

    phone.locator(area).first.fill(PHONE_TEXT)  # typed after the laptop's save
    phone.wait_for_timeout(50)
    open_block(phone, url, CASE_BLOCK)
    assert phone.locator(area).first.input_value() == PHONE_TEXT
    assert phone.locator(f"{CASE_BLOCK} [data-restore-device]").count() == 0
    assert phone.js_errors == [] and laptop.js_errors == []
