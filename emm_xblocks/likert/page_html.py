"""The Likert evaluation's learner page, written in Python (decisions 18, 39 and 45).

``page_html(page, words)`` writes the page (the template ``templates/likert/student.html`` did until
decision 45 replaced it, byte for byte in every language we ship; the template is gone,
``bench/same_output.py`` shows that a change alters no byte of a page): the title and intro, the
empty or not-ready notice or the form (the read-only and scale-changed notices, the anonymity
notice, the count of statements, the profile question, the statements, the comment box, the submit
button), the status line, the results' section and the staff's link to the facilitator pack.
``views.student_view`` still decides everything shown; this module only writes it. A learner
whose answers the page can neither show back nor change (sent to an anonymous evaluation, or while
it was anonymous, or named before it became anonymous: ``sent_to_anonymous``, ``sent_anonymously``) is shown
a confirmation in place of the form (``_sent_html``); an anonymous evaluation's form has the same
confirmation beside it, hidden, which the script shows once the submission is kept.

Every value is escaped with ``html.escape`` (what Django's autoescape calls on text) and so is
every translation (decision 18: a catalogue is text; escaping the ones we ship changes no byte,
none holds ``&<>"'``); author HTML comes sanitised (``common.sanitize.sanitized``) and the
statements' HTML ready (``statements_html``), both written as they are. The msgids are the
template's (a ``{% blocktrans %}``'s ``{{ total }}`` is ``%(total)s``, filled with the escaped
number), but for the confirmation's second sentence, added since. The line breaks and indents are
the template's, so that the page was the same to the byte.
"""

from html import escape

from django.utils.safestring import mark_safe

from ..common.pack import pack_link_html
from ..common.question_views import profile_question_html
from ..common.waiting import disabled_until_ready, note_html
from .content import CUSTOM, NA, RESULTS_LEARNERS
from .learner import NOT_READY, sent_anonymously_message


def page_html(page, words):
    """The learner's page, safe for a fragment. ``page``: ``views.student_view``'s values (``dom``,
    ``lang``, ``rtl``, ``survey``, ``intro`` (sanitised), ``statements_html``, ``ready``,
    ``submitted``, ``locked``, ``sent_to_anonymous`` (sent to this anonymous evaluation), ``sent_named_to_anonymous``
    (sent named before it became anonymous), ``comment_text``, ``profile``, ``comment_max``,
    ``is_staff``, ``results_allowed``, ``sent_anonymously`` (answered while it was anonymous),
    ``read_only`` ("" or why nothing is saved),
    ``scale_changed``, ``pack_url`` ("" but for staff), ``author_lang`` (``' lang="fr"'`` on the
    elements of the author's text, or "": ``common.content_language``)); ``words``: the block's
    ``translators()``."""
    _ = words[0]  # named as xgettext's keyword is (scripts/i18n.py)
    survey = page["survey"]
    dom = escape(page["dom"])
    own = page.get("author_lang", "")  # the author's words: in their own direction, and their language
    intro = f'<div class="emm-intro" dir="auto"{own}>{page["intro"]}</div>' if page["intro"] else ""
    if not survey.statements:
        empty = escape(_("This evaluation has no statements yet."))
        body = f'\n    <p class="emm-empty">{empty}</p>\n  '
    elif not page["ready"]:
        not_ready = escape(_(NOT_READY))
        body = f'\n    <p class="emm-notice">{not_ready}</p>\n  '
    elif page["sent_to_anonymous"] or page.get("sent_anonymously"):  # nothing of theirs to show or change
        body = _sent_html(page, survey, _)
    else:
        body = _form_html(page, survey, dom, words, own)
        if survey.anonymous and not page["read_only"]:  # shown by the script once the answers are kept
            body += _sent_html(page, survey, _, hidden=True)
    status = ""
    if page["submitted"]:
        if page["locked"]:
            status = escape(_("Thank you: your answers were saved."))
        else:
            status = escape(_("Thank you: your answers were saved. You can change them and submit again."))
    results = ""
    # drawn for whoever may open the results now (``results.allowed``) and, hidden, for a learner
    # who will once they submit: the page then unhides it without asking the server again
    if page["results_allowed"] or page["is_staff"] or survey.results == RESULTS_LEARNERS:
        show = escape(_("Show results"))
        results = (f'\n  <section class="emm-results" data-results-section'
                   f'{"" if page["results_allowed"] else " hidden"}>\n'
                   f'    <button type="button" class="emm-button" data-show-results aria-expanded="false">'
                   f'{show}</button>\n'
                   f'    <div data-results data-by-day-host tabindex="-1"></div>\n'
                   f'  </section>\n  ')
    return mark_safe(  # noqa: S308 - every value and every translation escaped, the intro sanitised
        f'<div class="emm emm-likert" id="{dom}" lang="{escape(page["lang"])}"'
        f' dir="{"rtl" if page["rtl"] else "ltr"}">\n'
        f'  <h3 class="emm-title" id="{dom}-title" dir="auto"{own}>{escape(survey.display_name)}</h3>\n'
        f'  {intro}\n'
        f'  {body}\n'
        f'  <div class="emm-alert" role="alert" data-alert hidden></div>\n'
        f'  <div class="emm-status" role="status" aria-live="polite" tabindex="-1" data-status>{status}</div>\n'
        f'  {results}\n'
        f'  {pack_link_html(page["pack_url"], _)}\n'
        f'\n</div>\n')


