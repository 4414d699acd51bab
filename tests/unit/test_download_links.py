"""Every block's staff download links are one markup (common/downloads.py ``links_html``): the
plain CSV, then its Excel variant beside it, escaped; buttons on a page of staff figures (the
Likert results panel, the course report), links under a learner's page (case study, role-play)."""

from emm_xblocks.common.downloads import links_html

EXCEL = {"text": "CSV for Excel (;)", "title": "Columns separated by \"semicolons\""}


def test_a_link_then_its_excel_variant_escaped():
    html = str(links_html("/h/csv?a=1&b=2", "Download <all>", "/h/csv/excel", EXCEL, mark=" data-csv"))
    assert html == ('<a href="/h/csv?a=1&amp;b=2" download data-csv>Download &lt;all&gt;</a> · '
                    '<a href="/h/csv/excel" download data-csv-excel '
                    'title="Columns separated by &quot;semicolons&quot;">CSV for Excel (;)'
                    '<span class="emm-sr"> (Download &lt;all&gt;)</span></a>')  # its file said apart (a11y trial s35)


def test_buttons_and_no_excel_variant_without_its_address_or_words():
    html = str(links_html("/h/csv", "Download", "/h/csv/excel", EXCEL, buttons=True))
    assert html.count('<a class="emm-button" href=') == 2 and " · " not in html
    assert str(links_html("/h/csv", "Download", "", EXCEL)) == '<a href="/h/csv" download>Download</a>'
    assert "data-csv-excel" not in str(links_html("/h/csv", "Download", "/h/csv/excel", None))


def test_a_download_its_handler_would_refuse_is_no_link_but_why_in_its_place():
    """A browser cancels a download answered 409 and shows nothing of its JSON (review s25, item 3):
    the page says the handler's words instead, escaped, and offers neither file."""
    refused = {"error": "too_few_respondents", "message": "Once 5 <people> answered (1 so far)."}
    html = str(links_html("/h/csv", "Download", "/h/csv/excel", EXCEL, mark=" data-csv", refused=refused))
    assert html == ('<span class="emm-download-refused" data-download-refused="too_few_respondents">'
                    'Once 5 &lt;people&gt; answered (1 so far).</span>')
