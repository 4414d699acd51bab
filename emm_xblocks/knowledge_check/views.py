"""What the knowledge-check block shows (rendering only, never writing): the learner's page, the
learner's feedback after the post-test, the staff's pair figures, the author's preview, the
Studio editor, the mobile apps' data.

Before a submit the page holds the prompts and option texts only. After a pre-test it says the
answers are kept, nothing more. After a post-test: the learner's pre- and post-test scores side by
side (the pre-test's read from the store under their pair token), then each question's verdict,
feedback, correct answer and explanation -- as the platform's ``show_correctness`` allows.
Course staff also see the pair's figures (``statistics.figures_of``), above the minimum group size.
"""

from ..common import charts, content_language, course_outline, pair_sums, pairs, platform, recovery, retired
from ..common.attempts import held_grade_words, percent, score_tone, score_words
from ..common.charts import CHART_CSS
from ..common.descriptions import described
from ..common.i18n import default_translated
from ..common.numbers import rounded
from ..common.pipeline import write_refusal
from ..common.question_scoring import score
from ..common.question_views import author_questions, question_feedback_html, questions_html
from ..common.questions import VERDICTS, questions_fingerprint, removed_named
from ..common.sanitize import clean_html, plain_text, sanitized
from ..common.settings import settings_summary
from ..common.validation import listed
from ..common.waiting import disabled_until_ready, note_html
from . import content, editor, learner, scoring, statistics, validation
from .content import POST, PRE


# ------------------------------------------------------------------ the learner's page
def student_view(block):
    check, state = block.shown_content(), block.learner_state()  # a default name in the page's language
    dom = block.dom_id()
    refusal = write_refusal(block)  # staff viewing as a learner, or past the due date
    read_only = refusal.message if refusal else ""
    # a pre-test closed by its post-test, taken first (decision 70): its notice in place of the form
    closed = not read_only and not state.submitted and block.pre_test_closed()
    # a test whose pair key and phase another test holds the learner's result at (a Studio
    # "Duplicate" left at the original's phase, decision 106): said in place of a form the server
    # would refuse, as answered (decision 93)
    elsewhere = answered_elsewhere(block) if not (read_only or closed or state.submitted) else None
    notice = elsewhere or (block.ugettext(learner.PRE_AFTER_POST) if closed else "")
    closed = closed or bool(elsewhere)
    locked = state.submitted or bool(read_only) or closed
    own = block.author_lang(check)  # the author's language on their words: once per render, "" mostly
    context = {
        "dom": dom,
        "author_lang": own,
        "check": check,
        "pre": check.phase == PRE,
        # a post-test taken before the pre-test closes the pre-test: said before the form (learner trial s38)
        "no_pre": not locked and check.phase == POST and block.pre_test_missing(),
        "intro": sanitized(check.intro),
        "questions": check.questions,
        "ready": validation.playable(check),  # content with errors (imported OLX): no form, a notice
        "not_ready": block.ugettext(learner.NOT_READY),
        "closed": notice,
        "questions_html": questions_html(block.translators(), check.questions, state.answers, dom, locked=locked,
                                         lang=own),
        "submitted": state.submitted,
        "locked": locked,
        "read_only": read_only,
        # until the script is ready (common/waiting.py); read-only: disabled for good
        "waiting": disabled_until_ready(bool(read_only)),
        "wait_html": "" if locked else note_html(block.ugettext, typed=False),  # choices only
        "feedback_html": (shown_feedback(block, check, learner.feedback(check, state), own)["html"]
                         if state.submitted else ""),
        "staff_html": staff_panel(block, check, own) if block.is_staff() else "",
        "pack_url": block.pack_url(),  # staff only: the printable facilitator pack
    }
    # the answers in progress are kept on the device under this key until the server has them,
    # then forgotten (``recovery.draft_key``: "" for staff viewing as a learner); a closed pre-test
    # has no form, and its page forgets what the device kept under it (bug hunt s43: answers typed
    # before the post-test was taken stayed on a shared phone for good); past the due date, what it
    # kept was not submitted: said, and forgotten (``recovery.device_keys``'s ``lapsed``)
    frag = block.build_fragment("templates/knowledge_check/student.html", context,
                                init_args={"submitted": state.submitted or bool(elsewhere),
                                           **recovery.device_keys(block, refusal, state.submitted)})
    if context["staff_html"]:
        frag.add_css_url(block.resource_url(CHART_CSS))  # the staff panel's pre/post bars
    if closed:
        # The one effect of a view: a pre-test closed to the learner (or a test they answered under
        # another name) leaves them nothing to do,
        # and completion came only with a submit (the LMS marks none of our blocks complete on
        # view), so the unit and the course stayed short of 100 % for good (bug hunt s43). Not
        # for staff viewing as a learner, nor past the due date (``closed`` is false then).
        block.emit_completion(1.0)
    return frag


