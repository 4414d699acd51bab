"""The live room's pure rules (emm_xblocks/common/live.py): counting, sessions, suppression."""

import datetime

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


def test_reveal_only_when_asked_and_only_where_the_item_has_right_answers():
    values = ["0"] * 5
    assert "r" not in live.figures(DECISION, values, 5)
    assert live.figures(DECISION, values, 5, reveal=True)["r"] == [0]
    assert not STATEMENT.revealable
    assert "r" not in live.figures(STATEMENT, ["1"] * 5, 5, reveal=True)
    # a revealed answer does not lift the suppression
    hidden = live.figures(DECISION, ["1"], 5, reveal=True)
    assert hidden["r"] == [0] and "c" not in hidden


def test_single_answer_percentages_add_up_to_exactly_100():
    assert live.percentages([1, 1, 1], 3) == [34, 33, 33]
    assert live.percentages([2, 1], 3) == [67, 33]
    assert live.percentages([0, 0], 0) == [0, 0]
    # a respondent's answer the author has since removed counts at no option: nothing is shared out
    assert live.percentages([1, 1], 3) == [33, 33]
    assert live.percentages([2, 1, 1], 3, single=False) == [67, 33, 33]


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=8))
def test_percentages_of_single_answers_always_total_100_and_stay_within_one_point(counts):
    total = sum(counts)
    result = live.percentages(counts, total)
    if total:
        assert sum(result) == 100
        assert all(abs(p - 100 * n / total) < 1 for p, n in zip(result, counts, strict=True))


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
    from emm_xblocks.common.present import qr_svg

    svg = qr_svg('https://lms.example/courses/x/jump_to/y?"><script>alert(1)</script>')
    assert svg.startswith("<svg") and "<script" not in svg and "alert" not in svg and "lms.example" not in svg