def _sent_html(page, survey, _, hidden=False):
    """The confirmation shown in place of the form to a learner whose answers the page can neither
    show back nor change: why (``_sent_words``), after the read-only notice if any. ``hidden``:
    written beside an anonymous evaluation's form, for the script to show once the submission is
    kept (``emm-likert.js``, ``lock``), the same words as the page that follows."""
    read_only = ""
    if page["read_only"]:
        read_only = f'\n    <p class="emm-notice" data-read-only>{escape(page["read_only"])}</p>'
    return (f'\n  <div class="emm-likert-sent" data-sent{" hidden" if hidden else ""}>{read_only}\n'
            f'    <p class="emm-notice">{escape(_sent_words(page, survey, _))}</p>\n'
            f'  </div>\n  ')


def _sent_words(page, survey, _):
    """Why the learner's answers are not shown (one or two sentences, translated): sent named
    before the evaluation became anonymous, sent anonymously, or sent while it was anonymous
    (named now, ``learner.sent_anonymously_message``)."""
    if not survey.anonymous:
        return sent_anonymously_message(_)
    if page.get("sent_named_to_anonymous"):
        return _("You answered before this evaluation became anonymous: your answers stay stored with "
                 "your identity, as you sent them, and can no longer be changed.")
    return " ".join((_("Your answers were recorded anonymously."),
                     _("They are not linked to your name, so they cannot be shown to you again or changed.")))


def _form_html(page, survey, dom, words, own):
    """The form: its notices, the count of statements, the profile question, the statements, the
    comment box and the submit button (what the template wrote between ``{% else %}`` and
    ``{% endif %}``, its line breaks included); ``own``: the author's language attribute, or ""."""
    _, ungettext, nums = words  # named as xgettext's keywords are (scripts/i18n.py)
    locked = page["locked"]
    hidden = " hidden" if locked else ""
    disabled = " disabled" if locked else ""
    read_only = ""
    if page["read_only"]:
        read_only = f'<p class="emm-notice" data-read-only>{escape(page["read_only"])}</p>'
    scale_changed = ""
    if page["scale_changed"]:
        changed = escape(_("The answer scale changed since you answered: your earlier answers are kept, "
                           "please answer again on this scale."))
        scale_changed = f'<p class="emm-notice" data-scale-changed>{changed}</p>'
    anonymous = ""
    if survey.anonymous:  # a learner who sent it sees ``_sent_html`` instead of the form
        anon = escape(_("This evaluation is anonymous: your answers are not linked to your name. "
                        "Once you submit, you cannot change them."))
        anonymous = f'\n      <p class="emm-notice" id="{dom}-anon">{anon}</p>\n    '
    total = len(survey.statements)
    count = escape(ungettext("%(total)s statement", "%(total)s statements", total)) % {
        "total": escape(nums.number(total, 0))}
    profile = _profile_html(page, survey, _, own) if survey.asks_profile else ""
    comment = ""
    if survey.comment_box:
        if survey.comment_prompt:  # the author's words, in their own direction
            prompt = f'<span dir="auto"{own}>{escape(survey.comment_prompt)}</span>'
        else:
            prompt = escape(_("Any other comment (optional)"))
        comment = (f'\n    <div class="emm-comment">\n'
                   f'      <label for="{dom}-comment">{prompt}</label>\n'
                   f'      <textarea id="{dom}-comment" name="comment" rows="4" dir="auto"'
                   f' data-max-chars="{page["comment_max"]}"{disabled}>{escape(page["comment_text"])}</textarea>\n'
                   f'    </div>\n    ')
    required = escape(_("Statements marked * are required."))
    submit = escape(_("Update my answers")) if page["submitted"] else escape(_("Submit"))
    wait = "" if locked else note_html(_, typed=survey.comment_box)  # nothing to send on a locked form
    return (f'\n  <form class="emm-likert-form" method="post" novalidate>\n'
            f'    {read_only}\n'
            f'    {scale_changed}\n'
            f'    {anonymous}\n'
            f'    <p class="emm-progress" data-progress{hidden}>{count}</p>\n'
            f'    {profile}\n'
            f'    {page["statements_html"]}\n'
            f'    {comment}\n'
            f'    <p class="emm-required-note">{required}</p>\n'
            f'    <div class="emm-actions">\n'
            f'      <button type="submit" class="emm-button emm-primary" data-submit{hidden}'
            f'{disabled_until_ready(locked)}>{submit}</button>\n'
            f'    </div>{wait}\n'
            f'  </form>\n  ')


