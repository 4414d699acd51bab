"""How a question is shown to a learner, in every block that asks one (case study, knowledge
check): the form's fieldsets and, after a submit, each question's result.

``questions_html`` and ``question_feedback_html`` render the form and the feedback list (a
question's result is ``common.questions.question_result``). Both are built in Python rather than by a
template loop (ten questions of four options are some 400 template variables, most of a render;
decision 18); the markup is the one the templates wrote, every value escaped as Django's
autoescape escapes it (``django.utils.html.escape`` is ``html.escape``; the content's texts
through ``sanitize.escaped``, once per text and process), every translation escaped
too (a catalogue is text, not markup), author HTML sanitised. ``profile_options_html`` writes the
participant profile question's radio buttons for every block that asks it (case study, role-play,
Likert evaluation).
"""

from html import escape

from django.utils.safestring import mark_safe

from .i18n import current_language, list_separator
from .numbers import number as written
from .questions import INCORRECT, MAX_ANSWER_CHARS, MULTIPLE, REFLECTION, word_limit_frame
from .sanitize import escaped, sanitized
from .spreadsheet import number


# ------------------------------------------------------------------ the form
def _options_html(q, name, chosen, locked, lang):
    """A choice question's options, one radio button or checkbox each."""
    kind = "checkbox" if q.kind == MULTIPLE else "radio"
    disabled = " disabled" if locked else ""
    return "".join(
        f'\n          <label class="emm-option" for="{name}-{j}"><input type="{kind}" id="{name}-{j}" name="{name}"'
        f' value="{escaped(o.id)}"{" checked" if o.id in chosen else ""}{disabled}>'
        f' <span dir="auto"{lang}>{escaped(o.text)}</span></label>\n        '
        for j, o in enumerate(q.options))


def _word_count(q, words, said):
    """The reflection's length hint, as the template's ``{% blocktrans %}`` wrote it (the
    translation escaped, the numbers escaped); ``said``: the form's escaped translations, each
    asked of the catalogue once per form."""
    # the numbers as the page's language writes them, as the word counter beside them does ("1 000"
    # in French, decision 28; bug hunt s43: "1000")
    language = said.get("language") or said.setdefault("language", current_language())
    if not q.max_words and not q.min_words:
        return ""
    key = (q.min_words, q.max_words)  # the noun takes the number's form ("Au moins 1 mot.", hunt s44)
    frame = said.get(key) or said.setdefault(key, escape(word_limit_frame(q, words[1])))
    return frame % {"min": written(q.min_words, language, 0), "max": written(q.max_words, language, 0)}


def author_questions(_, questions, kinds):
    """The questions as an author's preview shows them: ``[{q, prompt, explanation, model_answer
    (author HTML, sanitised), kind (its name from ``kinds``, translated)}]``."""
    return [{"q": q, "prompt": sanitized(q.prompt), "explanation": sanitized(q.explanation),
             "model_answer": sanitized(q.model_answer), "kind": _(kinds.get(q.kind, q.kind))}
            for q in questions]


def questions_html(words, questions, current, dom, locked, lang=""):
    """The form's questions (``fieldset[data-question][data-kind]``), ``current`` (``{question id:
    answer}``) filled in, every control disabled when ``locked``; ``words``: ``(gettext, ngettext,
    ...)`` (``base.translators()``); ``lang``: the author's language attribute
    (``common.content_language.attr``: ``' lang="fr"'`` or ""), on the prompts and the options,
    never on the learner's own text."""
    disabled = " disabled" if locked else ""
    # translated outside the f-strings: xgettext does not read calls inside an f-string's braces
    _ = words[0]
    your_answer, choose_all = escape(_("Your answer")), escape(_("Choose all that apply."))
    dom = escaped(dom)
    said = {}  # the reflections' length hints, translated once per form (_word_count)
    out = []
    for i, q in enumerate(questions):
        name = f"{dom}-q{i}"
        value = current.get(q.id)
        out.append(
            f'\n    <fieldset class="emm-question" data-question="{escaped(q.id)}" data-kind="{escaped(q.kind)}"'
            f' aria-labelledby="{name}-prompt">\n'
            f'      <div class="emm-prompt" id="{name}-prompt"><span class="emm-num">{i + 1}.</span>'
            f' <div dir="auto"{lang}>{sanitized(q.prompt)}</div></div>\n      ')
        if q.kind == REFLECTION:
            text = value if isinstance(value, str) else ""
            out.append(
                f'\n        <label for="{name}-text" class="emm-sr">{your_answer}</label>\n'
                f'        <textarea id="{name}-text" name="{name}" rows="6" dir="auto"'
                f' data-max-chars="{MAX_ANSWER_CHARS}" data-min-words="{q.min_words}" data-max-words="{q.max_words}"'
                f' aria-describedby="{name}-count"'
                f'{disabled}>{escape(text)}</textarea>\n'
                f'        <p class="emm-word-count" id="{name}-count" data-word-count>{_word_count(q, words, said)}'
                '</p>\n      ')
        else:
            chosen = set([value] if isinstance(value, str) else value or [])
            hint = (f'<p class="emm-hint">{choose_all}</p>'
                    if q.kind == MULTIPLE else "")
            out.append(
                f'\n        {hint}\n        <div class="emm-options">\n        '
                f'{_options_html(q, name, chosen, locked, lang)}\n        </div>\n      ')
        out.append(f'\n      <p class="emm-field-error" id="{name}-error" data-error-for="{escaped(q.id)}" hidden></p>'
                   '\n    </fieldset>\n    ')
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped, the prompt sanitised


