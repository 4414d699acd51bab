"""``EditableContentMixin``: content loaded once, the views, the Studio editor's handlers and the
OLX glue, the same for every block.

A block names its pure modules (the same layout in every block):

* ``content_module``: ``SETTINGS``, ``CONTENT_FIELDS``, ``from_fields(values)``, ``to_fields(content)``
  and, if an older release kept the content in other fields, ``LEGACY_FIELDS`` (read while the
  ``content`` field is empty, set back to their defaults by the next save: decision 49);
* ``validation_module``: ``validate(content, _) -> [Problem]``;
* ``olx_module``: ``from_xml(element)``, ``to_xml(content, element)``;
* ``editor_module``: ``from_editor(data, _) -> (content or None, problems)``, ``to_editor(content)``;
* ``views_module``: ``student_view``, ``author_view``, ``studio_view`` (block -> Fragment);
* ``state_class``: the learner's state dataclass (its fields are the block's user-state fields);
* ``changes_module`` (optional): ``answer_changes(old, new, _) -> [Problem]`` (what an edit does to
  stored answers, ``common.changes``) and ``carry_over(old, new, answered) -> content``;
* ``description_of`` (optional): ``content -> actions.Described``, what the course's evaluation report
  keeps of the block (decision 24), kept up to date by the editor's save (``refresh_description``);

and ``search_text()``, ``search_type``, ``not_saved_message``.
"""

import dataclasses

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import List, Scope
from xblock.validation import ValidationMessage

from . import assets, content_cache, descriptions, olx, olx_shapes, platform_olx, settings, store, studio_checks
from .editor_json import markup_warnings, typed_html
from .errors import HandlerError
from .handlers import json_handler, learner_body_limit
from .i18n import N_
from .limits import only_too_long
from .numbers import count
from .platform_olx import platform_fields
from .validation import errors

MEGABYTE = 1024 * 1024
# The Studio editor's request limit, in bytes, derived from the largest content a block takes whole
# from its editor (``olx.EDITOR_MAX_BODY_BYTES``: why 4 bytes a character of ``olx.MAX_XML``)
EDITOR_MAX_BODY_BYTES = olx.EDITOR_MAX_BODY_BYTES
MAX_IMPORT_PROBLEMS = 50  # unreadable attributes kept from one import for Studio's warnings (the first ones)


