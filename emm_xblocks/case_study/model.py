"""The case study, pure: the case and its questions, validation, answer checks, scoring, OLX.

No XBlock and no Django here. Translatable texts are passed in as ``_`` (a gettext function),
so the same validators run in the Studio editor, in ``validate()`` and in tests.

Scoring (points per question, summed; the LMS applies ``weight``):

* single choice: full points for the correct option, else 0;
* multiple choice, all-or-nothing: full points when the chosen set is exactly the correct set;
* multiple choice, partial credit: ``points * max(0, right picks - wrong picks) / correct options``;
* written reflection: ``points * ticked key points / key points`` -- the learner's own
  self-assessment against the expert's checklist, made after the submit (0 until then).
  A reflection without key points earns its points for a submitted answer.

An attempt's score is recomputed from its stored answers and ticks (so a rescore after the
author fixes a key applies); the grade is the best or the last attempt's, as the author chose.
"""

import re
from dataclasses import dataclass, fields

from lxml import etree

from ..common import olx
from ..common.i18n import N_
from ..common.validation import Problem, SubmissionError, errors  # noqa: F401 (part of the model's API)

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


@dataclass(frozen=True)
class Document:
    title: str
    url: str
    size: str = ""  # as the author writes it ("1.2 MB"), shown next to the link


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


# ------------------------------------------------------------------ validation (author)
def _check_id(add, where, value, seen, label, _):
    if not ID_RE.match(value or ""):
        add(Problem(f"{where}.id", label + " " + _("the id must be 1 to 50 letters, digits, hyphens or "
                                                   "underscores.")))
    elif value in seen:
        add(Problem(f"{where}.id", label + " " + _("the id “{id}” is used twice.").format(id=value)))
    seen.add(value)


def validate(case, _):
    """Every problem with the case's content, as ``Problem`` objects (never raises)."""
    problems = []
    add = problems.append
    if not case.display_name.strip():
        add(Problem("display_name", _("Give the case a name.")))
    if not case.narrative.strip():
        add(Problem("narrative", _("The case has no narrative: learners have nothing to read."), False))
    if not case.questions:
        add(Problem("questions", _("Add at least one question."), False))
    if len(case.questions) > MAX_QUESTIONS:
        add(Problem("questions", _("A case can have at most {n} questions.").format(n=MAX_QUESTIONS)))
    for i, doc in enumerate(case.documents):
        if not doc.title.strip():
            add(Problem(f"documents.{i}.title", _("Document {n} has no title.").format(n=i + 1)))
        if not URL_RE.match(doc.url or ""):
            add(Problem(f"documents.{i}.url", _("Document {n}: give a web address (https://...) or a "
                                                "course file (/static/...).").format(n=i + 1)))
    for i, img in enumerate(case.images):
        if not URL_RE.match(img.src or ""):
            add(Problem(f"images.{i}.src", _("Image {n}: give a web address or a course file.").format(n=i + 1)))
        if not img.alt.strip():
            add(Problem(f"images.{i}.alt", _("Image {n} has no alternative text: describe it for learners "
                                             "who cannot see it.").format(n=i + 1)))
    for i, sec in enumerate(case.sections):
        if not sec.title.strip():
            add(Problem(f"sections.{i}.title", _("Section {n} has no title.").format(n=i + 1)))
    seen = set()
    for i, q in enumerate(case.questions):
        _validate_question(add, f"questions.{i}", i + 1, q, seen, _)
    if not 0 <= case.max_attempts <= MAX_ATTEMPTS:
        add(Problem("max_attempts", _("The number of attempts must be between 0 (unlimited) and {n}.")
                    .format(n=MAX_ATTEMPTS)))
    if case.grade_policy not in POLICIES:
        add(Problem("grade_policy", _("Choose which attempt counts.")))
    if case.show_answers not in SHOW_ANSWERS:
        add(Problem("show_answers", _("Choose when the answers are shown.")))
    if not 0 <= case.weight <= 1000:
        add(Problem("weight", _("The weight must be between 0 and 1000.")))
    if not 0 <= case.estimated_minutes <= 600:
        add(Problem("estimated_minutes", _("The estimated time must be between 0 and 600 minutes.")))
    if not 1 <= case.min_group_size <= 1000:
        add(Problem("min_group_size", _("The minimum group size must be between 1 and 1000.")))
    return problems


