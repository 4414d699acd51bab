"""The live room's pure rules (emm_xblocks/common/live.py): counting, sessions, suppression."""

import ast
import dataclasses
import datetime
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from emm_xblocks.common import live

UTC = datetime.UTC
T0 = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
DECISION = live.Item("arrival", live.DECISION, "<p>Fourteen people arrive.</p>", (
    live.Option("0", "Interview the teenagers separately", True),
    live.Option("1", "Register the group"),
    live.Option("2", "Call the police"),
), prompt_html=True)
MULTIPLE = live.Item("q2", live.QUESTION, "Pick some", (
    live.Option("x", "Ex", True), live.Option("y", "Why", True), live.Option("z", "Zed")), multiple=True)
STATEMENT = live.Item("pace", live.STATEMENT, "The pace was right.",
                      tuple(live.Option(str(v), str(v)) for v in range(1, 6)))


def test_counts_one_value_per_respondent_and_ignores_options_the_author_removed():
    assert live.count(DECISION, ["0", "0", "1", "7"]) == (4, {"0": 2, "1": 1, "2": 0})


def test_a_multiple_choice_answer_counts_at_each_option_picked():
    n, counts = live.count(MULTIPLE, ["x y", "x", "z x"])
    assert n == 3 and counts == {"x": 3, "y": 1, "z": 1}
    figures = live.figures(MULTIPLE, ["x y", "x", "z x"], 1)
    assert figures["p"] == [100, 33, 33]  # of respondents: they may add up to more than 100


def test_nothing_but_the_number_of_answers_below_the_minimum_group_size():
    below = live.figures(DECISION, ["0", "0", "1", "1"], 5, session_state="open")
    assert below == {"s": "open", "n": 4, "min": 5, "shown": False}
    at = live.figures(DECISION, ["0", "0", "1", "1", "2"], 5, session_state="open")
    assert at["shown"] and at["c"] == [2, 2, 1] and at["p"] == [40, 40, 20]
    assert live.figures(DECISION, [], 1)["shown"] is False  # no answer is not "0 %" of a room
    # an item whose number of answers would tell how an earlier, withheld decision split (bug hunt s45)
    later = dataclasses.replace(DECISION, exact_count=False)
    assert live.figures(later, ["0", "1"], 5, session_state="open") == {"s": "open", "min": 5, "shown": False}
    assert live.figures(later, [], 5) == {"s": "none", "min": 5, "shown": False}  # nor "nobody took it"
    assert live.figures(later, ["0"] * 5, 5)["n"] == 5  # shown: its figures are the room's


def test_reveal_only_when_asked_and_only_where_the_item_has_right_answers():
    values = ["0"] * 5
    assert "r" not in live.figures(DECISION, values, 5)
    assert live.figures(DECISION, values, 5, reveal=True)["r"] == [0]
    assert not STATEMENT.revealable
    assert "r" not in live.figures(STATEMENT, ["1"] * 5, 5, reveal=True)
    # a revealed answer does not lift the suppression
    hidden = live.figures(DECISION, ["1"], 5, reveal=True)
    assert hidden["r"] == [0] and "c" not in hidden


def test_each_percentage_is_rounded_half_up_on_its_own_so_equal_counts_show_equal_percentages():
    # six in the room, three at one option and one at each of three others: 17 % each, a column
    # of 101 (largest remainder gave one of them 16 %: "1 · 17 %" beside "1 · 16 %")
    assert live.percentages([1, 1, 1, 3], 6) == [17, 17, 17, 50]
    assert live.percentages([1, 1, 1], 3) == [33, 33, 33]  # 99: no point shared out
    assert live.percentages([1, 7], 8) == [13, 88]  # 12.5 and 87.5 both up, as the panels round
    assert live.percentages([2, 1], 3) == [67, 33]
    assert live.percentages([0, 0], 0) == [0, 0]
    # a respondent's answer the author has since removed counts at no option
    assert live.percentages([1, 1], 3) == [33, 33]
    assert live.figures(DECISION, ["0", "1", "2", "0", "1", "2", "0"], 5)["p"] == [43, 29, 29]


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=8))
def test_percentages_are_the_shares_rounded_half_up_and_equal_counts_always_equal(counts):
    total = sum(counts)
    result = live.percentages(counts, total)
    if total:
        for p, n in zip(result, counts, strict=True):
            assert 100 * n / total - 0.5 < p <= 100 * n / total + 0.5  # half up
        assert all(p == q for p, n in zip(result, counts, strict=True)
                   for q, m in zip(result, counts, strict=True) if n == m)


