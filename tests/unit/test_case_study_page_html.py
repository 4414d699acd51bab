"""The case study's learner page written in Python (case_study/page_html.py): a catalogue is text,
so a translation holding markup or a quote is escaped, as every value is, in the text and in the
attributes (an image's alt goes into both); the author's HTML (sanitised before) and the parts
written elsewhere are kept; a locked page hides its buttons; counts are the msgids' ``%(n)s`` in
the learner's language. Byte-for-byte equality with the template it replaced:
bench/same_output.py."""

from django.utils.safestring import SafeString

from emm_xblocks.case_study.content import Case, Image
from emm_xblocks.case_study.page_html import page_html
from emm_xblocks.common.profile import Option
from tests.unit.marked_up_words import WORDS


def page(case=None, **kwargs):
    case = case or Case(display_name='Case "1" <a>', topic="Borders & <b>", estimated_minutes=1,
                        key_facts=("Fact <1>",), show_distribution=True, profile_prompt="You <work>",
                        profile_options=(Option("gov", "Gov"), Option("cso", "CSO")))
    values = {"dom": "emm-x", "lang": "fr", "rtl": False, "case": case, "ready": True,
              "narrative": SafeString("<p>Told</p>"),
              "sections": [{"title": "Part <2>", "html": SafeString("<p>Part</p>")}], "documents": [],
              "documents_html": SafeString(""), "images": [], "large_files": False, "questions": ("q",),
              "questions_html": SafeString("<fieldset>QUESTIONS</fieldset>"), "locked": False, "read_only": "",
              "attempts_left": None, "feedback_html": "", "pack_url": "", "learner_profile": "cso",
              "distribution_csv": "", **kwargs}
    return str(page_html(values, WORDS))


def test_values_and_translations_are_escaped_and_the_author_s_html_kept():
    html = page(read_only="Viewing as <learner>", attempts_left=2)
    for kept in ("<p>Told</p>", "<p>Part</p>", "<fieldset>QUESTIONS</fieldset>"):
        assert kept in html
    # the profile question: its options, the learner's last answer checked
    assert 'name="emm-x-profile" value="gov">' in html and 'name="emm-x-profile" value="cso" checked>' in html
    assert "<b>" not in html and "<a>" not in html
    assert '<h3 class="emm-title" id="emm-x-title" dir="auto">Case &quot;1&quot; &lt;a&gt;</h3>' in html
    assert ('<span dir="auto">Borders &amp; &lt;b&gt;</span> <span>&lt;b&gt;&quot;About 1 minute&quot;&lt;/b&gt;</span>'
            in html)
    assert '<ul dir="auto"><li>Fact &lt;1&gt;</li></ul>' in html and '<h4>Part &lt;2&gt;</h4>' in html
    assert '<span dir="auto">You &lt;work&gt;</span>' in html
    assert '<p class="emm-notice" data-read-only>Viewing as &lt;learner&gt;</p>' in html
    assert "data-attempts>&lt;b&gt;&quot;2 attempts left&quot;&lt;/b&gt;</p>" in html
    assert 'aria-label="&lt;b&gt;&quot;Your results&quot;&lt;/b&gt;"' in html
    # named after the case first, then its own label: two case studies on a page apart (bug hunt s44)
    assert 'id="emm-x-feedback" data-feedback' in html and 'aria-labelledby="emm-x-title emm-x-feedback"' in html
    assert 'aria-labelledby="emm-x-title emm-x-facts"' in html


def test_an_image_s_alt_is_escaped_in_its_attribute_and_its_button():
    html = page(images=[Image("https://x.org/a.png?a=1&b=2", 'The "map" <n>', "Cap & <c>")])
    assert 'data-src="https://x.org/a.png?a=1&amp;b=2" alt="The &quot;map&quot; &lt;n&gt;"' in html
    assert "&lt;b&gt;&quot;Show image: <bdi>The &quot;map&quot; &lt;n&gt;</bdi>&quot;&lt;/b&gt;</span></button>" in html
    assert '<figcaption dir="auto">Cap &amp; &lt;c&gt;</figcaption>' in html and "data-low-data" in html


