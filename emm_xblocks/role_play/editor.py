"""The Studio editor's JSON and a ``Scenario``, both ways (pure). Shapes and types are checked
here, the content by ``validation.validate``. The editor sends either the structure (``roles``,
``nodes``, ``bands``, settings) or ``{"xml": "<emm_role_play ...>"}`` from its "Edit as XML" tab;
``studio_convert`` turns one into the other without saving."""

from dataclasses import replace

from lxml import etree

from ..common import limits, olx_shapes, profile
from ..common import olx as common_olx
from ..common.editor_json import editor_items, plain_line
from ..common.i18n import N_
from ..common.ids import MAX_ID
from ..common.numbers import count
from ..common.sanitize import authored_html, stored_html
from ..common.settings import editor_form, read_editor, values
from ..common.validation import (
    UNREADABLE_ROW,
    UNREADABLE_VALUE,
    Problem,
    form_payload,
    has_unreadable_values,
    parse_int,
    unreadable_number,
)
from . import olx
from .content import MAX_NODES, MAX_POINTS, SETTINGS, from_data, to_data
from .validation import validate

MAX_XML = common_olx.MAX_XML  # characters of the "Edit as XML" tab's text
MAX_HTML = 50_000  # characters of one HTML field (narrative, debrief, consequence, brief, intro)
# the most roles and grade bands the editor's JSON may send (more: refused unread, ``_shape_problems``);
# a band starts at a whole percent from 0 to 100, each at its own (``validation``): no more can be valid
MAX_ROLES = 50
MAX_BANDS = 101
# the role-play's words for a list that is not one (``editor_json.editor_items``'s ``says``; a row
# that is not an object keeps the common "Item {n} of this list could not be read.")
UNREAD_PART = (N_("This part of the scenario could not be read."), None)
# the code of the XML tab's warning about the platform's settings in it (``_platform_problems``)
PLATFORM_SETTING = "platform_setting"


def _shape_problems(data, _):
    """``(fatal, problems, (profile prompt, options))``: ``fatal``, the parts that cannot be read at
    all (nothing more is checked, the save refused whole; the profile question is then None);
    ``problems``, the numbers that do not parse and the yes-or-no fields that are not.

    The lists of roles, bands and profile options are read by ``editor_json.editor_items`` (the
    profile question by ``common.profile.from_editor``, as every editor reads it): not a list, "This
    part of the scenario could not be read." at the list; more than ``MAX_ROLES`` roles,
    ``MAX_BANDS`` bands or ``profile.EDITOR_OPTIONS`` options, "This list is too long: at most {n}
    items can be saved." at the list; a row that is not an object (``1``, ``null``), "Item {n} of
    this list could not be read." at that row (``validation.UNREADABLE_ROW``): never skipped in
    silence. The nodes: not a list, "This part of the scenario could not be read.", more than
    ``MAX_NODES``, "The scenario is too large." (at ``nodes``); a node that is not an object or whose
    choices are not a list, "Node {n} could not be read." (``nodes.<i>``); a choice that is not an
    object, "A choice could not be read." (``nodes.<i>.choices.<j>``)."""
    fatal = []
    editor_items(data, "roles", MAX_ROLES, fatal, _, says=UNREAD_PART)
    bands = editor_items(data, "bands", MAX_BANDS, fatal, _, says=UNREAD_PART)
    question = profile.from_editor(data, fatal, _, says=UNREAD_PART)
    nodes = data.get("nodes", [])
    if not isinstance(nodes, list):
        return fatal + [Problem("nodes", _("This part of the scenario could not be read."))], [], None
    if len(nodes) > MAX_NODES:
        return fatal + [Problem("nodes", _("The scenario is too large."))], [], None
    problems = []
    for i, node in enumerate(nodes):
        if not isinstance(node, dict) or not isinstance(node.get("choices", []), list):
            fatal.append(Problem(f"nodes.{i}", _("Node {n} could not be read.").format(n=i + 1),
                                 code=UNREADABLE_ROW))
            continue
        if not isinstance(node.get("ending", False), bool):  # the editor sends a boolean ("true" is no yes)
            problems.append(Problem(f"nodes.{i}.ending", _("Choose yes or no."), code=UNREADABLE_VALUE))
        for j, choice in enumerate(node.get("choices", [])):
            if not isinstance(choice, dict):
                fatal.append(Problem(f"nodes.{i}.choices.{j}", _("A choice could not be read."),
                                     code=UNREADABLE_ROW))
                continue
            for key in ("points", "min_points"):
                value = choice.get(key)
                if value in (None, "") and key == "min_points":
                    continue
                if parse_int(0 if value in (None, "") else value) is None:
                    problems.append(unreadable_number(f"nodes.{i}.choices.{j}.{key}", value, True, _,
                                                      *_choice_says(key, node.get("id"), j + 1, _)))
    if fatal:  # read without them, the scenario is not the form's: nothing more is checked
        return fatal, [], None
    for i, band in bands:
        if parse_int(band.get("min", 0)) is None:
            problems.append(unreadable_number(
                f"bands.{i}.min", band.get("min"), True, _, _("Grade band {n}: the starting score must be between "
                                                              "0 and 100 %.").format(n=count(i + 1, _)),
                _("Grade band {n}: the starting score must be a whole number.").format(n=count(i + 1, _))))
    return [], problems, question


