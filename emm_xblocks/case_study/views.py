"""Fragments and payloads of the case-study block: learner, results, author preview, editor.

What a learner sees before submitting is built from ``_public_questions`` only: prompts and
option texts. Correctness, feedback, explanations, model answers, key points and the expert
analysis are added by ``results`` — after a submit, and as the author's policy allows.
"""

from ..common import store
from ..common.i18n import N_
from ..common.sanitize import clean_html, safe_url, sanitized
from . import forms, model
from .case import size_bytes
from .report import number as _num
from .report import plain_text

LARGE_FILE_BYTES = 1_000_000  # in low-data mode, links to files this big stay behind a tap
VERDICTS = {model.CORRECT: N_("Correct"), model.PARTIAL: N_("Partly correct"), model.INCORRECT: N_("Incorrect"),
            model.PENDING: N_("Waiting for your self-assessment")}


def dom_id(block):
    return "emm-" + "".join(c if c.isalnum() else "-" for c in str(block.scope_ids.usage_id))


def safe_images(case):
    return [i for i in case.images if safe_url(i.src)]


def _public_case(case):
    """The case as a learner reads it before any submit (no answers in it)."""
    return {
        "display_name": case.display_name,
        "narrative": clean_html(case.narrative),
        "sections": [{"title": s.title, "html": clean_html(s.html)} for s in case.sections],
        "key_facts": list(case.key_facts),
        # an address outside the allow-list (javascript:, data:...) never reaches the page, even
        # from imported OLX that the editor's validators did not see
        "documents": [{"title": d.title, "url": safe_url(d.url), "size": d.size,
                       "excerpt": clean_html(d.excerpt)} for d in case.documents],
        "images": [{"src": i.src, "alt": i.alt, "caption": i.caption} for i in safe_images(case)],
        "topic": case.topic,
        "estimated_minutes": case.estimated_minutes,
    }


def _public_questions(case):
    return [{
        "id": q.id,
        "kind": q.kind,
        "prompt": clean_html(q.prompt),
        "points": q.points,
        "options": [{"id": o.id, "text": o.text} for o in q.options] if q.kind != model.REFLECTION else [],
        "min_words": q.min_words if q.kind == model.REFLECTION else None,
        "max_words": q.max_words if q.kind == model.REFLECTION else None,
    } for q in case.questions]


def student_view_data(block):
    case = block.case
    return {
        **_public_case(case),
        "questions": _public_questions(case),
        "max_attempts": case.max_attempts,
        "attempts": block.attempts,
        "attempts_left": block.attempts_left(),
        "submitted": block.submitted,
        "max_score": case.max_points,
    }


def _form_questions(block, case, dom):
    current = block.answers if block.submitted else block.draft
    rows = []
    for i, q in enumerate(case.questions):
        name = f"{dom}-q{i}"
        value = current.get(q.id)
        chosen = set([value] if isinstance(value, str) else value or []) if q.kind != model.REFLECTION else set()
        rows.append({
            "id": q.id, "kind": q.kind, "name": name, "prompt": sanitized(q.prompt), "points": q.points,
            "number": i + 1,
            "options": [{"id": f"{name}-{j}", "value": o.id, "text": o.text, "checked": o.id in chosen}
                        for j, o in enumerate(q.options)] if q.kind != model.REFLECTION else [],
            "text": value if q.kind == model.REFLECTION and isinstance(value, str) else "",
            "min_words": q.min_words, "max_words": q.max_words,
        })
    return rows


def _documents(case):
    """Documents as the learner view lists them; an excerpt is sent only when its viewer opens."""
    rows = []
    for i, d in enumerate(case.documents):
        size = size_bytes(d.size)
        url = safe_url(d.url)
        rows.append({"index": i, "title": d.title, "url": url, "size": d.size, "viewer": bool(d.excerpt.strip()),
                     "large": bool(url) and size is not None and size >= LARGE_FILE_BYTES})
    return rows


