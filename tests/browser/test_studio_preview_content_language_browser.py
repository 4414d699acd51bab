"""Studio's preview of a block (its ``author_view``) on an Arabic page, over the English demos (each
declares ``content_language="en"``): the author's words say their language and read left to right,
as the learner's page has them say it (decision 56, WCAG 2.1 SC 3.1.2 "Language of Parts").

Bug hunt a11y: every ``templates/<block>/author.html`` writes the author's texts (the title, the
introduction, the statements, the questions and their options, the narratives) straight into the
block's ``<div lang="ar" dir="rtl">``, with neither ``lang`` nor ``dir="auto"``: a screen reader
reads the English preview with the Arabic voice, and on the screen an English sentence's closing
punctuation jumps to its start (".questions come back at the end of the training", "?What is this").
"""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser

# scenario, the block's root, a text of the author's that its preview shows
PREVIEWS = [
    ("emm_case_study.0", ".emm-case", "Which of these still bind the authorities in Agadez after November 2023?"),
    ("emm_knowledge_check.0", ".emm-kc",
     "When does the principle of non-refoulement protect an asylum seeker?"),
    ("emm_likert.0", ".emm-likert", "The objectives of each session were clear."),
    ("emm_role_play.0", ".emm-role-play",
     "The man says the girl is going to work for a family in a city and that everything is arranged. "
     "She does not say a word."),
]

READ_AS = """(el) => { const host = el.closest('[lang]');
    return {lang: host ? host.getAttribute('lang') : null, direction: getComputedStyle(el).direction}; }"""


@pytest.mark.parametrize(("scenario", "root", "text"), PREVIEWS)
def test_the_arabic_studio_preview_reads_the_english_content_as_english(workbench, new_page, scenario, root, text):
    page = new_page(DESKTOP, locale="ar")
    page.goto(f"{workbench.base_url}/scenario/{scenario}/author_view/?student=staff_1&lang=ar")
    block = page.locator(root)
    block.wait_for()
    assert block.get_attribute("lang") == "ar" and block.get_attribute("dir") == "rtl"  # the author's Studio: Arabic

    title = block.locator(".emm-title")
    assert title.evaluate(READ_AS) == {"lang": "en", "direction": "ltr"}, "the English title, read as Arabic"
    said = block.get_by_text(text).first
    assert said.evaluate(READ_AS) == {"lang": "en", "direction": "ltr"}, f"the author's {text!r}, read as Arabic"
    assert page.js_errors == []
