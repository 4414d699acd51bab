"""The feedback panel's "How other participants answered" section, rendered in Python (decision 18).

``questions_html`` writes each choice question's figures (its answer count, its options'
percentages and, with a profile question, its table by profile); ``apart_html`` the answers kept
apart for staff (``perspectives.apart_answers``). ``feedback_html`` writes the section's frame (its
heading, the notice while too few have answered) and puts these two in it.

The markup is the one that template's loops wrote (the msgids are the template's): every value
escaped with ``html.escape`` (what Django's autoescape calls; the content's texts through
``sanitize.escaped``, once per text), and every translation escaped too, as the rest of the
panel's (decision 18: a catalogue is text). ``words``: the panel's ``block.translators()``,
``(gettext, ngettext, numbers)``, as every panel renderer takes them.
"""

from html import escape

from django.utils.safestring import mark_safe

from ..common.content_language import wrapped
from ..common.profile import NOT_SAID
from ..common.sanitize import escaped


def questions_html(distribution, words, lang="", dom=""):
    """Each question of ``distribution["questions"]`` (``distribution.panel_figures``'s shape), in order.
    Each text of the section is asked of the catalogue once (not once per question): the frames,
    and each answer count's sentence. ``lang``: the author's language attribute, or ""
    (``common.content_language``): on the author's texts (a prompt or an option inside the
    reader's sentence in a ``<span>`` of its own), never on the reader's words. ``dom``: the block's
    id prefix (``block.dom_id()``): a table's region is named after the block's title
    (``<dom>-title``), then its caption (``<dom>-dist<n>``), so two case studies on a unit's page
    name theirs apart (bug hunt s44)."""
    _, ungettext, nums = words
    questions = distribution["questions"]
    words = _Words(_, ungettext, nums.number, escape(distribution["profile_prompt"]),
                   any(dq["profiles"] for dq in questions), lang, escape(dom))
    out = "".join(_question_html(dq, words) for dq in questions)
    return mark_safe(out)  # noqa: S308 - every value and every translation escaped


class _Words:
    """The section's translations, escaped, asked once per panel: ``title`` and ``label`` (the
    question's and its table's frames: ``% {"n", "prompt"}``), ``share`` (an option's line:
    ``.format(option, percent)``, "Ex : 75 %" in French), ``too_few`` (a withheld group's
    cell), ``answered(n)``; ``profile_prompt``: escaped; ``lang``: the author's language attribute,
    or ""; ``dom``: the block's id prefix, escaped. The table's words only when a question has a
    table (``tables``)."""

    def __init__(self, _, ungettext, number, profile_prompt, tables, lang, dom):
        self.ungettext, self.number, self.profile_prompt, self.counts = ungettext, number, profile_prompt, {}
        self.lang, self.dom = lang, dom
        self.title = escape(_("Question %(n)s: %(prompt)s"))
        # an option and the share of participants who chose it ("{percent}": "63 %", the server's CLDR figure)
        self.share = escape(_("{option}: {percent}"))
        if tables:
            self.label = escape(_("Question %(n)s by profile: %(prompt)s"))
            # translated outside the f-string: xgettext does not read calls inside an f-string's braces
            self.too_few = escape(_("withheld: too few answers"))
            self.not_shown = escape(_("not shown"))  # withheld to protect a group that has too few

    def answered(self, n):
        """"12 participants answered", the plural CLDR gives ``n``."""
        text = self.counts.get(n)
        if text is None:
            text = self.counts[n] = escape(self.ungettext(
                "%(n)s participant answered", "%(n)s participants answered", n)) % {"n": escape(self.number(n, 0))}
        return text


def _question_html(dq, words):
    """One question: its number and prompt, how many answered, its options' percentages, then its
    table by profile where there is one."""
    lang = words.lang
    title = words.title % {"n": dq["number"], "prompt": wrapped(escaped(dq["prompt"]), lang)}
    share = words.share.format
    options = "".join(f'<li>{share(option=wrapped(escaped(o["text"]), lang), percent=escaped(o["percent_text"]))}</li>'
                      for o in dq["options"])
    profiles = _profiles_html(dq, words) if dq["profiles"] else ""
    return (f'<h5 class="emm-dist-question" dir="auto">{title}</h5>\n'
            f'  <p class="emm-dist-n">{words.answered(dq["n"])}</p>\n'
            f'  <ul class="emm-dist" dir="auto">{options}</ul>\n'
            f'  {profiles}')


