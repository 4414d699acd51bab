"""The role-play's play area (the roles, the node, the ending), rendered in Python (decisions 18
and 39).

``play_html(ctx, ...)`` writes the panel for ``views.panel_context``'s ``ctx`` (the templates
``templates/role_play/panel.html`` and ``split.html`` did until decision 39 replaced them, byte
for byte in every language we ship; they are gone, ``bench/same_output.py`` shows that a change
alters no byte of a page): each phase (``invalid``, ``roles``, ``node``, ``ending``, and ``kept``:
a finished attempt whose path was changed since, its outcome without its step) is one function,
each table of the debrief one more. The page around the panel stays in
``templates/role_play/student.html``; ``views.panel_context`` still decides everything shown.

Every value is escaped with ``html.escape`` (what Django's autoescape calls) and so is every
translation (decision 18: a catalogue is text; several go into attributes); author HTML comes
sanitised (``common.sanitize.sanitized``) and is written as is. The msgids are the template's
(``%(name)s`` placeholders, filled with escaped values). ``words``: the block's ``translators()``
(``_``, ``ungettext``, and ``numbers``, whose ``number`` writes the learner's figures), as every
panel renderer takes them (``likert.results_html``, ``case_study.distribution_html``). The
author's words carry ``ctx["author_lang"]`` (``' lang="fr"'`` or "", ``common.content_language``):
an element of their own, or a ``<span>`` where they sit beside the reader's words; a label that
is the reader's (a translated kind of ending, "Did not say") does not.

Every region and named section starts its name with the role-play's title (``<dom>-title``, in
``student.html``): two role-plays on a unit's page (the LMS shows its blocks on one) gave a screen
reader's list of regions two alike, "What your choice led to", "Step 1: what happens"... (bug
hunt s44).
"""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.text import slugify

from ..common.content_language import wrapped
from ..common.grade_html import grade_html
from ..common.question_views import profile_question_html
from ..common.waiting import WAITING
from .learner import NOT_READY


def play_html(ctx, words):
    """The panel for ``ctx`` (``views.panel_context``'s shape), safe for a template. On the page
    (``ctx["waiting"]``) the buttons wait for the script (``common.waiting``); read-only, they stay
    disabled. ``words``: the block's ``translators()``, ``(gettext, ngettext, numbers)``."""
    _, ungettext, nums = words
    number = nums.number
    phase = ctx["phase"]
    dom = escape(ctx["dom"])
    disabled = " disabled" if ctx["read_only"] else WAITING if ctx.get("waiting") else ""
    head = ""
    if ctx["read_only"]:
        head += f'<p class="emm-notice" data-read-only>{escape(ctx["read_only"])}</p>'
    if ctx["notice"]:
        head += f'<p class="emm-notice" data-notice>{escape(ctx["notice"])}</p>'
    if phase == "invalid":
        not_ready = escape(_(NOT_READY))
        body = f'\n  <p class="emm-notice">{not_ready}</p>\n'
    elif phase == "roles":
        body = _roles_html(ctx, dom, disabled, _, ungettext, number)
    elif phase == "kept":  # a finished attempt whose path was changed since: its outcome, no step
        heading = escape(_("The outcome"))
        body = (f'\n  <h4 class="emm-rp-heading" tabindex="-1" data-focus>{heading}</h4>\n'
                f'  {_ending_html(ctx, dom, _, ctx.get("author_lang", ""))}\n')
    else:
        body = _step_html(ctx, phase, dom, disabled, _, number)
    tail = _actions_html(ctx, phase, disabled, _, ungettext, number) if phase in ("node", "ending", "kept") else ""
    return mark_safe(f"{head}\n{body}\n{tail}\n")  # noqa: S308 - every value and every translation escaped


def _attempts_left(ctx, ungettext, number):
    """How many attempts are left ("2 attempts left"), the count in the learner's language."""
    left = ctx["attempts_left"]
    return escape(ungettext("%(left)s attempt left", "%(left)s attempts left", left)) % {
        "left": escape(number(left, 0))}