def test_a_session_takes_answers_from_its_start_until_its_end():
    session = live.Session("s1", T0, T0 + datetime.timedelta(minutes=30))
    assert not session.open_at(T0 - datetime.timedelta(seconds=1))
    assert session.open_at(T0)
    assert session.open_at(T0 + datetime.timedelta(minutes=29))
    assert not session.open_at(T0 + datetime.timedelta(minutes=30))
    assert session.state(T0 + datetime.timedelta(hours=1)) == "ended"


def test_a_session_nobody_ended_stops_taking_answers_after_the_longest_session():
    session = live.Session("s1", T0)
    assert session.open_at(T0 + live.MAX_SESSION - datetime.timedelta(seconds=1))
    assert not session.open_at(T0 + live.MAX_SESSION)
    assert session.state(T0 + live.MAX_SESSION) == "ended"


def test_a_participant_has_one_key_in_a_session_and_another_in_the_next():
    secret = b"k" * 32
    one = live.respondent_key(secret, "s1", "learner-7")
    assert one == live.respondent_key(secret, "s1", "learner-7")
    assert one != live.respondent_key(secret, "s2", "learner-7")
    assert one != live.respondent_key(secret, "s1", "learner-8")
    assert "learner" not in one and len(one) == 32


def test_the_same_figures_give_the_same_small_body_and_tag():
    figures = live.figures(STATEMENT, [str(1 + i % 5) for i in range(30)], 5, session_state="open")
    body, tag = live.body_and_etag(figures)
    assert (body, tag) == live.body_and_etag(dict(reversed(list(figures.items()))))
    assert tag.startswith('"') and tag.endswith('"')
    assert len(body) < 200
    other = live.figures(STATEMENT, [str(1 + i % 5) for i in range(31)], 5, session_state="open")
    assert live.body_and_etag(other)[1] != tag


def test_the_qr_code_carries_no_text_of_the_url():
    """``present.qr_svg`` is put in the page unescaped (``mark_safe``): segno draws only modules, so
    no part of the URL, even one crafted with markup, reaches the page as text."""
    from emm_xblocks.common.live_room import qr_svg

    svg = qr_svg('https://lms.example/courses/x/jump_to/y?"><script>alert(1)</script>')
    assert svg.startswith("<svg") and "<script" not in svg and "alert" not in svg and "lms.example" not in svg


def test_an_evaluation_statement_counts_not_applicable_apart_as_the_results_panel_does():
    """Six answers, one "Not applicable": the room's percentages are of the five on the scale,
    the results panel's (``statistics.statement_stats``), and "N/A" shows its count alone."""
    from emm_xblocks.likert import live as likert_live
    from emm_xblocks.likert import statistics
    from emm_xblocks.likert.content import Statement, Survey

    survey = Survey(statements=(Statement("pace", "The pace was right."),), allow_na=True, min_group_size=5)
    [item] = likert_live.items(survey, str)
    assert item.options[-1].apart and not any(o.apart for o in item.options[:-1])
    values = ["1", "4", "5", "5", "5", "na"]
    room = likert_live.figures(survey, item, values, session_state="open")
    assert room["n"] == 6 and room["na"] == 1 and room["shown"]
    assert room["c"] == [1, 0, 0, 1, 3, 1]
    assert room["p"] == [20, 0, 0, 20, 60, None]  # not 17, 0, 0, 17, 50 of six
    [panel] = statistics.statement_stats(survey, {"pace": {"1": 1, "4": 1, "5": 3, "na": 1}}, 6)
    assert panel.percents == [20.0, 0.0, 0.0, 20.0, 60.0]
    # the panel shows a statement once enough answered on the scale: five answers, one "N/A", is not enough
    hidden = likert_live.figures(survey, item, values[1:], session_state="open")
    assert hidden["n"] == 5 and not hidden["shown"] and "c" not in hidden and "p" not in hidden
    # only "N/A": nothing to protect, its count shows
    only_na = likert_live.figures(survey, item, ["na"] * 5)
    assert only_na["shown"] and only_na["c"] == [0, 0, 0, 0, 0, 5] and only_na["p"] == [0, 0, 0, 0, 0, None]


def _two_roles(shared=False):
    from emm_xblocks.role_play.content import Choice, Node, Role, Scenario

    roles = (Role("officer", "Border police officer", "a1"), Role("worker", "Social worker", "b1"))
    nodes = (Node("a1", choices=(Choice("Ask", "a2"), Choice("Wait", "a2", 1))),
             Node("a2", choices=(Choice("Refer", "shared" if shared else "end"), Choice("Register", "end"))),
             Node("b1", choices=(Choice("Talk", "shared" if shared else "end"), Choice("Leave", "end"))),
             Node("shared", choices=(Choice("Yes", "end"), Choice("No", "end"))),
             Node("end", ending=True))
    return Scenario(roles=roles, nodes=nodes)


