"""One description of a block's settings, from which everything else is derived.

A block lists its settings once (``content.SETTINGS``, a tuple of ``Setting``). From that list:

* ``settings_fields`` makes the XBlock fields (``Scope.settings``);
* ``with_settings`` adds them, with their defaults, to the block's frozen content dataclass;
* ``read_olx`` / ``write_olx`` read and write them as OLX attributes (older names still read),
  the same way in every block;
* ``editor_form`` (``editor_spec``) / ``read_editor`` describe them to the Studio editor, which
  draws them with ``templates/common/settings_form.html``, and read its answer back.

A ``text`` or ``select`` setting (``ONE_LINE``) is one line of text wherever it is read or written:
``read_editor``, ``read_olx`` and ``write_olx`` all put it on one line (``common.text.one_line``),
so what the editor saves, what an export writes and what an import reads back are the same value,
and no block reads a setting again by hand.

Pure apart from ``settings_fields`` (which builds XBlock fields on demand): no Django.

Names never reuse a field that Open edX's ``InheritanceMixin`` adds to every block (``graded``,
``max_attempts``, ``due``, ``showanswer``...): such a field would silently take the subsection's
or the course's value (``xmodule/modulestore/inheritance.py``). ``PLATFORM_NAMES`` lists them and
a test keeps every block clear of them.
"""

from dataclasses import dataclass, field, make_dataclass, replace
from functools import lru_cache

from . import limits, olx
from .attempts import COUNT_BEST, COUNTED_ATTEMPT
from .editor_json import editor_flag
from .i18n import N_
from .numbers import count
from .validation import Problem, parse_float, parse_int, unreadable_number

# xmodule/modulestore/inheritance.py (InheritanceMixin) and LmsBlockMixin: fields every block gets
PLATFORM_NAMES = frozenset({
    "graded", "start", "due", "visible_to_staff_only", "course_edit_method", "giturl", "xqa_key",
    "annotation_storage_url", "annotation_token_secret", "graceperiod", "group_access", "showanswer",
    "show_correctness", "rerandomize", "days_early_for_beta", "static_asset_path", "use_latex_compiler",
    "max_attempts", "matlab_api_key", "hide_after_due", "self_paced", "show_reset_button",
    "submission_wait_seconds", "in_entrance_exam", "hide_from_toc", "format", "user_partitions",
    "location", "chrome", "default_tab", "source_file", "discussion_settings", "edxnotes",
    "edxnotes_visibility", "video_speed_optimizations", "video_auto_advance", "teams_configuration",
    "cert_html_view_enabled", "due_date_display_format", "is_practice_exam", "is_time_limited",
    "is_proctored_enabled", "default_time_limit_minutes", "exam_review_rules", "is_onboarding_exam",
})

TEXT, NUMBER, WHOLE, CHECKBOX, SELECT = "text", "number", "whole", "checkbox", "select"
TEXT_MAX = 200  # characters of a text setting in the editor (a display name, a topic)
_TYPES = {TEXT: str, NUMBER: float, WHOLE: int, CHECKBOX: bool, SELECT: str}
ONE_LINE = frozenset({TEXT, SELECT})  # the kinds held as one line of text (a name, a key, a choice)


