"""Author checks of a role-play (pure): ``validate(scenario, _) -> [Problem]`` and ``playable``.

``validate`` never raises; ``_`` is the translator, so the same function runs in the Studio
editor (live check and map), on save, in ``validate()`` and in tests. Each problem carries a
stable ``code`` besides its ``field`` (``nodes.3.choices.1.goto``), so the editor's map can tell an
unreachable node from a dead end, a loop without ending or an unknown target without parsing
messages. ``playable`` says whether learners may play (no error that blocks them,
``common.validation.blocking``, but a ``LET_PLAY`` one), computed once per content.
"""

from functools import lru_cache

from ..common import profile, settings
from ..common.i18n import N_
from ..common.numbers import count
from ..common.sanitize import is_safe_url
from ..common.validation import (  # Problem: with its stable ``code``
    URL_LEAVES_COURSE,
    URL_LOCAL_FILE,
    URL_SPACE,
    Problem,
    address_problem,
    blocking,
    check_id,
    errors,
    image_alt_problems,
)
from . import graph as g
from . import paths, routes
from .content import MAX_CHOICES, MAX_NODES, MAX_POINTS, SETTINGS

# the problems the editor's map draws on a node (see static/js/emm-role-play-map.js)
UNREACHABLE, DEAD_END, LOOP, UNKNOWN_TARGET = "unreachable", "dead_end", "loop_without_ending", "unknown_target"
# the errors a node no learner can reach keeps (a draft's node not linked yet is saved): its limits
UNREACHED_ERRORS = frozenset({"too_many_choices", "points_range", "min_points_range"})
STRANDED = "stranded"  # every choice closed on some playable path: drawn as a dead end
IMAGE_ADDRESS = "image_address"  # a node's image address that is neither a web nor a course-file address
BAND_TWICE = "band_twice"  # a grade band that starts at the score of an earlier one: never shown
PENALTIES_ONLY = "penalties_only"  # a role whose best path earns nothing, with choices that take points away
FULL_MARKS_UNCHECKED = "full_marks_unchecked"  # the search for a playable best path stopped at its budget


# what a bad id and an id used twice say (``common.validation.check_id``), and their codes
NODE_IDS = (N_("Node {n}: the id must be 1 to 50 letters, digits, hyphens or underscores."),
            N_("The node id “{id}” is used twice."))
ROLE_IDS = (N_("Role {n}: the id must be 1 to 50 letters, digits, hyphens or underscores."),
            N_("The role id “{id}” is used twice."))
ID_CODES = ("bad_id", "duplicate_id")


def _check_ids(scenario, _, add):
    """The node ids (as written) and problems with node and role ids, compared without case."""
    def coded(problem):
        add(problem.field, problem.message, problem.code)

    ids, seen = set(), set()
    for i, node in enumerate(scenario.nodes):
        check_id(coded, f"nodes.{i}", node.id, seen, NODE_IDS, _, codes=ID_CODES, n=i + 1)
        ids.add(node.id)
    role_ids = set()
    for i, role in enumerate(scenario.roles):
        where = f"roles.{i}"
        check_id(coded, where, role.id, role_ids, ROLE_IDS, _, codes=ID_CODES, n=i + 1)
        if not role.label.strip():
            add(f"{where}.label", _("Role {n} has no name.").format(n=i + 1), "no_name")
        if not role.start:
            add(f"{where}.start", _("Role “{role}” has no start node.").format(role=role.id), "no_start")
        elif role.start not in ids:
            add(f"{where}.start", _("Role “{role}” starts at “{id}”, which is not a "
                                    "node.").format(role=role.id, id=role.start), "unknown_start")
    return ids


