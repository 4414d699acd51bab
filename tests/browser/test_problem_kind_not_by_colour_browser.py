"""An author tells a problem that keeps the block from working (an error) from one that only
advises (a warning) without seeing colours, in Studio's preview and in the editor (WCAG 1.4.1 Use
of Color), as the role-play editor's problem list already says it ("Warning: {message}",
``emm-role-play-map.js``).

Bug hunt a11y: the previews write each problem as ``<li class="emm-error|emm-warning">{{ message }}``
(``templates/<block>/author.html``, in an unnamed ``ul.emm-problems``), and the form editors put the
bare message in the field's slot (``EmmEditor.mark``, emm-editor.js: ``emm-warning-text`` or not).
The only difference is the text's colour, dark red (#b42318) or dark brown (#7d4e00): alike to a
reader who does not tell red from brown, and nothing at all to a screen reader in the preview."""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser

# one warning (question 1 has no explanation), one error (question 2 marks no option correct)
CASE = """<emm_case_study display_name="Two teenagers" topic="Child migration" estimated_minutes="10">
  <narrative><![CDATA[<p>Two teenagers arrive at a border post.</p>]]></narrative>
  <question id="consent" type="single" points="1">
    <prompt><![CDATA[<p>Does the consent of a child matter?</p>]]></prompt>
    <option id="no" correct="true">No</option>
    <option id="yes">Yes</option>
  </question>
  <question id="indicators" type="single" points="1">
    <prompt><![CDATA[<p>Which fact is an indicator?</p>]]></prompt>
    <option id="papers">The adult keeps their papers</option>
    <option id="foot">They arrived on foot</option>
    <explanation><![CDATA[<p>Papers.</p>]]></explanation>
  </question>
</emm_case_study>"""
WARNING = "Question 1 has no explanation."
ERROR = "Question 2 is single choice: mark exactly one option as correct"

# What names an item's kind other than its colour: its own text, the name of its list, a heading
# just before that list.
KIND_SAID = """(el) => {
    const list = el.closest('ul, ol'), heading = list && list.previousElementSibling;
    const named = list && (list.getAttribute('aria-label') || (list.getAttribute('aria-labelledby') || '').split(' ')
        .map((id) => (document.getElementById(id) || {}).textContent || '').join(' '));
    return [el.textContent, named || '', heading && /^H[1-6]$/.test(heading.tagName) ? heading.textContent : '']
        .join(' | ').toLowerCase(); }"""


def test_the_preview_says_which_problems_are_warnings_not_only_in_colour(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/author_view/?student=staff_1&lang=en")
    problems = page.locator(".emm-case .emm-problems li")
    warning, error = problems.filter(has_text=WARNING), problems.filter(has_text=ERROR)
    assert warning.count() == 1 and error.count() == 1
    colours = warning.evaluate("e => getComputedStyle(e).color"), error.evaluate("e => getComputedStyle(e).color")
    assert colours[0] != colours[1]  # the colour says it
    said_warning, said_error = warning.evaluate(KIND_SAID), error.evaluate(KIND_SAID)
    assert "warning" in said_warning and "warning" not in said_error, (
        f"the kinds differ by colour only: {said_warning!r} / {said_error!r}")


def test_the_editor_says_which_problems_are_warnings_not_only_in_colour(workbench, new_page):
    scenario = workbench.add_scenario(CASE)
    page = new_page(DESKTOP)
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=en")
    editor = page.locator(".emm-case-editor")
    name = editor.locator("[data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    name.fill("Two teenagers at the border post")  # an edit: the editor checks the form, problems beside their fields
    warning = editor.locator("[data-error-key]").filter(has_text=WARNING)
    error = editor.locator("[data-error-key]").filter(has_text=ERROR)
    warning.wait_for()  # the check came back
    error.wait_for()
    assert warning.evaluate("e => getComputedStyle(e).color") != error.evaluate("e => getComputedStyle(e).color")
    said_warning, said_error = warning.inner_text().lower(), error.inner_text().lower()
    assert "warning" in said_warning and "warning" not in said_error, (
        f"the kinds differ by colour only: {said_warning!r} / {said_error!r}")
    assert page.js_errors == []