def profile_options_html(options, chosen, dom, locked, indent, spread=False, lang="", none=""):
    """The participant profile question's radio buttons (``common.profile.Option``s), the one
    ``chosen`` (its id, or "") checked, all disabled when ``locked``; each on a line of its own,
    after ``indent`` (the template's line break and spaces). Every block's page asks it with these
    (case study, role-play, Likert evaluation); ``dom``: the block's DOM id, not yet escaped.
    ``none``: the words of a last radio button, of value "" ("I prefer not to say", translated:
    without it, a keyboard that walked the options with the arrows could not give none back,
    keyboard trial s39), checked when ``chosen`` is ""; not written when ``none`` is "".

    ``spread``: each tag on a line of its own, as the Likert's page writes it (its template's
    layout, kept to the byte): the radio button and the text at ``indent`` and two spaces more,
    ``</label>`` at ``indent``, and ``indent`` again after it. ``lang``: the options' language
    (``common.content_language.attr``: ``' lang="fr"'`` or "")."""
    dom = escape(dom)
    disabled = " disabled" if locked else ""
    inner = indent + "  "
    opened, between, closed = (inner, inner, f"{indent}</label>{indent}") if spread else ("", " ", "</label>")
    buttons = [(o.id, o.text, f' dir="auto"{lang}') for o in options]  # the author's words, in their language
    if none:
        if chosen not in {o.id for o in options}:
            chosen = ""  # an option removed since: none is checked, as a keyboard needs one to be (review s39)
        buttons.append(("", none, ""))  # ours, in the page's language
    return mark_safe("".join(  # noqa: S308 - every value escaped
        f'{indent}<label class="emm-option" for="{dom}-profile-{i}">{opened}<input type="radio"'
        f' id="{dom}-profile-{i}" name="{dom}-profile" value="{escape(oid)}"{" checked" if oid == chosen else ""}'
        f'{disabled}>{between}<span{attrs}>{escape(text)}</span>{closed}'
        for i, (oid, text, attrs) in enumerate(buttons, start=1)))


def profile_question_html(prompt, options, chosen, dom, locked, _, css, indent, spread=False, lang=""):
    """The participant profile question as every block's page asks it: a ``fieldset`` of class
    ``css`` (``data-profile``) whose legend is the author's ``prompt`` ("You work for") and
    "(optional)", then a radio button per option and a last one, "I prefer not to say"
    (``profile_options_html``: ``chosen`` checked, all disabled when ``locked``), ``indent``
    spaces deep in the page (its template's layout, kept to the byte). ``spread``: the Likert's
    layout (the options in ``emm-scale emm-profile-options``, each tag on a line of its own, the
    legend named ``<dom>-profile-legend``); else in ``emm-options``. ``dom``: the block's DOM id,
    not yet escaped; ``lang``: the author's language attribute (``' lang="fr"'`` or "")."""
    pad = "\n" + " " * indent
    optional = escape(_("(optional)"))
    buttons = profile_options_html(options, chosen, dom, locked, pad + "    ", spread=spread, lang=lang,
                                   none=_("I prefer not to say"))
    if spread:
        legend, box = f' id="{escape(dom)}-profile-legend"', f'<div class="emm-scale emm-profile-options">{pad}    '
    else:
        legend, box = "", '<div class="emm-options">'
    return mark_safe(  # noqa: S308 - every value escaped
        f'{pad}<fieldset class="{css}" data-profile>{pad}  <legend{legend}><span dir="auto"{lang}>{escape(prompt)}'
        f'</span> <span class="emm-hint">{optional}</span></legend>{pad}  {box}{buttons}{pad}  </div>'
        f'{pad}</fieldset>{pad}')


# ------------------------------------------------------------------ the results
def _missed(q, ngettext, separator, lang):
    """Under a multiple choice answered, the correct options the learner left out, or "" (learner
    trial s38: "Correct answers: A; B; C" above "Your answer: A", "Your answer: C" left the
    learner comparing lists on a phone). ``separator``: the list separator, escaped."""
    if q["kind"] != MULTIPLE or not q["chosen"]:
        return ""
    chosen = {c["id"] for c in q["chosen"]}
    missed = [o for o in q["correct_options"] if o["id"] not in chosen]
    if not missed:
        return ""
    texts = separator.join(f'<bdi{lang}>{escaped(o["text"])}</bdi>' for o in missed)
    said = escape(ngettext("You did not choose this correct answer: {answers}",
                           "You did not choose these correct answers: {answers}", len(missed)))
    return f'<p class="emm-missed-answer">{said.format(answers=texts)}</p>'


