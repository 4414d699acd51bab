"""The case and its questions as plain frozen dataclasses, with the constants every part of the
model shares (pure: no XBlock, no Django)."""

import re
from dataclasses import dataclass

from ..common.i18n import N_

SINGLE, MULTIPLE, REFLECTION = "single", "multiple", "reflection"
KINDS = {SINGLE: N_("Single choice"), MULTIPLE: N_("Multiple choice"), REFLECTION: N_("Written reflection")}
POLICY_BEST, POLICY_LAST = "best", "last"
POLICIES = {POLICY_BEST: N_("Best attempt"), POLICY_LAST: N_("Last attempt")}
SHOW_SUBMITTED, SHOW_FINISHED, SHOW_NEVER = "submitted", "finished", "never"
SHOW_ANSWERS = {
    SHOW_SUBMITTED: N_("After each submission"),
    SHOW_FINISHED: N_("After the last attempt (or full marks)"),
    SHOW_NEVER: N_("Never"),
}
CORRECT, PARTIAL, INCORRECT, PENDING = "correct", "partial", "incorrect", "pending"

ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,50}$")
MAX_QUESTIONS = 50
MAX_OPTIONS = 20
MAX_ATTEMPTS = 100
MAX_ANSWER_CHARS = 20000
MAX_WORDS = 3000
URL_RE = re.compile(r"^(https?://|/static/|/asset-v1:|/assets/courseware/)\S+$")
SIZE_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([kmg])?[bo]?\b", re.IGNORECASE)
SIZE_UNITS = {None: 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
MAX_SIZE_BYTES = 10**15  # a petabyte: anything above is a typo (or crafted), not a document


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
class Option:
    id: str
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class KeyPoint:
    id: str
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str = SINGLE
    prompt: str = ""  # HTML
    options: tuple = ()
    partial_credit: bool = False
    points: float = 1.0
    explanation: str = ""  # HTML
    min_words: int = 0
    max_words: int = 0  # 0: no limit
    model_answer: str = ""  # HTML
    key_points: tuple = ()

    def option(self, oid):
        return next((o for o in self.options if o.id == oid), None)

    @property
    def correct_ids(self):
        return [o.id for o in self.options if o.correct]


@dataclass(frozen=True)
class Case:
    display_name: str = "Case study"
    narrative: str = ""  # HTML
    sections: tuple = ()
    key_facts: tuple = ()
    documents: tuple = ()
    images: tuple = ()
    questions: tuple = ()
    expert_analysis: str = ""  # HTML
    weight: float = 1.0
    max_attempts: int = 0  # 0: unlimited
    grade_policy: str = POLICY_BEST
    show_answers: str = SHOW_SUBMITTED
    topic: str = ""
    estimated_minutes: int = 0
    show_distribution: bool = False
    min_group_size: int = 5

    def question(self, qid):
        return next((q for q in self.questions if q.id == qid), None)

    @property
    def max_points(self):
        return float(sum(q.points for q in self.questions))


def words(text):
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
