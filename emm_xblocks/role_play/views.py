"""Fragments and handler payloads of the role-play block.

``panel_context`` is the single place that decides what a learner may see: before an ending,
the current node and its available choices (labels + opaque ids) only; at an ending, the
debrief, the score and the learner's path beside the best path.
"""

from ..common import store
from ..common.sanitize import safe_url, sanitized
from . import forms, model

PANEL = "templates/role_play/panel.html"
STUDIO = "templates/role_play/studio.html"


def _dom(block):
    return "emm-" + "".join(c if c.isalnum() else "-" for c in str(block.scope_ids.usage_id))


def _category(block, category):
    label = model.CATEGORIES.get(category)
    return block.ugettext(label) if label else category


def _shares(block, scenario, path, taken):
    """Per decision of the path: the share of participants who chose the same, if the group is big enough."""
    if not scenario.show_others:
        return [None] * len(taken)
    tallies = store.tallies(block.block_key())
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


def panel_context(block, scenario, notice=""):
    """What the learner's panel shows now; ``phase`` is invalid, roles, node or ending."""
    _ = block.ugettext
    ctx = {"dom": _dom(block), "notice": notice, "scenario": scenario, "attempts": block.attempts,
           "attempts_left": block.attempts_left(), "max_attempts": scenario.max_attempts}
    if not block.playable(scenario):
        return dict(ctx, phase="invalid")
    if not block.role:
        roles = [{"id": r.id, "label": r.label, "brief": sanitized(r.brief)} for r in scenario.roles]
        return dict(ctx, phase="roles", roles=roles, intro=sanitized(scenario.intro))
    role = scenario.role(block.role)
    path, taken = block.path, block.taken
    node = scenario.node(path[-1])
    last = scenario.node(path[-2]).choices[taken[-1]] if taken else None
    ctx.update(
        role=role,
        step=len(path),
        node=node,
        narrative=sanitized(node.narrative),
        image=safe_url(node.image),
        consequence=sanitized(last.consequence) if last else "",
        last_label=last.label if last else "",
    )
    if not block.ended:
        step = len(path)
        choices = [{"token": block.token(step, node.id, i), "label": c.label}
                   for i, c in model.available(scenario, path, taken)]
        return dict(ctx, phase="node", choices=choices, can_back=scenario.allow_back and len(path) > 1,
                    can_restart=block.attempts_left() != 0)
    best = model.best_score(scenario, role.start)
    earned = model.earned(scenario, path, taken)
    value = model.score(scenario, role, path, taken)
    percent = round(100 * value)
    route = model.playable_best_route(scenario, role.start)
    best_steps = [scenario.node(nid).choices[idx].label for nid, idx in route if idx is not None]
    shares = _shares(block, scenario, path, taken)
    mine = [{"label": label, "share": share} for label, share in zip(_steps(scenario, path, taken), shares,
                                                                       strict=False)]
    return dict(
        ctx, phase="ending", debrief=sanitized(node.debrief), category=_category(block, node.category),
        category_key=node.category, percent=percent, earned=max(0, earned), best=best,
        band=model.band_message(scenario, percent), mine=mine, best_steps=best_steps,
        best_ending=route[-1][0] != node.id if route else False,
        can_restart=block.attempts_left() != 0, graded=scenario.weight > 0,
    )


def _announce(block, ctx):
    _ = block.ugettext
    phase = ctx["phase"]
    if phase == "roles":
        return _("Choose your role.")
    if phase == "node":
        return _("Step {n}.").format(n=ctx["step"])
    if phase == "ending":
        return _("The scenario has ended. Your score: {percent}%.").format(percent=ctx["percent"])
    return ""


def payload(block, scenario, notice=""):
    """The JSON every learner handler answers: the rendered panel, and what to announce."""
    ctx = panel_context(block, scenario, notice)
    return {
        "phase": ctx["phase"],
        "step": ctx.get("step", 0),
        "html": block.render_template(PANEL, ctx),
        "announce": " ".join(x for x in (notice, _announce(block, ctx)) if x),
    }


def student_view(block):
    scenario = block.scenario
    notice = block.repair(scenario) if block.playable(scenario) else ""
    ctx = panel_context(block, scenario, notice)
    ctx["panel"] = block.render_template(PANEL, ctx)
    return block.build_fragment("templates/role_play/student.html", ctx, init_args={})


def author_view(block):
    scenario = block.scenario
    _ = block.ugettext
    problems = model.validate(scenario, _)
    roles = [{"role": r, "best": model.best_score(scenario, r.start)} for r in scenario.roles]
    context = {"scenario": scenario, "problems": problems, "roles": roles,
               "nodes": [{"node": n, "narrative": sanitized(n.narrative),
                          "category": _category(block, n.category)} for n in scenario.nodes]}
    return block.build_fragment("templates/role_play/author.html", context, init_args={},
                                js="static/js/emm-role-play.js", js_class="EmmRolePlayAuthor")


def studio_view(block):
    """The structured editor (form + map) with its "Edit as XML" tab; the map script is a second file."""
    _ = block.ugettext
    data = forms.to_editor(block.scenario)
    xml = data.pop("xml")
    categories = [{"value": key, "label": _(label)} for key, label in model.CATEGORIES.items()]
    frag = block.build_fragment(STUDIO, {"xml": xml, "dom": _dom(block) + "-ed", "categories": categories},
                                init_args={"scenario": data}, js="static/js/emm-role-play-studio.js",
                                js_class="EmmRolePlayEditor")
    frag.add_javascript_url(block.runtime.local_resource_url(block, "static/js/emm-role-play-map.js"))
    frag.add_css_url(block.runtime.local_resource_url(block, "static/css/emm-role-play-studio.css"))
    return frag