def answered_elsewhere(block):
    """What the page says in place of the form when the learner's result at this test's pair key
    and phase was filed by another test of the course (``KnowledgeCheckBlock.answered_in``),
    naming it as its learners last saw it (its description, ``common.descriptions``, written by
    that submit; its default name in this learner's language); "" when it was not."""
    held = block.answered_in()
    if held is None:
        return ""
    name = (described(held) or {}).get("display_name")
    if isinstance(name, str) and name.strip():
        # a test left at its default name is named in the learner's language (``i18n.default_translated``)
        name = default_translated(name.strip(), content.DEFAULT_NAME, block.ugettext)
        return block.ugettext(learner.ANSWERED_AS).format(name=name)
    return block.ugettext(learner.ANSWERED_ELSEWHERE)


# ------------------------------------------------------------------ after a submit
def shown_feedback(block, check, data, lang=None):
    """``data`` (``learner.feedback``) as the learner may see it, with its HTML. After a post-test,
    the pre-test score is read from the store; the platform's ``show_correctness``
    (``xmodule/graders.py``) may withhold scores and verdicts, as for every graded problem.
    ``lang``: the author's language attribute, if the page worked it out (``block.author_lang``)."""
    _ = block.ugettext
    if not data.get("submitted"):
        return dict(data, html="")
    if data["phase"] != POST:
        # once the pair's post-test is taken, the results are there (the pre-test shows none: decision 23)
        taken = pairs.own_result(platform.course_key(block), check.pair, POST, platform.pair_token(block, check.pair),
                                 block.gone_test())
        message = (_("Thank you: your answers are kept. Your results are shown with the post-test: open it to see "
                     "how you did.") if taken is not None else
                   _("Thank you: your answers are kept. You will see your results after the post-test, at the end "
                     "of the training."))
        return dict(data, message=message, announcement=message, html=block.render_template(
            "templates/knowledge_check/kept.html", {"message": message}))
    if not platform.correctness_available(block):
        message = _("Your answers were submitted.")
        return {"submitted": True, "phase": POST, "correctness": False, "message": message,
                "announcement": message, "html": block.render_template(
                    "templates/knowledge_check/kept.html", {"message": message})}
    nums = block.numbers()
    filed = pairs.own_result(platform.course_key(block), check.pair, PRE, platform.pair_token(block, check.pair),
                             block.gone_test())
    pre = filed[:2] if filed is not None else None
    held = held_grade_of(block, check, block.learner_state())
    # the post-test's score as the LMS holds it when the current key would give another (an edit
    # since, staff have not rescored): the score and the gain name the grade, a sentence says why.
    # Only where the grade is the score: a participation grade (or staff's override of it) is no
    # test score, and the table and the gain keep the one the learner made (bug hunt s42)
    post = held if held is not None and check.grading == content.SCORE else (data["score"], data["max_score"])
    scores = {"pre": _score(pre, nums), "post": _score(post, nums), "change": None, "points": 0}
    if pre is not None and filed[2] != questions_fingerprint(check.questions):
        # the pre-test was scored on other questions (an edit since, decision 23): no gain is claimed,
        # as the pair's figures count such a learner apart
        scores["change"] = "changed"
    elif pre is not None:  # the difference of the two percentages shown (rounded as shown, half up)
        gain = scores["post"]["percent"] - scores["pre"]["percent"]
        scores.update(change="up" if gain > 0 else "down" if gain < 0 else "same", points=abs(gain))
    ngettext = block.ungettext
    if held is not None:
        message = score_words(*held, nums, ngettext, _("Your grade: {score}."))
    else:
        message = score_words(*post, nums, ngettext, _("Post-test: {score}."))
    if pre is not None:
        message += " " + score_words(*pre, nums, ngettext, _("Pre-test: {score}."))
    data = dict(data, questions=removed_named(data["questions"], _("an option removed since you answered")))
    items = question_feedback_html(_, block.dom_id(), data, VERDICTS, ngettext=ngettext, number=nums.number,
                                   lang=block.author_lang(check) if lang is None else lang)
    html = block.render_template("templates/knowledge_check/feedback.html",
                                 {"scores": scores, "questions_html": items, "dom": block.dom_id(),
                                  "grade_held_words": held_grade_words(score_words(*held, nums, ngettext), _)
                                  if held else ""})
    return dict(data, scores=scores, message=message, announcement=message, tone=score_tone(post), html=html)