@dataclass(frozen=True)
class Setting:
    """One author setting.

    * ``name``: the XBlock field, the content attribute and the OLX attribute;
    * ``kind``: ``text``, ``number`` (float), ``whole`` (int), ``checkbox`` (bool), ``select``;
    * ``label``: the editor's label (marked with ``N_``, translated when shown);
    * ``choices``: ``{value: label}`` of a ``select``;
    * ``low``/``high``: bounds of a number (the editor and the reader refuse others);
    * ``olx_aliases``: older OLX attribute names still read on import (never written);
    * ``help``: a line under the editor's field (and the XBlock field's help);
    * ``group``: where the editor's form draws it (its template includes each group by name,
      ``templates/common/settings_form.html``); in ``SETTINGS`` order within a group;
    * ``problem``: what ``problems`` says of a value outside ``low``/``high`` (a number) or
      ``choices`` (a ``select``), marked with ``N_`` (``{low}``, ``{high}`` and ``{n}``, the high
      bound, filled in); "" leaves the value to the block's own checks;
    * ``blank_is_default``: a number the editor sends empty is its default, not a problem (the
      estimated time: emptied, it is not said);
    * ``key``: a ``text`` that is a key or an id, in no language (not marked by the preview, decision 56).
    """

    name: str
    kind: str
    default: object
    label: str
    choices: dict = field(default_factory=dict)
    low: float = 0
    high: float = 10**6
    olx_aliases: tuple = ()
    help: str = ""
    group: str = "settings"
    problem: str = ""
    blank_is_default: bool = False  # a number left empty in the editor is its default ("0: not said")
    key: bool = False  # a text that is a key or an id, in no language

    @property
    def python_type(self):
        return _TYPES[self.kind]


def named(settings, name):
    """The ``Setting`` of ``settings`` called ``name`` (``StopIteration`` if none: a programming
    error), for a message that names it by its label ("turn on “{setting}”")."""
    return next(s for s in settings if s.name == name)


def problems(content, settings, _, coded=False):
    """``[Problem]`` of the settings of ``content`` whose value is out of their bounds or choices,
    in ``settings`` order, each saying its ``Setting.problem`` (those without one are the block's to
    check). ``coded``: each problem's ``code`` is its setting's name (the role-play's editor shows
    problems by code)."""
    found = []
    for s in settings:
        if not s.problem:
            continue
        value = getattr(content, s.name)
        if s.kind in (NUMBER, WHOLE):
            wrong = not s.low <= value <= s.high
        else:
            wrong = value not in s.choices
        if wrong:
            found.append(Problem(s.name, out_of_range(s, _), code=s.name if coded else ""))
    return found


def out_of_range(s, _):
    """What the setting ``s`` says of a value outside its bounds or choices (``Setting.problem``,
    ``{low}``, ``{high}`` and ``{n}`` filled in); "" when it leaves that to the block's checks."""
    if not s.problem:
        return ""
    high = count(s.high, _)
    return _(s.problem).format(low=count(s.low, _), high=high, n=high)


def not_a_number(s, _):
    """What the number setting ``s`` says of a value that is not a number, naming it by its label
    (a list of problems, the role-play's, shows it apart from its field: bug hunt "new")."""
    if s.kind == WHOLE:
        return _("“{setting}” must be a whole number.").format(setting=_(s.label))
    return _("“{setting}” must be a number.").format(setting=_(s.label))


def weight(group="settings"):
    """The platform's problem weight of a graded block (``weight``, 0 to 1000)."""
    return Setting("weight", NUMBER, 1.0, N_("Problem weight"), high=1000, group=group,
                   problem=N_("The weight must be between {low} and {high}."))


def attempts_allowed(high, default=0, group="settings"):
    """How many attempts a learner may start (``attempts_allowed``, 0: no limit, up to ``high``).

    Not ``max_attempts``: Open edX's ``InheritanceMixin`` gives every block one, which a course's
    "Maximum attempts" sets (``PLATFORM_NAMES``); ``max_attempts`` in OLX written before 0.2 is
    still read."""
    return Setting("attempts_allowed", WHOLE, default, N_("Maximum attempts (0: no limit)"), high=high,
                   olx_aliases=("max_attempts",), group=group,
                   problem=N_("The number of attempts must be between 0 (no limit) and {n}."))


def grade_policy(default=COUNT_BEST, group="settings"):
    """The attempt that counts for the grade (``grade_policy``): the best or the last
    (``common.attempts.COUNTED_ATTEMPT``)."""
    return Setting("grade_policy", SELECT, default, N_("Attempt that counts"), choices=COUNTED_ATTEMPT,
                   group=group, problem=N_("Choose which attempt counts."))


