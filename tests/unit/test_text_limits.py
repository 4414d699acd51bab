"""Length limits never cut (issue 10, "Readers"): every text of the case-study, knowledge-check,
role-play and Likert editors longer than its limit is refused at its field (code
``text_too_long``), the save refused whole; a text at its limit is kept to the last character.
The editors' scripts count by the same numbers (the role-play's template is checked here; the
case study's script reads the server's table)."""

import copy
import re
from dataclasses import replace
from importlib.resources import files

import pytest

from emm_xblocks.case_study import content as cs_content
from emm_xblocks.case_study import editor as cs_editor
from emm_xblocks.case_study.content import Case, Document, Image, KeyPoint, Option, Question, Section
from emm_xblocks.common import limits
from emm_xblocks.common.settings import TEXT_MAX
from emm_xblocks.knowledge_check import editor as kc_editor
from emm_xblocks.likert import editor as likert_editor
from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.role_play import editor as rp_editor
from emm_xblocks.role_play.content import Band, Choice, Node, Role, Scenario


def _(text):
    return text


CASE = Case(
    display_name="Case", narrative="<p>N</p>", key_facts=("A fact",), expert_analysis="<p>E</p>",
    sections=(Section("Part", "<p>S</p>"),),
    documents=(Document("Doc", "https://example.org/d.pdf", "1 MB", "<p>X</p>"),),
    images=(Image("/static/map.png", "A map", "Caption"),),
    questions=(
        Question("q1", cs_content.SINGLE, "<p>?</p>", (Option("a", "A", True, "Yes"), Option("b", "B", False, "No")),
                 explanation="<p>Why</p>"),
        Question("q2", cs_content.REFLECTION, "<p>Say</p>", points=2, max_words=0, model_answer="<p>M</p>",
                 key_points=(KeyPoint("k1", "One"), KeyPoint("k2", "Two")), explanation="<p>W</p>"),
    ),
)


