"""The staff's download buttons stay apart when they wrap (bug hunt "new", a newcomer on a phone in
French): the Likert results panel's "Télécharger le dictionnaire des variables : ce que contient
chaque colonne (CSV)" filled the line, and its "CSV pour Excel (;)" sat right under it, the two
borders touching, where buttons elsewhere (``.emm-actions``) keep half a line between them."""

import pytest

from tests.browser.conftest import DEMO_FR
from tests.browser.test_likert_browser import BLOCK, SEED, open_block, seed

pytestmark = pytest.mark.browser
PHONE_390 = {"width": 390, "height": 844}
GAP = 8  # .5rem, as .emm-actions

# each pair of neighbouring buttons in a paragraph: [above or before, after, stacked, the space between]
# (the paragraphs that hold a download button, whatever their class)
PAIRS = """(root) => [...document.querySelectorAll(root + ' p')]
  .filter((p) => p.querySelector('a.emm-button[download]')).flatMap((p) => {
    const boxes = [...p.querySelectorAll('a.emm-button, button.emm-button')].map((b) => [b.textContent.trim(),
        b.getBoundingClientRect()]);
    return boxes.slice(1).map(([text, box], i) => {
        const [before, prev] = boxes[i];
        const stacked = box.top >= prev.bottom - 1;
        return [before, text, stacked, Math.round(stacked ? box.top - prev.bottom : box.left - prev.right)];
    });
})"""


def test_the_codebook_and_its_excel_variant_are_apart_on_a_phone(workbench, new_page):
    page = new_page(PHONE_390, locale="fr-FR")
    url = workbench.scenario_url(DEMO_FR, "staff_1", lang="fr")
    open_block(page, url)
    seed(workbench, page, DEMO_FR, SEED)
    open_block(page, url)
    page.locator(f"{BLOCK} [data-show-results]").click()
    page.locator(f"{BLOCK} [data-results] a").first.wait_for()
    pairs = page.evaluate(PAIRS, f"{BLOCK} [data-results]")
    assert [p[0].split(" (")[0] for p in pairs] == ["Télécharger les réponses",
                                                    "Télécharger le dictionnaire des variables\u00a0: ce que contient "
                                                    "chaque colonne"]
    assert any(p[2] for p in pairs), pairs  # on a phone the codebook's Excel variant goes under it
    assert all(p[3] >= GAP for p in pairs), pairs


def test_the_report_s_download_and_print_buttons_are_apart_on_a_phone(workbench, new_page):
    page = new_page(PHONE_390, locale="fr-FR")
    page.goto(workbench.scenario_url("emm_evaluation_report.3", "staff_1", lang="fr"))
    page.locator(".emm-er [data-print]").wait_for()
    pairs = page.evaluate(PAIRS, ".emm-er")
    assert len(pairs) == 2 and all(p[3] >= GAP for p in pairs), pairs
