"""What the case-study block shows (rendering only, never writing): the learner's page, the feedback
panel, the author's preview, the Studio editor, and the mobile apps' data.

What a learner sees before submitting is built from the prompts and option texts only.
Correctness, feedback, explanations, model answers, key points and the expert analysis come with
the learner's feedback on their attempt (``feedback.feedback``) -- after a submit, as the author's
policy and the platform's ``show_correctness`` allow. The distribution of other participants'
answers is read from the aggregate store here (a read, never a write); its figures are worked out
by ``distribution.panel_figures`` (pure).
"""

from babel.lists import format_list

from ..common import attempts, content_language, platform, profile, recovery, retired, summary
from ..common.attempts import attempts_left, score_words
from ..common.i18n import current_language, is_rtl
from ..common.numbers import locale_of
from ..common.pipeline import write_refusal
from ..common.question_scoring import marks, total
from ..common.question_views import author_questions, question_feedback_html, questions_html
from ..common.questions import removed_named
from ..common.sanitize import clean_html, safe_url, sanitized
from ..common.settings import settings_summary
from ..common.spreadsheet import EXCEL
from ..common.validation import listed
from . import (
    content,
    distribution_html,
    documents_html,
    editor,
    export,
    feedback,
    feedback_html,
    learner,
    validation,
)
from .content import PENDING, REFLECTION, size_bytes
from .distribution import panel_figures
from .page_html import page_html
from .scoring import attempt_scores, self_assessment_can_raise

LARGE_FILE_BYTES = 1_000_000  # in low-data mode, links to files this big stay behind a tap


# ------------------------------------------------------------------ the learner's page
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
    case = block.shown_content()  # a default name in the page's language (bug hunt s44)
    closed = platform.is_past_due(block)  # no attempt left: the last one's results shown (``learner.standing``)
    kept = block.learner_state()
    state = learner.standing(case, kept, closed)
    words = block.translators()  # the language looked up once for the page
    _ = words[0]
    dom = block.dom_id()
    documents = _documents(case)
    left = attempts_left(case.attempts_allowed, state.attempts)
    refusal = write_refusal(block)  # staff viewing as a learner, or past the due date
    read_only = refusal.message if refusal else ""
    own = block.author_lang(case)  # the author's language on their words: once per render, "" mostly
    if state.submitted:
        ticks = state.ticks if state.assessed else None
        grade = block.recorded_score()
        data = feedback.feedback(case, state, marks(case, state.answers, ticks), grade, closed)
        shown = shown_feedback(block, case, data, read_only=read_only, lang=own, state=state)
    current = state.answers if state.submitted else state.draft
    staff_csv = case.show_distribution and block.is_staff()  # its two downloads (``export.distribution_response``)
    page = {
        "author_lang": own,
        "dom": dom,
        "lang": current_language(),
        "rtl": is_rtl(),
        "case": case,
        "ready": validation.playable(case),  # content with errors (imported OLX): no form, a notice
        "narrative": sanitized(case.narrative),
        "sections": [{"title": s.title, "html": sanitized(s.html)} for s in case.sections],
        "documents": documents,
        "documents_html": documents_html.items_html(documents, dom, _, own),
        "images": list(case.shown_images()),
        "large_files": any(d["large"] for d in documents),
        "questions": case.questions,
        "questions_html": questions_html(words, case.questions, current, dom,
                                         locked=state.submitted or bool(read_only), lang=own),
        "locked": state.submitted or bool(read_only),
        "read_only": read_only,
        # answers kept (a draft, or those of the attempt before "Try again"), back in the form: said, not
        # only shown (keyboard trial s39); answers to questions removed since are not in the form
        "draft_kept": not state.submitted and not read_only and any(state.draft.get(q.id) for q in case.questions),
        "attempts_left": None if closed else left,  # past the due date no count: the notice says why
        "feedback_html": shown["html"] if state.submitted else "",
        "pack_url": block.pack_url(),  # staff only: the printable facilitator pack
        # the profile question's answer the learner gave last (``case.asks_profile``), checked
        "learner_profile": state.learner_profile,
        # staff only: the distribution, split by profile where asked, as CSV (``export.distribution_response``)
        "distribution_csv": block.runtime.handler_url(block, "export_distribution") if staff_csv else "",
        "distribution_excel": block.runtime.handler_url(block, "export_distribution", EXCEL) if staff_csv else "",
        # staff only: why those downloads would be refused (too few respondents), said in their place
        "distribution_refusal": (export.distribution_refusal(case, summary.respondents(block.block_key()), words)
                                 if staff_csv else None),
    }
    return block.page_fragment(page_html(page, words), init_args={
        "submitted": state.submitted,
        # when the draft in the form was saved (ms, 0: none): the answers kept on the device older than it do not
        # replace it, they are offered back (emm-drafts.js `resume`, decision 117)
        "draft_saved": state.draft_saved if not state.submitted and state.draft else 0,
        **recovery.device_keys(block, refusal, kept.submitted),
    })