def estimated_minutes(group="settings"):
    """How long the activity takes, as its author estimates it (``estimated_minutes``, 0: not
    said, up to 600): said to learners before they start and on the printed pack."""
    return Setting("estimated_minutes", WHOLE, 0, N_("Estimated time (minutes)"), high=600, group=group,
                   problem=N_("The estimated time must be between 0 and 600 minutes."), blank_is_default=True)


def min_group_size(label, group="settings", **kwargs):
    """The minimum group size below which no figure of the block shows (1 to 1000)."""
    return Setting("min_group_size", WHOLE, 5, label, low=1, high=1000, group=group,
                   problem=N_("The minimum group size must be between {low} and {high}."), **kwargs)


def with_settings(base, settings, name):
    """``base`` (a frozen dataclass of the content) extended with one attribute per setting; its
    hash worked out once per object (``_hash_kept``)."""
    extra = [(s.name, s.python_type, field(default=s.default)) for s in settings]
    cls = make_dataclass(name, extra, bases=(base,), frozen=True)
    cls.__module__ = base.__module__
    cls.__doc__ = base.__doc__
    cls.__hash__ = _hash_kept(cls.__hash__)
    return cls


def _hash_kept(fields_hash):
    """The frozen dataclass's own ``__hash__`` (``fields_hash``: of every field, the nested
    questions, options and documents too), kept on the object after its first call: a block's
    content is parsed once and looked up by its hash at every learner action (the validation's
    ``lru_cache``, some 7 µs for a 10-question case). The object never changes, so neither does
    its hash; kept in its ``__dict__`` as ``functools.cached_property`` keeps a value (no field:
    equality, ``replace`` and ``plain_data`` do not see it)."""

    def __hash__(self):
        kept = self.__dict__.get("_hash_kept")
        if kept is None:
            kept = self.__dict__["_hash_kept"] = fields_hash(self)
        return kept

    return __hash__


def default_named(content, settings, _):
    """``content`` as a page or an editor shows it: a display name still at its default (``N_``:
    "Case study") in the language of ``_`` (bug hunt s44: an English heading over French text, and
    the editor's "Display name" the author starts from). The stored value stays the default: the
    platform's outline and the reports read the field. A name of the author's: the same object."""
    default = next((s.default for s in settings if s.name == "display_name"), None)
    if default is None or content.display_name != default:
        return content
    return _renamed(content, _(default))


@lru_cache(maxsize=64)
def _renamed(content, name):
    """One object per content and language: its hash kept (``_hash_kept``), the views' caches hit."""
    return replace(content, display_name=name)


def values(content, settings):
    """``{name: value}`` of the settings held by ``content``."""
    return {s.name: getattr(content, s.name) for s in settings}


def stored_settings(stored, settings):
    """``{name: value}`` of the settings that ``stored`` (the block's fields, ``{field name: value}``
    as stored) sets; a ``None`` (inherited or explicit) is left out, so the content's default holds."""
    known = {s.name for s in settings}
    return {name: value for name, value in stored.items() if name in known and value is not None}


def stored_body(stored):
    """The block's ``content`` field (the body: everything that is not a setting) out of ``stored``;
    ``{}`` when it is missing or not a dict."""
    body = stored.get("content")
    return body if isinstance(body, dict) else {}


def to_stored(data, settings, body):
    """``{field name: value}`` storing ``data`` (the content as plain data, ``plain_data``'s shape):
    each setting in its own field, the ``body`` keys together in the ``content`` field."""
    stored = {s.name: data[s.name] for s in settings}
    stored["content"] = {name: data[name] for name in body}
    return stored


