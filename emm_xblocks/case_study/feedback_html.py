"""The case study's feedback panel (the learner's own scored attempt), rendered in Python
(decisions 18 and 40).

``feedback_html`` writes the panel (the template ``templates/case_study/results.html`` did until
decision 40 replaced it; the template is gone, its msgids stay): the heading, the score and the
attempts left, the grade's words, the self-assessment notice and button (where a write would be refused, why
none is offered: decision 93), the results' list, the distribution's frame, the expert analysis and "Try
again". Every value escaped with ``html.escape``
(what Django's autoescape calls), every translation escaped too (decision 18: a catalogue is text),
a ``{% blocktrans %}`` text as its translation with its values escaped; the HTML parts (the results'
list, the distribution's questions and answers kept apart, the sanitised expert analysis) as they
come.
"""

from html import escape

from django.utils.safestring import mark_safe

from ..common.grade_html import grade_html


def feedback_html(data, parts, read_only, words, lang=""):
    """The panel of ``data`` (``views.shown_feedback``'s feedback: ``message``, ``attempts_left``, ``closed``,
    ``grade_words``, ``needs_assessment``, ``distribution``, ``revealed``, ``expert_analysis``,
    ``can_retry``); ``parts``: its HTML (``questions_html``, ``expert_html`` and, when the
    distribution shows figures, ``distribution_questions_html`` and ``distribution_apart_html``);
    ``read_only``: why no button may act ("" when they may); ``words``: the panel's
    ``block.translators()``; ``lang``: the author's language attribute, or "" (``common.content_language``)."""
    _, ungettext, nums = words  # named as xgettext's keywords are (scripts/i18n.py)
    grade = data["grade_words"]
    left = data.get("attempts_left")
    acts = not read_only
    # translated outside the f-strings: xgettext does not read calls inside an f-string's braces
    heading = escape(_("Your results"))
    out = [f'<h4 class="emm-results-heading" tabindex="-1" data-focus>{heading}</h4>\n'
           f'<p class="emm-score">{escape(data["message"])}']
    if left is not None and not data.get("closed"):  # past the due date: no count, the page's notice says why
        attempts = escape(ungettext("%(n)s attempt left.", "%(n)s attempts left.", left))
        out.append(" " + attempts % {"n": escape(nums.number(left, 0))})
    out.append(f'</p>\n{grade_html(grade, "emm-grade")}\n')
    waiting = data["needs_assessment"]
    closed = waiting and data.get("closed")  # past the due date: ``self_assess`` is refused, none is asked for
    if closed:
        notice = escape(_("The due date has passed: your self-assessment can no longer be saved. The key points "
                          "are below for you to compare with your written answers."))
        out.append(f'<p class="emm-notice" data-assess-closed>{notice}</p>')
    elif waiting:
        notice = escape(_("Compare your written answers with the key points below, tick the ones your answer "
                          "covered, then save your self-assessment: it gives the points of those questions."))
        out.append(f'<p class="emm-notice">{notice}</p>')
    out.append(f'\n<ol class="emm-result-list">\n{parts["questions_html"]}\n</ol>\n')
    if waiting and acts:
        save = escape(_("Save my self-assessment"))
        out.append(f'<div class="emm-actions"><button type="button" class="emm-button emm-primary" data-assess>'
                   f'{save}</button></div>')
    elif waiting and not closed:  # staff viewing as the learner, Studio's preview: why there is no button
        out.append(f'<p class="emm-notice" data-assess-closed>{escape(read_only)}</p>')
    out.append("\n")
    shown = data.get("distribution")
    if shown:
        heading = escape(_("How other participants answered"))
        out.append(f'\n<section class="emm-distribution"><h4>{heading}</h4>\n  ')
        if shown["suppressed"]:
            wait = escape(_("Shown once enough participants have answered."))
            out.append(f'<p class="emm-notice">{wait}</p>')
        else:
            out.append(f'\n  {parts["distribution_questions_html"]}\n  {parts["distribution_apart_html"]}\n  ')
        out.append("\n</section>\n")
    out.append("\n")
    if data["revealed"] and data["expert_analysis"]:
        heading = escape(_("Expert analysis"))
        out.append(f'<section class="emm-expert"><h4>{heading}</h4><div dir="auto"{lang}>{parts["expert_html"]}</div>'
                   '</section>')
    out.append("\n")
    if data["can_retry"] and acts:
        if grade["retry_warning"]:
            out.append(f'<p class="emm-notice emm-retry-warning" data-retry-warning>{escape(grade["retry_warning"])}'
                       '</p>')
        again = escape(_("Try again"))
        out.append(f'<div class="emm-actions"><button type="button" class="emm-button" data-retry'
                   f' data-confirm="{escape(grade["retry_confirm"])}">{again}</button></div>')
    out.append("\n")
    return mark_safe("".join(out))  # noqa: S308 - every value and every translation escaped, HTML parts as built
