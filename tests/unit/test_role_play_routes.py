"""The best route shown in the debrief and checked in Studio (``routes``): exact where it can be,
never a warning from a search that did not finish (bug hunt hunt7)."""

from emm_xblocks.role_play import paths, routes, validation
from emm_xblocks.role_play.content import Band, Choice, Node, Role, Scenario


def _(text):
    return text


def decisions(steps=8, last=None):
    """``steps`` decisions in a row, three choices each (harmful -1, hasty 0, careful +2), then an
    ending; ``last``: the keyword arguments of a fourth choice at the last decision, worth 5."""
    nodes = []
    for i in range(steps):
        goto = f"n{i + 1}" if i + 1 < steps else "end"
        choices = [Choice(f"Harmful {i}", goto, -1), Choice(f"Hasty {i}", goto), Choice(f"Careful {i}", goto, 2)]
        if last is not None and i + 1 == steps:
            choices.append(Choice("Bonus", goto, 5, **last))
        nodes.append(Node(f"n{i}", narrative="<p>Step</p>", choices=tuple(choices)))
    nodes.append(Node("end", narrative="<p>Done</p>", ending=True))
    return Scenario(display_name="Decisions", roles=(Role("r", "Officer", "n0"),), nodes=tuple(nodes))


def labels(scenario, route):
    return paths.route_labels(scenario, route)


def codes(scenario):
    return [p.code for p in validation.validate(scenario, _)]


def test_plain_decisions_show_the_exact_best_path_whatever_their_number():
    """No condition on the way: the linear best route is the best a learner can play, found without
    the search (3^8 = 6,561 paths ran it out of budget: "Harmful 0, Careful 1, …" was shown)."""
    s = decisions()
    route, complete = routes.route_checked(s, "n0")
    assert labels(s, route) == [f"Careful {i}" for i in range(8)] and complete
    assert routes.playable_best_route(s, "n0", budget=1) == route  # no search at all
    assert codes(s) == []  # no "a condition is never met" where there is none


def test_a_condition_met_on_the_best_path_needs_no_search_either():
    """The best route takes a conditional choice its own path unlocks (the learner passed "n0", has
    16 points of the 10 asked): it is playable, hence exact, even where the search would run out."""
    s = decisions(last={"if_visited": "n0", "min_points": 10})
    route, complete = routes.route_checked(s, "n0", budget=10)
    assert labels(s, route) == [f"Careful {i}" for i in range(7)] + ["Bonus"] and complete
    assert paths.earned(s, [n for n, _i in route], [i for _n, i in route if i is not None]) == paths.best_score(s, "n0")
    assert codes(s) == []


def gated(steps):
    """``steps`` decisions of two choices (1 point or none), then a 100-point choice asking for more
    points than any path earns: the best score counts it, no learner is ever offered it."""
    nodes = [Node(f"n{i}", narrative="<p>Step</p>",
                  choices=(Choice(f"One {i}", f"n{i + 1}" if i + 1 < steps else "gate", 1),
                           Choice(f"None {i}", f"n{i + 1}" if i + 1 < steps else "gate")))
             for i in range(steps)]
    nodes += [Node("gate", narrative="<p>Gate</p>", choices=(Choice("Rich", "end", 100, min_points=steps + 1),
                                                             Choice("Plain", "end"))),
              Node("end", narrative="<p>Done</p>", ending=True)]
    return Scenario(display_name="Gated", roles=(Role("r", "Officer", "n0"),), nodes=tuple(nodes))


def test_a_search_that_runs_out_says_so_and_never_that_a_condition_is_never_met():
    """The best score counts a choice asking for more points than any path earns before it, in a
    scenario too large for the search (2^20 paths): Studio says the check could not finish, not that
    a condition is never met (it cannot know); the debrief shows the best path the search found,
    tried first (every point, then "Plain")."""
    s = gated(20)
    route, complete = routes.route_checked(s, "n0")
    assert not complete and labels(s, route) == [f"One {i}" for i in range(20)] + ["Plain"]
    assert codes(s) == [validation.FULL_MARKS_UNCHECKED]
    small = gated(3)  # 8 paths: the search finishes, and can say it
    assert routes.route_checked(small, "n0")[1] and codes(small) == ["full_marks_unreachable"]


def test_a_role_that_only_loses_points_is_told_every_ending_scores_full_marks():
    """Penalties only (0 for the careful choice, -3 for the harmful one): the documented score gives
    every ending full marks (``paths.score``, unchanged), so Studio warns at the role and says what
    to do; the bands' clause only where there are bands below the top one."""
    nodes = (Node("a", narrative="<p>A</p>", choices=(Choice("Listen", "good"), Choice("Turn away", "bad", -3))),
             Node("good", narrative="<p>G</p>", ending=True), Node("bad", narrative="<p>B</p>", ending=True))
    s = Scenario(display_name="Penalties", roles=(Role("r", "Officer", "a"),), nodes=nodes)
    assert paths.score(s, s.roles[0], ["a", "bad"], [1]) == 1.0  # the documented scoring stays
    [warning] = validation.validate(s, _)
    assert (warning.field, warning.error, warning.code) == ("roles.0.start", False, validation.PENALTIES_ONLY)
    assert "every ending will score full marks" in warning.message and "bands" not in warning.message
    banded = Scenario(display_name="Penalties", roles=s.roles, nodes=nodes,
                      bands=(Band(0, "Reconsider"), Band(100, "Excellent")))
    assert "the grade bands below the top one will never show" in validation.validate(banded, _)[0].message
    earning = Scenario(display_name="Points", roles=s.roles,  # the careful choice earns: nothing to say
                       nodes=(Node("a", narrative="<p>A</p>", choices=(Choice("Listen", "good", 1),
                                                                    Choice("Turn away", "bad", -3))),
                              *nodes[1:]))
    assert codes(earning) == []
