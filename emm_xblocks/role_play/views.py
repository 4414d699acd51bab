"""What the role-play shows (rendering only, never writing): the learner's page and the panel
every learner handler answers with, the author's preview, the Studio editor, the mobile apps' data.

``panel_context`` is the single place that decides what a learner may see: before an ending,
the current node and its available choices (labels + opaque ids) only; at an ending, the
debrief, the learner's path beside the best path and, where correctness may be shown
(``common.platform.correctness_available``), the score. A path the author's edits broke is
shown repaired (``learner.repaired``) and kept by the learner's next action, not here.

Unlike the Likert's and the case study's pages (``page_html``, in Python), the page around the
panel is a template, ``templates/role_play/student.html``: the panel, which every action answers
with, is the part written in Python (``play_html``).
"""

from dataclasses import replace
from html import escape

from django.utils.safestring import mark_safe

from ..common import attempts, content_language, platform, profile, retired, summary
from ..common.attempts import attempts_left, counted_attempt
from ..common.downloads import links_html
from ..common.editor_json import typed_html
from ..common.pipeline import write_refusal
from ..common.sanitize import clean_html, safe_url, sanitized
from ..common.settings import settings_summary
from ..common.spreadsheet import EXCEL, excel_link
from ..common.text_filters import isolated
from ..common.validation import listed
from ..common.waiting import note_html
from . import (
    content,
    editor,
    export,
    feedback,
    learner,
    marks,
    others,
    paths,
    perspectives,
    play_html,
    scoring,
    validation,
)


def held_grade_words(grade, _):
    """The sentence under a grade the LMS holds that the current points would not give (as the case
    study's ``common.attempts.held_grade_words``, in a role-play's terms)."""
    return _("Your grade is the one the course recorded: {grade}. It can differ from these results, for "
             "example if the points of the choices changed after you finished, until the course team "
             "rescores.").format(grade=grade)


def grade_words(scenario, state, scores, words, held=None, placed_graded=True, closed=False):
    """Which attempt counts, the counted score beside this one, the warning before a new attempt
    that can lower the grade (``common.attempts.explain``), from the learner's ended attempts'
    ``scores`` (``scoring.attempt_scores``; ``[]`` where correctness is not shown: no score), as the
    case study's ``views.grade_words``. ``words``: the panel's ``block.translators()``; ``held``:
    ``StoredScoreMixin.held_grade_among``'s (the grade the LMS holds, when the current points count
    another: decision 64). ``placed_graded``: False
    in a subsection that is not graded (``platform.graded``): no word of a grade, as with weight 0.
    ``closed``: past the due date, no attempt left: the grade stays."""
    nums = words[2]
    return attempts.grade_words(scenario.grade_policy, scores, scenario.attempts_allowed, state.attempts, words,
                                lambda s: nums.percent(attempts.percent(s), 0), closed=closed, held=held,
                                held_words=held_grade_words,
                                graded=scenario.weight > 0 and placed_graded)


def _grade(block, scenario, state, closed=False):
    """``grade_words`` of the learner's panel: their ended attempts scored once with the current
    points, and the grade the LMS holds; no score where the platform does not show correctness."""
    _shown, scores, held = block.attempt_grades(scenario.grade_policy,
                                                lambda: scoring.attempt_scores(scenario, state.finished))
    return grade_words(scenario, state, scores, block.translators(), held, platform.graded(block), closed)


def _counts(block, scenario, path):
    """The summary's counts an ending's panel shows (``others.reads``: only those it needs):
    ``(tallies, by role, by profile)``, the splits of the path's nodes and the endings only;
    ``{}`` for what it does not show."""
    overall, by_role, by_profile = others.reads(scenario)
    key, wanted = block.block_key(), [*path, perspectives.ENDING]
    return (summary.tallies(key) if overall else {},
            summary.role_tallies(key, groups=wanted) if by_role else {},
            summary.profile_tallies(key, groups=wanted) if by_profile else {})


def _ending(block, scenario, state, node, closed=False):
    """``feedback.ending`` of the learner's panel: the counts it shows read from the store, the
    platform's say on correctness, the debrief sanitised."""
    ctx = feedback.ending(scenario, state, node, _counts(block, scenario, state.path),
                          platform.correctness_available(block), block.translators(), block.dom_id(), closed)
    return dict(ctx, debrief=sanitized(ctx["debrief"]))


