"""The case study's learner page, written in Python (decisions 18, 40 and 45).

``page_html(page, words)`` writes the page (the template ``templates/case_study/student.html`` did
until decision 45 replaced it, byte for byte in every language we ship; the template is gone,
``bench/same_output.py`` shows that a change alters no byte of a page): the title, topic and time,
the low-data switch, the case (narrative, key facts, sections, images, documents; the images of the
author's text held back as the case's own are, ``_images_held``), the empty notice
or the form (the read-only notice, the questions, the profile question, the buttons, the attempts
left), the status line, the learner's feedback (``feedback_html``'s, ready), the staff's CSV and
pack links. ``views.student_view`` still decides everything shown; this module only writes it.

Every value is escaped with ``html.escape`` (what Django's autoescape calls on text) and so is
every translation (decision 18: a catalogue is text; escaping the ones we ship changes no byte,
none holds ``&<>"'``); author HTML comes sanitised (``common.sanitize.sanitized``) and the parts
written elsewhere (``questions_html``, ``documents_html``, ``feedback_html``) come
ready, all written as they are. The msgids are the template's (a ``{% blocktrans %}``'s
``{{ n }}`` is ``%(n)s``, filled with the escaped number): no new string to translate. The line
breaks and indents are the template's, so that the page is the same to the byte.
"""

import itertools
import re
from html import escape

from django.utils.safestring import mark_safe

from ..common.downloads import links_html
from ..common.pack import pack_link_html
from ..common.question_views import profile_question_html
from ..common.spreadsheet import excel_link
from ..common.waiting import disabled_until_ready, note_html
from .content import REFLECTION
from .learner import NOT_READY


def page_html(page, words):
    """The learner's page, safe for a fragment. ``page``: ``views.student_view``'s values (``dom``, ``lang``,
    ``rtl``, ``case``, ``ready`` (``validation.playable``: else a notice, no form), ``narrative`` (sanitised),
    ``sections`` (``title``, sanitised ``html``), ``documents`` and ``documents_html``, ``images``,
    ``large_files``, ``questions``, ``questions_html``, ``locked``, ``read_only`` ("" or why nothing is saved),
    ``attempts_left`` (None: no count, no limit or past the due date), ``feedback_html``, ``learner_profile``
    (the profile option the learner gave last, checked), ``distribution_csv``, ``distribution_excel`` (its Excel
    variant, ``common.spreadsheet.excel``), ``distribution_refusal`` (``export.distribution_refusal``: why their
    handler would refuse them, said in their place; None or missing: offered), ``pack_url`` ("" but for staff) and
    ``author_lang`` (``' lang="fr"'`` on the elements of the author's text, or "": ``common.content_language``));
    ``words``: the block's ``translators()``."""
    _, ungettext, nums = words  # named as xgettext's keywords are (scripts/i18n.py)
    case = page["case"]
    dom = escape(page["dom"])
    own = page.get("author_lang", "")  # the author's words: in their own direction, and their language
    meta = ""
    if case.topic or case.estimated_minutes:
        topic = f'<span dir="auto"{own}>{escape(case.topic)}</span>' if case.topic else ""
        minutes = ""
        if case.estimated_minutes:
            about = escape(ungettext("About %(n)s minute", "About %(n)s minutes", case.estimated_minutes)) % {
                "n": escape(nums.number(case.estimated_minutes, 0))}
            minutes = f" <span>{about}</span>"
        meta = f'<p class="emm-case-meta">{topic}{minutes}</p>'
    ids = itertools.count(1)  # the author's images held back, numbered across the narrative and the sections
    narrative = _images_held(page["narrative"], dom, _, own, ids)
    sections = [{"title": s["title"], "html": _images_held(s["html"], dom, _, own, ids)} for s in page["sections"]]
    low_data = ""
    if page["images"] or page["large_files"] or next(ids) > 1:  # next(ids) > 1: the author's text has images
        ask = escape(_("Low data mode: images and large files only when you ask"))
        low_data = (f'<p class="emm-check emm-low-data"><input type="checkbox" id="{dom}-lowdata" data-low-data>'
                    f'<label for="{dom}-lowdata">{ask}</label></p>')
    if not page["questions"]:
        no_questions = escape(_("This case has no questions yet."))
        form = f'\n    <p class="emm-empty">{no_questions}</p>\n  '
    elif not page["ready"]:  # the refusal a submit would get, said before the learner writes anything
        not_ready = escape(_(NOT_READY))
        form = f'\n    <p class="emm-notice">{not_ready}</p>\n  '
    else:
        form = _form_html(page, case, ungettext, _, nums, own)
    # the panel's region named after the case, then "Your results" (its aria-label, which its own id
    # in aria-labelledby takes): two case studies on a unit's page had two alike (bug hunt s44)
    feedback_label = escape(_("Your results"))
    csv = ""
    if page["distribution_csv"]:
        download = (_("Download how participants answered, by profile (CSV)") if page["case"].asks_profile
                    else _("Download how participants answered (CSV)"))
        refused = page.get("distribution_refusal")  # what the handler would answer: said in the links' place
        # with its Excel variant (common.spreadsheet.excel), its link naming the separator the file has
        links = links_html(page["distribution_csv"], download, page.get("distribution_excel"),
                           excel_link(nums.language, _), mark=" data-distribution-csv",
                           refused=refused and refused.body())
        csv = f'<p class="emm-staff-link">{links}</p>'
    return mark_safe(  # noqa: S308 - every value and every translation escaped, author HTML sanitised
        f'<div class="emm emm-case" id="{dom}" lang="{escape(page["lang"])}" dir="{"rtl" if page["rtl"] else "ltr"}">\n'
        f'  <h3 class="emm-title" id="{dom}-title" dir="auto"{own}>{escape(case.display_name)}</h3>\n'
        f'  {meta}\n'
        f'  {low_data}\n'
        f'  <article class="emm-case-body">\n'
        f'{_case_html(dict(page, narrative=narrative, sections=sections), case, dom, _, own)}'
        f'  </article>\n'
        f'  {form}\n'
        f'  <div class="emm-alert" role="alert" data-alert hidden></div>\n'
        f'  <div class="emm-status" role="status" aria-live="polite" data-status></div>\n'
        f'  <section class="emm-results" id="{dom}-feedback" data-feedback tabindex="-1" aria-label="{feedback_label}"'
        f' aria-labelledby="{dom}-title {dom}-feedback">'
        f'{page["feedback_html"]}</section>\n'
        f'  {csv}\n'
        f'  {pack_link_html(page["pack_url"], _)}\n'
        f'\n</div>\n')


