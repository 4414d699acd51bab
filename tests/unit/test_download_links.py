"""Every block's staff download links are one markup (common/downloads.py ``links_html``): the
plain CSV, then its Excel variant beside it, escaped; buttons on a page of staff figures (the
Likert results panel, the course report), links under a learner's page (case study, role-play)."""

from emm_xblocks.common.downloads import links_html

EXCEL = {"text": "CSV for Excel (;)", "title": "Columns separated by \"semicolons\""}


def test_a_link_then_its_excel_variant_escaped():
    html = str(links_html("/h/csv?a=1&b=2", "Download <all>", "/h/csv/excel", EXCEL, mark=" data-csv"))
    assert html == ('<a href="/h/csv?a=1&amp;b=2" download data-csv>Download &lt;all&gt;</a> · '
                    '<a href="/h/csv/excel" download data-csv-excel '
                    'title="Columns separated by &quot;semicolons&quot;">CSV for Excel (;)</a>')


def test_buttons_and_no_excel_variant_without_its_address_or_words():
    html = str(links_html("/h/csv", "Download", "/h/csv/excel", EXCEL, buttons=True))
    assert html.count('<a class="emm-button" href=') == 2 and " · " not in html
    assert str(links_html("/h/csv", "Download", "", EXCEL)) == '<a href="/h/csv" download>Download</a>'
    assert "data-csv-excel" not in str(links_html("/h/csv", "Download", "/h/csv/excel", None))