def student_view(block):
    case = block.case
    dom = dom_id(block)
    documents = _documents(case)
    context = {
        "dom": dom,
        "case": case,
        "narrative": sanitized(case.narrative),
        "sections": [{"title": s.title, "html": sanitized(s.html)} for s in case.sections],
        "documents": documents,
        "images": safe_images(case),
        "large_files": any(d["large"] for d in documents),
        "questions": _form_questions(block, case, dom),
        "submitted": block.submitted,
        "attempts_left": block.attempts_left(),
        "max_chars": model.MAX_ANSWER_CHARS,
        "results_html": results(block)["html"] if block.submitted else "",
    }
    return block.build_fragment("templates/case_study/student.html", context, init_args={
        "submitted": block.submitted,
        "attempts_left": block.attempts_left(),
    })


def _question_result(q, answer, ticks, assessed, revealed):
    earned, status = model.score_question(q, answer, ticks if assessed else None)
    chosen = [answer] if isinstance(answer, str) and q.kind != model.REFLECTION else (
        answer if isinstance(answer, list) else [])
    item = {
        "id": q.id, "kind": q.kind, "status": status, "earned": earned, "points": q.points,
        "prompt": plain_text(q.prompt),
        "chosen": [{"id": o.id, "text": o.text, "feedback": o.feedback} for o in q.options if o.id in chosen],
        # the explanation gives the answer away: it follows the author's "show answers" policy
        "explanation": clean_html(q.explanation) if revealed else "",
        "answer_text": answer if q.kind == model.REFLECTION else "",
    }
    if q.kind == model.REFLECTION:
        # Key points are shown after every submit: the learner's self-assessment is the score.
        item["key_points"] = [{"id": kp.id, "text": kp.text, "ticked": kp.id in (ticks or [])}
                              for kp in q.key_points]
    if revealed:
        item["correct_options"] = [{"id": o.id, "text": o.text} for o in q.options if o.correct]
        item["all_feedback"] = [{"id": o.id, "text": o.text, "feedback": o.feedback, "correct": o.correct}
                                for o in q.options if o.feedback]
        item["model_answer"] = clean_html(q.model_answer)
    return item


def results(block):
    """The submitted attempt's results: JSON for the browser and the panel's HTML (server-rendered,
    escaped, author HTML sanitised). Empty of answers until the learner has submitted."""
    _ = block.ugettext
    case = block.case
    if not block.submitted:
        return {"submitted": False, "revealed": False, "html": ""}
    revealed = block.revealed()
    questions = [_question_result(q, block.answers.get(q.id), block.ticks.get(q.id), block.assessed, revealed)
                 for q in case.questions]
    earned, possible = model.score_attempt(case, block.answers, block.ticks if block.assessed else None)
    needs_assessment = not block.assessed and any(q["kind"] == model.REFLECTION and q.get("key_points")
                                                  for q in questions)
    left = block.attempts_left()
    data = {
        "submitted": True,
        "attempt": block.attempts,
        "attempts_left": left,
        "can_retry": left is None or left > 0,
        "score": earned,
        "max_score": possible,
        "grade": block.raw_earned,
        "grade_policy": case.grade_policy,
        "assessed": block.assessed,
        "needs_assessment": needs_assessment,
        "revealed": revealed,
        "questions": questions,
        "expert_analysis": clean_html(case.expert_analysis) if revealed else "",
        "distribution": distribution(block, case),
        "message": _("Submitted: {earned} of {possible} points.").format(earned=_num(earned), possible=_num(possible)),
    }
    # what the live region says: the score, then each question's verdict
    data["announcement"] = " ".join([data["message"], *(
        _("Question {n}: {verdict}.").format(n=i, verdict=_(VERDICTS[q["status"]]))
        for i, q in enumerate(questions, start=1))])
    context = dict(data, dom=dom_id(block), score_text=data["message"],
                   expert_html=sanitized(data["expert_analysis"]),
                   questions=[dict(q, explanation_html=sanitized(q["explanation"]),
                                   model_html=sanitized(q.get("model_answer", "")),
                                   earned_text=_num(q["earned"]), points_text=_num(q["points"]))
                              for q in questions])
    data["html"] = block.render_template("templates/case_study/results.html", context)
    return data


def distribution_rows(case, answers):
    """Aggregate-store rows of one submission: a choice per single, one row per picked option."""
    rows = {}
    for q in case.questions:
        value = answers.get(q.id)
        if q.kind == model.SINGLE and value:
            rows[q.id] = value
        elif q.kind == model.MULTIPLE:
            for oid in value or []:
                rows[f"{q.id}.{oid}"] = "1"
    return rows


