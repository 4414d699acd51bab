"""What a learner is shown of their own ended attempt (pure: no store, no XBlock, no Django): the
outcome it reached, its score and the band's message (where the platform shows correctness), the
path taken beside the best path, and how the others chose at each step (``others``), as the case
study's ``feedback`` is what a learner is shown of a submitted attempt.

``views`` reads what this needs of the store (``others.reads``: only the counts the panel shows)
and of the platform (``platform.correctness_available``) and hands it here; it adds the grade's
sentences (``common.attempts.grade_words``) and sanitises the debrief; ``play_html`` renders the
panel.
"""

from ..common import numbers
from ..common.attempts import attempts_left
from . import content, marks, others, paths, perspectives, routes, scoring


def _steps(scenario, path, taken):
    """The labels of the choices ``taken`` along ``path``, in order."""
    return [scenario.node(nid).choices[idx].label for nid, idx in zip(path, taken, strict=False)]


def ending(scenario, state, node, counts, shown, words, dom, closed=False):
    """The panel's data at ``node``, the ending the learner's path (``state``) reached: ``{"phase":
    "ending", "debrief"`` (the author's HTML, not yet sanitised), ``"category", "category_key",
    "category_own", "show_score", "percent"`` (0-100, whole, or None where not ``shown``),
    ``"score_text", "earned", "best"`` (points), ``"band", "mine"`` (``[{"label", "share"}]``: each
    choice and how many others chose it), ``"best_steps", "best_ending", "graded",
    "perspectives", "profile_perspectives"}``.

    ``counts``: ``(tallies, by role, by profile)`` of the summary (``{}`` for what the panel does
    not show, ``others.reads``); ``shown``: the platform shows correctness (else no score, no
    band); ``words``: the panel's ``block.translators()``; ``dom``: the block's DOM id; ``closed``:
    past the due date, no attempt left (the band's final message)."""
    _, ngettext, nums = words
    role = scenario.role(state.role)
    path, taken = state.path, state.taken
    # as shown: the band a learner reads matches the figure
    score = numbers.rounded(numbers.per_cent(paths.score(scenario, role, path, taken)))
    route = routes.playable_best_route(scenario, role.start)
    overall, role_tallies, profile_tallies = counts
    shares = others.shares(scenario, overall, path, taken, words)
    mine = [{"label": label, "share": share} for label, share in zip(_steps(scenario, path, taken), shares,
                                                                       strict=False)]
    earned, best = max(0, paths.earned(scenario, path, taken)), paths.best_score(scenario, role.start)
    final = attempts_left(scenario.attempts_allowed, state.attempts, closed) == 0
    score_text = ngettext("Your score: {percent} ({earned} point out of {best})",
                          "Your score: {percent} ({earned} points out of {best})", earned).format(
        percent=nums.percent(score, 0), earned=nums.number(earned, 0), best=nums.number(best, 0))
    return {
        "phase": "ending", "debrief": node.debrief,
        "category": content.category_label(node.category, _),
        "category_key": node.category, "category_own": node.category not in content.CATEGORIES,
        "show_score": shown, "percent": score if shown else None,
        "score_text": score_text if shown else "", "earned": earned, "best": best,
        "band": paths.band_message(scenario, score, final) if shown else "", "mine": mine,
        "best_steps": paths.route_labels(scenario, route),
        "best_ending": route[-1][0] != node.id if route else False, "graded": scenario.weight > 0,
        "perspectives": others.by_role(scenario, perspectives.with_no_role(role_tallies, overall), path, taken,
                                       role.id, words, dom),
        "profile_perspectives": others.profile_perspectives(scenario, overall, profile_tallies, path, taken,
                                                            state.learner_profile, words, dom),
    }


def kept(scenario, state, shown, words, closed=False):
    """The panel's data of a finished attempt whose path the author's edits broke since
    (``learner.repaired`` keeps it finished): the outcome it reached, if that node is still an
    ending (its ``"debrief"``: the author's HTML, not yet sanitised); the score it earned then
    (``scoring.attempt_score``: the one stored, which the grade counts); the path as far as it
    still exists (``paths.kept_steps``: up to a choice removed or changed since, ``marks.known``,
    a choice moved followed where it is now); the best path now. No split: no figure knows this path.
    ``shown``, ``words``, ``closed``: as ``ending``'s (past the due date no new attempt)."""
    _, _ngettext, nums = words
    node = scenario.node(state.path[-1]) if state.path else None
    node = node if node is not None and node.ending else None
    role = scenario.role(state.role)
    value = scoring.attempt_score(scenario, state.finished[-1]) if state.finished else 0.0
    score = numbers.rounded(numbers.per_cent(value))
    route = routes.playable_best_route(scenario, role.start) if role is not None else []
    left = attempts_left(scenario.attempts_allowed, state.attempts, closed)
    return {
        "phase": "kept", "role": role, "debrief": node.debrief if node else "",
        "category": content.category_label(node.category, _) if node else "",
        "category_key": node.category if node else "",
        "show_score": shown, "percent": score if shown else None,
        "score_text": _("The scenario has ended. Your score: {percent}.").format(
            percent=nums.percent(score, 0)) if shown else "",
        "band": paths.band_message(scenario, score, left == 0) if shown else "",
        "mine": [{"label": label, "share": ""} for label in paths.kept_steps(
            scenario, state.path, marks.known(scenario, state.path, state.taken, state.marks))],
        "best_steps": paths.route_labels(scenario, route),
        "best_ending": False, "graded": scenario.weight > 0, "perspectives": None, "profile_perspectives": None,
        "can_restart": left != 0,
    }
