"""What the Likert block shows (rendering only, never writing): the learner's page, the author's
preview, the Studio editor, the mobile apps' data, and the results panel (``results_json``: its
figures from the aggregate store's summary, and its HTML, ``results_html``)."""

from html import escape

from django.utils.safestring import mark_safe

from ..common import answers_by_day, charts, content_language, platform, profile, recovery, retired, store, summary
from ..common.i18n import current_language, is_rtl
from ..common.pipeline import write_refusal
from ..common.sanitize import clean_html, sanitized
from ..common.settings import settings_summary
from ..common.spreadsheet import EXCEL, excel_link
from ..common.text_filters import isolated
from ..common.validation import listed
from . import comments, content, editor, export, learner, results, results_html, validation
from .page_html import page_html, statements_html


def _answers_on_this_scale(survey, state):
    """The learner's named answers were given on the survey's current scale (else the form shows
    none of them: a point of an earlier scale would be read with another label)."""
    return state.submitted and not survey.anonymous and state.answers_epoch == survey.scale_epoch


def sent_anonymously(block, survey, state):
    """The learner sent this evaluation while it was anonymous (it is named now): their page stays
    locked and a new submission is refused. A read of the store (the anonymous submission's claim)
    only when the state cannot tell it from a named learner who answered nothing
    (``learner.maybe_sent_anonymously``): never on a new learner's or a named one's page."""
    return learner.maybe_sent_anonymously(survey, state) and store.claimed(
        block.block_key(), block.user_key(), learner.ONCE_SLOT)


def student_view(block):
    survey = block.shown_content()  # a default name in the page's language (bug hunt s44)
    # the learner's fields, read once (``learner_state``): a new learner's one, ``submitted``
    # (decision 50: ``State.DEFAULTS_UNLESS``)
    state = block.learner_state()
    words = block.translators()  # the language looked up once for the page
    labels = survey.labels(words[0])
    refusal = write_refusal(block)  # staff viewing as a learner, or past the due date
    sent_anonymously_then = sent_anonymously(block, survey, state)  # answered before it became named
    sent_to_anonymous = state.submitted and survey.anonymous
    locked = sent_to_anonymous or sent_anonymously_then or refusal is not None
    # sent answers the page can neither show back nor change: a confirmation, no form (page_html)
    sent = sent_to_anonymous or sent_anonymously_then
    results_allowed = block.results_allowed(survey, state.submitted)
    author_lang = block.author_lang(survey)  # once per render: "" unless set and not the page's
    page = {
        "dom": block.dom_id(),
        "lang": current_language(),
        "rtl": is_rtl(),
        "survey": survey,
        "intro": sanitized(survey.intro),
        "statements_html": "" if sent else statements_html(
            block.dom_id(), survey, state.answers if _answers_on_this_scale(survey, state) else {}, labels,
            locked, words[0], author_lang),
        "author_lang": author_lang,
        "submitted": state.submitted,
        "locked": locked,
        "sent_to_anonymous": sent_to_anonymous,
        # sent while the evaluation was named (its state keeps what an anonymous one never does)
        "sent_named_to_anonymous": sent_to_anonymous and learner.sent_named(state),
        "sent_anonymously": sent_anonymously_then,
        "comment_text": state.learner_comment if not survey.anonymous else "",
        "profile": state.learner_profile if not survey.anonymous and state.submitted else "",
        "comment_max": content.MAX_COMMENT,
        "is_staff": block.is_staff(),
        "results_allowed": results_allowed,
        "ready": validation.playable(survey),  # content with errors (imported OLX) is never served
        "read_only": refusal.message if refusal else "",
        "scale_changed": (state.submitted and not survey.anonymous and not sent_anonymously_then
                          and not _answers_on_this_scale(survey, state)),
        "pack_url": block.pack_url(),  # staff only: the printable facilitator pack
    }
    frag = block.page_fragment(page_html(page, words), init_args={
        "submitted": state.submitted,
        "locked": locked,
        "total": len(survey.statements),
        **recovery.device_keys(block, refusal, state.submitted),  # past the due date: what the device kept, forgotten
        # the scale the form's points are on: sent back with each submission, kept with the
        # answers on the device (``learner.check_scale``)
        "scale_id": survey.scale_id,
        "results_files": block.added_files("likert-results"),  # with the charts' CSS, loaded when asked for
    })
    if page["is_staff"] and not platform.is_masquerading(block):  # "Show more comments" (likert.comments)
        files = block.added_files(COMMENTS_ADDED)
        for url in files["scripts"]:
            frag.add_javascript_url(url)
    return frag


