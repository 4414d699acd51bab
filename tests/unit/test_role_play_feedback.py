"""What a learner is shown of an ended role-play attempt, worked out without a block
(``role_play/feedback.py``): the score and band only where the platform shows correctness, the
path beside the best one, the figures in the reader's language."""

from importlib.resources import files

from emm_xblocks.common.numbers import Numbers
from emm_xblocks.role_play import feedback, olx, routes
from emm_xblocks.role_play.learner import State

SCENARIO = olx.from_xml(olx.parse_text(
    files("emm_xblocks.workbench").joinpath("scenarios/emm_role_play-1-en.xml").read_text(encoding="utf-8")))
FRENCH = (str, lambda one, many, n: one if n < 2 else many, Numbers("fr"))
NO_COUNTS = ({}, {}, {})


def best_play():
    """The first role's best path to its ending, as a learner's state at that ending."""
    role = SCENARIO.roles[0]
    route = routes.playable_best_route(SCENARIO, role.start)
    path = [node for node, _choice in route]
    taken = [choice for _node, choice in route if choice is not None]
    return State(role=role.id, path=path, taken=taken, attempts=1, ended=True), SCENARIO.node(path[-1])


def test_the_best_path_ends_with_full_marks_in_the_reader_s_numbers():
    state, node = best_play()
    ctx = feedback.ending(SCENARIO, state, node, NO_COUNTS, True, FRENCH, "dom")
    assert ctx["phase"] == "ending" and ctx["percent"] == 100 and ctx["earned"] == ctx["best"] > 0
    assert ctx["score_text"].startswith("Your score: 100\xa0% (")  # CLDR French: a no-break space
    assert [step["label"] for step in ctx["mine"]] == ctx["best_steps"]
    assert ctx["best_ending"] is False and ctx["band"]
    assert ctx["debrief"] == node.debrief  # sanitised by the view, which puts it in the page


def test_no_score_and_no_band_where_the_platform_hides_correctness():
    state, node = best_play()
    ctx = feedback.ending(SCENARIO, state, node, NO_COUNTS, False, FRENCH, "dom")
    assert ctx["show_score"] is False and ctx["percent"] is None
    assert ctx["score_text"] == "" and ctx["band"] == ""
    assert [step["label"] for step in ctx["mine"]] == ctx["best_steps"]  # the path is still shown


def test_a_kept_attempt_shows_the_score_it_earned_then():
    state, _node = best_play()
    state = State(role=state.role, path=[*state.path[:-1], "a-node-removed-since"], taken=state.taken, attempts=1,
                  ended=True, finished=[{"role": state.role, "path": ["gone"], "taken": [0], "score": 0.25}])
    ctx = feedback.kept(SCENARIO, state, True, FRENCH)
    assert ctx["phase"] == "kept" and ctx["percent"] == 25 and ctx["debrief"] == ""
    assert ctx["score_text"] == "The scenario has ended. Your score: 25\xa0%."
    assert ctx["perspectives"] is None and ctx["can_restart"] is True
