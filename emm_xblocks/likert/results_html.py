"""The Likert results panel, rendered in Python (decision 18), as the case study's "How other
participants answered" (``case_study/distribution_html.py``) and the role-play's panel are:
``panel_html(data, chart, words, lang, labels_lang)`` writes ``results.panel_figures``'s figures
(with the staff's downloads and comments that ``views.results_json`` adds) in the order a reader
takes them: how many answered, the headline, the chart (``chart``: ``templates/common/chart.html``
drawn from ``chart_rows``), the table of every figure (the chart's text alternative), the answers
shown apart, the figures by profile, the comments, then the staff's downloads and their answers
by day, each with its "Leave out…" and the question it asks first (``common.answers_by_day``, decision 72).

Every value and every translation is escaped with ``html.escape``; the author's texts carry their
language (``lang``: ``common.content_language.attr``'s ``' lang="fr"'``, or "") inside the
reader's words, in their own direction (``dir="auto"``, ``<bdi>``); a custom scale's labels are
the author's (``labels_lang``), a preset's the reader's. Numbers and percentages are CLDR's in the
page's language (``words[2]``, a ``common.numbers.Numbers``). ``words``: ``block.translators()``,
``(gettext, ngettext, numbers)``.
"""

import json
from html import escape

from django.utils.safestring import mark_safe

from ..common.answers_by_day import days_html
from ..common.content_language import wrapped
from ..common.downloads import links_html
from ..common.i18n import pgettext

NONE = "–"  # a figure with nothing to divide (no answer on the scale)


def panel_html(data, chart, words, lang="", labels_lang="", dom=""):
    """The whole panel (safe HTML) for ``data`` (``views.results_json``'s answer without ``html``).
    ``dom``: the block's id prefix (``block.dom_id()``), whose title (``<dom>-title``) names each
    table's region with the table's own name (``_named``)."""
    _, ungettext, nums = words
    respondents = data["respondents"]
    # translated outside the f-strings: xgettext does not read calls inside an f-string's braces
    title = escape(_("Results"))
    count = escape(ungettext("{n} respondent", "{n} respondents", respondents).format(n=nums.number(respondents, 0)))
    # the heading "Show results" puts the focus on: the panel named for a screen reader
    out = [f'<h4 tabindex="-1" data-results-title>{title}</h4>', f'<p class="emm-respondents">{count}</p>']
    if data["suppressed"]:
        out.append(f'<p class="emm-notice">{escape(data["message"])}</p>')
        out.append(_downloads(data, _))
        out.append(days_html(data, words))
        return mark_safe("".join(out))  # noqa: S308 - every value and every translation escaped
    if data.get("headline_text"):
        # the figure stands out, the words that say what it counts read as text (trial s41: five
        # bold lines on a phone)
        figure = escape(nums.percent(data["headline"]))
        headline = escape(data["headline_text"]).replace(figure, f"<strong>{figure}</strong>", 1)
        out.append(f'<p class="emm-headline">{headline}</p>')
    # how the figures are counted: beside the chart for staff, with the tables for a learner
    basis = []
    if data.get("literal_text"):
        basis.append(f'<p class="emm-headline-literal">{escape(data["literal_text"])}</p>')
    if data.get("reverse_shown") and data.get("staff"):
        basis.append('<p class="emm-basis">' + escape(_(
            "Bars, top boxes and means count reverse-coded statements rescored: favourable answers are always "
            "on the same side of the centre.")) + "</p>")
    elif data.get("reverse_shown"):
        basis.append('<p class="emm-basis">' + escape(_(
            "The bars show the answers as given. For a reverse-coded statement the lower answers are the favourable "
            "ones, and the favourable figures count them so.")) + "</p>")
    if data.get("staff"):
        out.extend(basis)
    out.append(str(chart))
    tables = [*([] if data.get("staff") else basis), _table_html(data, words, lang, labels_lang, dom)]
    tables.extend(_apart_html(section, _, nums, lang, dom, number)
                  for number, section in enumerate(data.get("apart") or (), start=1))
    if data.get("profiles"):
        tables.append(_profiles_html(data, words, lang, dom))
    if data.get("staff"):
        out.extend(tables)
    else:
        # a learner reads the headline and the chart; every figure is one tap away, not a wide
        # table of staff's terms on a phone (facilitator trial s34); the same tables, a screen
        # reader's too, once opened
        more = escape(_("Every figure, in tables"))
        out.append(f'<details class="emm-every-figure"><summary>{more}</summary>{"".join(tables)}</details>')
    if data.get("comments"):
        out.append(comments_html(data, words, dom))
    out.append(_downloads(data, _))
    out.append(days_html(data, words))
    return mark_safe("\n".join(out))  # noqa: S308 - every value and every translation escaped