def author_view(block):
    survey = block.shown_content()
    _ = block.ugettext
    own = block.author_lang(survey)  # the author's words say their language (decision 56)
    # the scale's name and its labels in order ("Agreement, 5 points: Strongly disagree / ... / Strongly agree");
    # a custom scale's labels are the author's words, each in its own direction and language
    labels = [isolated(label, own) if survey.scale == content.CUSTOM else escape(label) for label in survey.labels(_)]
    scale = mark_safe(escape(_("{scale}: {labels}")).format(  # noqa: S308 - every part escaped
        scale=escape(_(content.SCALE_NAMES.get(survey.scale, survey.scale))), labels=" / ".join(labels)))
    context = {
        "survey": survey,
        "author_lang": own,
        "intro": sanitized(survey.intro),
        "settings": settings_summary(survey, content.SETTINGS, _, block.numbers().number, worded={"scale": scale}),
        "problems": listed(validation.validate(survey, _), _),
    }
    return block.build_fragment("templates/likert/author.html", context, init_args={},
                                js="js/emm-likert.js", js_class="EmmAuthorPreview")


def studio_view(block):
    """The editor: the shared form editor (``emm-form-studio.js``) on this form; beside the scale,
    what each preset's labels are ("Strongly disagree / ... / Strongly agree"); ``retired_ids``: the
    ids it does not give a new profile option (``common.retired``)."""
    _ = block.ugettext
    presets = {key: " / ".join(_(label) for label in labels) for key, labels in content.SCALES.items()}
    return block.form_editor("templates/likert/studio.html", ".emm-likert-editor", previews={"scale": presets},
                             limits=editor.COUNTED, retired_ids=retired.editor_ids(block.load_content().retired_ids))


def student_view_data(survey):
    """The evaluation for the mobile apps: content only. The Blocks API calls it once per course
    with no learner bound (``course_api/blocks/transformers/student_view.py``), so nothing of a
    learner and no translated text: a preset scale is named by its key (``agree5``) and its
    number of points; a custom scale's labels are the author's; ``scale_id``, the scale's identity
    (``Survey.scale_id``), which an app sends back with a submission (refused with 409
    ``scale_changed`` once the scale changed: ``learner.check_scale``). The learner's own state
    comes from the ``student_view_user_state`` handler."""
    return {
        "display_name": survey.display_name,
        "content_language": content_language.declared(survey),  # the author's texts' language, or ""
        "intro": clean_html(survey.intro),
        "scale": survey.scale,
        "points": survey.points,
        "custom_labels": list(survey.custom_labels) if survey.scale == content.CUSTOM else [],
        "scale_id": survey.scale_id,
        "allow_na": survey.allow_na,
        "statements": [{"id": s.id, "text": s.text, "required": s.required} for s in survey.statements],
        "comment_box": survey.comment_box,
        "comment_prompt": survey.comment_prompt,
        "anonymous": survey.anonymous,
        "profile": profile.app_data(survey),
    }


def user_state(block, survey, state, refusal=None):
    """The learner's state for the apps: what they answered (named surveys only) and what they may
    do (``refusal``: ``pipeline.write_refusal``'s, which closes the form as the page does)."""
    named = not survey.anonymous
    if sent_anonymously(block, survey, state):  # sent while it was anonymous: nothing of theirs to change
        return {"submitted": True, "answers": {}, "comment": "", "profile": "", "can_submit": False}
    return {
        "submitted": state.submitted,
        "answers": dict(state.answers) if named and state.answers_epoch == survey.scale_epoch else {},
        "comment": state.learner_comment if named else "",
        "profile": state.learner_profile if named else "",
        "can_submit": refusal is None and not (state.submitted and survey.anonymous),
    }



def respond(block, survey, outcome):
    """The answer of ``submit`` (and, through ``respond_state``, of ``state``): the action's result
    and whether the learner may open the results panel, from the content and the new state the
    request holds (on a key-value store each field read is a query). No text (decision 59): with
    ``can_change`` false the page shows the confirmation the server wrote beside the form
    (``page_html._sent_html``), the one a reload shows in its place."""
    submitted = (outcome.state or block.learner_state()).submitted  # the read the handler made
    return {**outcome.result, "results_available": block.results_allowed(survey, submitted)}


def respond_state(block, survey, outcome):
    """The answer of ``state`` (``learner.current``, read-only): ``respond``'s, locked for a learner
    who sent the evaluation while it was anonymous (``sent_anonymously``); ``can_change`` false where a
    submission would be refused now (``pipeline.write_refusal``: past the due date, staff viewing as
    the learner), as the page's form is closed then (decision 93)."""
    result = respond(block, survey, outcome)
    if sent_anonymously(block, survey, block.learner_state()):
        result.update(can_change=False, locked=True)
    elif write_refusal(block) is not None:
        result.update(can_change=False)
    return result


