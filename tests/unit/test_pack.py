"""The facilitator pack's pure builders (``<block>/pack.py``): what each part of the printed pack
holds, for the demo content and for small scenarios -- every node and choice once, the answers
only in the facilitator's part. No XBlock, no runtime."""

import subprocess
import sys
from dataclasses import asdict
from importlib.resources import files

import pytest
from lxml import etree

from emm_xblocks.case_study import olx as case_olx
from emm_xblocks.case_study import pack as case_pack
from emm_xblocks.case_study.content import REFLECTION
from emm_xblocks.common import paper as paper_pack
from emm_xblocks.common.sanitize import clean_html
from emm_xblocks.likert import olx as likert_olx
from emm_xblocks.likert import pack as likert_pack
from emm_xblocks.role_play import olx as role_olx
from emm_xblocks.role_play import pack as role_pack
from emm_xblocks.role_play import paths, routes
from emm_xblocks.role_play.content import Choice, Node, Role, Scenario
from tests.unit.test_architecture import BLOCKER, PACKAGE

SCENARIOS = files("emm_xblocks").joinpath("workbench", "scenarios")


def _(text):
    return text


def demo(name, olx):
    return olx.from_xml(etree.fromstring(SCENARIOS.joinpath(name).read_bytes()))


def texts(value):
    """Every string inside a (nested) dataclass / tuple value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from texts(v)
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from texts(v)


def test_the_pack_builders_are_pure():
    names = [f"emm_xblocks.{b}.pack" for b in ("likert", "case_study", "role_play", "knowledge_check")]
    names.append("emm_xblocks.common.paper")
    result = subprocess.run([sys.executable, "-c", BLOCKER, *names], capture_output=True, text=True,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr[-2000:]


# ------------------------------------------------------------------ role-play
@pytest.mark.parametrize("name", ["emm_role_play-1-en.xml", "emm_role_play-2-fr.xml"])
def test_every_node_is_one_card_and_every_choice_appears_once_with_the_card_it_leads_to(name):
    scenario = demo(name, role_olx)
    pack = role_pack.build(scenario, _, clean_html)
    assert sorted(c.node_id for c in pack.cards) == sorted(n.id for n in scenario.nodes)
    assert [c.number for c in pack.cards] == list(range(1, len(scenario.nodes) + 1))
    number = {c.node_id: c.number for c in pack.cards}
    for card in pack.cards:
        node = scenario.node(card.node_id)
        if node.ending:
            assert card.ending and card.choices == ()
            continue
        assert [s.label for s in card.choices] == [c.label for c in node.choices]
        assert [s.target for s in card.choices] == [number[c.goto] for c in node.choices]
        assert [s.ending for s in card.choices] == [scenario.node(c.goto).ending for c in node.choices]
    labels = [s.label for c in pack.cards for s in c.choices]
    assert len(labels) == sum(len(n.choices) for n in scenario.nodes if not n.ending)
    # every choice label appears exactly once in the participants' cards and nowhere else
    everything = list(texts(asdict(pack)))
    for node in scenario.nodes:
        for choice in node.choices:
            assert sum(t == choice.label for t in everything) == 1, choice.label


def test_each_role_starts_at_its_first_card_and_cards_follow_the_play():
    scenario = demo("emm_role_play-1-en.xml", role_olx)
    pack = role_pack.build(scenario, _, clean_html)
    officer, social = pack.roles
    assert officer.start == 1 and pack.cards[0].node_id == "po-arrival"
    assert pack.cards[social.start - 1].node_id == "sw-arrival"
    assert "<p>" in officer.brief and officer.label == "Border police officer"


def test_points_categories_debriefs_and_best_paths_are_on_the_debrief_sheet_only():
    scenario = demo("emm_role_play-1-en.xml", role_olx)
    pack = role_pack.build(scenario, _, clean_html)
    # the role cards go to the participants; the decision cards stay with the facilitator, who reads
    # them aloud (the template marks them so), but say nothing of the debrief either
    cards = list(texts([asdict(r) for r in pack.roles] + [asdict(c) for c in pack.cards]))
    debriefs = [clean_html(n.debrief) for n in scenario.nodes if n.debrief]
    assert debriefs and not any(d in cards for d in debriefs)
    assert not {"Good practice", "Acceptable practice", "Harmful practice"} & set(cards)
    assert {e.category for e in pack.endings} == {"Good practice", "Acceptable practice", "Harmful practice"}
    assert [e.debrief for e in pack.endings if e.debrief] == [
        clean_html(scenario.node(e.node_id).debrief) for e in pack.endings if e.debrief]
    # the best path of each role, as card and choice numbers, worth the role's best score
    number = {c.node_id: c.number for c in pack.cards}
    for role, route in zip(scenario.roles, pack.routes, strict=True):
        best = routes.playable_best_route(scenario, role.start)
        assert route.steps == tuple((number[nid], i + 1) for nid, i in best if i is not None)
        assert route.ending == number[best[-1][0]]
        assert route.best == paths.best_score(scenario, role.start) > 0
    # every choice worth points is listed once; its card says so too, for the facilitator to keep
    # each role's score as it goes (trial s38: a choice needed a score no card gave)
    worth = [(number[n.id], j, str(c.points)) for n in scenario.nodes for j, c in enumerate(n.choices, 1) if c.points]
    assert sorted((p.card, j, points) for p in pack.points for j, points in p.choices) == sorted(worth)
    assert len({p.card for p in pack.points}) == len(pack.points)  # one row per card
    assert sorted((c.number, s.number, s.points) for c in pack.cards for s in c.choices if s.points) == sorted(worth)


def test_conditions_name_the_card_and_a_missing_target_has_no_card():
    scenario = Scenario(roles=(Role("r", "Role", "a"),), nodes=(
        Node("a", "<p>A</p>", choices=(Choice("to b", "b"), Choice("to c", "c", if_visited="b", min_points=2),
                                       Choice("lost", "nowhere"))),
        Node("b", "<p>B</p>", choices=(Choice("back", "a"),)),
        Node("c", "<p>C</p>", ending=True, choices=(Choice("kept from before it was an ending", "after"),)),
        Node("orphan", "<p>never reached</p>", choices=(Choice("on", "c"),)),
        Node("after", "<p>only an ending's leftover choice leads here</p>", ending=True),
    ))
    pack = role_pack.build(scenario, _, clean_html)
    # breadth first; a node no role reaches is a draft the pack leaves out (decision 78), and an
    # ending's leftover choices are never offered: they lead no card on (hunt3)
    assert [c.node_id for c in pack.cards] == ["a", "b", "c"]
    to_b, to_c, lost = pack.cards[0].choices
    assert to_c.condition == "Only if card 2 was visited. Only with a score of at least 2."
    assert (to_b.condition, to_b.target, to_c.target, to_c.ending) == ("", 2, 3, True)
    assert lost.target is None


def test_author_html_is_cleaned_on_every_card():
    scenario = Scenario(roles=(Role("r", "Role", "a", brief="<p>Brief<script>alert(1)</script></p>"),), nodes=(
        Node("a", '<p onclick="x()">A</p>', choices=(Choice("go", "z", consequence="<img src=x onerror=y()>"),)),
        Node("z", "<p>Z</p>", ending=True, debrief="<p>D<iframe></iframe></p>"),
    ))
    html = " ".join(texts(asdict(role_pack.build(scenario, _, clean_html))))
    for bad in ("<script", "onclick", "onerror", "<iframe"):
        assert bad not in html


# ------------------------------------------------------------------ case study
@pytest.mark.parametrize("name", ["emm_case_study-1-en.xml", "emm_case_study-2-fr.xml", "emm_case_study-3-en.xml",
                                  "emm_case_study-4-fr.xml"])
def test_the_case_pages_carry_no_answer_and_the_facilitators_page_carries_them_all(name):
    case = demo(name, case_olx)
    pack = case_pack.build(case, _, clean_html)
    participants = list(texts([asdict(q) for q in pack.questions])) + list(texts(
        [pack.narrative, pack.sections, pack.documents, pack.key_facts]))
    facilitator = list(texts([asdict(k) for k in pack.keys])) + [pack.expert_analysis]
    secrets = []
    for q in case.questions:
        secrets += [clean_html(q.explanation), clean_html(q.model_answer), *(k.text for k in q.key_points),
                    *(o.feedback for o in q.options)]
    secrets = [s for s in secrets if s]
    assert secrets and pack.expert_analysis == clean_html(case.expert_analysis) != ""
    for secret in secrets:
        assert secret not in participants, secret
        assert secret in facilitator, secret
    # each question once on the form, its options in order, no correctness on them
    assert [q.id for q in pack.questions] == [q.id for q in case.questions] == [k.id for k in pack.keys]
    for q, paper, key in zip(case.questions, pack.questions, pack.keys, strict=True):
        if q.kind == REFLECTION:
            assert paper.options == () and paper.lines >= paper_pack.MIN_LINES
        else:
            assert paper.options == tuple(o.text for o in q.options) and paper.lines == 0
            assert key.correct == tuple(o.text for o in q.options if o.correct) != ()


def test_documents_are_printed_with_their_excerpts_and_only_safe_addresses():
    case = demo("emm_case_study-3-en.xml", case_olx)
    pack = case_pack.build(case, _, clean_html)
    assert [d[0] for d in pack.documents] == [d.title for d in case.documents]
    assert any(d[3] for d in pack.documents)
    from emm_xblocks.case_study.content import Case, Document

    bad = case_pack.build(Case(documents=(Document("Evil", "javascript:alert(1)", excerpt="<p>x</p>"),)), _,
                          clean_html)
    assert bad.documents == (("Evil", "", "", "<p>x</p>"),)


def test_reflection_lines_follow_the_word_limits():
    from emm_xblocks.case_study.content import Question

    assert paper_pack.lines_for(Question("q", REFLECTION, max_words=120)) == 10
    assert paper_pack.lines_for(Question("q", REFLECTION, min_words=6)) == paper_pack.MIN_LINES
    assert paper_pack.lines_for(Question("q", REFLECTION, max_words=3000)) == paper_pack.MAX_LINES
    assert paper_pack.lines_for(Question("q", REFLECTION)) == paper_pack.DEFAULT_LINES


def test_points_and_percentages_are_written_in_the_readers_locale():
    from emm_xblocks.case_study.content import Case, Question
    from emm_xblocks.common.numbers import Numbers
    from emm_xblocks.role_play.content import Band

    case = Case(questions=(Question("q", REFLECTION, points=1.5), Question("r", REFLECTION, points=2.0)))
    french = case_pack.build(case, _, clean_html, Numbers("fr"))
    assert [k.points for k in french.keys] == ["1,5", "2"] and french.max_points == "3,5"
    assert case_pack.build(case, _, clean_html).max_points == "3.5"  # English by default
    scenario = Scenario(roles=(Role("r", "Role", "a"),), bands=(Band(80, "Well done"), Band(0, "Try again")),
                        nodes=(Node("a", "<p>A</p>", choices=(Choice("go", "z", points=-1500),)),
                               Node("z", "<p>Z</p>", ending=True)))
    pack = role_pack.build(scenario, _, clean_html, Numbers("fr"))
    fr = Numbers("fr")  # CLDR's French: a space before "%" and between thousands
    assert [(b.min, b.message) for b in pack.bands] == [(fr.percent(80, digits=0), "Well done"),
                                                         (fr.percent(0, digits=0), "Try again")]
    assert pack.bands[0].min not in ("80%", "80") and pack.bands[0].min.startswith("80")
    assert pack.bands[0].roles == ()  # no role can earn points: nothing to say in points
    assert pack.points[0].choices == ((1, fr.number(-1500)),) and fr.number(-1500) != "-1500"


def test_each_score_band_says_what_it_takes_in_points_in_each_role():
    """Facilitator trial s38: the messages went by percent (« À partir de 80 % ») and the best
    paths by points (« 7 points au plus »): on paper the facilitator did the sum. A role's score is
    a share of its own best."""
    from emm_xblocks.common.numbers import Numbers
    from emm_xblocks.role_play.content import Band

    scenario = Scenario(roles=(Role("r", "Officer", "a"), Role("s", "Worker", "b")),
                        bands=(Band(80, "Well done"), Band(0, "Try again")),
                        nodes=(Node("a", "<p>A</p>", choices=(Choice("go", "z", points=7), Choice("no", "z"))),
                               Node("b", "<p>B</p>", choices=(Choice("go", "c", points=750),)),
                               Node("c", "<p>C</p>", choices=(Choice("go", "z", points=750),)),
                               Node("z", "<p>Z</p>", ending=True)))
    english = role_pack.build(scenario, _, clean_html)
    assert english.bands[0].roles == (("Officer", "6", "7", 7), ("Worker", "1,193", "1,500", 1500))
    assert english.bands[1].roles == ()  # from 0 %: every score
    french = role_pack.build(scenario, _, clean_html, Numbers("fr"))
    assert french.bands[0].roles[1][1:3] == (Numbers("fr").number(1193), Numbers("fr").number(1500))
    card = english.cards[0]
    assert [(s.points, s.points_n) for s in card.choices] == [("7", 7), ("", 0)]
    # the facilitator pack's doc gives the same example as the pack prints it: whole points (bug
    # hunt s45: it said "5.6 of 7 points")
    import re

    doc = (PACKAGE.parent / "docs" / "facilitator-pack.md").read_text(encoding="utf-8")
    said = re.search(r"\(\"From 80%: … Officer — (\S+) of 7 points\"", " ".join(doc.split()))
    assert said and said.group(1) == english.bands[0].roles[0][1], said


@pytest.mark.parametrize("best", [1, 2, 3, 7, 15, 40, 199, 200, 1000])
@pytest.mark.parametrize("percent", [1, 33, 50, 63, 67, 80, 99, 100])
def test_the_points_a_band_takes_are_those_the_block_gives_it_for(percent, best):
    """Review s38: "80 % of 3 = 2.4 points" said on paper what the block does not do: it rounds the
    score to a whole percent before it picks the band (10 of 15 is 67 %, 159 of 200 is 80 %)."""
    from emm_xblocks.common.numbers import per_cent, rounded
    from emm_xblocks.role_play.content import Band

    scenario = Scenario(bands=(Band(percent, "IN"),))
    reaches = [p for p in range(best + 1) if paths.band_message(scenario, rounded(per_cent(p / best))) == "IN"]
    assert role_pack.points_for(percent, best) == min(reaches)


# ------------------------------------------------------------------ Likert
@pytest.mark.parametrize("name", ["emm_likert-1-en.xml", "emm_likert-2-fr.xml"])
def test_the_questionnaire_has_every_statement_once_and_the_scale_as_columns(name):
    survey = demo(name, likert_olx)
    pack = likert_pack.build(survey, _, clean_html)
    assert [text for _n, text, _r in pack.statements] == [s.text for s in survey.statements]
    assert [n for n, _t, _r in pack.statements] == list(range(1, len(survey.statements) + 1))
    assert pack.labels == survey.labels(_)
    assert bool(pack.na) == survey.allow_na
    assert bool(pack.comment) == survey.comment_box == (pack.comment_lines > 0)
    # which statements are reverse-coded is for the analysis: said on the tally sheet only
    assert pack.reverse == tuple(n for n, s in enumerate(survey.statements, 1) if s.reverse)


def test_labels_and_texts_are_translated_with_the_translator_given():
    from emm_xblocks.likert.content import Statement, Survey

    survey = Survey(statements=(Statement("a", "A"),), allow_na=True, comment_box=True)
    pack = likert_pack.build(survey, lambda t: f"«{t}»", clean_html)
    assert pack.labels[0] == "«Strongly disagree»" and pack.na == "«Not applicable»"
    assert pack.comment == "«Any other comment (optional)»"
    assert pack.any_required and not likert_pack.build(
        Survey(statements=(Statement("a", "A", required=False),)), _, clean_html).any_required


# ------------------------------------------------------------------ knowledge check
@pytest.mark.parametrize("name", ["emm_knowledge_check-1-en-pre.xml", "emm_knowledge_check-4-fr-post.xml"])
def test_the_knowledge_checks_form_carries_no_answer_and_its_key_carries_them_all(name):
    from emm_xblocks.knowledge_check import olx as check_olx
    from emm_xblocks.knowledge_check import pack as check_pack

    check = demo(name, check_olx)
    pack = check_pack.build(check, _, clean_html)
    assert pack.pre == (check.phase == "pre")
    assert [q.options for q in pack.questions] == [tuple(o.text for o in q.options) for q in check.questions]
    form = list(texts([asdict(q) for q in pack.questions])) + [pack.intro]
    key = list(texts([asdict(k) for k in pack.keys]))
    secrets = [s for q in check.questions for s in (clean_html(q.explanation), *(o.feedback for o in q.options)) if s]
    assert secrets
    for secret in secrets:
        assert secret not in form and secret in key
    assert [k.correct for k in pack.keys] == [tuple(o.text for o in q.options if o.correct) for q in check.questions]