# ------------------------------------------------------------------ the feedback panel
def distribution(block, case, words):
    """How other participants answered each choice question (``distribution.panel_figures``, which
    says what it holds), or None when the case does not show it: read from the aggregate store here
    (a read, never a write). ``words``: the panel's ``block.translators()``."""
    if not case.show_distribution:
        return None
    respondents, tallies, by_profile = summary.panel_counts(block.block_key(), profiles=case.asks_profile)
    return panel_figures(case, respondents, tallies, by_profile, block.is_staff(), words)


def shown_feedback(block, case, data, read_only="", lang=None, state=None):
    """The feedback ``data`` as the learner may see it, with the distribution and the panel's
    HTML (server-rendered, escaped, author HTML sanitised). The platform may hide more than the
    author's ``show_answers`` does: its ``show_correctness`` (``xmodule/graders.py``) hides
    correctness, and with it the answers; its ``showanswer="never"`` (``xmodule/capa_block.py``,
    ``answer_available``) hides the answers. ``read_only``: why no button may act (the page);
    ``lang``: the author's language attribute, if the page worked it out (``block.author_lang``);
    ``state``: the learner's state, if the caller has it (the page read it, the action made it)."""
    if not data.get("submitted"):
        return dict(data, html="")
    words = _, ngettext, nums = block.translators()  # the language looked up once for the panel
    state = block.learner_state() if state is None else state
    # the attempts scored once, for both below
    shown, scores, held = block.attempt_grades(case.grade_policy, lambda: attempt_scores(case, state.history))
    if not shown:
        data = feedback.correctness_hidden(data, _)
    elif platform.inherited(block, "showanswer") == platform.SHOWANSWER_NEVER:
        data = feedback.answers_hidden(data)
    data = dict(data, questions=removed_named(data["questions"], _("an option removed since you answered")))
    if held is not None:  # the grade that counts is the one the LMS holds, not the current key's
        data = dict(data, grade=held[0])
    data = feedback.worded(data, nums, _, ngettext, held=held)
    # the written questions whose self-assessment is still to save: it may raise the grade
    pending = () if read_only else tuple((i, q["points"]) for i, q in enumerate(data["questions"], start=1)
                                         if q["status"] == PENDING)
    data = dict(data, distribution=distribution(block, case, words),
                grade_words=grade_words(case, state, scores, words, held, pending, platform.graded(block),
                                        data.get("closed", False)))
    lang = block.author_lang(case) if lang is None else lang
    parts = {"questions_html": question_feedback_html(_, block.dom_id(), data, feedback.verdicts(data.get("closed")),
                                                      ngettext=ngettext, number=nums.number, lang=lang,
                                                      locked=bool(read_only)),
             "expert_html": sanitized(data["expert_analysis"]),
             **distribution_parts(words, data["distribution"], lang, block.dom_id())}
    data["html"] = feedback_html.feedback_html(data, parts, read_only, words, lang)
    if read_only:  # what an app or a script reads says no more than the panel offers: a write would be refused
        data.update(needs_assessment=False, can_retry=False)
    return data


def distribution_parts(words, shown, lang="", dom=""):
    """The distribution section's questions and answers kept apart as HTML (``distribution_html``)
    for the panel's template, or ``{}`` when it shows no figures (not shown, or too few answers).
    ``words``: the panel's ``block.translators()``; ``lang``: the author's language attribute;
    ``dom``: the block's id prefix, whose title names each table's region."""
    if not shown or shown["suppressed"]:
        return {}
    return {"distribution_questions_html": distribution_html.questions_html(shown, words, lang, dom),
            "distribution_apart_html": distribution_html.apart_html(shown["apart"], words, lang)}