def _profile_html(page, survey, _, own):
    """The optional profile question (``common.question_views``, in the Likert's layout), the
    learner's last answer checked."""
    return profile_question_html(survey.profile_prompt, survey.profile_options, page["profile"], page["dom"],
                                 page["locked"], _, "emm-statement emm-profile", 4, spread=True, lang=own)


def statements_html(dom, survey, answers, labels, locked, _, lang=""):
    """The statements' fieldsets, one radio button per point of the scale.

    Built here rather than by a template loop: 8 statements of 6 options are some 300 template
    variables, most of a render's time in Django's template engine (``make bench-speed``). The
    markup is the one the template wrote, one line per element (the learner downloads no blank
    lines), every value escaped as Django's autoescape escapes it
    (``django.utils.html.escape`` is ``html.escape``); the translation of a ``{% trans "..." %}``
    literal is safe for Django; here every translation is escaped too (a catalogue is text).
    ``dom``: the block's ``dom_id()``; ``answers``: ``{statement id: point}`` the form shows checked
    (the views decide which: none of an earlier scale's); ``_``: the block's ``gettext``
    (``translators()``); ``lang``: the author's language where the page declares it
    (``block.author_lang``)."""
    dom = escape(dom)
    disabled = " disabled" if locked else ""
    # a custom scale's labels are the author's words, in their own direction; a preset's translated
    own = f' dir="auto"{lang}' if survey.scale == CUSTOM else ""
    points = [(str(v), escape(label), "", own) for v, label in enumerate(labels, start=1)]
    if survey.allow_na:
        points.append((NA, escape(_("Not applicable")), " emm-option-na", ""))
    required_attr = ' data-required="true"'
    required = escape(_("(required)"))  # outside the f-string: xgettext cannot read it there
    required_mark = f'<span class="emm-req" aria-hidden="true"> *</span><span class="emm-sr"> {required}</span>'
    out = []
    for i, st in enumerate(survey.statements):
        name, sid = f"{dom}-{i}", escape(st.id)
        chosen = str(answers.get(st.id, ""))
        out.append(
            f'\n<fieldset class="emm-statement" data-statement="{sid}"'
            f'{required_attr if st.required else ""}>\n'
            f'<legend id="{name}-legend"><span class="emm-num">{i + 1}.</span>'
            f' <span dir="auto"{lang}>{escape(st.text)}</span>'
            f'{required_mark if st.required else ""}</legend>\n'
            f'<div class="emm-scale" style="--emm-points: {len(labels)}">\n')
        for value, label, na, direction in points:
            out.append(
                f'<label class="emm-option{na}" for="{name}-{value}">'
                f'<input type="radio" id="{name}-{value}" name="{name}" value="{value}"'
                f'{" checked" if chosen == value else ""}{disabled}>'
                f' <span{direction}>{label}</span></label>\n')
        out.append(f'</div>\n<p class="emm-field-error" id="{name}-error" data-error-for="{sid}"'
                   ' hidden></p>\n</fieldset>')
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
