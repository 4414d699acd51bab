"""What the case study's printable facilitator pack holds (pure: no XBlock, no Django).

``build(case, _, html, numbers)`` returns a ``Pack`` in two parts:

* the participants' pages: the case (narrative, key facts, sections, images, documents with their
  excerpts printed in full -- a room without network cannot open a link), and the questions as a
  paper form (a box per option, lines to write a reflection on). Nothing there says which option
  is right: the options carry their text only;
* the facilitator's page (printed on its own page): per question, the correct options, each
  option's feedback, the explanation, the model answer, the key points and the points; then the
  expert analysis.

``html`` turns author HTML into what the page may show (``common.sanitize.clean_html``, or its
``sanitized`` for a template); ``_`` translates the few texts built here, ``numbers``
(``common.numbers.Numbers``) writes the points in the reader's locale ("1,5" in French).
"""

from dataclasses import dataclass

from ..common.numbers import ENGLISH
from ..common.sanitize import safe_url
from .content import MULTIPLE, REFLECTION

WORDS_PER_LINE = 12  # a handwritten line of an A4 page
MIN_LINES, MAX_LINES, DEFAULT_LINES = 4, 24, 8


@dataclass(frozen=True)
class PaperQuestion:
    number: int
    id: str
    kind: str
    prompt: str  # HTML
    options: tuple  # option texts, in order (no correctness)
    hint: str  # "Tick one box." / "Tick all that apply." / the word count
    lines: int  # ruled lines for a reflection, 0 for a choice question


@dataclass(frozen=True)
class Key:
    """The facilitator's answer to one question."""

    number: int
    id: str
    points: str  # as the locale writes it
    correct: tuple  # texts of the correct options
    feedback: tuple  # (option text, correct, feedback) of each option with feedback
    explanation: str  # HTML
    model_answer: str  # HTML
    key_points: tuple  # texts


@dataclass(frozen=True)
class Pack:
    title: str
    topic: str
    minutes: int
    narrative: str  # HTML
    key_facts: tuple
    sections: tuple  # (title, HTML)
    images: tuple  # (src, alt, caption), safe addresses only
    documents: tuple  # (title, url or "", size, excerpt HTML)
    questions: tuple  # PaperQuestion
    keys: tuple  # Key: the facilitator's page
    expert_analysis: str  # HTML: the facilitator's page
    max_points: str  # as the locale writes it


def lines_for(question):
    """Ruled lines for a reflection: room for its longest answer (or twice its shortest)."""
    words = question.max_words or 2 * question.min_words
    if not words:
        return DEFAULT_LINES
    return max(MIN_LINES, min(MAX_LINES, -(-words // WORDS_PER_LINE)))


def _hint(q, _):
    if q.kind == REFLECTION:
        if q.max_words:
            return _("Between %(min)s and %(max)s words.") % {"min": q.min_words, "max": q.max_words}
        if q.min_words:
            return _("At least %(min)s words.") % {"min": q.min_words}
        return ""
    return _("Tick all that apply.") if q.kind == MULTIPLE else _("Tick one box.")


def paper_questions(questions, _, html, numbers=ENGLISH):
    """``(PaperQuestion, ...), (Key, ...)`` of ``questions`` (``common.questions.Question``): the
    form and its answer key, numbered from 1 (the knowledge check's pack prints its questions so)."""
    paper, keys = [], []
    for n, q in enumerate(questions, start=1):
        choice = q.kind != REFLECTION
        paper.append(PaperQuestion(n, q.id, q.kind, html(q.prompt), tuple(o.text for o in q.options) if choice
                                   else (), _hint(q, _), 0 if choice else lines_for(q)))
        keys.append(Key(
            n, q.id, numbers.number(q.points),
            tuple(o.text for o in q.options if o.correct) if choice else (),
            tuple((o.text, o.correct, o.feedback) for o in q.options if o.feedback) if choice else (),
            html(q.explanation), html(q.model_answer), tuple(k.text for k in q.key_points)))
    return tuple(paper), tuple(keys)


def build(case, _, html, numbers=ENGLISH):
    """The ``Pack`` of ``case`` (see the module's docstring)."""
    questions, keys = paper_questions(case.questions, _, html, numbers)
    return Pack(
        title=case.display_name, topic=case.topic, minutes=case.estimated_minutes, narrative=html(case.narrative),
        key_facts=tuple(case.key_facts), sections=tuple((s.title, html(s.html)) for s in case.sections),
        images=tuple((i.src, i.alt, i.caption) for i in case.images if safe_url(i.src)),
        documents=tuple((d.title, safe_url(d.url), d.size, html(d.excerpt)) for d in case.documents),
        questions=questions, keys=keys, expert_analysis=html(case.expert_analysis),
        max_points=numbers.number(case.max_points))