def test_a_role_play_decision_names_its_role_and_is_numbered_within_it():
    from emm_xblocks.role_play import live as role_play_live

    # "shared" is reached by no role here (nothing leads to it): a draft no learner meets
    # (decision 78), never projected, and the decisions are numbered within their role (review s39:
    # it was a screen of everyone's, and took the numbering away from every other)
    numbered = [("Border police officer", (1, 2)), ("Border police officer", (2, 2)), ("Social worker", (1, 1))]
    assert [(i.group, i.place) for i in role_play_live.items(_two_roles(), str)] == numbered
    scenario = _two_roles()
    scenario = dataclasses.replace(scenario, nodes=tuple(n for n in scenario.nodes if n.id != "shared"))
    assert [(i.group, i.place) for i in role_play_live.items(scenario, str)] == numbered
    # a decision both roles reach is everyone's: no role named, one run of numbers
    both = role_play_live.items(_two_roles(shared=True), str)
    assert [(i.id, i.group, i.place) for i in both][-1] == ("shared", "", ())
    # one role: nothing to tell apart
    one = dataclasses.replace(scenario, roles=scenario.roles[:1])
    assert {(i.group, i.place) for i in role_play_live.items(one, str)} == {("", ())}


def test_only_a_role_s_first_decision_says_how_many_took_it_below_the_minimum():
    """Bug hunt s45: below the minimum group size, the number who took a later decision tells how
    the earlier ones split; a role's first decision's tells only how many play the role."""
    from emm_xblocks.role_play import live as role_play_live
    from emm_xblocks.role_play.content import Choice, Node

    def exact(scenario):
        return {i.id: i.exact_count for i in role_play_live.items(scenario, str)}

    assert exact(_two_roles()) == {"a1": True, "a2": False, "b1": True}
    assert exact(_two_roles(shared=True)) == {"a1": True, "a2": False, "b1": True, "shared": False}
    # a start that is no decision (one choice on) leads every learner of the role to the same first one
    scenario = _two_roles()
    intro = dataclasses.replace(scenario, roles=(dataclasses.replace(scenario.roles[0], start="intro"),
                                                 scenario.roles[1]),
                                nodes=(Node("intro", choices=(Choice("Go on", "a1"),)), *scenario.nodes))
    assert exact(intro) == {"a1": True, "a2": False, "b1": True}
    # a role's first decision another role's choice also leads to: some of that role's learners count there
    crossed = dataclasses.replace(scenario, nodes=tuple(
        dataclasses.replace(n, choices=(Choice("Talk", "a1"), Choice("Leave", "end"))) if n.id == "b1" else n
        for n in scenario.nodes))
    assert exact(crossed) == {"a1": False, "a2": False, "b1": True}


def test_the_workbench_page_participants_open_is_the_facilitator_s_without_their_student():
    """Trial s32: the QR code carried ``?student=staff_1``; a phone that scanned it answered as the
    facilitator. The other parameters (the language) and their order stay."""
    from emm_xblocks.common.live_room import _without_student

    assert _without_student("http://h/scenario/x/?student=staff_1&lang=fr") == "http://h/scenario/x/?lang=fr"
    assert _without_student("http://h/scenario/x/?lang=ar&student=staff_1&v=") == "http://h/scenario/x/?lang=ar&v="
    assert _without_student("http://h/scenario/x/?student=staff_1") == "http://h/scenario/x/"
    assert _without_student("http://h/scenario/x/#top") == "http://h/scenario/x/#top"


def bench_constants(path):
    """The module-level literal assignments of a bench script (``A, B = 1, 2`` too), unrun."""
    found = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            names = [e.id for e in target.elts] if isinstance(target, ast.Tuple) else [getattr(target, "id", None)]
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            found.update(zip(names, value if isinstance(target, ast.Tuple) else [value], strict=True))
    return found


def test_the_doc_and_the_bench_measure_the_poll_period_of_the_page():
    """(Bug hunt s44.) docs/live-room.md gave the live room's cost "each polling every 5 s", and
    bench/live.py measured that, but the open screen polls every POLL_MS = 4 s: a quarter more
    polls than the figures said."""
    root = Path(__file__).resolve().parents[2]
    [ms] = re.findall(r"var POLL_MS = (\d+);", (root / "static/js/emm-present.js").read_text(encoding="utf-8"))
    seconds = int(ms) // 1000
    assert bench_constants(root / "bench/live.py")["PERIOD_S"] == seconds
    doc = " ".join((root / "docs/live-room.md").read_text(encoding="utf-8").split())
    said = doc.split("## Cost", 1)[1].split("##", 1)[0]
    assert f"polling every {seconds} s" in said and re.findall(r"every (\d+) s", said) == [str(seconds)]