def editor_too_large(block, max_bytes):
    """The refusal of an editor's request over ``max_bytes``: 413 ``request_too_large``, in the
    author's words: the limit in megabytes, and what to do."""
    _ = block.author_gettext()
    return HandlerError("request_too_large", _(
        "The content is too large for the editor to send: {size} MB at most. Shorten the longest texts, or "
        "split the activity into two, then try again.").format(size=count(max_bytes // MEGABYTE, _)))


def editor_body_limit(block):
    """``(max_bytes, too_large)`` of an editor's request (``handlers.json_handler``'s ``body_limit``):
    ``EDITOR_MAX_BODY_BYTES`` and ``editor_too_large`` for the course's editors; anyone else, whom
    the handler refuses (403 ``forbidden``), keeps the learner's limit: a large body of theirs is
    not read."""
    if block.can_edit():
        return EDITOR_MAX_BODY_BYTES, editor_too_large
    return learner_body_limit(block)


def editor_handler(func):
    """A Studio editor's JSON handler (``studio_submit``, ``studio_validate``, the role-play's
    ``studio_convert``): ``json_handler`` with a body of up to ``EDITOR_MAX_BODY_BYTES``, a limit
    derived from the largest content a block's editor takes whole (a role-play's XML of
    ``olx.MAX_XML`` characters, at 4 bytes each: see above), so that what the validators accept
    can be saved; past it 413 ``request_too_large`` in words that name the limit
    (``editor_too_large``). The learner's handlers keep ``handlers.MAX_BODY_BYTES`` (256 KB), and
    so does anyone but the course's editors here (``editor_body_limit``)."""
    return json_handler(func, body_limit=editor_body_limit)


class EditableContentMixin:
    content_module = None
    validation_module = None
    olx_module = None
    editor_module = None
    views_module = None
    state_class = None
    changes_module = None
    description_of = None
    search_type = ""
    not_saved_message = N_("Not saved: please fix the errors.")

    # what the last OLX import could not read (``olx.Unreadable.as_json``), shown as Studio's warnings
    # (``validate``) until the author saves the editor; never exported, never read by a learner's request
    import_problems = List(scope=Scope.settings, default=[],
                           help=N_("Attributes the last import could not read (their defaults were used)"))
    # what the last import did not know, kept for the export (``common.olx_shapes``; the platform's ``xml_attributes``)
    unknown_olx = List(scope=Scope.settings, default=[],
                       help=N_("What the last import did not know, kept as written for the next export"))

    # ---------------------------------------------------------------- content and state
    @classmethod
    def content_field_names(cls):
        return (*cls.content_module.CONTENT_FIELDS, *(s.name for s in cls.content_module.SETTINGS))

    def load_content(self):
        """The block's content as its frozen dataclass, parsed once per content (``common.content_cache``).
        During a learner action, the content the action was given (``content_cache.held``): no
        action changes it, and its grade (``max_score``) reads it again."""
        held = content_cache.held_by(self)
        if held is not None:
            return held
        return content_cache.load(self, self.content_module.from_fields, self.content_field_names(),
                                  getattr(self.content_module, "LEGACY_FIELDS", ()))

    def shown_content(self):
        """``load_content()`` as the pages and the editor show it: a display name still at its default
        in the reader's language (``settings.default_named``, bug hunt s44)."""
        return settings.default_named(self.load_content(), self.content_module.SETTINGS, self.ugettext)

    def store_content(self, content):
        for name, value in self.content_module.to_fields(content).items():
            setattr(self, name, value)
        # an older layout's fields, now in ``content``: set back to their defaults, written with the
        # rest at the next save (a ``del`` would reach the store at once, before ``content`` does)
        for name in getattr(self.content_module, "LEGACY_FIELDS", ()):
            field = self.fields[name]
            if field.is_set_on(self):
                setattr(self, name, field.default)

    def learner_state(self):
        """The learner's fields as ``state_class``, read once each without XBlock's copies
        (``common.content_cache.raw_values``); ``keep_state`` compares the new state with them.

        A ``state_class`` may name, as ``DEFAULTS_UNLESS``, a field that its block's actions set
        whenever they store anything else (the Likert's ``submitted``): while it is unset or
        false, the other fields hold their defaults and are not read (decision 50)."""
        fields = self.fields
        names = [f.name for f in dataclasses.fields(self.state_class)]
        read = self._state_read()
        if read is not None:
            # read once per request (each read is a query on a key-value store such as the
            # workbench's): what was set since, the block holds; the rest is as it was read
            held = getattr(self, "_field_data_cache", None) or {}
            return self.state_class(**{name: fields[name].from_json(held[name]) if name in held else read[name]
                                       for name in names})
        gate = getattr(self.state_class, "DEFAULTS_UNLESS", "")
        raw = content_cache.raw_values(self, [gate]) if gate else {}
        # nothing stored yet (a new learner): each other read would be a query on a key-value store
        # such as the workbench's, for a default
        stored = not gate or bool(raw[gate])
        raw.update(content_cache.raw_values(self, [name for name in names if name != gate], stored=stored))
        values = {name: fields[name].from_json(raw[name]) for name in names}
        # for the learner the block is bound to now: the platform rebinds one instance to each
        # learner in turn (the rescore task; ``XModuleMixin.bind_for_student`` replaces
        # ``scope_ids.user_id`` and drops XBlock's cached values, not ours)
        self.__dict__["_emm_state_read"] = (self.scope_ids.user_id, values)
        return self.state_class(**values)

    def _state_read(self):
        """What ``learner_state`` read for the learner the block is bound to (None: nothing yet)."""
        user, values = self.__dict__.get("_emm_state_read", (None, None))
        return values if values is not None and user == self.scope_ids.user_id else None

    def keep_state(self, state):
        """Write back the fields of ``state`` that differ from what the block holds: its value
        set or read in this request, else the one ``learner_state`` read (the learner actions
        are pure: they build new values, never change the ones they were given).

        A state whose ``DEFAULTS_UNLESS`` field is unset yet holds another value is refused
        (``ValueError``, a programming error): ``learner_state`` would not read that value back."""
        gate = getattr(self.state_class, "DEFAULTS_UNLESS", "")
        if gate and not getattr(state, gate) and state != self.state_class():
            raise ValueError(f"{type(state).__name__} keeps values while {gate} is unset: they would not be read back")
        read = self._state_read() or {}
        held = getattr(self, "_field_data_cache", None) or {}
        for f in dataclasses.fields(state):
            value = getattr(state, f.name)
            if f.name in held:
                old = held[f.name]
            elif f.name in read:
                old = read[f.name]
            else:
                old = getattr(self, f.name)
            if old != value:
                setattr(self, f.name, value)

    # ---------------------------------------------------------------- views
    @XBlock.supports("multi_device")  # on the view itself: the Blocks API asks the class's student_view
    def student_view(self, context=None):
        return self.views_module.student_view(self)

    def author_view(self, context=None):
        """The author's preview shows the answers: only for those who may edit (an LMS with the
        XBlock view endpoint on would render it for any learner who asks)."""
        return self._for_authors(self.views_module.author_view(self)) if self.can_edit() else Fragment("")

    def studio_view(self, context=None):
        return self._for_authors(self.views_module.studio_view(self)) if self.can_edit() else Fragment("")

    def form_editor(self, template, root, context=None, **init_args):
        """A Studio editor on the shared form editor (``emm-form-studio.js``, ``EmmFormEditor``): the
        block's ``template`` (its form, ``root`` its CSS class) with the settings' groups
        (``editor_module.settings_form``) and ``context``, filled with the content
        (``editor_module.to_editor``, its HTML as typed: ``editor_json.typed_html``); ``init_args``
        adds to the script's (``kinds``: the question kinds' names; ``limits``: each text's limit,
        counted and refused, never cut)."""
        form = self.editor_module.settings_form(self.ugettext)
        context = {"dom": self.dom_id() + "-ed", "settings": form["groups"], **(context or {})}
        # its HTML fields as the author typed them ("&", not "&amp;": bug hunt s44)
        init_args = {"content": typed_html(self.editor_module.to_editor(self.shown_content())), "kinds": {},
                     "settings": form["keys"], "root": root, **init_args}
        return self.build_fragment(template, context, init_args=init_args, js="js/emm-form-studio.js",
                                   js_class="EmmFormEditor")

    def _for_authors(self, frag):
        """An authors' view also gets the stylesheet of what only authors see (``assets.AUTHOR_STYLES``:
        problem lists, the editors' groups and buttons), which learners never download."""
        for style in assets.AUTHOR_STYLES:
            frag.add_css_url(self.resource_url(style))
        return frag

    def problems(self):
        return self.validation_module.validate(self.load_content(), self.author_gettext())

    def validate(self):
        """Studio's warnings and errors: the validators of the editor and the save; what its save would
        say of the stored content (``common.studio_checks``, decision 107); a warning per attribute or
        element the last import could not read or did not know (``import_warnings``)."""
        validation = super().validate()
        for problem in self.problems():
            kind = ValidationMessage.ERROR if problem.error else ValidationMessage.WARNING
            validation.add(ValidationMessage(kind, problem.message))
        for message in studio_checks.warnings(self.editor_module, self.load_content(), self.author_gettext()):
            validation.add(ValidationMessage(ValidationMessage.WARNING, message))
        for message in self.import_warnings():
            validation.add(ValidationMessage(ValidationMessage.WARNING, message))
        return validation

    def import_warnings(self):
        """A sentence per attribute the last import could not read or left out (``import_problems``),
        in the author's language: its element and what it should hold (``olx.import_message``, by
        element: a course import parses a block's element again, from a copy, so its lines are not
        the file's), and what the import did instead. An entry that is not one is skipped."""
        _ = self.author_gettext()
        out = []
        for entry in self.import_problems:
            try:
                found = olx.Unreadable(**entry)
                out.append((olx_shapes.kept_message if found.outcome == olx.KEPT else olx.import_message)(found, _))
            except (TypeError, KeyError, ValueError):
                continue
        return out

    def index_dictionary(self):
        """What Open edX's course search indexes (no answer, no feedback)."""
        data = super().index_dictionary() if hasattr(super(), "index_dictionary") else {}
        data.setdefault("content", {}).update({"display_name": self.display_name, "body": self.search_text()})
        data["content_type"] = self.search_type
        return data

    # ---------------------------------------------------------------- the editor's handlers
    def _require_editor(self):
        if not self.can_edit():
            raise HandlerError("forbidden", self.ugettext(
                "Only the course team can edit this, in Studio."))

    def has_stored_answers(self):
        """Learners have answered (rows or claims in the store under this block's key, as the LMS
        stores under it: ``store_key``)."""
        return store.has_answers(self.store_key())

    def store_key(self):
        """The block's key as the LMS stores its rows under (``has_stored_answers``), as text."""
        return str(self.stored_usage_key())

    def stored_usage_key(self):
        """The block's key as the LMS stores under it. Studio's editor holds the block under a key
        with branch and version: Open edX's ``MixedModuleStore`` hands blocks out with them stripped
        (``xmodule/modulestore/mixed.py``, ``strip_key``); a key that still carries them is stripped
        here the same way."""
        key = self.scope_ids.usage_id
        if hasattr(key, "version_agnostic"):
            key = key.version_agnostic()
        if hasattr(key, "for_branch"):
            key = key.for_branch(None)
        return key

    def refresh_description(self):
        """The store's description of the block (``description_of``, decision 24) made the content's, if
        the block is described already: an edit made after the last submission reaches the course
        report at once, not at the next submission."""
        if self.description_of is not None:
            descriptions.refresh(self.store_key(), self.description_of(self.load_content()).text)

    def content_warnings(self, content, _):
        """``[Problem]`` (warnings) about ``content`` that need more than the content itself to see
        (the course's other blocks, the store), said by the editor's check and its save; none here."""
        return []

    def answer_changes(self, content):
        """``([Problem], answered)``: what saving ``content`` would do to stored answers (warnings),
        and whether answers are stored; ``([], False)`` when the change touches none."""
        if self.changes_module is None or content is None:
            return [], False
        changes = self.changes_module.answer_changes(self.load_content(), content, self.author_gettext())
        if not changes or not self.has_stored_answers():
            return [], False
        return changes, True

    def from_editor(self, data, _):
        """``editor_module.from_editor``, the save's and the check's (the role-play's knows ``platform_fields``)."""
        return self.editor_module.from_editor(data, _)

    @editor_handler
    def studio_submit(self, data, suffix=""):
        """Save the editor's form, or refuse it whole with each problem tied to its field.

        A save refused only because texts are longer than their limits answers 400 ``text_too_long`` (nothing cut).
        A change that touches stored answers (``answer_changes``) is refused with 409 ``answers_touched`` and the
        changes as ``problems`` (warnings), unless sent again with ``confirm: true`` ("Save anyway"). A save of
        OLX (the role-play's XML tab: ``editor_module.kept_olx``) keeps what the block does not know in it."""
        self._require_editor()
        _ = self.author_gettext()
        content, problems = self.from_editor(data, _)
        problems += markup_warnings(data, _)  # what the save removes from the author's HTML, said
        refused = errors(problems)
        if refused and only_too_long(refused):  # nothing cut, nothing saved: the author shortens
            raise HandlerError("text_too_long", _(
                "Not saved: a text is longer than its limit. Nothing was cut: shorten it, then save again."),
                problems=[p.as_json() for p in refused])
        if refused or content is None:
            raise HandlerError("invalid_content", _(self.not_saved_message),
                               problems=[p.as_json() for p in refused])
        problems += self.content_warnings(content, _)
        changes, answered = self.answer_changes(content)
        if changes and data.get("confirm") is not True:
            raise HandlerError("answers_touched", _(
                "Learners have already answered: this change touches their answers (see the warnings). "
                "Choose “Save anyway” to save it."), problems=[p.as_json() for p in changes])
        if self.changes_module is not None:
            content = self.changes_module.carry_over(self.load_content(), content, answered)
        self.store_content(content)
        self.unknown_olx = getattr(self.editor_module, "kept_olx", lambda _data, kept, platform: kept)(
            data, self.unknown_olx, platform=frozenset(platform_fields(type(self))))
        if self.import_problems:  # the author has seen the content in the editor and saved it
            self.import_problems = []
        self.refresh_description()
        return {"saved": True, "warnings": [p.as_json() for p in problems + changes]}

    @editor_handler
    def studio_validate(self, data, suffix=""):
        """The editor's live check: the save validators, without saving, and what the change
        would do to stored answers (``touches_answers``)."""
        self._require_editor()
        _ = self.author_gettext()
        content, problems = self.from_editor(data, _)
        problems += markup_warnings(data, _)
        if content is not None:
            problems += self.content_warnings(content, _)
        changes, _answered = self.answer_changes(content)
        return {"problems": [p.as_json() for p in problems + changes], "touches_answers": bool(changes)}

    # ---------------------------------------------------------------- OLX
    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        """Studio's import and clipboard paste. A pointer tag (``<emm_likert url_name="x"/>``, the
        content in ``emm_likert/x.xml``) is resolved here: the platform does it only for its own
        blocks (openedx-platform #37133, reverted by #37426), so otherwise the block would import
        empty. Platform settings are read from the built block's fields: the clipboard parses on
        the unmixed class (``cms/djangoapps/contentstore/helpers.py``)."""
        pointed = olx.resolve_pointer(node, runtime)
        if pointed is not None:
            node = pointed
        block = runtime.construct_xblock_from_class(cls, keys)
        # an older name of one of our settings (``max_attempts``, ``graded``) was read into that
        # setting: it is not the platform's field of the same name, and is never exported again
        ours = {alias for s in cls.content_module.SETTINGS for alias in s.olx_aliases}
        with olx.unreadable_values() as unread:  # an attribute that does not read: its default, said in Studio
            block.store_content(cls.olx_module.from_xml(node))
            # visible_to_staff_only, group_access, start... (LMS mixins), read as the platform reads
            # its own blocks' (bug hunt s44: XBlock's ``_set_field_if_present`` raised, and the
            # whole course import failed); one that does not read is left unset, and said
            platform_olx.read_settings(block, node, [n for n in platform_fields(type(block)) if n not in ours])
            # an attribute or element the block does not know (a misspelling): kept, and said
            block.unknown_olx = olx_shapes.unknown(node, getattr(cls.olx_module, "SHAPE", None), {
                s.name for s in cls.content_module.SETTINGS} | ours | set(platform_fields(type(block))))
        block.import_problems = [found.as_json() for found in olx.in_reading_order(unread)[:MAX_IMPORT_PROBLEMS]]
        return block

    def add_xml_to_node(self, node):
        node.tag = self.xml_element_name()
        self.olx_module.to_xml(self.load_content(), node)
        for name in platform_fields(type(self)):
            field = self.fields[name]
            if field.scope == Scope.settings and field.is_set_on(self) and name not in node.attrib:
                value = field.to_string(field.read_from(self))
                if value is not None:
                    olx.set_attr(node, name, value)
        # what the import did not know, as it was written; never one of the block's fields (decision 114)
        olx_shapes.write_kept(node, self.unknown_olx, self.fields)

    @classmethod
    def platform_fields(cls):
        return platform_fields(cls)