def _attempts_ahead(ctx, ungettext, number):
    """Before the first attempt, when attempts are limited: how many there are and that choosing a
    role starts one (bug hunt "new": a tap on a role silently spent attempt 1 of 3, and a learner who
    tapped the wrong one spent the second to take the other). The case study shows its count before
    the first submit; "" with no limit, once an attempt was started (the count left is shown under
    the roles) or past the due date (the notice says why nothing is taken)."""
    allowed = ctx["attempts_allowed"]
    if not allowed or ctx["attempts"] or ctx.get("closed"):
        return ""
    said = escape(ungettext(
        "You have %(n)s attempt. Choosing a role starts it; the role cannot be changed afterwards.",
        "You have %(n)s attempts. Choosing a role starts the first; playing again, in the same role or another, "
        "uses another attempt.", allowed)) % {"n": escape(number(allowed, 0))}
    return f'<p class="emm-rp-attempts-ahead" data-attempts-ahead>{said}</p>'


def closed_roles(_, refusal):
    """Why a learner with no role yet can choose none (issue 7, decision 93: no control the server refuses,
    and the page says why), as ``(said, heading, lead)``: past the due date, the role-play is closed; staff
    viewing as the learner cannot choose for them. ``("", "", "")`` otherwise (Studio's preview shows the
    learner's "Choose your role"). ``refusal``: ``pipeline.write_refusal``'s code, or ""."""
    if refusal == "past_due":
        return (_("This role-play is closed."), _("This role-play is closed"),
                _("You did not choose a role before the due date, so the scenario can no longer be played. "
                  "Its roles are below for you to read."))
    if refusal == "read_only_masquerade":
        return (_("No role chosen yet."), _("No role chosen yet"),
                _("This learner has not chosen a role. Viewing the course as them, you cannot choose one "
                  "for them."))
    return ("", "", "")


def _roles_html(ctx, dom, disabled, _, ungettext, number):
    """Before a role is taken: the intro, the profile question (if asked), a button per role."""
    scenario = ctx["scenario"]
    own = ctx.get("author_lang", "")
    intro = f'<div class="emm-intro" dir="auto"{own}>{ctx["intro"]}</div>' if ctx["intro"] else ""
    if scenario.estimated_minutes:  # how long it takes, before a role is chosen (facilitator trial s38)
        about = escape(ungettext("About %(n)s minute", "About %(n)s minutes", scenario.estimated_minutes)) % {
            "n": escape(number(scenario.estimated_minutes, 0))}
        intro = f'<p class="emm-rp-meta">{about}</p>\n  {intro}'
    profile = ""
    if scenario.asks_profile:
        profile = profile_question_html(scenario.profile_prompt, scenario.profile_options, ctx["learner_profile"],
                                        ctx["dom"], bool(ctx["read_only"]), _, "emm-rp-profile", 2, lang=own)
    roles = "".join(_role_html(role, i, dom, disabled, own) for i, role in enumerate(ctx["roles"], start=1))
    attempts = ""
    if ctx["attempts_allowed"] and ctx["attempts"] and not ctx.get("closed"):  # past the due date: the notice says
        attempts = f'<p class="emm-rp-attempts">{_attempts_left(ctx, ungettext, number)}</p>'
    _said, closed, why = closed_roles(_, ctx.get("refusal", ""))
    choose = escape(closed or _("Choose your role"))
    then = ""
    if why:  # past the due date, or staff viewing as the learner: why the roles below cannot be pressed
        then = f'<p class="emm-notice" data-roles-closed>{escape(why)}</p>'
    elif profile:  # the question between the heading and the roles: its options are not the roles (trial s34)
        lead = escape(_("Then press the role you will play:"))
        then = f'<p class="emm-rp-then">{lead}</p>'
    return (f'\n  {intro}\n'
            f'  <h4 class="emm-rp-heading" tabindex="-1" data-focus>{choose}</h4>\n'
            f'  {"" if why else _attempts_ahead(ctx, ungettext, number)}\n'
            f'  {profile}\n'
            f'  {then}\n'
            f'  <ul class="emm-rp-roles">\n'
            f'    {roles}\n'
            f'  </ul>\n'
            f'  {attempts}\n')


def _role_html(role, i, dom, disabled, own):
    """A role's button and its brief (author HTML, sanitised), the button described by it."""
    described = brief = ""
    if role["brief"]:
        described = f' aria-describedby="{dom}-brief-{i}"'
        brief = f'<div class="emm-rp-brief" dir="auto"{own} id="{dom}-brief-{i}">{role["brief"]}</div>'
    return (f'\n    <li class="emm-rp-role">\n'
            f'      <button type="button" class="emm-button emm-primary" dir="auto"{own}'
            f' data-role="{escape(role["id"])}"'
            f'{disabled}{described}>{escape(role["label"])}</button>\n'
            f'      {brief}\n'
            f'    </li>\n    ')


