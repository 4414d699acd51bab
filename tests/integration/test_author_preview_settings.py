"""Studio's preview of every block lists its settings under the editor's own labels, each value as
the editor offers it, in the page's language (``common.settings.settings_summary``): an author
checking a block reads the same words they set it with."""

import re

import pytest

BLOCKS = {
    "likert": '<emm_likert display_name="Eval" scale="agree4" results="learners" min_group_size="7" '
              'participation_graded="true" weight="2.5"><item id="a">The training is relevant.</item></emm_likert>',
    "case": '<emm_case_study display_name="Case" attempts_allowed="3" grade_policy="last" topic="Border management">'
            '<narrative><![CDATA[<p>A boat arrives.</p>]]></narrative>'
            '<question id="q1" type="single" points="2"><prompt>Who?</prompt>'
            '<option id="a" correct="true">A</option><option id="b">B</option></question></emm_case_study>',
    "check": '<emm_knowledge_check display_name="Pre-test" phase="post" pair="emm-day1" grading="score">'
             '<question id="q1" type="single" points="3"><prompt>Who?</prompt>'
             '<option id="a" correct="true">A</option><option id="b">B</option></question></emm_knowledge_check>',
}


def listed(html):
    """``{setting name: its value as shown}`` and ``{name: label}`` of the preview's list."""
    values = dict(re.findall(r'<dd data-setting="([a-z_]+)"[^>]*>([^<]*)</dd>', html))
    labels = re.findall(r"<dt>([^<]*)</dt><dd", html)
    return values, labels


@pytest.mark.parametrize("lang, expected", [
    ("en", {"scale": "Agreement, 4 points (no neutral): Strongly disagree / Disagree / Agree / Strongly agree",
            "results": "Staff, and learners after they answer", "min_group_size": "7",
            "participation_graded": "Yes", "anonymous": "No", "weight": "2.5"}),
    ("fr", {"min_group_size": "7", "participation_graded": "Oui", "weight": "2,5"}),
])
def test_the_likert_preview_lists_its_settings_as_the_editor_offers_them(scenario, handlers, lang, expected):
    html = handlers.view(scenario(BLOCKS["likert"]), "author_view", student="staff_1", lang=lang).body_html()
    values, labels = listed(html)
    assert {name: values.get(name) for name in expected} == expected
    if lang == "en":
        assert "Who sees the results" in labels and "Give participation credit (graded)" in labels
        assert "display_name" not in values  # the preview's title


def test_the_case_study_and_knowledge_check_previews_list_theirs_with_the_points(scenario, handlers):
    case, _labels = listed(handlers.view(scenario(BLOCKS["case"]), "author_view", student="staff_1").body_html())
    assert (case["attempts_allowed"], case["grade_policy"], case["topic"], case["max_points"]) == (
        "3", "Last attempt", "Border management", "2")
    check, labels = listed(handlers.view(scenario(BLOCKS["check"]), "author_view", student="staff_1").body_html())
    assert check["pair"] == "emm-day1" and check["max_points"] == "3" and "When learners take it" in labels
    assert check["phase"] == "After the training (post-test)"  # the choice's label, not its stored value


def test_an_empty_text_setting_shows_a_dash_not_a_blank(scenario, handlers):
    case, _labels = listed(handlers.view(scenario(BLOCKS["case"].replace(' topic="Border management"', "")),
                                         "author_view", student="staff_1").body_html())
    assert case["topic"] == "—"
