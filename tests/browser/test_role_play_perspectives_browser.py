"""The role-play's perspectives in headless Chromium: after other participants of two roles took
part, a learner plays to the ending with the mouse and reads, in the debrief, how each role chose
at the decision the roles share and how each role's scenario ended, as tables (caption, headers)
that axe-core finds nothing wrong with, in English and in Arabic on a phone."""

import pytest

from emm_xblocks.common import store
from tests.browser.conftest import DESKTOP, PHONE, assert_axe_clean, student_id
from tests.browser.test_role_play_browser import BLOCK, assert_fits, open_block

pytestmark = pytest.mark.browser

MEETING = """
<emm_role_play display_name="Case meeting" show_others="true" min_group_size="3" attempts_allowed="3">
  <role id="officer" start="po">Police officer</role>
  <role id="social" start="sw">Social worker</role>
  <role id="judge" start="meet">Judge</role>
  <node id="po"><narrative><![CDATA[<p>PO</p>]]></narrative>
    <choice goto="meet">Interview her alone</choice>
  </node>
  <node id="sw"><narrative><![CDATA[<p>SW</p>]]></narrative>
    <choice goto="meet">Talk with her</choice>
  </node>
  <node id="meet"><narrative><![CDATA[<p>The case meeting.</p>]]></narrative>
    <choice goto="good">Refer her to child protection</choice>
    <choice goto="ok">Wait for the others to decide</choice>
    <choice goto="bad">Let her go on with the man</choice>
  </node>
  <node id="good" ending="true" category="good"><narrative><![CDATA[<p>She is safe.</p>]]></narrative>
    <debrief><![CDATA[<p>Good practice.</p>]]></debrief></node>
  <node id="ok" ending="true" category="acceptable"><narrative><![CDATA[<p>She waits.</p>]]></narrative>
    <debrief><![CDATA[<p>Acceptable.</p>]]></debrief></node>
  <node id="bad" ending="true" category="harmful"><narrative><![CDATA[<p>She leaves.</p>]]></narrative>
    <debrief><![CDATA[<p>Harmful.</p>]]></debrief></node>
</emm_role_play>
"""


def seed(workbench, scenario):
    """Five officers (4 refer, 1 lets her go) and two social workers (1 refers, 1 waits) took part:
    their rows as the role-play's pipeline stores them (``store.record`` with the role)."""
    key = str(workbench.usage_id(scenario))
    for n, (role, first, choice, ending) in enumerate(
            [("officer", "po", "0", "good")] * 4 + [("officer", "po", "2", "bad"),
                                                    ("social", "sw", "0", "good"), ("social", "sw", "1", "ok")]):
        store.record(key, {first: "0", "meet": choice, "@ending": ending}, user_key=f"seed{n}", replace=True,
                     role=role)


def play_as_social_worker(page, workbench, scenario, lang, choice=0):
    open_block(page, workbench.scenario_url(scenario, student_id(), lang=lang))
    page.locator(f"{BLOCK} [data-role=social]").click()
    page.locator(f"{BLOCK} [data-choice]").first.click()
    page.locator(f"{BLOCK} .emm-rp-consequence, {BLOCK} [data-choice]").first.wait_for()
    page.locator(f"{BLOCK} [data-choice]").nth(choice).click()
    page.locator(f"{BLOCK} .emm-rp-ending").wait_for()


def table_text(page, index):
    return page.locator(f"{BLOCK} table.emm-rp-split").nth(index).evaluate("""(t) => ({
        caption: t.caption.textContent.trim(),
        scopes: [...t.querySelectorAll('th')].map((th) => th.getAttribute('scope')),
        rows: [...t.rows].map((r) => [...r.cells].map((c) => c.innerText.replace(/\\s+/g, ' ').trim()))})""")