def _kept(block, scenario, state, closed=False):
    """``feedback.kept`` of the learner's panel, with its grade's sentences, the debrief sanitised."""
    ctx = feedback.kept(scenario, state, platform.correctness_available(block), block.translators(), closed)
    return dict(ctx, debrief=sanitized(ctx["debrief"]), grade=_grade(block, scenario, state, closed))


def panel_context(block, scenario, state, notice=""):
    """What the learner's panel shows for ``state``; ``phase`` is invalid, roles, kept (an ended
    attempt whose role or path the author removed since: its result, kept), node or ending. Past
    the due date (``closed``): no attempt left, no count shown (the notice says why), and a learner
    who started again is shown their last ended attempt (``learner.standing``)."""
    closed = platform.is_past_due(block)
    left = attempts_left(scenario.attempts_allowed, state.attempts, closed)
    refusal = write_refusal(block)  # staff viewing as a learner, or past the due date
    ctx = {"dom": block.dom_id(), "notice": notice, "scenario": scenario, "attempts": state.attempts,
           # the author's language on their words (common.content_language): once per panel, "" mostly
           "author_lang": block.author_lang(scenario),
           "attempts_left": left, "attempts_allowed": scenario.attempts_allowed, "closed": closed,
           "read_only": refusal.message if refusal else "",
           # why: ``past_due``, ``read_only_masquerade`` (no role can be chosen: ``play_html`` says so), ``forbidden``
           "refusal": refusal.code if refusal else ""}
    if not validation.playable(scenario):
        return dict(ctx, phase="invalid")
    shown = learner.standing(scenario, state, closed)
    if shown is not state:  # the ended attempt shown: its own repair notice, not the one of the attempt in play
        state, notice = learner.repaired(scenario, shown, block.ugettext)
        ctx["notice"] = notice
    if not state.role:
        roles = [{"id": r.id, "label": r.label, "brief": sanitized(r.brief)} for r in scenario.roles]
        return dict(ctx, phase="roles", roles=roles, intro=sanitized(scenario.intro),
                    learner_profile=state.learner_profile)
    if state.ended:
        # the choices made, where the author moved them since (decision 89); None: one is gone or changed
        taken = marks.followed(scenario, state.path, state.taken, state.marks)
        if (scenario.role(state.role) is None or taken is None or not paths.path_is_valid(scenario, state.path, taken)
                or not paths.ends(scenario, state.path)):  # its ending made an ordinary node since
            return dict(ctx, **_kept(block, scenario, state, closed))
        state = replace(state, taken=taken)
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
    ctx["grade"] = _grade(block, scenario, state, closed)
    if state.ended:
        return dict(ctx, **_ending(block, scenario, state, node, closed))
    secret = block.choice_secret()
    choices = [{"token": learner.choice_token(secret, state.attempts, len(path), node.id, i, marks.mark(c)),
                "label": c.label} for i, c in paths.available(scenario, path, taken)]
    # no choice open here, or none of those open leads to an ending (an author's mistake validation
    # could not rule out): back and starting again are always offered, and starting again from here
    # spends no attempt (learner.restart)
    stranded = paths.stranded(scenario, path, taken)
    return dict(ctx, phase="node", choices=choices, stranded=stranded,
                can_back=(scenario.allow_back or stranded) and len(path) > 1 and not closed,
                can_restart=(ctx["can_restart"] or stranded) and not closed)


def _announce(block, ctx, chose=False):
    """What the status region says after an action: after a choice (``chose``), the choice first
    (what the learner just did led to), then where they are now; after any other action (going back,
    a state read), where they are only (bug hunt s43: "You chose: …" after "Go back one step"
    named a choice of two steps before as if just made)."""
    said = _where(block, ctx)
    if chose and ctx.get("last_label") and ctx["phase"] in ("node", "ending"):
        said = " ".join(x for x in (block.ugettext("You chose: {label}.").format(label=ctx["last_label"]), said) if x)
    return said