def _validate_question(add, where, n, q, seen, _):
    label = _("Question {n}:").format(n=n)
    _check_id(add, where, q.id, seen, label, _)
    if q.kind not in KINDS:
        add(Problem(f"{where}.kind", _("Question {n}: choose a question type.").format(n=n)))
        return
    if not q.prompt.strip():
        add(Problem(f"{where}.prompt", _("Question {n} has no text.").format(n=n)))
    if not 0 < q.points <= 100:
        add(Problem(f"{where}.points", _("Question {n}: points must be more than 0 and at most 100.").format(n=n)))
    if q.kind == REFLECTION:
        if q.min_words < 0 or q.max_words < 0 or q.max_words > MAX_WORDS:
            add(Problem(f"{where}.max_words", _("Question {n}: word limits must be between 0 and {max}.")
                        .format(n=n, max=MAX_WORDS)))
        elif q.max_words and q.min_words > q.max_words:
            add(Problem(f"{where}.min_words", _("Question {n}: the minimum number of words is above the "
                                                "maximum.").format(n=n)))
        if not q.key_points:
            add(Problem(f"{where}.key_points", _("Question {n}: add key points, so learners can assess their "
                                                 "answer against the model answer.").format(n=n), False))
        if not q.model_answer.strip():
            add(Problem(f"{where}.model_answer", _("Question {n} has no model answer.").format(n=n), False))
        kp_seen = set()
        for j, kp in enumerate(q.key_points):
            _check_id(add, f"{where}.key_points.{j}", kp.id, kp_seen,
                      _("Question {n}, key point {m}:").format(n=n, m=j + 1), _)
            if not kp.text.strip():
                add(Problem(f"{where}.key_points.{j}.text",
                            _("Question {n}, key point {m} has no text.").format(n=n, m=j + 1)))
        return
    if not 2 <= len(q.options) <= MAX_OPTIONS:
        add(Problem(f"{where}.options", _("Question {n} needs between 2 and {max} options.")
                    .format(n=n, max=MAX_OPTIONS)))
    opt_seen = set()
    for j, opt in enumerate(q.options):
        _check_id(add, f"{where}.options.{j}", opt.id, opt_seen,
                  _("Question {n}, option {m}:").format(n=n, m=j + 1), _)
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


# ------------------------------------------------------------------ answers (learner)
def check_answers(case, raw, _, final=True):
    """Clean a learner's ``{question id: answer}``; raise ``SubmissionError`` on any bad answer.

    Single choice: an option id. Multiple choice: a list of option ids. Reflection: text.
    ``final`` (a submit, not a draft) also requires every question and the word limits.
    """
    if not isinstance(raw, dict):
        raise SubmissionError("invalid_answers", _("The answers could not be read."))
    cleaned = {}
    for qid, value in raw.items():
        q = case.question(qid)
        if q is None:
            raise SubmissionError("unknown_question", _("This question is not part of the case."), question=qid)
        if q.kind == SINGLE:
            if isinstance(value, list):
                if len(value) > 1:
                    raise SubmissionError("too_many_answers", _("Choose only one answer to this question."),
                                          question=qid)
                value = value[0] if value else None
            if value is None or value == "":
                continue
            if not isinstance(value, str) or q.option(value) is None:
                raise SubmissionError("unknown_option", _("This answer is not one of the options."), question=qid)
            cleaned[qid] = value
        elif q.kind == MULTIPLE:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SubmissionError("invalid_answer", _("This answer could not be read."), question=qid)
            if any(q.option(v) is None for v in value):
                raise SubmissionError("unknown_option", _("This answer is not one of the options."), question=qid)
            if value:
                cleaned[qid] = sorted(set(value), key=[o.id for o in q.options].index)
        else:
            if not isinstance(value, str):
                raise SubmissionError("invalid_answer", _("This answer could not be read."), question=qid)
            value = value.strip()
            if len(value) > MAX_ANSWER_CHARS or (final and q.max_words and words(value) > q.max_words):
                raise SubmissionError("answer_too_long", _("This answer is too long ({max} words at most).")
                                      .format(max=q.max_words or MAX_WORDS), question=qid)
            if value:
                cleaned[qid] = value
    if final:
        missing = [q.id for q in case.questions if q.id not in cleaned]
        if missing:
            raise SubmissionError("missing_answers", _("Please answer every question ({n} left).")
                                  .format(n=len(missing)), questions=missing)
        for q in case.questions:
            if q.kind == REFLECTION and words(cleaned[q.id]) < q.min_words:
                raise SubmissionError("answer_too_short", _("This answer is too short ({min} words at least).")
                                      .format(min=q.min_words), question=q.id)
    return cleaned