def _at(data, path, value):
    """``(data, where)``: ``data`` (nested JSON) with the value at ``path`` replaced (``*``: the
    first item that has the rest of the path), and that value's field path."""
    def find(node, parts, where):
        if not parts:
            return where
        head, rest = parts[0], parts[1:]
        if head == "*":
            for i, item in enumerate(node):
                found = find(item, rest, (*where, str(i)))
                if found:
                    return found
            return None
        return find(node[head], rest, (*where, head)) if isinstance(node, dict) and head in node else None

    where = find(data, path.split("."), ())
    node = data
    for part in where[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[where[-1]] = [value] if isinstance(node[where[-1]], list) else value  # key facts: one fact
    return data, ".".join(where)


def _long_text(limit, html):
    return "<p>" + "é" * (limit - 7) + "</p>" if html else "é" * limit


def _errors(problems):
    return [p for p in problems if p.error]


@pytest.mark.parametrize("path", sorted(cs_editor.LIMITS))
def test_every_case_study_text_over_its_limit_is_refused_at_its_field_and_at_its_limit_kept_whole(path):
    limit = cs_editor.LIMITS[path]
    html = path not in cs_editor.TEXT_LIMITS
    assert not _errors(cs_editor.from_editor(cs_editor.to_editor(CASE), _)[1])
    at_limit = _long_text(limit, html)
    case, problems = cs_editor.from_editor(_at(cs_editor.to_editor(CASE), path, at_limit)[0], _)
    assert not [p for p in problems if p.code == limits.TOO_LONG]
    assert at_limit in repr(cs_editor.to_editor(case))  # every character kept (é survives the sanitiser)
    over = at_limit.replace("é", "éé", 1)
    data, where = _at(cs_editor.to_editor(CASE), path, over)
    _case, problems = cs_editor.from_editor(data, _)
    too_long = [p for p in problems if p.code == limits.TOO_LONG]
    assert [(p.field, p.error) for p in too_long] == [(where, True)]
    assert too_long[0].message == f"This text is longer than {limit} characters: shorten it (nothing was cut)."
    assert too_long[0].as_json()["code"] == "text_too_long"


def test_a_case_study_display_name_or_topic_over_the_settings_limit_is_refused_not_cut():
    data = dict(cs_editor.to_editor(CASE), display_name="D" * (TEXT_MAX + 1), topic="T" * TEXT_MAX)
    case, problems = cs_editor.from_editor(data, _)
    assert [(p.field, p.code) for p in _errors(problems)] == [("display_name", limits.TOO_LONG)]
    assert case.topic == "T" * TEXT_MAX


def test_the_knowledge_check_shares_the_question_limits():
    data = {"display_name": "KC", "intro": "<p>" + "x" * 50_000 + "</p>",
            "questions": [dict(cs_editor.to_editor(CASE)["questions"][0], explanation="e" * 50_001)]}
    _check, problems = kc_editor.from_editor(data, _)
    assert {p.field for p in problems if p.code == limits.TOO_LONG} == {"intro", "questions.0.explanation"}


def test_an_option_s_text_is_limited_as_a_likert_statement_in_the_case_study_and_the_knowledge_check():
    from emm_xblocks.likert.content import MAX_TEXT

    assert cs_editor.COUNTED["questions.*.options.*.text"] == MAX_TEXT == 1000  # the editors' counters
    assert kc_editor.COUNTED["questions.*.options.*.text"] == MAX_TEXT
    question = cs_editor.to_editor(CASE)["questions"][0]
    long_option = dict(question, options=[dict(question["options"][0], text="Option " + "x" * 3_600)]
                       + question["options"][1:])
    for editor, data in ((cs_editor, dict(cs_editor.to_editor(CASE), questions=[long_option])),
                         (kc_editor, {"display_name": "KC", "questions": [long_option]})):
        _content, problems = editor.from_editor(data, _)
        assert [(p.field, p.code) for p in problems if p.code == limits.TOO_LONG] == [
            ("questions.0.options.0.text", limits.TOO_LONG)], editor.__name__


SCENARIO = Scenario(
    display_name="RP", intro="<p>I</p>",
    roles=(Role("r", "Role", "a", "<p>B</p>"),),
    nodes=(Node("a", "<p>A</p>", speaker="Chief", image="/static/a.png", alt="A place",
                choices=(Choice("Go", "b", 1, "<p>C</p>"), Choice("Stay", "b", 0))),
           Node("b", "<p>B</p>", ending=True, debrief="<p>D</p>", category="good")),
    bands=(Band(0, "Try again", "That was all"),),
)


def rp_form():
    """The role-play editor's form JSON (its XML tab left out)."""
    data = rp_editor.to_editor(SCENARIO)
    data.pop("xml")
    return data


@pytest.mark.parametrize("path", sorted(rp_editor.LIMITS))
def test_every_role_play_text_over_its_limit_is_refused_from_the_form_and_at_its_limit_kept(path):
    limit = rp_editor.LIMITS[path]
    html = path not in rp_editor.TEXT_LIMITS
    assert not _errors(rp_editor.from_editor(rp_form(), _)[1])
    at_limit = _long_text(limit, html)
    scenario, problems = rp_editor.from_editor(_at(rp_form(), path, at_limit)[0], _)
    assert not [p for p in problems if p.code == limits.TOO_LONG]
    assert at_limit in repr(rp_editor.to_editor(scenario))
    data, where = _at(rp_form(), path, at_limit.replace("é", "éé", 1))
    _sc, problems = rp_editor.from_editor(data, _)
    assert [(p.field, p.error) for p in problems if p.code == limits.TOO_LONG] == [(where, True)]


def test_a_role_play_display_name_is_refused_not_cut():
    scenario, problems = rp_editor.from_editor(dict(rp_form(), display_name="N" * (TEXT_MAX + 1)), _)
    assert [(p.field, p.code) for p in _errors(problems)] == [("display_name", limits.TOO_LONG)]
    assert scenario.display_name == "N" * (TEXT_MAX + 1)  # what the form sent, refused whole (never stored)


def test_the_role_play_editor_counts_every_text_by_the_servers_table_alone():
    """The role-play editor's template types no limit: every text box and text area it draws has
    its number in ``editor.COUNTED``, which the server sends with the editor (emm-role-play-studio.js
    sets each ``data-max-chars`` from it; tests/browser/test_counters_guard_browser.py checks each
    control in Chromium). A text field added without a limit fails here."""
    package = files("emm_xblocks")
    html = (package / "templates" / "role_play" / "studio.html").read_text(encoding="utf-8")
    shared = "templates/common/profile_editor.html"  # the profile question's group, every editor's
    html, included = re.subn(r'\{% include "' + re.escape(shared) + r'"[^%]*%\}',
                             lambda _m: (package / shared).read_text(encoding="utf-8"), html)
    assert included == 1
    assert "data-max-chars" not in html

    def texts(body, attr):  # the keys of the text boxes and text areas named by ``attr``; a number's box
        # is text too (bug hunt s44: type="number" dropped a decimal comma), told by its ``inputmode``
        return {re.search(f'{attr}="(\\w+)"', tag).group(1)
                for kind, tag in re.findall(r"<(textarea|input)\b([^>]*)>", body)
                if f"{attr}=" in tag and (kind == "textarea" or 'type="text"' in tag and "inputmode=" not in tag)}

    parts = re.split(r'<template data-tpl="(\w+)">', html)
    paths = {"bands": "bands.*", "roles": "roles.*", "nodes": "nodes.*", "choices": "nodes.*.choices.*",
             "profile_options": "profile_options.*"}
    found = {f"{paths[name]}.{key}" for name, body in zip(parts[1::2], parts[2::2], strict=True)
             for key in texts(body, "data-key")}
    found |= texts(parts[0], "data-field") | texts(parts[0], "data-key")  # settings, the scenario's own fields
    assert found == set(rp_editor.COUNTED)


def test_the_likert_editor_refuses_a_statement_longer_than_its_editor_allows_and_cuts_nothing():
    survey = Survey(statements=(Statement("s1", "Short"),))
    data = likert_editor.to_editor(survey)
    data["statements"][0]["text"] = "w " * 600  # 1,199 characters once on one line
    result, problems = likert_editor.from_editor(data, _)
    assert [p.field for p in _errors(problems)] == ["statements.0.text"]
    data["statements"][0]["text"] = "w " * 3000  # once cut at 5,000 characters
    result, problems = likert_editor.from_editor(data, _)
    assert [p.field for p in _errors(problems)] == ["statements.0.text"]
    assert result.statements[0].text == ("w " * 3000).strip()  # nothing cut


def _editor_forms():
    kc = kc_editor.from_editor(dict(cs_editor.to_editor(CASE), phase="pre", pair="day1",
                                    questions=cs_editor.to_editor(CASE)["questions"][:1]), _)[0]
    return {
        "case study": (cs_editor, lambda: cs_editor.to_editor(CASE), "narrative", cs_editor.LIMITS["narrative"]),
        "knowledge check": (kc_editor, lambda: kc_editor.to_editor(kc), "intro", kc_editor.LIMITS["intro"]),
        "role-play": (rp_editor, rp_form, "nodes.*.narrative", rp_editor.LIMITS["nodes.*.narrative"]),
        "Likert": (likert_editor, lambda: likert_editor.to_editor(Survey(statements=(Statement("s1", "S"),))),
                   "intro", likert_editor.LIMITS["intro"]),
    }


@pytest.mark.parametrize("name", ["case study", "knowledge check", "role-play", "Likert"])
def test_a_text_that_only_cleaning_takes_over_its_limit_is_refused_so_the_editor_never_locks(name):
    """A crafted-request review found it: the limits were checked on the text sent, the cleaned
    one kept. ``&`` is kept as ``&amp;``: a text of ampersands within the limit as typed was kept
    five times longer, and every later save of the block (the kept text sent back unchanged) was
    refused. Now what the save keeps is measured too; what passes is kept and saves again."""
    editor, form, path, limit = _editor_forms()[name]
    typed = "<p>" + "&" * ((limit - 7) // 5 + 10) + "</p>"  # within the limit as typed, over it as kept
    assert len(typed) <= limit
    data, where = _at(form(), path, typed)
    _content, problems = editor.from_editor(data, _)
    too_long = [p for p in problems if p.code == limits.TOO_LONG]
    assert [(p.field, p.error) for p in too_long] == [(where, True)]
    assert too_long[0].message.startswith(f"This text is longer than {limit} characters as it is saved")
    # a little shorter, kept; what is kept (the editor's next form) saves again unchanged
    fits = "<p>" + "&" * ((limit - 7) // 5) + "</p>"
    content, problems = editor.from_editor(_at(form(), path, fits)[0], _)
    assert not [p for p in problems if p.code == limits.TOO_LONG]
    again = editor.to_editor(content)
    again.pop("xml", None)
    assert not [p for p in editor.from_editor(again, _)[1] if p.code == limits.TOO_LONG]
    # a text over the limit as typed is said once, in the words of the counter
    data, where = _at(form(), path, "<p>" + "é" * limit + "</p>")
    too_long = [p for p in editor.from_editor(data, _)[1] if p.code == limits.TOO_LONG]
    assert [p.field for p in too_long] == [where] and "as it is saved" not in too_long[0].message


def test_a_save_refused_only_for_length_says_so_with_its_own_code():
    too_long = limits.too_long("narrative", 10, _)
    assert limits.only_too_long([too_long]) and not limits.only_too_long([])
    assert not limits.only_too_long([too_long, replace(too_long, code="")])


def test_check_counts_as_the_save_keeps():
    data = {"a": "  x  ", "b": "one   two", "items": [{"t": "abc"}, {"t": "abcd"}], "lines": ["ab", "abcd"]}
    problems = limits.check(data, {"a": 1, "b": 7, "items.*.t": 3, "lines": 3, "missing.*.x": 1}, _, one_line={"b"})
    assert [p.field for p in problems] == ["items.1.t", "lines"]


# ------------------------------------------------------------------ every counted field is the server's limit
PROFILE = {"profile_prompt": "You work for",
           "profile_options": [{"id": "gov", "text": "Government"}, {"id": "ngo", "text": "Civil society"}]}


def _likert_form():
    data = likert_editor.to_editor(Survey(statements=(Statement("s1", "Short"),), scale="custom",
                                          custom_labels=("Low", "High")))
    return dict(data, **copy.deepcopy(PROFILE))


def _case_form():
    return dict(cs_editor.to_editor(CASE), show_distribution=True, **copy.deepcopy(PROFILE))


def _role_play_form():
    return dict(rp_form(), show_others=True, **copy.deepcopy(PROFILE))


EDITORS = {"likert": (likert_editor, _likert_form), "case_study": (cs_editor, _case_form),
           "role_play": (rp_editor, _role_play_form)}


def _counted():
    return [(name, path) for name, (module, _form) in EDITORS.items() for path in sorted(module.COUNTED)]


def _html_paths(module):
    """The patterns of ``module``'s author-HTML fields (the Likert's: its introduction)."""
    return set(module.LIMITS) - set(getattr(module, "TEXT_LIMITS", module.LIMITS))


def _value(path, limit, html):
    """A text of ``limit`` characters as the save keeps it: an id of letters, HTML in a paragraph."""
    return "i" * limit if path.endswith(".id") else _long_text(limit, html)


@pytest.mark.parametrize("name, path", _counted())
def test_every_counted_field_is_refused_over_the_number_its_counter_shows_and_kept_at_it(name, path):
    """``COUNTED`` is what each editor's counters show (``data-max-chars``; the guard test
    tests/browser/test_counters_guard_browser.py checks every control against it): a value at that
    number is saved with no problem at its field, one character more is refused at its field,
    with ``text_too_long`` (an id: refused by the id check), nothing cut."""
    module, form = EDITORS[name]
    limit = module.COUNTED[path]
    html = path in _html_paths(module)
    assert not _errors(module.from_editor(form(), _)[1])
    at_limit = _value(path, limit, html)
    data, where = _at(form(), path, at_limit)
    saved, problems = module.from_editor(data, _)

    def refusals(problems):  # a length refused at the field (an id: any refusal there)
        return [p for p in _errors(problems)
                if p.field == where and (p.code == limits.TOO_LONG or path.endswith(".id"))]

    assert not refusals(problems)
    assert at_limit.strip() in repr(saved)  # kept whole
    over = at_limit.replace("i", "ii", 1) if path.endswith(".id") else at_limit.replace("é", "éé", 1)
    data, where = _at(form(), path, over)
    _saved, problems = module.from_editor(data, _)
    assert len(refusals(problems)) == 1


@pytest.mark.parametrize("name", sorted(EDITORS))
def test_a_profile_text_too_long_is_refused_whole_with_its_code_never_cut(name):
    """``common.profile.options_from`` once cut an option's text at 2,000 characters and its id at
    100: now the whole text reaches the checks, refused at its field; a save refused for that
    alone says ``text_too_long``."""
    module, form = EDITORS[name]
    data = form()
    long_text = "Organisation " * 400  # 5,200 characters, 5,199 once saved
    data["profile_options"][1]["text"] = long_text
    data["profile_options"][0]["id"] = "g" * 120
    data["profile_prompt"] = "p" * 1001
    saved, problems = module.from_editor(data, _)
    assert saved.profile_options[1].text == long_text.strip()  # nothing cut
    assert saved.profile_options[0].id == "g" * 120
    errors = {p.field: p.code for p in _errors(problems)}
    assert errors == {"profile_prompt": limits.TOO_LONG, "profile_options.1.text": limits.TOO_LONG,
                      "profile_options.0.id": ""}
    del data["profile_options"][0]["id"]
    data["profile_options"][0]["id"] = "gov"
    assert limits.only_too_long(_errors(module.from_editor(data, _)[1]))


def test_a_custom_label_is_counted_as_the_save_keeps_it():
    """The Likert's custom labels share one box, one a line: each label is counted on one line,
    trimmed, white space runs joined (as the box's counter counts its longest line)."""
    data = _likert_form()
    data["custom_labels"] = ["Low", "  " + "a\t\t" * 49 + "bc  "]  # 100 characters once saved
    survey, problems = likert_editor.from_editor(data, _)
    assert not _errors(problems) and len(survey.custom_labels[1]) == likert_editor.LABEL_LIMIT
    data["custom_labels"] = ["Low", "b" + " a" * 50]  # 101
    _survey, problems = likert_editor.from_editor(data, _)
    assert [(p.field, p.code) for p in _errors(problems)] == [("custom_labels", limits.TOO_LONG)]


def test_the_lines_the_editors_script_counts_are_counted_so_by_the_server():
    """tests/js/one-line-lengths.json: lines of a one-item-a-line box (custom labels, key facts)
    with their length; emm-editor-lines.js's measure counts them so (tests/js/emm-forms.test.js), and so
    does the server (white space as Python's ``str.isspace`` sees it, no-break spaces kept: common/text.py;
    code points), and saves them so (``saved``)."""
    import json
    from pathlib import Path

    from emm_xblocks.common.text import NO_BREAK

    shared = json.loads((Path(__file__).parents[1] / "js" / "one-line-lengths.json").read_text("utf-8"))
    cases = shared["lines"]
    assert len(cases) >= 17 and sum("saved" in case for case in cases) >= 8
    assert sorted(chr(int(u[2:], 16)) for u in shared["no_break"]) == sorted(NO_BREAK)
    for case in cases:
        assert limits.length(case["line"], one_line=True) == case["length"], case["why"]
        survey, problems = likert_editor.from_editor(dict(_likert_form(), custom_labels=["Low", case["line"]]), _)
        assert len(survey.custom_labels[1]) == case["length"], case["why"]  # as saved
        assert survey.custom_labels[1] == case.get("saved", survey.custom_labels[1]), case["why"]


def test_labels_a_preset_scale_hides_are_kept_unchecked():
    """The labels box is hidden (and its counter off) while a preset scale is chosen: its labels are
    kept as typed, not refused, and checked again once the custom scale is chosen."""
    data = dict(_likert_form(), scale="agree5", custom_labels=["Low", "x" * 150])
    survey, problems = likert_editor.from_editor(data, _)
    assert not _errors(problems) and survey.custom_labels[1] == "x" * 150
    _survey, problems = likert_editor.from_editor(dict(data, scale="custom"), _)
    assert [p.field for p in _errors(problems)] == ["custom_labels"]