def _choice_says(key, node_id, n, _):
    """``(out of range, not a number)``: what choice ``n`` of node ``node_id`` says of its points
    (``key``: ``points``, ``min_points``) that do not read, naming its place as ``validate`` does
    (the list of problems shows the message apart from its field: bug hunt "new")."""
    at = {"id": node_id if isinstance(node_id, str) else "", "n": count(n, _), "low": count(-MAX_POINTS, _),
          "high": count(MAX_POINTS, _)}
    if key == "points":
        return (_("Node “{id}”: choice {n}: points must be between {low} and {high}.").format(**at),
                _("Node “{id}”: choice {n}: the points must be a whole number.").format(**at))
    return (_("Node “{id}”: choice {n}: the minimum points must be between {low} and {high}.").format(**at),
            _("Node “{id}”: choice {n}: the minimum points must be a whole number.").format(**at))


def _from_structure(data, _):
    fatal, problems, question = _shape_problems(data, _)
    if fatal:
        return None, fatal
    profile_prompt, profile_options = question
    # on one line, never cut (a longer one refused); an empty name is ``validate``'s problem, as on import
    settings, setting_problems = read_editor(data, SETTINGS, _)
    problems += setting_problems
    intro = data.get("intro").strip() if isinstance(data.get("intro"), str) else ""
    scenario = from_data(dict(data, intro=intro), **settings)
    return replace(scenario, profile_prompt=profile_prompt, profile_options=profile_options), problems


def _from_xml(text, _, platform):
    if not isinstance(text, str):
        return None, [Problem("xml", _("The XML could not be read."))]
    if len(text) > MAX_XML:
        return None, [Problem("xml", _("The XML is longer than {max} characters: shorten it, or split the "
                                       "scenario into two role-plays.").format(max=count(MAX_XML, _)))]
    try:
        root = olx.parse_text(text)
    except etree.XMLSyntaxError as err:
        line, column = common_olx.syntax_position(err)  # where the editor puts the caret (bug hunt s44)
        return None, [Problem("xml", common_olx.syntax_problem(err, _), line=line, column=column)]
    if root.tag != "emm_role_play":
        return None, [Problem("xml", _("The XML must start with <emm_role_play>."))]
    with common_olx.unreadable_values() as unread:
        scenario = olx.from_xml(root)
        unknown(root, platform)  # what the block does not know (``point=``, ``<choise>``): noted among ``unread``
    return scenario, _platform_problems(root, platform, _) + [
        _unknown_problem(u, _) if u.outcome == common_olx.KEPT else
        Problem(u.where, common_olx.unreadable_message(u, _), code=UNREADABLE_VALUE, line=u.line or 0)
        for u in common_olx.in_reading_order(unread)]