def _check_choices(node, where, ids, loops, _, add, met=None):
    """Each choice of ``node``; ``met``: the nodes a role's start leads to (None: no role yet)."""
    comp, components, graph = loops
    for j, choice in enumerate(node.choices):
        at = f"{where}.choices.{j}"
        if not choice.label.strip():
            add(f"{at}.label", _("Node “{id}”: choice {n} has no label.").format(id=node.id, n=j + 1), "no_label")
        if not choice.goto:
            add(f"{at}.goto", _("Node “{id}”: choice {n} leads nowhere: choose the node it leads to.")
                .format(id=node.id, n=j + 1), UNKNOWN_TARGET)
        elif choice.goto not in ids:
            add(f"{at}.goto", _("Node “{id}”: choice {n} leads to “{target}”, which is not a node.")
                .format(id=node.id, n=j + 1, target=choice.goto), UNKNOWN_TARGET)
        elif choice.points and g.in_loop(comp, components, graph, node.id, choice.goto):
            add(f"{at}.points", _("Node “{id}”: choice {n} is inside a loop (its target can lead back here), "
                                  "so it cannot carry points.").format(id=node.id, n=j + 1), "points_in_loop")
        if not -MAX_POINTS <= choice.points <= MAX_POINTS:
            add(f"{at}.points", _("Node “{id}”: choice {n}: points must be between {low} and {high}.")
                .format(id=node.id, n=j + 1, low=count(-MAX_POINTS, _), high=count(MAX_POINTS, _)), "points_range")
        if choice.min_points is not None and not -MAX_POINTS <= choice.min_points <= MAX_POINTS:
            add(f"{at}.min_points", _("Node “{id}”: choice {n}: the minimum points must be between {low} and "
                                      "{high}.").format(id=node.id, n=j + 1, low=count(-MAX_POINTS, _),
                                                        high=count(MAX_POINTS, _)),
                "min_points_range")
        if choice.if_visited and choice.if_visited not in ids:
            add(f"{at}.if_visited", _("Node “{id}”: choice {n} depends on “{target}”, which is not a node.")
                .format(id=node.id, n=j + 1, target=choice.if_visited), "unknown_condition")
        elif choice.if_visited and met is not None and choice.if_visited not in met:
            add(f"{at}.if_visited", _("Node “{id}”: choice {n} depends on “{target}”, which no role's start leads to: "
                                      "learners will never be offered it.")
                .format(id=node.id, n=j + 1, target=choice.if_visited), "unreached_condition", error=False)


def _check_image(node, where, _, add):
    """Why a node's image address will not do, as the case study says it (``address_problem``:
    ``url_local_file``, ``url_leaves_course``, ``url_space``, else ``image_address``, this block's
    code since before the others)."""
    told = address_problem(f"{where}.image", _("The image of node “{id}”").format(id=node.id), node.image, _,
                           code=IMAGE_ADDRESS)
    add(told.field, told.message, told.code)


def _check_bands(scenario, _, add, unread):
    """Each band starts between 0 and 100 %, and at a score of its own: of two bands that start at
    the same score, the learner would only ever see the first (``paths.band_message``). A band
    whose start the editor could not read (``unread``: ``bands.N.min``, read as 0, its problem
    said by the editor) is neither checked nor compared: no clash the author never typed."""
    starts = set()
    for i, band in enumerate(scenario.bands):
        if f"bands.{i}.min" in unread:
            continue
        if not 0 <= band.min <= 100:
            add(f"bands.{i}.min", _("Grade band {n}: the starting score must be between 0 and 100 %.")
                .format(n=count(i + 1, _)), "band_min")
        elif band.min in starts:
            add(f"bands.{i}.min", _("Grade band {n} starts at the score of another band: learners would never see "
                                    "it. Give each band its own starting score.").format(n=count(i + 1, _)),
                BAND_TWICE)
        starts.add(band.min)


def _check_structure(scenario, _, add):
    """Roles, nodes, endings and choices: what would leave a learner stuck or lost."""
    if not scenario.roles:
        add("roles", _("Add at least one role: learners need a role to play."), "no_roles")
    if not scenario.nodes:
        add("nodes", _("Add at least one node."), "no_nodes")
    if len(scenario.nodes) > MAX_NODES:
        add("nodes", _("A scenario can have at most {n} nodes.").format(n=count(MAX_NODES, _)), "too_many_nodes")
    ids = _check_ids(scenario, _, add)
    graph = scenario.graph()
    endings = scenario.endings()
    loops = (*g.strongly_connected(graph), graph)  # comp, components, graph: ``_check_choices``'s
    seen_from_roles = g.reachable(graph, [r.start for r in scenario.roles])
    leads_to_end = g.can_reach(graph, endings) if endings else None
    if scenario.nodes and not endings:
        add("nodes", _("The scenario has no ending: mark at least one node as an ending."), "no_ending")
    for i, node in enumerate(scenario.nodes):
        where = f"nodes.{i}"
        if scenario.roles and node.id not in seen_from_roles:
            # no learner can arrive: a draft's node not linked yet (author trial s38) is saved, with
            # warnings only but for the limits every node keeps (``UNREACHED_ERRORS``)
            add(where, _("Node “{id}” cannot be reached from any role's start: learners will not see it until a "
                         "choice leads to it.").format(id=node.id), UNREACHABLE, error=False)
            _check_node(node, where, ids, loops, leads_to_end, _, _unreached(add))
        else:
            _check_node(node, where, ids, loops, leads_to_end, _, add, seen_from_roles if scenario.roles else None)