def check_ticks(case, raw, _):
    """Clean a self-assessment ``{reflection question id: [key point ids]}``."""
    if not isinstance(raw, dict):
        raise SubmissionError("invalid_ticks", _("The self-assessment could not be read."))
    cleaned = {}
    for qid, value in raw.items():
        q = case.question(qid)
        if q is None or q.kind != REFLECTION:
            raise SubmissionError("unknown_question", _("This question is not a written reflection of the case."),
                                  question=qid)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SubmissionError("invalid_ticks", _("The self-assessment could not be read."), question=qid)
        known = [kp.id for kp in q.key_points]
        if any(v not in known for v in value):
            raise SubmissionError("unknown_key_point", _("This key point is not part of the model answer."),
                                  question=qid)
        cleaned[qid] = sorted(set(value), key=known.index)
    return cleaned


# ------------------------------------------------------------------ scoring
def score_question(q, answer, ticks=None):
    """``(earned, status)`` for one question; ``ticks`` is None before self-assessment."""
    if q.kind == REFLECTION:
        if not answer:
            return 0.0, INCORRECT
        if not q.key_points:
            return float(q.points), CORRECT
        if ticks is None:
            return 0.0, PENDING
        fraction = len(set(ticks) & {kp.id for kp in q.key_points}) / len(q.key_points)
    else:
        chosen = set([answer] if isinstance(answer, str) else (answer or []))
        correct = set(q.correct_ids)
        if q.kind == SINGLE or not q.partial_credit or not correct:
            fraction = 1.0 if chosen and chosen == correct else 0.0
        else:
            fraction = max(0.0, (len(chosen & correct) - len(chosen - correct)) / len(correct))
    status = CORRECT if fraction >= 1 else PARTIAL if fraction > 0 else INCORRECT
    return round(q.points * fraction, 4), status


def score_attempt(case, answers, ticks=None):
    """``(earned, possible)`` of one attempt, from its answers and its self-assessment ticks."""
    ticks = ticks or {}
    earned = sum(score_question(q, answers.get(q.id), ticks.get(q.id))[0] for q in case.questions)
    return round(earned, 4), case.max_points


def grade(policy, scores):
    """The attempt that counts: ``scores`` is ``[(earned, possible), ...]`` oldest first."""
    if not scores:
        return None
    if policy == POLICY_LAST:
        return scores[-1]
    return max(scores, key=lambda s: (s[0] / s[1]) if s[1] else 0.0)


def answers_revealed(case, submitted, attempts, full_marks):
    """May the learner see correct options, model answers and the expert analysis?"""
    if not submitted or case.show_answers == SHOW_NEVER:
        return False
    if case.show_answers == SHOW_SUBMITTED:
        return True
    out_of_attempts = case.max_attempts and attempts >= case.max_attempts
    return bool(out_of_attempts or full_marks)


# ------------------------------------------------------------------ OLX
def _norm(text):
    return " ".join((text or "").split())


def _html(el, tag):
    child = el.find(tag)
    return olx.inner_html(child) if child is not None else ""


def _add_html(parent, tag, html, **attrs):
    child = olx.add_html(parent, tag, (html or "").strip().replace("]]>", "]]&gt;"))
    if child is not None:
        for key, value in attrs.items():
            child.set(key, value)
    return child


def from_xml(el):
    """Read ``<emm_case_study>`` into a ``Case`` (unknown attributes and tags are ignored)."""
    d = Case()
    questions = []
    for q in el.iterchildren("question"):
        questions.append(Question(
            id=q.get("id", ""),
            kind=q.get("type", SINGLE),
            prompt=_html(q, "prompt"),
            options=tuple(Option(o.get("id", ""), olx.text_of(o), olx.get_bool(o, "correct"),
                                 olx.text_of(o.find("feedback"))) for o in q.iterchildren("option")),
            partial_credit=olx.get_bool(q, "partial_credit"),
            points=olx.get_float(q, "points", 1.0),
            explanation=_html(q, "explanation"),
            min_words=olx.get_int(q, "min_words", 0),
            max_words=olx.get_int(q, "max_words", 0),
            model_answer=_html(q, "model_answer"),
            key_points=tuple(KeyPoint(k.get("id", ""), olx.text_of(k)) for k in q.iterchildren("key_point")),
        ))
    facts = el.find("key_facts")
    return Case(
        display_name=_norm(el.get("display_name", d.display_name)),
        narrative=_html(el, "narrative"),
        sections=tuple(Section(_norm(s.get("title", "")), olx.inner_html(s)) for s in el.iterchildren("section")),
        key_facts=tuple(olx.text_of(f) for f in facts.iterchildren("fact")) if facts is not None else (),
        documents=tuple(Document(olx.text_of(x), (x.get("href") or "").strip(), _norm(x.get("size", "")))
                        for x in el.iterchildren("document")),
        images=tuple(Image((x.get("src") or "").strip(), _norm(x.get("alt", "")), olx.text_of(x))
                     for x in el.iterchildren("image")),
        questions=tuple(questions),
        expert_analysis=_html(el, "expert_analysis"),
        weight=olx.get_float(el, "weight", d.weight),
        max_attempts=olx.get_int(el, "max_attempts", d.max_attempts),
        grade_policy=el.get("grade_policy", d.grade_policy),
        show_answers=el.get("show_answers", d.show_answers),
        topic=_norm(el.get("topic", "")),
        estimated_minutes=olx.get_int(el, "estimated_minutes", d.estimated_minutes),
        show_distribution=olx.get_bool(el, "show_distribution"),
        min_group_size=olx.get_int(el, "min_group_size", d.min_group_size),
    )