def test_the_debrief_shows_how_each_role_chose_and_ended(workbench, new_page):
    scenario = workbench.add_scenario(MEETING)
    seed(workbench, scenario)
    page = new_page(DESKTOP)
    play_as_social_worker(page, workbench, scenario, "en")
    decision = table_text(page, 0)
    assert decision["caption"] == "Step 2: how the participants of each role who reached it chose"
    assert decision["rows"] == [
        ["Choice", "Police officer 5 participants", "Social worker (your role) 3 participants"],
        ["Refer her to child protection (your choice)", "80%", "67%"],
        ["Wait for the others to decide", "0%", "33%"],
        ["Let her go on with the man", "20%", "0%"],
    ]
    assert decision["scopes"] == ["col"] * 3 + ["row"] * 3
    ending = table_text(page, 1)
    assert ending["caption"] == "How the scenario ended for the participants of each role"
    assert ending["rows"][1:] == [["Police officer 5 participants", "80%", "0%", "20%"],
                                  ["Social worker (your role) 3 participants", "67%", "33%", "0%"]]
    # the bar is drawn as wide as the share, and hidden from screen readers
    bar = page.locator(f"{BLOCK} table.emm-rp-split .emm-rp-bar").first
    assert bar.get_attribute("aria-hidden") == "true"
    cell = bar.locator("xpath=..").bounding_box()
    assert 0.6 * cell["width"] < bar.bounding_box()["width"] < 0.9 * cell["width"]
    assert_axe_clean(page, BLOCK)
    assert page.js_errors == []


def test_in_forced_colours_the_bars_keep_their_length_and_the_figures_stay_readable(workbench, new_page):
    """Accessibility trial s35 (WCAG 1.4.11): in Windows' high contrast mode the bars behind the
    figures lost their fill (backgrounds are dropped), leaving no trace of the share."""
    scenario = workbench.add_scenario(MEETING)
    seed(workbench, scenario)
    page = new_page(DESKTOP)
    page.emulate_media(forced_colors="active")
    play_as_social_worker(page, workbench, scenario, "en")
    bar = page.locator(f"{BLOCK} table.emm-rp-split .emm-rp-bar").first
    look = bar.evaluate("""(b) => { const s = getComputedStyle(b), f = b.parentNode.querySelector('.emm-rp-figure');
        return {image: s.backgroundImage, adjust: s.forcedColorAdjust,
                figure: getComputedStyle(f).color, under: getComputedStyle(f).backgroundColor}; }""")
    assert look["adjust"] == "none" and look["image"].startswith("repeating-linear-gradient"), look
    assert look["figure"] != look["under"], look
    cell = bar.locator("xpath=..").bounding_box()
    assert 0.6 * cell["width"] < bar.bounding_box()["width"] < 0.9 * cell["width"]
    assert page.js_errors == []


def test_a_small_group_is_withheld_cell_by_cell_and_arabic_reads_right_to_left_on_a_phone(workbench, new_page):
    scenario = workbench.add_scenario(MEETING)
    key = str(workbench.usage_id(scenario))
    rows = [("officer", {"po": "0", "meet": "0", "@ending": "good"})] * 3 + [
        ("social", {"sw": "0", "meet": "0", "@ending": "good"})] * 3 + [("judge", {"meet": "1", "@ending": "ok"})]
    for n, (role, answers) in enumerate(rows):
        store.record(key, answers, user_key=f"seed{n}", replace=True, role=role)
    page = new_page(PHONE, locale="ar")
    play_as_social_worker(page, workbench, scenario, "ar", choice=1)
    # one judge (below 3) and, so that the overall share does not give the judge away, the three
    # officers are withheld; the four social workers are shown
    table = page.locator(f"{BLOCK} table.emm-rp-split").first
    assert table.locator(".emm-rp-suppressed").count() == 6  # 3 choices x (officers, judge)
    assert table.locator(".emm-rp-bar").count() == 2  # the social workers' column, but for its 0%
    rows = table_text(page, 0)["rows"]
    assert [row[2] for row in rows[1:]] == ["75%", "25%", "0%"]  # as CLDR's Arabic (ar) writes a percentage
    assert rows[1][1] == rows[1][3] and rows[1][1] not in rows[1][2]  # withheld cells say so, alike
    assert table.evaluate("(el) => getComputedStyle(el).direction") == "rtl"
    first_header = table.locator("th").first.bounding_box()
    last_header = table.locator("th[scope=col]").last.bounding_box()
    assert first_header["x"] > last_header["x"]  # the first column is on the right
    assert_fits(page, PHONE["width"])
    assert_axe_clean(page, BLOCK)
    assert page.js_errors == []