def _where(block, ctx):
    _ = block.ugettext
    phase = ctx["phase"]
    if phase == "roles":
        return play_html.closed_roles(_, ctx["refusal"])[0] or _("Choose your role.")
    if phase == "node":
        step = _("Step {n}.").format(n=block.numbers().number(ctx["step"], 0))
        if ctx.get("stranded") and ctx.get("choices"):
            return " ".join((step, _("None of the choices open to you at this step can lead to an ending.")))
        if ctx.get("stranded"):
            return " ".join((step, _("No choice is open to you at this step.")))
        return step
    if phase in ("ending", "kept"):
        if not ctx["show_score"]:
            return _("The scenario has ended.")
        return _("The scenario has ended. Your score: {percent}.").format(
            percent=block.numbers().percent(ctx["percent"], 0))
    return ""


def panel(block, ctx):
    """The panel's HTML for ``panel_context``'s ``ctx`` (``play_html``)."""
    return play_html.play_html(ctx, block.translators())


def respond_choice(block, scenario, outcome):
    """``respond`` after a choice: its announcement says the choice first."""
    return respond(block, scenario, outcome, chose=True)


def respond(block, scenario, outcome, chose=False):
    """Every learner handler's answer: the panel of the learner's (new) state, rendered, and what
    to announce (the action's ``notice``, then where the learner now is)."""
    state = outcome.state if outcome.state is not None else block.learner_state()
    notice = outcome.result.get("notice", "")
    ctx = panel_context(block, scenario, state, notice)
    return {
        "phase": ctx["phase"],
        "step": ctx.get("step", 0),
        "html": panel(block, ctx),
        "announcement": " ".join(x for x in (notice, _announce(block, ctx, chose)) if x),
    }


def student_view(block):
    scenario = block.shown_content()  # a default name in the page's language (bug hunt s44)
    state, notice = block.learner_state(), ""
    if validation.playable(scenario):
        state, notice = learner.repaired(scenario, state, block.ugettext)  # shown, not kept
    ctx = panel_context(block, scenario, state, notice)
    ctx["waiting"] = True  # its buttons wait for the script (common/waiting.py); a handler's panel has it
    ctx["panel"] = panel(block, ctx)
    ctx["wait_html"] = "" if ctx["read_only"] or ctx["phase"] == "invalid" else note_html(block.ugettext, typed=False)
    # always set: a variable missing from a template is an exception Django logs (with its
    # traceback, at the debug level) on every render
    ctx["staff_links"] = ""
    # the download only where its handler gives it (``export.perspectives_refusal``: else it keeps no choice)
    if block.is_staff() and export.perspectives_refusal(scenario, block.ugettext) is None:
        _ = block.ugettext
        # the file's rows by profile too, where the role-play asks the question (its title says so)
        text = (_("Download how each role chose, and by profile (CSV, staff only)") if scenario.asks_profile
                else _("Download how each role chose (CSV, staff only)"))
        url = block.runtime.handler_url
        ctx["staff_links"] = links_html(url(block, "export_perspectives"), text,
                                        url(block, "export_perspectives", EXCEL),
                                        excel_link(block.numbers().language, _))  # naming its separator
    ctx["pack_url"] = block.pack_url()  # staff only: the printable facilitator pack
    return block.build_fragment("templates/role_play/student.html", ctx, init_args={})


def author_view(block):
    scenario = block.shown_content()
    problems = listed(validation.validate(scenario, block.ugettext), block.ugettext)
    nums, ngettext = block.numbers(), block.ungettext
    own = block.author_lang(scenario)  # the author's words say their language (decision 56)

    def points(n):  # "-2 points", "1 point" (CLDR's plural of n, also when negative)
        return ngettext("{n} point", "{n} points", n).format(n=nums.number(n, 0))

    def role_line(r):  # the role's label, the author's words, in its own direction and language
        best = paths.best_score(scenario, r.start)
        return mark_safe(escape(ngettext(  # noqa: S308 - every part escaped
            "{label} — starts at “{start}”, best score {n} point",
            "{label} — starts at “{start}”, best score {n} points", best)).format(
            label=isolated(r.label, own), start=escape(r.start), n=escape(nums.number(best, 0))))

    def choice_line(c):
        least = "" if c.min_points is None else ngettext(
            "with at least {n} point", "with at least {n} points", c.min_points).format(n=nums.number(c.min_points, 0))
        return {"choice": c, "points": points(c.points), "min_points": least}

    def category(key):  # a preset kind of ending is the reader's word, the author's own kind their words
        label = content.category_label(key, block.ugettext)
        return isolated(label, "" if key in content.CATEGORIES else own) if label else ""

    roles = [{"role": r, "text": role_line(r)} for r in scenario.roles]
    context = {"scenario": scenario, "problems": problems, "roles": roles, "author_lang": own,
               "settings": settings_summary(scenario, content.SETTINGS, block.ugettext, nums.number),
               "nodes": [{"node": n, "narrative": sanitized(n.narrative),
                          "category": category(n.category),
                          "choices": [choice_line(c) for c in n.choices]} for n in scenario.nodes]}
    return block.build_fragment("templates/role_play/author.html", context, init_args={},
                                js="js/emm-role-play.js", js_class="EmmAuthorPreview")


