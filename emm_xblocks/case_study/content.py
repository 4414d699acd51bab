"""What an author writes in a case study: the case, its documents and questions, its settings
(pure data: no XBlock, no Django).

``SETTINGS`` is the one description of the case's settings: the XBlock fields, the OLX
attributes and the editor's form are derived from it (``common.settings``). The rest of the case
(narrative, sections, key facts, documents, images, questions, expert analysis) is kept in the
block's one ``content`` field, as the plain data of ``to_fields``.
"""

import re
from dataclasses import dataclass, fields

from ..common import content_language, profile, retired, settings
from ..common.i18n import N_
from ..common.questions import (  # noqa: F401 - the question model is shared (common.questions)
    CHOICE_KINDS,
    CORRECT,
    INCORRECT,
    MAX_ANSWER_CHARS,
    MAX_OPTIONS,
    MAX_WORDS,
    MULTIPLE,
    PARTIAL,
    PENDING,
    REFLECTION,
    SINGLE,
    KeyPoint,
    Option,
    Question,
    ScoredQuestions,
    plain_data,
    question_from_data,
)
from ..common.sanitize import safe_url
from ..common.settings import CHECKBOX, SELECT, TEXT, Setting, with_settings

KINDS = {**CHOICE_KINDS, REFLECTION: N_("Written reflection")}
SHOW_SUBMITTED, SHOW_FINISHED, SHOW_NEVER = "submitted", "finished", "never"
SHOW_ANSWERS = {
    SHOW_SUBMITTED: N_("After each submission"),
    SHOW_FINISHED: N_("After the last attempt (or full marks)"),
    SHOW_NEVER: N_("Never"),
}

MAX_QUESTIONS = 50
MAX_PARTS = 50  # sections, documents and images: the most of each the editor's JSON may send
MAX_ATTEMPTS = 100
SIZE_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([kmg])?[bo]?\b", re.IGNORECASE)
SIZE_UNITS = {None: 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
MAX_SIZE_BYTES = 10**15  # a petabyte: anything above is a typo (or crafted), not a document

# ``group``: where the editor draws it (templates/case_study/studio.html): the name heads the case,
# the others are its "Settings"
SETTINGS = (
    Setting("display_name", TEXT, N_("Case study"), N_("Display name"), group="case"),
    content_language.setting(group="case"),
    settings.weight(),
    settings.attempts_allowed(MAX_ATTEMPTS),
    settings.grade_policy(),
    Setting("show_answers", SELECT, SHOW_SUBMITTED, N_("Show answers"), choices=SHOW_ANSWERS,
            problem=N_("Choose when the answers are shown.")),
    Setting("topic", TEXT, "", N_("EMM topic")),
    settings.estimated_minutes(),
    Setting("show_distribution", CHECKBOX, False, N_("Show how other participants answered")),
    settings.min_group_size(N_("Minimum group size for the distribution")),
)


@dataclass(frozen=True)
class Document:
    title: str
    url: str = ""  # a course file or a web address; optional when the document has an excerpt
    size: str = ""  # as the author writes it ("1.2 MB"), shown next to the link
    excerpt: str = ""  # HTML read inside the page (the document viewer), loaded when opened


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    html: str


@dataclass(frozen=True)
class _CaseContent(ScoredQuestions):
    narrative: str = ""  # HTML
    sections: tuple = ()
    key_facts: tuple = ()
    documents: tuple = ()
    images: tuple = ()
    questions: tuple = ()
    expert_analysis: str = ""  # HTML
    # the optional participant profile question (``common.profile``): asked with the answers when
    # the distribution is shown, which it then splits by profile (issue 12)
    profile_prompt: str = ""
    profile_options: tuple = ()  # common.profile.Option
    # the ids of questions, options and profile options removed (or renamed) while learners' answers
    # were stored under them (``common.retired.Retired``): a save that gives one to another item is
    # held, and "Save anyway" gives that item another id (``changes``); never in the editor's form
    retired_ids: tuple = ()

    @property
    def keeps_answers(self):
        """The store keeps the learners' choice answers (``perspectives.recorded``): only where the
        case shows how other participants answered (``show_distribution``)."""
        return self.show_distribution

    @property
    def asks_profile(self):
        """The learner's form asks the profile question: it has options and the answers are kept."""
        return bool(self.profile_options) and self.keeps_answers

    def shown_images(self):
        """The images a page or the pack shows: those whose address is safe (``sanitize.safe_url``)."""
        return tuple(i for i in self.images if safe_url(i.src))

    def author_html(self):
        """``[(field path, html)]`` of every field holding author HTML (what the editor names)."""
        fields = [("narrative", self.narrative), ("expert_analysis", self.expert_analysis)]
        fields += [(f"sections.{i}.html", s.html) for i, s in enumerate(self.sections)]
        fields += [(f"documents.{i}.excerpt", d.excerpt) for i, d in enumerate(self.documents)]
        for i, q in enumerate(self.questions):
            fields += [(f"questions.{i}.{name}", getattr(q, name))
                       for name in ("prompt", "explanation", "model_answer")]
        return fields


Case = with_settings(_CaseContent, SETTINGS, "Case")
Case.__doc__ = "A case study: its narrative, documents, questions and settings (frozen, hashable)."

CONTENT_FIELDS = ("content",)  # one Dict field holds the case's body (see ``to_fields``)
BODY = tuple(f.name for f in fields(_CaseContent))
_NESTED = {"sections": Section, "documents": Document, "images": Image, "profile_options": profile.Option,
           "retired_ids": retired.Retired}


def _build(cls, data, nested=None):
    names = {f.name for f in fields(cls)}
    kwargs = {}
    for key, value in data.items():
        if key not in names or value is None:
            continue
        if nested and key == "questions":
            value = tuple(question_from_data(v) for v in value if isinstance(v, dict))
        elif nested and key in nested:
            value = tuple(_build(nested[key], v) for v in value if isinstance(v, dict))
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)


def from_fields(values):
    """The ``Case`` held by the block's fields (``{field name: value}``, as stored); a ``None``
    setting (inherited or explicit) keeps its default."""
    body = settings.stored_body(values)
    data = {name: body[name] for name in BODY if name in body}
    data.update(settings.stored_settings(values, SETTINGS))
    return _build(Case, data, _NESTED)


def to_plain(case):
    """The whole case, its settings included, as JSON-able data (the editor's payload has this
    shape too; ``to_fields`` splits it between the settings' fields and the body's). The Likert's
    and the role-play's ``to_data`` is their body alone, their editors adding the settings."""
    return plain_data(case)


def to_fields(case):
    """``{field name: value}`` to store ``case`` in the block's fields (JSON types)."""
    return settings.to_stored(to_plain(case), SETTINGS, BODY)


def word_count(text):
    """How many words ``text`` has, as the learner's page counts them (runs of white space apart)."""
    return len(text.split())


def size_bytes(size):
    """``"1.2 MB"``, ``"800 ko"``, ``"3,5 Mo"`` -> bytes; None when the text is not a size, or a size
    no document has (``"9" * 400 + " MB"`` is infinite as a float: never an ``OverflowError``)."""
    match = SIZE_RE.match(size or "")
    if not match:
        return None
    unit = match.group(2).lower() if match.group(2) else None
    value = float(match.group(1).replace(",", ".")) * SIZE_UNITS[unit]
    return int(value) if value <= MAX_SIZE_BYTES else None


def size_unreadable(size):
    """True when ``size`` starts like a size (digits) but cannot be read as one."""
    return bool(SIZE_RE.match(size or "")) and size_bytes(size) is None