def held_grade_of(block, check, state):
    """The ``(earned, possible)`` the LMS holds for the learner when the current key would give
    another from their stored answers (``StoredScoreMixin.held_grade``), else None: a post-test
    graded by its score after a key change, or any graded one after a staff override
    (participation gives the same whatever the key)."""
    now = scoring.counted_score(check, state) if state.submitted else None
    return block.held_grade(now) if now is not None else None


def _score(pair, nums):
    """``{earned, possible}`` written in the learner's language ("1,5") and ``percent``, a whole
    number rounded half up as the page shows it (``common.numbers.rounded``)."""
    if pair is None:
        return None
    earned, possible = pair
    return {"earned": nums.number(earned), "possible": nums.number(possible),
            "percent": rounded(percent((earned, possible)))}


# what the page's script reads of ``submit`` and ``state`` (``emm-knowledge-check.js``: ``showFeedback``,
# ``refresh``), all it gets when it asks ``"reply": "page"`` (``common.pipeline``)
PAGE_READS = ("submitted", "announcement", "message", "tone", "html")


def respond(block, check, outcome):
    """The answer of ``submit``, of its replay and of ``state`` (``learner.current``): the
    learner's feedback, rendered."""
    return shown_feedback(block, check, outcome.result)


# ------------------------------------------------------------------ staff
def staff_panel(block, check, lang=""):
    """The pair's figures for course staff (aggregates only, suppressed below the minimum group
    size: the highest of the pair's tests', ``statistics.pair_group_size``), the figures the course
    report shows: without the results of a test deleted from the course (``course_outline``), from
    the sums the database adds up (``common.pair_sums``: no learner's result is read);
    ``lang``: the author's language attribute, on the questions' prompts."""
    sums, group = statistics.sums_of([], ()), check.min_group_size
    if check.pair:
        kept, gone = course_outline.described_and_gone(block, "emm_knowledge_check")
        sums = pair_sums.pair_sums(platform.course_key(block), check.pair, (PRE, POST),
                                   [q.id for q in check.questions], leave_out=gone)
        group = statistics.pair_group_size(kept, check.pair, check.min_group_size)
    figures = statistics.figures_of(sums, check.questions, group)
    figures["questions"] = [dict(rates, id=q.id, prompt=plain_text(q.prompt))
                            for q, rates in zip(check.questions, figures["questions"], strict=True)]
    figures["chart"] = charts.pre_post(figures, block.ugettext, block.numbers())
    figures["gain_shown"] = statistics.gain_as_shown(figures)
    figures["lang"] = lang
    return block.render_template("templates/knowledge_check/staff.html",
                                 {"f": figures, "check": check, "dom": block.dom_id()})


