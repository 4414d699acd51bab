"""A role-play as OLX, and back (pure: XML only).

```xml
<emm_role_play display_name="Screening" attempts_allowed="3" allow_back="true">
  <intro><![CDATA[<p>...</p>]]></intro>
  <band min="80">Well done</band>
  <role id="officer" start="desk">Protection officer<brief><![CDATA[<p>...</p>]]></brief></role>
  <node id="desk" speaker="Amina"><image src="..." alt="..."/><narrative><![CDATA[<p>...</p>]]></narrative>
    <choice goto="listen" points="2" if_visited="..." min_points="1">Listen<consequence>...</consequence></choice>
  </node>
  <node id="end" ending="true" category="good"><narrative>...</narrative><debrief>...</debrief></node>
  <profile prompt="You work for"><option id="gov">Government</option>...</profile>
  <retired_id list="nodes" value="shout" key="...">A node removed since learners passed through it</retired_id>
</emm_role_play>
```
Settings are attributes (``content.SETTINGS``; ``max_attempts`` from older exports is still read).
The ids of nodes and profile options removed while answered are kept as ``<retired_id>``
(``common.retired``), so that a re-import keeps their answers apart from what is added under them.
"""

from lxml import etree

from ..common import olx, profile, retired
from ..common.olx_shapes import HTML, element
from ..common.settings import WHOLE, read_number, read_olx, write_olx
from .content import SETTINGS, Band, Choice, Node, Role, Scenario

# the "Edit as XML" tab's parser (``parse_text``). The text arrives as a JSON string: it is read as
# the UTF-8 it is sent as, whatever encoding its declaration names (``<?xml … encoding="ISO-8859-1"?>``,
# common in files saved by other tools, would otherwise make every accented letter two). Comments and
# processing instructions (``<?note …?>``) are dropped, the text around them kept whole; an entity
# declared in the XML's own ``<!DOCTYPE … [<!ENTITY e "…">]>`` is replaced by its text (libxml2
# refuses one that expands too much), any other (a file's, an undeclared one) is refused as a
# syntax error that says so (``common.olx.syntax_problem``); nothing is read from a file or the network
_PARSER = etree.XMLParser(resolve_entities="internal", no_network=True, huge_tree=False, remove_comments=True,
                          remove_pis=True, encoding="utf-8")


class _NothingOutside(etree.Resolver):
    """Every external address (a DTD, a ``SYSTEM`` parameter entity) read as empty: libxml2 loads an
    external *parameter* entity even with ``resolve_entities="internal"``, so an author could read a
    file of the Studio server into a scenario, or tell whether it exists (bug hunt s44)."""

    def resolve(self, url, _public_id, context):
        return self.resolve_string("", context)


_PARSER.resolvers.add(_NothingOutside())


def parse_text(text):
    """The root element of the XML ``text`` (a ``str``) an author typed in the editor's "Edit as
    XML" tab; ``etree.XMLSyntaxError`` if it does not parse."""
    return etree.fromstring(text.encode("utf-8"), _PARSER)


# what ``<emm_role_play>`` holds besides its settings (``common.olx_shapes``: anything else is kept and said)
SHAPE = element(
    intro=HTML, band=element("min", "final"), role=element("id", "start", brief=HTML),
    node=element("id", "ending", "speaker", "category", image=element("src", "alt"), narrative=HTML, debrief=HTML,
                 choice=element("goto", "points", "if_visited", "min_points", consequence=HTML)),
    profile=profile.SHAPE, retired_id=retired.SHAPE)


def from_xml(el):
    """Read ``<emm_role_play>`` into a ``Scenario`` (an unknown attribute or element is not read:
    kept as written and said in Studio by an import, ``common.olx_shapes``).

    A number or a yes-or-no that does not read (``points="2.5"``, ``weight="1,5"``,
    ``ending="oui"``) takes its default, an ``olx.Unreadable`` at its editor field
    (``nodes.0.choices.1.points``) where ``olx.unreadable_values`` collects them."""
    roles = tuple(Role(id=r.get("id", ""), label=olx.text_of(r), start=r.get("start", ""),
                       brief=olx.child_html(r, "brief"))
                  for r in el.iterchildren("role"))
    nodes = []
    for i, n in enumerate(el.iterchildren("node")):
        choices = []
        for j, c in enumerate(n.iterchildren("choice")):
            at = f"nodes.{i}.choices.{j}"
            choices.append(Choice(
                label=olx.text_of(c),
                goto=c.get("goto", ""),
                points=read_number(c, "points", WHOLE, 0, f"{at}.points"),
                consequence=olx.child_html(c, "consequence"),
                if_visited=c.get("if_visited", ""),
                min_points=read_number(c, "min_points", WHOLE, None, f"{at}.min_points"),
            ))
        image = n.find("image")
        nodes.append(Node(
            id=n.get("id", ""),
            narrative=olx.child_html(n, "narrative"),
            speaker=n.get("speaker", ""),
            image=image.get("src", "") if image is not None else "",
            alt=image.get("alt", "") if image is not None else "",
            ending=olx.get_bool(n, "ending", False, f"nodes.{i}.ending"),
            debrief=olx.child_html(n, "debrief"),
            category=n.get("category", ""),
            choices=tuple(choices),
        ))
    profile_prompt, profile_options = profile.from_xml(el)
    return Scenario(
        roles=roles,
        nodes=tuple(nodes),
        intro=olx.child_html(el, "intro"),
        bands=tuple(Band(read_number(b, "min", WHOLE, 0, f"bands.{i}.min"), olx.text_of(b),
                         olx.one_line(b.get("final", "")))
                    for i, b in enumerate(el.iterchildren("band"))),
        profile_prompt=profile_prompt,
        profile_options=profile_options,
        retired_ids=retired.from_xml(el),
        **read_olx(el, SETTINGS),
    )


def to_xml(scenario, el=None):
    """Write ``scenario`` into ``el`` (a new ``<emm_role_play>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_role_play")
    write_olx(el, scenario, SETTINGS)
    olx.add_html(el, "intro", scenario.intro)
    for band in scenario.bands:
        olx.add_text(el, "band", band.message, min=str(band.min), final=band.final or None)
    for role in scenario.roles:
        r = olx.add_element(el, "role", id=role.id, start=role.start)
        r.text = olx.xml_safe(role.label)
        olx.add_html(r, "brief", role.brief)
    for node in scenario.nodes:
        n = olx.add_element(el, "node", id=node.id, ending="true" if node.ending else None,
                            speaker=node.speaker or None, category=node.category or None)
        if node.image or node.alt:
            olx.add_element(n, "image", src=node.image, alt=node.alt)
        olx.add_html(n, "narrative", node.narrative)
        for choice in node.choices:
            c = olx.add_element(n, "choice", goto=choice.goto, points=choice.points or None,
                                if_visited=choice.if_visited or None, min_points=choice.min_points)
            c.text = olx.xml_safe(choice.label)
            olx.add_html(c, "consequence", choice.consequence)
        olx.add_html(n, "debrief", node.debrief)
    profile.add_xml(el, scenario.profile_prompt, scenario.profile_options)
    retired.add_xml(el, scenario.retired_ids)
    return el