def settings_fields(settings, extra_defaults=None):
    """A mixin class holding one XBlock settings field per setting (built when a block imports it)."""
    from xblock.fields import Boolean, Float, Integer, Scope, String

    kinds = {TEXT: String, NUMBER: Float, WHOLE: Integer, CHECKBOX: Boolean, SELECT: String}
    attrs = {s.name: kinds[s.kind](display_name=s.label, help=s.help or None, scope=Scope.settings,
                                   default=(extra_defaults or {}).get(s.name, s.default)) for s in settings}
    return type("SettingsFields", (), attrs)


# ------------------------------------------------------------------ OLX
def read_number(el, name, kind, default, where=None):
    """Attribute ``name`` of ``el`` as a number of ``kind`` (``WHOLE``: ``olx.get_int``, ``NUMBER``:
    ``olx.get_float``, bounded and finite), ``default`` where it is missing or unreadable (an
    ``olx.Unreadable`` at ``where``, the editor's field, when ``olx.unreadable_values`` collects)."""
    return (olx.get_int if kind == WHOLE else olx.get_float)(el, name, default, where)


def read_olx(el, settings):
    """``{name: value}`` of the settings found on ``el`` (its attribute or an older alias); a
    ``text`` or ``select`` setting put on one line (``olx.one_line``: the line breaks and runs of
    spaces of the file, as ``write_olx`` writes it). A number or a checkbox that does not read
    takes its default (``olx.get_int``, ``get_float``, ``get_bool``: an ``olx.Unreadable`` at the
    setting's name, which an import shows in Studio and the role-play's "Edit as XML" tab
    refuses). Every block reads its settings here."""
    found = {}
    for s in settings:
        for attr in (s.name, *s.olx_aliases):
            if el.get(attr) is None:
                continue
            if s.kind == CHECKBOX:
                found[s.name] = olx.get_bool(el, attr, s.default, s.name)
            elif s.kind in (WHOLE, NUMBER):
                if s.blank_is_default and not el.get(attr).strip():
                    break  # estimated_minutes="": not said, its default (as the editor reads it)
                value = read_number(el, attr, s.kind, s.default, s.name)
                found[s.name] = float(value) if s.kind == NUMBER and value is not None else value
            else:
                found[s.name] = olx.one_line(el.get(attr))
            break
    return found


def write_olx(el, content, settings):
    """Set one attribute per setting that differs from its default (``display_name`` always), a
    ``text`` or ``select`` setting on one line (as ``read_olx`` reads it back). Every block writes
    its settings here."""
    for s in settings:
        value = getattr(content, s.name)
        if s.kind in ONE_LINE and isinstance(value, str):
            value = olx.one_line(value)
        if s.name == "display_name":
            el.set("display_name", olx.xml_safe(value))
        else:
            olx.set_attr(el, s.name, value, s.default)


# ------------------------------------------------------------------ the author's preview
def settings_summary(content, settings, _, number, worded=None):
    """The settings as Studio's preview of a block lists them, under the editor's own labels:
    ``[{"name", "label", "value"}]`` in ``settings`` order, each label translated by ``_``, each
    value as the editor offers it (a choice's label, "Yes" or "No", a number as ``number(value,
    digits)`` writes it in the page's language, a text as it is, "—" when empty). The display name is the preview's
    title, not listed. ``worded``: ``{name: text}`` for a setting the block words its own way (the
    Likert's scale with its labels). ``words``: the author's own words (not a ``key``), marked (decision 56)."""
    listed = []
    for s in settings:
        if s.name == "display_name":
            continue
        value = getattr(content, s.name)
        if worded and s.name in worded:
            text = worded[s.name]
        elif s.kind == CHECKBOX:
            text = _("Yes") if value else _("No")
        elif s.kind == SELECT:
            text = _(s.choices[value]) if value in s.choices else value
        elif s.kind in (NUMBER, WHOLE):
            text = number(value, 0 if s.kind == WHOLE else 2)
        else:
            text = value
        listed.append({"name": s.name, "label": _(s.label), "value": text if text not in ("", None) else "—",
                       "words": s.kind == TEXT and not s.key and text not in ("", None)
                       and not (worded and s.name in worded)})
    return listed