def comments_html(data, words, dom=""):
    """The staff's comments (``likert.comments``): the first page, each learner's text escaped in its
    own direction, how many there are, and while more are kept, "Show more comments", which holds
    where the page stopped (``data-after``, as JSON: an attribute's line breaks would be read back
    changed, ``\r\n`` as ``\n``) and is described by the count;
    the section carries the handler's address (``data-url``) and a status line, empty, where
    ``emm-likert-comments.js`` says how many it added."""
    _, ungettext, nums = words
    texts, total, after = data["comments"], data.get("comments_total", len(data["comments"])), data.get("comments_next")
    dom = escape(dom)
    heading = escape(_("Comments"))
    items = "".join(f'<li dir="auto">{escape(text)}</li>' for text in texts)
    if after:
        count = ungettext("{shown} of {total} comment shown", "{shown} of {total} comments shown", total).format(
            shown=nums.number(len(texts), 0), total=nums.number(total, 0))
    else:
        count = ungettext("{n} comment", "{n} comments", total).format(n=nums.number(total, 0))
    url = f' data-url="{escape(data["comments_url"])}"' if data.get("comments_url") else ""
    out = [f'<div class="emm-comments-list" data-comments{url}><h4 id="{dom}-comments">{heading}</h4>',
           f'<p class="emm-comments-count" id="{dom}-comments-count" data-comments-count>{escape(count)}</p>',
           f'<ul class="emm-comments" aria-labelledby="{dom}-comments">{items}</ul>']
    if after:
        order = escape(_("Listed in the order of their text, not of when they were sent."))
        more = escape(_("Show more comments"))
        out.append(f'<p class="emm-basis" data-comments-note>{order}</p>'
                   f'<p><button type="button" class="emm-button" data-comments-more'
                   f' data-after="{escape(json.dumps(after))}"'
                   f' aria-describedby="{dom}-comments-count">{more}</button></p>')
    out.append('<p class="emm-sr" role="status" data-comments-said></p></div>')
    return "".join(out)


def empty_text(st, min_group_size, words):
    """What a statement without a bar says, in the chart and in its table row: too few answered
    (below the minimum group size), nobody yet, or only "N/A" answers (how many)."""
    _, ungettext, nums = words
    if st["suppressed"]:
        return _("Too few answers to show (fewer than {min} on the scale).").format(min=nums.number(min_group_size, 0))
    if not st["na"]:
        return _("No answers yet.")
    return ungettext("No answers on the scale: {n} person chose “N/A”.",
                     "No answers on the scale: {n} people chose “N/A”.", st["na"]).format(n=nums.number(st["na"], 0))


def chart_rows(data, words, lang=""):
    """The statements as ``common.charts.diverging`` takes them: each one's ``segments`` as
    ``(point, start %, width %)``, its language and what it says without a bar (``empty_text``).
    Staff's bars are on the favourable basis (reverse-coded statements rescored, as the top boxes
    and the report count them); a learner's show the answers as given, each in the colour the
    legend gives its label: rescored, a reverse-coded statement's "Agree" was drawn in the colour
    of "Disagree" (learner trial s37)."""
    key = "segments" if data.get("staff") else "worded_segments"
    return [dict(st, lang=lang, empty=empty_text(st, data["min_group_size"], words),
                 segments=[(seg["value"], seg["start"], seg["width"]) for seg in st[key]])
            for st in data["statements"]]


