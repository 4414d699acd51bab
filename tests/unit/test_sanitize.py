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
    from emm_xblocks.common.sanitize import clean_html, dropped_names

    assert dropped_names('<img alt="1 > 0" src="/static/a.png">') == ((), ())
    assert dropped_names('<p title="a>b" style="x">t</p>') == ((), ("style", "title"))
    assert dropped_names('<h2 class="x">t</h2><o:p></o:p><div/>') == (("div", "o:p"), ("class",))
    assert dropped_names("a < b and c > d") == ((), ())
    assert clean_html('<abbr title="<h1>">x</abbr>') == '<abbr title="<h1>">x</abbr>'