def _step_html(ctx, phase, dom, disabled, _, number):
    """A node or an ending: the role and step, what the last choice led to, the node's text,
    then the choices (``node``) or the debrief (``ending``)."""
    node = ctx["node"]
    ending = phase == "ending"
    own = ctx.get("author_lang", "")
    role = escape(_("Your role: %(role)s")) % {"role": f'<bdi{own}>{escape(ctx["role"].label)}</bdi>'}
    consequence = ""
    if ctx["consequence"] or ctx["last_label"]:
        led_to = escape(_("What your choice led to"))
        chose = escape(_("You chose: %(label)s")) % {"label": f'<bdi{own}>{escape(ctx["last_label"])}</bdi>'}
        told = f'<div dir="auto"{own}>{ctx["consequence"]}</div>' if ctx["consequence"] else ""
        consequence = (f'\n  <div class="emm-rp-consequence" id="{dom}-consequence" tabindex="-1" data-focus'
                       f' role="region" aria-label="{led_to}" aria-labelledby="{dom}-title {dom}-consequence">\n'
                       f'    <p class="emm-rp-you-chose">{chose}</p>\n'
                       f'    {told}\n'
                       f'  </div>\n  ')
    # the step said once, in the heading (trial s32: "Step 1" stood above "Step 1: what happens" on a
    # phone); ``data-step`` marks it for the page's script (``emm-role-play.js``: where the learner is)
    if ending:
        heading, step = escape(_("The outcome")), ""
    else:
        heading, step = escape(_("Step %(n)s: what happens")) % {"n": escape(number(ctx["step"], 0))}, " data-step"
    image = ""
    if ctx["image"]:
        image = f'<img class="emm-rp-image" src="{escape(ctx["image"])}" alt="{escape(node.alt)}" loading="lazy">'
    speaker = f'<p class="emm-rp-speaker" dir="auto"{own}>{escape(node.speaker)}</p>' if node.speaker else ""
    after = _ending_html(ctx, dom, _, own) if ending else _choices_html(ctx, disabled, _, own)
    return (f'\n  <p class="emm-rp-meta"><span class="emm-rp-role-name">{role}</span></p>\n'
            f'  {consequence}\n'
            f'  <section class="emm-rp-node" aria-labelledby="{dom}-title {dom}-node-heading">\n'
            f'    <h4 class="emm-rp-heading" id="{dom}-node-heading" tabindex="-1" data-focus{step}>{heading}</h4>\n'
            f'    {image}\n'
            f'    {speaker}\n'
            f'    <div class="emm-rp-narrative" dir="auto"{own}>{ctx["narrative"]}</div>\n'
            f'  </section>\n'
            f'  {after}\n')


def _choices_html(ctx, disabled, _, own):
    """The choices open at the node, or why none is, or why none of them leads on (``stranded``
    with choices open: they only go round a loop whose way out stays closed); going back."""
    choices = _stranded_html(ctx, _) if ctx["stranded"] else ""
    if ctx["choices"] or not ctx["stranded"]:
        buttons = "".join(f'<li><button type="button" class="emm-button emm-rp-choice" dir="auto"{own}'
                          f' data-choice="{escape(c["token"])}"{disabled}>{escape(c["label"])}</button></li>'
                          for c in ctx["choices"])
        what = escape(_("What do you do?"))
        choices += (f'\n  <fieldset class="emm-rp-choices">\n'
                    f'    <legend>{what}</legend>\n'
                    f'    <ul>\n'
                    f'      {buttons}\n'
                    f'    </ul>\n'
                    f'  </fieldset>\n  ')
    back = ""
    if ctx["can_back"]:
        label = escape(_("Go back one step"))
        back = f'<button type="button" class="emm-button" data-back{disabled}>{label}</button>'
    return (f'\n  {choices}\n'
            f'  <div class="emm-actions">\n'
            f'    {back}\n'
            f'  </div>\n  ')


def _stranded_html(ctx, _):
    """Why the learner cannot go on from here (no choice open, or none of those open leads to an
    ending), and what to do: go back or start again (no attempt used), or at the start tell the
    course team. Past the due date (``closed``) neither is offered: every action is refused then."""
    can_go_on = ctx["can_back"] and not ctx.get("closed")
    if ctx["choices"]:
        if can_go_on:
            why = _("None of the choices open to you at this step can lead to an ending. Go back one step, or "
                    "start again from the beginning of your role: starting again from here does not use an attempt.")
        else:
            why = _("None of the choices open to you at this step can lead to an ending, so the scenario cannot "
                    "go on from here. Please tell the course team.")
    elif can_go_on:
        why = _("No choice is open to you at this step. Go back one step, or start again from the beginning "
                "of your role: starting again from here does not use an attempt.")
    else:
        why = _("No choice is open to you at this step, so the scenario cannot go on from here. "
                "Please tell the course team.")
    return f'<p class="emm-notice" data-stranded>{escape(why)}</p>\n  '