def _percent(value, nums):
    """A share in the page's language (text, escaped where it is written), or ``NONE``."""
    return NONE if value is None else nums.percent(value)


def _row_head(text, lang, note="", unseen=""):
    """A row's head: the statement in its own direction (and language), the reader's note after it;
    the cell keeps the page's direction, so that it sticks on the page's start side as the table
    scrolls (``emm-likert-results.css``). ``unseen``: a sentence for screen readers only (what
    the chart, hidden from them, says of the row)."""
    after = f" <bdi>({escape(note)})</bdi>" if note else ""
    if unseen:
        after += f' <span class="emm-sr">{escape(unseen)}</span>'
    return f'<th scope="row"><div dir="auto">{wrapped(escape(text), lang)}{after}</div></th>'


def _heads(texts):
    return "".join(f'<th scope="col">{text}</th>' for text in texts)


def count_head(_):
    """The head of a table's column of answers counted, as the Likert results and the evaluation report
    write it: short on the screen ("n", translated: a letter or a word the reader's language gives, with
    the whole words as its tooltip), the whole words for a screen reader, which says a column's head
    with each of its cells ("Number of answers, 6", not "n, 6" in an Arabic voice). HTML, escaped."""
    full = escape(_("Number of answers"))
    # Translators: the head of a results table's column of answers counted, as short as can be read
    # (English "n", the statisticians' letter; a short word where your language has no such letter).
    # Screen readers say "Number of answers" instead, and the mouse shows it.
    short = escape(pgettext(_, "the column of answers counted in a results table", "n"))
    return f'<abbr title="{full}" aria-hidden="true">{short}</abbr><span class="emm-sr">{full}</span>'


def _label(text, lang=""):
    """A scale's label inside the reader's words: in its own direction (a custom scale's in its author's language)."""
    return f"<bdi{lang}>{escape(text)}</bdi>"


def _named(dom, own):
    """A table's region named after its block's title, then after ``own`` (an id): several
    evaluations on a unit's page (the LMS shows them on one) gave a screen reader's list of
    regions three "Results table" (bug hunt s44)."""
    return f'aria-labelledby="{escape(dom)}-title {escape(own)}"'


