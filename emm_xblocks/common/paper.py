"""Questions printed on paper (pure: no XBlock, no Django): the participants' form and the
facilitator's answer key of a printed pack (``common.pack``), for every block that asks questions
(``common.questions.Question``: the case study, the knowledge check).

``paper_questions(questions, _, html, numbers)`` returns ``(PaperQuestion, ...), (Key, ...)``,
numbered from 1: on the form each question's prompt, its options' texts in order (nothing says
which is right), a hint ("Tick one box.") and, for a reflection, ruled lines (``lines_for``); in
the key its points, the correct options, each option's feedback, the explanation, the model
answer and the key points. ``html`` turns author HTML into what the page may show
(``common.sanitize.clean_html``, or ``sanitized`` for a template), ``_`` translates the hints
(with its ``ngettext``: ``i18n.ngettext_of``), ``numbers`` (``common.numbers.Numbers``) writes the
points and word limits in the reader's locale ("1,5", "1 000" in French).
Printed by ``templates/common/pack_questions.html`` and ``pack_keys.html``.
"""

from dataclasses import dataclass
from functools import partial

from .i18n import ngettext_of
from .numbers import ENGLISH
from .questions import MULTIPLE, REFLECTION, word_limit_frame

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
    points_n: int  # the whole number whose plural form ``points`` takes (``common.numbers.plural_n``)
    correct: tuple  # texts of the correct options
    feedback: tuple  # (option text, correct, feedback) of each option with feedback
    explanation: str  # HTML
    model_answer: str  # HTML
    key_points: tuple  # texts


def lines_for(question):
    """Ruled lines for a reflection: room for its longest answer (or twice its shortest)."""
    words = question.max_words or 2 * question.min_words
    if not words:
        return DEFAULT_LINES
    return max(MIN_LINES, min(MAX_LINES, -(-words // WORDS_PER_LINE)))


def _hint(q, _, numbers):
    if q.kind == REFLECTION:  # as the page says it ("Entre 1 et 1 000 mots.", "Au moins 1 mot.": hunt s44)
        frame = word_limit_frame(q, partial(ngettext_of, _))
        return frame % {"min": numbers.number(q.min_words, 0), "max": numbers.number(q.max_words, 0)} if frame else ""
    return _("Tick all that apply.") if q.kind == MULTIPLE else _("Tick one box.")


def paper_questions(questions, _, html, numbers=ENGLISH):
    """``(PaperQuestion, ...), (Key, ...)`` of ``questions`` (``common.questions.Question``): the
    form and its answer key, numbered from 1."""
    paper, keys = [], []
    for n, q in enumerate(questions, start=1):
        choice = q.kind != REFLECTION
        paper.append(PaperQuestion(n, q.id, q.kind, html(q.prompt), tuple(o.text for o in q.options) if choice
                                   else (), _hint(q, _, numbers), 0 if choice else lines_for(q)))
        keys.append(Key(
            n, q.id, numbers.number(q.points), numbers.plural_n(q.points),
            tuple(o.text for o in q.options if o.correct) if choice else (),
            tuple((o.text, o.correct, o.feedback) for o in q.options if o.feedback) if choice else (),
            html(q.explanation), html(q.model_answer), tuple(k.text for k in q.key_points)))
    return tuple(paper), tuple(keys)