# ------------------------------------------------------------------ the results panel
# what the page's script reads of ``get_results`` (``emm-likert.js``), all it gets when it asks
# ``"reply": "page"`` (``common.pipeline.reply_keys``): the panel, rendered
RESULTS_PAGE_READS = ("html",)
COMMENTS_ADDED = "likert-comments"  # the staff's script of the comments' next pages (``common.assets.ADDED``)


def results_json(block, left_out=None):
    """What the results panel shows: its figures (``results.panel_figures``, from the store's counts
    read here in one statement), nothing at all below the minimum group size, for staff the
    downloads' addresses, the first page of the comments (``comments``) and the answers by day, and
    the panel itself (``html``: ``results_html``, the chart drawn by ``templates/common/chart.html``),
    which the page puts in as it is. ``left_out``: ``(day, common.leave_out.Left)`` just left out (``leave_out_day``),
    which the staff's part then says."""
    survey = block.load_content()
    key = block.block_key()
    # the count, the tallies and (with a profile question) the tallies by profile: one read
    respondents, tallies, by_profile = summary.panel_counts(key, profiles=survey.asks_profile)
    words = block.translators()
    data = results.panel_figures(survey, respondents, tallies, by_profile, words)
    data.update({
        "csv_url": None,  # staff's downloads, each with its Excel variant (``common.spreadsheet.excel``)
        "csv_excel_url": None,
        "codebook_url": None,
        "codebook_excel_url": None,
        "excel_link": None,  # the Excel links' text and title (``common.spreadsheet.excel_link``)
    })
    lang = content_language.tag_for_page(survey.content_language, current_language())
    if lang:  # the author's language, where the page is in another: on the author's words (a
        # custom scale's labels too), never the reader's (common.content_language)
        data.update(lang=lang, custom=survey.scale == content.CUSTOM)
    data["staff"] = block.is_staff()  # staff read every figure at once; a learner's tables fold (results_html)
    if data["staff"]:
        _staff_extras(block, survey, data, words, tallies)
        data.update(answers_by_day.days_data(block, words, left_out))
    data["html"] = _panel(block, survey, data, words)
    return data


def _staff_extras(block, survey, data, words, tallies):
    """The staff's downloads (each with its Excel variant) and the comments' first page, added to ``data``: a
    download its handler would refuse (``export.responses_refusal``, ``export.profile_refusal``) is
    not offered, and the panel says why in its place (``csv_refused``, ``profile_csv_refused``: the
    handler's answer, ``{"error", "message"}``)."""
    url = block.runtime.handler_url
    # what each column of the responses CSV holds: no answer in it, offered before any
    data.update(codebook_url=url(block, "export_codebook"), codebook_excel_url=url(block, "export_codebook", EXCEL),
                excel_link=excel_link(words[2].language, words[0]))  # its words, naming its separator
    refused = export.responses_refusal(survey, data["respondents"], words)
    if refused is not None:
        data["csv_refused"] = refused.body()
    else:
        data.update(csv_url=url(block, "export_csv"), csv_excel_url=url(block, "export_csv", EXCEL))
    if survey.asks_profile:
        refused = export.profile_refusal(survey, data["respondents"], words)
        if refused is not None:
            data["profile_csv_refused"] = refused.body()
        else:
            data.update(profile_csv_url=url(block, "export_profile_csv"),
                        profile_csv_excel_url=url(block, "export_profile_csv", EXCEL))
    # the first page of the comments, and where it stopped: the next ones are asked for (``comments``)
    if comments.refusal(survey, data["respondents"], words) is None:
        # none the responses CSV withholds (``comments.withheld``)
        left_out = comments.withheld(survey, block.block_key(), tallies)
        data.update(comments.first_page(block.block_key(), left_out), comments_url=url(block, "comments_page"))


def _panel(block, survey, data, words):
    """The panel's HTML (``results_html``), its chart drawn by ``templates/common/chart.html``; the
    author's words marked with their language where the page is in another (``block.author_lang``),
    a custom scale's labels too."""
    lang = block.author_lang(survey)
    labels_lang = lang if survey.scale == content.CUSTOM else ""
    chart = ""
    if not data["suppressed"]:
        chart = block.render_template("templates/common/chart.html", {"chart": charts.diverging(
            data["labels"], results_html.chart_rows(data, words, lang), words[0], labels_lang,
            as_worded=not data.get("staff"))})
    return results_html.panel_html(data, chart, words, lang, labels_lang, block.dom_id())


