"""An author's text that holds ``</script>`` stays text in the editor's init args (trial s31).

The runtime writes a fragment's init args into the page inside ``<script type="json/xblock-args">``.
The LMS and Studio write them through ``dump_js_escaped_json`` (``openedx/core/djangolib/js_utils.py``,
template ``common/templates/xblock_wrapper.html``), as ``tests/openedx/runtime.py`` does; the
workbench now does too (``emm_xblocks/workbench/wrapper.py``). Before, in the workbench, a Likert
statement ``Intitulé </script><img onerror=...>`` ended the element: the editor reopened empty and
the rest of the text became the page's markup."""

import json
import re

import pytest
from django.test import Client
from lxml import html as lxml_html
from workbench import scenarios

from emm_xblocks.workbench.wrapper import script_json

POISON = 'Intitulé </script><img src=x onerror="document.title=1"> & <!-- fin'
LIKERT = ('<emm_likert display_name="Eval"><item id="a">{}</item><item id="b">Second</item></emm_likert>')


def init_args(page):
    """Each block's init args as the runtime's script (``XBlock.initializeBlock``) reads them: the
    text of each ``json/xblock-args`` script, parsed (an HTML parser, as the browser's, decides
    where each element ends)."""
    tree = lxml_html.fromstring(page)
    return [json.loads(s.text_content()) for s in tree.xpath("//script[@type='json/xblock-args']")]


def statements(args):
    return [s["text"] for s in args["content"]["statements"]]


def escaped(text):
    from html import escape

    return escape(text, quote=False)


def test_the_lms_editor_gets_the_statement_whole(scenario, handlers):
    """In Studio: the block puts the author's text in its editor's init args as it is (neither
    sanitised nor cut: what the form shows is what was saved), and the platform's wrapper (the
    stand-in follows ``xblock_wrapper.html``) keeps it inside its element."""
    uid = scenario(LIKERT.format(escaped(POISON)))
    page = handlers.view(uid, view="studio_view", student="staff_1").content
    assert "</script><img" not in page  # the text never ends the element
    (args,) = init_args(page)
    assert statements(args) == [POISON, "Second"]


@pytest.fixture
def workbench_scenario(db):
    scenarios.init_scenarios()
    name = "init-args-escaped"
    scenarios.add_xml_scenario(name, name, f"<vertical_demo>{LIKERT.format(escaped(POISON))}</vertical_demo>")
    yield name
    scenarios.remove_scenario(name)


def test_the_workbench_editor_gets_the_statement_whole(workbench_scenario):
    client = Client(raise_request_exception=False)
    page = client.get(f"/scenario/{workbench_scenario}/studio_view/", {"student": "staff_1"}).content.decode()
    assert "</script><img" not in page
    args = [a for a in init_args(page) if "content" in a]
    assert len(args) == 1 and statements(args[0]) == [POISON, "Second"]
    assert not re.search(r"<img[^>]*onerror", page)  # no element made of the author's text


def test_script_json_reads_back_as_the_same_value():
    value = {"t": POISON, "n": [1, 2.5, None, True], "ar": "مرحبا </SCRIPT>"}
    text = script_json(value)
    assert not re.search(r"[<>&]", text)
    assert json.loads(text) == value


RP = ('<emm_role_play display_name="Filtrage"><role id="agent" start="a">Agent</role>'
      '<node id="a"><narrative><![CDATA[<p>Droits &amp; devoirs&nbsp;?</p>]]></narrative>'
      '<choice goto="b">Orienter vers l’OIM &amp; le HCR<consequence><![CDATA[Q&amp;R]]></consequence></choice></node>'
      '<node id="b" ending="true"><narrative>Fin.</narrative></node></emm_role_play>')


def test_the_role_play_editor_loads_its_html_as_the_author_typed_it(scenario, handlers):
    """Bug hunt s44: the editor's HTML fields reopened with "&amp;" and "&nbsp;" (nh3's writing), in
    the form the editor draws (``studio_view``) and in the one it draws from its XML tab
    (``studio_convert``); a label (plain text) and the XML keep theirs."""
    uid = scenario(RP)
    (args,) = init_args(handlers.view(uid, view="studio_view", student="staff_1").content)
    node = args["scenario"]["nodes"][0]
    assert node["narrative"] == "<p>Droits & devoirs\u00a0?</p>"
    assert node["choices"][0]["consequence"] == "Q&R"
    assert node["choices"][0]["label"] == "Orienter vers l’OIM & le HCR"
    converted = handlers.post(uid, "studio_convert", {"xml": RP}, student="staff_1").json_body["scenario"]
    assert converted["nodes"][0]["narrative"] == "<p>Droits & devoirs\u00a0?</p>"
    assert "Q&amp;R" in converted["xml"]