def _case_html(page, case, dom, _, own):
    """The case inside ``<article>``: the narrative, the key facts, the sections, the images (each
    behind its button) and the documents, each of the template's lines with its line break;
    ``own``: the author's language attribute, or "". The key facts and the documents are landmarks
    named after the case first, as the feedback panel is (bug hunt s44)."""
    narrative = f'<div class="emm-narrative" dir="auto"{own}>{page["narrative"]}</div>' if page["narrative"] else ""
    facts = ""
    if case.key_facts:
        key_facts = escape(_("Key facts"))
        items = "".join(f"<li>{escape(fact)}</li>" for fact in case.key_facts)
        facts = (f'\n    <aside class="emm-key-facts" aria-labelledby="{dom}-title {dom}-facts">'
                 f'<h4 id="{dom}-facts">{key_facts}</h4>\n'
                 f'      <ul dir="auto"{own}>{items}</ul></aside>\n    ')  # the author's list: its markers on its side
    sections = "".join(f'<section class="emm-case-section" dir="auto"{own}><h4>{escape(s["title"])}</h4>{s["html"]}'
                       '</section>' for s in page["sections"])
    images = "".join(_image_html(img, _, own) for img in page["images"])
    documents = ""
    if page["documents"]:
        heading = escape(_("Documents"))
        documents = (f'\n    <section class="emm-documents" aria-labelledby="{dom}-title {dom}-docs">'
                     f'<h4 id="{dom}-docs">{heading}</h4>\n'
                     f'      <ul class="emm-doc-list">{page["documents_html"]}\n'
                     f'      </ul>\n'
                     f'    </section>\n    ')
    return (f'    {narrative}\n'
            f'    {facts}\n'
            f'    {sections}\n'
            f'    {images}\n'
            f'    {documents}\n')


def _image_html(img, _, own):
    """An image of the case, loaded when the learner asks (its button says which)."""
    alt = escape(img.alt)
    # the alt in its own direction inside the sentence; the label one span (the button is a flex box)
    show = escape(_("Show image: %(alt)s")) % {"alt": f"<bdi{own}>{alt}</bdi>"}
    caption = f'<figcaption dir="auto"{own}>{escape(img.caption)}</figcaption>' if img.caption else ""
    return (f'\n    <figure class="emm-case-image">\n'
            f'      <img data-src="{escape(img.src)}" alt="{alt}" loading="lazy" decoding="async" hidden>\n'
            f'      <button type="button" class="emm-button" data-show-image><span>{show}</span></button>\n'
            f'      {caption}\n'
            f'    </figure>\n    ')