# what ``<emm_role_play>`` is read for besides ``olx.SHAPE``'s children: its settings, older names too
ROOT_ATTRIBUTES = frozenset({s.name for s in SETTINGS} | {a for s in SETTINGS for a in s.olx_aliases})


def unknown(root, platform=frozenset()):
    """``olx_shapes.unknown`` of the tab's ``<emm_role_play>``: each attribute and element the block
    does not know, as the import finds them (decision 107), to be kept (``kept_olx``) and said.
    ``platform``: the names of the platform's fields on the block (``platform_olx.platform_fields``:
    ``visible_to_staff_only``, ``due``, ``group_access``...), known as the import knows them: never
    kept (an export would write them back behind Studio's settings), said by ``_platform_problems``."""
    return olx_shapes.unknown(root, olx.SHAPE, ROOT_ATTRIBUTES | frozenset(platform))


def _platform_problems(root, platform, _):
    """The tab's warning when its ``<emm_role_play>`` holds platform settings (``platform``, not one of
    ours: ``graded``, an older name of ours, is ours): the tab shows none of them (``to_editor``),
    and they are not read from it, nor kept, as Studio sets them for every component (decision 114;
    an export, of another course too, holds them)."""
    if not any(name in root.attrib for name in frozenset(platform) - ROOT_ATTRIBUTES):
        return []
    return [Problem("xml", _(
        "Line {line}, <{tag}>: the settings Studio sets for every component (visibility, dates, group "
        "access, grading) are not read from this tab, and a save leaves them out: set them in Studio."
    ).format(line=root.sourceline or 1, tag=root.tag), error=False, code=PLATFORM_SETTING, line=root.sourceline or 0)]


def _unknown_problem(found, _):
    """The tab's warning about an attribute or element the block does not know: where, by its line,
    with the closest known name (``olx_shapes.unknown_said``), and what a save does with it."""
    return Problem("xml", olx_shapes.unknown_said(found, _, lines=True) + " " + _(
        "It is not read: correct it here, or a save keeps it as written, unused, and an export writes it back."),
        error=False, code=found.kind, line=found.line or 0)


def kept_olx(data, kept, platform=frozenset()):
    """What a save keeps of what the block does not know (its ``unknown_olx``, written back on export):
    from the "Edit as XML" tab, what the tab holds (``unknown``, knowing the ``platform``'s fields),
    as an import keeps it (decision 107; the tab shows the stored ones, ``to_editor``); from the
    form, ``kept`` as it is. Read again from the tab's XML: only a save that passed ``from_editor`` asks."""
    if not isinstance(data, dict) or not isinstance(data.get("xml"), str):
        return kept
    try:
        return unknown(olx.parse_text(data["xml"]), platform)
    except etree.XMLSyntaxError:
        return kept


# characters of each text (``common.limits``): a longer one is refused at its field, the save
# refused whole, never cut; the editor counts and refuses by the same numbers, sent to it as
# ``COUNTED`` (its ``data-max-chars``, set by emm-role-play-studio.js). The display name is
# ``common.settings.read_editor``'s; the profile question's texts are its validators'
# (``common.profile.LIMITS``, the same code).
TEXT_LIMITS = {"roles.*.label": 200, "nodes.*.speaker": 200, "nodes.*.image": 500, "nodes.*.alt": 500,
               "nodes.*.choices.*.label": 500, "bands.*.message": 1000, "bands.*.final": 1000}
LIMITS = {"intro": MAX_HTML, "roles.*.brief": MAX_HTML, "nodes.*.narrative": MAX_HTML, "nodes.*.debrief": MAX_HTML,
          "nodes.*.choices.*.consequence": MAX_HTML, **TEXT_LIMITS}
