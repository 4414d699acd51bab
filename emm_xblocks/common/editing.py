"""``EditableContentMixin``: the Studio editor's handlers and the OLX glue, once for every block.

A block names its pure pieces and how its fields hold the content:

* ``content_model``: a module with ``from_xml(element)`` and ``to_xml(content, element)``;
* ``editor_form``: ``from_editor(data, _) -> (content or None, problems)``;
* ``load_content()`` and ``store_content(content)``: fields <-> domain object;
* ``block_type``: the entry point name (``emm_likert``), for the demo scenarios;
* ``not_saved_message``: the translated sentence shown when a save is refused.
"""

from .errors import HandlerError
from .handlers import json_handler
from .i18n import N_
from .validation import errors


class EditableContentMixin:
    content_model = None
    editor_form = None
    not_saved_message = N_("Not saved: please fix the errors.")

    def _require_editor(self):
        if not self.can_edit():
            raise HandlerError(403, "forbidden", self.ugettext("Only course staff can edit this."))

    @json_handler
    def studio_submit(self, data, suffix=""):
        """Save the editor's form, or refuse it whole with each problem tied to its field."""
        self._require_editor()
        content, problems = self.editor_form.from_editor(data, self.ugettext)
        refused = errors(problems)
        if refused or content is None:
            raise HandlerError(400, "invalid_content", self.ugettext(self.not_saved_message),
                               problems=[p.as_json() for p in refused])
        self.store_content(content)
        return {"saved": True, "warnings": [p.as_json() for p in problems]}

    @json_handler
    def studio_validate(self, data, suffix=""):
        """The editor's live check: the save validators, without saving."""
        self._require_editor()
        _content, problems = self.editor_form.from_editor(data, self.ugettext)
        return {"problems": [p.as_json() for p in problems]}

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        block = runtime.construct_xblock_from_class(cls, keys)
        block.store_content(cls.content_model.from_xml(node))
        return block

    def add_xml_to_node(self, node):
        node.tag = self.xml_element_name()
        self.content_model.to_xml(self.load_content(), node)

    @classmethod
    def workbench_scenarios(cls):
        """The demo OLX files ``workbench/scenarios/<block_type>-*.xml``."""
        from ..workbench.scenarios import load

        return load(cls.block_type)