def _unreached(add):
    """``add`` for the problems of a node no learner can reach: warnings, but ``UNREACHED_ERRORS``."""
    def add_warning(field, message, code, error=True):
        add(field, message, code, error and code in UNREACHED_ERRORS)
    return add_warning


def _check_node(node, where, ids, loops, leads_to_end, _, add, met=None):
    """One node's problems: its text, image and choices, and whether a learner there can go on to an
    ending (``leads_to_end``: the nodes that can, or None when the scenario has no ending)."""
    if not node.narrative.strip():
        add(f"{where}.narrative", _("Node “{id}” has no text.").format(id=node.id), "no_text")
    if node.image and not is_safe_url(node.image):
        _check_image(node, where, _, add)
    if node.image and not node.alt.strip():
        add(f"{where}.alt", _("Node “{id}”: describe the image for people who cannot see "
                              "it (alternative text).").format(id=node.id), "no_alt")
    if node.ending:
        if node.choices:
            add(f"{where}.choices", _("Ending “{id}” has choices: learners will never see "
                                      "them.").format(id=node.id), "ending_with_choices", error=False)
        return
    if not node.choices:
        add(f"{where}.choices", _("Node “{id}” is not an ending and has no choices: "
                                  "learners would be stuck.").format(id=node.id), DEAD_END)
    elif leads_to_end is not None and node.id not in leads_to_end:
        add(where, _("From node “{id}” no ending can be reached: learners would go "
                     "round in a loop for ever.").format(id=node.id), LOOP)
    if len(node.choices) > MAX_CHOICES:
        add(f"{where}.choices", _("A node can have at most {n} choices.").format(n=count(MAX_CHOICES, _)),
            "too_many_choices")
    _check_choices(node, where, ids, loops, _, add, met)


def _check_full_marks(scenario, _, add):
    """A warning when a role's best score counts a conditional choice that no playable path
    unlocks (learners could then never reach full marks); where the search for a playable best
    path stopped at its budget before reaching that score (``routes.route_checked``: never when the
    best route takes no condition, or follows those it takes), a warning that the check could not
    finish, never one that asserts a condition is never met."""
    for i, role in enumerate(scenario.roles):
        best = paths.best_score(scenario, role.start)
        route, complete = routes.route_checked(scenario, role.start)
        reachable = paths.earned(scenario, [n for n, _i in route], [c for _n, c in route if c is not None])
        if reachable >= best:
            continue
        if complete:
            add(f"roles.{i}.start",
                _("Role “{role}”: the best score counts {best} points, but no path a learner can play "
                  "earns more than {reachable}: a condition is never met. Check the conditions.")
                .format(role=role.id, best=best, reachable=reachable), "full_marks_unreachable", error=False)
        else:
            add(f"roles.{i}.start",
                _("Role “{role}”: the scenario is too large to check that a learner can earn the best score "
                  "({best} points) under its conditions. Play the best path through to make sure full marks "
                  "can be reached.").format(role=role.id, best=best), FULL_MARKS_UNCHECKED, error=False)


def _check_penalties_only(scenario, _, add):
    """A warning at each role whose best path earns no point while a choice its learners can meet
    takes points away: the documented score (``paths.score``: with nothing to earn, an ending is
    full marks) gives every ending, the harmful ones too, 100 % and the top band (bug hunt hunt7)."""
    for i, role in enumerate(scenario.roles):
        if paths.best_score(scenario, role.start) > 0:
            continue
        met = paths.reached(scenario, [role.start])
        if not any(c.points < 0 for n in scenario.nodes if n.id in met and not n.ending for c in n.choices):
            continue
        if len(scenario.bands) > 1:
            message = _("Role “{role}”: no path earns points, but some choices take points away: every ending will "
                        "score full marks, and the grade bands below the top one will never show. Give "
                        "the careful choices points, so that the harmful ones score less.")
        else:
            message = _("Role “{role}”: no path earns points, but some choices take points away: every ending will "
                        "score full marks. Give the careful choices points, so that the harmful ones score less.")
        add(f"roles.{i}.start", message.format(role=role.id), PENALTIES_ONLY, error=False)


