"""After an evaluation's scale changed (review s25, item 8), the staff's results panel lists the
answers given on the earlier scale as its main table lists the current ones: in the evaluation's
order of statements (not their ids' alphabetical order) and with the reverse-coded marker, so
that the two tables read side by side; removed statements in the order the evaluation had them."""

import pytest
from django.utils import translation
from lxml import html as lxml_html

from emm_xblocks.likert import editor as likert_editor
from tests.integration.platform_blocks import LIKERT  # relevance, pace (reverse-coded), applicability
from tests.integration.test_live_edits import answer_likert, form, save
from tests.openedx.fixtures import platform  # noqa: F401

ORDER = ["relevance", "pace", "applicability"]  # the evaluation's; by id: applicability, pace, relevance


def rows(panel, xpath):
    """``(id, statement cell's text)`` of each row ``xpath`` finds in the panel."""
    tree = lxml_html.fromstring(panel)
    return [(tr.get("data-row") or tr.get("data-apart-row"), " ".join(tr.xpath("th")[0].text_content().split()))
            for tr in tree.xpath(xpath)]


@pytest.mark.parametrize(("lang", "marker"), [("en", "(reverse-coded)"), ("fr", "(codée à l’inverse)")])
def test_the_earlier_scale_s_table_has_the_main_table_s_order_and_markers(platform, lang, marker):  # noqa: F811
    key = platform.add(LIKERT.format(extra='min_group_size="1"'))
    answer_likert(platform, key, 2, {"relevance": 4, "pace": 2, "applicability": 5})
    data = dict(form(platform, key, likert_editor), scale="agree4")
    data["statements"].append({"id": "aaa_new", "text": "A statement added later.", "reverse": False,
                               "required": False})
    assert save(platform, key, data, confirm=True).status == 200
    answer_likert(platform, key, 1, {"relevance": 3, "pace": 1, "applicability": 4}, start=2)

    with translation.override(lang):
        panel = platform.lms(platform.user("sam", role="staff")).handle(key, "get_results", {}).json["html"]
    main = rows(panel, "//table//tr[@data-row]")
    earlier = rows(panel, "//section[@data-apart]//tr[@data-apart-row]")
    assert [sid for sid, _text in main] == [*ORDER, "aaa_new"]
    assert [sid for sid, _text in earlier] == ORDER  # the same order as the main table, not by id
    assert dict(earlier) == {sid: text for sid, text in main if sid in ORDER}  # the same heads, marker included
    assert dict(earlier)["pace"] == f"The pace was too fast. {marker}"
    assert marker not in dict(earlier)["relevance"]


def test_removed_statements_are_listed_in_the_order_the_evaluation_had_them(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra='min_group_size="1"'))
    answer_likert(platform, key, 2, {"relevance": 4, "pace": 2, "applicability": 5})
    data = form(platform, key, likert_editor)
    data["statements"] = [s for s in data["statements"] if s["id"] == "pace"]  # relevance and applicability removed
    assert save(platform, key, data, confirm=True).status == 200
    panel = platform.lms(platform.user("sam", role="staff")).handle(key, "get_results", {}).json["html"]
    assert "Answers to removed statements" in panel
    removed = rows(panel, "//section[@data-apart]//tr[@data-apart-row]")
    assert removed == [("relevance", "The training is relevant to my work."),
                       ("applicability", "I can apply what I learned.")]
