"""What the role-play shows (rendering only, never writing): the learner's page and the panel
every learner handler answers with, the author's preview, the Studio editor, the mobile apps' data.

``panel_context`` is the single place that decides what a learner may see: before an ending,
the current node and its available choices (labels + opaque ids) only; at an ending, the
debrief, the learner's path beside the best path and, where correctness may be shown
(``common.platform.correctness_available``), the score. A path the author's edits broke is
shown repaired (``learner.repaired``) and kept by the learner's next action, not here.
"""

from ..common import platform, summary
from ..common.attempts import attempts_left
from ..common.pipeline import write_refusal
from ..common.sanitize import clean_html, safe_url, sanitized
from . import content, editor, learner, paths, validation

PANEL = "templates/role_play/panel.html"
STUDIO = "templates/role_play/studio.html"


def _category(block, category):
    label = content.CATEGORIES.get(category)
    return block.ugettext(label) if label else category


def _shares(block, scenario, path, taken):
    """Per decision of the path: the share of participants who chose the same, if the group is big enough."""
    if not scenario.show_others:
        return [None] * len(taken)
    tallies = summary.tallies(block.block_key())
    shares = []
    for nid, idx in zip(path, taken, strict=False):
        counts = tallies.get(nid, {})
        total = sum(counts.values())
        if total < scenario.min_group_size:
            shares.append(None)
        else:
            shares.append({"percent": round(100 * counts.get(str(idx), 0) / total), "total": total})
    return shares


def _steps(scenario, path, taken):
    return [scenario.node(nid).choices[idx].label for nid, idx in zip(path, taken, strict=False)]


def _ending(block, scenario, state, node):
    role = scenario.role(state.role)
    path, taken = state.path, state.taken
    value = paths.score(scenario, role, path, taken)
    percent = round(100 * value)
    route = paths.playable_best_route(scenario, role.start)
    best_steps = [scenario.node(nid).choices[idx].label for nid, idx in route if idx is not None]
    shares = _shares(block, scenario, path, taken)
    mine = [{"label": label, "share": share} for label, share in zip(_steps(scenario, path, taken), shares,
                                                                       strict=False)]
    shown = platform.correctness_available(block)
    return {
        "phase": "ending", "debrief": sanitized(node.debrief), "category": _category(block, node.category),
        "category_key": node.category, "show_score": shown, "percent": percent if shown else None,
        "earned": max(0, paths.earned(scenario, path, taken)), "best": paths.best_score(scenario, role.start),
        "band": paths.band_message(scenario, percent) if shown else "", "mine": mine, "best_steps": best_steps,
        "best_ending": route[-1][0] != node.id if route else False, "graded": scenario.weight > 0,
    }


def panel_context(block, scenario, state, notice=""):
    """What the learner's panel shows for ``state``; ``phase`` is invalid, roles, node or ending."""
    left = attempts_left(scenario.attempts_allowed, state.attempts)
    refusal = write_refusal(block)  # staff viewing as a learner, or past the due date
    ctx = {"dom": block.dom_id(), "notice": notice, "scenario": scenario, "attempts": state.attempts,
           "attempts_left": left, "attempts_allowed": scenario.attempts_allowed,
           "read_only": refusal.message if refusal else ""}
    if not validation.playable(scenario):
        return dict(ctx, phase="invalid")
    if not state.role:
        roles = [{"id": r.id, "label": r.label, "brief": sanitized(r.brief)} for r in scenario.roles]
        return dict(ctx, phase="roles", roles=roles, intro=sanitized(scenario.intro))
    path, taken = state.path, state.taken
    node = scenario.node(path[-1])
    last = scenario.node(path[-2]).choices[taken[-1]] if taken else None
    ctx.update(
        role=scenario.role(state.role),
        step=len(path),
        node=node,
        narrative=sanitized(node.narrative),
        image=safe_url(node.image),
        consequence=sanitized(last.consequence) if last else "",
        last_label=last.label if last else "",
        can_restart=left != 0,
    )
    if state.ended:
        return dict(ctx, **_ending(block, scenario, state, node))
    secret = block.choice_secret()
    choices = [{"token": learner.choice_token(secret, state.attempts, len(path), node.id, i), "label": c.label}
               for i, c in paths.available(scenario, path, taken)]
    return dict(ctx, phase="node", choices=choices, can_back=scenario.allow_back and len(path) > 1)


