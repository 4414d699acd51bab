"""``make run``'s workbench on a phone, as a participant who scans the live room's QR code in a
demo sees it (headless Chromium emulating a phone: a mobile browser lays out a page that declares
no viewport 980 px wide and scales it down). The LMS's pages declare one (``lms/templates/main.html``:
``width=device-width, initial-scale=1``, the one added here); xblock-sdk's
``workbench/block.html`` does not, and ``emm_xblocks.workbench.middleware.PhoneViewport`` adds it."""

import pytest

from tests.browser.conftest import student_id

pytestmark = pytest.mark.browser

PHONE_DEVICE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True,
                "has_touch": True}


@pytest.mark.parametrize("scenario", ["emm_case_study.1", "emm_role_play.1", "emm_likert.1"])
def test_a_demo_on_a_phone_is_laid_out_at_the_phones_width(workbench, browser, scenario):
    context = browser.new_context(locale="fr-FR", **PHONE_DEVICE)
    try:
        page = context.new_page()
        page.goto(workbench.scenario_url(scenario, student_id(), lang="fr"))
        page.wait_for_function("() => document.readyState === 'complete' && !!window.EMM")
        widths = page.evaluate("""() => ({layout: document.documentElement.clientWidth,
            page: document.documentElement.scrollWidth,
            block: document.querySelector('.emm').getBoundingClientRect().right})""")
        assert widths["layout"] == 360, widths  # not 980, scaled down
        assert widths["page"] <= 360 and widths["block"] <= 360, widths  # nothing wider: no sideways scroll
        assert page.locator('meta[name="viewport"]').count() == 1
        # the workbench's banner covers none of the block (it wrapped over its title, fixed: trial s31)
        overlap = page.evaluate("""() => document.querySelector('.workbench .banner').getBoundingClientRect().bottom
            - document.querySelector('.emm').getBoundingClientRect().top""")
        assert overlap <= 0, overlap
    finally:
        context.close()