def to_xml(case, el=None):
    """Write ``case`` into ``el`` (a new ``<emm_case_study>`` if None); defaults are left out."""
    if el is None:
        el = etree.Element("emm_case_study")
    d = Case()
    el.set("display_name", _norm(case.display_name))
    for name in ("weight", "max_attempts", "grade_policy", "show_answers", "topic", "estimated_minutes",
                 "show_distribution", "min_group_size"):
        value = getattr(case, name)
        olx.set_attr(el, name, _norm(value) if isinstance(value, str) else value, getattr(d, name))
    _add_html(el, "narrative", case.narrative)
    for sec in case.sections:
        child = etree.SubElement(el, "section", title=_norm(sec.title))
        child.text = etree.CDATA((sec.html or "").strip().replace("]]>", "]]&gt;"))
    if case.key_facts:
        box = etree.SubElement(el, "key_facts")
        for fact in case.key_facts:
            olx.add_text(box, "fact", _norm(fact))
    for doc in case.documents:
        olx.add_text(el, "document", _norm(doc.title), href=doc.url.strip(), size=_norm(doc.size) or None)
    for img in case.images:
        olx.add_text(el, "image", _norm(img.caption) or None, src=img.src.strip(), alt=_norm(img.alt))
    for q in case.questions:
        qel = etree.SubElement(el, "question", id=q.id, type=q.kind)
        olx.set_attr(qel, "points", float(q.points), 1.0)
        if q.kind == MULTIPLE:
            olx.set_attr(qel, "partial_credit", q.partial_credit, False)
        if q.kind == REFLECTION:
            olx.set_attr(qel, "min_words", q.min_words, 0)
            olx.set_attr(qel, "max_words", q.max_words, 0)
        _add_html(qel, "prompt", q.prompt)
        if q.kind != REFLECTION:
            for opt in q.options:
                oel = olx.add_text(qel, "option", _norm(opt.text), id=opt.id,
                                   correct="true" if opt.correct else None)
                if _norm(opt.feedback):
                    olx.add_text(oel, "feedback", _norm(opt.feedback))
        else:
            _add_html(qel, "model_answer", q.model_answer)
            for kp in q.key_points:
                olx.add_text(qel, "key_point", _norm(kp.text), id=kp.id)
        _add_html(qel, "explanation", q.explanation)
    _add_html(el, "expert_analysis", case.expert_analysis)
    return el


# ------------------------------------------------------------------ plain data (fields <-> model)
def to_data(case):
    """A JSON-able dict of the whole case (the block's content field, the editor's payload)."""
    def plain(obj):
        if isinstance(obj, tuple):
            return [plain(x) for x in obj]
        if hasattr(obj, "__dataclass_fields__"):
            return {f.name: plain(getattr(obj, f.name)) for f in fields(obj)}
        return obj
    return plain(case)


_NESTED = {"sections": Section, "documents": Document, "images": Image, "questions": Question}
_QNESTED = {"options": Option, "key_points": KeyPoint}


def _build(cls, data, nested=None):
    names = {f.name: f for f in fields(cls)}
    kwargs = {}
    for key, value in data.items():
        if key not in names:
            continue
        if nested and key in nested:
            sub = _QNESTED if nested[key] is Question else None
            value = tuple(_build(nested[key], v, sub) for v in value if isinstance(v, dict))
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)


def from_data(data):
    """The inverse of ``to_data`` (types are assumed checked: see ``forms.from_editor``)."""
    return _build(Case, data or {}, _NESTED)