def _announce(block, ctx):
    _ = block.ugettext
    phase = ctx["phase"]
    if phase == "roles":
        return _("Choose your role.")
    if phase == "node":
        return _("Step {n}.").format(n=ctx["step"])
    if phase == "ending":
        if not ctx["show_score"]:
            return _("The scenario has ended.")
        return _("The scenario has ended. Your score: {percent}%.").format(percent=ctx["percent"])
    return ""


def payload(block, scenario, state, notice=""):
    """The JSON every learner handler answers: the rendered panel, and what to announce."""
    ctx = panel_context(block, scenario, state, notice)
    return {
        "phase": ctx["phase"],
        "step": ctx.get("step", 0),
        "html": block.render_template(PANEL, ctx),
        "announce": " ".join(x for x in (notice, _announce(block, ctx)) if x),
    }


def student_view(block):
    scenario = block.load_content()
    state, notice = block.learner_state(), ""
    if validation.playable(scenario):
        state, notice = learner.repaired(scenario, state, block.ugettext)  # shown, not kept
    ctx = panel_context(block, scenario, state, notice)
    ctx["panel"] = block.render_template(PANEL, ctx)
    ctx["pack_url"] = block.pack_url()  # staff only: the printable facilitator pack
    return block.build_fragment("templates/role_play/student.html", ctx, init_args={})


def author_view(block):
    scenario = block.load_content()
    problems = validation.validate(scenario, block.ugettext)
    roles = [{"role": r, "best": paths.best_score(scenario, r.start)} for r in scenario.roles]
    context = {"scenario": scenario, "problems": problems, "roles": roles,
               "nodes": [{"node": n, "narrative": sanitized(n.narrative),
                          "category": _category(block, n.category)} for n in scenario.nodes]}
    return block.build_fragment("templates/role_play/author.html", context, init_args={},
                                js="js/emm-role-play.js", js_class="EmmRolePlayAuthor")


def studio_view(block):
    """The structured editor (form + map) with its "Edit as XML" tab; the map script is a second file."""
    _ = block.ugettext
    data = editor.to_editor(block.load_content())
    xml = data.pop("xml")
    categories = [{"value": key, "label": _(label)} for key, label in content.CATEGORIES.items()]
    form = editor.settings_form(_)
    context = {"xml": xml, "dom": block.dom_id() + "-ed", "categories": categories, "settings": form["groups"]}
    frag = block.build_fragment(STUDIO, context, init_args={"scenario": data, "settings": form["keys"]},
                                js="js/emm-role-play-studio.js", js_class="EmmRolePlayEditor")
    frag.add_javascript_url(block.resource_url("js/emm-role-play-map.js"))
    frag.add_css_url(block.resource_url("css/emm-role-play-studio.css"))
    return frag


def student_view_data(scenario):
    """The role-play for the mobile apps: content only. The Blocks API calls it once per course
    with no learner bound (``course_api/blocks/transformers/student_view.py``), so nothing of a
    learner. Nodes, choices, targets and points are left out on purpose (the app plays through
    the same handlers as the browser); the learner's own state comes from the
    ``student_view_user_state`` handler."""
    return {
        "display_name": scenario.display_name,
        "intro": clean_html(scenario.intro),
        "roles": [{"id": r.id, "label": r.label, "brief": clean_html(r.brief)} for r in scenario.roles],
        "attempts_allowed": scenario.attempts_allowed,
        "allow_back": scenario.allow_back,
    }


def user_state(scenario, state, show_score=True):
    """The learner's state for the apps: the attempt in play, attempts used and left, and the
    score that counts once an attempt has ended (None where correctness is not shown)."""
    if validation.playable(scenario):
        state, _notice = learner.repaired(scenario, state, str)
    score = learner.counted_score(scenario, state.finished)[0] if state.finished and show_score else None
    return {
        "role": state.role,
        "step": len(state.path),
        "ended": state.ended,
        "attempts": state.attempts,
        "attempts_left": attempts_left(scenario.attempts_allowed, state.attempts),
        "score": score,
    }
