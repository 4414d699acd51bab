"""``common.sanitize.dropped``: the markup an editor's save removes from author HTML, named so the
save can say it (``common.editor_json.markup_warnings``)."""


def test_what_the_save_removes_is_named_and_what_it_keeps_is_not():
    from emm_xblocks.common.sanitize import dropped

    kept = ('<p style="margin:0">On time: <a href="https://iom.int" title="onward">IOM</a>, <img src="a.png" '
            'alt="x"> <table><tr><td>onclick = 1</td></tr></table></p>')
    assert dropped(kept) == () and dropped("") == () and dropped("plain onclick=text") == ()
    assert dropped('<p onClick="x()">a</p><SCRIPT>1</SCRIPT>') == ("script", "handler")
    assert dropped('<video src="v.mp4"></video><style>p{}</style><a href=" javascript:x()">a</a><input>') == (
        "frame", "style", "javascript", "form")


def test_a_heading_the_allow_list_has_not_becomes_the_nearest_one_it_has():
    from emm_xblocks.common.sanitize import clean_html

    kept = clean_html("<h1>A</h1><H2 class='x'>B</H2><h3>C</h3><h6>D</h6>")
    assert kept == "<h3>A</h3><h3>B</h3><h3>C</h3><h5>D</h5>"
    assert clean_html("<header>E</header>") == "E"  # another tag whose name starts with "h": not a heading


def test_only_real_tags_and_attributes_are_named_or_moved_quoted_values_whole():
    """Review s38: a regex read ``alt="1 > 0"`` as an attribute "1", missed ``style`` after
    ``title="a>b"`` and made a title's text "<h1>" an "<h3>"."""
    from emm_xblocks.common.sanitize import clean_html, dropped_names, stored_html

    assert dropped_names('<img alt="1 > 0" src="/static/a.png">') == ((), ())
    assert dropped_names('<p title="a>b" style="x">t</p>') == ((), ("style", "title"))
    assert dropped_names('<h2 class="x">t</h2><o:p></o:p><div/>') == (("div", "o:p"), ("class",))
    assert dropped_names("a < b and c > d") == ((), ())
    assert stored_html('<abbr title="<h1>">x</abbr>') == '<abbr title="<h1>">x</abbr>'
    # as a page shows it: nothing of a value reads as markup once the LMS rewrites addresses
    assert clean_html('<abbr title="<h1>">x</abbr>') == '<abbr title="&lt;h1&gt;">x</abbr>'


def test_a_page_s_author_html_gives_the_lms_s_address_rewriting_no_quote_but_the_delimiters():
    """(Bug hunt s44.) nh3 keeps ``'`` in text and a title holding markup; ``static_replace`` reads
    a quote then ``/static/`` as an address up to the next same quote and drops its ``#fragment``,
    joining the title's inside to the markup: an ``<img onerror>``. As a page shows author HTML,
    its text's and values' quotes are references; as an editor saves it, the author's text."""
    from emm_xblocks.common.sanitize import authored_html, clean_html

    html = """<p>See '/static/map.png#<abbr title="'<img src=x onerror=alert(1)>">the map</abbr>, "l'eau"</p>"""
    shown = clean_html(html)
    assert "'" not in shown and shown.count('"') == 2  # the title's own delimiters only
    assert shown == ('<p>See &#39;/static/map.png#<abbr title="&#39;&lt;img src=x onerror=alert(1)&gt;">'
                     'the map</abbr>, &quot;l&#39;eau&quot;</p>')
    assert authored_html(html) == html  # the save keeps the author's words
