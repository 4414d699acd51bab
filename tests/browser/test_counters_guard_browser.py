"""Issue 10, "length limits show counters": a guard over every Studio editor, in Chromium. Each
editor is opened on its demo content, one row of every list is added (a question's options, a
node's choices, the profile question's answers...: every "Add" button, nested ones too), and then
every text box and text area an author types into must carry ``data-max-chars`` (its counter and
its refusal before sending, emm-forms.js) equal to the number the server refuses that field over:

* the editor's table (``COUNTED``, sent to the editor by the server: a text one character over is refused with
  ``text_too_long``, tests/unit/test_text_limits.py), found by the field's path with ``*`` for a
  list's index (``nodes.*.choices.*.label``);
* an id: ``common.ids.MAX_ID`` (the id check refuses a longer one);
* a text setting drawn from the block's SETTINGS: ``common.settings.TEXT_MAX`` (``read_editor``).

The whole-document boxes (the role-play's "Edit as XML", the structured editors' "Edit as JSON")
are left out: they are read as documents, each text inside then checked against the same table.
A field that loses its counter, or counts by another number than the server's, fails here."""

import pytest

from emm_xblocks.case_study import content as case_content
from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.common.ids import MAX_ID
from emm_xblocks.common.settings import TEXT, TEXT_MAX
from emm_xblocks.evaluation_report import content as report_content
from emm_xblocks.knowledge_check import content as check_content
from emm_xblocks.knowledge_check import editor as check_editor
from emm_xblocks.likert import content as likert_content
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.role_play import content as role_play_content
from emm_xblocks.role_play import editor as role_play_editor
from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser

# block type: (demo scenario, the editor's root, the server's table, the block's settings)
EDITORS = {
    "emm_likert": ("emm_likert-1-en.xml", ".emm-likert-editor", likert_editor.COUNTED, likert_content.SETTINGS),
    "emm_case_study": ("emm_case_study-1-en.xml", ".emm-case-editor", case_editor.COUNTED, case_content.SETTINGS),
    "emm_knowledge_check": ("emm_knowledge_check-1-en-pre.xml", ".emm-kc-editor", check_editor.COUNTED,
                            check_content.SETTINGS),
    "emm_role_play": ("emm_role_play-1-en.xml", ".emm-rp-studio", role_play_editor.COUNTED,
                      role_play_content.SETTINGS),
    "emm_evaluation_report": ("emm_evaluation_report-1-en.xml", ".emm-er-editor", {}, report_content.SETTINGS),
}

# Press every "Add" button of the editor once, then those the new rows brought (a question's
# options, a node's choices), as an author would (a click on the button; the role-play's nodes
# are folded: the click event reaches the form's handler all the same).
ADD_EVERY_ROW = """(root) => {
  const pressed = new Set();
  for (let round = 0; round < 5; round += 1) {
    const fresh = Array.from(root.querySelectorAll("[data-add]")).filter((b) => !pressed.has(b));
    if (!fresh.length) { return pressed.size; }
    fresh.forEach((b) => { pressed.add(b); b.click(); });
  }
  return pressed.size;
}"""

# Each text control an author types into: its field path (lists' names with "*" for the index,
# then its key) and its data-max-chars: a setting's [data-field] (and the role-play's own fields),
# every other field's [data-key]; every list is a [data-list]. A number's box is a text box too (bug hunt
# s44: type="number" dropped a French decimal comma), told by its inputmode, and has no counter.
TEXT_CONTROLS = """(root) => {
  const KEYS = ["data-field", "data-key"];
  const controls = root.querySelectorAll("textarea, input");
  return Array.from(controls).filter((c) => c.tagName === "TEXTAREA" || c.type === "text")
    .filter((c) => !c.hasAttribute("data-json") && !c.hasAttribute("data-xml") && !c.hasAttribute("inputmode"))
    .map((c) => {
      const key = KEYS.map((k) => c.getAttribute(k)).filter(Boolean)[0] || "?" + (c.id || c.name);
      const lists = [];
      for (let n = c.parentElement; n && n !== root; n = n.parentElement) {
        const name = n.getAttribute("data-list");
        if (name) { lists.unshift(name + ".*"); }
      }
      return {path: lists.concat([key]).join("."), max: c.getAttribute("data-max-chars"),
              maxlength: c.getAttribute("maxlength")};
    });
}"""


def server_limit(path, table, settings):
    """The number of characters the server refuses ``path`` over (None: no limit known)."""
    if path in table:
        return table[path]
    if path == "id" or path.endswith(".id"):
        return MAX_ID
    return TEXT_MAX if any(s.name == path and s.kind == TEXT for s in settings) else None


@pytest.mark.parametrize("block_type", sorted(EDITORS))
def test_every_text_an_author_types_is_counted_by_the_servers_limit(block_type, workbench, new_page):
    from importlib import resources

    scenario_file, root, table, settings = EDITORS[block_type]
    xml = resources.files("emm_xblocks").joinpath("workbench", "scenarios", scenario_file).read_text("utf-8")
    scenario = workbench.add_scenario(xml)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1")
    editor = page.locator(root)
    page.wait_for_function("(el) => el.value !== ''", arg=page.locator(f"{root} [data-field=display_name]")
                           .element_handle())
    pressed = editor.evaluate(ADD_EVERY_ROW)
    controls = editor.evaluate(TEXT_CONTROLS)

    wrong = [(c["path"], c["max"], server_limit(c["path"], table, settings)) for c in controls
             if c["max"] != str(server_limit(c["path"], table, settings))]
    assert wrong == []  # (path, data-max-chars, the server's limit): a field without its counter, or a wrong one
    assert not [c for c in controls if c["maxlength"]]  # maxlength cuts a paste without a word
    seen = {c["path"] for c in controls}
    assert set(table) <= seen  # every limited field was found: every list's row was added
    if block_type != "emm_evaluation_report":
        assert pressed >= 2 and {p for p in seen if "*" in p}
    assert page.js_errors == []
