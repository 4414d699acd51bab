"""The role-play's OLX: read ``<emm_role_play>`` into a ``Scenario`` and write it back (pure)."""

from lxml import etree

from ..common import olx
from ..common.i18n import N_
from ..common.validation import parse_float, parse_int
from .scenario import Band, Choice, Node, Role, Scenario

WHOLE_NUMBER, NUMBER = N_("Enter a whole number."), N_("Enter a number.")


def _int(value, default):
    """A whole number within ``parse_int``'s bounds, else ``default`` (never a 4,000-digit int)."""
    value = parse_int(value)
    return default if value is None else value


def _number(el, name, default, where, invalid, parse=parse_int):
    """Attribute ``name`` of ``el`` as a number; when it is there but unreadable, ``default`` and
    ``(where, message)`` added to ``invalid`` (the "Edit as XML" tab reports it, an import does not)."""
    raw = el.get(name)
    if raw is None:
        return default
    value = parse(raw)
    if value is None:
        invalid.append((where, WHOLE_NUMBER if parse is parse_int else NUMBER))
        return default
    return value


def from_xml(el, invalid=None):
    """Read ``<emm_role_play>`` into a ``Scenario`` (unknown attributes and tags are ignored).

    A number that does not parse (``points="2.5"``, ``weight="1,5"``) takes its default and, when
    ``invalid`` is a list, is added to it as ``(field, untranslated message)``."""
    invalid = [] if invalid is None else invalid
    roles = tuple(
        Role(id=r.get("id", ""), label=olx.text_of(r), start=r.get("start", ""),
             brief=olx.inner_html(r.find("brief")) if r.find("brief") is not None else "")
        for r in el.iterchildren("role")
    )
    nodes = []
    for i, n in enumerate(el.iterchildren("node")):
        choices = []
        for j, c in enumerate(n.iterchildren("choice")):
            consequence = c.find("consequence")
            at = f"nodes.{i}.choices.{j}"
            choices.append(Choice(
                label=olx.text_of(c),
                goto=c.get("goto", ""),
                points=_number(c, "points", 0, f"{at}.points", invalid),
                consequence=olx.inner_html(consequence) if consequence is not None else "",
                if_visited=c.get("if_visited", ""),
                min_points=_number(c, "min_points", None, f"{at}.min_points", invalid),
            ))
        narrative, debrief, image = n.find("narrative"), n.find("debrief"), n.find("image")
        nodes.append(Node(
            id=n.get("id", ""),
            narrative=olx.inner_html(narrative) if narrative is not None else "",
            speaker=n.get("speaker", ""),
            image=image.get("src", "") if image is not None else "",
            alt=image.get("alt", "") if image is not None else "",
            ending=olx.get_bool(n, "ending"),
            debrief=olx.inner_html(debrief) if debrief is not None else "",
            category=n.get("category", ""),
            choices=tuple(choices),
        ))
    intro = el.find("intro")
    d = Scenario()
    return Scenario(
        roles=roles,
        nodes=tuple(nodes),
        display_name=el.get("display_name", d.display_name),
        intro=olx.inner_html(intro) if intro is not None else "",
        max_attempts=_number(el, "max_attempts", d.max_attempts, "max_attempts", invalid),
        grade_policy=el.get("grade_policy", d.grade_policy),
        allow_back=olx.get_bool(el, "allow_back"),
        show_others=olx.get_bool(el, "show_others"),
        min_group_size=_number(el, "min_group_size", d.min_group_size, "min_group_size", invalid),
        weight=float(_number(el, "weight", d.weight, "weight", invalid, parse_float)),
        bands=tuple(Band(_number(b, "min", 0, f"bands.{i}.min", invalid), olx.text_of(b))
                    for i, b in enumerate(el.iterchildren("band"))),
    )


def to_xml(scenario, el=None):
    """Write ``scenario`` into ``el`` (a new ``<emm_role_play>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_role_play")
    d = Scenario()
    el.set("display_name", scenario.display_name)
    for name in ("max_attempts", "grade_policy", "allow_back", "show_others", "min_group_size", "weight"):
        olx.set_attr(el, name, getattr(scenario, name), getattr(d, name))
    olx.add_html(el, "intro", scenario.intro)
    for band in scenario.bands:
        olx.add_text(el, "band", band.message, min=str(band.min))
    for role in scenario.roles:
        r = etree.SubElement(el, "role", id=role.id, start=role.start)
        r.text = role.label
        olx.add_html(r, "brief", role.brief)
    for node in scenario.nodes:
        n = etree.SubElement(el, "node", id=node.id)
        if node.ending:
            n.set("ending", "true")
        for name in ("speaker", "category"):
            if getattr(node, name):
                n.set(name, getattr(node, name))
        if node.image or node.alt:
            etree.SubElement(n, "image", src=node.image, alt=node.alt)
        olx.add_html(n, "narrative", node.narrative)
        for choice in node.choices:
            c = etree.SubElement(n, "choice", goto=choice.goto)
            if choice.points:
                c.set("points", str(choice.points))
            if choice.if_visited:
                c.set("if_visited", choice.if_visited)
            if choice.min_points is not None:
                c.set("min_points", str(choice.min_points))
            c.text = choice.label
            olx.add_html(c, "consequence", choice.consequence)
        olx.add_html(n, "debrief", node.debrief)
    return el