def _ending_html(ctx, dom, _, own):
    """The debrief: the ending's kind, the score and grade, the learner's path beside the best
    one, and how the other roles and profiles chose. ``own``: the author's language attribute."""
    category = ""
    if ctx["category"]:
        # a kind of ending the package names is the reader's word; another is the author's
        kind = own if ctx.get("category_own") else ""
        outcome = escape(_("Outcome: %(category)s")) % {"category": f'<bdi{kind}>{escape(ctx["category"])}</bdi>'}
        category = f'<p class="emm-rp-category emm-rp-cat-{escape(slugify(ctx["category_key"]))}">{outcome}</p>'
    if ctx["show_score"]:
        score = f'<p class="emm-rp-score">{escape(ctx["score_text"])}</p>\n    '
    else:
        hidden = escape(_("Your score is not shown here for now."))
        score = f'<p class="emm-rp-score">{hidden}</p>'
    band = f'<p class="emm-rp-band" dir="auto"{own}>{escape(ctx["band"])}</p>' if ctx["band"] else ""
    mine = "".join(f'<li>{wrapped(escape(s["label"]), own)}{_share_html(s["share"])}</li>' for s in ctx["mine"])
    best = "".join(f"<li>{escape(label)}</li>" for label in ctx["best_steps"])
    split = ""
    if ctx["perspectives"]:
        heading = escape(_("How the other roles saw it"))
        split = (f'<section class="emm-rp-perspectives" aria-labelledby="{dom}-title {dom}-perspectives-heading">\n'
                 f'      <h5 id="{dom}-perspectives-heading">{heading}</h5>\n'
                 f'      {_tables_html(ctx["perspectives"], dom, own)}\n'
                 f'    </section>')
    by_profile = ""
    if ctx["profile_perspectives"]:
        split_ = ctx["profile_perspectives"]
        # the reader's frame, the author's question in it (its language, where the page declares it)
        heading = escape(split_["heading"]).format(question=wrapped(escape(split_.get("question", "")), own))
        by_profile = (f'<section class="emm-rp-perspectives" aria-labelledby="{dom}-title {dom}-profiles-heading"'
                      f' data-profile-perspectives>\n'
                      f'      <h5 id="{dom}-profiles-heading" dir="auto">{heading}</h5>\n'
                      f'      {_tables_html(split_, dom, own)}\n'
                      f'    </section>')
    debrief, your_path, best_path = escape(_("Debrief")), escape(_("Your path")), escape(_("The best path"))
    # each path a list of the author's steps: in their direction, the numbers on their side
    # the outcome under the heading a screen reader jumps to, not before it (keyboard trial s39)
    return (f'\n  <section class="emm-rp-ending" aria-labelledby="{dom}-title {dom}-debrief-heading">\n'
            f'    <h4 id="{dom}-debrief-heading">{debrief}</h4>\n'
            f'    {category}\n'
            f'    <div class="emm-rp-debrief" dir="auto"{own}>{ctx["debrief"]}</div>\n'
            f'    {score}\n'
            f'    {band}\n'
            f'    {grade_html(ctx["grade"], "emm-rp-grade")}\n'
            f'    <div class="emm-rp-paths">\n'
            f'      <div>\n'
            f'        <h5>{your_path}</h5>\n'
            f'        <ol dir="auto">{mine}</ol>\n'
            f'      </div>\n'
            f'      <div>\n'
            f'        <h5>{best_path}</h5>\n'
            f'        <ol dir="auto"{own}>{best}</ol>\n'
            f'      </div>\n'
            f'    </div>\n'
            f'    {split}\n'
            f'    {by_profile}\n'
            f'  </section>\n  ')


def _tables_html(split, dom, own=""):
    """A split's tables (``others.by_role`` / ``others.profile_perspectives``), then its note."""
    withheld = f'<p class="emm-rp-withheld">{escape(split["withheld"])}</p>' if split["withheld"] else ""
    return "".join(_table_html(t, dom, own) for t in split["tables"]) + f"\n      {withheld}"


