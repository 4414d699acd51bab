"""(Bug hunt s44.) Sanitised author HTML ran script in Chromium once the LMS had rewritten its course
files (the cause and the fix: ``tests/integration/test_platform_course_files.py``).

The page is the learner's ``student_view`` and the facilitator pack exactly as the
platform-faithful runtime renders them in the LMS (its ``replace_urls_wrapper`` and the block's
``course_files`` follow ``common/djangoapps/static_replace``), put in a real browser."""

import pytest

from tests.integration.test_platform_course_files import case_with_narrative

pytestmark = pytest.mark.browser

NARRATIVE = ("""<p>See '/static/map.png#<abbr title="'<img src=x onerror=window.__pwned=1>">the map</abbr>.</p>"""
             """<p>And '/static/a#<abbr title="'<svg onload=window.__pwned=2>">this</abbr>.</p>""")


def shown(new_page, html):
    page = new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    whole = html.lstrip().startswith("<!DOCTYPE")
    page.set_content(html if whole else f"<!DOCTYPE html><html><body>{html}</body></html>")
    page.wait_for_timeout(300)  # an <img src=x> fails at once; its onerror runs then
    return page


def test_the_learners_page_runs_no_script_of_the_author(scenario, handlers, new_page):
    uid = scenario(case_with_narrative(NARRATIVE))
    page = shown(new_page, handlers.view(uid, student="student_1").content)
    assert page.locator(".emm-narrative").inner_text().startswith("See")
    assert page.evaluate("() => window.__pwned || null") is None
    assert page.dialogs == []


def test_the_facilitator_pack_runs_no_script_of_the_author(scenario, handlers, new_page):
    uid = scenario(case_with_narrative(NARRATIVE))
    page = shown(new_page, handlers.get(uid, "facilitator_pack", student="staff_1").content.decode())
    assert "the map" in page.content()
    assert page.evaluate("() => window.__pwned || null") is None