def _table_html(data, words, lang, labels_lang, dom):
    """Every figure, a row per statement: the answers as given (count and share), N/A, the top
    boxes and the mean favourable (reverse-coded statements rescored), and the top two as worded
    where a reverse-coded statement is shown."""
    _, _ungettext, nums = words
    reverse_shown = data.get("reverse_shown")
    heads = [escape(_("Statement")), count_head(_), *(_label(label, labels_lang) for label in data["labels"]),
             escape(_("N/A")), *(escape(head) for head in _figure_heads(data, _, nums))]
    note = _("reverse-coded")
    rows = []
    for st in data["statements"]:
        # no answer on the scale: its figures are dashes, and why is said in the chart, which screen
        # readers skip (decision 34: nothing said only by the chart), so the row says it to them
        unseen = empty_text(st, data["min_group_size"], words) if not st["suppressed"] and not st["n"] else ""
        head = _row_head(st["text"], lang, note if st["reverse"] else "", unseen)
        if st["suppressed"]:
            text = escape(empty_text(st, data["min_group_size"], words))
            rows.append(f'<tr data-row="{escape(st["id"])}">{head}<td colspan="{len(heads) - 1}">{text}</td></tr>')
            continue
        cells = [nums.number(st["n"], 0)]
        # a share of the answers on the scale, where there are any (``percents`` is then one per point)
        if st["n"]:
            cells += [f"{nums.number(c, 0)} ({_percent(p, nums)})"
                      for c, p in zip(st["counts"], st["percents"], strict=True)]
        else:
            cells += [nums.number(c, 0) for c in st["counts"]]
        cells += [nums.number(st["na"], 0), _percent(st["top_box"], nums), _percent(st["top_two_box"], nums)]
        if reverse_shown:
            cells.append(_percent(st["agree_two_box"], nums))
        # two decimals always, as the course report writes them: "4" would read as an answer (trial s34)
        cells.append(NONE if st["mean"] is None else nums.number(st["mean"], 2, fixed=True))
        rows.append(f'<tr data-row="{escape(st["id"])}">{head}{"".join(f"<td>{escape(c)}</td>" for c in cells)}</tr>')
    caption = escape(_("Answers per statement as given (count and percentage; N/A left out of percentages); top "
                       "boxes and mean favourable, reverse-coded statements rescored") if data.get("staff") else
                     _("Answers per statement as given (count and percentage; N/A left out of percentages), then the "
                       "share of favourable answers and the average; for a reverse-coded statement the lower answers "
                       "are the favourable ones"))
    label = escape(_("Results table"))
    # its own name is its aria-label, which the reference to itself takes (the caption is a sentence)
    return (f'<div class="emm-table-wrap" tabindex="0" role="region" id="{escape(dom)}-figures" aria-label="{label}"'
            f' {_named(dom, dom + "-figures")}>'
            f'<table class="emm-table"><caption>{caption}</caption>'
            f'<thead><tr>{_heads(heads)}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _figure_heads(data, _, nums):
    """The heads of the figures after the answers: staff's in the field's terms (top box, top two,
    mean, as the course report names them), a learner's in plain words, the mean's range said
    (learner trial s41: "Top two as worded" read as staff's jargon)."""
    reverse_shown = data.get("reverse_shown")
    if data.get("staff"):
        return [_("Top box (favourable)"), _("Top two (favourable)"),
                *([_("Top two as worded")] if reverse_shown else []), _("Mean (favourable)")]
    return [_("Most favourable answer"), _("Two most favourable answers"),
            *([_("Two highest answers, as worded")] if reverse_shown else []),
            _("Average, from 1 to {points} (most favourable)").format(points=nums.number(len(data["labels"]), 0))]


def _apart_html(section, _, nums, lang, dom, number):
    """Answers no figure counts, shown apart and labelled (``results.apart_sections``): answers
    given on an earlier scale, with that scale's labels, and answers to statements since removed,
    in the evaluation's order and marked reverse-coded as in the main table (``_table_html``).
    The section's heading shows its title; the caption (id ``<dom>-apart<number>``) names the table
    and, after the block's title, its region, for screen readers only.
    ``lang``: the author's language attribute, on the statements and on a custom scale's labels."""
    labels_lang = lang if section.get("custom") else ""
    heads = [escape(_("Statement")), count_head(_), *(_label(label, labels_lang) for label in section["labels"]),
             escape(_("N/A"))]
    too_few = escape(_("Too few answers to show."))
    note = _("reverse-coded")  # as the main table marks it (``_table_html``)
    rows = []
    for st in section["statements"]:
        if st["suppressed"]:
            cells = f'<td colspan="{len(heads) - 1}">{too_few}</td>'
        else:
            cells = "".join(f"<td>{escape(nums.number(c, 0))}</td>" for c in (st["n"], *st["counts"], st["na"]))
        head = _row_head(st["text"], lang, note if st.get("reverse") else "")
        rows.append(f'<tr data-apart-row="{escape(st["id"])}">{head}{cells}</tr>')
    title, caption_id = escape(section["title"]), f"{dom}-apart{number}"
    return (f'<section class="emm-apart" data-apart><h5>{title}</h5>'
            f'<div class="emm-table-wrap" tabindex="0" role="region" {_named(dom, caption_id)}>'
            f'<table class="emm-table"><caption class="emm-sr" id="{escape(caption_id)}">{title}</caption>'
            f'<thead><tr>{_heads(heads)}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')


def _profiles_html(data, words, lang, dom):
    """Who answered (issue 11): a column per participant profile (and one for who did not say),
    each statement's favourable share and top box; a cell withheld (too few answers, or one that
    would give a small group away: ``common.perspectives``) says so."""
    _, ungettext, nums = words
    table = data["profiles"]
    frame = _("By profile: {question}")
    prompt = escape(table["prompt"])
    # the heading: the author's question in its own direction inside the reader's sentence
    heading = escape(frame).replace("{question}", f"<bdi{lang}>{prompt}</bdi>")
    title = escape(frame.replace("{question}", table["prompt"]))
    withheld, not_shown = escape(_("withheld: too few answers")), escape(_("not shown"))
    heads = [escape(_("Statement"))]
    for col in table["columns"]:
        if col["n"] is None:
            size = withheld if col["small"] else not_shown
        else:
            size = escape(ungettext("{n} answered", "{n} answered", col["n"]).format(n=nums.number(col["n"], 0)))
        own = lang if col["key"] else ""  # an option is the author's; "Did not say" (its key "") the reader's
        heads.append(f'<span dir="auto"{own}>{escape(col["text"])}</span><br><small>{size}</small>')
    # a learner reads plain words, as in the table of every figure (_figure_heads)
    cell_text = (_("{favourable} favourable ({top} top box)") if data.get("staff")
                 else _("{favourable} favourable ({top} most favourable answer)"))
    rows = []
    for st in table["statements"]:
        cells = []
        for cell in st["cells"]:
            if not cell["shown"]:
                cells.append(f'<td data-withheld>{withheld if cell["small"] else not_shown}</td>')
            else:
                text = cell_text.format(favourable=_percent(cell["favourable"], nums),
                                        top=_percent(cell["top_box"], nums))
                cells.append(f"<td>{escape(text)}</td>")
        rows.append(f'<tr data-profile-row="{escape(st["id"])}">{_row_head(st["text"], lang)}{"".join(cells)}</tr>')
    download = ""
    if data.get("profile_csv_url") or data.get("profile_csv_refused"):
        download = _download(data.get("profile_csv_url"), _("Download the figures by profile (CSV)"),
                             data.get("profile_csv_excel_url"), data.get("excel_link"), data.get("profile_csv_refused"))
    return (f'<section class="emm-profiles" data-profiles><h4>{heading}</h4>'
            f'<div class="emm-table-wrap" tabindex="0" role="region" {_named(dom, dom + "-profiles")}>'
            f'<table class="emm-table"><caption class="emm-sr" id="{escape(dom)}-profiles">{title}</caption>'
            f'<thead><tr>{_heads(heads)}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>{download}</section>')


def _downloads(data, _):
    """The staff's downloads (their addresses are given to staff only): the responses, or why their
    handler would refuse them (``csv_refused``), then the codebook, which is offered even below
    the minimum group size."""
    files = ((data.get("csv_url"), _("Download the responses (CSV)"), data.get("csv_excel_url"),
              data.get("csv_refused")),
             (data.get("codebook_url"), _("Download the codebook: what each column holds (CSV)"),
              data.get("codebook_excel_url"), None))
    return "".join(_download(url, text, excel, data.get("excel_link"), refused)
                   for url, text, excel, refused in files if url or refused)


def _download(url, text, excel_url, excel_link, refused=None):
    """A staff download, then its Excel variant beside it, as buttons, or why its handler would
    refuse it (``refused``, its answer) in their place (``common.downloads.links_html``)."""
    return f'<p class="emm-downloads">{links_html(url, text, excel_url, excel_link, buttons=True, refused=refused)}</p>'