def _table_html(table, dom, own=""):
    """One decision's (or the endings') split: a row per choice (or role, profile), a column per
    role (or profile, kind of ending); the learner's own row and column marked. A label that is
    the author's (``own`` in the row or column) carries ``own``, the author's language attribute.
    Its region is named by the role-play's title (``dom``: its id prefix, escaped), then its caption."""
    caption_id = escape(table["id"])
    role_mark = f' <span class="emm-rp-mine" dir="auto">({escape(table["role_note"])})</span>'
    mine_mark = f' <span class="emm-rp-mine" dir="auto">({escape(table["mine_note"])})</span>'
    columns = "".join(
        f'<th scope="col"><span dir="auto"{own if c.get("own") else ""}>{escape(c["label"])}</span>'
        f'{role_mark if c["mine"] else ""}'
        f'{_note_html(c["note"])}</th>' for c in table["columns"])
    rows = "".join(_row_html(r, mine_mark, own) for r in table["rows"])
    corner = wrapped(escape(table["corner"]), own if table.get("corner_own") else "")
    return (f'<div class="emm-rp-split-wrap" role="region" tabindex="0" aria-labelledby="{dom}-title {caption_id}">\n'
            f'<table class="emm-rp-split">\n'
            f'  <caption id="{caption_id}">{escape(table["caption"])}</caption>\n'
            f'  <thead><tr>\n'
            f'    <th scope="col">{corner}</th>\n'
            f'    {columns}\n'
            f'  </tr></thead>\n'
            f'  <tbody>\n'
            f'    {rows}\n'
            f'  </tbody>\n'
            f'</table>\n'
            f'</div>\n')


def _row_html(row, mine_mark, own=""):
    """A row of a split: its label (``mine_mark`` if it is the learner's), its note, its cells."""
    cells = "".join(_cell_html(cell) for cell in row["cells"])
    return (f'<tr{MINE_ROW if row["mine"] else ""}>\n'
            f'      <th scope="row"><span dir="auto"{own if row.get("own") else ""}>{escape(row["label"])}</span>'
            f'{mine_mark if row["mine"] else ""}'
            f'{_note_html(row["note"])}</th>\n'
            f'      {cells}\n'
            f'    </tr>')


MINE_ROW = ' class="emm-rp-split-mine"'


def _share_html(share):
    """How many chose the same (the learner's language), isolated in the step's line (the author's)."""
    return f' <bdi class="emm-rp-share">{escape(share)}</bdi>' if share else ""


def _note_html(note):
    return f'<br><span class="emm-rp-note" dir="auto">{escape(note)}</span>' if note else ""


def _cell_html(cell):
    """A group's share of one answer: its bar (a whole percentage) and figure, or why it is not shown."""
    if not cell["shown"]:
        return f'<td class="emm-rp-suppressed">{escape(cell["text"])}</td>'
    bar = (f'<span class="emm-rp-bar" aria-hidden="true" style="--emm-share: {cell["percent"]}%"></span>'
           if cell["percent"] else "")
    return f'<td>{bar}<span class="emm-rp-figure">{escape(cell["text"])}</span></td>'


def _actions_html(ctx, phase, disabled, _, ungettext, number):
    """Below a node or an ending: the warning before a retry that can lower the grade, starting
    again (its confirmation question) and the attempts left."""
    grade = ctx["grade"]
    warning = ""
    ended = phase in ("ending", "kept")
    if ended and ctx["can_restart"] and grade["retry_warning"] and not ctx["read_only"]:
        warning = (f'<p class="emm-notice emm-rp-retry-warning" data-retry-warning>'
                   f'{escape(grade["retry_warning"])}</p>')
    restart = ""
    if ctx["can_restart"]:
        primary = " emm-primary" if ended else ""
        confirm = "" if ctx.get("stranded") else f' data-confirm="{escape(grade["retry_confirm"])}"'
        again = escape(_("Start again"))
        restart = f'<button type="button" class="emm-button{primary}" data-restart{confirm}{disabled}>{again}</button>'
    attempts = ""
    if ctx["attempts_allowed"] and not ctx.get("closed"):  # past the due date no count: the notice says why
        attempts = f'<span class="emm-rp-attempts">{_attempts_left(ctx, ungettext, number)}</span>'
    return (f'\n{warning}\n'
            f'<div class="emm-actions">\n'
            f'  {restart}\n'
            f'  {attempts}\n'
            f'</div>\n')
