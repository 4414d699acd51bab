"""Issue 10, "length limits never cut": through Studio's editor handler (tests/openedx), a case-study
or role-play text over its limit is refused with 400 ``text_too_long`` and the problem at its field;
nothing is saved, nothing cut; the same text at its limit is saved whole."""

import pytest

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.role_play import editor as role_play_editor
from tests.integration.platform_blocks import CASE, ROLE_PLAY
from tests.openedx.fixtures import platform  # noqa: F401


def studio(platform):  # noqa: F811
    return platform.studio_editor(platform.user("author", role="staff"))


@pytest.mark.parametrize("block, module, field, limit", [
    (CASE, case_editor, "narrative", case_editor.LIMITS["narrative"]),
    (ROLE_PLAY, role_play_editor, "intro", role_play_editor.LIMITS["intro"]),
])
def test_a_text_over_its_limit_is_refused_whole_and_at_its_limit_saved_whole(platform, block, module, field,  # noqa: F811
                                                                               limit):
    key = platform.add(block.format(extra="", more=""))
    data = module.to_editor(studio(platform).block(key).load_content())
    data.pop("xml", None)
    before = platform.export(key)
    over = "<p>é" + "x" * (limit - 7) + "</p>"  # one accent: counted in characters, not bytes
    refused = studio(platform).handle(key, "studio_submit", dict(data, **{field: over}))
    assert refused.status == 400 and refused.json["error"] == "text_too_long"
    assert "Nothing was cut" in refused.json["message"]
    assert [(p["field"], p["code"]) for p in refused.json["problems"]] == [(field, "text_too_long")]
    assert platform.export(key) == before  # nothing saved
    at_limit = over.replace("x", "", 1)
    assert studio(platform).handle(key, "studio_submit", dict(data, **{field: at_limit})).status == 200
    assert getattr(studio(platform).block(key).load_content(), field) == at_limit


PROFILE = '<profile prompt="You work for"><option id="gov">Government</option><option id="ngo">NGO</option></profile>'


@pytest.mark.parametrize("block, module, setting", [
    (CASE, case_editor, 'show_distribution="true"'),
    (ROLE_PLAY, role_play_editor, 'show_others="true"'),
])
def test_a_profile_answer_over_its_limit_is_refused_whole_never_cut(platform, block, module, setting):  # noqa: F811
    """The participant profile's answers were once cut (an option's text at 2,000 characters, its
    id at 100) before being checked: a 5,000-character paste is now refused at its field with
    ``text_too_long``, nothing saved; at 1,000 characters it is saved whole."""
    xml = block.format(extra=setting, more="").replace("</emm_", PROFILE + "</emm_")
    key = platform.add(xml)
    data = module.to_editor(studio(platform).block(key).load_content())
    data.pop("xml", None)
    assert [o["id"] for o in data["profile_options"]] == ["gov", "ngo"]
    before = platform.export(key)
    pasted = ("Organisation de la société civile " * 150)[:5000]
    data["profile_options"][1]["text"] = pasted
    refused = studio(platform).handle(key, "studio_submit", data)
    assert refused.status == 400 and refused.json["error"] == "text_too_long"
    assert [(p["field"], p["code"]) for p in refused.json["problems"]] == [("profile_options.1.text", "text_too_long")]
    assert platform.export(key) == before  # nothing saved
    at_limit = "é" + pasted[1:1000]
    data["profile_options"][1]["text"] = at_limit
    assert studio(platform).handle(key, "studio_submit", data).status == 200
    assert studio(platform).block(key).load_content().profile_options[1].text == at_limit.strip()