ONE_LINE_LIMITS = TEXT_LIMITS  # the one-line texts, counted as saved (Studio's check too: ``common.studio_checks``)
# what the editor counts: the texts, the profile question's, and the ids (the id check refuses a longer one)
COUNTED = {**LIMITS, **profile.COUNTED, **{f"{rows}.id": MAX_ID for rows in ("roles.*", "nodes.*")}}


def _too_long(sent, saved, _):
    """A problem on each text longer than its limit (``LIMITS``), from the form or the XML alike,
    as ``sent`` or as the save keeps it (``saved``, cleaned: ``limits.check_saved``)."""
    return limits.check_saved(to_data(sent), to_data(saved), LIMITS, _, one_line=TEXT_LIMITS)


def sanitize(scenario, html=stored_html):
    """Every HTML part of the scenario through the allow-list (done on save; rendering cleans again),
    every plain-text label and message on one line. ``html``: the form's fields are
    ``authored_html`` (plain text made paragraphs); the XML tab's are cleaned only (XML wraps lines)."""
    nodes = tuple(replace(
        n, narrative=html(n.narrative), debrief=html(n.debrief),
        choices=tuple(replace(c, label=plain_line(c.label), consequence=html(c.consequence)) for c in n.choices),
    ) for n in scenario.nodes)
    roles = tuple(replace(r, label=plain_line(r.label), brief=html(r.brief)) for r in scenario.roles)
    bands = tuple(replace(b, message=plain_line(b.message), final=plain_line(b.final)) for b in scenario.bands)
    return replace(scenario, nodes=nodes, roles=roles, bands=bands, intro=html(scenario.intro))


@form_payload
def from_editor(data, _, platform=frozenset()):
    """Return ``(scenario, problems)``; ``scenario`` is None when the payload cannot be read.
    ``platform``: the names of the platform's fields on the block, which the XML tab knows
    (``unknown``) and does not read (``_platform_problems``)."""
    if "xml" in data:
        scenario, problems = _from_xml(data["xml"], _, platform)
    else:
        scenario, problems = _from_structure(data, _)
    if scenario is None:
        return None, problems
    sent, scenario = scenario, sanitize(scenario, stored_html if "xml" in data else authored_html)
    problems += _too_long(sent, scenario, _)
    # a grade band whose start did not read is not compared with the others (read as 0, it would
    # clash with a band the author did start at 0: bug hunt "new"); its own problem says it
    unread = frozenset(p.field for p in problems if p.code == UNREADABLE_VALUE)
    return scenario, problems + validate(scenario, _, unread=unread)


def for_other_tab(data, _, platform=frozenset()):
    """``from_editor`` for the tab switch (``block.studio_convert``): ``(scenario, problems)``, the
    scenario None (the tab left as it is, its problems shown) when it cannot be read, or when a
    value in it did not (``validation.has_unreadable_values``: points "two", a band starting at
    "fifty", ``points="deux"`` in the XML): the other tab would show its default in its place (0)
    and a save from there keep it, the author's text lost without a word (bug hunt "new")."""
    scenario, problems = from_editor(data, _, platform=platform)
    return (None if has_unreadable_values(problems) else scenario), problems


def to_editor(scenario, kept=(), fields=frozenset()):
    """The JSON the editor starts from (the same shape ``from_editor`` reads), plus the XML; both
    without the retired ids (``content.Scenario.retired_ids``: the save keeps them, ``changes.carry_over``).
    ``kept``: the block's ``unknown_olx``, written into the XML where the export writes them (the tab
    shows what an export holds: a save from it keeps what it shows, ``kept_olx``), none named as one
    of the block's ``fields`` (``olx_shapes.write_kept``)."""
    scenario = replace(scenario, retired_ids=())
    data = to_data(scenario)
    data.update(values(scenario, SETTINGS))
    root = olx.to_xml(scenario)
    olx_shapes.write_kept(root, list(kept), fields)
    data["xml"] = common_olx.to_string(root)
    return data


def settings_form(_):
    """The settings as the editor draws them (``common.settings.editor_form``)."""
    return editor_form(SETTINGS, _)