def grade_words(case, state, scores, words, held=None, pending=(), placed_graded=True, closed=False):
    """Which attempt counts, the counted score beside this one, the warning before a new attempt
    that can lower the grade (``common.attempts.explain``), from the learner's stored attempts'
    ``scores`` (``scoring.attempt_scores``; ``[]`` where correctness is not shown: no score).
    ``words``: the panel's ``block.translators()``; ``held``: ``StoredScoreMixin.held_grade_among``'s (the grade
    the LMS holds, when the current key counts another); ``pending``: ``(number, points)`` of each
    question of the last attempt whose self-assessment the learner may still save. While saving it
    can raise the grade, the last attempt's words say so, not that the grade stays. ``placed_graded``: False
    in a subsection that is not graded (``platform.graded``): no word of a grade, as with weight 0.
    ``closed``: past the due date, no attempt left: the grade stays."""
    _, ngettext, nums = words
    rising = None  # ``explain``'s ``pending``: (n, "3 and 4"), the numbers as a list in the learner's language (CLDR)
    if self_assessment_can_raise(case.grade_policy, scores, [points for _n, points in pending]):
        rising = len(pending), format_list([nums.number(n, 0) for n, _p in pending], locale=locale_of(nums.language))
    return attempts.grade_words(case.grade_policy, scores, case.attempts_allowed, state.attempts, words,
                                lambda s: score_words(s[0], s[1], nums, ngettext), closed=closed, held=held,
                                pending=rising, graded=case.weight > 0 and placed_graded)


def respond_document(block, case, outcome):
    """The answer of ``document_opened``: the document's excerpt (author HTML, sanitised) for the
    page's viewer, nothing for a link."""
    opened = outcome.result
    html = clean_html(case.documents[opened["index"]].excerpt) if opened["via"] == "viewer" else ""
    return {"recorded": True, "html": html}


# what the page's script reads of ``submit``, ``self_assess`` and ``state`` (``emm-case-study.js``:
# ``showFeedback``, ``refresh``), all it gets when it asks ``"reply": "page"`` (``common.pipeline``)
PAGE_READS = ("submitted", "attempts_left", "closed", "announcement", "message", "tone", "html")


def respond(block, case, outcome):
    """The answer of ``submit``, ``self_assess``, ``try_again`` and ``state``: their feedback,
    rendered. A read (``state``, a replay: no state kept) shows no button a write would refuse
    (past the due date, staff viewing as the learner: ``write_refusal``), as the page does."""
    refusal = write_refusal(block) if outcome.state is None else None  # an action that wrote was not refused
    return shown_feedback(block, case, outcome.result, read_only=refusal.message if refusal else "",
                          state=outcome.state)  # the state it keeps


# ------------------------------------------------------------------ authors
def author_view(block):
    case = block.shown_content()
    _ = block.ugettext
    context = {
        "case": case,
        "narrative": sanitized(case.narrative),
        "sections": [{"title": s.title, "html": sanitized(s.html)} for s in case.sections],
        "questions": author_questions(_, case.questions, content.KINDS),
        "expert": sanitized(case.expert_analysis),
        # an unsafe address (javascript:, data:... from imported OLX) is shown as text, never as a link
        "documents": [{"title": d.title, "url": safe_url(d.url), "raw_url": d.url, "size": d.size,
                       "excerpt": sanitized(d.excerpt)} for d in case.documents],
        "problems": listed(validation.validate(case, _), _),
        "author_lang": block.author_lang(case),  # the author's words say their language (decision 56)
        "settings": [*settings_summary(case, content.SETTINGS, _, block.numbers().number),
                     {"name": "max_points", "label": _("Points"), "value": block.numbers().number(case.max_points),
                      "words": False}],
    }
    return block.build_fragment("templates/case_study/author.html", context, init_args={},
                                js="js/emm-case-study.js", js_class="EmmAuthorPreview")