def _profiles_html(dq, words):
    """Question ``dq``'s answers by profile: a table, a row per group (``distribution._PanelGroups.groups``),
    a withheld group's row saying so."""
    profile_prompt, lang = words.profile_prompt, words.lang
    caption = words.label % {"n": dq["number"], "prompt": wrapped(profile_prompt, lang)}
    caption_id = f'{words.dom}-dist{int(dq["number"])}'  # after the case's title, its region's name
    heads = "".join(f'<th scope="col" dir="auto"{lang}>{escaped(o["text"])}</th>' for o in dq["options"])
    span = len(dq["options"])
    withheld = {True: f'<td colspan="{span}" data-withheld>{words.too_few}</td>',
                False: f'<td colspan="{span}" data-withheld>{words.not_shown}</td>'}
    rows = "".join(_profile_row_html(g, withheld, lang) for g in dq["profiles"])
    return (f'\n  <div class="emm-table-wrap" role="region" tabindex="0"'
            f' aria-labelledby="{words.dom}-title {caption_id}" data-dist-profiles="{escaped(dq["id"])}">\n'
            f'    <table class="emm-table emm-dist-profiles">'
            f'<caption id="{caption_id}" dir="auto">{caption}</caption>\n'
            f'      <thead><tr><th scope="col" dir="auto"{lang}>{profile_prompt}</th>{heads}</tr></thead>\n'
            f'      <tbody>{rows}</tbody>\n'
            f'    </table>\n'
            f'  </div>')


def _profile_row_html(g, withheld, lang):
    """One profile group's row: its name (an option's: the author's; "Did not say": the reader's)
    and size, then its percentages, or why it is withheld (``withheld[small]``: too few answers,
    or not shown to protect a group that has too few)."""
    size = f' <small>{escaped(g["n_text"])}</small>' if g["shown"] else ""
    cells = "".join(f"<td>{escaped(p)}</td>" for p in g["percents"]) if g["shown"] else withheld[g["small"]]
    own = lang if g["key"] != NOT_SAID else ""
    return (f'<tr data-profile-group="{escaped(g["key"])}"><th scope="row"><span dir="auto"{own}>'
            f'{escaped(g["name"])}</span>{size}</th>\n        {cells}</tr>')


def apart_html(sections, words, lang=""):
    """The answers kept apart (``perspectives.apart_answers``: shown to staff only), a section per kind;
    ``lang``: the author's language attribute, or "", on each removed question's or option's text."""
    _, _ungettext, nums = words
    number = nums.number
    if not sections:  # a learner's panel, or nothing removed: no hint to translate
        return mark_safe("")
    hint = escape(_("Shown to course staff only: answers kept under ids the case no longer has, or given "
                    "before their question's kind changed. No figure above counts them."))
    # a removed question or option and the answers kept under it ("{answers}": "oui (3), non (1)")
    frame = escape(_("{question}: {answers}"))
    out = "".join(
        f'<section class="emm-apart" data-apart><h5>{escape(section["title"])}</h5>\n'
        f'  <p class="emm-hint">{hint}</p>\n'
        f'  <ul class="emm-dist">{"".join(_apart_row_html(r, number, lang, frame) for r in section["rows"])}'
        '</ul></section>'
        for section in sections)
    return mark_safe(out)  # noqa: S308 - every value and every translation escaped


def _apart_row_html(row, number, lang, frame):
    """A removed question or option's row: its text, then each stored answer and its count, in the
    language's frame (``frame``: the escaped ``"{question}: {answers}"``, "… : …" in French)."""
    answers = ", ".join(f'<span dir="auto">{escape(a["value"])}</span> ({escape(number(a["count"], 0))})'
                        for a in row["answers"])
    return "<li>" + frame.format(question=f'<span dir="auto"{lang}>{escape(row["text"])}</span>',
                                 answers=answers) + "</li>"