def _check_strandings(scenario, _, add):
    """An error for each node where a playable path leaves the learner with every choice closed, or
    with open choices that only go round a loop whose way out stays closed (``paths.strandings``,
    exact), naming one such path; if the search was too long to finish, a warning for each node
    whose choices all have conditions and where none was found closed."""
    index = {n.id: i for i, n in enumerate(scenario.nodes)}
    found, complete = paths.strandings(scenario)
    going_round = paths.going_round(scenario) if found else frozenset()
    for nid, path in found.items():
        if nid in going_round:
            message = _("Node “{id}”: a learner can arrive here (for example by {path}) and never reach an ending: "
                        "the choices open to them lead round a loop, and the way out of it has a condition they "
                        "cannot meet there. Add a way out without a condition, or change the conditions.")
        else:
            message = _("Node “{id}”: every choice has a condition, and a learner can arrive with none of them met "
                        "(for example by {path}): they would be stuck. Add a choice without a condition, or change "
                        "the conditions.")
        add(f"nodes.{index[nid]}.choices", message.format(id=nid, path=" → ".join(path)), STRANDED)
    if complete:
        return
    for node in scenario.nodes:
        if (node.id not in found and not node.ending and node.choices
                and all(c.if_visited or c.min_points is not None for c in node.choices)):
            add(f"nodes.{index[node.id]}.choices",
                _("Node “{id}”: every choice has a condition, and the scenario is too large to check every "
                  "path: make sure one choice is always open, or add one without a condition.").format(id=node.id),
                STRANDED, error=False)


def validate(scenario, _, unread=frozenset()):
    """Every problem with the scenario's content, as ``Problem`` objects (never raises).
    ``unread``: the editor's fields whose value did not read (``editor.from_editor``: its own
    problem says so), whose default is not checked as the author's (a grade band's start)."""
    problems = []

    def add(field, message, code, error=True):
        problems.append(Problem(field, message, error, code))

    _check_structure(scenario, _, add)
    problems += settings.problems(scenario, SETTINGS, _, coded=True)
    _check_bands(scenario, _, add, unread)
    if not errors(problems):
        _check_strandings(scenario, _, add)
    if not errors(problems):
        _check_full_marks(scenario, _, add)
        _check_penalties_only(scenario, _, add)
    if not scenario.display_name.strip():  # after the checks above: a missing name hides none of theirs
        add("display_name", _("Give the role-play a name."), "")
    problems += [Problem(p.field, p.message, p.error, "image_without_alt")
                 for p in image_alt_problems(scenario.author_html(), _)]
    problems += profile.problems(scenario.profile_prompt, scenario.profile_options, _)  # with their codes
    if scenario.profile_options and not scenario.show_others:
        add("profile_prompt", _("The profile question is asked only when learners are shown how other "
                                "participants chose: turn that setting on, or remove it."), "", False)
    return problems


# refuse a save, keep no learner out (two bands at one score: the first shows, as it always did)
LET_PLAY = frozenset({STRANDED, IMAGE_ADDRESS, URL_SPACE, URL_LOCAL_FILE, URL_LEAVES_COURSE, BAND_TWICE})


@lru_cache(maxsize=256)
def playable(scenario):
    """Learners may play: no error in the scenario but a ``STRANDED`` node, an image's address, a
    grade band that starts where another does (``BAND_TWICE``: the first shows), or one that keeps
    no learner out anywhere (``blocking``: a missing name, an unlisted language of the content;
    checked once per content). A stranding refuses the author's save, yet a
    scenario saved before this check, or imported, stays open to learners: at such a node they are
    offered a way on (``views``, ``learner.back`` and ``learner.restart``), and taking a live course
    offline would strand more. An image whose address will not do is not shown (``safe_url``), and
    a missing name or an unlisted language keeps no learner out either (``blocking``)."""
    return not [p for p in blocking(validate(scenario, str)) if p.code not in LET_PLAY]