def studio_view(block):
    """The editor: the shared form editor (``emm-form-studio.js``) on this form, from ``editor.to_editor``;
    ``retired_ids``: the ids it does not give a new question, option or profile option (``common.retired``)."""
    _ = block.ugettext
    lists = [
        {"name": "sections", "legend": _("Sections (optional)"), "add": _("Add a section")},
        {"name": "documents", "legend": _("Documents"), "add": _("Add a document")},
        {"name": "images", "legend": _("Images"), "add": _("Add an image")},
        {"name": "questions", "legend": _("Questions"), "add": _("Add a question")},
    ]
    return block.form_editor("templates/case_study/studio.html", ".emm-case-editor", {"lists": lists},
                             kinds={k: _(v) for k, v in content.KINDS.items()}, limits=editor.COUNTED,
                             retired_ids=retired.editor_ids(block.load_content().retired_ids))


# ------------------------------------------------------------------ the mobile apps
def student_view_data(case):
    """The case for the mobile apps: content only. The Blocks API calls it once per course with no
    learner bound (``course_api/blocks/transformers/student_view.py``), so nothing of a learner and
    no translated text. Never which option is correct, feedback, explanations, model answers, key
    points or the expert analysis (they come with the feedback, after a submit). The learner's own
    state comes from the ``student_view_user_state`` handler."""
    return {
        "display_name": case.display_name,
        "content_language": content_language.declared(case),  # the author's texts' language, or ""
        "narrative": clean_html(case.narrative),
        "sections": [{"title": s.title, "html": clean_html(s.html)} for s in case.sections],
        "key_facts": list(case.key_facts),
        # an address outside the allow-list (javascript:, data:...) never reaches the page, even
        # from imported OLX that the editor's validators did not see
        "documents": [{"title": d.title, "url": safe_url(d.url), "size": d.size,
                       "excerpt": clean_html(d.excerpt)} for d in case.documents],
        "images": [{"src": i.src, "alt": i.alt, "caption": i.caption} for i in case.shown_images()],
        "topic": case.topic,
        "estimated_minutes": case.estimated_minutes,
        "questions": [{
            "id": q.id,
            "kind": q.kind,
            "prompt": clean_html(q.prompt),
            "points": q.points,
            "options": [{"id": o.id, "text": o.text} for o in q.options] if q.kind != REFLECTION else [],
            "min_words": q.min_words if q.kind == REFLECTION else None,
            "max_words": q.max_words if q.kind == REFLECTION else None,
        } for q in case.questions],
        "attempts_allowed": case.attempts_allowed,
        "max_score": case.max_points,
        "profile": profile.app_data(case),
    }


def user_state(block, case, state, refusal=None):
    """The learner's state for the apps (``student_view_user_state``): their draft or submitted
    answers, attempts (no retry where ``refusal``, ``pipeline.write_refusal``'s, closes the page;
    past the due date ``attempts_left`` is 0 and the attempt shown is the last submitted one, as
    the page shows it: ``learner.standing``), and -- where the platform's ``show_correctness`` allows -- the submitted
    attempt's score, the one the page shows (the role-play's is the counted attempt's), out of
    ``max_score``; when the current key would count another attempt than the grade the LMS
    holds (``StoredScoreMixin.held_grade_among``), ``score`` and ``max_score`` are that grade, as the page names it, and
    ``grade_held`` says so."""
    closed = platform.is_past_due(block)
    state = learner.standing(case, state, closed)
    correctness, _scores, held = block.attempt_grades(case.grade_policy, lambda: attempt_scores(case, state.history))
    left = attempts_left(case.attempts_allowed, state.attempts, closed)
    score, possible = None, case.max_points
    if state.submitted and correctness:
        if held is not None:
            score, possible = held
        else:
            score = total(case, marks(case, state.answers, state.ticks if state.assessed else None))[0]
    return {
        "submitted": state.submitted,
        "attempts": state.attempts,
        "attempts_left": left,
        "can_retry": refusal is None and state.submitted and (left is None or left > 0),
        "draft": dict(state.draft) if not state.submitted else {},
        "answers": dict(state.answers) if state.submitted else {},
        "assessed": state.assessed,
        "ticks": dict(state.ticks) if state.assessed else {},
        "score": score,
        "max_score": possible,
        "grade_held": held is not None and score is not None,
        "profile": state.learner_profile,
    }
