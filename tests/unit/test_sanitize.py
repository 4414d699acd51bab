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
