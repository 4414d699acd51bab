"""The participant profile question's group in the Studio editors of the Likert, the case study and
the role-play is one template (``templates/common/profile_editor.html``): each editor draws it the
same way (its own hint and list class aside) in the markup its script reads ([data-key], [data-list],
their [data-error-key] slots, docs/javascript.md); and the role-play's lists have their slot as
every editor's list does."""

import pytest
from lxml import etree

from tests.editor_settings import BLOCKS, ROOTS, demo_xml


def editor_root(handlers, scenario, block_type):
    frag = handlers.view(scenario(demo_xml(block_type)), view="studio_view", student="staff_1")
    html = etree.fromstring(f"<root>{frag.content}</root>", etree.HTMLParser())
    (root,) = html.xpath(f"//*[contains(concat(' ', @class, ' '), ' {ROOTS[block_type][1:]} ')]")
    return root


def profile_group(root):
    (group,) = root.xpath(".//fieldset[@data-profile]")
    return group


@pytest.mark.parametrize("block_type", sorted(BLOCKS))
def test_the_profile_group_is_named_described_and_read_as_the_script_reads_it(block_type, scenario, handlers):
    group = profile_group(editor_root(handlers, scenario, block_type))
    assert group.xpath("string(legend)") == "Participant profile (optional)"
    (prompt,) = group.xpath(".//*[@data-key]")
    assert (prompt.tag, prompt.get("type"), prompt.get("data-key"), prompt.get("dir")) == (
        "input", "text", "profile_prompt", "auto")  # the author's text, in any script
    (label,) = group.xpath(f".//label[@for='{prompt.get('id')}']")
    assert label.text == "Profile question (e.g. “You work for”)"
    (slot,) = group.xpath(".//*[@data-error-key='profile_prompt']")
    (hint,) = group.xpath(".//*[contains(@class, 'emm-hint')]")
    assert prompt.get("aria-describedby").split() == [slot.get("id"), hint.get("id")]
    assert hint.text.strip()
    (list_slot,) = group.xpath("p[@data-error-key='profile_options']")
    (ol,) = group.xpath("ol[@data-list='profile_options']")
    (add,) = group.xpath("button[@data-add='profile_options']")
    # the slot before the list, the button after it, in the group itself (the form editor finds the
    # list from its button's parent)
    assert list(group).index(list_slot) < list(group).index(ol) < list(group).index(add)
    assert not group.xpath(".//*[@data-error or @data-field]")


def test_the_three_editors_draw_the_same_group_but_for_their_hint_and_list_class(scenario, handlers):
    def shape(block_type):
        group = profile_group(editor_root(handlers, scenario, block_type))
        for node in group.iter():
            if "emm-hint" in (node.get("class") or "").split():
                node.text = "HINT"
            if node.tag == "ol":
                node.set("class", "LIST")
        dom = group.xpath(".//*[@data-key='profile_prompt']")[0].get("id").removesuffix("-profile-prompt")
        return etree.tostring(group, encoding="unicode", with_tail=False).replace(dom, "DOM")

    shapes = {block_type: shape(block_type) for block_type in sorted(BLOCKS)}
    assert len(set(shapes.values())) == 1, shapes


def test_every_list_of_the_role_play_editor_has_its_data_error_key_slot(scenario, handlers):
    root = editor_root(handlers, scenario, "emm_role_play")
    form = root.xpath(".//form")[0]
    for name in ("bands", "roles", "profile_options", "nodes"):
        (ol,) = form.xpath(f".//ol[@data-list='{name}']")
        (slot,) = ol.getparent().xpath(f"p[@data-error-key='{name}']")
        assert "emm-field-error" in slot.get("class").split()
    # [data-error] is a setting's slot only
    assert {n.get("data-error") for n in form.xpath(".//*[@data-error]")} <= {s.name for s in BLOCKS["emm_role_play"]}
