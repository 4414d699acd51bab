"""The Studio editors in French on a small laptop (1100 and 1024 px: Studio's editor is no wider) and on
a phone (390 px): every choice list (select) is at least as wide as the choice it shows, so an author
reads "Meilleure tentative", not "Meilleure tentat" (bug hunt "new": the role-play's three grading
settings side by side left "Tentative prise en compte" 145 px of the 165 its choice needs). Where
settings share a row (the role-play's .emm-rp-row), the row wraps rather than cut one."""

from importlib import resources

import pytest

pytestmark = pytest.mark.browser

EDITORS = {"emm_likert-2-fr.xml": ".emm-likert-editor", "emm_case_study-2-fr.xml": ".emm-case-editor",
           "emm_knowledge_check-3-fr-pre.xml": ".emm-kc-editor", "emm_role_play-2-fr.xml": ".emm-rp-studio",
           "emm_evaluation_report-2-fr.xml": ".emm-er-editor"}
WIDTHS = (1100, 1024, 390)

# each visible select whose box is narrower than the choice it shows (measured on a copy holding
# only that choice, at its own width), as "data-field or data-key: "text" needs N px, has M px". A
# select as wide as its whole line (its field's parent) is as wide as it can be: a choice longer than
# a phone is wide ("Après la dernière tentative (ou l’obtention de la note maximale)", 390 px) is
# cut there whatever the layout
CUT = """(root) => {
  const found = [];
  const line = (el) => {
    const box = el.parentElement.parentElement, style = getComputedStyle(box);
    return box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };
  for (const s of root.querySelectorAll('select')) {
    if (!s.getClientRects().length || s.selectedIndex < 0 || s.offsetWidth >= line(s) - 1) { continue; }
    const probe = s.cloneNode(false);
    probe.appendChild(s.options[s.selectedIndex].cloneNode(true));
    probe.removeAttribute('id');
    probe.style.width = 'auto'; probe.style.position = 'absolute'; probe.style.visibility = 'hidden';
    s.parentElement.appendChild(probe);
    const needs = probe.offsetWidth, has = s.offsetWidth;
    probe.remove();
    if (needs > has + 0.5) {
      const name = s.getAttribute('data-field') || s.getAttribute('data-key') || s.id;
      found.push(`${name}: "${s.options[s.selectedIndex].text}" needs ${needs} px, has ${has} px`);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("demo", sorted(EDITORS))
def test_every_choice_list_shows_its_whole_choice_in_french(demo, width, workbench, new_page):
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", demo).read_text("utf-8")
    scenario = workbench.add_scenario(xml)
    editor = EDITORS[demo]
    page = new_page({"width": width, "height": 900}, locale="fr-FR")
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=fr")
    name = page.locator(f"{editor} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    page.evaluate("(root) => root.querySelectorAll('details').forEach((d) => { d.open = true; })",
                  page.locator(editor).element_handle())
    page.wait_for_timeout(100)  # the toggle events run
    found = page.evaluate(CUT, page.locator(editor).element_handle())
    assert found == [], f"{demo} at {width} px, a choice cut:\n" + "\n".join(found)
    assert page.js_errors == []