def test_the_author_s_images_are_held_back_behind_a_button_and_offer_the_low_data_switch():
    """An image of the narrative or a section loaded at every visit, low-data mode or not, and a case whose only
    images were in its text offered no switch (bug hunt s44): each is now the case's own images' way, its
    address in ``data-src``, lazy, a button after it (after its link: none inside one)."""
    assert "data-low-data" not in page()
    html = page(narrative=SafeString('<p>Told <img src="/static/map.png" alt="The &quot;map&quot;" loading="eager">'
                                     "</p>"),
                sections=[{"title": "Route", "html": SafeString('<p><a href="/r"><img src="https://x.org/r.png" alt="">'
                                                                "</a> then</p>")}])
    assert "data-low-data" in html and " src=" not in html
    assert ('<p>Told <img id="emm-x-img1" data-src="/static/map.png" alt="The &quot;map&quot;" loading="lazy" '
            'decoding="async"><button type="button" class="emm-button" data-show-image="emm-x-img1"><span>'
            "&lt;b&gt;&quot;Show image: <bdi>The &quot;map&quot;</bdi>&quot;&lt;/b&gt;</span></button></p>") in html
    # numbered across the texts; no alt: named as the editor names it; its button after the link
    assert ('<a href="/r"><img id="emm-x-img2" data-src="https://x.org/r.png" alt="" loading="lazy" decoding="async">'
            '</a><button type="button" class="emm-button" data-show-image="emm-x-img2"><span>&lt;b&gt;&quot;'
            "Show image: <bdi>&lt;b&gt;&quot;Image 2&quot;&lt;/b&gt;</bdi>&quot;&lt;/b&gt;</span></button> then</p>"
            ) in html


def test_a_locked_page_hides_its_buttons_and_a_case_with_no_question_has_no_form():
    assert "data-form-actions hidden>" in page(locked=True) and "data-form-actions>" in page()
    empty = page(questions=())
    assert "emm-empty" in empty and "<form" not in empty


def test_the_staff_links_show_only_with_their_addresses():
    html = page(distribution_csv="/h/csv?a=1&b=2", pack_url="/h/pack?lang=fr")
    assert 'href="/h/csv?a=1&amp;b=2" download' in html and "emm-pack-link" in html
    assert "data-csv-excel" not in html  # the Excel variant only with its own address
    both = page(distribution_csv="/h/csv?a=1", distribution_excel="/h/csv/excel?a=1&b=2")
    assert ('<a href="/h/csv/excel?a=1&amp;b=2" download data-csv-excel title="&lt;b&gt;&quot;For Excel as set up '
            'for this page’s language: columns separated by semicolons, numbers with this page’s decimal mark.'
            '&quot;&lt;/b&gt;">'
            '&lt;b&gt;&quot;CSV for Excel (;)&quot;&lt;/b&gt;<span class="emm-sr"> (&lt;b&gt;&quot;Download how '
            'participants answered, by profile (CSV)&quot;&lt;/b&gt;)</span></a></p>' in both)  # beside the plain one
    assert "emm-staff-link" not in page() and "emm-pack-link" not in page()


def test_the_staff_link_its_handler_would_refuse_says_why_in_its_place():
    """Below the minimum group size the handler answers 409 (``export.distribution_refusal``): the page offers
    no link that would fail, and says the handler's words where the links were (review s25, item 3)."""
    from emm_xblocks.case_study.export import distribution_refusal as refusal

    case = Case(display_name="Case", show_distribution=True, min_group_size=5)
    html = page(case=case, distribution_csv="/h/csv", distribution_excel="/h/csv/excel",
                distribution_refusal=refusal(case, 1, WORDS))
    assert "/h/csv" not in html and "data-csv-excel" not in html
    assert ('<p class="emm-staff-link"><span class="emm-download-refused" data-download-refused="too_few_respondents">'
            '&lt;b&gt;&quot;The answers can be downloaded once at least 5 people have answered (1 so far).'
            '&quot;&lt;/b&gt;</span></p>') in html
    assert refusal(case, 5, WORDS) is None
    offered = page(case=case, distribution_csv="/h/csv", distribution_refusal=None)
    assert 'href="/h/csv" download' in offered and "data-download-refused" not in offered