def question_feedback_html(_, dom, data, verdicts, *, ngettext, number=number, lang="", locked=False):
    """The feedback list's items (``li.emm-result``) of ``data`` (``questions``: ``question_result``
    items; ``correctness``: verdicts and points may show; ``revealed``: correct answers and model
    answers may show, and, under a multiple choice answered, the correct ones the learner did not
    choose; ``assessed``: the key points are ticked for good). ``verdicts``: ``{status:
    untranslated label}``; ``ngettext``: the learner's plural translator; ``number``: how a number
    is written (the learner's locale: ``common.numbers.Numbers.number``; default ``export.number``,
    a plain decimal point); ``lang``: the author's language attribute, or "" (on the author's texts, never on the
    learner's written answer); ``locked``: no self-assessment may be saved now (``pipeline.write_refusal``: past
    the due date, staff viewing as the learner), its key points' boxes disabled as once it is saved."""
    dom = escape(dom)
    disabled = " disabled" if data.get("assessed") or locked else ""
    points_text, answer_text = escape(_("Points: %(e)s / %(p)s")), escape(_("Your answer: %(t)s"))
    # translated outside the f-strings: xgettext does not read calls inside an f-string's braces
    correct_label, model_label = escape(_("Correct answer:")), escape(_("Model answer"))
    correct_labels = escape(_("Correct answers:"))  # a multiple choice's several (trial s38)
    separator = escape(list_separator(_))
    said = {}  # status (and "key points") -> its escaped translation, asked once per panel
    written = {}  # a number's repr -> its escaped text, written once per panel (one repr, one value)

    def points_of(value):
        text = written.get(key := repr(value))
        if text is None:
            text = written[key] = escape(number(value))
        return text

    out = []
    for q in data["questions"]:
        qid = escaped(q["id"])
        out.append(f'\n  <li class="emm-result emm-{escaped(q["status"])}" data-result="{qid}">\n'
                   f'    <p class="emm-result-head" dir="auto"{lang}><strong>{escaped(q["prompt"])}</strong></p>\n    ')
        if data["correctness"]:
            points = points_text % {"e": points_of(q["earned"] or 0), "p": points_of(q["points"])}
            verdict = said.get(q["status"]) or said.setdefault(
                q["status"], escape(_(verdicts.get(q["status"], verdicts[INCORRECT]))))
            out.append(f'<p class="emm-verdict">{verdict} — {points}</p>')
        out.append("\n    ")
        for c in q["chosen"]:
            mine = answer_text % {"t": f'<bdi{lang}>{escaped(c["text"])}</bdi>'}
            feedback = f' — <span dir="auto"{lang}>{escaped(c["feedback"])}</span>' if c["feedback"] else ""
            out.append(f'<p class="emm-feedback"><span class="emm-chosen">{mine}</span>{feedback}</p>')
        out.append("\n    ")
        if q["kind"] == REFLECTION:
            out.append(f'\n      <blockquote class="emm-your-text" dir="auto">{escape(q["answer_text"])}'
                       '</blockquote>\n      ')
            if q.get("key_points"):
                legend = said.get("key points") or said.setdefault("key points", escape(
                    _("Key points of the expert's answer")))  # once per panel, not per question
                out.append(f'\n      <fieldset class="emm-key-points" data-key-points="{qid}"><legend>{legend}'
                           '</legend>\n        ')
                for kp in q["key_points"]:
                    kid = escaped(kp["id"])
                    out.append(f'<p class="emm-check"><input type="checkbox" id="{dom}-{qid}-{kid}" value="{kid}"'
                               f'{" checked" if kp["ticked"] else ""}{disabled}><label for="{dom}-{qid}-{kid}"'
                               f' dir="auto"{lang}>{escaped(kp["text"])}</label></p>')
                out.append("\n      </fieldset>\n      ")
            out.append("\n    ")
        out.append("\n    ")
        if q["explanation"]:
            out.append(f'<div class="emm-explanation" dir="auto"{lang}>{sanitized(q["explanation"])}</div>')
        out.append("\n    ")
        if data["revealed"]:
            out.append("\n      ")
            if q.get("correct_options"):
                texts = separator.join(f'<bdi{lang}>{escaped(o["text"])}</bdi>' for o in q["correct_options"])
                label = correct_labels if len(q["correct_options"]) > 1 else correct_label
                out.append(f'<p class="emm-correct-answer">{label} {texts}</p>')
                missed = _missed(q, ngettext, separator, lang)
                if missed:
                    out.append(missed)
            out.append("\n      ")
            model = sanitized(q.get("model_answer", ""))
            if model:
                out.append(f'<div class="emm-model-answer"><h5>{model_label}</h5><div dir="auto"{lang}>{model}</div>'
                           '</div>')
            out.append("\n    ")
        out.append("\n  </li>\n")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped, author HTML sanitised