# ------------------------------------------------------------------ the editor
def editor_spec(settings, _):
    """The settings as the editor draws them: ``[{key, type, label, help, group, choices, min, max,
    step, maxlength}]`` (the labels translated by ``_``)."""
    return [{
        "key": s.name,
        "type": "number" if s.kind in (NUMBER, WHOLE) else s.kind,
        "label": _(s.label),
        "help": _(s.help) if s.help else "",
        "group": s.group,
        "choices": [[value, _(label)] for value, label in s.choices.items()],
        "min": s.low if s.kind in (NUMBER, WHOLE) else None,
        "max": s.high if s.kind in (NUMBER, WHOLE) else None,
        "step": "1" if s.kind == WHOLE else "any",
        "maxlength": TEXT_MAX if s.kind == TEXT else None,
    } for s in settings]


def editor_form(settings, _):
    """What a Studio editor needs of the settings: ``groups`` (``{group: [spec]}``, for the
    template's ``common/settings_form.html``) and ``keys`` (for the editor's script, which loads
    and reads those fields)."""
    groups = {}
    for spec in editor_spec(settings, _):
        groups.setdefault(spec["group"], []).append(spec)
    return {"groups": groups, "keys": [s.name for s in settings]}


def read_editor(data, settings, _):
    """``({name: value}, problems)`` from the editor's JSON, for every block alike (none reads a
    setting again). Never an exception:

    * a checkbox or a number that is missing keeps its default (a form that leaves out a setting
      it does not show); a checkbox that is not ``true`` or ``false`` is a problem tied to its
      field (``editor_json.editor_flag``: ``"false"`` is not read as on);
    * a number that does not parse is a problem tied to its field (and keeps its default): one too
      large for any bound says the setting's range (``validation.unreadable_number``), anything
      else that the setting (named by its label: ``not_a_number``) must be a number; else its
      range is the block's checks' (``problems``, with a message naming the setting);
    * a ``text`` or ``select`` setting is put on one line (``olx.one_line``, as OLX reads it back),
      never cut: longer than ``TEXT_MAX`` characters is a problem tied to its field
      (``common.limits``: refused whole). A ``text`` or ``select`` that is missing or not a string
      (a number, null) reads as "", never as the default in silence (a stale or crafted save
      must not turn a post-test into a pre-test or a custom scale into another):
      the block's checks then name the field as for an imported "" (a choice not offered, an
      empty display name: so an empty payload is refused, never saved as the defaults); one that
      may be empty (a topic) is then empty."""
    found, problems = {}, []
    for s in settings:
        raw = data.get(s.name, "" if s.kind in ONE_LINE else s.default)
        if s.kind == CHECKBOX:
            found[s.name] = editor_flag(data, s.name, s.default, problems, s.name, _)
        elif s.kind in (NUMBER, WHOLE):
            if s.blank_is_default and (raw is None or isinstance(raw, str) and not raw.strip()):
                found[s.name] = s.default  # emptied: not said (author trial s38: "Enter a whole number.")
                continue
            # the range is the validators' to check (with a message naming the setting)
            value = parse_int(raw) if s.kind == WHOLE else parse_float(raw, comma=True)  # "1,5" is 1.5
            if value is None:  # a number too large for any bound says the setting's range
                problems.append(unreadable_number(s.name, raw, s.kind == WHOLE, _, out_of_range(s, _),
                                                  not_a_number(s, _)))
                value = s.default
            found[s.name] = value
        elif isinstance(raw, str):
            found[s.name] = olx.one_line(raw)  # one line, never cut: longer than the editor allows is refused
            if len(found[s.name]) > TEXT_MAX:
                problems.append(limits.too_long(s.name, TEXT_MAX, _))
        else:
            found[s.name] = ""
    return found, problems
