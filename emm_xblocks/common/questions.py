"""Questions with options, shared by the blocks that ask them (case study, knowledge check): the
model, the learner's answer check, the author checks and the editor's JSON (pure: no XBlock, no
Django). Their scoring: ``question_scoring``; their OLX: ``question_olx``; their rows in reports:
``question_report``.

A question is single choice (one option is correct), multiple choice (a set of options is
correct; all-or-nothing or partial credit) or a written reflection (the case study's, scored by
the learner's self-assessment against key points). Each block says which kinds it offers
(``validate_question``'s ``kinds``).
"""

import hashlib
from dataclasses import dataclass, fields
from functools import cached_property

from .actions import ActionError
from .editor_json import editor_flag, editor_html, editor_items, editor_text
from .i18n import N_
from .ids import MAX_ID
from .numbers import count
from .sanitize import clean_html, plain_text
from .validation import Problem, check_id, parse_float, parse_int, unreadable_number

SINGLE, MULTIPLE, REFLECTION = "single", "multiple", "reflection"
CHOICE_KINDS = {SINGLE: N_("Single choice"), MULTIPLE: N_("Multiple choice")}
CORRECT, PARTIAL, INCORRECT = "correct", "partial", "incorrect"
PENDING = "pending"  # a written reflection not yet self-assessed
VERDICTS = {CORRECT: N_("Correct"), PARTIAL: N_("Partly correct"), INCORRECT: N_("Incorrect")}

MAX_OPTIONS = 20
MAX_WORDS = 3000
MAX_ANSWER_CHARS = 20000  # characters of a written answer
HTML_LIMIT = 50000  # characters of an author HTML field (a longer one is refused, never cut)
TEXT_LIMIT = 5000  # characters of a plain-text field (a longer one is refused, never cut)
OPTION_LIMIT = 1000  # characters of an option's text: a line to choose, as a Likert statement (1,000)


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
        """The first option of id ``oid``, or None."""
        return self._options_by_id.get(oid)

    @cached_property
    def _options_by_id(self):
        """``{id: the first option of that id}``, built once per question (each answer is checked
        against it)."""
        by_id = {}
        for o in self.options:
            by_id.setdefault(o.id, o)
        return by_id

    @property
    def correct_ids(self):
        return [o.id for o in self.options if o.correct]


class ScoredQuestions:
    """What a content made of scored ``questions`` (a tuple of ``Question``: the case study, the
    knowledge check) works out from them, the same way in both blocks."""

    @property
    def max_points(self):
        """The points of every question together (float): the score of a learner with all right."""
        return float(sum(q.points for q in self.questions))

    def question(self, qid):
        """The first question of id ``qid``, or None."""
        return self._questions_by_id.get(qid)

    @cached_property
    def _questions_by_id(self):
        """``{id: the first question of that id}``, built once per content (a submit looks up
        each of its answers' questions)."""
        by_id = {}
        for q in self.questions:
            by_id.setdefault(q.id, q)
        return by_id


# the fields a question holds for some kinds only: the editor shows them for those only (the
# ``kinds`` of its rows, ``static/js/emm-form-studio.js``) and saves none of the others, the OLX
# writes them for those only (``question_olx.add_question_xml``), and the import keeps them for
# those only (``question_olx.question_from_xml``): a field read that the next save or export drops
# would count in ``questions_fingerprint`` and then be gone (bug hunt s44)
REFLECTION_FIELDS = ("min_words", "max_words", "model_answer", "key_points")


def holds(kind, name):
    """Whether a question of ``kind`` holds the field ``name``: partial credit a multiple-choice
    question only, a word limit, a model answer and key points a written reflection only, options
    any question but a reflection (a kind the block does not offer keeps them: Studio asks for a
    type)."""
    if name == "partial_credit":
        return kind == MULTIPLE
    if name in REFLECTION_FIELDS:
        return kind == REFLECTION
    if name == "options":
        return kind != REFLECTION
    return True


