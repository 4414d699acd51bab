"""``EditableContentMixin``: the Studio editor's handlers and the OLX glue, once for every block.

A block names its pure pieces and how its fields hold the content:

* ``content_model``: a module with ``from_xml(element)`` and ``to_xml(content, element)``;
* ``editor_form``: ``from_editor(data, _) -> (content or None, problems)``;
* ``content_views``: a module with ``student_view``, ``author_view``, ``studio_view`` (block -> Fragment);
* ``load_content()`` and ``store_content(content)``: fields <-> domain object;
* ``search_text()`` and ``search_type``: what course search indexes;
* ``block_type``: the entry point name (``emm_likert``), for the demo scenarios;
* ``not_saved_message``: the translated sentence shown when a save is refused.
"""

from web_fragments.fragment import Fragment
from xblock.fields import Scope
from xblock.validation import ValidationMessage

from .errors import HandlerError
from .handlers import json_handler
from .i18n import N_
from .validation import errors


class EditableContentMixin:
    content_model = None
    content_views = None
    editor_form = None
    search_type = ""
    not_saved_message = N_("Not saved: please fix the errors.")

    # ---------------------------------------------------------------- views
    def student_view(self, context=None):
        return self.content_views.student_view(self)

    def author_view(self, context=None):
        """The author's preview shows the answers: only for those who may edit (an LMS with the
        XBlock view endpoint on would render it for any learner who asks)."""
        return self.content_views.author_view(self) if self.can_edit() else Fragment("")

    def studio_view(self, context=None):
        return self.content_views.studio_view(self) if self.can_edit() else Fragment("")

    def validate(self):
        """Studio's warnings and errors: the same validators as the editor and the save."""
        validation = super().validate()
        for problem in self.content_model.validate(self.load_content(), self.ugettext):
            kind = ValidationMessage.ERROR if problem.error else ValidationMessage.WARNING
            validation.add(ValidationMessage(kind, problem.message))
        return validation

    def index_dictionary(self):
        """What Open edX's course search indexes (no answer, no feedback)."""
        data = super().index_dictionary() if hasattr(super(), "index_dictionary") else {}
        data.setdefault("content", {}).update({"display_name": self.display_name, "body": self.search_text()})
        data["content_type"] = self.search_type
        return data

    # ---------------------------------------------------------------- the editor's handlers
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
        for name in cls.platform_fields():  # visible_to_staff_only, group_access... (LMS mixins)
            if name in node.attrib:
                cls._set_field_if_present(block, name, node.get(name), {})
        return block

    def add_xml_to_node(self, node):
        node.tag = self.xml_element_name()
        self.content_model.to_xml(self.load_content(), node)
        for name in self.platform_fields():
            field = self.fields[name]
            if field.scope == Scope.settings and field.is_set_on(self) and name not in node.attrib:
                value = field.to_string(field.read_from(self))
                if value is not None:
                    node.set(name, value)

    @classmethod
    def platform_fields(cls):
        """Fields the runtime mixed into the class (Open edX's LmsBlockMixin, InheritanceMixin...):
        the block's OLX must carry them, or an export loses a unit's visibility or groups."""
        own = getattr(cls, "unmixed_class", cls).fields
        return [name for name in cls.fields if name not in own]

    @classmethod
    def workbench_scenarios(cls):
        """The demo OLX files ``workbench/scenarios/<block_type>-*.xml``."""
        from ..workbench.scenarios import load

        return load(cls.block_type)