# ------------------------------------------------------------------ authors
def author_view(block):
    check = block.shown_content()
    _ = block.ugettext
    context = {
        "check": check,
        "intro": sanitized(check.intro),
        "settings": [*settings_summary(check, content.SETTINGS, _, block.numbers().number),
                     {"name": "max_points", "label": _("Points"), "value": block.numbers().number(check.max_points),
                      "words": False}],
        "questions": author_questions(_, check.questions, content.KINDS),
        "problems": listed(validation.validate(check, _), _),
        "author_lang": block.author_lang(check),  # the author's words say their language (decision 56)
    }
    return block.build_fragment("templates/knowledge_check/author.html", context, init_args={},
                                js="js/emm-knowledge-check.js", js_class="EmmAuthorPreview")


def studio_view(block):
    """The editor: the shared form editor (``emm-form-studio.js``) on this form; ``retired_ids``: the
    ids it does not give a new question or option (``common.retired``)."""
    _ = block.ugettext
    lists = [{"name": "questions", "legend": _("Questions"), "add": _("Add a question")}]
    return block.form_editor("templates/knowledge_check/studio.html", ".emm-kc-editor", {"lists": lists},
                             kinds={k: _(v) for k, v in content.KINDS.items()}, limits=editor.COUNTED,
                             retired_ids=retired.editor_ids(block.load_content().retired_ids))


# ------------------------------------------------------------------ the mobile apps
def student_view_data(check):
    """The check for the mobile apps: content only (called once per course with no learner bound,
    ``course_api/blocks/transformers/student_view.py``): never which option is correct, feedback
    or explanations. The learner's own state comes from ``student_view_user_state``."""
    return {
        "display_name": check.display_name,
        "content_language": content_language.declared(check),  # the author's texts' language, or ""
        "phase": check.phase,
        "pair": check.pair,
        "intro": clean_html(check.intro),
        "questions": [{"id": q.id, "kind": q.kind, "prompt": clean_html(q.prompt), "points": q.points,
                       "options": [{"id": o.id, "text": o.text} for o in q.options]} for q in check.questions],
        "max_score": check.max_points,
    }


def user_state(block, check, state, refusal=None):
    """The learner's state for the apps (``student_view_user_state``): their answers and -- after a
    post-test, where the platform's ``show_correctness`` allows -- their score (never after a
    pre-test); ``closed``: a test not taken that the learner may no longer take: a pre-test closed
    by its post-test (``learner.PRE_AFTER_POST``), one whose pair key and phase the learner answered
    in another test (``answered_elsewhere``), or any while ``refusal`` (``pipeline.write_refusal``'s).
    When the current key would give another grade than the one the LMS holds (``held_grade_of``),
    ``score`` and ``max_score`` are that grade, as the page names it, and ``grade_held`` says so."""
    correctness = platform.correctness_available(block)
    # the grade held stands for the score only where the grade is the score (as on the page)
    held = held_grade_of(block, check, state) if correctness and check.grading == content.SCORE else None
    earned, possible = None, check.max_points if check.phase == POST else None
    if state.submitted and check.phase == POST and correctness:
        earned, possible = held or (score(check, state.answers)[0], possible)
    return {"submitted": state.submitted, "answers": dict(state.answers), "score": earned, "max_score": possible,
            "grade_held": held is not None and earned is not None,
            # a pre-test closed by its post-test, taken first (decision 70): a submit is refused
            # and any test while every write is refused (past a graded test's due date)
            "closed": not state.submitted and (refusal is not None or block.pre_test_closed()
                                               or block.answered_in() is not None)}