def distribution(block, case):
    """How other participants answered each choice question, above the minimum group size only."""
    if not (case.show_distribution and block.submitted):
        return None
    key = block.block_key()
    respondents = store.respondents(key)
    if respondents < case.min_group_size:
        return {"respondents": respondents, "suppressed": True, "questions": []}
    tallies = store.tallies(key)
    out = []
    for q in case.questions:
        if q.kind == model.REFLECTION:
            continue
        counts = [tallies.get(q.id, {}).get(o.id, 0) if q.kind == model.SINGLE
                  else tallies.get(f"{q.id}.{o.id}", {}).get("1", 0) for o in q.options]
        out.append({"id": q.id, "options": [{"text": o.text, "count": c, "percent": round(100.0 * c / respondents)}
                                            for o, c in zip(q.options, counts, strict=True)]})
    return {"respondents": respondents, "suppressed": False, "questions": out}


def submitted_event(block):
    """``emm.case_study.submitted``: per question the answer, its correctness and points."""
    case = block.case
    questions = {}
    for q in case.questions:
        answer = block.answers.get(q.id)
        earned, status = model.score_question(q, answer, None)
        questions[q.id] = {"answer": answer, "correctness": status, "points": earned, "max_points": q.points}
    return {"attempt": block.attempts, "max_attempts": case.max_attempts, "questions": questions,
            "score": block.raw_earned, "max_score": block.raw_possible}


def author_view(block):
    case = block.case
    context = {
        "case": case,
        "narrative": sanitized(case.narrative),
        "sections": [{"title": s.title, "html": sanitized(s.html)} for s in case.sections],
        "questions": [{"q": q, "prompt": sanitized(q.prompt), "explanation": sanitized(q.explanation),
                       "model_answer": sanitized(q.model_answer),
                       "kind": block.ugettext(model.KINDS.get(q.kind, q.kind))}
                      for q in case.questions],
        "expert": sanitized(case.expert_analysis),
        # an unsafe address (javascript:, data:... from imported OLX) is shown as text, never as a link
        "documents": [{"title": d.title, "url": safe_url(d.url), "raw_url": d.url, "size": d.size,
                       "excerpt": sanitized(d.excerpt)} for d in case.documents],
        "problems": model.validate(case, block.ugettext),
        "policy": block.ugettext(model.POLICIES.get(case.grade_policy, case.grade_policy)),
        "show": block.ugettext(model.SHOW_ANSWERS.get(case.show_answers, case.show_answers)),
    }
    return block.build_fragment("templates/case_study/author.html", context, init_args={},
                                js="static/js/emm-case-study.js", js_class="EmmCaseStudyAuthor")


def studio_view(block):
    """The editor: a form built by ``emm-case-study-studio.js`` from ``forms.to_editor``."""
    _ = block.ugettext
    fields = type(block).fields
    settings = [
        {"key": "topic", "type": "text"},
        {"key": "estimated_minutes", "type": "number"},
        {"key": "weight", "type": "number"},
        {"key": "max_attempts", "type": "number"},
        {"key": "grade_policy", "type": "select", "choices": [(k, _(v)) for k, v in model.POLICIES.items()]},
        {"key": "show_answers", "type": "select", "choices": [(k, _(v)) for k, v in model.SHOW_ANSWERS.items()]},
        {"key": "show_distribution", "type": "checkbox"},
        {"key": "min_group_size", "type": "number"},
    ]
    for item in settings:
        item["label"] = _(fields[item["key"]].display_name)
    lists = [
        {"name": "sections", "legend": _("Sections (optional)"), "add": _("Add a section")},
        {"name": "documents", "legend": _("Documents"), "add": _("Add a document")},
        {"name": "images", "legend": _("Images"), "add": _("Add an image")},
        {"name": "questions", "legend": _("Questions"), "add": _("Add a question")},
    ]
    context = {"dom": dom_id(block) + "-ed", "settings": settings, "lists": lists}
    return block.build_fragment("templates/case_study/studio.html", context, init_args={
        "case": forms.to_editor(block.case),
        "kinds": {k: _(v) for k, v in model.KINDS.items()},
    }, js="static/js/emm-case-study-studio.js", js_class="EmmCaseStudyEditor")