def plain_data(obj):
    """A frozen content dataclass (and the tuples of dataclasses inside it) as plain JSON-able data."""
    if isinstance(obj, tuple):
        return [plain_data(x) for x in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return {f.name: plain_data(getattr(obj, f.name)) for f in fields(obj)}
    return obj


def question_from_data(data):
    """A ``Question`` from its plain data (``to_data``'s shape; unknown keys are ignored)."""
    names = {f.name for f in fields(Question)}
    kwargs = {}
    for key, value in data.items():
        if key not in names or value is None:
            continue
        if key == "options":
            value = tuple(Option(**{k: v for k, v in o.items() if k in Option.__dataclass_fields__})
                          for o in value if isinstance(o, dict))
        elif key == "key_points":
            value = tuple(KeyPoint(**{k: v for k, v in k_.items() if k in KeyPoint.__dataclass_fields__})
                          for k_ in value if isinstance(k_, dict))
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return Question(**kwargs)


def questions_fingerprint(questions):
    """What scoring depends on (ids, kinds, points, partial credit, each option's id and key), as a
    short hex digest: two blocks whose questions have the same fingerprint score alike (a typo
    fixed in a prompt or an option's text does not change it). Only what the question's kind holds
    (``holds``): content stored before the import dropped the rest (a single-choice question's
    partial credit, a reflection's options) scores as its export does (review s44)."""
    parts = []
    for q in questions:
        partial = bool(q.partial_credit) and holds(q.kind, "partial_credit")
        parts.append(f"{q.id}\x1f{q.kind}\x1f{float(q.points)!r}\x1f{partial}")
        if holds(q.kind, "options"):
            parts.extend(f"\x1e{o.id}\x1f{bool(o.correct)}" for o in q.options)
    return hashlib.sha256("\x1d".join(parts).encode()).hexdigest()[:16]


# ------------------------------------------------------------------ a question's result
def question_result(q, answer, ticks, mark, revealed):
    """One question of a submitted attempt: ``mark`` is its ``(earned, status)``; ``revealed``:
    may the learner see the correct options, every option's feedback, the explanation and the
    model answer? (The explanation gives the answer away: it follows the same policy.)"""
    earned, status = mark
    chosen = [answer] if isinstance(answer, str) and q.kind != REFLECTION else (
        answer if isinstance(answer, list) else [])
    item = {
        "id": q.id, "kind": q.kind, "status": status, "earned": earned, "points": q.points,
        "prompt": plain_text(q.prompt),
        "chosen": [{"id": o.id, "text": o.text, "feedback": o.feedback} for o in q.options if o.id in chosen]
        # an option the author removed (or renamed) since: still the learner's answer (``removed_named``)
        + [{"id": oid, "text": "", "feedback": "", "removed": True} for oid in chosen
           if isinstance(oid, str) and q.option(oid) is None],
        "explanation": clean_html(q.explanation) if revealed else "",
        "answer_text": answer if q.kind == REFLECTION else "",
    }
    if q.kind == REFLECTION:
        # Key points are shown after every submit: the learner's self-assessment is the score.
        item["key_points"] = [{"id": kp.id, "text": kp.text, "ticked": kp.id in (ticks or [])}
                              for kp in q.key_points]
    if revealed:
        item["correct_options"] = [{"id": o.id, "text": o.text} for o in q.options if o.correct]
        item["all_feedback"] = [{"id": o.id, "text": o.text, "feedback": o.feedback, "correct": o.correct}
                                for o in q.options if o.feedback]
        item["model_answer"] = clean_html(q.model_answer)
    return item


def removed_named(questions, text):
    """``question_result`` items with each chosen option removed since named ``text`` (the
    learner's language: "an option removed since you answered"), so the learner still reads that
    they answered, and why their answer may now score nothing."""
    if not any(c.get("removed") for q in questions for c in q["chosen"]):
        return questions
    return [{**q, "chosen": [dict(c, text=text) if c.get("removed") else c for c in q["chosen"]]}
            for q in questions]


# ------------------------------------------------------------------ what the browser sent
def clean_choice(q, value, _):
    """A learner's answer to a choice question, cleaned: an option id (single), a list of option
    ids in the author's order (multiple), or None for no answer; ``ActionError`` if unreadable."""
    if q.kind == SINGLE:
        if isinstance(value, list):
            if len(value) > 1:
                raise ActionError("too_many_answers", _("Choose only one answer to this question."), question=q.id)
            value = value[0] if value else None
        if value is None or value == "":
            return None
        if not isinstance(value, str) or q.option(value) is None:
            raise ActionError("unknown_option", _("This answer is not one of the options."), question=q.id)
        return value
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ActionError("invalid_answer", _("This answer could not be read."), question=q.id)
    if any(q.option(v) is None for v in value):
        raise ActionError("unknown_option", _("This answer is not one of the options."), question=q.id)
    return sorted(set(value), key=[o.id for o in q.options].index) or None


def check_answers(content, raw, _, not_part, written=None, final=True):
    """A learner's ``{question id: answer}`` cleaned, ``ActionError`` on the first bad one: a
    choice question's by ``clean_choice``, a written one's by ``written(q, value)`` (its text,
    stripped, "" for none; None where the block asks no written question). ``not_part``: the
    refusal of an id ``content`` does not ask (its ``question(id)``), untranslated (``N_``): it is
    translated only when said. ``final`` (a submit, not a draft): every question must be answered
    (``missing_answers``, the ids left)."""
    if not isinstance(raw, dict):
        raise ActionError("invalid_answers", _("The answers could not be read."))
    cleaned = {}
    for qid, value in raw.items():
        q = content.question(qid)
        if q is None:
            raise ActionError("unknown_question", _(not_part), question=qid)
        if q.kind in CHOICE_KINDS:
            value = clean_choice(q, value, _)
            if value is not None:
                cleaned[qid] = value
        elif written is not None:
            value = written(q, value)
            if value:
                cleaned[qid] = value
    if final:
        missing = [q.id for q in content.questions if q.id not in cleaned]
        if missing:
            raise ActionError("missing_answers", _("Please answer every question ({n} left).")
                              .format(n=len(missing)), questions=missing)
    return cleaned


# ------------------------------------------------------------------ author checks
# what a bad id and an id used twice say, whole sentences for the translators (``check_id``)
QUESTION_IDS = (N_("Question {n}: the id must be 1 to 50 letters, digits, hyphens or underscores."),
                N_("Question {n}: the id “{id}” is used twice."))
OPTION_IDS = (N_("Question {n}, option {m}: the id must be 1 to 50 letters, digits, hyphens or underscores."),
              N_("Question {n}, option {m}: the id “{id}” is used twice."))
KEY_POINT_IDS = (N_("Question {n}, key point {m}: the id must be 1 to 50 letters, digits, hyphens or underscores."),
                 N_("Question {n}, key point {m}: the id “{id}” is used twice."))


def validate_question(add, where, n, q, seen, kinds, _):
    """The problems of question ``n`` (at field path ``where``) common to every kind, and a choice
    question's options; returns False when its kind is not one of ``kinds`` (nothing more to check)."""
    check_id(add, where, q.id, seen, QUESTION_IDS, _, n=n)
    if q.kind not in kinds:
        add(Problem(f"{where}.kind", _("Question {n}: choose a question type.").format(n=n)))
        return False
    if not q.prompt.strip():
        add(Problem(f"{where}.prompt", _("Question {n} has no text.").format(n=n)))
    if not 0 < q.points <= 100:
        add(Problem(f"{where}.points", _("Question {n}: points must be more than 0 and at most 100.").format(n=n)))
    if q.kind in CHOICE_KINDS:
        _validate_choices(add, where, n, q, _)
    return True


def _validate_choices(add, where, n, q, _):
    if not 2 <= len(q.options) <= MAX_OPTIONS:
        add(Problem(f"{where}.options", _("Question {n} needs between 2 and {max} options.")
                    .format(n=n, max=count(MAX_OPTIONS, _))))
    opt_seen = set()
    for j, opt in enumerate(q.options):
        check_id(add, f"{where}.options.{j}", opt.id, opt_seen, OPTION_IDS, _, n=n, m=j + 1)
        if not opt.text.strip():
            add(Problem(f"{where}.options.{j}.text", _("Question {n}, option {m} has no text.").format(n=n, m=j + 1)))
    correct = len(q.correct_ids)
    if q.kind == SINGLE and correct != 1:
        add(Problem(f"{where}.options", _("Question {n} is single choice: mark exactly one option as correct "
                                          "({count} marked).").format(n=n, count=correct)))
    if q.kind == MULTIPLE and correct == 0:
        add(Problem(f"{where}.options", _("Question {n}: mark at least one option as correct.").format(n=n)))
    if not q.explanation.strip():
        add(Problem(f"{where}.explanation", _("Question {n} has no explanation.").format(n=n), False))


# ------------------------------------------------------------------ the editor's JSON
# the limits of a question's texts in the editor's JSON (``common.limits``; the editor's script
# counts and refuses by the same table): author HTML, and one-line texts
QUESTION_HTML_LIMITS = {f"questions.*.{key}": HTML_LIMIT for key in ("prompt", "explanation", "model_answer")}
QUESTION_TEXT_LIMITS = {"questions.*.options.*.text": OPTION_LIMIT, "questions.*.options.*.feedback": TEXT_LIMIT,
                        "questions.*.key_points.*.text": TEXT_LIMIT}
# the ids' length, for the editor's counter only (``data-max-chars``): the validators refuse a
# longer one (``ids.id_problem``), so the save's table above leaves them out
QUESTION_ID_LIMITS = {f"questions.*{rows}.id": MAX_ID for rows in ("", ".options.*", ".key_points.*")}


def editor_number(data, key, default, problems, where, says, _, cast=int):
    """The number ``data[key]`` as ``cast`` (``int``: whole), else ``default`` with a problem on
    ``where`` (``validation.unreadable_number``): ``says``, its ``(out of range, not a number)``
    sentences, translated, that name the question as the validators do (bug hunt "new")."""
    raw = data.get(key, default)
    value = parse_int(raw) if cast is int else parse_float(raw, comma=True)  # "1,5" as French writes it
    if value is None:  # also crafted input: "--5", 1e400, NaN, 400-digit integers
        problems.append(unreadable_number(where, raw, cast is int, _, *says))
        return default
    return cast(value)


def _number_says(n, _):
    """``{key: (out of range, not a number)}`` of question ``n``'s numbers (``editor_number``)."""
    words = _("Question {n}: word limits must be between 0 and {max}.").format(n=n, max=count(MAX_WORDS, _))
    return {"points": (_("Question {n}: points must be more than 0 and at most 100.").format(n=n),
                       _("Question {n}: the points must be a number.").format(n=n)),
            "min_words": (words, _("Question {n}: the minimum number of words must be a whole number.").format(n=n)),
            "max_words": (words, _("Question {n}: the maximum number of words must be a whole number.").format(n=n))}


def question_from_editor(raw, i, problems, _):
    """Question ``i`` of the editor's JSON (types checked here, the content by the validators)."""
    where = f"questions.{i}"
    says = _number_says(i + 1, _)
    options = editor_items(raw, "options", MAX_OPTIONS * 2, problems, _, most=MAX_OPTIONS, where=f"{where}.options")
    key_points = editor_items(raw, "key_points", 50, problems, _, where=f"{where}.key_points")
    return Question(
        id=editor_text(raw, "id"),
        kind=editor_text(raw, "kind"),
        prompt=editor_html(raw, "prompt"),
        options=tuple(Option(editor_text(o, "id"), editor_text(o, "text"),
                             editor_flag(o, "correct", False, problems, f"{where}.options.{j}.correct", _),
                             editor_text(o, "feedback")) for j, o in options),
        partial_credit=editor_flag(raw, "partial_credit", False, problems, f"{where}.partial_credit", _),
        points=editor_number(raw, "points", 1.0, problems, f"{where}.points", says["points"], _, float),
        explanation=editor_html(raw, "explanation"),
        min_words=editor_number(raw, "min_words", 0, problems, f"{where}.min_words", says["min_words"], _),
        max_words=editor_number(raw, "max_words", 0, problems, f"{where}.max_words", says["max_words"], _),
        model_answer=editor_html(raw, "model_answer"),
        key_points=tuple(KeyPoint(editor_text(k, "id"), editor_text(k, "text")) for _j, k in key_points),
    )


def word_limit_frame(q, ngettext):
    """A reflection's length hint, its numbers left as ``%(min)s`` / ``%(max)s``: the noun in the
    form its number takes ("Au moins 1 mot.", not "1 mots": hunt s44); "" when the reflection sets
    no limit. ``ngettext``: the block's ``ungettext`` (CLDR's form). The page (``_word_count``) and
    the printed form (``paper``) say the same."""
    if q.max_words:
        return ngettext("Between %(min)s and %(max)s word.", "Between %(min)s and %(max)s words.", q.max_words)
    if q.min_words:
        return ngettext("At least %(min)s word.", "At least %(min)s words.", q.min_words)
    return ""
