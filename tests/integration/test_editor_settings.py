"""Each block's Studio editor draws its settings from the block's ``content.SETTINGS``
(``templates/common/settings_form.html``): every setting exactly once, with its control, its
label and its error slot; and what the editor starts from, saved unchanged, is the same content."""

import json

import pytest
from lxml import etree

from emm_xblocks.common.settings import CHECKBOX, NUMBER, SELECT, TEXT, WHOLE, Setting, editor_spec
from tests.editor_settings import BLOCKS, ROOTS, demo_xml

# a number is a text field with a number keyboard: type="number" dropped the comma of a French "1,5"
# and saved 15 (bug hunt s44); the server reads the comma and checks the range
CONTROL = {TEXT: ("input", "text"), NUMBER: ("input", "text"), WHOLE: ("input", "text"),
           CHECKBOX: ("input", "checkbox"), SELECT: ("select", None)}


def editor_html(handlers, uid):
    """The editor's HTML and its script's init args: the runtime writes them into the page
    (xblock/runtime.py, ``wrap_xblock``: ``<script type="json/xblock-args">``)."""
    frag = handlers.view(uid, view="studio_view", student="staff_1")
    html = etree.fromstring(f"<root>{frag.content}</root>", etree.HTMLParser())
    (args,) = html.xpath("//script[@type='json/xblock-args']")
    return json.loads(args.text), html


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_every_setting_appears_once_with_its_control_label_and_error_slot(block_type, scenario, handlers):
    init, html = editor_html(handlers, scenario(demo_xml(block_type)))
    (root,) = html.xpath(f"//*[contains(@class, '{ROOTS[block_type][1:]}')]")
    settings = BLOCKS[block_type]
    drawn = [node.get("data-field") for node in root.xpath(".//*[@data-field]")]
    for setting in settings:
        assert drawn.count(setting.name) == 1, setting.name
        (control,) = root.xpath(f".//*[@data-field='{setting.name}']")
        tag, kind = CONTROL[setting.kind]
        assert (control.tag, control.get("type")) == (tag, kind), setting.name
        (label,) = root.xpath(f".//label[@for='{control.get('id')}']")
        assert label.text == setting.label  # English: the msgid itself
        (slot,) = root.xpath(f".//*[@data-error='{setting.name}']")
        assert slot.get("id") in control.get("aria-describedby").split()
        if setting.kind == SELECT:
            assert [(o.get("value"), o.text) for o in control.xpath("option")] == list(setting.choices.items())
        if setting.kind in (NUMBER, WHOLE):
            assert control.get("inputmode") == ("numeric" if setting.kind == WHOLE else "decimal")
    # no number field anywhere in the editor (a row's template included: the role-play's points)
    assert root.xpath(".//input[@type='number']") == []
    # the editor's script gets the same keys, in the same order, to load and read them
    assert init["settings"] == [s.name for s in settings]


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_saving_what_the_editor_starts_from_keeps_the_content(block_type, scenario, handlers):
    uid = scenario(demo_xml(block_type))
    before = handlers.block(uid).load_content()
    data, _html = editor_html(handlers, uid)
    start = data.get("survey") or data.get("content") or dict(data["scenario"])
    r = handlers.post(uid, "studio_submit", start, student="staff_1")
    assert r.status_code == 200, r.content
    assert handlers.block(uid).load_content() == before
    for setting in BLOCKS[block_type]:  # and every setting was away from its default
        assert getattr(before, setting.name) != setting.default, setting.name


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_the_settings_labels_speak_the_authors_language(block_type, scenario, handlers):
    from django.utils import translation

    uid = scenario(demo_xml(block_type))
    html = etree.fromstring(handlers.view(uid, view="studio_view", student="staff_1", lang="fr").content,
                            etree.HTMLParser())
    with translation.override("fr"):
        block = handlers.block(uid, student="staff_1")
        expected = {s.name: block.ugettext(s.label) for s in BLOCKS[block_type]}
    for name, label in expected.items():
        control = html.xpath(f"//*[@data-field='{name}']")[0]
        assert html.xpath(f"//label[@for='{control.get('id')}']")[0].text == label
    assert expected["display_name"] != "Display name"


def test_a_settings_help_is_drawn_under_it_and_read_with_it(scenario, handlers):
    block = handlers.block(scenario(demo_xml("emm_likert")), student="staff_1")
    fields = editor_spec((Setting("rounds", WHOLE, 1, "Rounds", help="How many times learners may play.",
                                  low=1, high=9),), block.ugettext)
    html = etree.fromstring(block.render_template("templates/common/settings_form.html",
                                                  {"fields": fields, "dom": "ed"}), etree.HTMLParser())
    (control,) = html.xpath("//*[@data-field='rounds']")
    (help_text,) = html.xpath("//*[@id='ed-rounds-help']")
    assert help_text.text == "How many times learners may play."
    assert control.get("aria-describedby").split() == ["ed-rounds-help", "ed-rounds-err"]
    # text with a number keyboard (bug hunt s44): the range is the server's to check, and to say
    assert (control.get("type"), control.get("inputmode")) == ("text", "numeric")
