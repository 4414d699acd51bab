"""A Likert evaluation as OLX, and back (pure: XML only).

```xml
<emm_likert display_name="End-of-training evaluation" scale="agree5" allow_na="true" anonymous="true">
  <intro><![CDATA[<p>...</p>]]></intro>
  <item id="relevance">The knowledge and skills acquired are relevant to my work.</item>
  <item id="pace" reverse="true" required="false">The pace was too fast.</item>
  <comment_prompt>What would you change?</comment_prompt>
  <profile prompt="You work for">
    <option id="gov">Government</option>
    <option id="cso">Civil society</option>
  </profile>
</emm_likert>
```
Custom scales list their labels as ``<label>`` elements, lowest first; labels the editor keeps
while a preset scale is chosen are written too, so that an export and import gives the same block
(bug hunt s43: choosing "Custom" again showed an empty box). Settings are attributes
(``content.SETTINGS``; ``graded`` and ``comment`` from older exports are still read). A survey
whose scale changed after learners answered carries ``scale_epoch="2"`` and one
``<past_scale epoch="0" scale="agree5"/>`` (custom labels as ``<label>`` children) per earlier
scale, so that a re-import keeps the labels of the answers given on them. The optional
participant profile question (``<profile>``) lists its answers as ``<option id="...">`` elements.
A statement removed (or whose id was renamed) after learners answered it is kept as
``<removed_item id="...">its words</removed_item>``, to label its answers shown apart; a profile
option's id retired so, as ``<retired_id>`` (``common.retired``).
"""

from lxml import etree

from ..common import olx, profile, retired
from ..common.olx_shapes import HTML, element
from ..common.settings import read_olx, write_olx
from ..common.validation import whole
from .content import SETTINGS, PastScale, Statement, Survey

# what ``<emm_likert>`` holds besides its settings (``common.olx_shapes``: anything else is kept and said)
SHAPE = element("scale_epoch", intro=HTML, label=element(), item=element("id", "reverse", "required"),
                comment_prompt=element(), profile=profile.SHAPE, past_scale=element("epoch", "scale", label=element()),
                removed_item=element("id"), retired_id=retired.SHAPE)


def from_xml(el):
    """Read ``<emm_likert>`` into a ``Survey`` (an unknown attribute or element is not read: kept
    as written and said in Studio by the import, ``common.olx_shapes``)."""
    statements = tuple(
        Statement(id=item.get("id", ""), text=olx.text_of(item), reverse=olx.get_bool(item, "reverse"),
                  required=olx.get_bool(item, "required", True))
        for item in el.iterchildren("item"))
    profile_prompt, profile_options = profile.from_xml(el)
    return Survey(
        statements=statements,
        custom_labels=tuple(olx.text_of(label) for label in el.iterchildren("label")),
        scale_epoch=whole(el.get("scale_epoch"), low=0),
        past_scales=tuple(
            PastScale(whole(p.get("epoch"), low=0), p.get("scale", ""),
                      tuple(olx.text_of(label) for label in p.iterchildren("label")))
            for p in el.iterchildren("past_scale")),
        removed_statements=tuple(Statement(id=item.get("id", ""), text=olx.text_of(item))
                                 for item in el.iterchildren("removed_item")),
        intro=olx.child_html(el, "intro"),
        comment_prompt=olx.text_of(el.find("comment_prompt")),
        profile_prompt=profile_prompt,
        profile_options=profile_options,
        retired_ids=retired.from_xml(el),
        **read_olx(el, SETTINGS),
    )


def to_xml(survey, el=None):
    """Write ``survey`` into ``el`` (a new ``<emm_likert>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_likert")
    write_olx(el, survey, SETTINGS)
    olx.add_html(el, "intro", survey.intro)
    for label in survey.custom_labels:  # a preset scale's too: kept by the editor for "Custom"
        olx.add_text(el, "label", label)
    for st in survey.statements:
        olx.add_text(el, "item", st.text, id=st.id, reverse="true" if st.reverse else None,
                     required=None if st.required else "false")
    if survey.comment_prompt:
        olx.add_text(el, "comment_prompt", survey.comment_prompt)
    profile.add_xml(el, survey.profile_prompt, survey.profile_options)
    if survey.scale_epoch:
        el.set("scale_epoch", str(survey.scale_epoch))
    for past in survey.past_scales:
        node = etree.SubElement(el, "past_scale", epoch=str(past.epoch), scale=past.scale)
        for label in past.custom_labels:
            olx.add_text(node, "label", label)
    for st in survey.removed_statements:
        olx.add_text(el, "removed_item", st.text, id=st.id)
    retired.add_xml(el, survey.retired_ids)
    return el
