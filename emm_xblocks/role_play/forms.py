"""The Studio editor's payload -> ``Scenario`` (pure): shapes and types are checked here, content
by ``model.validate``. The editor sends either the structure (``roles``, ``nodes``, settings)
or ``{"xml": "<emm_role_play ...>"}`` from its "Edit as XML" tab."""

from dataclasses import replace

from lxml import etree

from ..common.sanitize import clean_html
from ..common.validation import parse_float, parse_int
from . import model
from .model import Problem

SETTINGS = ("display_name", "max_attempts", "grade_policy", "allow_back", "show_others", "min_group_size",
            "weight")
MAX_XML = 2 * 1024 * 1024
MAX_HTML = 50_000  # characters of one HTML field (narrative, debrief, consequence, brief, intro)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def _clip(value, limit):
    return value.strip()[:limit] if isinstance(value, str) else ""


def _from_structure(data, _):
    problems = []
    for key in ("roles", "nodes", "bands"):
        if not isinstance(data.get(key, []), list):
            return None, [Problem(key, _("This part of the scenario could not be read."))]
    if len(data.get("nodes", [])) > model.MAX_NODES or len(data.get("roles", [])) > 50:
        return None, [Problem("nodes", _("The scenario is too large."))]
    for i, node in enumerate(data.get("nodes", [])):
        if not isinstance(node, dict) or not isinstance(node.get("choices", []), list):
            return None, [Problem(f"nodes.{i}", _("Node {n} could not be read.").format(n=i + 1))]
        for j, choice in enumerate(node.get("choices", [])):
            if not isinstance(choice, dict):
                return None, [Problem(f"nodes.{i}.choices.{j}", _("A choice could not be read."))]
            for key in ("points", "min_points"):
                value = choice.get(key)
                if value in (None, "") and key == "min_points":
                    continue
                if parse_int(0 if value in (None, "") else value) is None:
                    problems.append(Problem(f"nodes.{i}.choices.{j}.{key}", _("Enter a whole number.")))
    for i, band in enumerate(data.get("bands", [])):
        if isinstance(band, dict) and parse_int(band.get("min", 0)) is None:
            problems.append(Problem(f"bands.{i}.min", _("Enter a whole number.")))
    settings = {}
    defaults = model.Scenario()
    for name in ("max_attempts", "min_group_size"):
        value = parse_int(data.get(name, getattr(defaults, name)))
        if value is None:
            problems.append(Problem(name, _("Enter a whole number.")))
            value = getattr(defaults, name)
        settings[name] = value
    weight = parse_float(data.get("weight", defaults.weight))
    if weight is None:
        problems.append(Problem("weight", _("Enter a number.")))
        weight = defaults.weight
    display_name = _clip(data.get("display_name"), 200)
    if not display_name:
        problems.append(Problem("display_name", _("Give the role-play a name.")))
    settings.update(
        display_name=display_name or defaults.display_name,
        weight=weight,
        grade_policy=_clip(data.get("grade_policy", defaults.grade_policy), 10),
        allow_back=data.get("allow_back") is True,
        show_others=data.get("show_others") is True,
        intro=data.get("intro").strip() if isinstance(data.get("intro"), str) else "",
    )
    return model.from_dict(data, **settings), problems


def _from_xml(text, _):
    if not isinstance(text, str) or len(text) > MAX_XML:
        return None, [Problem("xml", _("The XML could not be read."))]
    try:
        root = etree.fromstring(text.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as err:
        return None, [Problem("xml", _("The XML could not be read: {error}").format(error=str(err)[:200]))]
    if root.tag != "emm_role_play":
        return None, [Problem("xml", _("The XML must start with <emm_role_play>."))]
    invalid = []
    scenario = model.from_xml(root, invalid)
    return scenario, [Problem(where, _(message)) for where, message in invalid]


def _plain(text):
    """One line of plain text, as the OLX reader keeps it (``olx.text_of``): what is saved is what
    comes back after an export and an import."""
    return " ".join(text.split())


def _too_long(scenario, _):
    """A problem on each HTML field longer than ``MAX_HTML`` characters."""
    fields = [("intro", scenario.intro)]
    fields += [(f"roles.{i}.brief", r.brief) for i, r in enumerate(scenario.roles)]
    for i, n in enumerate(scenario.nodes):
        fields += [(f"nodes.{i}.narrative", n.narrative), (f"nodes.{i}.debrief", n.debrief)]
        fields += [(f"nodes.{i}.choices.{j}.consequence", c.consequence) for j, c in enumerate(n.choices)]
    return [Problem(where, _("This text is too long: {n} characters at most.").format(n=f"{MAX_HTML:,}"))
            for where, html in fields if len(html.strip()) > MAX_HTML]


def sanitize(scenario):
    """Every HTML part of the scenario through the allow-list (done on save; rendering cleans again),
    every plain-text label and message on one line."""
    nodes = tuple(replace(
        n, narrative=clean_html(n.narrative), debrief=clean_html(n.debrief),
        choices=tuple(replace(c, label=_plain(c.label), consequence=clean_html(c.consequence)) for c in n.choices),
    ) for n in scenario.nodes)
    roles = tuple(replace(r, label=_plain(r.label), brief=clean_html(r.brief)) for r in scenario.roles)
    bands = tuple(replace(b, message=_plain(b.message)) for b in scenario.bands)
    return replace(scenario, nodes=nodes, roles=roles, bands=bands, intro=clean_html(scenario.intro), _index=None)


def from_editor(data, _):
    """Return ``(scenario, problems)``; ``scenario`` is None when the payload cannot be read."""
    if not isinstance(data, dict):
        return None, [Problem("", _("The editor sent something that is not a form."))]
    if "xml" in data:
        scenario, problems = _from_xml(data["xml"], _)
    else:
        scenario, problems = _from_structure(data, _)
    if scenario is None:
        return None, problems
    problems += _too_long(scenario, _)
    scenario = sanitize(scenario)
    return scenario, problems + model.validate(scenario, _)


def to_editor(scenario):
    """The JSON the editor starts from (the same shape ``from_editor`` reads), plus the XML."""
    data = model.to_dict(scenario)
    data.update({name: getattr(scenario, name) for name in SETTINGS}, intro=scenario.intro)
    from ..common import olx

    data["xml"] = olx.to_string(model.to_xml(scenario))
    return data