# a tag of sanitised HTML (common.sanitize.clean_html: every value in "", no raw < > in a value nor in the text)
TAG_RE = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"]|"[^"]*")*)>')
SRC_RE = re.compile(r'\ssrc="([^"]*)"')
ALT_RE = re.compile(r'\salt="([^"]*)"')
LOADING_RE = re.compile(r'\sloading="[^"]*"')


def _images_held(html, dom, _, own, ids):
    """The author's ``html`` (sanitised) with each ``<img>`` held back as the case's own images are: its ``src``
    written ``data-src``, lazy, and a button after it (after the link that holds it, if any: no button inside a
    link) that shows it; the page's script loads them all at once unless low-data mode is on (bug hunt s44: the
    images of the narrative and the sections loaded at every visit, whatever the switch said). Not hidden: until
    loaded, the browser shows its alt text where it stands in the author's text. ``ids``:
    the numbers of the page's held images (their ids, ``<dom>-img<n>``; an image with no alt is named "Image n",
    as the editor names it)."""
    if "<img" not in html:
        return html
    out, after, links, at = [], [], 0, 0
    for tag in TAG_RE.finditer(html):
        closing, name, attrs = tag.group(1), tag.group(2).lower(), tag.group(3)
        out.append(html[at:tag.start()])
        at = tag.end()
        if name != "img" or closing or not SRC_RE.search(attrs):
            out.append(tag.group(0))
            if name == "a":
                links = max(links - 1, 0) if closing else links + 1
        else:
            n = next(ids)
            alt = ALT_RE.search(attrs)
            alt = alt.group(1) if alt and alt.group(1).strip() else escape(_("Image {n}").format(n=n))
            held = LOADING_RE.sub("", SRC_RE.sub(lambda m: f' data-src="{m.group(1)}"', attrs, count=1))
            out.append(f'<img id="{dom}-img{n}"{held} loading="lazy" decoding="async">')
            show = escape(_("Show image: %(alt)s")) % {"alt": f"<bdi{own}>{alt}</bdi>"}
            after.append(f'<button type="button" class="emm-button" data-show-image="{dom}-img{n}">'
                         f'<span>{show}</span></button>')
        if after and not links:
            out.extend(after)
            after = []
    out.append(html[at:])
    out.extend(after)
    return "".join(out)


def _form_html(page, case, ungettext, _, nums, own):
    """The form: the read-only notice, the questions, the profile question, the buttons and the
    attempts left (what the template wrote between ``{% else %}`` and ``{% endif %}``); ``own``:
    the author's language attribute, or ""."""
    questions = escape(_("Questions"))
    read_only = ""
    if page["read_only"]:
        read_only = f'<p class="emm-notice" data-read-only>{escape(page["read_only"])}</p>'
    elif page.get("draft_kept"):
        kept = escape(_("Your saved answers are in the form: change what you wish, then submit them."))
        read_only = f'<p class="emm-notice" data-draft-kept>{kept}</p>'
    profile = ""
    if case.asks_profile:  # the learner's last answer checked
        profile = profile_question_html(case.profile_prompt, case.profile_options, page["learner_profile"],
                                        page["dom"], page["locked"], _, "emm-question emm-profile", 4, lang=own)
    save = escape(_("Save draft"))
    submit = escape(_("Submit"))
    left = page["attempts_left"]
    attempts = ""
    if left is not None:
        attempts = escape(ungettext("%(n)s attempt left", "%(n)s attempts left", left)) % {
            "n": escape(nums.number(left, 0))}
    waiting = disabled_until_ready(bool(page["read_only"]))  # read-only: disabled for good
    typed = any(q.kind == REFLECTION for q in case.questions)
    wait = "" if page["locked"] else note_html(_, typed=typed)  # nothing to send on a locked form
    return (f'\n  <form class="emm-case-form" method="post" novalidate>\n'
            f'    <h4>{questions}</h4>\n'
            f'    {read_only}\n'
            f'    {page["questions_html"]}\n'
            f'    {profile}\n'
            f'    <div class="emm-actions" data-form-actions{" hidden" if page["locked"] else ""}>\n'
            f'      <button type="button" class="emm-button" data-save{waiting}>{save}</button>\n'
            f'      <button type="submit" class="emm-button emm-primary" data-submit{waiting}>{submit}</button>\n'
            f'    </div>{wait}\n'
            f'    <p class="emm-attempts" data-attempts>{attempts}</p>\n'
            f'  </form>\n  ')