def studio_view(block):
    """The structured editor (form + map) with its "Edit as XML" tab; the map script is a second file."""
    _ = block.ugettext
    # "&", not "&amp;"; a default name in the author's language (bug hunt s44)
    # the XML as an export holds it
    data = typed_html(editor.to_editor(block.shown_content(), block.unknown_olx, block.fields))
    xml = data.pop("xml")
    categories = [{"value": key, "label": _(label)} for key, label in content.CATEGORIES.items()]
    form = editor.settings_form(_)
    context = {"xml": xml, "dom": block.dom_id() + "-ed", "categories": categories, "settings": form["groups"]}
    frag = block.build_fragment("templates/role_play/studio.html", context,
                                init_args={"scenario": data, "settings": form["keys"],
                                           # characters of each text: counted, refused, never cut (common.limits)
                                           "limits": editor.COUNTED,
                                           # the ids it does not give a new node or profile option
                                           "retired_ids": retired.editor_ids(block.load_content().retired_ids)},
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
        "content_language": content_language.declared(scenario),  # the author's texts' language, or ""
        "intro": clean_html(scenario.intro),
        "roles": [{"id": r.id, "label": r.label, "brief": clean_html(r.brief)} for r in scenario.roles],
        "attempts_allowed": scenario.attempts_allowed,
        "allow_back": scenario.allow_back,
        "estimated_minutes": scenario.estimated_minutes,  # 0: not said
        "profile": profile.app_data(scenario),
    }


def user_state(block, scenario, state, _refusal=None):
    """The learner's state for the apps (``student_view_user_state``): the attempt in play (past the
    due date, the last one ended, as the page shows it: ``learner.standing``), attempts used and
    left (0 past the due date), the score that counts (the counted attempt's, ``grade_policy``: the case study's
    is the submitted attempt's, the one its page shows), out of ``max_score``, once an attempt has
    ended (None where the platform's ``show_correctness`` does not show it; the grade the LMS holds
    when the current points would give another, ``StoredScoreMixin.held_grade_among``, and
    ``grade_held`` then says so: ``max_score`` is then that grade's, else 1), and the profile the
    learner gave with their role ("" for none, or when the question is not asked). No flag of its
    own follows the write refusal: the app plays through the page's handlers, and the state's
    ``refusal`` (``LearnerDataMixin``) says when they would refuse."""
    closed = platform.is_past_due(block)
    if validation.playable(scenario):
        # past the due date, the attempt the page shows: the last one ended (``learner.standing``)
        state, _notice = learner.repaired(scenario, learner.standing(scenario, state, closed), str)
    _shown, scores, held = block.attempt_grades(scenario.grade_policy,
                                                lambda: scoring.attempt_scores(scenario, state.finished))
    score, possible = None, scoring.MAX_SCORE  # out of 1, as the LMS gets the role-play's grade
    if scores:
        # the grade held, in the role-play's points (a staff override's, brought back from its
        # divided units: StoredScoreMixin.recorded_score)
        score, possible = held or counted_attempt(scenario.grade_policy, scores)
    return {
        "role": state.role,
        "step": len(state.path),
        "ended": state.ended,
        "attempts": state.attempts,
        "attempts_left": attempts_left(scenario.attempts_allowed, state.attempts, closed),  # 0 past the due date
        "score": score,
        "max_score": possible,
        "grade_held": held is not None and score is not None,
        "profile": state.learner_profile if scenario.asks_profile else "",
    }
