"""Review of issue 7's phone paddings (emm-role-play-studio.css): on a 320 px phone with the text at 200 %, the
role-play editor's numbered lists (grade bands, roles) keep their numbers inside their group. `.emm-rp-list`'s
start padding became min(1.5rem, 8vw), 25.6 px there, while the number ("1. " at 32 px) is about 36 px wide: it is
drawn over the group's border (and "10. " past it, towards the screen's edge)."""

from importlib import resources

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
# each numbered row: where its number starts (an outside marker ends at the row's start), and its group's inner edge
MARKERS = """(root) => {
  const out = [];
  for (const li of root.querySelectorAll('ol > li')) {
    const st = getComputedStyle(li);
    if (!li.getClientRects().length || st.display !== 'list-item' || st.listStyleType === 'none') { continue; }
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;font:' + st.font;
    probe.textContent = (Array.prototype.indexOf.call(li.parentElement.children, li) + 1) + '. ';
    document.body.appendChild(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    const group = li.parentElement.closest('fieldset'), gs = getComputedStyle(group);
    const inner = group.getBoundingClientRect().left + parseFloat(gs.borderLeftWidth);
    const start = li.getBoundingClientRect().left - width;
    if (start < inner - 0.5) {
      out.push(`${li.parentElement.getAttribute('data-list')} ${probe.textContent.trim()} `
        + `starts at ${Math.round(start)} px, `
        + `its group's border ends at ${Math.round(inner)} px`);
    }
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["fr"])
def test_the_numbers_of_the_bands_and_roles_stay_inside_their_group(lang, workbench, new_page):
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", "emm_role_play-1-en.xml").read_text("utf-8")
    page = new_page(PHONE, locale=lang)
    page.goto(f"{workbench.base_url}/scenario/{workbench.add_scenario(xml)}/studio_view/?student=staff_1&lang={lang}")
    name = page.locator(".emm-rp-studio [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    found = page.evaluate(MARKERS, page.locator(".emm-rp-studio").element_handle())
    assert found == [], ("text at 200 % on a 320 px phone, list numbers drawn over their group's border:\n"
                         + "\n".join(found))
    assert page.js_errors == []


def test_two_and_three_digit_numbers_stay_inside_their_group_too(workbench, new_page):
    """The room follows the longest number: "10. " and "100. " (up to 101 bands) are wider than "1. "; the lists
    titled by their legend keep no number and no room for one."""
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", "emm_role_play-1-en.xml").read_text("utf-8")
    page = new_page(PHONE)
    page.goto(f"{workbench.base_url}/scenario/{workbench.add_scenario(xml)}/studio_view/?student=staff_1")
    name = page.locator(".emm-rp-studio [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    studio = page.locator(".emm-rp-studio")
    for rows in (12, 100):
        studio.evaluate("""(root, rows) => {
          const add = root.querySelector('[data-add=bands]'), list = root.querySelector('[data-list=bands]');
          while (list.children.length < rows) { add.click(); }
        }""", rows)
        found = page.evaluate(MARKERS, studio.element_handle())
        assert found == [], f"{rows} bands at 200 % on a 320 px phone:\n" + "\n".join(found)
    starts = studio.evaluate("""(root) => ['nodes', 'choices'].map((n) => root.querySelector(`[data-list=${n}]`))
      .filter(Boolean).map((l) => getComputedStyle(l).paddingInlineStart)""")
    assert starts and set(starts) == {"0px"}, starts
    assert page.js_errors == []
